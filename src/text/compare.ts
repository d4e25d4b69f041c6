/**
 * Code-unit order, for sorting ids and texts deterministically. `localeCompare` follows the host's ICU data and
 * default locale (LANG), so two hosts could order the same ties differently, and its first call loads ICU's
 * collation data: about 10 ms and 2 MB of a one-shot `sitrep brief`.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
