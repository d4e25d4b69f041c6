import type { Briefing, Development, QuestionState } from '../../src/briefing/types.js';
import type { CommandResult } from '../../src/commands/types.js';
import type { QuestionStatus } from '../../src/records/schema.js';
import { fitLines, fitWholeLines, truncateAtSentence } from '../../src/render/truncate.js';
import { bulletOf, questionLine, summaryLine } from '../../src/render/question-line.js';
import { safeUrl } from '../../src/render/sanitize.js';
import { missingSpeaker } from '../../src/render/attribution.js';
import { formatDay } from '../../src/render/dates.js';
import { fallbackDays } from '../../src/render/outline.js';

/** Discord's message and embed limits (characters). */
export const DISCORD_LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  total: 6000,
} as const;

export interface DiscordEmbed {
  title?: string;
  /** Makes the title a link. */
  url?: string;
  description?: string;
  color?: number;
  timestamp?: string;
  footer?: { text: string };
  fields?: Array<{ name: string; value: string; inline?: boolean }>;
}

/** A message component (buttons, selects) as Discord's JSON. */
export type DiscordComponent = Record<string, unknown>;

/** What a message or interaction reply carries, before `allowed_mentions`/flags are added. */
export interface DiscordMessage {
  content: string;
  embeds: DiscordEmbed[];
  /** Action rows (review buttons); absent on briefings. */
  components?: DiscordComponent[];
}

export interface RenderedReply extends DiscordMessage {
  ephemeral: boolean;
}

const STATUS_COLOUR: Record<QuestionStatus, number> = {
  open: 0x95a5a6,
  moved: 0xf1c40f,
  resolved: 0x2ecc71,
  contested: 0xe74c3c,
};
const NEUTRAL_COLOUR = 0x5865f2;
const STATUS_MARK: Record<QuestionStatus, string> = { open: '⚪', moved: '🟡', resolved: '🟢', contested: '🔴' };
// When several questions changed, the embed takes the colour of the most consequential change.
const COLOUR_PRIORITY: readonly QuestionStatus[] = ['contested', 'moved', 'resolved', 'open'];

/** Longest bullet text (escaped); a longer fact is cut at a sentence or word. */
const BULLET_MAX = 600;
const MORE_HINT = (n: number) => `*…and ${n} more — \`/sitrep brief\`*`;

/**
 * Escape the Discord markdown that could change how untrusted text reads: emphasis, code, spoilers, masked
 * links (`[x](y)`), and headers / quotes / subtext at a line start. Mentions are left as typed: the
 * message's `allowed_mentions: { parse: [] }` is what keeps them from pinging.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\*_~`|[\]]/g, (c) => `\\${c}`)
    .replace(/^(\s*)(#|>|-#)/, '$1\\$2');
}

/** A masked link when `url` is http(s), else the escaped name alone. */
export function sourceLink(name: string, url: string | undefined): string {
  const label = escapeMarkdown(name);
  const safe = safeUrl(url);
  return safe ? `[${label}](${safe})` : label;
}

/** Discord timestamp markup, shown in each reader's own time zone (only in descriptions and field values). */
export function discordTime(iso: string, style: 'd' | 'f' | 'R' = 'f'): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : `<t:${Math.floor(ms / 1000)}:${style}>`;
}

