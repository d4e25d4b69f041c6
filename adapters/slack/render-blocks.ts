import type { Briefing, Development, QuestionEvidence, QuestionState } from '../../src/briefing/types.js';
import type { CommandResult } from '../../src/commands/types.js';
import type { PostOptions } from '../../src/delivery/chat-adapter.js';
import type { QuestionStatus } from '../../src/records/schema.js';
import { escapeMrkdwn, fitEscaped, fitPlain, mrkdwnLink } from './mrkdwn.js';
import { missingSpeaker } from '../../src/render/attribution.js';
import { questionLine } from '../../src/render/question-line.js';

/** Slack's documented limits that the renderer designs for. */
export const SLACK_LIMITS = {
  blocks: 50,
  sectionText: 3000,
  headerText: 150,
  contextElements: 10,
  /** `text` is a notification fallback; Slack truncates beyond 40k but recommends ≤ 4000. */
  fallbackText: 3000,
} as const;

export interface TextObject {
  type: 'mrkdwn' | 'plain_text';
  text: string;
  emoji?: boolean;
}
export interface ButtonElement {
  type: 'button';
  action_id: string;
  text: { type: 'plain_text'; text: string; emoji?: boolean };
  value?: string;
  style?: 'primary' | 'danger';
  /** A confirmation dialog before the action is sent (plain text only). */
  confirm?: {
    title: { type: 'plain_text'; text: string };
    text: { type: 'plain_text'; text: string };
    confirm: { type: 'plain_text'; text: string };
    deny: { type: 'plain_text'; text: string };
    style?: 'primary' | 'danger';
  };
}
export type SlackBlock =
  | { type: 'header'; text: { type: 'plain_text'; text: string; emoji?: boolean } }
  | { type: 'section'; text: TextObject }
  | { type: 'context'; elements: TextObject[] }
  | { type: 'divider' }
  | { type: 'actions'; block_id?: string; elements: ButtonElement[] };

/** A message body ready for chat.postMessage or respond(). */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

export interface RenderOptions {
  /** Mark the briefing as a late catch-up. */
  delayed?: boolean;
  /** Blocks the caller will append (e.g. an actions block with a button): the renderer leaves room for them. */
  reserveBlocks?: number;
  /** The signed link to this briefing's page: briefings end with a "Full briefing" link (one section block). */
  pageUrl?: string;
}

const STATUS: Record<QuestionStatus, { emoji: string; label: string }> = {
  open: { emoji: ':large_blue_circle:', label: 'Open' },
  moved: { emoji: ':arrow_forward:', label: 'Moved' },
  resolved: { emoji: ':white_check_mark:', label: 'Resolved' },
  contested: { emoji: ':warning:', label: 'Contested' },
};

const MORE_HINT = '/sitrep brief';
/** Longest bullet text (escaped); a longer fact is cut at a sentence or word. */
const BULLET_MAX = 900;

/** Status emoji and label for a question status (also used by tests and other Slack views). */
export function statusBadge(status: QuestionStatus): string {
  const s = STATUS[status];
  return `${s.emoji} ${s.label}`;
}

/**
 * Rendered briefings by briefing object: interactive briefings are shared for a minute (src/briefing/memo.ts), so a
 * burst of `/sitrep` commands renders each one once. Callers must not mutate the returned message.
 */
const rendered = new WeakMap<Briefing, Map<string, SlackMessage>>();

function renderBriefingOnce(briefing: Briefing, options: RenderOptions): SlackMessage {
  const key = `${options.delayed === true}:${options.reserveBlocks ?? 0}:${options.pageUrl ?? ''}`;
  let byOptions = rendered.get(briefing);
  if (!byOptions) {
    byOptions = new Map();
    rendered.set(briefing, byOptions);
  }
  let message = byOptions.get(key);
  if (!message) {
    message = renderBriefing(briefing, options);
    byOptions.set(key, message);
  }
  return message;
}

