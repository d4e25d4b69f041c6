import type { Briefing } from '../../src/briefing/types.js';
import type { QuestionStatus, Story } from '../../src/records/schema.js';
import { truncateAtSentence } from '../../src/render/truncate.js';
import type { CorrectionNote, FollowAlert, ReviewView } from '../../src/review/types.js';
import { actorLabel, dateSourceText } from '../../src/review/view.js';
import { DISCORD_LIMITS, discordTime, escapeMarkdown, renderBriefing, sourceLink, type DiscordComponent, type DiscordEmbed, type DiscordMessage } from './render-embeds.js';

/** custom_id prefixes of the review components (all under 100 characters, as Discord requires). */
export const REVIEW_IDS = {
  approve: 'sitrep:rv:approve',
  edit: 'sitrep:rv:edit',
  reject: 'sitrep:rv:reject',
  /** + `:<review message id>`: the "what to edit" select. */
  pick: 'sitrep:rv:pick',
  /** + `:<review message id>:<section>:<version>`: a modal's Save. */
  save: 'sitrep:rv:save',
  /** + `:<review message id>:<section>`: reopen a modal after a problem. */
  open: 'sitrep:rv:open',
} as const;

const STATUS_MARK: Record<QuestionStatus, string> = { open: '⚪', moved: '🟡', resolved: '🟢', contested: '🔴' };
const STATUSES: QuestionStatus[] = ['open', 'moved', 'resolved', 'contested'];
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Discord modals hold five inputs: the first holds the title and four facts, each next one five facts. */
export const FIRST_FACTS = 4;
export const MORE_FACTS = 5;

const BUTTON = 2;
const ROW = 1;
const STRING_SELECT = 3;
const TEXT_INPUT = 4;
const LABEL = 18;

function stateLine(view: ReviewView): string {
  const who = (d: { actor: string; actorName?: string; at: string }) => {
    const id = d.actor.startsWith('discord:') ? `<@${d.actor.slice('discord:'.length)}>` : escapeMarkdown(actorLabel(d.actor, d.actorName));
    return `${id} ${discordTime(d.at)}`;
  };
  const edited = view.lastEdit ? ` · last edited by ${who(view.lastEdit)}` : '';
  switch (view.status) {
    case 'draft':
      return `📝 **Draft for review**: Approve publishes it, Reject archives it (kept, never briefed).${edited}`;
    case 'published':
      return view.decision?.action === 'approve' ? `✅ **Approved** by ${who(view.decision)}${edited}` : `✅ **Published**${edited}`;
    case 'archived':
      return view.decision?.action === 'reject' ? `🗑️ **Rejected** by ${who(view.decision)}: kept, never briefed${edited}` : '🗑️ **Archived**: kept, never briefed';
    case 'deleted':
      return '⚠️ This event no longer exists.';
  }
}

function buttons(view: ReviewView): DiscordComponent[] {
  const edit = { type: BUTTON, style: 2, label: 'Edit', custom_id: REVIEW_IDS.edit };
  const list =
    view.status === 'draft'
      ? [{ type: BUTTON, style: 3, label: 'Approve', custom_id: REVIEW_IDS.approve }, edit, { type: BUTTON, style: 4, label: 'Reject', custom_id: REVIEW_IDS.reject }]
      : view.status === 'published'
        ? [edit]
        : [];
  return list.length > 0 ? [{ type: ROW, components: list }] : [];
}

/**
 * A draft's review message: a status line (who did what, mentions never ping: every post carries
 * `allowed_mentions: { parse: [] }`), an embed with the title, date and where it came from, the facts with source and
 * speaker, the proposed signals, and the buttons for its state.
 */
