// @vitest-environment happy-dom
// Delete with undo: the delete is sent at once (so closing the page loses
// nothing and other managers stop seeing it); Undo restores it on the server;
// a failed delete puts the item back and says why; a failed restore keeps the
// toast with the reason in the user's language, and Undo tries again.
import { getByRole } from "@testing-library/dom";
import { describe, expect, it, vi } from "vitest";
import { fire, renderUi, settle } from "../../test/support/render.tsx";
import { ApiError } from "../api/problem.ts";
import { UndoToasts, useUndoQueue } from "./undo-toast.tsx";

type Entry = {
  remove: () => Promise<void>;
  restore: () => Promise<void>;
  show: () => void;
  onError?: (e: unknown) => void;
  delayMs?: number;
};

function Harness(p: Entry) {
  const q = useUndoQueue(p.onError ?? (() => {}), p.delayMs ?? 10_000);
  return (
    <div>
      <button
        type="button"
        onClick={() =>
          q.push({
            id: "a1",
            message: "Action deleted.",
            remove: p.remove,
            restore: p.restore,
            show: p.show,
          })
        }
      >
        delete
      </button>
      <UndoToasts pending={q.pending} onUndo={q.undo} onDismiss={q.dismiss} />
    </div>
  );
}

/** What the client throws when the server cannot be reached (status 0). */
const network = () => new ApiError(0, "offline");

describe("undo toast", () => {
  it("sends the delete at once; Undo restores it on the server and shows the item again", async () => {
    const remove = vi.fn(async () => {});
    const restore = vi.fn(async () => {});
    const show = vi.fn();
    const el = renderUi(<Harness remove={remove} restore={restore} show={show} />);
    fire("click", getByRole(el, "button", { name: "delete" }));
    expect(remove).toHaveBeenCalledTimes(1);
    expect(el.textContent).toContain("Action deleted.");
    await settle();
    fire("click", getByRole(el, "button", { name: "Undo" }));
    await settle();
    expect(restore).toHaveBeenCalledTimes(1);
    expect(show).toHaveBeenCalledTimes(1);
    expect(el.querySelector(".toast")).toBeNull();
  });

  it("Undo while the delete is still on its way waits for it, then restores", async () => {
    let done: () => void = () => {};
    const order: string[] = [];
    const remove = vi.fn(
      () =>
        new Promise<void>((r) => {
          done = () => {
            order.push("deleted");
            r();
          };
        }),
    );
    const restore = vi.fn(async () => {
      order.push("restored");
    });
    const show = vi.fn();
    const el = renderUi(<Harness remove={remove} restore={restore} show={show} />);
    fire("click", getByRole(el, "button", { name: "delete" }));
    fire("click", getByRole(el, "button", { name: "Undo" }));
    await settle();
    expect(restore).not.toHaveBeenCalled();
    done();
    await settle();
    expect(order).toEqual(["deleted", "restored"]);
    expect(show).toHaveBeenCalledTimes(1);
  });

  it("a failed delete puts the item back and reports why; no toast stays", async () => {
    const failure = network();
    const remove = vi.fn(async () => {
      throw failure;
    });
    const show = vi.fn();
    const onError = vi.fn();
    const el = renderUi(
      <Harness remove={remove} restore={async () => {}} show={show} onError={onError} />,
    );
    fire("click", getByRole(el, "button", { name: "delete" }));
    await settle();
    expect(show).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledWith(failure);
    expect(el.querySelector(".toast")).toBeNull();
  });

  it("a failed restore keeps the toast with the reason in the user's language; Undo retries", async () => {
    let fail = true;
    const restore = vi.fn(async () => {
      if (fail) throw network();
    });
    const show = vi.fn();
    const el = renderUi(<Harness remove={async () => {}} restore={restore} show={show} />, {
      locale: "vi",
    });
    fire("click", getByRole(el, "button", { name: "delete" }));
    await settle();
    fire("click", getByRole(el, "button", { name: "Hoàn tác" }));
    await settle();
    expect(show).not.toHaveBeenCalled();
    const toast = el.querySelector(".toast") as HTMLElement;
    expect(toast.textContent).toContain("Chưa hoàn tác được");
    expect(toast.textContent).not.toContain("offline");
    fail = false;
    fire("click", getByRole(el, "button", { name: "Hoàn tác" }));
    await settle();
    expect(restore).toHaveBeenCalledTimes(2);
    expect(show).toHaveBeenCalledTimes(1);
    expect(el.querySelector(".toast")).toBeNull();
  });

  it("letting the toast go sends nothing more: the item stays deleted", async () => {
    const remove = vi.fn(async () => {});
    const restore = vi.fn(async () => {});
    const el = renderUi(<Harness remove={remove} restore={restore} show={() => {}} delayMs={30} />);
    fire("click", getByRole(el, "button", { name: "delete" }));
    await new Promise((r) => setTimeout(r, 60));
    await settle();
    expect(el.querySelector(".toast")).toBeNull();
    expect(remove).toHaveBeenCalledTimes(1);
    expect(restore).not.toHaveBeenCalled();
  });
});