/** Render any command result as a Slack message within Block Kit limits. */
export function renderResult(result: CommandResult, options: RenderOptions = {}): SlackMessage {
  switch (result.kind) {
    case 'briefing':
      return renderBriefingOnce(result.briefing, options);
    case 'questions':
      return renderQuestions(result.story, result.questions, result.generatedAt, options);
    case 'subscriptions':
      return renderText(result.text, options);
    case 'text':
      return renderText(result.text, options);
    case 'error':
      return renderError(result.message, result.usage);
  }
}

/** A usage/validation error: the message, then the usage line. */
export function renderError(message: string, usage: string): SlackMessage {
  const blocks: SlackBlock[] = [section(`:warning: ${fitEscaped(message, SLACK_LIMITS.sectionText - 12)}`)];
  if (usage.trim() !== '') blocks.push(section(fitEscaped(usage, SLACK_LIMITS.sectionText)));
  return { text: fitEscaped(`${message}\n${usage}`.trim(), SLACK_LIMITS.fallbackText), blocks };
}

/** Plain informational text, split into sections that each fit. */
export function renderText(text: string, options: RenderOptions = {}): SlackMessage {
  const budget = SLACK_LIMITS.blocks - (options.reserveBlocks ?? 0);
  const lines = text.split('\n').map((l) => fitEscaped(l, SLACK_LIMITS.sectionText - 200));
  const blocks = packLines(lines, budget, undefined, 0, '/sitrep help').blocks;
  return { text: fitEscaped(text, SLACK_LIMITS.fallbackText), blocks };
}

/**
 * The briefing as Block Kit: header, headline, developments, one section per question with status and
 * last change, "What to watch", sources. Within every limit whatever the input size: long text is cut at
 * sentence boundaries with "…" and overflow becomes an "N more — /sitrep brief" hint.
 */
export function renderBriefing(briefing: Briefing, options: RenderOptions = {}): SlackMessage {
  const delayed = options.delayed === true;
  const budget = SLACK_LIMITS.blocks - (options.reserveBlocks ?? 0);
  const focus = briefing.focus ? briefing.questions.find((q) => q.id === briefing.focus) : undefined;

  const head: SlackBlock[] = [
    header(`${briefing.story.title}${focus ? ` — ${focus.label}` : ''}${delayed ? ' (delayed)' : ''}`),
    context([windowLine(briefing, delayed)]),
  ];
  if (briefing.headline.trim() !== '') head.push(section(`*${fitEscaped(briefing.headline, SLACK_LIMITS.sectionText - 2)}*`));

  const tail: SlackBlock[] = [];
  if (briefing.watch.length > 0) tail.push(section(watchText(briefing)));
  const sources = sourcesContext(briefing);
  if (sources) tail.push(sources);
  const page = options.pageUrl !== undefined ? mrkdwnLink('Full briefing →', options.pageUrl) : '';
  if (page.startsWith('<')) tail.push(section(`*${page}* every development, and each question's timeline`));

  // Room for: head, tail, two dividers and one overflow hint.
  const room = Math.max(2, budget - head.length - tail.length - 3);

  // Questions first (they are the point of the briefing), developments take the rest.
  const questions = focus ? [focus] : briefing.questions;
  const questionRoom = focus ? Math.max(1, room - 1) : Math.min(questions.length, Math.max(1, Math.floor(room / 2)));
  // A question takes one section whatever its line says, so the blocks are counted before the bullets are packed,
  // and drawn after: a line may point to a bullet only when that bullet is among those that fit. A focused
  // question's blocks point to no bullet: they are drawn once, here.
  const focused = focus ? focusBlocks(focus, questionRoom) : undefined;
  const questionCount = focused?.length ?? questionSectionCount(questions.length, questionRoom);
  const devRoom = Math.max(1, room - questionCount);

  let devBlocks: SlackBlock[] = [];
  let shownDevelopments: Array<Development | undefined> = [];
  if (briefing.developments.length > 0) {
    const title = focus ? '*What happened in this window*' : '*What happened*';
    const packed = packLines(briefing.developments.map(developmentLine), devRoom, title, briefing.stats.developmentsOmitted);
    devBlocks = packed.blocks;
    // A bullet cut at its cap (developmentLine) holds its place but takes no pointer.
    shownDevelopments = briefing.developments.slice(0, briefing.developments.length - packed.omitted).map((d) => (fitEscaped(d.text, BULLET_MAX) === escapeMrkdwn(d.text) ? d : undefined));
  } else if (!briefing.window.fallback) {
    devBlocks = [section(`No new developments since ${formatDate(briefing.window.from)}.`)];
  }
  const questionBlocks = focused ?? questionSections(questions, questionRoom, false, shownDevelopments);

  const blocks: SlackBlock[] = [...head, ...devBlocks];
  if (questionBlocks.length > 0) blocks.push({ type: 'divider' }, ...questionBlocks);
  if (tail.length > 0) blocks.push({ type: 'divider' }, ...tail);

  return { text: briefingFallbackText(briefing, delayed), blocks: blocks.slice(0, budget) };
}

