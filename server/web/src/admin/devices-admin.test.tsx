// @vitest-environment happy-dom
// The devices tab against a fake API: whose extension each device is, and
// "Import unsent data" (a revoked device's file applied, the result counted;
// a bad file explained in words, the page left as it was), in both languages.
// Then issuing codes for a person, and a marketer pairing their own browser.
import { UNSENT_EXPORT_FORMAT } from "@sightline/shared/sync/messages/unsent-export";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fire, renderUi, settle, TEST_USER } from "../../test/support/render.tsx";
import type { Api } from "../api/client.ts";
import { ApiError } from "../api/problem.ts";
import type { Device, User } from "../api/types.ts";
import { MyExtensionPage } from "../pages/my-extension-page.tsx";
import { DevicesAdmin } from "./devices-admin.tsx";
import { PairingAdmin } from "./pairing-admin.tsx";

const KIOSK = "0b7f3e5c-9d1a-4c2e-8f6a-1a2b3c4d5e6f";
const EXT = "5d2c1b0a-8e7f-4a6b-9c5d-4e3f2a1b0c9d";
const LAN = "01900000-0000-7000-8000-00000000000a";

const devices: Device[] = [
  {
    id: KIOSK,
    name: "Quầy 1",
    kind: "kiosk",
    role: "staff",
    storeId: "s1",
    lastSeq: 4,
    revoked: true,
    ownerId: "u1",
  },
  {
    id: EXT,
    name: null,
    kind: "extension",
    role: "marketer",
    lastSeq: 2,
    revoked: false,
    ownerId: LAN,
  },
];
const people = [
  { id: "u1", email: "manager@example.vn", name: null, role: "manager" as const, createdAt: "" },
  { id: LAN, email: "lan@example.vn", name: "Lan", role: "marketer" as const, createdAt: "" },
  { id: "u3", email: "xem@example.vn", name: "Xem", role: "viewer" as const, createdAt: "" },
];

function exportFile(o: Partial<{ deviceId: string; workspaceId: string }> = {}) {
  return {
    format: UNSENT_EXPORT_FORMAT,
    version: 1,
    deviceId: o.deviceId ?? KIOSK,
    workspaceId: o.workspaceId ?? TEST_USER.workspaceId,
    kind: "kiosk",
    clientSchema: 1,
    appVersion: "kiosk 1.0",
    exportedAt: "2026-03-10T08:00:00.000Z",
    mutations: [
      {
        seq: 5,
        op: "obs.create",
        id: "01900000-0000-7000-8000-000000000001",
        hlc: `001773129600000-0000-${KIOSK}`,
        fields: { channel: "store", method: "shopper-observation", what: "Hỏi giá" },
      },
    ],
  };
}

function fakeApi(over: Partial<Api> = {}): Partial<Api> {
  return {
    devices: vi.fn(async () => ({ items: devices })),
    stores: vi.fn(async () => [{ id: "s1", name: "Quận 1" }] as never),
    users: vi.fn(async () => ({ items: people })),
    importUnsent: vi.fn(async () => ({ applied: 3, duplicates: 1, rejected: [], lastSeq: 8 })),
    createPairingCode: vi.fn(async () => ({
      code: "ABCDEFGH",
      expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
    })),
    ...over,
  };
}

async function pick(el: HTMLElement, contents: string) {
  const input = el.querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error("no file input");
  const file = new File([contents], "sightline-unsent.json", { type: "application/json" });
  Object.defineProperty(input, "files", { value: [file], configurable: true });
  fire("change", input);
  await settle(6);
}

afterEach(() => vi.restoreAllMocks());

