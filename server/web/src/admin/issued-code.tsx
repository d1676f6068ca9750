// A pairing code as issued: the 8 characters big, a QR code when it helps (a
// kiosk scans a link), a live countdown to its expiry and how to use it. The
// admins' pairing tab and a marketer's "Pair my browser extension" page show
// codes the same way.
import { useEffect, useState } from "preact/hooks";
import type { PairingCode } from "../api/types.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { QrCode } from "./qr-code.tsx";

/** What the QR code carries: for a kiosk, a link that opens the kiosk ready to pair. */
export function pairingPayload(code: string, role: "staff" | "marketer", origin: string): string {
  return role === "staff" ? `${origin}/kiosk/#pair=${encodeURIComponent(code)}` : code;
}

type Props = {
  issued: PairingCode & { role: "staff" | "marketer" };
  /** The heading above the code ("Pairing code for …"). */
  heading: string;
  /** Show the QR code (a tablet scans it; an extension install types the code). */
  qr?: boolean;
};

export function IssuedCode({ issued, heading, qr = true }: Props) {
  const { t } = useI18n();
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [issued]);
  const left = Math.max(0, Math.round((new Date(issued.expiresAt).getTime() - now) / 1000));

  return (
    <div class="card pairing-code" aria-live="polite">
      <p class="small muted">{heading}</p>
      <p class="code" data-code={issued.code}>
        {issued.code.split("").map((ch, i) => (
          <span key={i}>{ch}</span>
        ))}
      </p>
      {qr && (
        <QrCode
          text={pairingPayload(issued.code, issued.role, location.origin)}
          label={t("pairing.qr", { code: issued.code })}
        />
      )}
      <p class={left > 0 ? "small muted" : "small warn-text"}>
        {left > 0
          ? t("pairing.expiresIn", {
              m: Math.floor(left / 60),
              s: String(left % 60).padStart(2, "0"),
            })
          : t("pairing.expired")}
      </p>
      <p class="hint">{t(issued.role === "staff" ? "pairing.kioskHow" : "pairing.extensionHow")}</p>
    </div>
  );
}
