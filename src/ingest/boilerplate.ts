/**
 * Which lines of a page are the article and which are page chrome: a line classifier in the manner of jusText and
 * Boilerpipe. Each line (a paragraph of plain text, or a block of Readability's output) is first judged on its own
 * shape — length, function-word density, sentence punctuation, capitals, digits and counters, links and menu
 * separators, calls to action, known chrome phrases, repetition across one source's pages — and then on its
 * neighbours and its place in the page: a short line among chrome is chrome, a heading after the article's last
 * paragraph is a link, everything after a "Read next" list is the list.
 *
 * No JavaScript library does this for plain text (Readability and its ports work on the DOM and keep what they
 * think is the article block whole), so it is written here; see the README's "Ingesting sources".
 */
import { FUNCTION_WORDS } from '../text/function-words.js';
import { collapseSpaces } from '../text/spaces.js';
import { lexiconKind } from './name-finder.js';
import {
  ADDRESS_LINE,
  POSTAL_LINE,
  AUTHOR_BIO,
  isOutletBio,
  isWireCredit,
  CALL_TO_ACTION,
  PROMO_INVITE,
  BYLINE,
  WRITER_DEK,
  AGENCY_BYLINE,
  BYLINE_WITH_POST,
  DESK_BYLINE,
  TRAILER_RUN_ON,
  SCRIPTURE_LINE,
  isCaptionLike,
  CAPTION_OPENING,
  CODE_LINE,
  EDITORIAL_NOTE,
  OUTLET_ASKED_FOR_COMMENT,
  EMBEDDED_POST,
  POST_SIGNATURE,
  TEASER,
  WIDGET,
  FORECAST,
  isDateStamp,
  COUNTER_LINE,
  DATE_LINE,
  isChromeLine,
  isLinkListLine,
  isMenuLine,
  isShareRow,
  METADATA_PREFIX,
  TIME_LINE,
  AGO_LINE,
  TRAILER_HEADING,
} from './chrome-phrases.js';

/** One block of a page: a paragraph of plain text, or an element of Readability's output. */
export interface PageBlock {
  text: string;
  /** HTML tag of the block (`p`, `h2`, `li`, `blockquote`…); absent for plain text. */
  tag?: string;
  /** Characters of the block inside links (HTML only). */
  linkChars?: number;
}

/**
 * - `body`: article prose; facts come only from here.
 * - `headline`: the article's own headline (at most one, before the body).
 * - `heading`: a sub-headline, standfirst, section heading or kicker of the article: kept as text, never a fact.
 * - `chrome`: navigation, prompts, counters, captions, bylines, link lists, footers: dropped.
 */
export type LineKind = 'body' | 'headline' | 'heading' | 'chrome';

export interface ClassifiedLine {
  text: string;
  kind: LineKind;
  /** Why a line is chrome (for --verbose output and tests). */
  reason?: string;
  /** The line ends like a sentence (".", "!", "?", possibly inside closing quotes or brackets). */
  terminated: boolean;
}

export interface PageLines {
  lines: ClassifiedLine[];
  /** Dates a metadata prefix stated ("date 2025-05-19 …"), in page order. */
  statedDates: string[];
  /** Lines dropped as chrome, with their reasons: what a reviewer would want to see. */
  dropped: Array<{ text: string; reason: string }>;
}

export interface ClassifyOptions {
  /** True for a line seen on other pages of the same source (navigation, footers, promos repeat; prose does not). */
  seenElsewhere?: (line: string) => boolean;
}