describe("fleet view", () => {
  const NOW = Date.now();
  const ago = (ms: number) => new Date(NOW - ms).toISOString();
  const H = 3_600_000;
  const fleet: Device[] = [
    {
      id: "fine",
      name: "Quầy ổn",
      kind: "kiosk",
      role: "staff",
      storeId: "s1",
      lastPullAt: ago(60_000),
      unsynced: { count: 0, oldestAt: null },
      storagePersisted: true,
      appVersion: "kiosk/1.4.0",
      revoked: false,
    },
    {
      id: "backlog",
      name: "Quầy tồn",
      kind: "kiosk",
      role: "staff",
      storeId: "s1",
      lastPushAt: ago(5 * 60_000),
      unsynced: { count: 12, oldestAt: ago(3 * H) },
      storagePersisted: false,
      appVersion: "kiosk/1.3.9",
      revoked: false,
    },
    {
      id: "silent",
      name: "Quầy im",
      kind: "kiosk",
      role: "staff",
      storeId: "s1",
      lastPullAt: ago(30 * H),
      unsynced: { count: 2, oldestAt: ago(31 * H) },
      storagePersisted: true,
      revoked: false,
    },
    { id: "gone", name: "Quầy cũ", kind: "kiosk", role: "staff", revoked: true },
  ];

  it("sorts by trouble, highlights a silent device, shows unsynced, storage and version", async () => {
    const el = renderUi(<DevicesAdmin />, {
      api: fakeApi({ devices: vi.fn(async () => ({ items: fleet })) }),
    });
    await settle();
    const rows = [...el.querySelectorAll<HTMLElement>("tbody tr")];
    expect(rows.map((r) => r.dataset.device)).toEqual(["silent", "backlog", "fine", "gone"]);
    expect(rows.map((r) => r.dataset.silent ?? "")).toEqual(["true", "", "", ""]);
    expect(rows[0]?.className).toBe("silent");
    expect(rows[0]?.textContent).toContain("Silent for over 24 h");
    const backlog = rows[1] as HTMLElement;
    expect(backlog.querySelector('[data-testid="unsynced"]')?.textContent).toContain("12 changes");
    expect(backlog.querySelector('[data-testid="unsynced"]')?.textContent).toContain("oldest");
    expect(backlog.querySelector('[data-testid="storage"]')?.textContent).toBe("May be evicted");
    expect(backlog.textContent).toContain("kiosk/1.3.9");
    expect(rows[2]?.querySelector('[data-testid="unsynced"]')?.textContent).toBe("None");
    expect(rows[2]?.querySelector('[data-testid="storage"]')?.textContent).toBe("Persistent");
    expect(el.querySelector("thead")?.textContent).toContain("Unsynced");
  });

  it("speaks Vietnamese too", async () => {
    const el = renderUi(<DevicesAdmin />, {
      api: fakeApi({ devices: vi.fn(async () => ({ items: fleet })) }),
      locale: "vi",
    });
    await settle();
    const backlog = el.querySelector('tr[data-device="backlog"]');
    expect(backlog?.querySelector('[data-testid="unsynced"]')?.textContent).toContain(
      "12 thay đổi",
    );
    expect(backlog?.querySelector('[data-testid="storage"]')?.textContent).toBe("Có thể bị xoá");
    expect(el.querySelector('tr[data-device="silent"]')?.textContent).toContain(
      "Im lặng hơn 24 giờ",
    );
  });
});

