import { FUNCTION_WORDS } from './function-words.js';
import { hasFiniteVerb } from './finite-verb.js';
import { openQuotations } from './quotation.js';

/** A reporting verb, which needs what was reported after it (not "states" or "notes": "the United States"). */
const REPORT_VERB_LAST = /^(?:said|says|say|told|tells|added|adds|stated|announced|announces|noted|warned|warns|wrote|writes|stressed|stresses|insisted|insists|declared|declares|explained|explains|confirmed|confirms)$/;

/**
 * Where a sentence may be cut for a title. A cut must leave a clause: not end on a grammar word ("…, after" of "after
 * which"), nor on a few verbless words after its last comma or dash ("…, just one week" of "one week before", "…London—just hours"), and it must
 * hold a verb ("… between Russia" of "between Russia, Ukraine and the United States" has none).
 */
export function leavesClause(head: string): boolean {
  const lastWord = /([\p{L}']+)\W*$/u.exec(head)?.[1]?.toLowerCase() ?? '';
  if (FUNCTION_WORDS.has(lastWord)) return false;
  // Nor a report without what was reported: "President Volodymyr Zelenskiy said | after talks … he was ready …".
  if (REPORT_VERB_LAST.test(lastWord)) return false;
  // Nor a span of time cut from what it is measured from: "… talks in Switzerland come a week | after …".
  // (A span with its own preposition is whole: "… for one week", "… lasted more than an hour".)
  if (/(?<!\b(?:for|than|within|over|in|during|of|about|around|nearly|almost|just|only|last|past|next|the)\s+)\b(?:a|an|one|two|three|four|five|six|several|few|\d+)\s+(?:hours?|days?|weeks?|months?|years?)$/i.test(head)) return false;
  // (Nor "just hours", "only days": "… congratulated Trump just hours | before his inauguration".)
  if (/\b(?:just|only|mere|merely|barely)\s+(?:minutes|hours|days|weeks|months)$/i.test(head)) return false;
  // (A dash between numbers is a range, "15–16 August", no clause's edge.)
  let comma = -1;
  for (const m of head.matchAll(/,|(?<!\d)[—–]|[—–](?!\d)/g)) comma = m.index;
  if (comma >= 0) {
    const tail = head.slice(comma + 1).trim();
    // A plain verb, not the "-s after a word" guess ("just hours" is no clause).
    if (tail.split(/\s+/).length <= 3 && !/\b(?:is|are|was|were|has|have|had|will|would|can|could|did|does|said|says|\p{Ll}{3,}ed)\b/u.test(tail)) return false;
  }
  // Nor a subject and a participle's phrase set off after it, the verb still to come ("U.S. Secretary of State Marco
  // Rubio, speaking in Jeddah after more than eight hours of talks with Ukrainian delegates").
  // (Or a past participle's: "Multiple reports in American mainstream media, echoed by Ukrainian state news".)
  const participle = /^([^,;:—–]+),\s+(?:\p{Ll}+ing\b|\p{Ll}{3,}ed\s+by\b)[^,;:—–]*$/u.exec(head);
  if (participle && !hasFiniteVerb(participle[1] ?? '', { strict: true })) return false;
  // Nor an aside that lists who is included, its close where the verb comes next ("European leaders at the Berlin
  // summit—including Sweden's Prime Minister Ulf Kristersson").
  if (/(?:^|[,—–]\s*|\s[-–]\s)(?:including|such as|among them|along with|notably)\s[^,;:—–]*$/iu.test(head)) return false;
  // Nor inside a clause that has not reached its verb ("… announced that a group of 26 nations").
  const open = /\b(?:that|which|who|whether)\s+([^,;:—–]*)$/i.exec(head);
  if (open && (open[1] ?? '').split(/\s+/).length >= 2 && !hasFiniteVerb(open[1] ?? '')) return false;
  // Nor a subject with only a relative clause after it, its own verb still to come ("French President Emmanuel Macron
  // and British Prime Minister Keir Starmer, who lead the group").
  const relative = /^([^,;:—–]+),\s+(?:who|which|whose)\s[^,;:—–]*$/i.exec(head);
  if (relative && !hasFiniteVerb(relative[1] ?? '')) return false;
  // Strictly: a word in -s after an adjective is as likely a plural ("Multiple reports in American mainstream media").
  return hasFiniteVerb(head, { strict: true });
}

/** Who reports what comes before the comma: ", diplomatic sources said", ", a source told". */
const REPORTED_AFTER = /^,\s+(?:\p{L}+\s+){1,2}(?:said|says|say|told|tells|added|reported|reports)\b/u;

/**
 * Is the comma at `at` one inside a list of names ("between Russia, Ukraine and the United States"), a date, or a noun
 * phrase's adjectives?
 */
export function commaInList(text: string, at: number): boolean {
  if (text[at] !== ',') return false;
  const rest = text.slice(at, at + 80);
  // Adjectives before one noun ("in a brief, high-profile summit"): the noun phrase goes on after the comma.
  const adjective = /^,\s+(\p{Ll}[\p{L}-]*)\s+\p{Ll}/u.exec(rest);
  // (Not a conjunction's clause, "…, and expressed hope", a participle's, "…, expressing hope", nor who reports it,
  // "the deal, officials said", "the talks, diplomatic sources say".)
  const word = adjective?.[1] ?? '';
  if (adjective && !FUNCTION_WORDS.has(word) && !/(?:ing|s)$/.test(word) && !REPORTED_AFTER.test(rest) && /\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+\p{Ll}[\p{L}-]*$/u.test(text.slice(Math.max(0, at - 40), at))) return true;
  // A date's comma ("Monday, August 18", "August 18, 2025") belongs to the date.
  if (/^,\s+(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d|\d{4}\b)/.test(rest)) return true;
  return /^,\s+(?:the\s+)?(?:\p{Lu}[\p{L}.'’-]*\s*){1,3}(?:,|\s(?:and|or)\s)/u.test(rest);
}

const PHRASE = /\s(?=(?:in|on|at|with|for|to|from|by|after|before|and|but|as|which|that|who|while|amid|over|during|including|since|under|into|near|aimed|intended|designed)\s)/g;
/**
 * Words that open a phrase of place or time after a whole clause ("… talks on Friday | in the United Arab Emirates"),
 * or of purpose after a noun ("… a new round of negotiations | aimed at ending the war"):
 * a cut before them leaves nothing hanging, where one before "over" or "to" may split a verb from its particle ("to
 * hand | over").
 */
const ADJUNCT_NEXT = /^[\s,;:—–-]*(?:in|on|at|after|before|amid|during|since|near|aimed|intended|designed)\s/;

/**
 * The text cut before a word that opens a phrase ("… in Budapest | and instead imposed …", "… to Moscow | on
 * Wednesday"), within `max` characters and past six tenths of it, when what comes before is a whole clause (holds a
 * verb); undefined when there is no such cut.
 */
export function phraseCut(text: string, max: number): string | undefined {
  return phraseCuts(text, max)[0];
}

/** Every cut {@link phraseCut} could make, the latest first (those whose head is a whole clause). */
function phraseCuts(text: string, max: number): string[] {
  const at: number[] = [];
  // The phrase's word may run past `max`: only the cut itself must be within it.
  for (const m of text.slice(0, max + 12).matchAll(PHRASE)) if (m.index <= max && m.index >= (max + 1) * 0.6) at.push(m.index);
  const latest = at[at.length - 1];
  if (latest === undefined || latest <= 0) return [];
  // The latest cut decides whether there is one; an earlier one is tried only when the latest leaves a clause too.
  const heads = at.reverse().map((i) => text.slice(0, i).replace(/[\s,;:—–-]+$/, ''));
  return leavesClause(heads[0] as string) ? heads.filter((h) => leavesClause(h)) : [];
}

/**
 * A headline cut before a phrase (see {@link phraseCut}), marked "…" unless the phrase left out is one of place or
 * time: "… are set to hold trilateral talks on Friday" reads whole, "… a Russian proposal to hand…" does not.
 */
export function headlineAtPhrase(text: string, max: number): string | undefined {
  const heads = phraseCuts(text, max - 1);
  const first = heads[0];
  if (first === undefined) return undefined;
  // The latest cut that reads whole, or the one a word before it; else the latest, marked. ("… negotiations aimed |
  // at ending" does not read whole; "… negotiations | aimed at ending" does. "… with Putin in Budapest…" keeps the
  // place rather than read whole without it.)
  const whole = heads.find((head, i) => {
    if (i > 0 && first.slice(head.length).trim().split(/\s+/).length > 1) return false;
    const words = head.split(/\s+/);
    const last = (words[words.length - 1] ?? '').toLowerCase();
    // Only after a noun or a name: a verb before the phrase may need it ("to engage | in talks", "the positions agreed |
    // in Anchorage").
    const nounBefore = !/(?:ed|ing)$/.test(last) && words[words.length - 2]?.toLowerCase() !== 'to' && !FUNCTION_WORDS.has(last) && !hasFiniteVerb(last);
    // Nor inside a quotation (see openQuotations).
    return nounBefore && openQuotations(head) === 0 && ADJUNCT_NEXT.test(text.slice(head.length));
  });
  return whole ?? `${first}…`;
}

/**
 * Cut at a word boundary (past `minShare` of `max`, else mid-word) so the result with "…" fits `max`, and not on a
 * grammar word ("… next week and that he…"): the words that carry the sentence end it.
 */
export function cutAtWord(text: string, max: number, minShare: number): string {
  const phrase = phraseCut(text, max - 1);
  if (phrase !== undefined) return `${phrase}…`;
  const room = text.slice(0, max - 1);
  const space = room.lastIndexOf(' ');
  let head = (space > max * minShare ? room.slice(0, space) : room).replace(/[\s,;:—–-]+$/, '');
  for (let n = 0; n < 4; n++) {
    const m = /\s+([\p{L}']+)$/u.exec(head);
    if (!m || !FUNCTION_WORDS.has((m[1] ?? '').toLowerCase()) || head.length - m[0].length < max * 0.5) break;
    head = head.slice(0, m.index).replace(/[\s,;:—–-]+$/, '');
  }
  return `${head}…`;
}
