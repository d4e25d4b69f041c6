import type { Briefing } from '../src/briefing/types.js';
import { slugify } from '../src/ingest/analyze.js';
import { instantMs, type EventRecord, type Fact } from '../src/records/schema.js';
import { escapeRegExp } from '../src/text/keyword-pattern.js';
import { normalize, type Article, type DayLabel, type OnStoryLabel } from './labels.js';

/**
 * Scores for issue 14 (ingestion) and issue 15 (briefings), computed from the labels and from what sitrep produced.
 * Pure functions: the runner (eval/run.ts) ingests and builds briefings, these only compare.
 */

/** A count with its base: shown as "85.7% (54/63)". */
export interface Ratio {
  n: number;
  of: number;
}

/** What became of one input. */
export interface Placement {
  articleId: string;
  outcome: 'kept' | 'rejected' | 'failed';
  /** The event the article was stored in (kept only). */
  eventId?: string;
  /** The article's source id inside that event (kept only). */
  sourceId?: string;
  /** Rejection reason or error, for --verbose. */
  detail?: string;
}

export interface Finding {
  article: string;
  what: string;
  text: string;
}

export interface IngestionScore {
  onStoryKept: Ratio;
  offStoryRejected: Ratio;
  datesWithinDay: Ratio;
  /** Wrong dates the record owns up to (dateSource ingest-time: `sitrep drafts` says NOT DATED). */
  wrongDatesFlagged: Ratio;
  /** Chrome label lines found in a fact, title or id of the article's event. */
  chromeLinesKept: number;
  eventsWithChrome: number;
  factsWithChrome: number;
  headlineAsFact: number;
  subheadlineAsFact: number;
  unfinishedFacts: number;
  /** Facts that end in "…" (cut by a length limit): reported, not counted as unfinished. */
  cutFacts: number;
  keyTermsKept: Ratio;
  speakerPrecision: Ratio;
  /** Labelled statements that became facts without any speaker. */
  speakerMissing: number;
  speakersNamingNoOne: Ratio;
  pairsMerged: Ratio;
  /** Same-event pairs where one article was not kept at all (not in pairsMerged). */
  pairsLost: number;
  wronglyMerged: number;
  tags: { precision: Ratio; recall: Ratio; trapsTagged: number; byQuestion: Record<string, { precision: Ratio; recall: Ratio }> };
  findings: Finding[];
}

export interface BriefingDayResult {
  day: string;
  /** Rendered text (plain, 2,000 characters). */
  text: string;
  briefing: Briefing;
}

export interface BriefingScore {
  keyTermsBriefing: Ratio;
  keyTermsLead3: Ratio;
  /** Briefing key terms over Lead-3 key terms (target ≥ 1.2). */
  keyTermsRatio: number | null;
  defectiveLines: number;
  /** Days whose briefing reports no development from its window (empty or the "latest" fallback). */
  emptyBriefings: Ratio;
  freshness: Ratio;
  /** Question lines (where the day bears on the question) that show any sentence of the day's articles. */
  questionLineFromDay: Ratio;
  statusAccuracy: Ratio;
  statusAccuracyBearing: Ratio;
  offStoryText: number;
  findings: Finding[];
}

// ---------------------------------------------------------------------------------------------------------------
// Text matching

/** Spellings of one name folded together (transliterations differ by outlet). */
const VARIANTS: Array<[RegExp, string]> = [
  [/\bzelensk(?:yy|iy|yi|i)\b/g, 'zelensky'],
  [/\bum(?:ie|ye)rov\b/g, 'umerov'],
  [/\bdmitriyev\b/g, 'dmitriev'],
  [/\bkyslyts(?:ya|ia)\b|\bkislitsa\b/g, 'kyslytsia'],
  [/\byury\b/g, 'yuri'],
  [/\bpodol(?:yak|iak)\b/g, 'podolyak'],
  [/\bm(?:y|i)kha(?:i|y)lo\b/g, 'mykhailo'],
];

/** normalize() plus name variants and without accents: the form every comparison in the scorer uses. */
export function canon(text: string): string {
  // Accents folded too: outlets write "Orban" and "Orbán" for one man.
  let s = normalize(text).normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
  for (const [re, to] of VARIANTS) s = s.replace(re, to);
  return s;
}

/** Does a fact (or line) carry this labelled snippet? Whole containment, or the fact is a long enough part of it. */
export function overlaps(text: string, snippet: string): boolean {
  const t = canon(text).replace(/(?:\.\.\.|…)$/, '').trim();
  const s = canon(snippet);
  if (s.length === 0 || t.length === 0) return false;
  if (t.includes(s)) return true;
  if (t.length >= 30 && s.includes(t)) return true;
  return s.length >= 40 && t.includes(s.slice(0, 40));
}