/** Ends as a sentence does: its stop, then any closing marks (facts.ts reads a fact's end with it too). */
export const TERMINATED = /[.!?](?:["”’'»)\]]+)?$/;
/**
 * A news agency's name in brackets after the last sentence's stop, as a wire copy signs off: "… to regroup and rearm
 * troops. (TASS)", or the site a summary cites: "… over the phone for forty minutes. (en.wikipedia.org)". The sentence
 * is finished; the credit is no caption's (see REFERS_BACK) and no heading's.
 */
const AGENCY_SIGN_OFF = /[.!?]["”’]?\s+\((?:(?:[a-z0-9-]+\.)+[a-z]{2,}|TASS|Reuters|AFP|AP|Xinhua|dpa|DPA|ANI|IANS|PTI|UNIAN|Ukrinform|Interfax|RIA Novosti|Sputnik|Anadolu|EFE|ANSA|Kyodo|Yonhap|BTA|PAP|MENA|WAM|IRNA|BelTA|APA|AzerTag|Trend|KUNA|SPA|Bernama)\)$/;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;
/** Second-person and first-person-plural address: the voice of a page talking to its reader. */
const ADDRESS_WORDS = new Set(['you', 'your', 'yours', "you're", 'you’re', 'us', 'our', 'ours', 'we', "we're", 'we’re']);

interface Features {
  words: string[];
  chars: number;
  terminated: boolean;
  functionDensity: number;
  /** Share of letters that are capitals. */
  capitals: number;
  address: number;
  linkDensity: number;
}

const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;

/** Letters and capital letters in a text, in one pass (ASCII by code, the rest by Unicode class). */
export function letterCounts(text: string): { letters: number; upper: number } {
  let letters = 0;
  let upper = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (c >= 65 && c <= 90) {
        letters++;
        upper++;
      } else if (c >= 97 && c <= 122) letters++;
    } else {
      const ch = text[i] ?? '';
      if (LETTER.test(ch)) {
        letters++;
        if (UPPER.test(ch)) upper++;
      }
    }
  }
  return { letters, upper };
}

/**
 * A headline in title case whose last word is a set of initials: "Kremlin Calls Talks a 'Situational Pause' as Kyiv
 * Plans Weekend Meeting in U.S." The stop is the abbreviation's, not a sentence's end.
 */
function titleEndingInInitials(text: string, words: readonly string[]): boolean {
  if (!/(?:^|\s)(?:\p{Lu}\.){2,}$/u.test(text)) return false;
  const long = words.filter((w) => w.length >= 4);
  return long.length >= 3 && long.filter((w) => /^\p{Lu}/u.test(w)).length >= 0.8 * long.length;
}

function features(block: PageBlock, text: string): Features {
  // A long paragraph's first 400 characters tell its grammar as well as the whole does (every rule below that counts
  // words stops at 30), at a fraction of the cost on long pages.
  const words = (text.length > 400 ? text.slice(0, 400) : text).match(WORD) ?? [];
  let address = 0;
  let functionWords = 0;
  for (const w of words) {
    // Lower-cased once for both counts: lower-casing was a fifth of the classifier's time.
    const lower = w.toLowerCase();
    if (FUNCTION_WORDS.has(lower)) functionWords++;
    // "US" is the country; "us" is the page talking.
    if (w.length <= 6 && w !== 'US' && ADDRESS_WORDS.has(lower)) address++;
  }
  const { letters, upper } = letterCounts(text.length > 400 ? text.slice(0, 400) : text);
  return {
    words,
    chars: text.length,
    terminated: (TERMINATED.test(text) || AGENCY_SIGN_OFF.test(text)) && !titleEndingInInitials(text, words),
    functionDensity: words.length === 0 ? 0 : functionWords / words.length,
    capitals: letters === 0 ? 0 : upper / letters,
    address: words.length === 0 ? 0 : address / words.length,
    linkDensity: block.linkChars && text.length > 0 ? Math.min(1, block.linkChars / text.length) : 0,
  };
}

/** A time or a date on a line of its own: "15:23", "2 hours ago", "November 20, 2019", "Posted May 19, 2025 1:17 PM". */
function isTimeOrDateLabel(text: string): boolean {
  return TIME_LINE.test(text) || DATE_LINE.test(text) || isDateStamp(text);
}

/** A paragraph that opens by inviting the reader to the publisher's event or list. */
const PROMO_OPENING = new RegExp(String.raw`^(?:${PROMO_INVITE}|register (?:now|today|here)|sign up (?:now|today|here))\b`, 'i');

/** Why a line is chrome on its own, whatever surrounds it; undefined when its shape does not say. */
function chromeOnItsOwn(text: string, raw: string, f: Features, block: PageBlock, opts: ClassifyOptions): string | undefined {
  // A link-list heading run on into its first teaser is the list, however long the line.
  if (TRAILER_RUN_ON.test(text)) return 'link list run on into its first title';
  // A line that opens as a caption does ("In this photo released by Xinhua News Agency, …"), however long: AM's ran to
  // 584 characters before its credit. (CAPTION_OPENING is one of isCaptionLike's patterns: its opening is the test.)
  if (CAPTION_OPENING.test(text)) return CAPTION_REASON;
  // A long paragraph of sentences is no menu, widget, label, byline or teaser: only a caption or an embedded post
  // runs that long (most of a page's lines are like this, so the rest of the rules are skipped for them).
  if (f.chars > 250 && f.terminated && f.functionDensity >= 0.2 && f.linkDensity <= 0.5) {
    if (EMBEDDED_POST.test(text)) return 'embedded post';
    // (Not a paragraph that opens on the news and has a plug run into it, as a page flattened to text prints one:
    // fact selection leaves the plug out.)
    if (f.address > 0 && siteVoice(text) && !opensOnNews(text)) return SITE_APPEAL;
    if (AUTHOR_BIO.test(text)) return "the writer's biography";
    // The editors' note, however long ("Editorial introduction: While the Alaska summit was primarily political, …").
    if (EDITORIAL_NOTE.test(text)) return "editor's note";
    // A publisher's promotion of its own event, however long: "Join us at the Fortune Workplace Innovation Summit …".
    if (PROMO_OPENING.test(text)) return 'call to action';
    if (isOutletBio(text)) return "the outlet's description";
    if (f.chars <= 400 && !/^["“‘'«]/.test(text) && isCaptionLike(text)) return CAPTION_REASON;
    return undefined;
  }
  if (isShareRow(text)) return 'share buttons';
  if (TRAILER_HEADING.test(text)) return 'link-list heading';
  if (isTimeOrDateLabel(text)) return 'time or date label';
  // A date stamp with the reading time after it: "Feb 5, 2026 · 3 min read".
  const readTime = READ_TIME_STAMP.exec(text);
  if (readTime && isDateStamp(readTime[1] ?? '')) return 'time or date label';
  // A date stamp with the section it is filed under: "12.08.2025 | War in Ukraine".
  const section = SECTION_STAMP.exec(text);
  if (section && isDateStamp(section[1] ?? '')) return 'time or date label';
  if (COUNTER_LINE.test(text)) return 'counter';
  if (ADDRESS_LINE.test(text)) return 'web address';
  if (POSTAL_LINE.test(text)) return 'postal address';
  if (isMenuLine(text)) return 'navigation';
  if (CODE_LINE.test(text)) return 'script';
  if (WIDGET.test(text) && f.words.length <= 6) return 'widget';
  if (FORECAST.test(text) && f.words.length <= 40) return 'widget';
  // A row of short lower-case tokens: a language switcher ("ua en ru"), tags.
  if (f.words.length <= 6 && f.words.every((w) => w.length <= 3 && w === w.toLowerCase())) return 'label';
  // Mostly link text: a list of links. Not a sentence of prose whose words around the link still carry it ("The suspect
  // was convicted and <a>sentenced to life in federal prison last Thursday</a>."); a teaser is linked whole.
  if (f.linkDensity > 0.5 && !(f.linkDensity <= 0.85 && f.terminated && f.functionDensity >= 0.2 && f.words.length >= 8)) return 'links';
  // A row of tags: "Russia, war, Ukraine, Kremlin, Russian aggression, Dmitry Peskov, occupied territories, …".
  if (!f.terminated && isTagRow(text)) return 'tags';
  if (!/\p{L}/u.test(text)) return 'no words';
  // A quotation is somebody's words, however it opens.
  const quoted = /^["“‘'«]/.test(text);
  if (!quoted && CALL_TO_ACTION.test(text)) return 'call to action';
  if (siteVoice(text)) return f.address > 0 ? SITE_APPEAL : 'site message';
  // (A byline with its update stamp runs longer: "By Faith Barbara N Ruhinda updated at 21:53 EAT on Thursday 27 March 2025".)
  if ((BYLINE.test(text) && (f.words.length <= 10 || (f.words.length <= 18 && /\b(?:updated|published|posted)\b/i.test(text)))) || WRITER_DEK.test(text) || AGENCY_BYLINE.test(text) || DESK_BYLINE.test(text) || BYLINE_WITH_POST.test(text)) return 'byline';
  if (SCRIPTURE_LINE.test(text)) return 'signature';
  if (EMBEDDED_POST.test(text)) return 'embedded post';
  if (TEASER.test(text) && !/["”’]\s*(?:…|\.\.\.)$/.test(text)) return 'teaser';
  if (isChromeLine(text) || (raw !== text && isChromeLine(raw))) return 'prompt, caption, byline or footer';
  if (!quoted && f.chars <= 400 && !REFERS_BACK.test(text) && isCaptionLike(text)) return CAPTION_REASON;
  if (EDITORIAL_NOTE.test(text) || OUTLET_ASKED_FOR_COMMENT.test(text)) return "editor's note";
  if (AUTHOR_BIO.test(text)) return "the writer's biography";
  if (isOutletBio(text)) return "the outlet's description";
  // The page talking to its reader about numbers, without a sentence: "Help the army reach 10,000 drones".
  if (!quoted && !f.terminated && f.address > 0 && /\d/.test(text) && f.words.length <= 25) return 'appeal to the reader';
  if (opts.seenElsewhere?.(text) && f.chars < 200) return 'repeated on other pages of this source';
  // A kicker or section label in capitals: "WORLD", "UKRAINE WAR", "EXCLUSIVE".
  if (f.capitals > 0.8 && f.words.length <= 6 && !f.terminated && block.tag === undefined) return 'kicker';
  return undefined;
}

/**
 * A sentence whose subject is a pronoun ("He added that Kiev tended to …. (TASS)") goes on from the text before it: a
 * caption stands alone under its picture and names whom it shows. (Not "He Yadong, …": a name follows there.)
 */
const REFERS_BACK = /^(?:He|She|They|We)\s+(?:also\s+|later\s+|then\s+|further\s+)?\p{Ll}/u;

/** Words in title case: five or more of four letters or more, nearly all capitalised after the first. */
function titleCased(words: readonly string[]): boolean {
  const long = words.slice(1).filter((w) => /^[\p{L}'’-]{4,}$/u.test(w));
  return long.length >= 5 && long.filter((w) => /^\p{Lu}/u.test(w)).length >= long.length * 0.8;
}

const SITE_APPEAL = 'the site asking for support';
const CAPTION_REASON = 'photo caption or credit';
/** A line's first eighty characters, letters and figures only: two copies of a caption that differ in an accent or a credit. */
const captionOpening = (text: string) => text.slice(0, 80).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ');

/** The site's own machinery: "Notifications can be managed in browser preferences", "refresh the page … logged in". */
const SITE_UI = /\b(?:browsers?|refresh|logged|log(?:ging)? in|sign(?:ed)? in|notifications?|cookies?|preferences|javascript|emailed|privacy (?:notice|policy)|ad-?blocker|download|iOS|Android)\b/gi;
/** What a publisher asks its readers for: "Your donation allows us to keep sending journalists …". */
const SITE_PITCH = /\b(?:journalism|donations?|donate|paywalls?|subscribe|subscribing|subscriptions?|membership|ad-free|newsletters?|promotional|got a tip|your support|remove all ads|coverage)\b/gi;
/** Words of the trade that prose uses too ("reporters", "readers"): two of them, with the page's own voice. */
const SITE_TRADE = /\b(?:journalists|reporters|reporting|newsroom|supporters|readers|subscribers)\b/gi;
/** "we", "our", "you" outside quotation marks: the page speaking, not someone it quotes. */
const OWN_ADDRESS = /\b(?:we|our|ours|us|you|your|yours)\b/gi;

/** Any word of {@link SITE_UI}, {@link SITE_PITCH} or {@link SITE_TRADE}: one scan rules out most lines. */
const SITE_ANY =
  /browser|refresh|logged|log(?:ging)? in|sign(?:ed)? in|notification|cookie|preferences|javascript|emailed|privacy|blocker|download|iOS|Android|journalis|donat|paywall|subscri|membership|ad-free|newsletter|promotional|got a tip|reporter|reporting|newsroom|supporters|readers|your support|remove all ads|coverage/i;

/**
 * A paragraph whose first sentence is news: a dozen words or more, none of them the page talking to its reader or of
 * itself.
 */
function opensOnNews(text: string): boolean {
  const first = /^.{60,400}?[.!?]["”’)]?(?=\s+["“‘(]?\p{Lu})/su.exec(text)?.[0];
  if (first === undefined || first.split(/\s+/).length < 12) return false;
  const words = first.match(/[\p{L}'’]+/gu) ?? [];
  // ("US" is the country; a first person is the page's too: "I am David Wyatt, a professional writer and …".)
  return !/^["“‘]/.test(first) && !words.some((w) => (w !== 'US' && ADDRESS_WORDS.has(w.toLowerCase())) || /^(?:I|my|me)$/i.test(w)) && !siteVoice(first);
}

/**
 * The page speaking about itself: two words of its machinery (browser, notifications, logged in), or its own voice
 * ("we", "our", "you", outside quotations) asking for support of its journalism. Quoted speech never counts.
 */
function siteVoice(text: string): boolean {
  if (!SITE_ANY.test(text.length > 600 ? text.slice(0, 600) : text)) return false;
  const own = unquoted(text);
  const ui = own.match(SITE_UI)?.length ?? 0;
  if (ui >= 2) return true;
  const pitch = (own.match(SITE_PITCH)?.length ?? 0) + ui;
  return (pitch > 0 || (own.match(SITE_TRADE)?.length ?? 0) >= 2) && addressesReader(own);
}

/** The first 600 characters without their quotations. */
function unquoted(text: string): string {
  const head = text.length > 600 ? text.slice(0, 600) : text;
  return head.replace(/["“«][^"”»]*["”»]|‘[^’]*’(?!\p{L})/gu, ' ');
}

function addressesReader(own: string): boolean {
  return (own.match(OWN_ADDRESS) ?? []).some((w) => w !== 'US');
}

/** "we" or "our" outside quotations: the publisher speaking ("you" is also how an explainer talks about its topic). */
function ownVoice(text: string): boolean {
  return /\b(?:we|our|ours)\b/i.test(unquoted(text));
}

type Draft = { text: string; kind: LineKind | 'short'; reason?: string; terminated: boolean; f: Features };

/** A post's text cut off ("…") and run on into its signature: "… Secretary of… — Steve Witkoff (@SEPeaceMissions) January 31, 2026". */
const POST_SIGNATURE_RUN_ON = /(?<=…|\.\.\.)\s*[—–-]\s*([^—–()]{1,80})\(@\w{1,30}\)\s+\w{3,9}\.? \d{1,2}, \d{4}$/;

/** The longest post a social network shows in full (X): how much text above its signature an embedded post can hold. */
const POST_CHARS = 280;
/** A line of a post written on several lines: no longer than a whole post once was ("Our support cannot and will not falter."). */
const POST_LINE_CHARS = 140;

/**
 * The line's text (its whitespace collapsed) with a crawler's metadata prefix and list bullets taken off. `afterMeta`
 * collects the lines that had the prefix: the rest of such a line is often the byline ("date 2025-12-19 Claire Heddle
 * Miami Herald").
 */
function lineText(collapsed: string, index: number, statedDates: string[], afterMeta: Set<number>): string {
  let text = collapsed;
  if (index < 3) {
    const meta = METADATA_PREFIX.exec(text);
    if (meta) {
      statedDates.push(meta[1] ?? '');
      afterMeta.add(index);
      text = text.slice(meta[0].length).trim();
    }
  }
  const item = LIST_ITEM.exec(text);
  return item ? text.slice(item[0].length).trimStart() : text;
}

/**
 * A byline without "By": a person's name and then only capitalised words (an outlet, a desk), with no sentence:
 * "Claire Heddle Miami Herald". Asked only of what follows a crawler's date prefix, where bylines stand.
 */
function isNameByline(text: string, f: Features): boolean {
  if (f.terminated || f.words.length < 2 || f.words.length > 7) return false;
  if (!f.words.every((w) => /^\p{Lu}/u.test(w))) return false;
  // A first name, then a surname or any capitalised word: "Claire Heddle Miami Herald".
  return lexiconKind(f.words[0] ?? '') === 'first' && lexiconKind(f.words[1] ?? '') !== 'first';
}

/** Five or more short comma-separated items and nothing else: keywords printed under a headline. */
function isTagRow(text: string): boolean {
  const items = text.split(/\s*,\s*/);
  return items.length >= 5 && items.every((i) => i.length > 0 && i.split(/\s+/).length <= 5) && !/\b(?:and|or)\s/.test(items[items.length - 1] ?? '');
}

/** A paragraph of prose: fifteen words or more that end a sentence. */
function isProse(text: string): boolean {
  return text.length >= 60 && /[.!?]["”’)]?$/.test(text) && text.split(/\s+/).length >= 15;
}

/**
 * Where a "Read next"-style trailer starts (line index), or -1: a link-list heading followed by links or prompts. Not
 * one with most of the page's prose still to come: "Latest news" over the headline is the section's label.
 */
function trailerStart(texts: readonly string[]): number {
  for (let i = 0; i < texts.length; i++) {
    const line = texts[i] ?? '';
    // An aggregator's count of the reports it gathers ("80 Articles"): what follows is theirs, teaser by teaser.
    if (i > 0 && SOURCE_COUNT.test(line)) return i;
    if (!TRAILER_HEADING.test(line)) continue;
    // Counted only for a page with such a heading: most have none.
    const proseAfter = texts.slice(i + 1).filter(isProse).length;
    const proseBefore = texts.slice(0, i).filter(isProse).length;
    // (Another article runs on only after the page's own: a list of titles over the headline heads no second article.)
    if (proseAfter >= 3 && proseAfter > proseBefore && !(proseBefore >= 3 && anotherArticleFollows(texts, i))) continue;
    const following = texts.slice(i + 1).filter((l) => l !== '').slice(0, 8);
    if (following.length === 0) return i;
    const listy = following.filter(isLinkListLine).length;
    const chrome = following.filter(isChromeLine).length;
    if (listy + chrome >= Math.min(2, following.length)) return i;
    // Teasers of other stories, each its title (no stop) over a line of summary: "HCHC Community Holds All-Night Vigil
    // …" / "Special prayers offered for …" / "Georgian Church Resumes Construction After Miracle" / ….
    // (Two titles at least each over its summary: links between the article's paragraphs are titles alone.)
    const title = (l: string | undefined): boolean => {
      if (l === undefined || /[.!?:]["”’)]?$/.test(l)) return false;
      const words = l.split(/\s+/).length;
      return words >= 4 && words <= 20;
    };
    const titles = following.filter(title).length;
    const summarised = following.filter((l, k) => title(l) && following[k + 1] !== undefined && !title(following[k + 1])).length;
    if (titles >= 3 && summarised >= 2) return i;
  }
  return -1;
}

/**
 * Does another article start below the link-list heading at `at`, as a whole page saved as text runs its next story
 * on ("You may like" / "Artemis II Successful Return…" / "Published" / "April 11, 2026" / "By" / …): a date stamp and a
 * byline among the lines before its first paragraph.
 */
function anotherArticleFollows(texts: readonly string[], at: number): boolean {
  let dated = false;
  let bylined = false;
  let seen = 0;
  for (let j = at + 1; j < texts.length && seen < 12; j++) {
    const t = texts[j] ?? '';
    if (t === '') continue;
    seen++;
    if (isProse(t)) break;
    if (isTimeOrDateLabel(t)) dated = true;
    else if (/^by\b(?:\s+\p{Lu}[\p{L}.'’-]*){0,4}$/iu.test(t)) bylined = true;
  }
  return dated && bylined;
}

/** A count of other outlets' reports heading their list: "80 Articles", "12 sources". */
const SOURCE_COUNT = /^\d[\d,]*\s+(?:articles|sources|stories|reports)$/i;

/** A copyright footer in the last part of the page: it and everything after it are chrome. */
function footerStart(texts: readonly string[]): number {
  for (let i = Math.floor(texts.length * 0.6); i < texts.length; i++) {
    const t = texts[i] ?? '';
    if (/^(?:©|\(c\)\s|copyright\b)/i.test(t) || /\b(?:all|some) rights reserved\b/i.test(t)) return i;
  }
  return -1;
}

/** A line shaped like a headline or heading: a few words, not a sentence, not a label. */
function headingShaped(f: Features, text: string): boolean {
  const n = f.words.length;
  if (n < 2 || n > 30 || f.chars > 220) return false;
  // "…, Trump says" and "Why X?" are headings; a sentence ending in a full stop is not. (A stop that `features` did not
  // count as an end is a title's initials: "… Meeting in U.S.")
  return !/[.]["”’')\]]*$/.test(text) || /\b(?:says|said)\.?$/.test(text) || !f.terminated;
}

/** The page's own metadata: a byline or a date stamp. The article's body starts below them. */
const METADATA_REASONS = new Set(['byline', 'time or date label']);

/**
 * A standfirst is prose above the body: the summary under a headline. Two signs that the body starts lower down: a
 * byline or date stamp after the first paragraph or two, and a dateline ("ERBIL (Kurdistan24) – …") opening a later
 * one. The prose above either is the standfirst.
 */
function markStandfirsts(drafts: Draft[]): void {
  const bodyAt = bodyIndices(drafts);
  const first = bodyAt[0];
  if (first === undefined) return;
  let start: number | undefined;
  for (let i = first + 1; i < Math.min(drafts.length, first + 8); i++) {
    const d = drafts[i] as Draft;
    const earlier = bodyAt.filter((b) => b < i);
    if (earlier.length > 2 || earlier.reduce((n, b) => n + (drafts[b]?.f.chars ?? 0), 0) > 600) break;
    const later = bodyAt.some((b) => b > i);
    if (!later) break;
    if ((d.kind === 'chrome' && METADATA_REASONS.has(d.reason ?? '')) || (d.kind === 'body' && opensOnDateline(d.text))) start = d.kind === 'body' ? i : i + 1;
  }
  if (start === undefined) return;
  for (const b of bodyAt) if (b < start && b >= first) (drafts[b] as Draft).kind = 'heading';
}

/** A sentence's end inside a line, before the next one's capital: "… Vladimir Putin. He made …". */
const SENTENCE_INSIDE = /\p{Ll}{2}[.!?]["”’]?\s+["“‘]?\p{Lu}\p{Ll}/u;

/**
 * The page's last line cut off mid-sentence after a whole one, shorter than a paragraph that lost its stop: "Russia
 * reported the capture of two Donetsk region villages. Despite slow, costly advances, Russia control", "“Time is running
 * out,” he said. “Children are growing up in Put". Its whole sentences are the article's; only the cut tail is not.
 * The cut is mid-word or mid-clause (a letter, digit or comma last): "Required fields are marked *" is a form's
 * footnote. Ten words at least, and no voice of the page talking to its reader outside a quotation ("Want a quick and
 * expert briefing on the biggest news stories? Listen to our latest podcast").
 */
function cutAfterSentence(text: string, f: Features): boolean {
  if (f.words.length < 10 || f.functionDensity < 0.1 || !SENTENCE_INSIDE.test(text) || !/[\p{L}\p{N},]$/u.test(text)) return false;
  return f.address === 0 || /^["“‘«]/.test(text);
}

/** Why a line between a dek and the body shows the body starts below it: a picture's caption or credit, a byline, a date. */
const BETWEEN_DEK_AND_BODY = /caption|credit|byline|time or date|label|short line/;

/**
 * The standfirst (dek) right under the headline, in prose: one or two sentences that summarise the article before
 * its first paragraph. Two signs tell it from a lead: the page sets it off with a picture's caption, a credit, a
 * byline or a date before the body goes on ("…headline / The two presidents spoke for nearly three hours … / AP/Dmitri
 * Lovetsky / <caption> / Following a lengthy phone conversation, …"), or the body says the same again further down.
 */
function markDek(drafts: Draft[]): void {
  const h = drafts.findIndex((d) => d.kind === 'headline');
  if (h < 0) return;
  let j = h + 1;
  while (drafts[j]?.kind === 'chrome') j++;
  const dek = drafts[j];
  if (!dek || dek.kind !== 'body') return;
  // (An initial's stop ends no sentence: "J.D. Vance outlined …".)
  const sentences = dek.text.match(/(?<!(?:^|[\s.])\p{Lu})[.!?]["”’]?(?:\s|$)/gu)?.length ?? 0;
  // A summary of three to five sentences whose every sentence the body says again further down ("The United States,
  // Ukraine and Russia will hold … in Abu Dhabi …. Kremlin aide Yury Ushakov confirmed …. The meeting follows …"):
  // the page's summary over its article, however long.
  if (sentences >= 3 && sentences <= 5 && dek.f.chars <= 700 && summarisedBelow(dek.text, drafts.slice(j + 1).filter((d) => d.kind === 'body'))) {
    dek.kind = 'heading';
    return;
  }
  if (dek.f.chars > 450) return;
  let k = j + 1;
  let setOff = false;
  // (Past a kicker of a few words printed again over the picture: "Russia Ukraine" / <caption>.)
  const kicker = (d: Draft | undefined) => d?.kind === 'heading' && d.f.words.length <= 3;
  // (A name alone under it is the writer's byline: "… would commit to remain neutral." / "Julian Barnes" / the lead.)
  for (; drafts[k]?.kind === 'chrome' || kicker(drafts[k]); k++) {
    const d = drafts[k] as Draft;
    if (BETWEEN_DEK_AND_BODY.test(d.reason ?? '') || (d.kind === 'heading' && isNameByline(d.text, d.f))) setOff = true;
  }
  // One or two sentences, or three when a caption or byline sets them off (a dek is short, a lead paragraph longer).
  // (Three short ones too: "The future of Ukraine was discussed in Switzerland for two days. Not all of the 93 … signed
  // the final document. The result of the conference is primarily symbolic.")
  // (Counted by their ends after a word, not by every stop: "U.S. envoys … on Dec. 14" is one sentence.)
  const short = dek.f.chars <= 240 && (dek.text.match(/\p{Ll}{2}[.!?]["”’]?(?:\s+["“‘]?\p{Lu}|\s*$)/gu)?.length ?? 0) === 3;
  if ((sentences > (setOff ? 3 : 2) && !short) || (!setOff && dek.f.chars > 320)) return;
  const rest = drafts.slice(k).filter((d) => d.kind === 'body');
  if (rest.length < 2) return;
  // A paragraph that reports a dated act of people it names in full ("US Special Envoy Steven Witkoff met with Russian
  // President Vladimir Putin in Moscow on August 6, …") is the lead even when a picture follows it; a dek summarises
  // ("The two presidents spoke for nearly three hours on Tuesday") and is said again below.
  const lead = DATED_ACT.test(dek.text) && FULL_NAME.test(dek.text);
  // (Or one sentence that dates nothing over a paragraph that reports a dated act of people named in full: the summary
  // above the lead, "The White House summit underscored the urgency of …" over "U.S. President Donald Trump hosted …
  // on Monday (18 August) …".)
  const next = rest[0];
  // (Never a lead that names someone in full, "President Donald Trump has concluded three hours of talks …", or opens
  // on a dateline.)
  const vaguer =
    sentences <= 1 &&
    !DATED_ACT.test(dek.text) &&
    !DATELINE_START.test(dek.text) &&
    !/\b(?:on|last|this)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/.test(dek.text) &&
    !namesSomeoneInFull(dek.text) &&
    next !== undefined &&
    DATED_ACT.test(next.text) &&
    namesSomeoneInFull(next.text);
  // (Or the page's summary card above shows it, run on into the lead's first words and cut off: "The US president has
  // called for a longer truce … Moscow. US President Donald Trump expressed optimism that…", then the headline again.)
  const previewed = drafts.slice(0, j).some((d) => d.kind === 'chrome' && d.text.length > dek.text.length && d.text.startsWith(dek.text));
  // (Said again by the reporter, not in a quotation below it: a lead's "Trump said he "had a very good phone call" with
  // Zelensky on Friday" is followed by the post it reports, ""Zelenskyy and I had a very good phone call …," Trump said".)
  const reported = rest.filter((d) => !/^\s*["“‘«]/u.test(d.text));
  if (((setOff || short) && !lead) || restatedBelow(dek, reported) || (sentences <= 1 && PRESENT_TENSE_DEK.test(dek.text)) || vaguer || previewed) dek.kind = 'heading';
}

/**
 * One sentence under the headline that tells the news in the headline's present tense ("The US President announces he
 * will send weapons to Kiev again, but European countries will pay for them."): a dek. A lead reports in the past
 * ("announced", "said"), and a quotation is someone's words, so neither counts.
 */
const PRESENT_TENSE_DEK =
  /^(?![^.!?]*["“”«»])(?:(?!\b(?:\p{Ll}{2,}ed|said|told|met|held|spoke|made|took|gave|sent|began|came|went|flew)\b)[^.!?])*?\b(?:announces|says|warns|threatens|vows|insists|urges|claims|demands|rejects|accepts|agrees|offers|proposes|signals|confirms|denies|pledges|promises|unveils|admits|hails|slams|blasts)\b/u;

/** A first name the lexicon knows, then a capitalised word: "Donald Trump", "Volodymyr Zelenskyy" (not "White House"). */
function namesSomeoneInFull(text: string): boolean {
  const words = text.split(/\s+/);
  return words.some((w, i) => lexiconKind(w.replace(/[^\p{L}'’-]/gu, '')) === 'first' && /^\p{Lu}\p{Ll}/u.test(words[i + 1] ?? ''));
}

/** A person named in full past the first word: "… Steven Witkoff …", "… Vladimir Putin …". */
const FULL_NAME = /\s\p{Lu}\p{Ll}+\s\p{Lu}\p{Ll}{2,}\b/u;

/** A dated act in the past: a past verb, then "on Tuesday" or "on August 6" in the same sentence. */
const DATED_ACT =
  /\b(?:\p{Ll}{2,}ed|met|held|spoke|said|told|made|took|gave|sent|began|led|won|came|went|flew)\b[^.!?]{0,120}?\bon (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.? \d{1,2}|\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December))\b/u;

/** Does a later paragraph (among the next dozen, as long as the dek at least) hold most of the dek's content words? */
function restatedBelow(dek: Draft, rest: readonly Draft[], share = 0.7): boolean {
  const words = new Set(dek.f.words.map(wordKey));
  words.delete('');
  if (words.size < 6) return false;
  const needed = Math.ceil(words.size * share);
  return rest.slice(0, 12).some((d) => {
    if (d.f.chars < dek.f.chars * 0.6) return false;
    const seen = new Set<string>();
    for (const w of d.f.words) {
      const key = wordKey(w);
      if (words.has(key)) seen.add(key);
      if (seen.size >= needed) return true;
    }
    return false;
  });
}

/** Share of a summary sentence's words a paragraph below must hold to say it again. */
const SUMMARY_RESTATED_SHARE = 0.5;

/** Where one sentence ends and the next begins inside a paragraph: a lower-case word's stop, then a capital. */
const SENTENCE_SPLIT = /(?<=\p{Ll}{2}[.!?]["”’]?)\s+(?=["“‘]?\p{Lu})/u;

/** More than one sentence on the line: a stop, then a capital (looser than SENTENCE_SPLIT: "U.S. President" counts). */
const TWO_SENTENCES = /[.!?]["”’]?\s+\p{Lu}/u;

/** A text's content words (longer than three letters), by their key: what two sentences are compared by. */
function contentKeys(text: string): string[] {
  return (text.match(/[\p{L}\p{N}'’-]+/gu) ?? []).map(wordKey).filter((w) => w.length > 3);
}

/** Is every sentence of a summary (but one) said again by one of the first twelve paragraphs below it? */
function summarisedBelow(text: string, rest: readonly Draft[]): boolean {
  const parts = text.split(SENTENCE_SPLIT);
  if (parts.length < 3 || rest.length < parts.length) return false;
  const below = rest.slice(0, 12).map((d) => new Set(d.f.words.map(wordKey)));
  // (All but one: a saved excerpt often ends before the body says the last again.)
  const restated = parts.filter((part) => {
    const words = new Set(contentKeys(part));
    if (words.size < 4) return false;
    const needed = Math.ceil(words.size * SUMMARY_RESTATED_SHARE);
    return below.some((b) => {
      let n = 0;
      for (const w of words) if (b.has(w)) n++;
      return n >= needed;
    });
  }).length;
  return restated >= parts.length - 1;
}

/** Share of a description's words a paragraph below must hold to say it again (a paraphrase: see classifyLines). */
const META_DEK_SHARE = 0.55;

/** A list item on the page: the bullet `lineText` takes off. */
const LIST_ITEM = /^\s*(?:[•·▪■►▶◆●○◦‣⁃∙*]|[-–—](?=\s))/u;

/**
 * A summary box's label: "Summary", "In Short", "Ukraine Peace Talks – Key Points", "Why this matters", perhaps with a
 * symbol after it ("Summary 🤖", a machine's summary).
 */
const SUMMARY_LABEL =
  /^(?:[^.!?]{0,80}\s[–—-]\s)?(?:summary|in short|in brief|key points|key takeaways|takeaways|highlights|story highlights|at a glance|why (?:this|it) matters|tl;?\s?dr|quick read|the gist)\s*:?(?:\s*[\p{Extended_Pictographic}\u{FE0F}\u{200D}]+)?$/iu;
/** A group's label inside a summary box: a word or two and a colon ("Facts:", "Opinions:", "What we know:"). */
const SUB_LABEL = /^[\p{L}' ]{2,30}:$/u;

/**
 * A summary box above or beside the article restates it in the site's display text: its label is chrome, and a list
 * of points under it is not the article's body (its facts come again, as written, in the body). Paragraphs under
 * the label stay prose ("In short:" ¶ "Ukrainian President Volodymyr Zelenskyy vowed …"): often all a short excerpt has.
 */
function markSummaryBoxes(drafts: Draft[], bullets: ReadonlySet<Draft>): void {
  const bodyAt = bodyIndices(drafts);
  // Only near the top: a label further down heads a part of the article.
  const limit = bodyAt[4] ?? drafts.length;
  // Without a label: a list of three or more whole sentences among the first paragraphs (two above the first), not
  // introduced by a line ending in a colon, with the article going on below it, is the page's key points.
  for (let i = 0; i < Math.min(limit, drafts.length); i++) {
    if (!bullets.has(drafts[i] as Draft) || bullets.has(drafts[i - 1] as Draft)) continue;
    let j = i;
    while (j < drafts.length && bullets.has(drafts[j] as Draft)) j++;
    const items = drafts.slice(i, j);
    const before = drafts.slice(0, i).filter((d) => d.kind !== 'chrome').pop();
    const after = drafts.slice(j).filter((d) => d.kind === 'body').length;
    // Two points are enough right under the headline, before any paragraph of the article.
    const enough = items.length >= 3 || (items.length === 2 && !drafts.slice(0, i).some((d) => d.kind === 'body'));
    if (enough && items.every((d) => d.kind === 'body' && d.terminated) && !(before && /:$/.test(before.text)) && after >= 2)
      for (const d of items) {
        d.kind = 'chrome';
        d.reason = 'summary box point';
      }
    i = j;
  }
  for (let i = 0; i < limit; i++) {
    const label = drafts[i] as Draft;
    if (label.kind === 'body' || !SUMMARY_LABEL.test(label.text)) continue;
    // A headline that says what it sums up ("Trump and Zelensky's phone conversation – key points") right above the
    // article's prose heads the article, not a box of points.
    const prose = (d: Draft | undefined) => d?.kind === 'body' && !bullets.has(d);
    if (/\s[–—-]\s/.test(label.text) && prose(drafts[i + 1]) && (drafts[i + 2] === undefined || prose(drafts[i + 2]))) continue;
    label.kind = 'chrome';
    label.reason = 'summary box label';
    let j = i + 1;
    while (drafts[j]?.kind === 'chrome') j++;
    const first = drafts[j];
    if (!first) continue;
    if (bullets.has(first) || (SUB_LABEL.test(first.text) && bullets.has(drafts[j + 1] as Draft))) {
      // (Its points may come in groups under labels of their own: "Facts:" …, "Opinions:" ….)
      for (; j < drafts.length && (bullets.has(drafts[j] as Draft) || drafts[j]?.kind === 'chrome' || (SUB_LABEL.test(drafts[j]?.text ?? '') && bullets.has(drafts[j + 1] as Draft))); j++) {
        const d = drafts[j] as Draft;
        // Not even a heading: a point of the box is no candidate for the page's headline.
        if (d.kind !== 'chrome') {
          d.kind = 'chrome';
          d.reason = bullets.has(d) ? 'summary box point' : 'summary box label';
        }
      }
    } else if (label.text === label.text.toUpperCase()) {
      // A box labelled in capitals ("KEY POINTS") whose points lost their bullets: up to four lines of one short
      // sentence each under it, with the article going on below them in at least two paragraphs.
      let k = j;
      while (k < j + 4 && onePoint(drafts[k])) k++;
      if (k > j && drafts.slice(k).filter((d) => d.kind === 'body').length >= 2)
        for (let m = j; m < k; m++) {
          const d = drafts[m] as Draft;
          d.kind = 'chrome';
          d.reason = 'summary box point';
        }
    }
  }
}

/** A summary box's point without its bullet: one sentence of at most 30 words, prose or a heading. */
function onePoint(d: Draft | undefined): boolean {
  return d !== undefined && d.kind !== 'chrome' && d.f.words.length <= 30 && d.terminated && !TWO_SENTENCES.test(d.text);
}

/**
 * Sentences above the headline are the page's, not the article's: an aggregator's pitch ("Get all your news in one
 * place. / 100's of premium titles. / One app.") or a site's slogan, printed before the story's headline and its
 * paragraphs. Only a few short lines count, so an article whose own first paragraph precedes a sub-heading keeps it.
 */
function markPrelude(drafts: Draft[]): void {
  const at = drafts.findIndex((d) => d.kind === 'heading' && d.f.words.length >= 4 && d.f.capitals < 0.8 && !/[:?]$/.test(d.text));
  if (at <= 0) return;
  const before = drafts.slice(0, at).filter((d) => d.kind === 'body');
  if (before.length === 0 || before.some((d) => d.f.words.length >= 15) || before.reduce((n, d) => n + d.f.words.length, 0) > 30) return;
  // (The paragraph may come a few short lines under the headline: a caption, the writers' names.)
  const next = drafts
    .slice(at + 1)
    .filter((d) => d.kind !== 'chrome')
    .slice(0, 6)
    .find((d) => d.f.words.length >= 12);
  if (!next || (next.kind !== 'body' && next.kind !== 'heading')) return;
  for (const d of before) {
    d.kind = 'chrome';
    d.reason = 'above the headline';
  }
}

/**
 * A whole page saved as text can print a sentence of its own far above the article: a site message ("Something went
 * wrong with the connection!"), a promo ("Watch the latest full episodes of your favorite NBC series anytime and
 * anywhere."), a breaking-news ticker. Such a line is no lead when the next paragraph lies eight or more lines further
 * down, most of them menus, or under the article's own byline or date: it is the page's, and the article starts
 * below. (Unless it stands right under a headline: a standfirst over a video player's controls.)
 */
function markStrayOpening(drafts: Draft[]): void {
  for (;;) {
    const first = drafts.findIndex((d) => d.kind === 'body');
    if (first < 0) return;
    const next = drafts.findIndex((d, i) => i > first && d.kind === 'body');
    if (next < 0) return;
    const between = drafts.slice(first + 1, next);
    // (Eight lines or more of menus: most of them known chrome, or three quarters of them a few words each. A list of
    // materials or of a plan's points under a lead is no menu.)
    const menus = between.length >= 8 && (between.filter((d) => d.kind === 'chrome').length * 2 >= between.length || between.filter((d) => d.f.words.length <= 4).length * 4 >= between.length * 3);
    if (!menus && !between.some((d) => d.kind === 'chrome' && METADATA_REASONS.has(d.reason ?? ''))) return;
    // (Not a standfirst under its headline, a video player's controls between it and the article.)
    const above = drafts.slice(0, first).reverse().find((d) => d.kind !== 'chrome');
    if (above && above.kind === 'heading' && above.f.words.length >= 4 && !above.terminated) return;
    const d = drafts[first] as Draft;
    // (Nor a paragraph of several sentences and fifty words or more: a site's message or promo is a line, an article's
    // report under a section's heading is a paragraph, whatever summary box stands between it and the next.)
    if (d.f.words.length >= 50 && TWO_SENTENCES.test(d.text)) return;
    d.kind = 'chrome';
    d.reason = 'a line of the page above the article';
  }
}

/**
 * A page whose first line is printed twice in a row (its title and its h1) opens with its headline, whatever the
 * line looks like: "Trump's envoy Steve Witkoff on the upcoming meeting in Saudi Arabia:" reads as a list's
 * introduction on its own. Only a line that is no sentence: a lead printed twice keeps its first copy as prose.
 */
function markDoubledOpening(drafts: Draft[]): void {
  const first = drafts.findIndex((d) => d.kind !== 'chrome');
  const second = first < 0 ? -1 : drafts.findIndex((d, i) => i > first && d.kind !== 'chrome');
  const a = drafts[first];
  const b = drafts[second];
  if (!a || !b) return;
  // The browser's title with the site's name run on, then the page's own headline: "… talks: UAE FM-Xinhua" / "…
  // talks: UAE FM". The headline is the second.
  if (a.text !== b.text && a.text.startsWith(b.text) && b.f.words.length >= 4 && /^\s*[-–—|]\s*\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*){0,2}$/u.test(a.text.slice(b.text.length))) {
    a.kind = 'chrome';
    a.reason = "headline with the site's name";
    b.kind = 'heading';
    return;
  }
  if (a.text !== b.text || a.terminated || a.f.words.length < 4) return;
  a.kind = 'heading';
  b.kind = 'chrome';
  b.reason = 'headline repeated';
}

/** A word's key for telling whether a heading and a lead share it: content words only, inflections folded. */
function wordKey(word: string): string {
  const w = word.toLowerCase();
  return w.length < 4 || FUNCTION_WORDS.has(w) ? '' : w.slice(0, 5);
}

function leadWords(lead: readonly Draft[]): Set<string> {
  const keys = new Set<string>();
  for (const d of lead) for (const w of d.f.words) keys.add(wordKey(w));
  keys.delete('');
  return keys;
}

/**
 * A summary of several sentences over the article whose first sentence the next paragraph opens on again, word for
 * word ("Chinese special envoy … is expected in Moscow on Friday. Among other things, he will meet … ." over "Chinese
 * special envoy … is expected in Moscow on Friday. The Foreign Ministry …"): the page's teaser, shown with or without a
 * headline above it. An article does not open two paragraphs on the same sentence.
 */
function markRepeatedLead(drafts: Draft[]): void {
  const opening = openingParagraphs(drafts);
  if (!opening) return;
  const [a, b] = opening;
  const first = (t: string) => (t.split(SENTENCE_SPLIT, 1)[0] ?? '').replace(/\s+/g, ' ');
  const lead = first(a.text);
  const next = first(b.text);
  if (lead.split(' ').length < 8) return;
  // Two sentences at least (a paragraph printed twice is the doubled-opening case).
  if (lead.length < a.text.trim().length) {
    if (next === lead) a.kind = 'heading';
    return;
  }
  // One sentence that the next paragraph's first sentence says again at greater length, nearly all its words in it in
  // the same order ("Zelensky and Kuleba criticized Pope Francis' call for Kiev to raise the white flag in its war
  // against Russia." over "Kuleba criticized Pope Francis' call for Kiev to raise the white flag in its war against
  // Russia, calling on …"). A report told again in other words ("Putin met Trump …" over "Trump and Putin met …") is
  // the article's own.
  if (next.length <= lead.length) return;
  const words = contentKeys(lead);
  if (words.length >= 6 && commonInOrder(words, contentKeys(next)) >= words.length * REPEATED_LEAD_SHARE) a.kind = 'heading';
}

/** The page's first two paragraphs, when the first stands near the top (a teaser or a caption may open it). */
function openingParagraphs(drafts: readonly Draft[]): [Draft, Draft] | undefined {
  const bodyAt = bodyIndices(drafts);
  const [a, b] = [drafts[bodyAt[0] ?? -1], drafts[bodyAt[1] ?? -1]];
  return a && b && (bodyAt[0] ?? 0) <= 6 ? [a, b] : undefined;
}

/**
 * A picture described in the present as the page's first paragraph, over a lead that reports its subject in the past
 * ("Prime Minister Naftali Bennett meets with German Chancellor Olaf Scholz in Berlin, Motzoei Shabbos." over "Prime
 * Minister Naftali Bennett returned Sunday from a surprise trip to Russia …"): the lead picture's caption, its credit
 * lost with the picture. One sentence, no one's words, and the lead names the same person.
 */
function markPictureOverLead(drafts: Draft[]): void {
  const opening = openingParagraphs(drafts);
  if (!opening) return;
  const [a, b] = opening;
  if (a.f.words.length > 25 || b.f.words.length < 15) return;
  if (TWO_SENTENCES.test(a.text) || /["“”«»]/.test(a.text)) return;
  const verb = PICTURE_IN_PRESENT.exec(a.text);
  if (!verb) return;
  // The subject's last capitalised word (a surname), named again in the lead.
  const name = verb[0].match(/\p{Lu}[\p{L}'’-]+(?=\s+\S+\s$)/u)?.[0];
  if (name && name.length > 2 && new RegExp(`\\b${name}\\b`, 'u').test(b.text) && !PICTURE_IN_PRESENT.test(b.text)) {
    a.kind = 'chrome';
    a.reason = 'photo caption over the lead';
  }
}

/** The longest run of words two sentences share in the same order (not necessarily adjacent). */
function commonInOrder(a: readonly string[], b: readonly string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 0; j < b.length; j++) row[j + 1] = x === b[j] ? (prev[j] as number) + 1 : Math.max(prev[j + 1] as number, row[j] as number);
    prev = row;
  }
  return prev[b.length] as number;
}

/** Share of a one-sentence summary's words the next paragraph's first sentence holds when it says it again. */
const REPEATED_LEAD_SHARE = 0.75;

/** A caption's label alone on its line: "Image caption,", "photo comment,". */
const CAPTION_LABEL = /^(?:image|photo|picture|video|media) (?:caption|comment)s?\s*[,:]?$/i;

/** A credit and nothing else: "(Vatican News via Associated Press)", "Ukrainian Presidential Press Office via AP". */
const BARE_CREDIT = /^\([^()]{2,80}\)\.?$|^[\p{Lu}][\p{L} .,'’&/-]{0,80}\svia\s[\p{L} .]{2,30}$/u;

/** A picture described in the present: a subject of a few words, then what it shows them doing ("… puts", "… meets"). */
const PICTURE_IN_PRESENT =
  /^(?:(?:\p{Lu}[\p{L}.'’-]*|and|of|the)\s+){1,12}(?:puts|meets|points|gestures|shakes|waves|smiles|poses|looks|listens|arrives|walks|stands|sits|greets|speaks|attends|delivers|holds|talks|leaves|reacts|applauds|embraces|hugs|visits|addresses|chairs|shake|meet|talk|speak|walk|stand|sit|arrive|attend|pose|greet|listen|look|wave|smile|hold|embrace|hug)\s(?![^.!?]*\b(?:said|says|told)\b)/u;

/** A stamp and a reading time set off by a bullet or a bar: "Feb 5, 2026 · 3 min read". */
const READ_TIME_STAMP = /^(.{4,40}?)\s*[·•|]\s*\d{1,3}\s*min(?:ute)?s?\s+read\W*$/i;
/** A stamp and a section label of a few words in title or sentence case, set off by a bar or a bullet. */
const SECTION_STAMP = /^([^|·•]{6,40}?)\s+[|·•]\s+\p{Lu}[\p{L}'’-]*(?:\s+[\p{L}'’-]+){0,4}$/u;

/** Where the body lines are among the drafts (a loop: flatMap is several times slower in V8). */
function bodyIndices(drafts: readonly Draft[]): number[] {
  const out: number[] = [];
  drafts.forEach((d, i) => {
    if (d.kind === 'body') out.push(i);
  });
  return out;
}

/**
 * The headline: the first heading before the article's first paragraph that reads like one (several words, not all
 * capitals, not a question to the reader), unless a line printed twice or a whole page's menus say otherwise (below).
 * Later headings before the body are standfirsts and sub-headlines.
 */
function markHeadline(drafts: Draft[], firstBody: number): void {
  // Not two sentences: a summary standfirst ("The Kremlin demands … as crucial. Kyiv refuses, and talks … end.").
  const headlineShape = (d: Draft) =>
    d.kind === 'heading' &&
    // Three words of letters: a date stamp's figures are no headline ("11.47 - martedì 16 aprile 2024").
    d.f.words.filter((w) => /\p{L}{2}/u.test(w)).length >= 3 &&
    d.f.capitals < 0.8 &&
    !/:$/.test(d.text) &&
    !/\p{Ll}[.!?]["”’]?\s+\p{Lu}.*[.!?]["”’]?$/u.test(d.text) &&
    // Nor a caption cut off at its start, or a table cell's text ending in its bar ("the United States and … |"), or a
    // caption whose credit was split off after its comma ("Putin and Trump at the G20 summit in Osaka in 2019,").
    !/^\p{Ll}/u.test(d.text) &&
    !/\s\|$/.test(d.text) &&
    !/,$/.test(d.text);
  const headlineLike = (d: Draft, i: number) => (firstBody < 0 || i < firstBody) && headlineShape(d);
  // A page saved whole prints its headline twice above the article (the title and the h1), below the site's name:
  // the line printed twice is the headline, and its second copy is chrome.
  const top = drafts.slice(0, firstBody < 0 ? drafts.length : firstBody);
  // Read only when the page has a line printed twice or a doubtful first heading.
  let lead: Set<string> | undefined;
  const leadKeys = () => (lead ??= leadWords(drafts.filter((d) => d.kind === 'body').slice(0, 3)));
  const shared = (d: Draft) => {
    const keys = leadKeys();
    return d.f.words.filter((w) => keys.has(wordKey(w))).length;
  };
  // Printed twice, a line ending in a colon is a headline too: "Witkoff on the upcoming meeting in Saudi Arabia:".
  const twice = top.findIndex(
    (d, i) =>
      (headlineLike(d, i) || (d.kind === 'heading' && /:$/.test(d.text) && d.f.capitals < 0.8)) &&
      d.f.words.length >= 4 &&
      // Sharing a word with the lead, or printed again right above it: not a menu or a share panel printed twice
      // ("San Francisco East Bay …", "These are external links and will open in a new window").
      // (One word in common is chance far above the lead, where a whole page's menus print an item twice: "L.A. Times
      // En Español" seventy lines over the article.)
      top.some((o, j) => j > i && o.text === d.text && (leadKeys().size === 0 || shared(d) > 1 || (shared(d) > 0 && firstBody - i <= 15) || firstBody - j <= 3)),
  );
  // A line printed twice that opens the page, nothing but chrome above it, is its headline, stop or no stop ("Trump
  // mentions that the Budapest summit with Putin might be revived in his discussion with Orban." twice under a language
  // menu): a caption printed twice sits under a headline.
  const openingAt = drafts.findIndex((d) => d.kind !== 'chrome');
  const opening = drafts[openingAt];
  const openerTwice =
    twice < 0 && opening !== undefined && drafts[openingAt + 1]?.text === opening.text && opening.f.words.length >= 4 && opening.f.words.length <= 30 ? openingAt : -1;
  // Else a sentence printed twice is a photo's caption (NPR prints it over and under the picture), not the headline: its
  // second copy is still chrome.
  let twiceHeadline = twice >= 0 && !(drafts[twice] as Draft).terminated ? twice : openerTwice;
  // A headline right above a line printed twice that the lead shares less with: the picture's alt text and caption
  // under the headline ("Foreign troops in Ukraine would be 'legitimate targets' - Russia" / "Ukrainian emergency
  // services search the site of a Russian attack in central Kharkiv", twice).
  let captionTwice = -1;
  if (twiceHeadline > 0) {
    let k = twiceHeadline - 1;
    while (k >= 0 && (drafts[k] as Draft).kind === 'chrome') k--;
    const above = drafts[k];
    // (Or a picture's credit and nothing else between its two copies: "An injured woman sits with her dog near …" /
    // "AP Photo/Evgeniy Maloletka" / the same line again is a caption printed over and under its picture.)
    const line = (drafts[twiceHeadline] as Draft).text;
    const copyAt = drafts.findIndex((o, j) => j > twiceHeadline && o.text === line);
    const between = copyAt > 0 ? drafts.slice(twiceHeadline + 1, copyAt) : [];
    const creditBetween = between.length > 0 && between.every((d) => d.kind === 'chrome' && d.reason === CAPTION_REASON);
    if (creditBetween || (above && headlineLike(above, k) && above.f.words.length >= 4 && shared(above) >= 2 && shared(above) > shared(drafts[twiceHeadline] as Draft))) {
      captionTwice = twiceHeadline;
      twiceHeadline = -1;
    }
  }
  const captionText = captionTwice >= 0 ? (drafts[captionTwice] as Draft).text : undefined;
  // A page saved whole opens on its title with the site's name ("Starmer: Putin standing in the way of peace deal - AOL",
  // "… Geneva talks end | News | kten.com") and prints the headline under it without: that line is the headline, and
  // the title is chrome, whatever caption the lead shares more words with or is printed twice.
  // (Before a line printed twice: a gallery prints its captions twice.)
  const titledAt = headlineUnderTitle(top);
  let headlineAt = titledAt >= 0 ? titledAt : twiceHeadline >= 0 ? twiceHeadline : drafts.findIndex((d, i) => d.text !== captionText && headlineLike(d, i));
  // A whole page saved as text has menus, promos and other stories' titles above the article: when the first
  // heading shares no word with the lead, or stands far above it, the headline is the heading that shares most with
  // the lead (the earliest of equals: related titles follow the headline).
  if (twiceHeadline < 0 && titledAt < 0 && headlineAt >= 0 && firstBody > 0) {
    // (One word in common is chance when menus stand between: "…Safety Tracker…13 Investigates…Renters' Rights"
    // eight or more lines above the lead.)
    const common = shared(drafts[headlineAt] as Draft);
    if (common === 0 || firstBody - headlineAt > 15 || (common === 1 && firstBody - headlineAt >= 8)) {
      const candidate = (i: number) => {
        const d = top[i];
        return d !== undefined && headlineLike(d, i) && d.f.words.length >= 4 && d.f.words.length <= 20 && !d.terminated && shared(d) >= 2;
      };
      let best = -1;
      let most = 1;
      top.forEach((d, i) => {
        const n = candidate(i) ? shared(d) : 0;
        if (n > most) {
          best = i;
          most = n;
        }
      });
      // A standfirst right under its headline can share more with the lead than the headline does.
      while (best > 0 && candidate(best - 1)) best--;
      if (best >= 0) headlineAt = best;
      // Menus between it and the lead, and no heading that tells of the lead: a section's name ("Housing and
      // Homelessness", "Crime and Public Safety") is no headline, and the title comes from the lead.
      else if (common <= 1 && firstBody - headlineAt >= 8) headlineAt = -1;
    }
  }
  // A site's or an office's name over the headline ("President of Ukraine" over "Paris Declaration: Robust Security
  // Guarantees for …"): a short first line gives way to a longer headline-like line under it that shares more with the
  // lead.
  // (Or a site's tagline of any length that shares no word with the lead: "News in English from Greece" over "Trump and
  // Zelensky's phone conversation – key points".)
  // (Or a section's name and a rubric over the headline, as a magazine prints them: "Europe | One battle after another"
  // over "Ukraine struggles to cope with America’s destructive peace plans"; the headline shares as much with the lead.)
  const kicker = headlineAt >= 0 && SECTION_AND_RUBRIC.test((drafts[headlineAt] as Draft).text);
  if (twiceHeadline < 0 && headlineAt >= 0 && firstBody > headlineAt && ((drafts[headlineAt] as Draft).f.words.length <= 4 || kicker || shared(drafts[headlineAt] as Draft) === 0)) {
    const first = drafts[headlineAt] as Draft;
    for (let j = headlineAt + 1; j < firstBody; j++) {
      const d = drafts[j] as Draft;
      if (headlineLike(d, j) && d.f.words.length >= 5 && (shared(d) > shared(first) || (kicker && j === headlineAt + 1 && !d.text.includes('|') && shared(d) >= shared(first)))) {
        headlineAt = j;
        break;
      }
    }
  }
  // A page whose summary line comes first ("In a historic yet tense meeting, delegations … convened in Istanbul …") and
  // its headline, printed twice, right under it: that is the headline, its copy chrome.
  if (headlineAt < 0 && firstBody >= 0) {
    for (let j = firstBody + 1; j <= firstBody + 3 && j + 1 < drafts.length; j++) {
      const d = drafts[j] as Draft;
      const copy = drafts[j + 1] as Draft;
      if (copy.text === d.text && !d.terminated && d.f.words.length >= 4 && headlineShape(d)) {
        headlineAt = j;
        copy.kind = 'chrome';
        copy.reason = 'headline repeated';
        break;
      }
    }
  }
  // A breadcrumb run on into the headline ("Home WORLD NEWS U.S. Envoy Reports …") above the headline on its own: the
  // headline is the line the other ends with, and the longer line is the page's navigation.
  if (headlineAt >= 0) {
    const crumb = drafts[headlineAt] as Draft;
    // Glued as flattened pages print it ("HomeWorldnew Russian-Ukrainian talks …" over "new Russian-Ukrainian talks …"),
    // and with other quotation marks: the same headline under a trail of a few words.
    const crumbText = foldQuotes(crumb.text);
    const own = top.findIndex((d, j) => {
      if (j <= headlineAt || d.text.length >= crumb.text.length || d.f.words.length < 4) return false;
      const ownText = foldQuotes(d.text);
      if (!crumbText.endsWith(ownText)) return false;
      const trail = crumbText.slice(0, crumbText.length - ownText.length);
      return trail.endsWith(' ') ? headlineShape(d) : !d.terminated && trail.length <= 40 && /^\p{Lu}[\p{L} ]*\p{L}$/u.test(trail);
    });
    if (own >= 0) {
      crumb.kind = 'chrome';
      crumb.reason = 'breadcrumb before the headline';
      headlineAt = own;
    }
  }
  if (captionTwice >= 0)
    top.forEach((d, j) => {
      if (j >= captionTwice && d.text === (drafts[captionTwice] as Draft).text) {
        d.kind = 'chrome';
        d.reason = 'photo caption printed twice';
      }
    });
  else if (twice >= 0)
    top.forEach((d, j) => {
      if (j > twice && d.text === (drafts[twice] as Draft).text) {
        d.kind = 'chrome';
        d.reason = 'headline repeated';
      }
    });
  else if (openerTwice >= 0) {
    // (The body starts at the opening line itself: its copy lies past the lines above the body.)
    const copy = drafts[openerTwice + 1] as Draft;
    copy.kind = 'chrome';
    copy.reason = 'headline repeated';
  }
  // A headline set with a stop, opening the page right over the lead, and no heading anywhere above the body: one
  // short sentence in headline form, a present-tense verb after its subject ("Putin says Biden offered to delay
  // Ukraine's NATO membership by a decade in 2021 talks.", "Putin calls Ramaphosa to discuss Ukraine.", "‘Not all
  // bridges are destroyed,’ Zelensky says ahead of crunch talks with Putin.", "Zelensky: “Nobody Knows When …”").
  if (headlineAt < 0 && firstBody >= 0 && openingAt === firstBody && stoppedHeadline(drafts, firstBody)) headlineAt = firstBody;
  if (headlineAt >= 0) (drafts[headlineAt] as Draft).kind = 'headline';
}

/** A section's name of a word or two before a bar and a few words: "Europe | One battle after another". */
const SECTION_AND_RUBRIC = /^\p{Lu}\p{L}+(?: \p{Lu}?\p{L}+)? \| \S(?:\S* ?){0,6}$/u;

/** A site's name after a title: " - AOL", " | News | kten.com", " – The Kyiv Independent". */
const SITE_SUFFIX = /^\s+[|–—-]\s+\S.{0,60}$/u;

/**
 * The line printed as the headline under the page's title, where the title is that line and the site's name: the
 * headline's index (its title turned to chrome), or -1.
 */
function headlineUnderTitle(top: Draft[]): number {
  for (let i = 0; i < top.length; i++) {
    const title = top[i] as Draft;
    if (title.f.words.length < 5) continue;
    for (let j = i + 1; j < top.length; j++) {
      const d = top[j] as Draft;
      if (d.kind === 'chrome' || d.terminated || d.f.words.length < 4 || !title.text.startsWith(d.text)) continue;
      if (!SITE_SUFFIX.test(title.text.slice(d.text.length))) continue;
      title.kind = 'chrome';
      title.reason = 'page title with the site name';
      return j;
    }
  }
  return -1;
}

/** A headline's verbs in the present for a past event, after a name or two ("Putin says", "Ukraine prepares"). */
const HEADLINE_PRESENT =
  /^(?:[‘'"“][^’'"”]{3,120}[’'"”],?\s+)?(?:\p{Lu}[\p{L}.'’-]*\s+){1,3}(?:says|calls|urges|warns|vows|prepares|aims|rejects|accepts|agrees|plans|seeks|wants|asks|tells|backs|slams|signs|offers|meets|dismisses|denies|insists|pushes|pledges|hails|welcomes|rules out|threatens|proposes)\s/u;
/** The same with the speaker after the quotation: "‘Couldn’t have been nicer’, says US president." */
const HEADLINE_QUOTE_SAYS = /^[‘'"“][^’'"”]{3,120}[’'"”],?\s+says\s+[^.!?]{2,60}\.$/u;
/** A name, a colon and the quotation that is all the rest: "Zelensky: “Nobody Knows When the Russia-Ukraine War Will End.”" */
const HEADLINE_NAME_QUOTE = /^(?:\p{Lu}[\p{L}.'’-]*\s+){0,2}\p{Lu}[\p{L}.'’-]*:\s+[‘"“][^’"”]{3,140}[’"”]\.?$/u;

function stoppedHeadline(drafts: readonly Draft[], at: number): boolean {
  const d = drafts[at] as Draft;
  if (d.kind !== 'body' || !d.terminated || d.f.words.length < 4 || d.f.words.length > 18 || SENTENCE_INSIDE.test(d.text)) return false;
  if (!HEADLINE_PRESENT.test(d.text) && !HEADLINE_QUOTE_SAYS.test(d.text) && !HEADLINE_NAME_QUOTE.test(d.text)) return false;
  // The lead under it: prose, longer than the line over it.
  const next = drafts.slice(at + 1).find((x) => x.kind !== 'chrome');
  return next !== undefined && next.kind === 'body' && next.f.words.length > d.f.words.length;
}

/** How many other stories' titles in a row end a page. */
const TITLES_IN_A_ROW = 4;
/** How many paragraphs after them may still stand (teasers of those stories). */
const TEASERS_AFTER_TITLES = 2;

/**
 * A run of other stories' titles near the page's end (see `TITLES_IN_A_ROW`): its paragraphs after are chrome, and the
 * article's last paragraph is the one before the run (returned; `lastBody` when there is no such run).
 */
function otherStoriesAtEnd(drafts: Draft[], firstBody: number, lastBody: number): number {
  if (firstBody < 0) return lastBody;
  let run = 0;
  for (let i = firstBody + 1; i <= lastBody; i++) {
    const d = drafts[i] as Draft;
    if (d.kind === 'chrome') continue;
    // (A title: short, no stop, no list mark. Key points set as headings are sentences: "What You Need To Know" /
    // "President Donald Trump said he didn't think …"; a plan's points are numbered: "1. Radiation and nuclear safety".)
    if (d.kind !== 'heading' || d.terminated || d.f.words.length > 16 || /^\s*(?:\d{1,2}[.)]|[•·*-])\s/.test(d.text)) {
      run = 0;
      continue;
    }
    if (++run < TITLES_IN_A_ROW) continue;
    const after = drafts.slice(i + 1, lastBody + 1).filter((x) => x.kind === 'body');
    if (after.length > TEASERS_AFTER_TITLES) continue;
    return endArticle(drafts, firstBody, after, i - run, 'after the article (other stories)');
  }
  return lastBody;
}

/** The paragraphs `after` the article's end are chrome; its last paragraph is the last body line at `from` or before. */
function endArticle(drafts: Draft[], firstBody: number, after: readonly Draft[], from: number, reason: string): number {
  for (const x of after) {
    x.kind = 'chrome';
    x.reason = reason;
  }
  let before = from;
  while (before > firstBody && (drafts[before] as Draft).kind !== 'body') before--;
  return before;
}

/**
 * A news quiz: a question and its lettered answers ("… investigating him for doing what?" / "A. Accepting undisclosed
 * gifts …" / "B. …" / "C. …"), as a newsletter closes on. None of it is news, and the question reads as a sentence.
 */
function markQuiz(drafts: Draft[]): void {
  const option = (d: Draft | undefined, letter: string): boolean => d !== undefined && d.text.startsWith(`${letter}. `) && d.f.words.length <= 30;
  const quiz = (d: Draft): void => {
    d.kind = 'chrome';
    d.reason = 'a quiz';
  };
  for (let i = 0; i + 3 < drafts.length; i++) {
    const q = drafts[i] as Draft;
    if (!q.text.endsWith('?') || !option(drafts[i + 1], 'A') || !option(drafts[i + 2], 'B') || !option(drafts[i + 3], 'C')) continue;
    const options = new Set<string>();
    quiz(q);
    let k = i + 1;
    // The options in their order, A to F.
    for (; k < drafts.length && option(drafts[k], 'ABCDEF'.charAt(k - i - 1)) && k - i <= 6; k++) {
      options.add((drafts[k] as Draft).text);
      quiz(drafts[k] as Draft);
    }
    // The answer, one of the options printed again further down, and the paragraph that explains it.
    for (let j = k; j < Math.min(drafts.length, k + 6); j++) {
      if (!options.has((drafts[j] as Draft).text)) continue;
      quiz(drafts[j] as Draft);
      const why = drafts[j + 1];
      if (why?.kind === 'body') quiz(why);
      break;
    }
  }
}

/** The most words of a line a page's menus and promotions print twice (a menu's newsletter blurb). */
const PRINTED_TWICE_WORDS = 20;

/**
 * A short paragraph printed twice on a page, each copy among headings and chrome with no paragraph next to it and
 * above the article, is part of a menu the page prints twice (its desktop and mobile copies): "Ground Game Exclusive
 * insights and key stories from the world of politics." among an AP page's section names. An article does not repeat
 * its sentences that way (a pull quote's copy in the body has paragraphs around it).
 */
function markPrintedTwiceAmongMenus(drafts: Draft[]): void {
  // Only above the article: before its first two paragraphs in a row.
  const articleStart = drafts.findIndex((d, i) => d.kind === 'body' && drafts[i + 1]?.kind === 'body');
  if (articleStart < 0) return;
  const isolated = (i: number): boolean => drafts[i - 1]?.kind !== 'body' && drafts[i + 1]?.kind !== 'body';
  const copies = new Map<string, number[]>();
  drafts.forEach((d, i) => {
    if (i >= articleStart || d.kind !== 'body' || d.f.words.length > PRINTED_TWICE_WORDS) return;
    const at = copies.get(d.text);
    if (at) at.push(i);
    else copies.set(d.text, [i]);
  });
  for (const at of copies.values()) {
    if (at.length < 2 || !at.every(isolated)) continue;
    for (const i of at) {
      const d = drafts[i] as Draft;
      d.kind = 'chrome';
      d.reason = 'printed twice among the menus';
    }
  }
}

/** Paragraphs of the article before its credits, and at most those after them (the writer's biography). */
const BODY_BEFORE_CREDITS = 3;
const BODY_AFTER_CREDITS = 2;

/**
 * A wire report's closing credits ("Reporting by Dmitry Antonov Writing by Guy Faulconbridge Editing by …") near the
 * page's end close the article: the paragraph or two after them are the page's (a Reuters writer's biography, "As Moscow
 * bureau chief, Guy runs coverage of Russia …", which names him by his first name only). Returns the article's last
 * paragraph (`lastBody` when the page has no such credits).
 */
function creditsAtEnd(drafts: Draft[], firstBody: number, lastBody: number): number {
  if (firstBody < 0) return lastBody;
  for (let i = lastBody - 1; i > firstBody; i--) {
    const d = drafts[i] as Draft;
    if (d.kind !== 'chrome' || !isWireCredit(d.text)) continue;
    const after = drafts.slice(i + 1, lastBody + 1).filter((x) => x.kind === 'body');
    if (after.length > BODY_AFTER_CREDITS || drafts.slice(firstBody, i).filter((x) => x.kind === 'body').length < BODY_BEFORE_CREDITS) return lastBody;
    return endArticle(drafts, firstBody, after, i, 'after the article (after its credits)');
  }
  return lastBody;
}

/** Lines `from` up to `to` (not chrome already) are teasers of other stories. */
function markAsLinks(drafts: Draft[], from: number, to: number): void {
  for (let k = from; k < to; k++) {
    const d = drafts[k] as Draft;
    if (d.kind === 'chrome') continue;
    d.kind = 'chrome';
    d.reason = 'link to another story';
  }
}

/**
 * A tag or section page of teasers, each a story's title over the start of its text cut off mid-sentence ("In
 * war-fatigued east Ukraine, Zelensky loses his shine" / "… Olena Semykina, the owner of a village shop …, voted for
 * … The screech of an artillery shell over her" / "Ukraine: Kyiv accuses Hungary of aiding Putin" / …): three or more
 * title-and-text pairs in a row, two or more of the texts cut off, are the list. An article's own sections end their
 * paragraphs; a page cut off by its excerpt ends only its last.
 */
function markCutTeasers(drafts: Draft[]): void {
  const title = (d: Draft | undefined) => d !== undefined && (d.kind === 'heading' || d.kind === 'headline') && !d.terminated && d.f.words.length >= 4 && d.f.words.length <= 20;
  const text = (d: Draft | undefined) => d !== undefined && d.kind !== 'chrome' && d.f.words.length >= 20;
  for (let i = 0; i + 1 < drafts.length; ) {
    let j = i;
    let cut = 0;
    while (title(drafts[j]) && text(drafts[j + 1])) {
      if (!(drafts[j + 1] as Draft).terminated) cut++;
      j += 2;
    }
    if ((j - i) / 2 >= 3 && cut >= 2) {
      markAsLinks(drafts, i, j);
      i = j;
    } else i = j > i ? j : i + 1;
  }
}

/** Lines of a page that, all of them standing alone, make it a list of other stories' summaries. */
const SUMMARY_LIST_LINES = 10;
/** Someone's words reported: an article attributes; a summary of another story rarely does. */
const REPORTED = /\b(?:said|says|told|tells|according to|stated|added|quoted|insisted|stressed|noted|warned|wrote|writes|explained|argued|claimed)\b/i;
/** An opening that leans on the line before: a pronoun or a connective. */
const LEANS_BACK = /^(?:He|She|It|They|We|I|His|Her|Their|Its|This|These|That|Those|But|And|However|Meanwhile|Still|Yet|Also|So|Then|There|Such|Both|Instead|Moreover|Earlier|Later|Separately|Asked|When|While|The two)\b/;
/** A sentence ends inside the line (not "U.S. President"): a lower-case word's stop before a capital. */
const SENTENCE_BREAK = /\p{Ll}{2}[.!?]["”’]?\s+["“‘]?\p{Lu}/u;

/**
 * A tag or topic page saved as text, its teasers' one-line summaries one under another ("Russian President Putin
 * proposes direct Ukraine peace talks in Istanbul on May 15 …" / "After a 30-hour Easter truce, Russia resumed strikes
 * …" / "Chinese Foreign Minister Wang Yi emphasizes …"): ten or more lines, each one sentence that names its actors
 * afresh and reports no one's words. An article's paragraphs lean on each other (he, the talks, but) and quote and
 * attribute: on the eval corpus's 414 on-story pages the rule took nothing at six such lines and three pages at four,
 * while the tag pages that prompted it have ten and twelve. One line may attribute (an analysis teaser: "…, Russia Editor Steve Rosenberg
 * writes."). The lines are teasers, however much each reads like the news.
 */
function markSummaryList(drafts: Draft[]): void {
  const lines: number[] = [];
  let reported = 0;
  for (const [i, d] of drafts.entries()) {
    if (d.kind === 'chrome' || d.kind === 'headline' || d.f.words.length < 8) continue;
    if (LEANS_BACK.test(d.text) || SENTENCE_BREAK.test(d.text) || d.f.words.length > 45) return;
    if (REPORTED.test(d.text) && ++reported > 1) return;
    lines.push(i);
  }
  if (lines.length < SUMMARY_LIST_LINES) return;
  for (const i of lines) markAsLinks(drafts, i, i + 1);
}

/** A line that is only a separator: "-", "—", "* * *", "•". */
const SEPARATOR_LINE = /^[\s\-–—•*·~=_]+$/;
/** How many separated items make a listing page (a tag or section page's teasers) rather than an article's breaks. */
const LISTING_ITEMS = 4;

/**
 * A tag or section page saved as text: one- or two-sentence teasers of other stories, each between lines that are only
 * a separator ("The vote comes amid rising security fears …" / "-" / "The intensified diplomacy came as …" / "-"). An
 * article breaks its text with a separator now and then, between paragraphs of its own; four or more short items in
 * a row, each a separator apart, are a list. The items are teasers, however much they read like the news.
 */
function markSeparatedTeasers(drafts: Draft[]): void {
  const seps: number[] = [];
  drafts.forEach((d, i) => {
    if (SEPARATOR_LINE.test(d.text)) seps.push(i);
  });
  if (seps.length < LISTING_ITEMS - 1) return;
  // An item: the lines between two separators (or a separator and the page's start or end).
  const short = (from: number, to: number) => {
    const lines = drafts.slice(from, to).filter((d) => d.kind !== 'chrome');
    return lines.length >= 1 && lines.length <= 2 && lines.every((d) => d.f.words.length <= 60);
  };
  // The longest run of short items, each a separator apart: from separator `seps[a]` to separator `seps[b]`.
  let best: [number, number] = [0, 0];
  for (let a = 0, b = 0; b + 1 < seps.length; b++) {
    if (!short((seps[b] as number) + 1, seps[b + 1] as number)) a = b + 1;
    else if (b + 1 - a > best[1] - best[0]) best = [a, b + 1];
  }
  if (best[1] - best[0] < LISTING_ITEMS) return;
  const start = seps[best[0]] as number;
  const end = seps[best[1]] as number;
  markAsLinks(drafts, start + 1, end);
  // The short item after the run's last separator is the list's last teaser; what stands above its first separator is
  // the page's own (a blurb on the topic, the article before a list of related stories).
  const next = best[1] + 1 < seps.length ? (seps[best[1] + 1] as number) : drafts.length;
  if (short(end + 1, next)) markAsLinks(drafts, end + 1, next);
}

/**
 * A list of other stories, each a link (and a line of its own) with a relative time label ("FBI investigating 'numerous
 * bomb threats' …" / "Among those targeted was Elise Stefanik, …" / "2 days ago"): where two or more such labels are
 * each one or two lines apart, the lines between them are teasers, however much they read like the article. So are
 * the lines just before the first label, or just after the last, when they have the shape of the teasers between (as
 * many lines, ending in a full stop alike): a title-first list ends on a label, a label-first one begins on one, and
 * the article's own paragraph next to the list has another shape.
 */
function markTeaserRuns(drafts: Draft[]): void {
  const labels: number[] = [];
  drafts.forEach((d, i) => {
    if (d.kind === 'chrome' && d.reason === 'time or date label' && AGO_LINE.test(d.text)) labels.push(i);
  });
  const shape = (from: number, to: number) => drafts.slice(from, to).map((d) => (d.terminated ? '.' : '-')).join('');
  for (let a = 0; a < labels.length; ) {
    // A run of labels, each one or two lines after the one before.
    let b = a;
    while (b + 1 < labels.length && (labels[b + 1] as number) - (labels[b] as number) <= 3) b++;
    if (b > a) {
      const first = labels[a] as number;
      const last = labels[b] as number;
      const inner = new Set<string>();
      for (let k = a; k < b; k++) {
        markAsLinks(drafts, (labels[k] as number) + 1, labels[k + 1] as number);
        inner.add(shape((labels[k] as number) + 1, labels[k + 1] as number));
      }
      // Between every two labels the teasers have one shape: the edges are teasers only in that shape.
      if (inner.size === 1) {
        const size = (labels[a + 1] as number) - first - 1;
        const [only] = inner;
        if (first - size >= 0 && shape(first - size, first) === only) markAsLinks(drafts, first - size, first);
        if (last + 1 + size <= drafts.length && shape(last + 1, last + 1 + size) === only) markAsLinks(drafts, last + 1, last + 1 + size);
      }
    }
    a = b + 1;
  }
}

/**
 * A paragraph that opens on a dateline: {@link DATELINE_START}, or a place in title case the lexicon knows set off by a
 * dash ("New Delhi – “Blinken asked …"). (Not a person: "Zelensky – who …".)
 */
function opensOnDateline(text: string): boolean {
  if (DATELINE_START.test(text)) return true;
  const m = TITLE_CASE_PLACE_DASH.exec(text);
  return m !== null && lexiconKind(m[1] ?? '') === 'place';
}
const TITLE_CASE_PLACE_DASH = /^(\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)?)\s+[—–]\s+(?=[\p{Lu}"“])/u;

/** A paragraph that opens with a dateline: "ERBIL (Kurdistan24) – ", "KYIV, Ukraine (AP) — ", "WASHINGTON — ". */
const DATELINE_START = /^(?:\p{Lu}{2,}[\p{Lu} .,'’-]{0,30}(?:,\s*[\p{L}\p{N} .]{2,20})?(?:\([^)]{1,30}\))?\s*[—–-]\s|\p{Lu}[\p{L} .'’-]{1,30}\s*\([\p{L} .&/-]{1,30}\)\s*[—–-]\s|\(\p{Lu}[\p{L} .&/-]{1,30}\)\s*[—–-]\s)/u;

/**
 * The texts `classifyLines` asks `seenElsewhere` about, one per block (a superset: it asks only of lines it has not
 * placed otherwise). Ingestion looks them up before the page is analysed elsewhere (analysis-pool.ts), so a worker
 * needs only the handful its source printed before, not every line of the source's earlier pages.
 */
export function queriedLines(blocks: readonly PageBlock[]): string[] {
  return blocks.map((b, i) => lineText(collapseSpaces(b.text), i, [], new Set()));
}

/**
 * Classify the lines of a page. Pure: the same blocks (and the same `seenElsewhere`) give the same answer.
 */
export function classifyLines(blocks: readonly PageBlock[], opts: ClassifyOptions = {}): PageLines {
  const statedDates: string[] = [];
  const afterMeta = new Set<number>();
  // Each block's whitespace collapsed once: its line text is cut from this, and the chrome rules read it whole.
  const collapsed = blocks.map((b) => collapseSpaces(b.text));
  const texts = collapsed.map((c, i) => lineText(c, i, statedDates, afterMeta));
  const trailer = trailerStart(texts);
  const footer = footerStart(texts);
  const end = Math.min(trailer < 0 ? texts.length : trailer, footer < 0 ? texts.length : footer);

  const drafts: Draft[] = [];
  let lastText = texts.length - 1;
  while (lastText > 0 && texts[lastText] === '') lastText--;
  /** Drafts whose line was a list item on the page ("• …", "- …"). */
  const bullets = new Set<Draft>();
  /** Drafts from a heading tag that hold a paragraph of prose (a lead a page styled large, or its standfirst). */
  const styledProse = new Set<Draft>();
  texts.forEach((text, i) => {
    if (text === '') return;
    const block = blocks[i] as PageBlock;
    const f = features(block, text);
    const listItem = LIST_ITEM.test(block.text);
    if (i >= end) {
      drafts.push({ text, kind: 'chrome', reason: i === trailer ? 'link-list heading' : 'after the article (link list or footer)', terminated: f.terminated, f });
      return;
    }
    const reason = chromeOnItsOwn(text, collapsed[i] ?? '', f, block, opts) ?? (afterMeta.has(i) && isNameByline(text, f) ? 'byline' : undefined);
    if (reason) drafts.push({ text, kind: 'chrome', reason, terminated: f.terminated, f });
    // A heading tag holds a heading, unless what it holds is a paragraph of prose a page styled large (CNN sets its
    // lead in an h2): a sentence of twenty words or more with its stop and its grammar words. (A standfirst set so is
    // told from a lead below, as one in a paragraph is.)
    else if (/^h[1-6]$/i.test(block.tag ?? '')) {
      const prose = f.terminated && f.words.length >= 20 && f.functionDensity >= 0.25;
      drafts.push({ text, kind: prose ? 'body' : 'heading', terminated: f.terminated, f });
      if (prose) styledProse.add(drafts[drafts.length - 1] as Draft);
    }
    // A headline in title case that ends on an exclamation or a question, quoted or not ("After Russian Attack On Kyiv
    // Civilians, President Trump Tells Russia: "Vladimir, STOP!"", "Will Putin Accept The Ceasefire?"): no sentence of
    // prose capitalises its words so.
    else if (/[!?]["”’]?$/.test(text) && f.words.length <= 20 && titleCased(f.words)) drafts.push({ text, kind: 'heading', terminated: true, f });
    else if (f.terminated && f.words.length >= 4 && f.functionDensity >= 0.12) drafts.push({ text, kind: f.words.length >= 6 ? 'body' : 'short', terminated: true, f });
    // A list in the article: the sentence that introduces it ("…, although the details are: ") and its items ("Ban on
    // foreign peacekeeping troops;"). Prose, though not sentences of their own.
    else if ((/;(?:\s+(?:and|or))?$/.test(text) && f.words.length >= 3) || (/:$/.test(text) && f.words.length >= 8 && f.functionDensity >= 0.2)) drafts.push({ text, kind: 'body', terminated: false, f });
    // A paragraph that lost its full stop (or was cut off): long and made of grammar, not of names. Only the page's
    // last line is cut off; a line like that above other text is a standfirst run on without its stop (right under a
    // heading), unless a whole sentence ends inside a long one further down (a lead under the date whose closing
    // attribution lost its stop: "… Putin. He made the announcement during a meeting with Mark Rutte, "Komersant
    // Ukrainian" reports"): that is prose, and its whole sentences are facts.
    // (The page's last line, cut off, may be denser in names: a whole sentence inside it says it is prose.)
    else if (!f.terminated && ((f.words.length >= 20 && (f.functionDensity >= 0.25 || (i === lastText && f.functionDensity >= 0.15 && SENTENCE_INSIDE.test(text)))) || (i === lastText && cutAfterSentence(text, f))))
      drafts.push({
        text,
        // A paragraph that opens on a wire dateline ("MOSCOW - Russia said on Jan 8 that …") is the article's lead,
        // whatever it lost at its end: no standfirst or heading opens on one.
        kind: i === lastText || DATELINE_START.test(text) || (f.chars > 250 && SENTENCE_INSIDE.test(text) && drafts[drafts.length - 1]?.kind !== 'heading') ? 'body' : 'heading',
        terminated: false,
        f,
      });
    else if (headingShaped(f, text) && (f.words.length >= 3 || /^\p{Lu}/u.test(text))) drafts.push({ text, kind: 'heading', terminated: f.terminated, f });
    else drafts.push({ text, kind: f.terminated ? 'short' : 'chrome', reason: 'label', terminated: f.terminated, f });
    if (listItem) bullets.add(drafts[drafts.length - 1] as Draft);
  });

  // A caption printed twice, once without its credit ("Attendees listen to a speech …, 15 June 2024. …" over the same
  // words ending ".Photo: EPA/URS FLUEELER"): the copy right above the credited one is the caption too.
  drafts.forEach((d, i) => {
    const next = drafts[i + 1];
    if (d.kind !== 'body' || next?.kind !== 'chrome' || next.reason !== CAPTION_REASON || d.f.chars < 80) return;
    if (captionOpening(next.text) === captionOpening(d.text)) {
      d.kind = 'chrome';
      d.reason = 'photo caption printed twice';
    }
  });

  // Prose set in a heading tag that the article says again further down is its standfirst, not its lead.
  for (const d of styledProse) {
    const i = drafts.indexOf(d);
    if (restatedBelow(d, drafts.slice(i + 1).filter((x) => x.kind === 'body'))) d.kind = 'heading';
  }

  // The first line after a crawler's date prefix is the page's description when it is one sentence the article says
  // again in its own words below ("Secretary of State Marco Rubio has issued a stark warning that …" over "US Secretary
  // of State Marco Rubio has warned that …"): a standfirst, whose paraphrase shares less than one set under a headline.
  const metaAt = afterMeta.size > 0 ? Math.min(...afterMeta) : -1;
  if (metaAt >= 0)
    drafts.forEach((d, i) => {
      if (d.kind !== 'body' || d.text !== texts[metaAt] || d.f.chars > 320) return;
      if ((d.text.match(/\p{Ll}{2}[.!?]["”’]?(?:\s+["“‘]?\p{Lu}|\s*$)/gu)?.length ?? 0) !== 1) return;
      if (restatedBelow(d, drafts.slice(i + 1).filter((x) => x.kind === 'body').slice(0, 3), META_DEK_SHARE)) d.kind = 'heading';
    });

  // Short sentences take the class of their neighbours: "He declined to comment." inside the article is prose,
  // "Photo: archive." between captions is not.
  drafts.forEach((d, i) => {
    if (d.kind !== 'short') return;
    const near = [drafts[i - 1], drafts[i + 1]].filter((x): x is Draft => x !== undefined);
    d.kind = near.some((x) => x.kind === 'body') ? 'body' : 'chrome';
    if (d.kind === 'chrome') d.reason = 'short line among chrome';
  });

  // A publisher's pitch runs over several paragraphs, not all of which name what they ask for ("From reproductive
  // rights to Big Tech, The Independent is on the ground … we know how important it is …"): prose in the publisher's
  // "we" next to such an appeal is part of it.
  for (let changed = true; changed; ) {
    changed = false;
    drafts.forEach((d, i) => {
      if (d.kind !== 'body' || d.f.address === 0 || !ownVoice(d.text)) return;
      if (![drafts[i - 1], drafts[i + 1]].some((x) => x?.kind === 'chrome' && x.reason === SITE_APPEAL)) return;
      d.kind = 'chrome';
      d.reason = SITE_APPEAL;
      changed = true;
    });
  }

  // An embedded post's text on lines of its own above its link and signature ("I am in Ukraine to deliver a simple
  // message." / "Our support cannot and will not falter." / "To all Ukrainians, … pic.twitter.com/…" / "— Rishi Sunak
  // (@RishiSunak) January 12, 2024"): back up to a post's 280 characters, never past a line that introduces it ("… wrote
  // on X:") or names its author (the article's own words about the post). Above a line that holds the link, only
  // short lines: a paragraph of the article's may stand right above a post that is all one line.
  // (Or a post's last words cut off and run on into its signature: "The American delegation included …, Secretary of…
  // — Special Envoy Steve Witkoff (@SEPeaceMissions) January 31, 2026", its first paragraph on a line above.)
  drafts.forEach((d, i) => {
    const runOn = POST_SIGNATURE.test(d.text) ? null : POST_SIGNATURE_RUN_ON.exec(d.text);
    const signature = runOn ?? POST_SIGNATURE.exec(d.text);
    if (!signature) return;
    if (runOn && d.kind !== 'chrome') {
      d.kind = 'chrome';
      d.reason = 'embedded post';
    }
    const surname = (signature[1] ?? '').trim().split(/\s+/).pop()?.toLowerCase() ?? '';
    let left = POST_CHARS - (runOn ? runOn.index : 0);
    let linked = false;
    for (let j = i - 1; j >= 0; j--) {
      const above = drafts[j] as Draft;
      const text = above.text.replace(EMBEDDED_POST, '').trim();
      left -= text.length;
      if (left < 0 || /:$/.test(text) || (surname.length >= 3 && text.toLowerCase().includes(surname))) break;
      // Nor past a quotation the article attributes ("“Putin is the one delaying peace,” Mr Starmer said."): its words.
      if (ATTRIBUTED_QUOTE.test(text)) break;
      if (linked && text.length > POST_LINE_CHARS) break;
      linked ||= EMBEDDED_POST.test(above.text);
      if (above.kind !== 'chrome') {
        above.kind = 'chrome';
        above.reason = 'embedded post';
      }
    }
    // The rest of a post printed under its signature, as some pages render it ("— Ursula von der Leyen (@vonderleyen)
    // March 15, 2025" / "We reiterate our support …" / "In the meantime, we will support strengthening…"): short lines
    // up to one the post is cut off at. Without that cut a line under the signature is the article going on.
    let rest = POST_CHARS;
    for (let j = i + 1; j < Math.min(drafts.length, i + 5); j++) {
      const below = drafts[j] as Draft;
      rest -= below.text.length;
      if (rest < 0 || below.text.length > POST_LINE_CHARS) break;
      if (!TEASER.test(below.text)) continue;
      for (let k = i + 1; k <= j; k++) {
        const line = drafts[k] as Draft;
        line.kind = 'chrome';
        line.reason = 'embedded post';
      }
      break;
    }
  });

  // A page that opens with a question and goes on in prose opens with its headline ("Talks in Berlin: Will Zelenskyy
  // renounce Ukraine's NATO membership?"): an article's own first sentence is not a question.
  const opening = drafts.findIndex((d) => d.kind !== 'chrome');
  const opener = drafts[opening];
  if (opener?.kind === 'body' && /\?["”’')]*$/.test(opener.text) && opener.f.words.length <= 20 && drafts.slice(opening + 1).some((d) => d.kind === 'body'))
    opener.kind = 'heading';
  // So does one that ends on "…: what is known about …", the explainer's headline formula, full stop or not ("Putin
  // reiterated demands, while Scholz called for troop withdrawal: what is known about the conversation …").
  else if (opener?.kind === 'body' && WHAT_IS_KNOWN.test(opener.text) && opener.f.words.length <= 30 && drafts.slice(opening + 1).some((d) => d.kind === 'body'))
    opener.kind = 'heading';

  // A caption printed twice, bare and then with its credit ("… rejected calls for peace." / "… rejected calls for
  // peace. Picture: Getty"), perhaps after the icon's alt text ("Camera IconUkrainian President … Credit: AP"): the
  // bare copy is the caption too.
  drafts.forEach((d, i) => {
    const next = drafts[i + 1];
    if (d.kind === 'chrome' || !next || next.kind !== 'chrome' || next.text.length <= d.text.length) return;
    const at = next.text.indexOf(d.text);
    if (at < 0 || at > 16) return;
    if (!/caption|credit/.test(next.reason ?? '')) return;
    d.kind = 'chrome';
    d.reason = 'photo caption printed twice';
  });
  // A picture's short title over its full caption ("Rubio, Special Envoy Witkoff, and Jared Kushner meet with a
  // Ukrainian delegation in Hallandale Beach" / "U.S. Secretary of State Marco Rubio, … meet with … in Hallandale
  // Beach, Florida, U.S., November 30, 2025. REUTERS/…"): every word of it in the caption, in the caption's order.
  drafts.forEach((d, i) => {
    const next = drafts[i + 1];
    if (d.kind === 'chrome' || d.terminated || !next || next.kind !== 'chrome' || !/caption|credit/.test(next.reason ?? '')) return;
    if (!shortenedFrom(d.text, next.text)) return;
    d.kind = 'chrome';
    d.reason = 'photo caption shortened over its full text';
  });
  // A caption's label on a line of its own ("photo comment," / "Image caption,") opens the caption on the next line.
  drafts.forEach((d, i) => {
    const next = drafts[i + 1];
    if (d.kind !== 'chrome' || !CAPTION_LABEL.test(d.text) || next?.kind !== 'body' || next.f.words.length > 30 || TWO_SENTENCES.test(next.text)) return;
    next.kind = 'chrome';
    next.reason = 'photo caption under its label';
  });
  // A credit on a line of its own ("(Vatican News via Associated Press)") closes the caption printed over it: the
  // picture described in the present, a line or two ("Zelensky puts his hand on his chest as he shakes hands with Pope
  // Francis at the Vatican." / "Pope Francis meets Zelensky during a private audience …"), or in any tense one sentence
  // between the credit and the picture's title of a few words ("Pope Zelensky" / "Zelensky met with Pope Francis …").
  drafts.forEach((d, i) => {
    if (d.kind !== 'chrome' || !/caption|credit/.test(d.reason ?? '') || !BARE_CREDIT.test(d.text)) return;
    for (let k = i - 1; k >= Math.max(0, i - 2); k--) {
      const above = drafts[k] as Draft;
      const label = drafts[k - 1];
      const titled = k === i - 1 && label?.kind === 'heading' && label.f.words.length <= 4 && above.f.words.length <= 30 && !/[.!?]\s+\p{Lu}/u.test(above.text);
      if (above.kind === 'chrome' || above.kind === 'headline' || above.f.words.length > 35 || !(titled || PICTURE_IN_PRESENT.test(above.text))) break;
      above.kind = 'chrome';
      above.reason = 'photo caption over its credit';
    }
  });
  markTeaserRuns(drafts);
  markSeparatedTeasers(drafts);
  markCutTeasers(drafts);
  markSummaryList(drafts);
  markPrelude(drafts);
  markDoubledOpening(drafts);
  markStandfirsts(drafts);
  markSummaryBoxes(drafts, bullets);
  markStrayOpening(drafts);
  markQuiz(drafts);
  markPrintedTwiceAmongMenus(drafts);
  const firstBody = drafts.findIndex((d) => d.kind === 'body');
  let lastBody = -1;
  drafts.forEach((d, i) => {
    if (d.kind === 'body') lastBody = i;
  });
  // Other stories' titles, four or more in a row, and at most a teaser or two of them after: the article has ended
  // ("EU lawmakers approve fast-track deportations …" / "EU's Kallas to propose concessions …" / … / "Venezuelan
  // opposition politician … is under house arrest …" under a whole Reuters page).
  lastBody = otherStoriesAtEnd(drafts, firstBody, lastBody);
  lastBody = creditsAtEnd(drafts, firstBody, lastBody);
  drafts.forEach((d, i) => {
    if (d.kind !== 'heading') return;
    // A heading with no paragraph after it is a link to another story ("Draft plan to end the war").
    if (lastBody >= 0 && i > lastBody) {
      d.kind = 'chrome';
      d.reason = 'heading after the article';
    }
  });
  markHeadline(drafts, firstBody);
  markDek(drafts);
  markRepeatedLead(drafts);
  markPictureOverLead(drafts);

  const lines: ClassifiedLine[] = drafts.map((d) => ({
    text: d.text,
    kind: d.kind === 'short' ? 'chrome' : d.kind,
    terminated: d.terminated,
    ...(d.kind === 'chrome' && d.reason ? { reason: d.reason } : {}),
  }));
  return { lines, statedDates, dropped: lines.filter((l) => l.kind === 'chrome').map((l) => ({ text: l.text, reason: l.reason ?? 'chrome' })) };
}

/** A quotation the article gives to someone by name: "…,” Mr Starmer said.", "…," Peskov told reporters. */
const ATTRIBUTED_QUOTE = /[,.!?]["”’]\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?\s+(?:said|says|told|added|stated|wrote)\b/u;

/** An explainer's headline: "…: what is known about the call", "…: what we know", "…: what it means for Kyiv". */
const WHAT_IS_KNOWN = /:\s+(?:what is known|what we know|what (?:it|this) means)\b[^:.!?]{0,100}[.!]?["”’]?$/i;

/** Words of a line, folded, for comparing two printings of one caption. */
const captionWords = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Is `short` (five words or more) `long` with words left out, every word of it in `long` in the same order? */
function shortenedFrom(short: string, long: string): boolean {
  const a = captionWords(short);
  const b = captionWords(long);
  if (a.length < 5 || a.length >= b.length) return false;
  let j = 0;
  for (const w of a) {
    while (j < b.length && b[j] !== w) j++;
    if (j === b.length) return false;
    j++;
  }
  return true;
}

/** Straight and typographic quotation marks alike, to compare a headline with its copy. */
function foldQuotes(text: string): string {
  return text.replace(/[“”«»„]/g, '"').replace(/[‘’]/g, "'");
}
