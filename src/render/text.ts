import type { Briefing } from '../briefing/types.js';
import type { CommandResult } from '../commands/types.js';
import { formatDay, STATUS_LABEL } from './dates.js';
import { outline } from './outline.js';
import { quietLine, summaryLine } from './question-line.js';
import { plain, safeUrl } from './sanitize.js';
import { fitBriefing } from './fit.js';
import { truncateAtSentence } from './truncate.js';

/** Hard cap of the plain-text briefing (fits a chat message or a terminal screen). */
export const TEXT_LIMIT = 2000;

export interface TextOptions {
  delayed?: boolean;
  timeZone?: string;
  /** Total characters (default 2,000). */
  limit?: number;
}

const refs = (ns: number[]) => (ns.length > 0 ? ` [${ns.join(',')}]` : '');

/**
 * The briefing as plain text, at most `limit` characters. Lines are never cut: whole bullets are added in rank order
 * while they fit (the open questions and the sources always stay), and what is left out is counted in a hint.
 * Each question line ends with its evidence's source, numbered with the bullets' sources.
 */
export function renderText(b: Briefing, opts: TextOptions = {}): string {
  const limit = opts.limit ?? TEXT_LIMIT;
  const out = fitBriefing(b, ({ briefing, links, brief }) => textOf(briefing, opts, links, brief), limit);
  return truncateAtSentence(out, limit);
}

function textOf(b: Briefing, opts: TextOptions, links: boolean, brief: ReadonlySet<string>): string {
  const o = outline(b, { ...opts, brief });
  const ids = b.questions.map((q) => q.id);
  const head = [o.title.toUpperCase(), o.subtitle].map(plain);
  const sections: string[][] = [];
  const intro: string[] = [];
  if (o.headline) intro.push(`${plain(o.headline)}${refs(o.headlineRefs ?? [])}`);
  if (o.notice) intro.push(o.notice);
  if (intro.length > 0) sections.push(intro);
  if (o.developments.length > 0 || o.moreDevelopments > 0) {
    const lines = o.developments.map((d) => `• ${plain(d.text)}${refs(d.refs)}`);
    if (o.moreDevelopments > 0) lines.push(`  (+${o.moreDevelopments} more: /sitrep brief <question>)`);
    sections.push(['WHAT HAPPENED', ...lines]);
  }
  if (o.questions.length > 0) {
    sections.push([
      'OPEN QUESTIONS',
      ...o.questions.map((q, i) => {
        const head = `• ${plain(q.label)}: ${q.status.toUpperCase()}${q.since ? ` since ${q.since}` : ''}${q.changed ? ` (${q.changed})` : ''}`;
        return brief.has(ids[i] ?? '') ? `${head}; ${quietLine(q.lastEvidence, q.since)}` : `${head}${q.latest ? `, latest ${q.latest}` : ''} — ${plain(q.summary)}${refs(q.refs)}`;
      }),
    ]);
    const unknown = o.questions.flatMap((q) => q.unknowns.slice(0, 2).map((u) => `• ${plain(q.label)}: ${plain(u)}`));
    if (b.focus !== undefined && unknown.length > 0) sections.push(['STILL UNKNOWN', ...unknown]);
  }
  if (o.evidence.length > 0) sections.push(['TIMELINE', ...o.evidence.map((e) => `• ${e.at} ${e.status.toUpperCase()} — ${plain(e.text)} (${plain(e.source)})`)]);
  if (o.watch.length > 0) sections.push(['WHAT TO WATCH', ...o.watch.map((w) => `• ${plain(w.text)}${w.due ? ` (due ${w.due})` : ''}${refs(w.refs)}`)]);
  if (o.sources.length > 0)
    sections.push([
      'SOURCES',
      ...o.sources.map((s) => {
        const url = links ? safeUrl(s.url) : undefined;
        return `[${s.n}] ${plain(s.name)}${url ? ` <${url}>` : ''}`;
      }),
    ]);
  return [head.join('\n'), ...sections.map((s) => s.join('\n'))].join('\n\n');
}

/** Tracked questions only, for `/sitrep questions`. */
export function renderQuestionsText(result: Extract<CommandResult, { kind: 'questions' }>): string {
  const lines = result.questions.map(
    (q) =>
      `• ${plain(q.label)} (${q.id}): ${STATUS_LABEL[q.status].toUpperCase()}${q.lastChangedAt ? `, last changed ${formatDay(q.lastChangedAt)}` : ', no change recorded'} — ${plain(summaryLine(q))}`,
  );
  return truncateAtSentence([`QUESTIONS · ${plain(result.story.title)}`, ...lines].join('\n'), TEXT_LIMIT);
}

/** Any command result as plain text (console adapter, CLI). */
export function renderResultText(result: CommandResult, opts: TextOptions = {}): string {
  switch (result.kind) {
    case 'briefing':
      return renderText(result.briefing, opts);
    case 'questions':
      return renderQuestionsText(result);
    case 'subscriptions':
      return plain(result.text);
    case 'text':
      return result.text;
    case 'error':
      return `${result.message}\nUsage: ${result.usage}`;
  }
}