/** Is a text of 20+ characters (cut off with "…" or not) a part of a label: "<title>…" of a longer headline? */
function partOf(t: string, l: string): boolean {
  return t.length >= 20 && l.includes(t.replace(/(?:\.\.\.|…)$/, '').trim());
}

/**
 * Does `text` carry a piece of page chrome (or a heading)? Long labels match anywhere, and so does any sentence of
 * them of 25+ characters; short ones ("Details", "date 2025-03-18", "Reuters") only as the whole text or at its start
 * or end, so a word that merely occurs in a sentence is not taken for chrome.
 */
export function carries(text: string, label: string): boolean {
  const t = canon(text);
  const l = canon(label);
  if (l.length === 0 || t.length === 0) return false;
  if (t === l) return true;
  if (l.length >= 20) {
    if (t.includes(l)) return true;
    if (partOf(t, l)) return true;
    const pieces = l.split(/(?<=[.!?|:])\s+|\s+[|•]\s+/).filter((p) => p.length >= 25);
    return pieces.length > 1 && pieces.some((p) => unquotedIn(t, p));
  }
  return wholeOrGlued(t, l);
}

/**
 * Does the piece occur in the text other than as a quotation the text opens on it? A body sentence that quotes the last
 * sentence of a post the page embeds ("Kuleba tweeted …, adding “I call on all states to …”") is the body's.
 */
function unquotedIn(t: string, piece: string): boolean {
  for (let i = t.indexOf(piece); i >= 0; i = t.indexOf(piece, i + 1)) if (t[i - 1] !== '"' && t[i - 1] !== "'") return true;
  return false;
}

/** The canonical text is the label, or has it glued to its start or end. */
function wholeOrGlued(t: string, l: string): boolean {
  return t === l || t.startsWith(`${l} `) || t.endsWith(` ${l}`);
}

/** A few words (up to six) and no punctuation or figure: a picture's title or a name with its office. */
function fewWords(canonical: string): boolean {
  return canonical.split(' ').length <= 6 && !/[.!?:|•\d]/.test(canonical);
}

/**
 * Does `text` carry a line of page chrome? As {@link carries}, except that a chrome line of a few words and no
 * punctuation (a picture's title, "President Vladimir Putin") counts only as the whole text or glued to its start or
 * end: inside a body sentence ("Russian President Vladimir Putin on Wednesday derided …") the words are the body's.
 */
export function carriesChrome(text: string, line: string): boolean {
  const l = canon(line);
  if (!fewWords(l)) return carries(text, line);
  const t = canon(text);
  // (At its start only when what follows is no run of the sentence: "Ukrainian President Volodymyr Zelensky has
  // rejected …" is the body naming him, not a picture's title glued on.)
  return t === l || t.endsWith(` ${l}`) || (t.startsWith(`${l} `) && !sentenceRunsOn(text, line));
}

/**
 * Does the article print this chrome line's sentence in its body too? A summary box in a page's front matter ("tldr:")
 * repeats sentences of the body; the body's copy is no chrome. Only a sentence of eight words or more, printed more
 * often than the labels list it as chrome (a menu's short items repeat, and are labelled once).
 */