/** `/sitrep questions`: every tracked question with status, last change and the question itself. */
export function renderQuestions(
  story: { id: string; title: string },
  questions: readonly QuestionState[],
  generatedAt: string,
  options: RenderOptions = {},
): SlackMessage {
  const budget = SLACK_LIMITS.blocks - (options.reserveBlocks ?? 0);
  const head: SlackBlock[] = [header(`${story.title} — tracked questions`), context([`As of ${escapeMrkdwn(formatDateTime(generatedAt))}`])];
  const body = questionSections(questions, Math.max(1, budget - head.length), true);
  const lines = questions.map((q) => `${STATUS[q.status].label}: ${q.label}`);
  return {
    text: fitEscaped(`${story.title} — ${questions.length} tracked questions. ${lines.join('; ')}`, SLACK_LIMITS.fallbackText),
    blocks: [...head, ...body],
  };
}

// ---------------------------------------------------------------------------------------------------------

function header(text: string): SlackBlock {
  // plain_text is never parsed for mentions or links, so it needs no escaping, only the length cut.
  return { type: 'header', text: { type: 'plain_text', text: fitPlain(text, SLACK_LIMITS.headerText) || 'sitrep', emoji: true } };
}

function section(mrkdwn: string): SlackBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: mrkdwn.length > 0 ? mrkdwn : ' ' } };
}

/** Context elements from already-escaped mrkdwn strings; at most 10. */
function context(texts: readonly string[]): SlackBlock {
  const elements = texts
    .slice(0, SLACK_LIMITS.contextElements)
    .map((t): TextObject => ({ type: 'mrkdwn', text: t.length > SLACK_LIMITS.sectionText ? t.slice(0, SLACK_LIMITS.sectionText) : t }));
  return { type: 'context', elements };
}

function windowLine(b: Briefing, delayed: boolean): string {
  const parts = [escapeMrkdwn(`${formatDateTime(b.window.from)} → ${formatDateTime(b.window.to)}`)];
  if (b.window.fallback) parts.push('no new developments in this window: showing the latest');
  if (delayed) parts.push('*(delayed)*');
  return parts.join(' · ');
}

function developmentLine(d: Development): string {
  const text = fitEscaped(d.text, BULLET_MAX);
  const who = missingSpeaker(d.text, d.speaker);
  const attribution = who ? ` — ${fitEscaped(who, 80)}` : '';
  const links = d.sources
    .slice(0, 3)
    .map((s) => mrkdwnLink(s.name, s.url))
    .join(', ');
  const more = d.sourceCount > 1 ? ` · ${d.sourceCount} sources` : '';
  return `• ${text}${attribution} _(${formatDate(d.occurredAt)}${links ? `, ${links}` : ''}${more})_`;
}

