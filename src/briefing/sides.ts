import type { Side } from '../records/schema.js';
import { compareText } from '../text/compare.js';
import { escapeRegExp } from '../text/keyword-pattern.js';
import { memoByText } from '../text/memo-by-text.js';

/** A side named in a text: which side, and where the name stands. */
export interface SideMention {
  side: string;
  start: number;
  end: number;
}

interface CompiledSides {
  re: RegExp;
  /** Lower-cased member → side id. */
  byMember: Map<string, string>;
  /** The mentions of a text: the same sentences are read for tags, voices and stances many times over. */
  mentions: (text: string) => readonly SideMention[];
}

const compiledBySides = new WeakMap<readonly Side[], CompiledSides | null>();

function compile(sides: readonly Side[]): CompiledSides | null {
  if (compiledBySides.has(sides)) return compiledBySides.get(sides) ?? null;
  const byMember = new Map<string, string>();
  for (const side of sides) for (const m of side.members) if (!byMember.has(m.toLowerCase())) byMember.set(m.toLowerCase(), side.id);
  // Longest first, so "Ukraine's foreign ministry" wins over "Ukraine". Names are matched as written (case matters:
  // "EU" is a body, "eu" is not a word) apart from the apostrophe, which outlets write either way.
  // Every spelling as written ("Russia" and "russia" are both members when both are listed).
  const spellings = [...new Set(sides.flatMap((side) => side.members))].sort((a, b) => b.length - a.length || compareText(a, b));
  const members = spellings;
  const alternation = spellings.map((m) => escapeRegExp(m).replace(/['’]/g, "['’]").replace(/\s+/g, '\\s+')).join('|');
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation})(?:['’]s)?(?![\\p{L}\\p{N}])`, 'gu');
  const compiled = members.length > 0 ? { re, byMember, mentions: memoByText(4000, (text) => findMentions(re, byMember, text)) } : null;
  compiledBySides.set(sides, compiled);
  return compiled;
}

/**
 * A side's allies, partners or enemies ("Ukraine's allies largely dismissed it", "Russia’s Western critics"): others,
 * who act for themselves, not the side.
 */
const OTHERS_OF = /^(?:['’]s|s['’])\s+(?:(?:Western|European|closest|key|main|international|foreign|NATO|military|biggest|largest)\s+){0,2}(?:allies|ally|partners|backers|supporters|friends|neighbou?rs|enemies|adversaries|critics|creditors|donors|sponsors|patrons)\b/u;

/** A place named after these words is where something happened, not who acted ("talks in Moscow", "a visit to Kyiv"). */
const LOCATIVE_BEFORE = /\b(?:in|at|to|near|via|visit(?:s|ed|ing)?|toward|towards|outside|around|across|into)\s+(?:the\s+)?$/i;

/** Every side named in `text`, left to right (places after "in", "to", "from"… are left out). */
export function sideMentions(text: string, sides: readonly Side[] | undefined): readonly SideMention[] {
  if (!sides || sides.length === 0) return [];
  return compile(sides)?.mentions(text) ?? [];
}

/**
 * The sides named in `text` that may act in it: as {@link sideMentions}, less those inside a dash compound ("the
 * Russia–Ukraine conflict", "US-Ukraine talks"), which describe a thing of both rather than name who does something.
 */
export function actorMentions(text: string, sides: readonly Side[] | undefined): readonly SideMention[] {
  const all = sideMentions(text, sides);
  return all.some((m) => inCompound(text, m)) ? all.filter((m) => !inCompound(text, m)) : all;
}

function inCompound(text: string, m: SideMention): boolean {
  return /^[-–‑]\p{L}/u.test(text.slice(m.end, m.end + 2)) || /\p{L}[-–‑]$/u.test(text.slice(Math.max(0, m.start - 2), m.start));
}

function findMentions(re: RegExp, byMember: ReadonlyMap<string, string>, text: string): SideMention[] {
  const out: SideMention[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const name = m[0].replace(/['’]s$/, '').replace(/\s+/g, ' ').replace(/’/g, "'").toLowerCase();
    const side = byMember.get(name) ?? byMember.get(name.replace(/'/g, '’'));
    if (side === undefined) continue;
    if (LOCATIVE_BEFORE.test(text.slice(Math.max(0, m.index - 20), m.index))) continue;
    const end = m.index + m[0].length;
    if (OTHERS_OF.test(text.slice(/['’]s$/.test(m[0]) ? end - 2 : end, end + 40))) continue;
    out.push({ side, start: m.index, end });
  }
  return out;
}

/** Does one of the two sides oppose the other (the story's `opposes`, either way)? */
export function sidesOppose(a: string, b: string, sides: readonly Side[] | undefined): boolean {
  return (sides ?? []).some((s) => (s.id === a && (s.opposes ?? []).includes(b)) || (s.id === b && (s.opposes ?? []).includes(a)));
}

/** The side a named person or body speaks for ("Volodymyr Zelenskyy" → kyiv), by any member named in the name. */
export function sideOfName(name: string | undefined, sides: readonly Side[] | undefined): string | undefined {
  if (name === undefined || !sides) return undefined;
  const found = new Set(sideMentions(name, sides).map((m) => m.side));
  return found.size === 1 ? [...found][0] : undefined;
}

/** The label of a side id ("kyiv" → "Kyiv"), for explanations. */
export function sideLabel(id: string, sides: readonly Side[] | undefined): string {
  return sides?.find((s) => s.id === id)?.label ?? id;
}