function alsoInBody(line: string, label: { chrome: readonly string[]; text: string }): boolean {
  const l = canon(line).replace(/^[\s"'“”-]+|[\s"'“”]+$/g, '');
  if (l.split(' ').length < 8 || !/[.!?]$/.test(l)) return false;
  const count = (hay: string) => hay.split(l).length - 1;
  const listed = label.chrome.reduce((n, c) => n + count(canon(c)), 0);
  return count(canon(label.text)) > listed;
}

/** Does the text open on the line's words and go on in lower case, as a sentence does ("… Zelensky has rejected")? */
function sentenceRunsOn(text: string, line: string): boolean {
  const t = text.trimStart();
  const l = line.trim();
  if (t.length <= l.length || t.slice(0, l.length).toLowerCase() !== l.toLowerCase()) return false;
  return /^\s+\p{Ll}/u.test(t.slice(l.length));
}

/**
 * Does `text` carry a sub-heading or standfirst? Only as the whole text, glued to its start or end, or (a long one) as
 * the part of it the text is: a body sentence that uses its words ("… the creation of humanitarian corridors to
 * evacuate …" against "Humanitarian corridors") or says it again inside a sentence of its own ("A member of Ukraine's
 * envoy said the parties have reached a tentative agreement …" under that dek) is the body's.
 */
/**
 * The sub-headlines that are display text only: a standfirst the page prints again word for word as a sentence of its
 * body is not counted against a fact or a bullet with its words, which may be (and as sitrep reads pages, is) the
 * body's copy.
 */
export function displayOnly(subheadlines: readonly string[], articleText: string): string[] {
  return subheadlines.filter((s) => {
    const first = articleText.indexOf(s);
    return first < 0 || articleText.indexOf(s, first + s.length) < 0;
  });
}

export function carriesHeading(text: string, heading: string): boolean {
  const t = canon(text);
  const l = canon(heading);
  if (l.length === 0 || t.length === 0) return false;
  // (Glued on at the end only after a sentence's end: "… said the parties have reached …" ends with a dek's words.)
  // (With a stop added or taken off: "Coalition of the Willing." is that heading.)
  const bare = (x: string) => x.replace(/[.!?…]+["”’]?$/, '');
  if (t === l || bare(t) === bare(l) || t.startsWith(`${l} `) || (t.endsWith(` ${l}`) && /[.!?"”]\s$/.test(t.slice(0, t.length - l.length)))) return true;
  return l.length >= 20 && partOf(t, l);
}

/**
 * What of a chrome line is chrome: one that repeats the headline with a caption run on ("<headline> Photo: …") is
 * judged by its caption, since the headline itself is right in a title, an id or a briefing's headline.
 */
function chromePart(line: string, label: { headline: string | null }): string {
  // (A tag line the headline itself holds, "Sergei Lavrov" over "…, says Sergei Lavrov", is the headline's words.)
  // (And the headline's copy in other quotation marks, "'Momentum … gone': Russia …" under "‘Momentum … gone’: Russia …".)
  // (And a caption naming whom the headline names, "Stian Jenssen." under "Stian Jenssen suggests Ukraine should …", or
  // a transcript's label, "VICE PRESIDENT HARRIS:" under "Remarks by Vice President Harris and President …".)
  if (!label.headline) return line;
  const headline = canon(label.headline);
  if (headline.includes(canon(line.trim()).replace(/[.!?:]+$/, ''))) return '';
  // (So is a breadcrumb whose last item is the headline: "Main › News of the day › <headline>", "- <headline>", glued on
  // and in other quotation marks: "HomeWorldnew … talks in Turkey \"next week\"" over "new … “next week”".)
  const canonical = canon(line);
  if (!canonical.includes(headline)) return line;
  return canonical
    .replace(headline, ' ')
    .replace(/^[\s\-•*]+|\s+$/g, '')
    .replace(/\s+/g, ' ');
}

/** Ends like a sentence: full stop, question or exclamation mark, or an ellipsis, optionally inside quotes or brackets. */
export function finished(text: string): boolean {
  return /(?:[.!?…]|\.\.\.)["'”’»)\]]*\s*$/.test(text.trim());
}

function cutByLimit(text: string): boolean {
  return /…\s*$/.test(text.trim());
}

/** Day (YYYY-MM-DD, UTC) of an ISO date or instant. */
function dayOf(iso: string): string {
  return new Date(instantMs(iso)).toISOString().slice(0, 10);
}

function daysApart(a: string, b: string): number {
  return Math.abs(instantMs(a) - instantMs(b)) / 86_400_000;
}

const NOT_A_NAME = new Set(
  'after before but and or nor yet so with without as in on at for of to from by while when since although though if because during despite amid among under over into onto upon about against between through than that this these those there here it he she they we i you his her their its our the a an then also meanwhile however'.split(
    ' ',
  ),
);

/** The word a speaker is known by: a surname, or an organisation's last word ("the Kremlin" → "kremlin"). */
function keyWord(name: string): string {
  const words = canon(name)
    .replace(/['’]s\b/g, '')
    .split(/[^a-z0-9\u00c0-\u024f\u0400-\u04ff-]+/)
    .filter(Boolean);
  return words[words.length - 1] ?? '';
}

/** The name a person with a family name after a particle goes by: "Lula" of "Luiz Inácio Lula da Silva". */
function beforeParticle(name: string): string | undefined {
  const words = canon(name).split(' ');
  const at = words.findIndex((w, i) => i >= 2 && /^d[aeo]s?$/.test(w));
  return at > 0 ? words[at - 1] : undefined;
}

export function sameSpeaker(got: string, want: string): boolean {
  const a = keyWord(got);
  if (a.length === 0) return false;
  if (a === keyWord(want)) return true;
  if (a === beforeParticle(want) || keyWord(want) === beforeParticle(got)) return true;
  // A name written family name first, as a page gives it alone: "Mr Xi" for Xi Jinping.
  const w = canon(want).split(' ');
  if (!canon(got).includes(' ') && w.length > 1 && w[0] === a) return true;
  // A name of several words the page also gives without its family's ("Abdullah bin Zayed" for Abdullah bin Zayed Al
  // Nahyan): the one name, its first words.
  const g = canon(got).split(' ');
  const full = w.filter((x) => x !== 'sheikh' && x !== 'h.h.');
  return g.length >= 3 && g.length < full.length && g.every((x, i) => full[i] === x);
}

/**
 * The article's body as a reader sees it: lines that are chrome, the headline or a heading are dropped, and such a
 * label is cut from the start of a line it shares with text (" date 2025-03-18 Headline…"). A long label is cut
 * wherever it occurs; a short one ("16", "World") only as a whole line or a line's start, never inside a sentence.
 */
export function bodyText(article: Article): string {
  const label = article.label;
  if (!label.onStory) return article.text;
  const labels = [...label.chrome, ...label.subheadlines, ...(label.headline !== null ? [label.headline] : [])]
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .sort((a, b) => b.length - a.length);
  const out: string[] = [];
  for (const raw of article.text.split('\n')) {
    let line = raw.trim();
    for (const l of labels) if (l.length >= 20) line = line.split(l).join(' ').trim();
    for (let changed = true; changed && line.length > 0; ) {
      changed = false;
      for (const l of labels)
        if (line === l || line.startsWith(`${l} `)) {
          line = line.slice(l.length).trim();
          changed = true;
        }
    }
    if (line.length > 0) out.push(line);
  }
  return out.join('\n');
}

/** Abbreviations a sentence does not end at ("Mr. Trump", "U.S. officials", "Nov. 21"). */
const ABBREVIATION = /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|Lt|Col|St|Jr|Sr|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.K|U\.N|E\.U|[A-Z])\.$/;

/** Sentences of a plain text, in order (a simple splitter of the scorer's own, independent of sitrep's). */
export function sentencesOf(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\n+/)) {
    const l = line.replace(/\s+/g, ' ').trim();
    if (l.length === 0) continue;
    let current = '';
    for (const piece of l.split(/(?<=[.!?]["'”’)\]]*)\s+(?=["'“‘(]?[A-Z0-9])/)) {
      current = current ? `${current} ${piece}` : piece;
      if (!ABBREVIATION.test(current)) {
        out.push(current.trim());
        current = '';
      }
    }
    if (current.trim().length > 0) out.push(current.trim());
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Ingestion (issue 14)

/** The share a ratio stands for, or null when it has no base. */
export function pct(r: Ratio): number | null {
  return r.of === 0 ? null : r.n / r.of;
}

/** Facts of an event that came from the given source (as first source or as a repeat in alsoSources). */
export function factsFrom(record: EventRecord, sourceId: string, primaryOnly = false): Fact[] {
  return record.facts.filter((f) => f.source === sourceId || (!primaryOnly && (f.alsoSources ?? []).includes(sourceId)));
}

function onStoryOf(a: Article): OnStoryLabel | undefined {
  return a.label.onStory ? a.label : undefined;
}

export function scoreIngestion(input: { articles: readonly Article[]; records: readonly EventRecord[]; placements: readonly Placement[]; questionIds: readonly string[] }): IngestionScore {
  const { articles, questionIds } = input;
  const byId = new Map(articles.map((a) => [a.id, a]));
  const records = new Map(input.records.map((r) => [r.id, r]));
  const placed = new Map(input.placements.map((p) => [p.articleId, p]));
  const findings: Finding[] = [];
  const kept = (a: Article) => placed.get(a.id)?.outcome === 'kept';
  const on = articles.filter((a) => a.label.onStory);
  const off = articles.filter((a) => !a.label.onStory);
  const keptOn = on.filter(kept);
  for (const a of on) if (!kept(a)) findings.push({ article: a.id, what: 'on-story not kept', text: placed.get(a.id)?.detail ?? 'not ingested' });
  for (const a of off) if (kept(a)) findings.push({ article: a.id, what: 'off-story kept', text: `stored in ${placed.get(a.id)?.eventId ?? '?'}` });

  const eventOf = (a: Article) => records.get(placed.get(a.id)?.eventId ?? '');
  const sourceOf = (a: Article) => placed.get(a.id)?.sourceId ?? '';

  // Dates
  let datesOk = 0;
  let datesWrongFlagged = 0;
  for (const a of keptOn) {
    const label = onStoryOf(a) as OnStoryLabel;
    const rec = eventOf(a);
    if (rec && daysApart(dayOf(rec.occurredAt), label.eventDate) <= 1) datesOk++;
    else {
      const flagged = rec?.dateSource === 'ingest-time';
      if (flagged) datesWrongFlagged++;
      findings.push({ article: a.id, what: 'date', text: `event dated ${rec ? dayOf(rec.occurredAt) : '?'}${flagged ? ' (flagged: ingest time)' : ''}, happened ${label.eventDate}` });
    }
  }

  // Chrome, headlines, unfinished facts, key terms
  let chromeLines = 0;
  const chromeEvents = new Set<string>();
  const chromeFacts = new Set<string>();
  let headlineAsFact = 0;
  let subheadlineAsFact = 0;
  let unfinished = 0;
  let cut = 0;
  let termsFound = 0;
  let termsAll = 0;
  for (const a of keptOn) {
    const label = onStoryOf(a) as OnStoryLabel;
    const rec = eventOf(a);
    if (!rec) continue;
    const facts = factsFrom(rec, sourceOf(a));
    const own = factsFrom(rec, sourceOf(a), true);
    for (const line of label.chrome) {
      const c = chromePart(line, label);
      if (c.length < 8 || alsoInBody(c, { chrome: label.chrome, text: a.text })) continue;
      const inFacts = facts.filter((f) => carriesChrome(f.text, c));
      const inTitle = carriesChrome(rec.title, c);
      const slug = slugify(c, 200);
      // (A few words inside the id's title, as inside a sentence, are the title's: see carriesChrome.)
      const idTitle = rec.id.replace(/^\d{4}-\d{2}-\d{2}-/, '');
      const inId = slug.length >= 12 && (fewWords(canon(c)) ? idTitle.startsWith(slug) || idTitle.endsWith(slug) : rec.id.includes(slug.slice(0, 40)));
      if (inFacts.length > 0 || inTitle || inId) {
        chromeLines++;
        chromeEvents.add(rec.id);
        for (const f of inFacts) chromeFacts.add(`${rec.id}#${f.id ?? f.text}`);
        findings.push({ article: a.id, what: `chrome in ${[inFacts.length > 0 ? 'fact' : '', inTitle ? 'title' : '', inId ? 'id' : ''].filter(Boolean).join('+')}`, text: c });
      }
    }
    const subheadlines = displayOnly(label.subheadlines, a.text);
    for (const f of own) {
      // (As a heading is: whole, glued on, or the part of a sentence it is; a body sentence that names it, "the 15th
      // meeting of the coalition of the willing" under "Coalition of the Willing", is the body's.)
      if (label.headline !== null && carriesHeading(f.text, label.headline)) {
        headlineAsFact++;
        findings.push({ article: a.id, what: 'headline as fact', text: f.text });
      }
      const sub = subheadlines.find((s) => carriesHeading(f.text, s));
      if (sub !== undefined) {
        subheadlineAsFact++;
        findings.push({ article: a.id, what: 'sub-headline as fact', text: f.text });
      }
      if (cutByLimit(f.text)) cut++;
      else if (!finished(f.text) && !(label.noFinalStop ?? []).some((s) => overlaps(f.text, s))) {
        unfinished++;
        findings.push({ article: a.id, what: 'unfinished fact', text: f.text });
      }
    }
    const factText = canon(facts.map((f) => f.text).join(' \n '));
    for (const term of label.keyTerms) {
      termsAll++;
      if (factText.includes(canon(term))) termsFound++;
      else findings.push({ article: a.id, what: 'key term missing from facts', text: term });
    }
  }

  // Speakers
  let speakerMatched = 0;
  let speakerRight = 0;
  let speakerMissing = 0;
  let attributed = 0;
  let noOne = 0;
  for (const a of keptOn) {
    const label = onStoryOf(a) as OnStoryLabel;
    const rec = eventOf(a);
    if (!rec) continue;
    // (A transcript's label in capitals, "VICE PRESIDENT HARRIS:", and a heading that introduces a speaker, "Secretary of
    // State Marco Rubio on Meet the Press", name them, though labels count both as display: only the headline does not.)
    const transcriptLabels = [...a.text.matchAll(/^[^\S\n]*([A-Z][A-Z.'’ -]{2,60}):\s/gm)].map((m) => m[1]).join('\n');
    const body = canon(`${bodyText(a)}\n${transcriptLabels}\n${label.subheadlines.join('\n')}`);
    for (const f of factsFrom(rec, sourceOf(a), true)) {
      const labels = label.speakers.filter((s) => overlaps(f.text, s.text));
      if (f.speaker === undefined) {
        if (labels.length > 0) speakerMissing++;
        continue;
      }
      attributed++;
      const first = canon(f.speaker).split(' ')[0] ?? '';
      const word = keyWord(f.speaker);
      const inBody = (w: string) => new RegExp(`(?:^|[^a-z0-9])${escapeRegExp(w)}(?:[^a-z0-9]|$)`).test(body);
      // (A name written family name first is known by its first word: "Xi" of "Xi Jinping".)
      const familyFirst = first !== word && first.length >= 2 && inBody(first);
      if (NOT_A_NAME.has(first) || word.length === 0 || !(inBody(word) || familyFirst)) {
        noOne++;
        findings.push({ article: a.id, what: 'speaker names no one', text: `${f.speaker} ← ${f.text}` });
      }
      if (labels.length === 0) continue;
      speakerMatched++;
      if (labels.some((l) => [l.speaker, ...(l.also ?? [])].some((w) => sameSpeaker(f.speaker as string, w)))) speakerRight++;
      else findings.push({ article: a.id, what: 'wrong speaker', text: `${f.speaker} (labelled ${labels.map((l) => l.speaker).join(' / ')}) ← ${f.text}` });
    }
  }

  // Pairs
  let pairs = 0;
  let merged = 0;
  let lost = 0;
  let wrong = 0;
  const related = (x: OnStoryLabel, y: OnStoryLabel) => (x.relatedEvents ?? []).includes(y.event) || (y.relatedEvents ?? []).includes(x.event);
  for (let i = 0; i < on.length; i++)
    for (let j = i + 1; j < on.length; j++) {
      const a = on[i] as Article;
      const b = on[j] as Article;
      const la = onStoryOf(a) as OnStoryLabel;
      const lb = onStoryOf(b) as OnStoryLabel;
      if (la.outlet === lb.outlet) continue;
      const both = kept(a) && kept(b);
      const together = both && placed.get(a.id)?.eventId === placed.get(b.id)?.eventId;
      if (la.event === lb.event) {
        if (!both) {
          lost++;
          continue;
        }
        pairs++;
        if (together) merged++;
        else findings.push({ article: a.id, what: 'same event not merged', text: `${a.id} (${placed.get(a.id)?.eventId}) / ${b.id} (${placed.get(b.id)?.eventId})` });
      } else if (together && !related(la, lb)) {
        wrong++;
        findings.push({ article: a.id, what: 'different events merged', text: `${a.id} + ${b.id} in ${placed.get(a.id)?.eventId}` });
      }
    }

  // Question tags
  const tally = () => ({ tp: 0, fp: 0, fn: 0 });
  const perQ = new Map(questionIds.map((q) => [q, tally()]));
  let trapsTagged = 0;
  for (const a of keptOn) {
    const rec = eventOf(a);
    if (!rec) continue;
    for (const f of factsFrom(rec, sourceOf(a), true)) {
      // A fact repeated by other outlets is judged by all their labels (the same sentence is labelled in each).
      const sources = [f.source, ...(f.alsoSources ?? [])];
      const labels = input.placements
        .filter((p) => p.outcome === 'kept' && p.eventId === rec.id && p.sourceId !== undefined && sources.includes(p.sourceId))
        .map((p) => byId.get(p.articleId))
        .flatMap((x) => (x && x.label.onStory ? [x.label] : []));
      for (const q of questionIds) {
        const t = perQ.get(q) as { tp: number; fp: number; fn: number };
        const gold = labels.some((l) => (l.questions[q] ?? []).some((s) => overlaps(f.text, s)));
        const weak = labels.some((l) => (l.borderline?.[q] ?? []).some((s) => overlaps(f.text, s)));
        const trap = labels.some((l) => l.notQuestions.some((n) => n.question === q && overlaps(f.text, n.text)));
        const tagged = (f.questions ?? []).includes(q);
        if (weak && !gold) continue;
        if (tagged && gold) t.tp++;
        else if (tagged) {
          t.fp++;
          if (trap) trapsTagged++;
          findings.push({ article: a.id, what: `tagged ${q}${trap ? ' (labelled trap)' : ''} but does not bear on it`, text: f.text });
        } else if (gold) {
          t.fn++;
          findings.push({ article: a.id, what: `bears on ${q} but not tagged`, text: f.text });
        }
      }
    }
  }
  const sum = [...perQ.values()].reduce((s, t) => ({ tp: s.tp + t.tp, fp: s.fp + t.fp, fn: s.fn + t.fn }), tally());
  const byQuestion: IngestionScore['tags']['byQuestion'] = {};
  for (const [q, t] of perQ) byQuestion[q] = { precision: { n: t.tp, of: t.tp + t.fp }, recall: { n: t.tp, of: t.tp + t.fn } };

  return {
    onStoryKept: { n: keptOn.length, of: on.length },
    offStoryRejected: { n: off.filter((a) => !kept(a)).length, of: off.length },
    datesWithinDay: { n: datesOk, of: keptOn.length },
    wrongDatesFlagged: { n: datesWrongFlagged, of: keptOn.length - datesOk },
    chromeLinesKept: chromeLines,
    eventsWithChrome: chromeEvents.size,
    factsWithChrome: chromeFacts.size,
    headlineAsFact,
    subheadlineAsFact,
    unfinishedFacts: unfinished,
    cutFacts: cut,
    keyTermsKept: { n: termsFound, of: termsAll },
    speakerPrecision: { n: speakerRight, of: speakerMatched },
    speakerMissing,
    speakersNamingNoOne: { n: noOne, of: attributed },
    pairsMerged: { n: merged, of: pairs },
    pairsLost: lost,
    wronglyMerged: wrong,
    tags: { precision: { n: sum.tp, of: sum.tp + sum.fp }, recall: { n: sum.tp, of: sum.tp + sum.fn }, trapsTagged, byQuestion },
    findings,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Briefings (issue 15)

/** The same character budget the text renderer has. */
export const LEAD3_LIMIT = 2000;

/** Lead-3: the first three sentences of each of the day's articles (body only), in order, cut at the budget. */
export function lead3(articles: readonly Article[], limit = LEAD3_LIMIT): string {
  const parts = articles.map((a) => sentencesOf(bodyText(a)).slice(0, 3).join(' '));
  return parts.join('\n').slice(0, limit);
}

/**
 * The briefing's content as a reader gets it: after the title block and before SOURCES, without the template's own
 * words (section names, "Ukraine's response: MOVED since …" prefixes and short status lines, "+N more" hints), which would match terms
 * such as "Ukraine" or "ceasefire" in every briefing.
 */
export function briefingContent(text: string): string {
  const start = text.indexOf('\n\n');
  let body = start >= 0 ? text.slice(start + 2) : text;
  const end = body.search(/(?:^|\n)SOURCES\n/);
  if (end >= 0) body = body.slice(0, end);
  return body
    .replace(/^(?:WHAT HAPPENED|OPEN QUESTIONS|WHAT TO WATCH|STILL UNKNOWN|TIMELINE)$/gm, '')
    // A question's label and status, before its line or as the whole line ("…: OPEN since 2 Jun 2025; nothing new in
    // this window."): the label ("Security guarantees") is the template's, whatever follows it.
    .replace(/^• [^\n:]{1,60}: (?:OPEN|MOVED|CONTESTED|RESOLVED)\b[^\n—]*(?:— |$)/gm, '• ')
    .replace(/^\s*\(\+\d+ more[^\n]*$/gm, '');
}

/** Distinct terms (by their folded form) of a set of articles. */
function termsOf(articles: readonly Article[]): string[] {
  const seen = new Map<string, string>();
  for (const a of articles) if (a.label.onStory) for (const t of a.label.keyTerms) if (!seen.has(canon(t))) seen.set(canon(t), t);
  return [...seen.values()];
}

export function scoreBriefings(input: {
  days: readonly DayLabel[];
  articles: readonly Article[];
  results: readonly BriefingDayResult[];
  /** The articles whose sources make up an event (for the labels a line is checked against). */
  articlesOfEvent: (eventId: string) => readonly string[];
}): BriefingScore {
  const byId = new Map(input.articles.map((a) => [a.id, a]));
  const results = new Map(input.results.map((r) => [r.day, r]));
  const findings: Finding[] = [];
  let termsB = 0;
  let termsL = 0;
  let termsAll = 0;
  let defective = 0;
  let empty = 0;
  let fresh = 0;
  let fromDay = 0;
  let bearing = 0;
  let statusOk = 0;
  let statusAll = 0;
  let statusOkBearing = 0;
  const offSentences = new Map<string, string>();
  for (const a of input.articles)
    if (!a.label.onStory)
      for (const s of sentencesOf(a.text)) {
        const c = canon(s);
        if (c.length >= 40) offSentences.set(c.slice(0, 60), `${a.id}: ${s}`);
      }
  const offHits = new Set<string>();

  for (const day of input.days) {
    const r = results.get(day.day);
    if (!r) continue;
    const dayArticles = day.articles.map((id) => byId.get(id)).filter((a): a is Article => a !== undefined);
    const content = canon(briefingContent(r.text));
    const lead = canon(lead3(dayArticles));
    const leadOnly: string[] = [];
    let dayB = 0;
    let dayL = 0;
    for (const t of termsOf(dayArticles)) {
      termsAll++;
      const inB = content.includes(canon(t));
      const inL = lead.includes(canon(t));
      if (inB) dayB++;
      if (inL) dayL++;
      if (inL && !inB) leadOnly.push(t);
    }
    termsB += dayB;
    termsL += dayL;
    if (dayB < dayL) findings.push({ article: day.day, what: `key terms ${dayB}, Lead-3 ${dayL}`, text: `only in Lead-3: ${leadOnly.join(', ')}` });

    // Lines a reader sees: headline, development bullets, question lines, watch items.
    const shown = (t: string) => content.includes(canon(t).slice(0, 40));
    const labelsOf = (eventIds: readonly string[]) =>
      [...new Set(eventIds.flatMap((e) => input.articlesOfEvent(e)))].flatMap((id) => {
        const a = byId.get(id);
        return a && a.label.onStory ? [{ ...a.label, subheadlines: displayOnly(a.label.subheadlines, a.text), text: a.text }] : [];
      });
    // A line one of the articles prints as a sentence of its body is that article's, whatever another prints as its
    // standfirst: two outlets' copies of one wire differ in what they set off above the lead.
    const inBodyOf = (text: string, labels: ReturnType<typeof labelsOf>) =>
      labels.some((l) => canon(l.text).includes(canon(text)) && !(l.headline !== null && carries(text, l.headline)) && !l.subheadlines.some((s) => carriesHeading(text, s)) && !l.chrome.some((c) => carriesChrome(text, c)));
    // A line is checked against the labels of the articles behind the events it may come from.
    const check = (kind: 'headline' | 'bullet', text: string, eventIds: readonly string[]) => {
      if (!shown(text)) return;
      const labels = labelsOf(eventIds);
      const problems: string[] = [];
      if (
        labels.some((l) =>
          l.chrome.some((line) => {
            const part = chromePart(line, l);
            return part.length >= 8 && carriesChrome(text, part) && !alsoInBody(part, l);
          }),
        )
      )
        problems.push('chrome');
      if (kind === 'bullet' && labels.some((l) => (l.headline !== null && carries(text, l.headline)) || l.subheadlines.some((s) => carriesHeading(text, s))) && !inBodyOf(text, labels))
        problems.push('title or sub-headline');
      if (kind === 'bullet' && !finished(text) && !labels.some((l) => (l.noFinalStop ?? []).some((s) => overlaps(text, s)))) problems.push('unfinished');
      if (problems.length > 0) {
        defective++;
        findings.push({ article: day.day, what: `defective ${kind} (${problems.join(', ')})`, text });
      }
    };
    const b = r.briefing;
    if (b.developments.length === 0 || b.window.fallback) empty++;
    if (b.developments.length > 0) check('headline', b.headline, b.developments.slice(0, 1).map((d) => d.eventId));
    for (const d of b.developments) check('bullet', d.text, [d.eventId]);
    for (const q of b.questions) check('bullet', q.summary, q.evidence.map((e) => e.eventId));
    for (const w of b.watch) check('bullet', w.text, [w.eventId]);

    // Questions: freshness where the day bears on them, status everywhere.
    for (const [qid, want] of Object.entries(day.questions)) {
      if (!want) continue;
      const got = b.questions.find((q) => q.id === qid);
      if (!got) continue;
      statusAll++;
      const statusRight = got.status === want.status;
      if (statusRight) statusOk++;
      else findings.push({ article: day.day, what: `${qid} status ${got.status}, labelled ${want.status}`, text: got.summary ?? '' });
      if (!want.bears) continue;
      bearing++;
      if (statusRight) statusOkBearing++;
      const snippets = [
        ...want.evidence,
        ...dayArticles.flatMap((a) => (a.label.onStory ? [...(a.label.questions[qid] ?? []), ...(a.label.borderline?.[qid] ?? [])] : [])),
      ];
      if (dayArticles.some((a) => sentencesOf(bodyText(a)).some((s) => s.length >= 30 && overlaps(got.summary, s)))) fromDay++;
      if (snippets.some((s) => overlaps(got.summary, s))) fresh++;
      else findings.push({ article: day.day, what: `${qid} line shows no evidence from the day (status ${got.status}, labelled ${want.status})`, text: got.summary });
    }

    for (const [probe, what] of offSentences)
      if (content.includes(probe)) {
        offHits.add(probe);
        findings.push({ article: day.day, what: 'off-story text in briefing', text: what });
      }
  }

  return {
    keyTermsBriefing: { n: termsB, of: termsAll },
    keyTermsLead3: { n: termsL, of: termsAll },
    keyTermsRatio: termsL === 0 ? null : termsB / termsL,
    defectiveLines: defective,
    emptyBriefings: { n: empty, of: input.days.filter((d) => results.has(d.day)).length },
    freshness: { n: fresh, of: bearing },
    questionLineFromDay: { n: fromDay, of: bearing },
    statusAccuracy: { n: statusOk, of: statusAll },
    statusAccuracyBearing: { n: statusOkBearing, of: bearing },
    offStoryText: offHits.size,
    findings,
  };
}
