/**
 * When the event an article reports happened. Dates in the text are read with chrono-node and resolved against the
 * article's publication time; the event's own day ("on Tuesday", "yesterday", a dateline) wins over the publication
 * day. Without a publication time, dates the page states in full (a crawler's "date" line, a byline's time, a
 * dateline with a year) anchor the article; with nothing at all, the ingest time does, and the record says so.
 */
import type { ParsedComponents, ParsedResult } from 'chrono-node';
// English only: the whole package loads every locale (about 0.5 s and 4 billion instructions at start-up, measured).
import * as chrono from 'chrono-node/en';
import { allMatches } from '../text/matches.js';
import { openQuotations } from '../text/quotation.js';
import { datelineLength } from './facts.js';
import { monthIndex } from '../text/months.js';
import { ARCHIVE_PICTURE } from './chrome-phrases.js';
import { DAY_MS } from '../time/instant.js';
import { ownOffsetMinutes } from './page-date.js';

export type DateSource = 'text' | 'published' | 'ingest-time';

export interface EventDating {
  /** ISO instant (`2025-05-19T20:00:00Z`) or day (`2025-05-19`). */
  occurredAt: string;
  dateSource: DateSource;
  /** The time later relative dates ("next week") are read against: publication, a stated date, the day the text names when only the ingest time or a year anchored it, or the ingest time. */
  anchor: Date;
  /** The publication time, when the input or the page states one (`anchor` is then that time). */
  published?: Date;
}

export interface DatingInput {
  /** Publication time from --published, page metadata or a feed (ISO). */
  publishedAt?: string;
  /** Dates a crawler's metadata prefix stated. */
  statedDates?: readonly string[];
  /** The day the page's address names (`/2025/12/11/`: url-date.ts), its publication day. */
  urlDay?: string;
  /** Lines dropped as chrome from the top of the page (bylines and time stamps hold publication dates). */
  chromeLines?: readonly string[];
  /** The standfirst (dek) under the headline, when the page has one: it often says the day. */
  standfirst?: string;
  /** The article's first body sentences (dateline included), in order: about six. */
  lead: readonly string[];
  /** A dateline printed on a line of its own above the body ("Istanbul, Jun 2 (Agencies)"). */
  dateline?: string;
  /** Every line of the page, kept or dropped (captions and asides state dates too). */
  allLines?: readonly string[];
  now: Date;
}

/** How far back from its anchor an article's own "on Tuesday" or "May 19" may reach. */
const LOOKBACK_DAYS = 7;
/** How far back a bare weekday ("on Saturday") may reach from the publication day. */
const WEEKDAY_LOOKBACK_DAYS = 5;
/** Words that make a date mention one a reader recognises as a day (not "for two hours", not "last week"). */
const DAY_WORDS =
  /\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b|\bon\s+\d{1,2}\/\d{1,2}\b(?![/.]?\d)|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?\s+\d|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)|\d{4}-\d{2}-\d{2}|\b(?:yesterday|today|tonight|last night|this (?:morning|afternoon|evening))\b|\b(?:new year|christmas)\b/i;
/**
 * A mention in a clause about the future, or about the background, is not the day of the event. Prepositions of a
 * deadline or a span bind to the words right after them ("by Friday", "until Nov 27"), not to a date further on ("a
 * readout issued by the Kremlin on March 18").
 */
