// @vitest-environment happy-dom
import { getByLabelText, getByRole, queryByRole } from "@testing-library/dom";
import { describe, expect, it, vi } from "vitest";
import { fire, renderUi, settle } from "../../test/support/render.tsx";
import { ApiError } from "../api/problem.ts";
import { StatusControl } from "./status-control.tsx";

const select = (el: HTMLElement) => el.querySelector("select") as HTMLSelectElement;

describe("StatusControl single-source override", () => {
  it("asks for a reason before validating a single-source insight", async () => {
    const onChange = vi.fn();
    const el = renderUi(
      <StatusControl status="emerging" singleSource onChange={onChange} idPrefix="s" />,
    );
    fire("change", select(el), { target: { value: "validated" } });
    expect(onChange).not.toHaveBeenCalled();
    const dialog = getByRole(el, "dialog");
    expect(dialog.textContent).toContain("one kind of data only");
    const confirm = getByRole(dialog, "button", {
      name: "Set to “Validated” anyway",
    }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);

    fire("input", getByLabelText(dialog, "Reason for the override"), {
      target: { value: "Only kiosk data exists for this new store" },
    });
    expect(confirm.disabled).toBe(false);
    fire("click", confirm);
    expect(onChange).toHaveBeenCalledWith("validated", "Only kiosk data exists for this new store");
    await settle();
    expect(queryByRole(el, "dialog")).toBeNull();
  });

  it("keeps the reason typed when the change fails, and says why", async () => {
    const onChange = vi.fn().mockRejectedValue(new ApiError(0, "network", "down"));
    const el = renderUi(
      <StatusControl status="emerging" singleSource onChange={onChange} idPrefix="s" />,
    );
    fire("change", select(el), { target: { value: "validated" } });
    const dialog = getByRole(el, "dialog");
    fire("input", getByLabelText(dialog, "Reason for the override"), {
      target: { value: "Only kiosk data exists" },
    });
    fire("click", getByRole(dialog, "button", { name: "Set to “Validated” anyway" }));
    await settle();
    expect(getByRole(el, "dialog").textContent).toContain("Cannot reach the server");
    expect((getByLabelText(el, "Reason for the override") as HTMLTextAreaElement).value).toBe(
      "Only kiosk data exists",
    );
  });

  it("cancel leaves the status alone", () => {
    const onChange = vi.fn();
    const el = renderUi(
      <StatusControl status="draft" singleSource onChange={onChange} idPrefix="s" />,
    );
    fire("change", select(el), { target: { value: "actioned" } });
    fire("click", getByRole(el, "button", { name: "Cancel" }));
    expect(onChange).not.toHaveBeenCalled();
    expect(queryByRole(el, "dialog")).toBeNull();
    expect(select(el).value).toBe("draft");
  });

  it("does not ask when corroborated, when moving back, or when a reason was given before", () => {
    const onChange = vi.fn();
    const a = renderUi(
      <StatusControl status="emerging" singleSource={false} onChange={onChange} idPrefix="a" />,
    );
    fire("change", select(a), { target: { value: "validated" } });
    expect(onChange).toHaveBeenLastCalledWith("validated");

    const b = renderUi(
      <StatusControl status="validated" singleSource onChange={onChange} idPrefix="b" />,
    );
    fire("change", select(b), { target: { value: "emerging" } });
    expect(onChange).toHaveBeenLastCalledWith("emerging");

    const c = renderUi(
      <StatusControl
        status="validated"
        singleSource
        overrideReason="pilot store"
        onChange={onChange}
        idPrefix="c"
      />,
    );
    fire("change", select(c), { target: { value: "actioned" } });
    expect(onChange).toHaveBeenLastCalledWith("actioned", "pilot store");
    expect(queryByRole(c, "dialog")).toBeNull();
  });
});
