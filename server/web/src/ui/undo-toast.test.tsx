// @vitest-environment happy-dom
// Delete with undo: nothing is sent while the toast shows; Undo cancels it;
// when the toast goes the delete is sent, and a failed delete is reported.
import { getByRole } from "@testing-library/dom";
import { describe, expect, it, vi } from "vitest";
import { fire, renderUi, settle } from "../../test/support/render.tsx";
import { UndoToasts, useUndoQueue } from "./undo-toast.tsx";

function Harness(p: {
  commit: () => Promise<void>;
  undo: () => void;
  onError: (e: unknown) => void;
}) {
  const q = useUndoQueue(p.onError, 30);
  return (
    <div>
      <button
        type="button"
        onClick={() =>
          q.push({ id: "a1", message: "Action deleted.", commit: p.commit, undo: p.undo })
        }
      >
        delete
      </button>
      <UndoToasts pending={q.pending} onUndo={q.undo} onDismiss={q.dismiss} />
    </div>
  );
}

describe("undo toast", () => {
  it("Undo cancels the delete; nothing is sent", async () => {
    const commit = vi.fn(async () => {});
    const undo = vi.fn();
    const el = renderUi(<Harness commit={commit} undo={undo} onError={() => {}} />);
    fire("click", getByRole(el, "button", { name: "delete" }));
    expect(el.textContent).toContain("Action deleted.");
    fire("click", getByRole(el, "button", { name: "Undo" }));
    await new Promise((r) => setTimeout(r, 60));
    await settle();
    expect(undo).toHaveBeenCalledTimes(1);
    expect(commit).not.toHaveBeenCalled();
    expect(el.textContent).not.toContain("Action deleted.");
  });

  it("sends the delete when the toast goes, and reports a failure", async () => {
    const failure = new Error("offline");
    const commit = vi.fn(async () => {
      throw failure;
    });
    const onError = vi.fn();
    const el = renderUi(<Harness commit={commit} undo={() => {}} onError={onError} />);
    fire("click", getByRole(el, "button", { name: "delete" }));
    await new Promise((r) => setTimeout(r, 60));
    await settle();
    expect(commit).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledWith(failure);
    expect(el.querySelector(".toast")).toBeNull();
  });
});