export function renderReviewMessage(view: ReviewView): DiscordMessage {
  const content = truncateAtSentence(stateLine(view), DISCORD_LIMITS.content);
  if (view.status === 'deleted') return { content, embeds: [], components: [] };
  const date = `📅 ${view.occurredAt ? discordTime(view.occurredAt) : 'no date'} · ${view.dateSource === 'ingest-time' ? '⚠️ ' : ''}${dateSourceText(view.dateSource, view.occurredAt)}`;
  const facts = view.facts.map((f, i) => {
    const who = f.speaker ? ` — ${escapeMarkdown(f.speaker)}` : '';
    const also = f.alsoSources.length > 0 ? `, also ${f.alsoSources.map((s) => sourceLink(s.name, s.url)).join(', ')}` : '';
    return `**${i + 1}.** ${escapeMarkdown(f.text)}${who} (${sourceLink(f.source.name, f.source.url)}${also})`;
  });
  const description = truncateAtSentence([date, '', ...facts].join('\n'), 3500);
  const fields = view.signals.slice(0, 10).map((s) => ({
    name: truncateAtSentence(`${STATUS_MARK[s.status]} ${s.label}: ${capital(s.status)}`, 200),
    value: truncateAtSentence(escapeMarkdown(s.text), 500),
  }));
  const embed: DiscordEmbed = {
    title: truncateAtSentence(view.title, DISCORD_LIMITS.title),
    description,
    color: view.status === 'draft' ? 0x5865f2 : view.status === 'published' ? 0x2ecc71 : 0x95a5a6,
    footer: { text: truncateAtSentence(`${view.story.title} · ${view.sourceCount} source${view.sourceCount === 1 ? '' : 's'} · ${view.eventId}`, 300) },
    ...(fields.length > 0 ? { fields } : {}),
  };
  return { content, embeds: [embed], components: buttons(view) };
}

/** One part of the record a Discord modal edits. */
export type EditSection = { kind: 'title'; facts: number[] } | { kind: 'facts'; facts: number[] } | { kind: 'question'; index: number };

/** `t`, `f4`, `q0`: the modal parts of a record with `factCount` facts in a story with `questionCount` questions. */
export function sections(factCount: number, questionCount: number): string[] {
  const out = ['t'];
  for (let offset = FIRST_FACTS; offset < factCount; offset += MORE_FACTS) out.push(`f${offset}`);
  for (let i = 0; i < questionCount; i++) out.push(`q${i}`);
  return out;
}

/** What a section code holds, or undefined when it is not one of this record's. */
export function parseSection(code: string, factCount: number, questionCount: number): EditSection | undefined {
  if (!sections(factCount, questionCount).includes(code)) return undefined;
  const n = Number(code.slice(1));
  if (code === 't') return { kind: 'title', facts: range(0, Math.min(FIRST_FACTS, factCount)) };
  if (code.startsWith('f')) return { kind: 'facts', facts: range(n, Math.min(n + MORE_FACTS, factCount)) };
  return { kind: 'question', index: n };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}

function sectionLabel(code: string, view: ReviewView, story: Story): string {
  const section = parseSection(code, view.facts.length, story.questions.length);
  if (!section) return code;
  const span = (facts: number[]) => (facts.length === 0 ? '' : facts.length === 1 ? `fact ${(facts[0] ?? 0) + 1}` : `facts ${(facts[0] ?? 0) + 1}–${(facts.at(-1) ?? 0) + 1}`);
  if (section.kind === 'title') return `Title${section.facts.length > 0 ? ` and ${span(section.facts)}` : ''}`;
  if (section.kind === 'facts') return capital(span(section.facts));
  return `Question: ${story.questions[section.index]?.label ?? code}`;
}

/** The ephemeral "what do you want to edit?" select: Discord modals hold at most five inputs, so the record is edited a part at a time. */
export function pickerMessage(reviewMessageId: string, view: ReviewView, story: Story): { content: string; components: DiscordComponent[] } {
  const options = sections(view.facts.length, story.questions.length)
    .slice(0, 25)
    .map((code) => ({ label: truncateAtSentence(sectionLabel(code, view, story), 100), value: code }));
  return {
    content: `What do you want to change in “${truncateAtSentence(escapeMarkdown(view.title), 150)}”? (A Discord form holds five fields, so the title, the facts and each question have their own.) Empty a fact to drop it.`,
    components: [{ type: ROW, components: [{ type: STRING_SELECT, custom_id: `${REVIEW_IDS.pick}:${reviewMessageId}`, placeholder: 'Choose what to edit', options }] }],
  };
}

const label = (text: string, component: Record<string, unknown>, description?: string) => ({
  type: LABEL,
  label: truncateAtSentence(text, 45),
  ...(description ? { description: truncateAtSentence(description, 100) } : {}),
  component,
});

