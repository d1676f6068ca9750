// Firefox only: page-parser.js, loaded before background.js in the event
// page (which is a document, so DOMParser exists), hands the compare step of
// watched pages to the worker code through one global (offscreen/page-comparer.ts).
import { compareWatchedHtml } from "../capture/watch-compare.ts";
import { LOCAL_COMPARER, type LocalComparer } from "./offscreen-protocol.ts";

const parser = new DOMParser();
const compare: LocalComparer = (html, url, targets) =>
  compareWatchedHtml(html, url, targets, parser);
(globalThis as { [LOCAL_COMPARER]?: LocalComparer })[LOCAL_COMPARER] = compare;
