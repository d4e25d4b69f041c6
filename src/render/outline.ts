import type { Briefing, Development, QuestionState } from '../briefing/types.js';
import { withSpeaker } from './attribution.js';
import { formatDay, formatMoment, STATUS_LABEL } from './dates.js';
import { pointable, questionLine } from './question-line.js';

/**
 * The reading order every renderer follows, as plain strings before any platform formatting.
 * Sources are numbered once and cited by number, so each bullet stays short and traceable.
 */
export interface BriefingOutline {
  title: string;
  /** "20 May 2025, 07:00 UTC · since 19 May 2025, 07:00 UTC" */
  subtitle: string;
  /** Top development's record title; absent when there is nothing to report. */
  headline?: string;
  /** Sources of the headline when it is the lead development itself (which is then no bullet). */
  headlineRefs?: number[];
  /** A line explaining an empty window or a fallback ("No new developments since …"). */
  notice?: string;
  developments: Array<{ text: string; refs: number[] }>;
  moreDevelopments: number;
  questions: Array<{
    label: string;
    status: string;
    rawStatus: QuestionState['status'];
    since?: string;
    summary: string;
    changed?: string;
    unknowns: string[];
    refs: number[];
    /** The summary is evidence from before the window (nothing new on the question in it). */
    stale: boolean;
    /** The day of the newest evidence ("23 Nov 2025"), for a short line on a question with nothing new. */
    lastEvidence?: string;
    /**
     * The day of the line's own report when it is newer than the status ("MOVED since 19 May 2025, latest 6 Jan 2026"):
     * a new report of the same status changes nothing, but the reader should not take the line for May's.
     */
    latest?: string;
  }>;
  evidence: Array<{ text: string; at: string; status: string; source: string; url?: string }>;
  watch: Array<{ text: string; due?: string; refs: number[] }>;
  sources: Array<{ n: number; name: string; url?: string }>;
}

/** The days of the latest developments a briefing shows for an empty window, each once (none for a window's own news). */
export function fallbackDays(b: Briefing, timeZone = 'UTC'): string[] {
  return b.window.fallback ? [...new Set(b.developments.map((d) => formatDay(d.occurredAt, timeZone)))] : [];
}