/** How many sections {@link questionSections} draws: one a question, the last shared by those past the room. */
function questionSectionCount(questions: number, room: number): number {
  return questions === 0 || room <= 0 ? 0 : Math.min(questions, room);
}

/** `developments`: the bullets drawn above, in order (a question line that repeats one points to it instead). */
function questionSections(questions: readonly QuestionState[], room: number, withQuestionText = false, developments: ReadonlyArray<Development | undefined> = []): SlackBlock[] {
  if (questions.length === 0 || room <= 0) return [];
  const full = questions.length <= room ? questions : questions.slice(0, room - 1);
  const blocks = full.map((q) => section(questionText(q, withQuestionText, questions, developments)));
  const rest = questions.slice(full.length);
  if (rest.length > 0) {
    // Too many questions for the block budget: the remainder shares one compact section.
    const lines = rest.map((q) => `${STATUS[q.status].emoji} *${fitEscaped(q.label, 80)}* — ${STATUS[q.status].label}${changed(q)}`);
    blocks.push(...packLines(lines, 1, undefined, 0, '/sitrep questions').blocks);
  }
  return blocks;
}

function questionText(q: QuestionState, withQuestionText: boolean, all: readonly QuestionState[] = [q], developments: ReadonlyArray<Development | undefined> = []): string {
  const s = STATUS[q.status];
  const title = `${s.emoji} *${fitEscaped(q.label, 120)}* — ${s.label}${changed(q)}`;
  const parts = [title];
  if (withQuestionText) parts.push(`_${fitEscaped(q.question, 400)}_`);
  const line = questionLine(q, all, undefined, developments);
  if (line.trim() !== '') parts.push(fitEscaped(line, 1200));
  if (q.unknowns && q.unknowns.length > 0) parts.push(`Still unknown: ${fitEscaped(q.unknowns.slice(0, 3).join('; '), 600)}`);
  return fitJoined(parts, SLACK_LIMITS.sectionText);
}

function changed(q: QuestionState): string {
  if (!q.lastChangedAt) return ' · no news yet';
  const since = q.changedInWindow && q.previousStatus && q.previousStatus !== q.status ? ` (was ${STATUS[q.previousStatus].label})` : '';
  return ` · changed ${formatDate(q.lastChangedAt)}${since}`;
}

/** One question in depth: status, summary, then its evidence timeline (newest first). */
function focusBlocks(q: QuestionState, room: number): SlackBlock[] {
  const blocks: SlackBlock[] = [section(questionText(q, true))];
  if (q.evidence.length > 0 && room > 1) {
    const packed = packLines(q.evidence.map(evidenceLine), room - 1, '*Evidence timeline*');
    blocks.push(...packed.blocks);
  }
  return blocks;
}

function evidenceLine(e: QuestionEvidence): string {
  return `• ${formatDate(e.at)} · ${STATUS[e.status].emoji} ${fitEscaped(e.text, 900)} _(${mrkdwnLink(e.source, e.url)})_`;
}

function watchText(b: Briefing): string {
  const lines = b.watch.map((w) => {
    const due = w.due ? ` _(due ${formatDate(w.due)})_` : '';
    const source = w.source ? ` — ${fitEscaped(w.source, 80)}` : '';
    const who = missingSpeaker(w.text, w.speaker);
    return `• ${fitEscaped(w.text, 600)}${who ? ` (${fitEscaped(who, 80)})` : ''}${due}${source}`;
  });
  return packLines(lines, 1, '*What to watch*').blocks.map((blk) => (blk.type === 'section' ? blk.text.text : ''))[0] ?? '*What to watch*';
}

