/**
 * A sub-heading a flattened page ran into the sentence after it: "No Breakthroughs on Key Issues Neither Washington nor
 * Beijing achieved their objectives.", "Nuclear Testing and Arms Control Another major issue discussed was …". The
 * heading is words in title case (small words between them in lower case); the sentence opens on a capitalised
 * grammar word, which no sentence has in the middle and no heading ends on, and reads on as prose. Returns the
 * heading's length with the space after it, or 0.
 */
export function runOnHeadingLength(text: string): number {
  const m = RUN_ON_HEADING.exec(text);
  if (!m) return 0;
  const heading = m[1] ?? '';
  // Two capitalised words at least, past the first: one capitalised word and a grammar word may be a name ("Putin The").
  const capitals = heading.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).length;
  if (capitals < 3) return 0;
  // The sentence reads as prose: half of its first six words in lower case. (A headline in title case has a grammar
  // word capitalised inside it: "No Ceasefire Deal After Trump's 2-Hour Call With Putin" is no heading and a sentence.)
  const next = text.slice(m[0].length).split(/\s+/).slice(0, 6);
  return next.filter((w) => /^["“‘']?\p{Ll}/u.test(w)).length >= 3 ? m[0].length : 0;
}

const SMALL = '(?:of|on|and|or|for|in|to|with|the|a|an|at|by|vs\\.?|from|over|amid|after|as)';
const CAPITALISED = "\\p{Lu}[\\p{L}\\p{N}'’-]*";
const OPENER =
  '(?:The|A|An|Another|Neither|Either|In|On|At|As|But|This|That|These|Those|It|Its|He|She|They|We|His|Her|Their|According|After|While|When|Since|Despite|However|Meanwhile|Both|Some|Many|Most|During|Following|Earlier|Later|Although|Though|If|Once|There|Such|Several)';
const RUN_ON_HEADING = new RegExp(`^(${CAPITALISED}(?:\\s+(?:${CAPITALISED}|${SMALL}))*?\\s+${CAPITALISED})\\s+(?=${OPENER}\\s+[\\p{L}\\p{N}"“‘'])`, 'u');