/** Characters that count toward Discord's 6,000 total (title, description, field names/values, footer). */
export function embedChars(embed: DiscordEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/** Every Discord limit a message breaks (empty when it is postable). Used by tests and as a last guard. */
export function limitViolations(message: DiscordMessage): string[] {
  const v: string[] = [];
  const L = DISCORD_LIMITS;
  if (message.content.length > L.content) v.push(`content ${message.content.length} > ${L.content}`);
  if (message.content.length === 0 && message.embeds.length === 0) v.push('empty message');
  if (message.embeds.length > L.embeds) v.push(`embeds ${message.embeds.length} > ${L.embeds}`);
  let total = 0;
  message.embeds.forEach((e, i) => {
    if ((e.title?.length ?? 0) > L.title) v.push(`embed ${i} title > ${L.title}`);
    if ((e.description?.length ?? 0) > L.description) v.push(`embed ${i} description > ${L.description}`);
    if ((e.footer?.text.length ?? 0) > L.footer) v.push(`embed ${i} footer > ${L.footer}`);
    if ((e.fields?.length ?? 0) > L.fields) v.push(`embed ${i} fields > ${L.fields}`);
    (e.fields ?? []).forEach((f, j) => {
      if (f.name.length === 0 || f.name.length > L.fieldName) v.push(`embed ${i} field ${j} name length ${f.name.length}`);
      if (f.value.length === 0 || f.value.length > L.fieldValue) v.push(`embed ${i} field ${j} value length ${f.value.length}`);
    });
    total += embedChars(e);
  });
  if (total > L.total) v.push(`total ${total} > ${L.total}`);
  return v;
}

export interface BriefingRenderOptions {
  /** A catch-up after downtime. */
  delayed?: boolean;
  /** The signed link to this briefing's page: the title links to it and the description ends with "Full briefing". */
  pageUrl?: string;
}

/** A briefing as one channel message: a short `content` line plus one embed within every Discord limit. */
export function renderBriefing(briefing: Briefing, options: BriefingRenderOptions = {}): DiscordMessage {
  const focus = briefing.focus !== undefined ? briefing.questions.find((q) => q.id === briefing.focus) : undefined;
  const lead = briefing.headline.trim().length > 0 ? briefing.headline : briefing.story.title;
  const content = truncateAtSentence(`${options.delayed ? '(delayed) ' : ''}${escapeMarkdown(lead)}`, 300);
  if (focus) return { content, embeds: [fitTotal(withPageLink(focusEmbed(briefing, focus, options), options.pageUrl))] };
  // A question line that repeats a bullet points to it ("the fifth development"), which holds only when that bullet is
  // in the description, counted among those drawn. The fields are sized before the description, so: draw, see which
  // bullets made it, and draw again pointing only among those until the two agree (after a few passes, no pointer:
  // every line in full, as without this).
  const lines = developmentLines(briefing);
  // A bullet cut at its cap (developmentLines) holds its place but takes no pointer.
  const whole = (d: Development) => (escapeMarkdown(d.text).length <= BULLET_MAX ? d : undefined);
  let pointTo: ReadonlyArray<Development | undefined> = briefing.developments.map(whole);
  for (let pass = 0; ; pass++) {
    const embed = fitTotal(withPageLink(overviewEmbed(briefing, options, pass < 4 ? pointTo : []), options.pageUrl));
    const drawn = briefing.developments.filter((_, i) => embed.description?.includes(lines[i] as string) === true).map(whole);
    const agree = drawn.length === pointTo.length && drawn.every((d, i) => d === pointTo[i]);
    if (agree || pass >= 4 || !briefing.questions.some((q) => bulletOf(q, pointTo) >= 0)) return { content, embeds: [embed] };
    pointTo = drawn;
  }
}

/** The "Full briefing" link: its characters come out of the description's budget, so every limit still holds. */
function withPageLink(embed: DiscordEmbed, url: string | undefined): DiscordEmbed {
  const safe = safeUrl(url);
  if (safe === undefined) return embed;
  const line = `**[Full briefing →](${safe})** every development, and each question's timeline`;
  const others = embedChars(embed) - (embed.description?.length ?? 0);
  const room = Math.min(DISCORD_LIMITS.description, DISCORD_LIMITS.total - others) - line.length - 2;
  if (room < 0) return embed;
  const description = embed.description !== undefined ? truncateAtSentence(embed.description, room) : '';
  return { ...embed, url: safe, description: description.length > 0 ? `${description}\n\n${line}` : line };
}

function titleFor(text: string, delayed: boolean | undefined): string {
  const marker = delayed ? ' (delayed)' : '';
  return `${truncateAtSentence(text, DISCORD_LIMITS.title - marker.length)}${marker}`;
}

function briefingColour(b: Briefing): number {
  const changed = b.questions.filter((q) => q.changedInWindow);
  for (const s of COLOUR_PRIORITY) if (changed.some((q) => q.status === s)) return STATUS_COLOUR[s];
  return NEUTRAL_COLOUR;
}

function developmentLines(b: Briefing): string[] {
  // The latest developments shown for an empty window may be weeks old: the notice says their day, or each says its
  // own when they are of several.
  const several = fallbackDays(b).length > 1;
  return b.developments.map((d) => {
    const day = several ? `${formatDay(d.occurredAt)}: ` : '';
    const who = missingSpeaker(d.text, d.speaker);
    const speaker = who ? ` — ${escapeMarkdown(who)}` : '';
    const srcs = d.sources.slice(0, 3).map((s) => sourceLink(s.name, s.url));
    const extra = d.sources.length > 3 ? ` +${d.sources.length - 3}` : '';
    const attribution = srcs.length > 0 ? ` (${srcs.join(', ')}${extra})` : '';
    return `• ${day}${truncateAtSentence(escapeMarkdown(d.text), BULLET_MAX)}${speaker}${attribution}`;
  });
}

function descriptionFor(b: Briefing, budget: number): string {
  const head: string[] = [];
  if (b.developments.length === 0) {
    head.push(`No new developments since ${discordTime(b.window.from)}.`);
  } else if (b.window.fallback) {
    const days = fallbackDays(b);
    head.push(`Nothing new since ${discordTime(b.window.from)}. The latest developments${days.length === 1 ? `, from ${days[0]}` : ''}:`);
  }
  const lines = developmentLines(b);
  const omitted = b.stats.developmentsOmitted;
  const headText = head.join('\n');
  const room = Math.max(0, budget - (headText.length > 0 ? headText.length + 1 : 0));
  // Whole bullets only: one that does not fit is left out and counted, never cut half-way.
  let body = lines.length > 0 ? fitWholeLines(lines, room, (n) => MORE_HINT(n + omitted)) : '';
  if (omitted > 0 && lines.length > 0 && !body.includes('more — `/sitrep brief`')) {
    const hint = MORE_HINT(omitted);
    body = body.length + 1 + hint.length <= room ? `${body}\n${hint}` : body;
  }
  return truncateAtSentence([headText, body].filter((s) => s.length > 0).join('\n'), budget);
}

/** `developments`: the bullets drawn in the description, in order (a line that repeats one points to it instead). */
function questionField(q: QuestionState, all: readonly QuestionState[], developments: ReadonlyArray<Development | undefined> = []): { name: string; value: string } {
  const changed = q.changedInWindow ? ' · changed' : '';
  const name = truncateAtSentence(`${STATUS_MARK[q.status]} ${q.label}${changed}`, DISCORD_LIMITS.fieldName);
  const was = q.changedInWindow && q.previousStatus && q.previousStatus !== q.status ? ` (was ${q.previousStatus})` : '';
  const when = q.lastChangedAt ? ` · last change ${discordTime(q.lastChangedAt, 'd')}` : ' · no change recorded yet';
  const line = questionLine(q, all, undefined, developments);
  const summary = line.trim().length > 0 ? `\n${escapeMarkdown(line)}` : '';
  return { name, value: `**${capitalise(q.status)}**${was}${when}${summary}` };
}

function watchField(b: Briefing): { name: string; value: string } | undefined {
  if (b.watch.length === 0) return undefined;
  const lines = b.watch.map((w) => {
    const due = w.due ? ` (due ${discordTime(w.due, 'd')})` : '';
    const src = w.source ? ` — ${escapeMarkdown(w.source)}` : '';
    const who = missingSpeaker(w.text, w.speaker);
    return `• ${escapeMarkdown(w.text)}${who ? ` (${escapeMarkdown(who)})` : ''}${due}${src}`;
  });
  return { name: 'What to watch', value: fitLines(lines, DISCORD_LIMITS.fieldValue, (n) => `*…and ${n} more*`) };
}

function footerFor(b: Briefing): { text: string } | undefined {
  if (b.sources.length === 0) return undefined;
  const names = [...new Set(b.sources.map((s) => s.name))];
  // Footers render no markdown, so names go in as written.
  return { text: truncateAtSentence(`Sources: ${names.join(' · ')}`, 500) };
}

/** Fit field values into what is left of the 6,000 total once the description has its minimum. */
function capFields(fields: Array<{ name: string; value: string }>, budget: number): Array<{ name: string; value: string }> {
  if (fields.length === 0) return fields;
  const per = Math.floor(budget / fields.length);
  const nameMax = Math.min(DISCORD_LIMITS.fieldName, Math.max(20, Math.floor(per * 0.4)));
  return fields.map((f) => {
    const name = truncateAtSentence(f.name, nameMax);
    const valueMax = Math.max(20, Math.min(DISCORD_LIMITS.fieldValue, per - name.length));
    return { name, value: truncateAtSentence(f.value, valueMax) };
  });
}

function overviewEmbed(b: Briefing, options: BriefingRenderOptions, pointTo: ReadonlyArray<Development | undefined>): DiscordEmbed {
  const title = titleFor(b.story.title, options.delayed);
  const footer = footerFor(b);
  const maxQuestionFields = DISCORD_LIMITS.fields - 1;
  const shown = b.questions.slice(0, maxQuestionFields);
  let fields = shown.map((q) => questionField(q, shown, pointTo));
  if (b.questions.length > shown.length) {
    const last = fields[fields.length - 1];
    if (last) last.value = `${last.value}\n*…and ${b.questions.length - shown.length} more — \`/sitrep questions\`*`;
  }
  const watch = watchField(b);
  if (watch) fields.push(watch);
  const fixed = title.length + (footer?.text.length ?? 0);
  const descriptionMin = 1500;
  fields = capFields(fields, DISCORD_LIMITS.total - fixed - descriptionMin);
  const used = fixed + fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
  const description = descriptionFor(b, Math.min(DISCORD_LIMITS.description, DISCORD_LIMITS.total - used));
  return {
    title,
    ...(description.length > 0 ? { description } : {}),
    color: briefingColour(b),
    timestamp: b.generatedAt,
    ...(footer ? { footer } : {}),
    ...(fields.length > 0 ? { fields } : {}),
  };
}

function focusEmbed(b: Briefing, q: QuestionState, options: BriefingRenderOptions): DiscordEmbed {
  const title = titleFor(`${q.label}: ${q.question}`, options.delayed);
  const footer = footerFor(b);
  const fields: Array<{ name: string; value: string }> = q.evidence.slice(0, 20).map((e) => ({
    name: truncateAtSentence(`${STATUS_MARK[e.status]} ${e.at.slice(0, 10)} · ${e.source}`, DISCORD_LIMITS.fieldName),
    value: `${escapeMarkdown(e.text)}${e.url ? `\n${sourceLink(e.source, e.url)}` : ''}`,
  }));
  if (q.evidence.length > 20) fields.push({ name: 'Earlier', value: `${q.evidence.length - 20} older items not shown` });
  if (q.unknowns && q.unknowns.length > 0)
    fields.push({ name: 'Still unknown', value: fitLines(q.unknowns.map((u) => `• ${escapeMarkdown(u)}`), DISCORD_LIMITS.fieldValue, (n) => `*…and ${n} more*`) });
  const watch = watchField(b);
  if (watch) fields.push(watch);
  const capped = capFields(fields.slice(0, DISCORD_LIMITS.fields), DISCORD_LIMITS.total - title.length - (footer?.text.length ?? 0) - 1500);
  const used = title.length + (footer?.text.length ?? 0) + capped.reduce((n, f) => n + f.name.length + f.value.length, 0);
  const budget = Math.min(DISCORD_LIMITS.description, DISCORD_LIMITS.total - used);
  const was = q.previousStatus && q.previousStatus !== q.status && q.changedInWindow ? ` (was ${q.previousStatus})` : '';
  const when = q.lastChangedAt ? ` since ${discordTime(q.lastChangedAt, 'd')}` : '';
  const status = `${STATUS_MARK[q.status]} **${capitalise(q.status)}**${was}${when}\n${escapeMarkdown(summaryLine(q))}`;
  const rest = descriptionFor(b, Math.max(0, budget - status.length - 2));
  const description = truncateAtSentence(rest.length > 0 ? `${status}\n\n${rest}` : status, budget);
  return {
    title,
    description,
    color: STATUS_COLOUR[q.status],
    timestamp: b.generatedAt,
    ...(footer ? { footer } : {}),
    ...(capped.length > 0 ? { fields: capped } : {}),
  };
}

/** Last guard: whatever slipped past the budgets, shrink the description, then drop trailing fields. */
function fitTotal(embed: DiscordEmbed): DiscordEmbed {
  const e: DiscordEmbed = { ...embed, fields: embed.fields ? [...embed.fields] : undefined };
  let over = embedChars(e) - DISCORD_LIMITS.total;
  if (over > 0 && e.description) {
    e.description = truncateAtSentence(e.description, Math.max(0, e.description.length - over));
    over = embedChars(e) - DISCORD_LIMITS.total;
  }
  while (over > 0 && e.fields && e.fields.length > 0) {
    e.fields.pop();
    over = embedChars(e) - DISCORD_LIMITS.total;
  }
  if (e.fields && e.fields.length === 0) delete e.fields;
  if (e.description !== undefined && e.description.length === 0) delete e.description;
  return e;
}

function questionsEmbed(result: Extract<CommandResult, { kind: 'questions' }>): DiscordEmbed {
  const title = truncateAtSentence(`Open questions — ${result.story.title}`, DISCORD_LIMITS.title);
  const shown = result.questions.slice(0, DISCORD_LIMITS.fields);
  const fields = capFields(shown.map((q) => questionField(q, shown)), DISCORD_LIMITS.total - title.length - 200);
  const more = result.questions.length - shown.length;
  return fitTotal({
    title,
    ...(more > 0 ? { description: `${more} more not shown.` } : {}),
    color: NEUTRAL_COLOUR,
    timestamp: result.generatedAt,
    ...(fields.length > 0 ? { fields } : { description: 'No questions are tracked for this story yet.' }),
  });
}

/**
 * Any command result as an interaction reply. Briefings and question lists are public embeds;
 * errors, subscription changes and other bot-meta answers are ephemeral.
 */
export function renderCommandResult(result: CommandResult, options: BriefingRenderOptions = {}): RenderedReply {
  switch (result.kind) {
    case 'briefing':
      return { ...renderBriefing(result.briefing, options), ephemeral: false };
    case 'questions':
      return { content: '', embeds: [questionsEmbed(result)], ephemeral: false };
    case 'subscriptions':
      return { content: truncateAtSentence(result.text, DISCORD_LIMITS.content), embeds: [], ephemeral: true };
    case 'text':
      return { content: truncateAtSentence(result.text, DISCORD_LIMITS.content), embeds: [], ephemeral: result.ephemeral };
    case 'error': {
      const usage = result.usage ? `\nUsage: \`${result.usage}\`` : '';
      return { content: truncateAtSentence(`⚠️ ${result.message}${usage}`, DISCORD_LIMITS.content), embeds: [], ephemeral: true };
    }
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