/** Build the outline of a briefing; `delayed` marks a catch-up delivery. */
export function outline(
  b: Briefing,
  opts: {
    delayed?: boolean;
    timeZone?: string;
    brief?: ReadonlySet<string>;
    /** The bullets a question line may point to (default: every bullet of an overview, see `pointable`). */
    pointTo?: ReadonlyArray<Development | undefined>;
  } = {},
): BriefingOutline {
  const tz = opts.timeZone ?? 'UTC';
  const sources: BriefingOutline['sources'] = [];
  const refOf = (name: string, url?: string): number => {
    // Another article of the same outlet is another source: only a reference without its address (a thing to watch
    // names its outlet alone) goes to the outlet's first one. (The White House's March statement had been cited as its
    // December readout, the one numbered first.)
    const found = sources.find((s) => s.name === name && s.url === url) ?? (url === undefined ? sources.find((s) => s.name === name) : undefined);
    if (found) return found.n;
    const entry = { n: sources.length + 1, name, ...(url !== undefined ? { url } : {}) };
    sources.push(entry);
    return entry.n;
  };
  const bullets = b.developments.map((d) => {
    return { text: withSpeaker(d.text, d.speaker), refs: [...new Set(d.sources.map((s) => refOf(s.name, s.url)))].sort((x, y) => x - y) };
  });
  // The latest developments shown for an empty window may be weeks or years old: the notice says their day, or each
  // says its own when they are of several.
  const days = fallbackDays(b, tz);
  const dated = days.length > 1 ? bullets.map((x, i) => ({ ...x, text: `${formatDay(b.developments[i]?.occurredAt ?? b.window.from, tz)}: ${x.text}` })) : bullets;
  // A lead fact with no headline of its own is the headline (see headlineFor): the headline line is that bullet, cited,
  // and the bullets start with the second, so the reader does not meet the sentence twice.
  const leadIsHeadline = b.developments[0] !== undefined && wholeSentence(b.headline, b.developments[0].text);
  const developments = leadIsHeadline ? dated.slice(1) : dated;
  const pointTo = opts.pointTo ?? (leadIsHeadline ? pointable(b).slice(1) : pointable(b));
  // Numbered in reading order: bullets, then the question lines' evidence, then what to watch.
  const questionRefs = b.questions.map((q) => (q.summarySource && !(opts.brief?.has(q.id) ?? false) ? [refOf(q.summarySource.name, q.summarySource.url)] : []));
  const watch = b.watch.map((w) => ({ text: withSpeaker(w.text, w.speaker), ...(w.due !== undefined ? { due: formatDay(w.due, tz) } : {}), refs: w.source !== undefined ? [refOf(w.source)] : [] }));
  const focusQ = b.focus !== undefined ? b.questions.find((q) => q.id === b.focus) : undefined;

  let notice: string | undefined;
  if (b.developments.length === 0) {
    notice = `No new developments since ${formatMoment(b.window.from, tz)}.`;
  } else if (b.window.fallback) {
    notice = `Nothing new since ${formatMoment(b.window.from, tz)}; ${days.length === 1 ? `the latest developments are from ${days[0]}` : 'these are the latest developments'}.`;
  }
  const title = `${b.story.title}${focusQ ? ` — ${focusQ.label}` : ''}${opts.delayed ? ' (delayed)' : ''}`;
  const out: BriefingOutline = {
    title,
    subtitle: `${formatMoment(b.generatedAt, tz)} · since ${formatMoment(b.window.from, tz)}`,
    developments,
    moreDevelopments: b.stats.developmentsOmitted,
    questions: b.questions.map((q, i) => ({
      label: q.label,
      status: STATUS_LABEL[q.status],
      rawStatus: q.status,
      ...(q.lastChangedAt !== null ? { since: formatDay(q.lastChangedAt, tz) } : {}),
      summary: questionLine(q, b.questions, (id) => !(opts.brief?.has(id) ?? false), pointTo),
      ...(q.changedInWindow && q.previousStatus !== undefined ? { changed: `was ${STATUS_LABEL[q.previousStatus]}` } : {}),
      unknowns: q.unknowns ?? [],
      refs: questionRefs[i] ?? [],
      stale: q.summaryAt !== undefined && q.summaryAt < b.window.from,
      // (The newest evidence, first in the list: the summary's own report or a later one no line could quote.)
      ...(q.summaryAt !== undefined ? { lastEvidence: formatDay(q.evidence[0]?.at ?? q.summaryAt, tz) } : {}),
      ...(q.summaryAt !== undefined && q.lastChangedAt !== null && formatDay(q.summaryAt, tz) !== formatDay(q.lastChangedAt, tz) && q.summaryAt > q.lastChangedAt
        ? { latest: formatDay(q.summaryAt, tz) }
        : {}),
    })),
    evidence: focusQ
      ? focusQ.evidence.map((e) => ({ text: e.text, at: formatDay(e.at, tz), status: STATUS_LABEL[e.status], source: e.source, ...(e.url !== undefined ? { url: e.url } : {}) }))
      : [],
    watch,
    sources,
  };
  if (b.developments.length > 0) out.headline = b.headline;
  if (leadIsHeadline && bullets[0]) {
    out.headline = bullets[0].text;
    out.headlineRefs = bullets[0].refs;
  }
  if (notice !== undefined) out.notice = notice;
  return out;
}

/** The headline is the whole sentence of a fact, less its full stop (not a title, nor a cut at a clause). */
function wholeSentence(headline: string, fact: string): boolean {
  const h = headline.trim();
  const f = fact.trim();
  return h.length > 0 && (h === f || h === f.replace(/\.(["”’]?)$/, '$1'));
}
