// @vitest-environment happy-dom
import { getByLabelText, getByText } from "@testing-library/dom";
import { describe, expect, it, vi } from "vitest";
import { fire, renderUi } from "../../test/support/render.tsx";
import type { Principles } from "../api/types.ts";
import { ScorecardEditor } from "./scorecard-editor.tsx";

describe("ScorecardEditor", () => {
  it("shows total and weakest, and updates them as scores are given", () => {
    const onSave = vi.fn();
    const el = renderUi(<ScorecardEditor value={{}} onSave={onSave} idPrefix="t" />);
    expect(getByText(el, "Not scored yet")).toBeTruthy();

    fire("click", getByLabelText(el, "Truth: 3"));
    expect(onSave).toHaveBeenLastCalledWith({ truth: { score: 3, note: "" } });
    expect(getByText(el, "Total 3/12")).toBeTruthy();
    expect(getByText(el, "Weakest: Resonance")).toBeTruthy();

    fire("click", getByLabelText(el, "Resonance: 2"));
    fire("click", getByLabelText(el, "Relevance: 3"));
    fire("click", getByLabelText(el, "Uniqueness: 1"));
    expect(getByText(el, "Total 9/12")).toBeTruthy();
    expect(getByText(el, "Weakest: Uniqueness")).toBeTruthy();
    expect(onSave).toHaveBeenCalledTimes(4);
    expect((getByLabelText(el, "Uniqueness: 1") as HTMLInputElement).checked).toBe(true);
  });

  it("saves a note on blur, keeping the score", () => {
    const onSave = vi.fn();
    const value: Principles = { truth: { score: 2, note: "" } };
    const el = renderUi(<ScorecardEditor value={value} onSave={onSave} idPrefix="t" />);
    const note = getByLabelText(el, "Note on Truth") as HTMLInputElement;
    fire("input", note, { target: { value: "seen at 3 stores and on 2 sites" } });
    fire("blur", note);
    expect(onSave).toHaveBeenCalledWith({
      truth: { score: 2, note: "seen at 3 stores and on 2 sites" },
    });
  });

  it("speaks Vietnamese too", () => {
    const el = renderUi(
      <ScorecardEditor value={{ truth: { score: 1, note: "" } }} onSave={() => {}} idPrefix="t" />,
      {
        locale: "vi",
      },
    );
    expect(getByText(el, "Tổng 1/12")).toBeTruthy();
    expect(getByText(el, "Yếu nhất: Sự đồng cảm")).toBeTruthy();
  });
});
