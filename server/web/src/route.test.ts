import { describe, expect, it } from "vitest";
import { href, parseRoute, type Route } from "./route.ts";

describe("hash routes", () => {
  it("round-trips every page", () => {
    const routes: Route[] = [
      { page: "journals" },
      { page: "journals", archived: true },
      { page: "journal-new" },
      { page: "import" },
      { page: "journal", id: "01HX-ab_c" },
      { page: "analytics" },
      { page: "my-extension" },
      { page: "account" },
      { page: "admin", section: "devices" },
      { page: "alerts", status: "open" },
      { page: "alerts", status: "acknowledged" },
      { page: "alert-rules" },
    ];
    for (const r of routes) expect(parseRoute(href(r))).toEqual(r);
  });

  it("defaults to the journal list and flags unknown paths", () => {
    expect(parseRoute("")).toEqual({ page: "journals" });
    expect(parseRoute("#/admin")).toEqual({ page: "admin", section: "stores" });
    expect(parseRoute("#/nope/x")).toEqual({ page: "not-found", path: "/nope/x" });
    expect(parseRoute("#/alerts/x")).toEqual({ page: "not-found", path: "/alerts/x" });
  });
});
