import type { Briefing, Development } from '../briefing/types.js';
import { bulletOf, pointable, quietLine } from './question-line.js';
import { outline } from './outline.js';
import { escapeMarkdown, safeUrl } from './sanitize.js';
import { assemble } from './assemble.js';
import { fitBriefing } from './fit.js';
import { truncateAtSentence } from './truncate.js';

export interface MarkdownOptions {
  delayed?: boolean;
  timeZone?: string;
  /** Total characters (default 4,000). */
  limit?: number;
}

/** The briefing as CommonMark. Source text is escaped, so it can add no links, emphasis or mentions. */
export function renderMarkdown(b: Briefing, opts: MarkdownOptions = {}): string {
  const limit = opts.limit ?? 4000;
  // Whole bullets while they fit (see fitBriefing); the section budgets below are the last guard.
  return fitBriefing(b, ({ briefing, links, brief }) => markdownOf(briefing, opts, limit, links, brief), limit);
}

/**
 * The section budgets can still leave bullets out (`assemble`), and a question line may point only to a bullet that is
 * drawn, counted among those drawn: draw, see which bullets made it, and draw again pointing only among those until
 * the two agree (after a few passes, no pointer: every line in full).
 */
function markdownOf(b: Briefing, opts: MarkdownOptions, limit: number, links: boolean, brief: ReadonlySet<string>): string {
  // First pass: the outline's own choice (every bullet, less a lead that is the headline).
  let pointTo: ReadonlyArray<Development | undefined> | undefined;
  for (let pass = 0; ; pass++) {
    const out = markdownOnce(b, opts, limit, links, brief, pass < 3 ? pointTo : []);
    if (pass >= 3 || !b.questions.some((q) => bulletOf(q, pointTo ?? pointable(b)) >= 0)) return out;
    // A bullet cut to fit holds its place (its start is drawn) but takes no pointer.
    const drawn = b.developments
      .filter((d) => out.includes(`\n- ${escapeMarkdown(d.text).slice(0, 40)}`))
      .map((d) => (out.includes(`\n- ${escapeMarkdown(d.text)}`) ? d : undefined));
    const asked = pointTo;
    if (asked !== undefined && drawn.length === asked.length && drawn.every((d, i) => d === asked[i])) return out;
    pointTo = drawn;
  }
}

function markdownOnce(
  b: Briefing,
  opts: MarkdownOptions,
  limit: number,
  links: boolean,
  brief: ReadonlySet<string>,
  pointTo: ReadonlyArray<Development | undefined> | undefined,
): string {
  const o = outline(b, { ...opts, brief, ...(pointTo !== undefined ? { pointTo } : {}) });
  const ids = b.questions.map((q) => q.id);
  const e = escapeMarkdown;
  const cite = (ns: number[]) => (ns.length > 0 ? ` ${ns.map((n) => `[${n}]`).join('')}` : '');
  const sections: Array<{ lines: string[]; floor: number }> = [];
  const intro: string[] = [];
  if (o.headline) intro.push(`**${e(o.headline)}**${cite(o.headlineRefs ?? [])}`);
  if (o.notice) intro.push(`_${e(o.notice)}_`);
  sections.push({ lines: intro, floor: 120 });
  if (o.developments.length > 0) {
    const lines = o.developments.map((d) => `- ${e(d.text)}${cite(d.refs)}`);
    if (o.moreDevelopments > 0) lines.push(`- _+${o.moreDevelopments} more not shown; \`/sitrep brief <question>\` for detail_`);
    sections.push({ lines: ['### What happened', ...lines], floor: 500 });
  }
  if (o.questions.length > 0)
    sections.push({
      lines: [
        '### Open questions',
        ...o.questions.map((q, i) => {
          const head = `- **${e(q.label)}** — ${q.status}${q.since ? ` since ${q.since}` : ''}${q.changed ? ` (${q.changed})` : ''}`;
          return brief.has(ids[i] ?? '') ? `${head}; ${quietLine(q.lastEvidence, q.since)}` : `${head}${q.latest ? `, latest ${q.latest}` : ''}: ${e(q.summary)}${cite(q.refs)}`;
        }),
      ],
      floor: 600,
    });
  if (o.evidence.length > 0) sections.push({ lines: ['### Timeline', ...o.evidence.map((ev) => `- ${ev.at} · ${ev.status}: ${e(ev.text)} (${e(ev.source)})`)], floor: 400 });
  if (o.watch.length > 0) sections.push({ lines: ['### What to watch', ...o.watch.map((w) => `- ${e(w.text)}${w.due ? ` (due ${w.due})` : ''}${cite(w.refs)}`)], floor: 200 });
  if (o.sources.length > 0)
    sections.push({
      lines: [
        '### Sources',
        ...o.sources.map((s) => {
          const url = links ? safeUrl(s.url) : undefined;
          return url ? `${s.n}. [${e(s.name)}](<${url}>)` : `${s.n}. ${e(s.name)}`;
        }),
      ],
      floor: 200,
    });
  const out = assemble(`## ${e(o.title)}\n_${e(o.subtitle)}_`, sections, limit, (n) => `- _+${n} more_`);
  return truncateAtSentence(out, limit);
}