function sourcesContext(b: Briefing): SlackBlock | undefined {
  if (b.sources.length === 0) return undefined;
  const max = SLACK_LIMITS.contextElements;
  const shown = b.sources.length <= max - 1 ? b.sources : b.sources.slice(0, max - 2);
  const elements = ['Sources:', ...shown.map((s) => mrkdwnLink(s.name, s.url))];
  if (shown.length < b.sources.length) elements.push(`+${b.sources.length - shown.length} more`);
  return context(elements);
}

function briefingFallbackText(b: Briefing, delayed: boolean): string {
  const parts = [`${b.story.title}${delayed ? ' (delayed)' : ''}: ${b.headline}`];
  if (b.developments.length > 0) parts.push(`${b.developments.length} development${b.developments.length === 1 ? '' : 's'}`);
  else if (!b.window.fallback) parts.push(`no new developments since ${formatDate(b.window.from)}`);
  const moved = b.questions.filter((q) => q.changedInWindow).length;
  if (moved > 0) parts.push(`${moved} question${moved === 1 ? '' : 's'} changed`);
  return fitEscaped(parts.join(' · '), SLACK_LIMITS.fallbackText);
}

/**
 * Pack already-escaped lines into at most `maxBlocks` sections of ≤ 3000 chars, the first starting with `title`.
 * When lines don't fit (plus `alreadyOmitted` dropped upstream), the last section ends with "…and N more — /sitrep brief".
 */
function packLines(
  lines: readonly string[],
  maxBlocks: number,
  title: string | undefined,
  alreadyOmitted = 0,
  moreHint = MORE_HINT,
): { blocks: SlackBlock[]; omitted: number } {
  const max = SLACK_LIMITS.sectionText;
  const texts: string[] = [];
  let current = title ?? '';
  let used = 0;
  for (const raw of lines) {
    // A single line never exceeds a section on its own.
    const line = raw.length > max - 200 ? cutMrkdwnLine(raw, max - 200) : raw;
    const candidate = current === '' ? line : `${current}\n${line}`;
    if (candidate.length <= max) {
      current = candidate;
      used += 1;
      continue;
    }
    if (texts.length + 1 >= maxBlocks) break;
    texts.push(current);
    current = line;
    used += 1;
  }
  let omitted = lines.length - used;
  if (omitted + alreadyOmitted > 0) {
    const hintFor = (n: number) => `_…and ${n} more — ${moreHint}_`;
    while (current.length + hintFor(omitted + alreadyOmitted + 1).length + 1 > max && current.includes('\n')) {
      current = current.slice(0, current.lastIndexOf('\n'));
      omitted += 1;
    }
    const hint = hintFor(omitted + alreadyOmitted);
    current = current === '' ? hint : `${current}\n${hint}`;
  }
  if (current !== '') texts.push(current);
  return { blocks: texts.map((t) => section(t)), omitted };
}

/** Emergency cut for an over-long composed line: drop whole trailing parts rather than split an entity or link. */
function cutMrkdwnLine(line: string, max: number): string {
  let out = line.slice(0, max);
  const lastAmp = out.lastIndexOf('&');
  if (lastAmp > out.length - 6 && !out.slice(lastAmp).includes(';')) out = out.slice(0, lastAmp);
  const open = out.lastIndexOf('<');
  if (open > out.lastIndexOf('>')) out = out.slice(0, open);
  return `${out.trimEnd()}…`;
}

/** Join already-escaped parts with newlines, dropping trailing parts that don't fit. */
function fitJoined(parts: readonly string[], max: number): string {
  let out = '';
  for (const p of parts) {
    const next = out === '' ? p : `${out}\n${p}`;
    if (next.length > max) break;
    out = next;
  }
  return out === '' ? cutMrkdwnLine(parts[0] ?? '', max - 1) : out;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `19 May 2025` (UTC); the raw text when it isn't a date. */
export function formatDate(iso: string): string {
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** `19 May 2025 14:05 UTC`. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${formatDate(iso)} ${hh}:${mm} UTC`;
}
