// Earlier captures shown on the page with the CSS Custom Highlight API: the
// ranges are registered under one name and styled by content.css
// (`::highlight(sightline-capture)`). Nothing in the page's DOM is wrapped
// or rewritten, so editors and frameworks are not disturbed.

export const HIGHLIGHT_NAME = "sightline-capture";

type HighlightApi = {
  highlights?: { set(name: string, h: unknown): void; delete(name: string): void };
};
type HighlightCtor = new (...ranges: Range[]) => unknown;

/** Show `ranges` as highlights; false when the browser lacks the API. */
export function showHighlights(win: Window, ranges: readonly Range[]): boolean {
  const css = (win as unknown as { CSS?: HighlightApi }).CSS;
  const Highlight = (win as unknown as { Highlight?: HighlightCtor }).Highlight;
  if (!css?.highlights || !Highlight) return false;
  if (ranges.length === 0) css.highlights.delete(HIGHLIGHT_NAME);
  else css.highlights.set(HIGHLIGHT_NAME, new Highlight(...ranges));
  return true;
}