/**
 * The modal for one section, filled with `values` (what the reviewer typed before a problem) or the record's own.
 * Field custom ids: `title`, `f<index>` for facts, `status` and `text` for a question.
 */
export function editModal(
  reviewMessageId: string,
  code: string,
  version: string,
  view: ReviewView,
  story: Story,
  values: Readonly<Record<string, string>> = {},
): Record<string, unknown> | undefined {
  const section = parseSection(code, view.facts.length, story.questions.length);
  if (!section) return undefined;
  const components: Array<Record<string, unknown>> = [];
  const text = (id: string, initial: string, opts: { style: 1 | 2; max: number; required: boolean }) => ({
    type: TEXT_INPUT,
    custom_id: id,
    style: opts.style,
    required: opts.required,
    max_length: opts.max,
    ...((values[id] ?? initial) !== '' ? { value: (values[id] ?? initial).slice(0, 4000) } : {}),
  });
  if (section.kind === 'question') {
    const q = story.questions[section.index];
    if (!q) return undefined;
    const signal = view.signals.find((s) => s.question === q.id);
    const chosen = values.status ?? signal?.status ?? 'none';
    components.push(
      label(`${q.label}: status`, {
        type: STRING_SELECT,
        custom_id: 'status',
        required: true,
        options: [{ label: 'No signal (clear it)', value: 'none' }, ...STATUSES.map((s) => ({ label: capital(s), value: s }))].map((o) => ({ ...o, default: o.value === chosen })),
      }),
      label(`${q.label}: evidence line`, text('text', signal?.text ?? '', { style: 2, max: 400, required: false }), 'What happened, in a sentence (needed with a status).'),
    );
  } else {
    if (section.kind === 'title') components.push(label('Title', text('title', view.title, { style: 1, max: 160, required: true })));
    for (const i of section.facts) {
      const f = view.facts[i];
      if (!f) continue;
      components.push(label(`Fact ${i + 1} · ${f.source.name}`, text(`f${i}`, f.text, { style: 2, max: 400, required: false }), f.speaker ? `Speaker: ${f.speaker}. Empty it to drop the fact.` : 'Empty it to drop the fact.'));
    }
  }
  return {
    custom_id: `${REVIEW_IDS.save}:${reviewMessageId}:${code}:${version}`,
    title: truncateAtSentence(`Edit: ${sectionLabel(code, view, story)}`, 45),
    components,
  };
}

/** A reopen button for the ephemeral reply that lists a modal's problems. */
export function reopenButton(reviewMessageId: string, code: string): DiscordComponent[] {
  return [{ type: ROW, components: [{ type: BUTTON, style: 1, label: 'Fix it', custom_id: `${REVIEW_IDS.open}:${reviewMessageId}:${code}` }] }];
}

/** A briefing as corrected: rebuilt now, with a "Corrected <time>: …" line per correction above the embed. */
export function renderCorrectedBriefing(briefing: Briefing, corrections: readonly CorrectionNote[], options: { pageUrl?: string } = {}): DiscordMessage {
  const message = renderBriefing(briefing, options.pageUrl !== undefined ? { pageUrl: options.pageUrl } : {});
  if (corrections.length === 0) return message;
  const lines = corrections.map((c) => `✏️ **Corrected ${discordTime(c.at)}:** ${escapeMarkdown(c.text)}`);
  const room = DISCORD_LIMITS.content - message.content.length - 1;
  while (lines.length > 1 && lines.join('\n').length > room) lines.shift();
  const notes = truncateAtSentence(lines.join('\n'), Math.max(0, room));
  return { ...message, content: notes.length > 0 ? `${message.content}\n${notes}` : message.content };
}

/** A follow alert: the new status, the evidence line and its source. */
export function renderAlert(alert: FollowAlert): DiscordMessage {
  const source = alert.source ? `\n${sourceLink(alert.source.name, alert.source.url)} · ${discordTime(alert.at, 'd')}` : '';
  const content = truncateAtSentence(
    `${STATUS_MARK[alert.status]} **${escapeMarkdown(alert.question.label)}** is now **${capital(alert.status)}** (was ${capital(alert.previous)})\n${escapeMarkdown(alert.text)}${source}`,
    DISCORD_LIMITS.content - 80,
  );
  return { content: `${content}\n-# This channel follows this question · \`/sitrep unfollow\``, embeds: [] };
}
