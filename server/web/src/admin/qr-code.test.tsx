// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { renderUi } from "../../test/support/render.tsx";
import { pairingPayload } from "./pairing-admin.tsx";
import { QrCode, qrMatrix } from "./qr-code.tsx";

describe("pairing QR code", () => {
  it("encodes the code in a square matrix with finder patterns", () => {
    const m = qrMatrix("AB12CD34");
    expect(m.length).toBeGreaterThanOrEqual(21);
    expect(m.every((row) => row.length === m.length)).toBe(true);
    expect(m[0]?.slice(0, 7).every(Boolean)).toBe(true);
  });

  it("renders as SVG with an accessible name", () => {
    const el = renderUi(<QrCode text="AB12CD34" label="QR for AB12CD34" />);
    const svg = el.querySelector("svg.qr");
    expect(svg?.getAttribute("aria-label")).toBe("QR for AB12CD34");
    expect(svg?.querySelector("path")?.getAttribute("d")?.length).toBeGreaterThan(100);
  });

  it("links a kiosk straight to pairing", () => {
    expect(pairingPayload("AB12CD34", "staff", "https://s.example")).toBe(
      "https://s.example/kiosk/#pair=AB12CD34",
    );
    expect(pairingPayload("AB12CD34", "marketer", "https://s.example")).toBe("AB12CD34");
  });
});
