import type { Briefing, Development, QuestionState } from '../briefing/types.js';
import { missingSpeaker } from './attribution.js';
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
  }>;
  evidence: Array<{ text: string; at: string; status: string; source: string; url?: string }>;
  watch: Array<{ text: string; due?: string; refs: number[] }>;
  sources: Array<{ n: number; name: string; url?: string }>;
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
    const found = sources.find((s) => s.name === name && s.url === url) ?? sources.find((s) => s.name === name);
    if (found) return found.n;
    const entry = { n: sources.length + 1, name, ...(url !== undefined ? { url } : {}) };
    sources.push(entry);
    return entry.n;
  };
  const developments = b.developments.map((d) => {
    const who = missingSpeaker(d.text, d.speaker);
    return { text: who ? `${d.text} (${who})` : d.text, refs: [...new Set(d.sources.map((s) => refOf(s.name, s.url)))].sort((x, y) => x - y) };
  });
  // Numbered in reading order: bullets, then the question lines' evidence, then what to watch.
  const questionRefs = b.questions.map((q) => (q.summarySource && !(opts.brief?.has(q.id) ?? false) ? [refOf(q.summarySource.name, q.summarySource.url)] : []));
  const watch = b.watch.map((w) => ({ text: w.text, ...(w.due !== undefined ? { due: formatDay(w.due, tz) } : {}), refs: w.source !== undefined ? [refOf(w.source)] : [] }));
  const focusQ = b.focus !== undefined ? b.questions.find((q) => q.id === b.focus) : undefined;

  let notice: string | undefined;
  if (b.developments.length === 0) {
    notice = `No new developments since ${formatMoment(b.window.from, tz)}.`;
  } else if (b.window.fallback) {
    notice = `Nothing new since ${formatMoment(b.window.from, tz)}; these are the latest developments.`;
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
      summary: questionLine(q, b.questions, (id) => !(opts.brief?.has(id) ?? false), opts.pointTo ?? pointable(b)),
      ...(q.changedInWindow && q.previousStatus !== undefined ? { changed: `was ${STATUS_LABEL[q.previousStatus]}` } : {}),
      unknowns: q.unknowns ?? [],
      refs: questionRefs[i] ?? [],
      stale: q.summaryAt !== undefined && q.summaryAt < b.window.from,
      ...(q.summaryAt !== undefined ? { lastEvidence: formatDay(q.summaryAt, tz) } : {}),
    })),
    evidence: focusQ
      ? focusQ.evidence.map((e) => ({ text: e.text, at: formatDay(e.at, tz), status: STATUS_LABEL[e.status], source: e.source, ...(e.url !== undefined ? { url: e.url } : {}) }))
      : [],
    watch,
    sources,
  };
  if (b.developments.length > 0) out.headline = b.headline;
  if (notice !== undefined) out.notice = notice;
  return out;
}
