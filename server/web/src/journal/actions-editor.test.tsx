// @vitest-environment happy-dom
// Never lose input: a failed add keeps title, owner and due, says why in the
// user's language and offers a retry; the text survives a reload (a remount
// reads the draft back from localStorage) and is cleared once saved.
import { getByLabelText, getByRole } from "@testing-library/dom";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fire, renderUi, settle } from "../../test/support/render.tsx";
import { ApiError } from "../api/problem.ts";
import { ActionsEditor } from "./actions-editor.tsx";

afterEach(() => localStorage.clear());

const fill = (el: HTMLElement) => {
  fire("input", getByLabelText(el, "Action"), {
    target: { value: "Show a price-match promise" },
  });
  fire("input", getByLabelText(el, "Owner"), { target: { value: "Lan" } });
  fire("input", getByLabelText(el, "Due date"), { target: { value: "2030-01-15" } });
};
const value = (el: HTMLElement, label: string) =>
  (getByLabelText(el, label) as HTMLInputElement).value;

describe("ActionsEditor keeps what was typed", () => {
  it("keeps the text when the server cannot be reached, then saves on retry", async () => {
    const onAdd = vi
      .fn()
      .mockRejectedValueOnce(new ApiError(0, "network", "Failed to fetch"))
      .mockResolvedValueOnce(undefined);
    const el = renderUi(
      <ActionsEditor actions={[]} onAdd={onAdd} onStatus={() => {}} idPrefix="ins-1" />,
    );
    fill(el);
    fire("click", getByRole(el, "button", { name: "Add action" }));
    await settle();
    expect(el.textContent).toContain("Cannot reach the server. What you typed is kept");
    expect(value(el, "Action")).toBe("Show a price-match promise");
    expect(value(el, "Owner")).toBe("Lan");
    expect(value(el, "Due date")).toBe("2030-01-15");

    fire("click", getByRole(el, "button", { name: "Try again" }));
    await settle();
    expect(onAdd).toHaveBeenLastCalledWith({
      title: "Show a price-match promise",
      owner: "Lan",
      due: "2030-01-15",
    });
    expect(value(el, "Action")).toBe("");
    expect(el.querySelector(".problem")).toBeNull();
    expect(localStorage.getItem("sightline.draft.action.ins-1")).toBeNull();
  });

  it("keeps a draft across a reload, per insight", () => {
    const first = renderUi(
      <ActionsEditor actions={[]} onAdd={async () => {}} onStatus={() => {}} idPrefix="ins-1" />,
    );
    fill(first);
    first.remove();
    const again = renderUi(
      <ActionsEditor actions={[]} onAdd={async () => {}} onStatus={() => {}} idPrefix="ins-1" />,
    );
    expect(value(again, "Action")).toBe("Show a price-match promise");
    expect(value(again, "Owner")).toBe("Lan");
    const other = renderUi(
      <ActionsEditor actions={[]} onAdd={async () => {}} onStatus={() => {}} idPrefix="ins-2" />,
    );
    expect(value(other, "Action")).toBe("");
  });

  it("says a 429 in Vietnamese with the wait", async () => {
    const onAdd = vi
      .fn()
      .mockRejectedValue(new ApiError(429, "Too many requests", "slow down", [], undefined, 12));
    const el = renderUi(
      <ActionsEditor actions={[]} onAdd={onAdd} onStatus={() => {}} idPrefix="ins-3" />,
      { locale: "vi" },
    );
    fire("input", getByLabelText(el, "Việc cần làm"), { target: { value: "Gọi lại khách" } });
    fire("click", getByRole(el, "button", { name: "Thêm việc" }));
    await settle();
    expect(el.textContent).toContain("Quá nhiều yêu cầu, hãy thử lại sau 12 giây.");
    expect(value(el, "Việc cần làm")).toBe("Gọi lại khách");
  });
});
