// Loads a fixture page into the test's happy-dom document, so unit tests and
// (later) browser end-to-end tests read the very same HTML.
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The fixture files in this folder, by name. */
export type FixtureName =
  | "vi-shop.html"
  | "en-shop.html"
  | "plain-price.html"
  | "news-article.html";

/** Read a fixture's HTML from disk. */
export function fixtureHtml(name: FixtureName): string {
  // Not `new URL(name, import.meta.url)`: happy-dom replaces the global URL.
  return readFileSync(join(import.meta.dirname, name), "utf8");
}

/**
 * Replace `doc`'s contents with the fixture (or with `html` if given, e.g. a
 * fixture edited by the test) and return `doc`. Uses document.write so the
 * <html lang> and <head> survive, as they would on a real page load.
 */
export function loadFixture(
  name: FixtureName,
  doc: Document = document,
  html = fixtureHtml(name),
): Document {
  doc.open();
  doc.write(html);
  doc.close();
  return doc;
}