describe("devices tab", () => {
  it("shows whose extension each device is", async () => {
    const el = renderUi(<DevicesAdmin />, { api: fakeApi() });
    await settle();
    expect(el.querySelector(`tr[data-device="${EXT}"]`)?.textContent).toContain("Lan");
    expect(el.querySelector("thead")?.textContent).toContain("Whose");
  });

  it("imports a revoked device's unsent-data file and shows what it did, in English and Vietnamese", async () => {
    for (const [locale, text] of [
      ["en", "Imported the file of Quầy 1: 3 applied, 1 already on the server, 0 refused."],
      [
        "vi",
        "Đã nhập tệp của Quầy 1: 3 thay đổi được áp dụng, 1 đã có sẵn trên máy chủ, 0 bị từ chối.",
      ],
    ] as const) {
      const api = fakeApi();
      const el = renderUi(<DevicesAdmin />, { api, locale });
      await settle();
      await pick(el, JSON.stringify(exportFile()));
      expect(api.importUnsent).toHaveBeenCalledWith(KIOSK, exportFile());
      expect(el.querySelector('[role="status"]')?.textContent).toBe(text);
      expect(api.devices).toHaveBeenCalledTimes(2); // lastSeq refreshed
    }
  });

  it("explains a bad file in words and keeps the page as it was", async () => {
    const api = fakeApi();
    const el = renderUi(<DevicesAdmin />, { api });
    await settle();
    const before = el.querySelector("table")?.outerHTML;
    const cases: [string, string][] = [
      ["not json at all", "This is not a Sightline unsent-data file"],
      [JSON.stringify({ format: "csv" }), "This is not a Sightline unsent-data file"],
      [
        JSON.stringify(exportFile({ workspaceId: "01900000-0000-7000-8000-0000000000ff" })),
        "another workspace",
      ],
      [
        JSON.stringify(exportFile({ deviceId: "01900000-0000-7000-8000-0000000000ee" })),
        "no such device",
      ],
    ];
    for (const [contents, message] of cases) {
      await pick(el, contents);
      expect(el.querySelector('.import-unsent [role="alert"]')?.textContent).toContain(message);
    }
    expect(api.importUnsent).not.toHaveBeenCalled();
    expect(el.querySelector("table")?.outerHTML).toBe(before);
  });

  it("explains the server's refusals: a seq gap, another history, a file it finds invalid", async () => {
    const importUnsent = vi
      .fn()
      .mockRejectedValueOnce(new ApiError(409, "Conflict"))
      .mockRejectedValueOnce(
        new ApiError(409, "Another history", "…", [], "urn:sightline:problem:seq-reused"),
      )
      .mockRejectedValueOnce(new ApiError(400, "Bad request", "mutations.0.hlc: not an HLC"));
    const el = renderUi(<DevicesAdmin />, { api: fakeApi({ importUnsent }), locale: "vi" });
    await settle();
    await pick(el, JSON.stringify(exportFile()));
    expect(el.querySelector('.import-unsent [role="alert"]')?.textContent).toContain(
      "Máy chủ còn thiếu các thay đổi trước đó",
    );
    await pick(el, JSON.stringify(exportFile()));
    expect(el.querySelector('.import-unsent [role="alert"]')?.textContent).toContain(
      "Máy chủ đã có những thay đổi khác",
    );
    await pick(el, JSON.stringify(exportFile()));
    const alert = el.querySelector('.import-unsent [role="alert"]')?.textContent;
    expect(alert).toContain("Tệp này không phải tệp");
    expect(alert).toContain("not an HLC");
  });
});

describe("pairing codes for a person", () => {
  it("lets an admin choose whose extension a code pairs (people who capture only)", async () => {
    const api = fakeApi();
    const el = renderUi(<PairingAdmin />, { api });
    await settle();
    const marketer = el.querySelectorAll<HTMLInputElement>('input[type="radio"]')[1];
    fire("change", marketer);
    fire("click", marketer);
    const select = el.querySelector<HTMLSelectElement>('select[name="person"]');
    expect([...(select?.options ?? [])].map((o) => o.textContent)).toEqual([
      "Me (manager@example.vn)",
      "Lan · Marketer",
    ]);
    if (!select) throw new Error("no person select");
    select.value = LAN;
    fire("change", select);
    fire("submit", el.querySelector("form"));
    await settle();
    expect(api.createPairingCode).toHaveBeenCalledWith({ role: "marketer", userId: LAN });
    expect(el.querySelector(".pairing-code")?.textContent).toContain(
      "Pairing code for Lan's extension",
    );
  });

  it("issues a code for the issuer when they keep themselves", async () => {
    const api = fakeApi();
    const el = renderUi(<PairingAdmin />, { api });
    await settle();
    fire("click", el.querySelectorAll<HTMLInputElement>('input[type="radio"]')[1]);
    fire("submit", el.querySelector("form"));
    await settle();
    expect(api.createPairingCode).toHaveBeenCalledWith({ role: "marketer" });
  });
});

describe("pair my browser extension", () => {
  const marketer: User = { id: LAN, email: "lan@example.vn", role: "marketer", workspaceId: "w1" };

  it("gives a marketer a code for their own extension with its expiry", async () => {
    const api = fakeApi();
    const el = renderUi(<MyExtensionPage />, { api, user: marketer });
    fire("submit", el.querySelector("form"));
    await settle();
    expect(api.createPairingCode).toHaveBeenCalledWith({ role: "marketer" });
    const card = el.querySelector(".pairing-code");
    expect(card?.querySelector(".code")?.getAttribute("data-code")).toBe("ABCDEFGH");
    expect(card?.textContent).toMatch(/Expires in 1[45]:\d\d/);
    expect(card?.querySelector("svg.qr")).toBeNull();
  });

  it("tells a viewer the page is not for them, in Vietnamese too", () => {
    const viewer: User = { ...marketer, role: "viewer" };
    const el = renderUi(<MyExtensionPage />, { api: fakeApi(), user: viewer, locale: "vi" });
    expect(el.querySelector("form")).toBeNull();
    expect(el.textContent).toContain("Chỉ người thu thập quan sát");
  });
});
