import type { Briefing } from '../briefing/types.js';
import type { CommandResult } from '../commands/types.js';
import { formatDay, STATUS_LABEL } from './dates.js';
import { outline } from './outline.js';
import { plain, safeUrl } from './sanitize.js';
import { assemble } from './assemble.js';
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
 * The briefing as plain text, at most `limit` characters: each section gets a budget and is cut at a
 * sentence or line boundary with a "more" hint, so a long briefing shrinks instead of failing.
 */
export function renderText(b: Briefing, opts: TextOptions = {}): string {
  const limit = opts.limit ?? TEXT_LIMIT;
  const o = outline(b, opts);
  const head = [o.title.toUpperCase(), o.subtitle].map(plain);
  const sections: Array<{ lines: string[]; floor: number }> = [];
  const intro: string[] = [];
  if (o.headline) intro.push(plain(o.headline));
  if (o.notice) intro.push(o.notice);
  sections.push({ lines: intro, floor: 120 });
  if (o.developments.length > 0) {
    const lines = o.developments.map((d) => `• ${plain(d.text)}${refs(d.refs)}`);
    if (o.moreDevelopments > 0) lines.push(`  (+${o.moreDevelopments} more not shown; /sitrep brief <question> for detail)`);
    sections.push({ lines: ['WHAT HAPPENED', ...lines], floor: 500 });
  }
  if (o.questions.length > 0) {
    sections.push({
      lines: [
        'OPEN QUESTIONS',
        ...o.questions.map((q) => `• ${plain(q.label)}: ${q.status.toUpperCase()}${q.since ? ` since ${q.since}` : ''}${q.changed ? ` (${q.changed})` : ''} — ${plain(q.summary)}`),
      ],
      floor: 600,
    });
    const unknown = o.questions.flatMap((q) => q.unknowns.slice(0, 2).map((u) => `• ${plain(q.label)}: ${plain(u)}`));
    if (b.focus !== undefined && unknown.length > 0) sections.push({ lines: ['STILL UNKNOWN', ...unknown], floor: 150 });
  }
  if (o.evidence.length > 0)
    sections.push({ lines: ['TIMELINE', ...o.evidence.map((e) => `• ${e.at} ${e.status.toUpperCase()} — ${plain(e.text)} (${plain(e.source)})`)], floor: 400 });
  if (o.watch.length > 0) sections.push({ lines: ['WHAT TO WATCH', ...o.watch.map((w) => `• ${plain(w.text)}${w.due ? ` (due ${w.due})` : ''}${refs(w.refs)}`)], floor: 200 });
  if (o.sources.length > 0) sections.push({
      lines: ['SOURCES', ...o.sources.map((s) => {
        const url = safeUrl(s.url);
        return `[${s.n}] ${plain(s.name)}${url ? ` <${url}>` : ''}`;
      })],
      floor: 200,
    });
  return assemble(head.join('\n'), sections, limit, (n) => `  (+${n} more)`);
}

/** Tracked questions only, for `/sitrep questions`. */
export function renderQuestionsText(result: Extract<CommandResult, { kind: 'questions' }>): string {
  const lines = result.questions.map(
    (q) =>
      `• ${plain(q.label)} (${q.id}): ${STATUS_LABEL[q.status].toUpperCase()}${q.lastChangedAt ? `, last changed ${formatDay(q.lastChangedAt)}` : ', no change recorded'} — ${plain(q.summary)}`,
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
