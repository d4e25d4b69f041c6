import type { EventRecord } from '../records/schema.js';
import { isChrome } from './sentence-quality.js';
import { hasFiniteVerb } from '../text/finite-verb.js';
import { commaInList, cutAtWord, headlineAtPhrase, leavesClause } from '../text/clause-end.js';
import { openQuotations } from '../text/quotation.js';

export const HEADLINE_MAX = 120;

/**
 * A report's series name for its title, not its news: a numbered update or a daily digest ("Ukraine Invasion Update
 * 3/30", "Daily News Briefing: Putin Trump negotiation"). Its lead says what happened. (A readout's or a statement's
 * title, "Readout of President Biden’s Call with President Zelenskyy", says it well enough: its lead cut to fit read
 * worse.)
 */
const SERIES_TITLE = /^Daily\s+(?:News\s+)?(?:Briefing|Digest|Brief)\b|\bUpdate,?\s+\d{1,2}\/\d{1,2}(?:\/\d{2,4})?$/i;

/** A title cut off for its length: "…" or "..." at its end. */
const CUT_OFF = /\s*(?:…|\.\.\.)$/;

/**
 * Is the record's title a real headline? Ingestion says so (`titleSource`); for other records: a title that is not
 * page chrome or a counter, has a few words, is not cut off ("…"), and is not a sentence (a full stop at the end,
 * or the start of one of the record's facts, which is what a title cut from the first sentence looks like).
 */
export function titleIsHeadline(rec: Pick<EventRecord, 'title' | 'facts' | 'titleSource'>): boolean {
  const title = rec.title.trim();
  if (rec.titleSource === 'lead') return false;
  if (isChrome(title) || title.split(/\s+/).length < 3 || SERIES_TITLE.test(title)) return false;
  if (rec.titleSource === 'headline') return true;
  if (CUT_OFF.test(title) || /[.!?]["”’]?$/.test(title)) return false;
  const bare = title.toLowerCase();
  return !rec.facts.some((f) => f.text.toLowerCase().startsWith(bare) && f.text.length > title.length);
}

/**
 * The lead development in headline form: its event's title when that is a real headline, else the lead fact itself
 * when it is short, else the lead fact cut at the last clause boundary (comma, semicolon, colon, dash) that keeps
 * it within {@link HEADLINE_MAX} characters, outside any quotation, and leaves a clause ({@link leavesClause}); when
 * no clause of it fits, the first of `others` (the event's other leads, best first) that does. Never invents words.
 */
export function headlineFor(rec: EventRecord, leadFact: string, others: readonly string[] = []): string {
  if (titleIsHeadline(rec) && rec.title.trim().length <= 160) {
    const title = rec.title.trim();
    if (!CUT_OFF.test(title)) return title;
    // A headline ingestion cut off for its length: at a clause of its own when one fits, else the lead's.
    const clause = cutAtClause(title.replace(CUT_OFF, ''), HEADLINE_MAX);
    if (!clause.endsWith('…')) return clause;
  }
  const cut = cutAtClause(leadFact, HEADLINE_MAX);
  if (!cut.endsWith('…')) return cut;
  // A lead with no clause that fits is cut mid-phrase ("… 26 nations, dubbed the 'Coalition…"): another outlet's
  // lead of the same event that fits whole or at a clause reads better ("Twenty-six nations have pledged …").
  const alts = others.map((other) => cutAtClause(other, HEADLINE_MAX));
  const whole = alts.find((alt) => !alt.endsWith('…'));
  if (whole !== undefined) return whole;
  // All cut mid-phrase: one that reaches its verb ("U.S. envoy Steve Witkoff revealed today that significant progress
  // …") says more than a list of names that does not ("French President Emmanuel Macron, British Prime Minister …").
  return [cut, ...alts].find((c) => hasFiniteVerb(c.replace(/…$/, ''))) ?? cut;
}

/**
 * An opening phrase of time, place or circumstance up to its comma: "After a two-hour call, …", and a date written
 * out with its weekday or year ("On Monday, August 18, …", "On August 18, 2025, …").
 */
const INTRO =
  /^(?:In|On|At|After|Before|Following|During|As|While|Although|Though|Despite|Amid|With|Without|Earlier|Later|Meanwhile|However|Speaking|According to|Ahead of|Since|Under|Over|For|From|Hours|Days|Weeks)\b[^,;:—–"“”]{0,110}?(?:,\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|\d{1,2}))?(?=,))?(?:,\s+\d{4}(?=,))?,\s+(?=\p{Lu})(?!\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)?,)/u;

export function cutAtClause(text: string, max: number): string {
  // A dateline ("KYIV —", "Washington/London/Paris —") places the story; it is no part of a headline.
  const t = text
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/^[\p{Lu}][\p{L}/ ,.'’()-]{1,40}?\s[—–]\s+(?=\p{Lu})/u, '');
  // A whole sentence reads best: drop only its full stop.
  const whole = t.replace(/\.(["”’]?)$/, '$1');
  if (whole.length <= max) return whole;
  // An opening phrase of time, place or circumstance ("In a renewed push for peace this Thursday, …", "After a
  // two-hour call, …") is no headline by itself: the headline is cut from the main clause after it, when that starts
  // with a capital (a name), so no letter changes.
  const intro = INTRO.exec(t);
  if (intro && t.length - intro[0].length >= 40) return cutAtClause(t.slice(intro[0].length), max);
  const cuts: number[] = [];
  for (let i = 0; i < Math.min(t.length, max + 1); i++) {
    const c = t[i] ?? '';
    const boundary = (c === ',' || c === ';' || c === ':') && t[i + 1] === ' ' && !commaInList(t, i);
    const dash = (c === '—' || c === '–') && (t[i - 1] === ' ' || (c === '—' && /\p{L}/u.test(t[i - 1] ?? '') && /\p{L}/u.test(t[i + 1] ?? '')));
    if ((boundary || dash) && i >= 40 && openQuotations(t.slice(0, i)) === 0) cuts.push(dash && t[i - 1] === ' ' ? i - 1 : i);
  }
  // The latest boundary that leaves a clause, not a name list's first item or words left hanging.
  for (const cut of cuts.reverse()) {
    const head = t.slice(0, cut).trimEnd();
    if (leavesClause(head)) return head;
  }
  // A whole clause before a phrase ("… are set to hold trilateral talks on Friday | in the United Arab Emirates")
  // reads as a headline without "…".
  return headlineAtPhrase(t, max) ?? cutAtWord(t, max, 0.5);
}
