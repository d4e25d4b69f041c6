import { featureSet, jaccard } from '../text/similarity.js';

/**
 * Whether a text can stand as a line of a briefing: a complete sentence of the body, not a headline, a sub-headline,
 * a caption or page chrome. Returns the reason it cannot, or undefined when it can.
 */
export function lineDefect(text: string, title?: string, titleIsHeadline = true): string | undefined {
  const own = formDefect(text);
  if (own !== undefined) return own;
  if (title !== undefined && titleIsHeadline && nearlySame(text.trim(), title)) return 'the title';
  return undefined;
}

/** Defects of the text alone, by text: the same sentences are checked build after build (bounded; emptied when full). */
const formDefects = new Map<string, string | null>();
function formDefect(text: string): string | undefined {
  let d = formDefects.get(text);
  if (d === undefined) {
    d = checkForm(text.trim()) ?? null;
    if (formDefects.size >= 20_000) formDefects.clear();
    formDefects.set(text, d);
  }
  return d ?? undefined;
}

function checkForm(t: string): string | undefined {
  if (t.length < 15 || t.split(/\s+/).length < 3) return 'too short';
  if (/…$|\.\.\.$/.test(t)) return 'cut off';
  // A sentence ends in . ! ? or a closing quote or bracket after one ("…," he said.” / "…immediately".).
  if (!/[.!?]["”’»)\]]*$/u.test(t)) return 'no terminal punctuation';
  if (!/^["“‘'(«]?[\p{Lu}\p{N}]/u.test(t)) return 'does not start a sentence';
  if (isTitleCase(t)) return 'title case';
  if (isChrome(t)) return 'page chrome';
  return undefined;
}

/** Most longer words capitalised: a headline or a label ("Key Takeaways From The Summit."), not prose. */
export function isTitleCase(text: string): boolean {
  const words = text
    .replace(/["“”‘’'()[\]]/g, '')
    .split(/\s+/)
    .filter((w) => /^\p{L}/u.test(w) && w.length > 3);
  if (words.length < 4) return false;
  const caps = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return caps / words.length >= 0.8;
}

/** Page furniture: counters and membership drives, navigation, subscription and share prompts, bare metadata. */
const CHROME =
  /\b(?:\d[\d,.]*\s+out of\s+\d|help us reach|become a (?:member|subscriber|patron)|join (?:\d[\d,]*|our) (?:members|subscribers|readers)|support (?:our|independent) journalism|subscribe (?:to|now|for)|sign up (?:for|to)|newsletter|cookie|read more|click here|share (?:this|on)|follow us|all rights reserved|copyright|©|advertisement)\b/i;

export function isChrome(text: string): boolean {
  if (CHROME.test(text)) return true;
  // Mostly digits and separators: a counter, a date line, a ticker.
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  const digits = (text.match(/\p{N}/gu) ?? []).length;
  return letters < 12 || digits > letters;
}

/**
 * The title repeated as a sentence: the same words (case and punctuation aside), or the same opening words and
 * nearly the same word set (a headline that leaked into the body with a full stop added).
 */
export function nearlySame(text: string, title: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const a = norm(text);
  const b = norm(title.replace(/…$/, ''));
  if (a === b) return true;
  if (a.length > b.length * 1.3 + 10) return false;
  const opening = (s: string) => s.split(' ').slice(0, 4).join(' ');
  return opening(a) === opening(b) && jaccard(featureSet(text), featureSet(title)) >= 0.8;
}
