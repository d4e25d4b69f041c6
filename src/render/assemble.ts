import { fitLines, truncateAtSentence } from './truncate.js';

/**
 * Join sections under a hard limit. Each section may use what is left after reserving, for every later
 * section, the smaller of its natural length and its floor: so a long list of developments can never push
 * the open questions or the sources out of the briefing.
 */
export function assemble(head: string, sections: ReadonlyArray<{ lines: string[]; floor: number }>, limit: number, more: (n: number) => string): string {
  const natural = sections.map((s) => s.lines.join('\n').length + 2);
  let out = head;
  sections.forEach((section, i) => {
    if (section.lines.length === 0) return;
    const reserve = sections.slice(i + 1).reduce((sum, s, j) => sum + (s.lines.length > 0 ? Math.min(natural[i + 1 + j] ?? 0, s.floor) : 0), 0);
    const room = limit - out.length - 2 - reserve;
    if (room < 20) return;
    out += `\n\n${fitLines(section.lines, room, more)}`;
  });
  return truncateAtSentence(out, limit);
}
