// Hash routing (`#/journals/abc`): works behind any static host with no
// server-side fallback, and reloads land on the same page.
export const ADMIN_SECTIONS = [
  "stores",
  "competitors",
  "people",
  "devices",
  "pairing",
  "audit",
  "webhooks",
  "api-keys",
] as const;
export type AdminSection = (typeof ADMIN_SECTIONS)[number];

export type Route =
  | { page: "journals"; archived?: boolean }
  | { page: "journal-new" }
  | { page: "journal"; id: string }
  | { page: "analytics" }
  | { page: "import" }
  | { page: "my-extension" }
  | { page: "account" }
  | { page: "alerts"; status: "open" | "acknowledged" }
  | { page: "alert-rules" }
  | { page: "admin"; section: AdminSection }
  | { page: "not-found"; path: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, "").replace(/\/+$/, "") || "/journals";
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  const [first, second] = parts;
  if (first === "journals" && parts.length === 1) return { page: "journals" };
  if (first === "journals" && second === "archived" && parts.length === 2)
    return { page: "journals", archived: true };
  if (first === "journals" && second === "new" && parts.length === 2)
    return { page: "journal-new" };
  if (first === "journals" && second && parts.length === 2) return { page: "journal", id: second };
  if (first === "analytics" && parts.length === 1) return { page: "analytics" };
  if (first === "import" && parts.length === 1) return { page: "import" };
  if (first === "extension" && parts.length === 1) return { page: "my-extension" };
  if (first === "account" && parts.length === 1) return { page: "account" };
  if (first === "alerts" && parts.length === 1) return { page: "alerts", status: "open" };
  if (first === "alerts" && second === "acknowledged" && parts.length === 2)
    return { page: "alerts", status: "acknowledged" };
  if (first === "alerts" && second === "rules" && parts.length === 2)
    return { page: "alert-rules" };
  if (first === "admin") {
    const section = (second ?? "stores") as AdminSection;
    if (ADMIN_SECTIONS.includes(section) && parts.length <= 2) return { page: "admin", section };
  }
  return { page: "not-found", path };
}

export function href(route: Route): string {
  switch (route.page) {
    case "journals":
      return route.archived ? "#/journals/archived" : "#/journals";
    case "journal-new":
      return "#/journals/new";
    case "journal":
      return `#/journals/${encodeURIComponent(route.id)}`;
    case "analytics":
      return "#/analytics";
    case "import":
      return "#/import";
    case "my-extension":
      return "#/extension";
    case "account":
      return "#/account";
    case "alerts":
      return route.status === "acknowledged" ? "#/alerts/acknowledged" : "#/alerts";
    case "alert-rules":
      return "#/alerts/rules";
    case "admin":
      return `#/admin/${route.section}`;
    case "not-found":
      return `#${route.path}`;
  }
}

export function navigate(route: Route): void {
  location.hash = href(route);
}
