/**
 * Is a sentence background rather than the day's news? Wire copy closes on the war's history ("The conflict, which
 * began in 2022, is the deadliest war in Europe since World War Two"), on old deals ("The agreement, struck in July,
 * …") and on standing figures ("As of May 3, Russia was in control of around 18% of Ukrainian territory"): each
 * names a time well before its event's day and none of that day. A sentence that also names the day ("on Friday",
 * "today", "on 18 November") is news told with its history, and stays news.
 */
import { allMatches } from '../text/matches.js';
import { MONTH_NAME, monthIndex } from '../text/months.js';
import { DAY_MS } from '../time/instant.js';

/** A day of the event's week: a weekday, "today", "this morning", "this week". */
const DAY_OF_THE_EVENT = /\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|tonight|yesterday|this (?:morning|afternoon|evening|week(?:end)?))\b/i;

/** The war's start as the time a sentence is told against. */
const WAR_START = /\b(?:(?:before|since|after) (?:Russia(?:'s|’s)? (?:(?:full-scale )?invasion|invaded)|the (?:full-scale )?invasion|the (?:start|beginning|outbreak) of the war)|(?:war|conflict|invasion),? which (?:began|started) in)\b/i;
/** The war's history as an aside or a closing line: "The conflict, which began in 2022, …", "… just before Russia invaded Ukraine." */
const WAR_HISTORY = /\b(?:(?:war|conflict),? which (?:began|started) in|before Russia invaded)\b/i;
/** "For the first time since …": a first is news, however far back it measures. */
// (The full stops of an abbreviation, "a U.S. and Russian president", end no sentence.)
const FIRST_SINCE = /\bfirst\b(?:[^.]|(?<=\b[A-Z])\.){0,60}\bsince\b/i;

const YEAR = /\b(19[5-9]\d|20\d\d)\b/g;
const MONTH = new RegExp(String.raw`\b(${MONTH_NAME})\.?(?:\s+(\d{1,2})\b)?`, 'gi');

/** How many months before the event's a month named without a year may be and still read as an earlier one. */
const EARLIER_MONTHS = 6;

/**
 * A sentence whose main verb states how things stand ("is", "controls", "allows", "has been bombing … since 2022"),
 * read after its commas' asides are taken out ("The agreement, struck in July and guaranteed by …, allows …"). News
 * with its history in an aside ("Trump, who argued with Zelensky in March, called …") has a verb of the day.
 */
const STANDING =
  /^(?:\S+\s+){0,7}?(?:is|are|remains?|controls?|allows?|reflects?|marks?|has been|have been|was in control|were in control)\b/i;
/** "Russia and Ukraine last conducted a prisoner exchange on Oct. 2, 2025", "He last met Putin on April 25": the time before. */
const LAST_TIME = /\b(?:last|previously)\s+(?:\p{Ll}+ed|met|held|spoke|took|saw|sent|struck|signed|won|made|gave|came)\b/u;
/** "As of May 3, …": a figure as it stood on an earlier day. */
const AS_OF = /^As of\b/i;

/**
 * A time counted back from the report's own ("Just days ago, Ukraine's president ruled out ceding control of the
 * Donbas …", "last month", "earlier this week", "Previous rounds of talks … have failed"): what came before the day's
 * news.
 */
const COUNTED_BACK =
  /\b(?:(?:just|only)\s+)?(?:(?:a few|a couple of|two|three|four|five|several|some)\s+)?(?:days|weeks|months|years)\s+(?:ago|earlier)\b|\b(?:last|earlier this|earlier in the)\s+(?:week|month|year|spring|summer|autumn|fall|winter)\b|\b(?:previous|prior|past|earlier)\s+(?:rounds?|talks|meetings|negotiations|summits)\b|\b(?:in the past|by then|back then|at that time)\b/i;
const EARLIER_THIS = /\bearlier this (?:week|month|year)\b/gi;

/**
 * Does the sentence tell of a time counted back from its report's day, and of no day of the event's ("earlier this
 * week" names the week, not the day)? Such a sentence says where a question stood before the day's news.
 */
export function countedBack(text: string): boolean {
  return COUNTED_BACK.test(text) && !DAY_OF_THE_EVENT.test(text.replace(EARLIER_THIS, ' ')) && !FIRST_SINCE.test(text);
}

export function isBackground(text: string, eventDay: number): boolean {
  if (DAY_OF_THE_EVENT.test(text) || FIRST_SINCE.test(text)) return false;
  if (olderTimesOnly(text, eventDay)) return true;
  const main = text.replace(/,[^,]{1,120},/g, ' ').replace(/\([^)]*\)/g, ' ');
  if (!WAR_HISTORY.test(text) && !AS_OF.test(text) && !LAST_TIME.test(text) && !STANDING.test(main)) return false;
  const warStart = WAR_START.test(text);
  const day = new Date(eventDay);
  const year = day.getUTCFullYear();
  const month = day.getUTCMonth();
  let earlier = warStart;
  for (const m of allMatches(YEAR, text)) {
    const y = Number(m[1]);
    // A year of the event's own names its day or its plans; an earlier one its history.
    if (y === year) return false;
    if (y < year) earlier = true;
  }
  for (const m of allMatches(MONTH, text)) {
    // "May" the verb, "March" the walk: a month counts with a day after it or "in" before it.
    const before = text.slice(Math.max(0, m.index - 4), m.index).toLowerCase();
    if (m[2] === undefined && !/\bin\s$|\bof\s$/.test(before)) continue;
    const back = (month - monthIndex(m[1] ?? '') + 12) % 12;
    if (back === 0) return false;
    if (back <= EARLIER_MONTHS) earlier = true;
  }
  return earlier;
}

/** How many days before its event's a month told with its year is history: "In November 2025" for a February report. */
const HISTORY_DAYS = 45;

/** A month's name right before a year, perhaps with its day: "November 2025", "Nov. 14, 2025", "14 November 2025". */
const MONTH_BEFORE_YEAR = new RegExp(String.raw`\b(${MONTH_NAME})\.?\s+(?:(\d{1,2})(?:st|nd|rd|th)?,?\s+)?$`, 'i');
const DAY_MONTH_BEFORE_YEAR = new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+(${MONTH_NAME})\.?,?\s+$`, 'i');
/** "On December 14 and 15 last year", "in March last year": a month of the year before the report's. */
const MONTH_LAST_YEAR = new RegExp(String.raw`\b(${MONTH_NAME})\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?(?:\s*(?:and|-|–)\s*\d{1,2})?)?,?\s+last\s+year\b`, 'gi');

/**
 * Does the sentence tell only of times well before its event's: years two or more before it ("… already got such a
 * guarantee … in the 1994 Budapest agreement", "after Russia's 2014 annexation of Crimea"), or a month with its year
 * six weeks or more before it ("In November 2025, the Geneva talks became a flashpoint …" in a February explainer, "On
 * December 14 and 15 last year, President Zelenskyy travelled to Berlin …")? (Asked once a day of the event's is ruled
 * out.) It tells the story's history, not the day's news.
 */
function olderTimesOnly(text: string, eventDay: number): boolean {
  const event = new Date(eventDay);
  const year = event.getUTCFullYear();
  const long = (y: number, month: number, day: number | undefined) => eventDay - Date.UTC(y, month, day ?? 28) >= HISTORY_DAYS * DAY_MS;
  // (Told in an aside, "Witkoff, who first met Putin in February 2025, said …", the time is not the sentence's.)
  const asides = [...allMatches(/,[^,]{1,120},/g, text)].map((a) => [a.index, a.index + a[0].length] as const);
  const inAside = (at: number) => asides.some(([from, to]) => at > from && at < to);
  let any = false;
  for (const m of allMatches(YEAR, text)) {
    const before = text.slice(Math.max(0, m.index - 20), m.index);
    // "the pre-2014 borders", "territory lost since 2014": a year that measures up to the day, not one told of.
    if (/(?:pre-|post-|since\s)$/i.test(before)) continue;
    const y = Number(m[1]);
    if (y <= year - 2) {
      any = true;
      continue;
    }
    // The year before the event's or its own counts only with its month, and only far enough back.
    const dated = MONTH_BEFORE_YEAR.exec(before);
    const dayFirst = dated ? null : DAY_MONTH_BEFORE_YEAR.exec(before);
    const month = dated ? monthIndex(dated[1] ?? '') : dayFirst ? monthIndex(dayFirst[2] ?? '') : -1;
    const day = dated?.[2] ?? dayFirst?.[1];
    if (month < 0 || y > year || !long(y, month, day === undefined ? undefined : Number(day)) || inAside(m.index)) return false;
    any = true;
  }
  for (const m of allMatches(MONTH_LAST_YEAR, text)) {
    if (!long(year - 1, monthIndex(m[1] ?? ''), undefined) || inAside(m.index)) return false;
    any = true;
  }
  // A day told without its year, in a report of what was done ("On March 10, the foreign ministers … met for the first
  // time" in a February explainer): the last such day before the event's, history when six weeks or more back. (Not in
  // a sentence that looks ahead, where "March 10" is the next one; nor one of the event's own days, just after it.)
  if (!LOOKS_AHEAD.test(text))
    for (const m of allMatches(YEARLESS_DAY, text)) {
      const month = monthIndex(m[1] ?? m[4] ?? '');
      const day = Number(m[2] ?? m[3]);
      if (month < 0 || inAside(m.index)) continue;
      let at = Date.UTC(year, month, day);
      if (at > eventDay + 2 * DAY_MS) at = Date.UTC(year - 1, month, day);
      if (eventDay - at < HISTORY_DAYS * DAY_MS) return false;
      any = true;
    }
  return any;
}

/** "March 10", "10 March", "Feb. 18th", with no year after it (those are read with their year above). */
const YEARLESS_DAY = new RegExp(
  String.raw`\b(${MONTH_NAME})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s+\d{4})|\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(${MONTH_NAME})\b(?!\.?,?\s+\d{4})`,
  'g',
);
/** Words of what is to come: a day told with them may be the next one of its name. */
const LOOKS_AHEAD = /\b(?:will|would|shall|is to|are to|due|scheduled|expected|set to|plans?|planned|next|upcoming|until|by|before|deadline)\b/i;
