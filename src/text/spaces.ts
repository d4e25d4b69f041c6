/** Whitespace other than single spaces: two in a row, or a tab, a line break or another kind of space. */
const IRREGULAR_SPACE = /\s\s|[^\S ]/;

/**
 * The text with each run of whitespace as one space and none at either end: `text.replace(/\s+/g, ' ').trim()`.
 * Most lines have single spaces only, and the replacement would rebuild them space by space: one test first makes
 * this four to five times faster on a bench article's lines.
 */
export function collapseSpaces(text: string): string {
  return (IRREGULAR_SPACE.test(text) ? text.replace(/\s+/g, ' ') : text).trim();
}
