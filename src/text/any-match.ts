/**
 * A test for "does any of these patterns match?" that scans the text once per flag set instead of once per pattern:
 * patterns with the same flags are joined into one alternation, which matches where one of them does. A pattern that
 * keeps state (g, y), refers to its own groups, or does not combine is tested on its own.
 */
export function anyMatch(patterns: readonly RegExp[]): (text: string) => boolean {
  const byFlags = new Map<string, string[]>();
  const alone: RegExp[] = [];
  for (const re of patterns) {
    if (/[gy]/.test(re.flags) || /\\[1-9]|\\k<|\(\?<[^=!]/.test(re.source)) alone.push(re);
    else byFlags.set(re.flags, [...(byFlags.get(re.flags) ?? []), re.source]);
  }
  const tests: RegExp[] = [];
  for (const [flags, sources] of byFlags) {
    try {
      tests.push(new RegExp(sources.map((s) => `(?:${s})`).join('|'), flags));
    } catch {
      for (const s of sources) tests.push(new RegExp(s, flags));
    }
  }
  tests.push(...alone);
  return (text) => {
    for (const re of tests) {
      re.lastIndex = 0;
      if (re.test(text)) return true;
    }
    return false;
  };
}