const NOT_EVENT_CONTEXT =
  /(?:\b(?:will|would|shall|to be held|is (?:due|set|scheduled|expected)|are (?:due|set|scheduled|expected)|(?:set|slated|due|scheduled|expected) to|plans? to|planned|propos\w*|offer\w*|invit\w*|suggest\w*|call\w* for|to ['‘"“]?(?:restart|resume|reconvene|hold|host|meet|visit|travel|sign|convene|begin|start|launch)\b['’"”]?)\s+(?:[^\s”]+\s+){0,8}|\b(?:upcoming|previous|prior|planned)\s+(?:\S+\s+){0,12}|\b(?:next|until|till|through|since|ahead of|before|by|starting|beginning|ending|effective)\s+(?:\S+\s+){0,2})$/i;
/**
 * A weekday of what came before the news: "Following initial talks on Sunday, European leaders … agreed on December
 * 15". It does not say which weekday the news itself fell on.
 */
const PRIOR_CONTEXT = /\b(?:following|after)\s+(?:\S+\s+){0,3}(?:on\s+)?$/i;
/**
 * What the news comes after, however long the clause: "The talks … come after Zelenskyy accused Moscow of exploiting
 * a US-backed energy truce … before launching a record number of ballistic missile attacks at Ukraine on Tuesday."
 * Not past a comma: "Zelensky, whose visit came after weeks of pressure, met Trump … on Friday" is the main clause's.
 */
const CAME_AFTER = /\b(?:comes?|came|coming)\s+(?:(?:just|only|days?|hours?|weeks?|a\s+day|a\s+week)\s+)?after\b[^.;:!?,]{0,200}$/i;
/** A pledge the date may be part of (a written date only: "vowed to fight on Tuesday" may say when the vow was made). */
const PLEDGED = /\b(?:promis|pledg|vow)\w*\s+to\b[^.;:!?]{0,80}$/i;
/** A future right after a day: "Thursday will be relevant", "Monday is expected to …", "next Friday could …". */
const FUTURE_AFTER = /^['’]?s?\s+(?:will|would|could|might|is\s+(?:expected|due|set|likely)|promises)\b/;
/** A date that a clause measures from or recalls, not the news's own: "since the Russian invasion of Ukraine on …". */
// (Also the war's start told in a clause of its own: "… of Russia's invasion of Ukraine, which began on Feb. 24, when …".)
// (And the start of anything else told in a clause set off by a comma: "… his six-month EU presidency, which began on
// Monday, to push for …"; not that of the gathering the sentence opens in, where the news was made: "At the Munich
// Security Conference, which began on February 14th, Vance reaffirmed …".)
const MEASURED_FROM =
  /\b(?:since|invasion|invaded|annex(?:ed|ation))\b[^,;:]{0,80}$|\b(?:war|conflict|invasion|offensive|operation)\b[^.;:]{0,40}?,?\s+(?:which|that)\s+(?:began|started|broke\s+out|was\s+launched)\s+(?:in\s+\S+\s+)?(?:on\s+)?$|^(?!(?:At|During|On the sidelines of)\s)[\s\S]*,\s+which\s+(?:began|started|took\s+effect|came\s+into\s+(?:force|effect)|was\s+launched)\s+(?:on\s+)?$/i;
/** A relative clause set off by a dash or a comma that dates something else: "— which was declared in Ukraine on ". */
const TOLD_OF = /[,—–]\s*(?:which|that)\s+(?:was|were|had\s+been)\s+\p{Ll}+ed\b[^,;:—–]{0,40}?(?:\s+(?:on|in))?\s*$/u;
/**
 * "on 18/8" (day and month, as Vietnamese, Indian and European outlets write it) or "on 8/18", when the numbers say
 * which is the month; "on 5/6" could be either and names no day.
 */
function slashDay(text: string, before: string): boolean {
  const m = /^(\d{1,2})\/(\d{1,2})$/.exec(text);
  if (!m || !/\bon\s+$/.test(before)) return false;
  const [a, b] = [Number(m[1]), Number(m[2])];
  return a >= 1 && b >= 1 && (a > 12) !== (b > 12) && Math.max(a, b) <= 31;
}

/** A date written out (a month's name, digits), not a weekday or "today". */
// (A holiday names its day as a date does: see holidayDays.)
const EXPLICIT_DATE = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d{1,2}[./-]\d{1,2}|\d{4}-\d{2}-\d{2}|\b(?:new year|christmas)\b/i;

function dayOf(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The start (00:00 UTC) of a date's day, in ms: days compare so whatever their times. */
function dayStartMs(d: Date): number {
  return Date.parse(`${dayOf(d)}T00:00:00Z`);
}

function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function validDate(iso: string | undefined): Date | undefined {
  if (!iso) return undefined;
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/**
 * chrono's English parser without the parsers for spans of time ("within days", "two hours ago", "next week", "end of
 * the month"): a report's day is a weekday, a written date or "yesterday", and those parsers were a third of
 * chrono's time on a lead sentence (measured). Parsers are picked by class name; an upgrade that renames them keeps
 * them all, which is slower, not wrong.
 */
const SKIPPED_PARSERS = new Set([
  'ENTimeUnitWithinFormatParser',
  'ENTimeUnitAgoFormatParser',
  'ENTimeUnitLaterFormatParser',
  'ENTimeUnitCasualRelativeFormatParser',
  'ENRelativeDateFormatParser',
  'ENEndOfCurrentMonthParser',
  'ENSlashMonthFormatParser',
  'ENMonthNameParser',
]);
const newsDates = new chrono.Chrono({
  parsers: chrono.casual.parsers.filter((p) => !SKIPPED_PARSERS.has(p.constructor.name)),
  refiners: chrono.casual.refiners,
});

/**
 * A date written with dots is day first ("17:14 GMT 06.08.2025" is 6 August: Sputnik, TASS and European outlets write
 * it so; no outlet writes month first with dots), which chrono's English parser reads month first. Swapped into its
 * slash form, the same length, so indices into the text hold; a second number above 12 is a month-first date and stays.
 */
const DOTTED_DATE = /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/g;
function dayFirstDots(text: string): string {
  if (!text.includes('.')) return text;
  return text.replace(DOTTED_DATE, (m, d: string, mo: string, y: string) => (Number(mo) > 12 ? m : `${mo}/${d}/${y}`));
}

/**
 * "4th Friday, March 2022 - 09:30 UTC" (MercoPress's stamp): the day's ordinal before its weekday, which chrono does not
 * read. Swapped to "Friday, 4th March 2022", the same length.
 */
const ORDINAL_WEEKDAY = /\b(\d{1,2}(?:st|nd|rd|th)) ((?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day),(?= (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{4}\b)/g;
function ordinalAfterWeekday(text: string): string {
  if (!/\d(?:st|nd|rd|th) \w+day,/.test(text)) return text;
  return text.replace(ORDINAL_WEEKDAY, (_m, nth: string, weekday: string) => `${weekday}, ${nth}`);
}

/**
 * Days news names by their holiday, which chrono does not read: a leader's "New Year('s Eve) address" (given on the
 * eve, "New Year's Eve televised address") and "on New Year's Eve" are 31 December, "on Christmas Eve" the 24th, "on Christmas Day" the 25th. Only as the
 * day something happened on or the occasion of an address: a holiday named otherwise is mostly background ("a
 * similar truce in observance of Orthodox Christmas"). Written as the day without its year, padded to the same
 * length so indices into the text hold.
 */
const HOLIDAY =
  /(?<=\b(?:on|this|last)\s)(?:New Year['’]s Eve|Christmas (?:Eve|Day))\b|\bNew Year(?:['’]s)?(?: Eve)?(?= (?:[\w-]+ )?(?:address|speech|message|greeting|broadcast)\b)/gi;
function holidayDays(text: string, holidays: Map<number, number>): string {
  if (!/new year|christmas/i.test(text)) return text;
  return text.replace(HOLIDAY, (m, at: number) => {
    holidays.set(at, m.length);
    const day = /^christmas eve/i.test(m) ? 'Dec 24' : /^christmas day/i.test(m) ? 'Dec 25' : 'Dec 31';
    return day.padEnd(m.length, ' ');
  });
}

/**
 * "On the night of February 3", "the morning of May 19": chrono reads the part of the day and drops the date after it
 * (a time today, no day certain). The part of the day is blanked, the same length, so the date is read.
 */
const PART_OF_DAY_OF =
  /\b(?:morning|afternoon|evening|night)\s+of\s+(?=(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d))/gi;
function partOfDayBlanked(text: string): string {
  if (!/(?:morning|afternoon|evening|night)\s+of\s/i.test(text)) return text;
  return text.replace(PART_OF_DAY_OF, (m) => ' '.repeat(m.length));
}

/**
 * "08/10/2025" reads as 10 August or 8 October. chrono takes the month first; when the sentence names a weekday and
 * only the day-first reading falls on it ("CaliToday (08/10/2025): … declared on Wednesday": 8 October 2025 was a
 * Wednesday), the numbers are swapped, the same length, so the day-first reading is taken.
 */
const SLASHED_DATE = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g;
const WEEKDAY_NAME = /\b(Sun|Mon|Tues|Wednes|Thurs|Fri|Satur)day\b/;
const WEEKDAY_INDEX: Record<string, number> = { Sun: 0, Mon: 1, Tues: 2, Wednes: 3, Thurs: 4, Fri: 5, Satur: 6 };
function slashedByWeekday(text: string, context: string): string {
  if (!text.includes('/')) return text;
  const named = WEEKDAY_NAME.exec(context)?.[1];
  if (named === undefined) return text;
  const weekday = WEEKDAY_INDEX[named];
  return text.replace(SLASHED_DATE, (m, a: string, b: string, y: string) => {
    const first = Number(a);
    const second = Number(b);
    if (first > 12 || second > 12 || first === second) return m;
    const monthFirst = new Date(Date.UTC(Number(y), first - 1, second)).getUTCDay();
    const dayFirst = new Date(Date.UTC(Number(y), second - 1, first)).getUTCDay();
    return dayFirst === weekday && monthFirst !== weekday ? `${b}/${a}/${y}` : m;
  });
}

/** chrono's reading of a text against `ref`, in UTC (`context`: the whole sentence a part of it was cut from). */
function parseDates(text: string, ref: Date, context = text): ParsedResult[] {
  const holidays = new Map<number, number>();
  const read = holidayDays(ordinalAfterWeekday(dayFirstDots(slashedByWeekday(partOfDayBlanked(text), context))), holidays);
  const results = newsDates.parse(read, { instant: ref, timezone: 'UTC' }, { forwardDate: false });
  // Each result quotes the text as written, for callers that look for it there (a holiday's whole name).
  // (chrono's results are plain objects; its type marks `text` read-only for callers, not for the parser's owner.)
  if (read !== text) for (const r of results) (r as { text: string }).text = text.slice(r.index, r.index + (holidays.get(r.index) ?? r.text.length));
  return results;
}

const DAY_WORDS_ALL = new RegExp(DAY_WORDS.source, 'gi');

/**
 * chrono's results for the stretches of a sentence around its day words, with indices into the sentence: parsing a
 * whole lead sentence costs far more than the few words a date takes.
 */
function parseAround(sentence: string, ref: Date): Array<{ r: ParsedResult; index: number }> {
  const spans: Array<[number, number]> = [];
  for (const m of allMatches(DAY_WORDS_ALL, sentence)) {
    const from = Math.max(0, m.index - 12);
    const to = Math.min(sentence.length, m.index + m[0].length + 28);
    const last = spans[spans.length - 1];
    if (last && from <= last[1]) last[1] = to;
    else spans.push([from, to]);
  }
  const out: Array<{ r: ParsedResult; index: number }> = [];
  for (const [from, to] of spans)
    for (const r of parseDates(sentence.slice(from, to), ref, sentence)) {
      const index = r.index + from;
      if (!NAMED_TODAY.test(r.text) || !NAME_BEFORE.test(sentence.slice(0, index))) out.push({ r, index });
    }
  return out;
}

/**
 * "Today" with a capital after a capitalised word is a name, not a day: a paper or a channel ("USA Today", "India
 * Today", "Russia Today", "The Europe Today: French President … met on Saturday").
 */
const NAMED_TODAY = /^Today$/;
const NAME_BEFORE = /\p{Lu}[\p{L}.]*\s+$/u;

/**
 * The day a result names, as news means it: the past one. chrono picks the nearest "May 11" or "Friday", which may be
 * ahead of the reference; a report of what happened means the one before it.
 */
function pastDate(r: ParsedResult, ref: Date, ahead = DAY_MS / 2): Date {
  return pastDay(r.start, ref, ahead);
}

/**
 * A dateline is written in the newsroom's time, up to a day ahead of a publication time in UTC ("MOSCOW, Jan 23
 * (KUNA)" published at 21:00 UTC on 22 January): its day is read in the publication's year up to a day and a half
 * ahead, not a year back.
 */
const DATELINE_AHEAD = 1.5 * DAY_MS;

/** How far ahead of its anchor a dateline's day may be: a day and a half of a publication time, else half a day. */
function datelineAhead(anchor: Anchor): number {
  return anchor.source === 'published' && !anchor.weak ? DATELINE_AHEAD : DAY_MS / 2;
}

/** `pastDate` of one end of a result (a span's last day is read the same way). */
function pastDay(c: ParsedComponents, ref: Date, ahead = DAY_MS / 2): Date {
  const d = c.date();
  if (d.getTime() <= ref.getTime() + ahead) return d;
  if (!c.isCertain('year') && c.isCertain('month')) return new Date(Date.UTC(d.getUTCFullYear() - 1, d.getUTCMonth(), d.getUTCDate(), 12));
  if (c.isCertain('weekday') && !c.isCertain('day')) return new Date(d.getTime() - 7 * DAY_MS);
  return d;
}

type FullDate = { at: Date; hasTime: boolean; text: string };

/** The dates a text states in full (day, month and year), not in the future of `now`, in text order. */
function fullDates(text: string, now: Date): FullDate[] {
  if (!/\d{4}/.test(text)) return [];
  const out: FullDate[] = [];
  for (const r of parseDates(text, now)) {
    if (!r.start.isCertain('year') || !r.start.isCertain('month') || !r.start.isCertain('day')) continue;
    // "yesterday" is certain of its year too, against the ingest time: a day the page states has its year written.
    if (!/\d{4}/.test(r.text)) continue;
    const at = r.start.date();
    if (at.getTime() > now.getTime() + DAY_MS) continue;
    out.push({ at, hasTime: r.start.isCertain('hour'), text: r.text });
    // A span of days ("March 23-25, 2025", "talks on 4-5 February 2026") states its last day too: the day a report
    // of how the talks ended ("said Tuesday") is dated by.
    const end = r.end?.isCertain('day') ? r.end.date() : undefined;
    if (end && end.getTime() > at.getTime() && end.getTime() <= now.getTime() + DAY_MS) out.push({ at: end, hasTime: r.end?.isCertain('hour') ?? false, text: r.text });
  }
  return out;
}

/** The full dates of every line of the page, read once (the anchor and a lead's weekday both look at them). */
type PageDates = () => FullDate[][];

/**
 * `weak`: a full date found somewhere in the page (a caption, an aside) rather than stated as the page's own: it
 * tells the year an article was written in, not its day.
 */
type Anchor = { at: Date; precision: 'instant' | 'day'; source: DateSource; weak?: boolean };

/**
 * When a copy of the page was made, not when the page was published: a scraper's, clipper's or archive's stamp
 * ("Scraped at: 2026-02-28T14:34:06", "Retrieved 3 March 2025", "Accessed on …"), or a program's bare "timestamp" field: a
 * page prints "Published" or "Updated" for its readers.
 */
const COPY_TIME = /^\W*(?:scraped|crawled|fetched|retrieved|accessed|downloaded|archived|captured|clipped|saved|indexed|timestamp)(?:\s+(?:at|on|date|time))?\b/i;

/**
 * A line that is a date stamp: a full date, perhaps with a time, a weekday, "Published"/"Posted", a byline or a
 * place around it ("Monday, May 19th 2025, 1:10 pm", "Posted May 19, 2025 1:17 PM CDT", "| Monday, May 19, 2025 |
 * Washington, D.C."), but no sentence.
 */
function dateStamp(raw: string, now: Date): { at: Date; hasTime: boolean } | undefined {
  // A link does not make a line longer or wordier: "From Novaya gazeta Europe, Nov. 20, 2025, https://…".
  const line = raw.replace(/https?:\/\/\S+/g, ' ');
  if (!/\d{4}/.test(line) || line.length > 120 || COPY_TIME.test(line)) return undefined;
  const dates = fullDates(line, now);
  const d = dates[0];
  if (!d) return undefined;
  // A span of days ("March 23-25, 2025") is when something went on, never when the page was published.
  if (dates.some((x) => x.text === d.text && x.at.getTime() !== d.at.getTime())) return undefined;
  // A byline's or reading-time's words ("by The Kyiv Independent news desk … 2 min read") and a link do not count.
  const rest = line.replace(d.text, ' ').match(/\p{L}{2,}/gu) ?? [];
  const stampy = /^\s*(?:by|posted|published|updated|last updated)\b/i.test(line) || /\b\d+\s*min(?:ute)?s?\s+read\b/i.test(line);
  return rest.length <= 6 || (stampy && !/[.!?]\s+\p{Lu}/u.test(line)) ? d : undefined;
}

function anchorOf(input: DatingInput, pageDates: PageDates): Anchor {
  const published = validDate(input.publishedAt);
  if (published) return { at: published, precision: /T/.test(input.publishedAt ?? '') ? 'instant' : 'day', source: 'published' };
  for (const stated of input.statedDates ?? []) {
    const at = validDate(stated.replace(' ', 'T'));
    if (at) return { at, precision: /[T ]\d/.test(stated) ? 'instant' : 'day', source: 'published' };
  }
  for (const line of input.chromeLines ?? []) {
    const d = dateStamp(line, input.now);
    if (d) return { at: d.at, precision: d.hasTime ? 'instant' : 'day', source: 'published' };
  }
  // The address's day: the publication day the content system filed the page under.
  const urlDay = validDate(input.urlDay);
  if (urlDay) return { at: urlDay, precision: 'day', source: 'published' };
  // A date stamp without its year ("23 October 02:08"): the latest such day before the ingest time.
  for (const line of input.chromeLines ?? []) {
    const d = yearlessStamp(line, input.now);
    if (d) return { at: d, precision: 'day', source: 'ingest-time' };
  }
  // A dateline or lead that states the full date of the event ("Moscow, 19 May 2025 (dpa) -", "On March 11, 2025, …").
  // (Not the war's start or another day the sentence measures from: "… for the first discussions of this level since the
  // Russian invasion of Ukraine on February 24, 2022.")
  for (const sentence of input.lead.slice(0, 2)) {
    const d = fullDates(sentence, input.now).find((x) => !MEASURED_FROM.test(sentence.slice(0, Math.max(0, sentence.indexOf(x.text)))));
    if (d) return { at: d.at, precision: 'day', source: 'text' };
  }
  // The latest full date anywhere on the page says which year "on 11 March" means. (Not a date a clause measures from
  // or tells of something else by: "martial law — which was declared in Ukraine on 24 February 2022 —" says nothing
  // of the year of a report in 2026.)
  let latest: Date | undefined;
  const lines = input.allLines ?? [];
  pageDates().forEach((dates, i) => {
    const d = dates[0];
    if (!d || (latest && d.at <= latest)) return;
    const line = lines[i] ?? '';
    const before = line.slice(0, Math.max(0, line.indexOf(d.text)));
    if (!MEASURED_FROM.test(before) && !TOLD_OF.test(before)) latest = d.at;
  });
  // A page that names a later year than its latest full date was written after it: "Sep 1" in a report that says the
  // bloc was "established on June 15, 2001" and grew "in 2023 and … in 2024" is no 2001 day, and the old date says
  // nothing of the year the dateline means.
  if (latest && (latestYearNamed(lines, input.now) ?? 0) <= latest.getUTCFullYear()) return { at: latest, precision: 'day', source: 'text', weak: true };
  return { at: input.now, precision: 'instant', source: 'ingest-time' };
}

/** A year a clause names as past or present ("in 2024", "the 2023 summit"), not a deadline or a plan ("by 2030", "until 2027"). */
const YEAR_NAMED = /\b(?:19[5-9]\d|20\d\d)\b(?![-–/.]\d|\s*(?:elections?|vote|polls?|budget|target|deadline|goal)\b)/g;
const BEFORE_A_FUTURE_YEAR = /\b(?:by|until|till|through|before|ahead\s+of|beyond|after|for|in\s+the\s+run-up\s+to)\s+(?:(?:early|late|mid|the\s+end\s+of|end-?)\s*-?\s*)?$/i;

/** The latest year the page names that is not after `now` (a year of the past or the present, as the page tells it). */
function latestYearNamed(lines: readonly string[], now: Date): number | undefined {
  let latest: number | undefined;
  const thisYear = now.getUTCFullYear();
  for (const line of lines) {
    if (!/\d{4}/.test(line)) continue;
    for (const m of line.matchAll(YEAR_NAMED)) {
      const year = Number(m[0]);
      if (year > thisYear || (latest !== undefined && year <= latest)) continue;
      if (BEFORE_A_FUTURE_YEAR.test(line.slice(Math.max(0, m.index - 40), m.index))) continue;
      latest = year;
    }
  }
  return latest;
}

/** How many of the lead's sentences may name the event's day in any form; later ones count with a written date only. */
const PRIMARY_SENTENCES = 2;

/**
 * The day the lead says the event happened, read against the anchor; undefined when it names none. The standfirst
 * and the first two sentences may name it in any form; the next few only with a written date ("agreed on Tuesday
 * (March 11)", "On the same day, November 23"), because a written date further down is more often background.
 */
function leadDay(input: DatingInput, anchor: Anchor, pageDates: PageDates): string | undefined {
  const { now } = input;
  // A weak anchor knows the year, not the week: a month and day are read as the latest such day within half a year
  // after it ("on 11 March" in a page whose caption says "11 February 2025"), and a weekday means nothing.
  const ref = anchor.weak ? new Date(Math.min(now.getTime(), anchor.at.getTime() + 183 * DAY_MS)) : anchor.at;
  const refDay = dayStartMs(ref);
  const unanchored = anchor.weak || anchor.source === 'ingest-time';
  const sentences = [...(input.standfirst ? [input.standfirst] : []), ...input.lead];
  const primaryCount = (input.standfirst ? 1 : 0) + PRIMARY_SENTENCES;
  /** The weekday the lead names first when nothing says which week it is ("announced on Wednesday"). */
  let weekday: number | undefined;
  /** The lead says the event happened "today" ("talks that concluded earlier today"). */
  let today = false;
  /** The day of a dateline that opens the lead: the report's, and the event's unless the lead names another. */
  let datelineDate: string | undefined;
  for (const [i, sentence] of sentences.entries()) {
    if (!DAY_WORDS.test(sentence)) continue;
    const results = parseAround(sentence, ref);
    // Further down a lead that nothing anchors, a sentence naming several days tells a sequence ("On the night of
    // May 11, Putin proposed … talks in Turkey on May 15"): its latest day is the nearest to the report.
    const latestOfSentence = i >= primaryCount && unanchored;
    let latestDay: string | undefined;
    for (const [n, { r, index }] of results.entries()) {
      if (!DAY_WORDS.test(r.text) && !slashDay(r.text, sentence.slice(0, index))) continue;
      // "PARIS, January 7, 2026 – Leaders … concluded a summit in Paris on Tuesday": the dateline is when the report was
      // filed; the day the lead goes on to name is the event's.
      if (datelineDate === undefined && r.start.isCertain('day') && index > 0 && index + r.text.length <= datelineLength(sentence)) {
        datelineDate = dayOf(pastDate(r, ref, datelineAhead(anchor)));
        continue;
      }
      // "on Tuesday (March 18)", "Monday, May 19": the written date right after the weekday says which Tuesday.
      const next = results[n + 1];
      if (next && !EXPLICIT_DATE.test(r.text) && EXPLICIT_DATE.test(next.r.text) && next.index - (index + r.text.length) <= 3) continue;
      const monthDay = r.start.isCertain('month') && r.start.isCertain('day') && EXPLICIT_DATE.test(r.text);
      if (i >= primaryCount && !monthDay) continue;
      // A day inside a quotation is the speaker's ("“As of today, we cannot say …” Zelenskyy told Ukrainians in a
      // Wednesday evening video address", in a Friday piece): only a written date there is anyone's day.
      if (!monthDay && openQuotations(sentence.slice(0, index)) > 0) continue;
      if (NOT_EVENT_CONTEXT.test(sentence.slice(0, index)) || (!monthDay && CAME_AFTER.test(sentence.slice(0, index)))) continue;
      // Nor a day a clause measures from: "… since Trump began his second term on January 20, 2025".
      if (MEASURED_FROM.test(sentence.slice(0, index))) continue;
      // Nor the day of what someone pledged to do: "… who has promised to end the war after taking office on January 20".
      if (monthDay && PLEDGED.test(sentence.slice(0, index))) continue;
      // The day as the subject of a future: "Thursday will be relevant", "Friday is expected to bring …".
      if (FUTURE_AFTER.test(sentence.slice(index + r.text.length, index + r.text.length + 40))) continue;
      // Without a publication time, "on Tuesday" could be any week's, and reading it against the ingest time would
      // give two reports of different weeks' Tuesdays the same day (and merge them): only a written date counts,
      // and it must fall on the weekday the lead named, if it named one.
      if (unanchored && !monthDay) {
        if (weekday === undefined && r.start.isCertain('weekday') && !r.start.isCertain('day') && !PRIOR_CONTEXT.test(sentence.slice(0, index))) weekday = r.start.get('weekday') ?? undefined;
        if (TODAY.test(r.text)) today = true;
        continue;
      }
      let date = pastDate(r, ref);
      // The last day of a span of days ("March 23-25", "from Feb. 4 - 5").
      const spanEnd = r.end?.isCertain('day') ? pastDay(r.end, ref) : undefined;
      // A report published after several days of talks ("with the Ukrainian delegation March 23-25") is of their last
      // day: the talks' outcome. (Without a publication time the report may have been written while they went on.)
      if (!unanchored && spanEnd && spanEnd > date && spanEnd.getTime() - date.getTime() <= LOOKBACK_DAYS * DAY_MS && dayStartMs(spanEnd) <= refDay) date = spanEnd;
      // "Thursday, April 17" without a year: the latest year in which 17 April was a Thursday, however long ago.
      const named = r.start.isCertain('weekday') ? r.start.get('weekday') : null;
      if (unanchored && monthDay && named !== null && !r.start.isCertain('year')) {
        const pinned = yearOfWeekday(date, named);
        if (pinned === undefined) continue;
        return dayOf(pinned);
      }
      // "in London on April 23" with no year, and "On Tuesday, April 22" elsewhere in the text: the year in which that
      // weekday fell on that day is this one's too.
      if (unanchored && monthDay && named === null && !r.start.isCertain('year')) {
        const pinned = yearFromWeekdayDates(input.allLines ?? sentences, date);
        if (pinned !== undefined && pinned.getTime() <= now.getTime()) return dayOf(pinned);
      }
      if (unanchored && weekday !== undefined && date.getUTCDay() !== weekday) {
        // "said Thursday" and "met from Feb. 4 - 5": the span's last day may be the weekday's.
        if (spanEnd === undefined || spanEnd.getUTCDay() !== weekday || spanEnd.getTime() < date.getTime()) continue;
        date = spanEnd;
      }
      const day = dayStartMs(date);
      // Against the ingest time, "on 11 March" is the latest 11 March (news is mostly ingested as it comes out).
      // A weekday six days back is more often tomorrow's ("… on Saturday" in a Friday piece): news says "last
      // Saturday" for that one.
      // Further down the lead, a written date days before the publication is what the news answers ("On January 6 in
      // Paris, … signed a declaration" in a report of Moscow's reply two days later): only the day before counts.
      const further = i >= primaryCount && anchor.source === 'published' && !anchor.weak;
      // A lead that opens on a date it writes in full ("On November 20, 2025, the administration delivered …") is a
      // report of that day however late it was written.
      const opensOnIt = i === 0 && monthDay && r.start.isCertain('year') && index <= 4;
      const lookback = further ? 1 : anchor.weak || (anchor.source === 'ingest-time' && monthDay) || opensOnIt ? 366 : monthDay ? LOOKBACK_DAYS : WEEKDAY_LOOKBACK_DAYS;
      if (day > refDay || day < refDay - lookback * DAY_MS) continue;
      // Further down a lead under a weak anchor, a written date more than a week before the page's latest is background
      // (the latest may itself be background: a later date still counts).
      if (anchor.weak && i >= primaryCount && day < dayStartMs(anchor.at) - LOOKBACK_DAYS * DAY_MS) continue;
      if (!latestOfSentence) return dayOf(date);
      if (latestDay === undefined || dayOf(date) > latestDay) latestDay = dayOf(date);
    }
    if (latestDay !== undefined) return latestDay;
  }
  if (datelineDate !== undefined) return datelineDate;
  // "concluded earlier today" in the lead under a caption of "talks in Jeddah … on March 11, 2025": the picture is
  // of the day the article reports, when no later date on the page says it was written after it.
  if (today && weekday === undefined && anchor.weak) {
    const above = dateAboveLead(input, pageDates);
    if (above && above.getTime() === anchor.at.getTime()) return dayOf(above);
  }
  // "on Friday" in the lead and "Friday, Aug. 15, 2025" in a caption: the page's latest full date on that weekday,
  // if it is of the page's last week ("last carried out a prisoner exchange on 2 October 2025" under a caption of
  // 4 February 2026 is background).
  if (weekday === undefined) return undefined;
  let best: Date | undefined;
  const latest = pageDates().flat().reduce<Date | undefined>((max, { at }) => (!max || at > max ? at : max), undefined);
  for (const { at } of pageDates().flat()) {
    if (at.getUTCDay() === weekday && (!best || at > best) && latest && latest.getTime() - at.getTime() <= LOOKBACK_DAYS * DAY_MS) best = at;
  }
  // "on Thursday" under a caption of the talks "in Abu Dhabi, 4 February, 2026": that weekday, if it falls within
  // three days after the picture's (a picture is not taken after the report; one of a week before is background).
  if (best === undefined && anchor.weak) {
    const above = dateAboveLead(input, pageDates);
    const shift = above ? (((weekday - above.getUTCDay()) % 7) + 7) % 7 : 7;
    if (above && above.getTime() === anchor.at.getTime() && shift <= 3) best = new Date(above.getTime() + shift * DAY_MS);
  }
  // Else "on Tuesday" in the lead and "agreed on Tuesday (March 11)" further down: that March 11, in the latest year
  // it fell on a Tuesday.
  best ??= weekdayDateOnPage(input.allLines ?? [], weekday, now);
  return best ? dayOf(best) : undefined;
}

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
/** "Tuesday, April 22", "Tuesday (March 11)" (no year after it). */
const WEEKDAY_DATE =
  /\b(Sun|Mon|Tues|Wednes|Thurs|Fri|Satur)day,?\s+\(?(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s*\d{4})/g;

/**
 * `date` (a month and day read without a year) in the year a weekday-dated day of the text pins, when that day is
 * within a week of it: "April 23" beside "Tuesday, April 22" is 2025's. Undefined when the text has none.
 */
function yearFromWeekdayDates(lines: readonly string[], date: Date): Date | undefined {
  for (const line of lines) {
    if (!/day,?\s/.test(line)) continue;
    for (const m of allMatches(WEEKDAY_DATE, line)) {
      const weekday = WEEKDAYS.indexOf((m[1] ?? '').slice(0, 3).toLowerCase());
      const month = monthIndex(m[2] ?? '');
      const day = Number(m[3]);
      if (weekday < 0 || month < 0) continue;
      const named = yearOfWeekday(new Date(Date.UTC(date.getUTCFullYear(), month, day, 12)), weekday);
      if (named === undefined) continue;
      const same = new Date(Date.UTC(named.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), 12));
      if (Math.abs(same.getTime() - named.getTime()) <= 7 * DAY_MS) return same;
    }
  }
  return undefined;
}

const TODAY = /\b(?:today|tonight|this (?:morning|afternoon|evening))\b/i;
/** How many lines above the lead a caption or standfirst stating the day may sit. */
const LINES_ABOVE_LEAD = 3;

/** The full date stated closest above the lead's first sentence, within `LINES_ABOVE_LEAD` lines of it. */
function dateAboveLead(input: DatingInput, pageDates: PageDates): Date | undefined {
  const first = input.lead[0]?.slice(0, 40);
  const lines = input.allLines ?? [];
  if (!first) return undefined;
  const at = lines.findIndex((line) => line.includes(first));
  if (at < 0) return undefined;
  const dates = pageDates();
  for (let i = at - 1; i >= Math.max(0, at - LINES_ABOVE_LEAD); i--) {
    // A picture labelled as from the archive or an illustration is of another day.
    if (ARCHIVE_PICTURE.test(lines[i] ?? '')) continue;
    const found = dates[i];
    if (found && found.length > 0) return found[found.length - 1]?.at;
  }
  return undefined;
}

/** The first day the page writes as `weekday` and a month and day without a year, in the latest year up to `now` it fell on that weekday. */
function weekdayDateOnPage(lines: readonly string[], weekday: number, now: Date): Date | undefined {
  for (const line of lines) {
    if (!/day,?\s/.test(line)) continue;
    for (const m of allMatches(WEEKDAY_DATE, line)) {
      if (WEEKDAYS.indexOf((m[1] ?? '').slice(0, 3).toLowerCase()) !== weekday) continue;
      const month = monthIndex(m[2] ?? '');
      if (month < 0) continue;
      const thisYear = new Date(Date.UTC(now.getUTCFullYear(), month, Number(m[3]), 12));
      const latest = thisYear.getTime() <= now.getTime() ? thisYear : new Date(Date.UTC(now.getUTCFullYear() - 1, month, Number(m[3]), 12));
      const pinned = yearOfWeekday(latest, weekday);
      if (pinned !== undefined) return pinned;
    }
  }
  return undefined;
}

/** The same month and day in the latest year, not after `date`'s and at most six before, that falls on `weekday`. */
function yearOfWeekday(date: Date, weekday: number): Date | undefined {
  for (let back = 0; back <= 6; back++) {
    const d = new Date(Date.UTC(date.getUTCFullYear() - back, date.getUTCMonth(), date.getUTCDate(), 12));
    if (d.getUTCMonth() === date.getUTCMonth() && d.getUTCDay() === weekday) return d;
  }
  return undefined;
}

/**
 * The day a dateline on its own line names: the event's by definition, so the latest such day before the anchor
 * within a year counts (a site header printing the current date sits weeks after an agency's "Jun 2").
 */
function datelineDay(dateline: string | undefined, anchor: Anchor): string | undefined {
  if (dateline === undefined) return undefined;
  for (const r of parseDates(dateline, anchor.at)) {
    if (!r.start.isCertain('month') || !r.start.isCertain('day')) continue;
    const ahead = datelineAhead(anchor);
    const date = pastDate(r, anchor.at, ahead);
    if (date.getTime() <= anchor.at.getTime() + ahead && anchor.at.getTime() - date.getTime() <= 366 * DAY_MS) return dayOf(date);
  }
  return undefined;
}

/** A date stamp line with a day and month but no year ("Newsroom November 21 05:13"), read as a past day. */
function yearlessStamp(line: string, now: Date): Date | undefined {
  if (line.length > 60 || !EXPLICIT_DATE.test(line)) return undefined;
  for (const r of parseDates(line, now)) {
    if (!r.start.isCertain('month') || !r.start.isCertain('day') || !EXPLICIT_DATE.test(r.text)) continue;
    // A stamp names one day: a span of days ("March 23-25, 2025") is when something went on.
    if (r.end?.isCertain('day') && dayOf(r.end.date()) !== dayOf(r.start.date())) return undefined;
    const rest = line.replace(r.text, ' ').match(/\p{L}{2,}/gu) ?? [];
    if (rest.length > 3) return undefined;
    return pastDate(r, now);
  }
  return undefined;
}

/** A caption of a picture from the archive: labelled so at its start, credited as a file photo, or "pictured here". */
const FILE_PHOTO_CREDIT = /[\/,(]\s*(?:File(?:\s+Photo)?|Archive(?:\s+Photo)?)\)?\.?\s*$|\bpictured here\b/i;
function archivePicture(line: string): boolean {
  return ARCHIVE_PICTURE.test(line) || FILE_PHOTO_CREDIT.test(line);
}

/** Date an article's event (see the module comment). */
export function dateEvent(input: DatingInput): EventDating {
  let read: FullDate[][] | undefined;
  // A picture from the archive dates another day: its line gives none ("… Ukraine January 9, 2024. REUTERS/…/File
  // Photo" over a report of June 2024; "Lloyd Austin pictured here on Tuesday, April 26, 2022" over one of 13 May).
  const pageDates: PageDates = () => (read ??= (input.allLines ?? []).map((line) => (archivePicture(line) ? [] : fullDates(line, input.now))));
  const anchor = anchorOf(input, pageDates);
  // Days are counted in the publisher's own time when its publication time says which ("2022-12-11T19:30:43-05:00":
  // a readout's "today" is 11 December, though it is the 12th in UTC).
  // (A valid publication time is always the anchor: see anchorOf.)
  const offset = validDate(input.publishedAt) ? ownOffsetMinutes(input.publishedAt) : 0;
  const local = offset === 0 ? anchor : { ...anchor, at: new Date(anchor.at.getTime() + offset * 60_000) };
  const day = datelineDay(input.dateline, local) ?? leadDay(input, local, pageDates);
  // A weak anchor dates nothing by itself: without a day in the lead the article is undated.
  if (anchor.weak && day === undefined) return { occurredAt: isoSeconds(input.now), dateSource: 'ingest-time', anchor: input.now };
  const published = anchor.source === 'published' ? { published: anchor.at } : {};
  // The day the article names covers the whole of it: the report came out later that day, or days after.
  // A day read against the ingest time is a guess a reviewer should check: it keeps saying so.
  if (day !== undefined) {
    // Without a publication time, the day the text names is the best guess of when it was written: "next week" in a
    // report of 2 June is mid-June, not a week after whenever the file happened to be ingested.
    const at = anchor.source === 'ingest-time' || anchor.weak ? new Date(`${day}T00:00:00Z`) : anchor.at;
    return { occurredAt: day, dateSource: anchor.source === 'ingest-time' ? 'ingest-time' : 'text', anchor: at, ...published };
  }
  const occurredAt = anchor.precision === 'instant' ? isoSeconds(anchor.at) : dayOf(local.at);
  return { occurredAt, dateSource: anchor.source, anchor: anchor.at, ...published };
}
