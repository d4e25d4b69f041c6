import type { types } from '@slack/bolt';
import type { Briefing } from '../../src/briefing/types.js';
import type { Story } from '../../src/records/schema.js';
import { formatMoment } from '../../src/render/dates.js';
import type { CorrectionNote, FollowAlert, ReviewView } from '../../src/review/types.js';
import { actorLabel, dateSourceText } from '../../src/review/view.js';
import { escapeMrkdwn, fitEscaped, fitPlain, mrkdwnLink } from './mrkdwn.js';
import { renderBriefing, SLACK_LIMITS, statusBadge, type ButtonElement, type SlackBlock, type SlackMessage } from './render-blocks.js';

/** Action ids of the review message's buttons (the value is the event id). */
export const REVIEW_ACTIONS = { approve: 'sitrep_review_approve', edit: 'sitrep_review_edit', reject: 'sitrep_review_reject' } as const;
/** callback_id of the edit modal. */
export const EDIT_CALLBACK = 'sitrep_review_edit_modal';

const FACT_MAX = 400;
const TITLE_MAX = 160;
/** Modals hold 100 blocks: title, a hint, two per question; the rest may be facts. */
const MODAL_FACTS_MAX = 60;

function section(text: string): SlackBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: text.length > 0 ? text : ' ' } };
}

/** Lines packed into sections of at most 3,000 characters (a line never splits), at most `maxBlocks`. */
function sections(title: string, lines: readonly string[], maxBlocks: number): SlackBlock[] {
  const out: string[] = [];
  let current = title;
  for (const line of lines) {
    const next = current === '' ? line : `${current}\n${line}`;
    if (next.length <= SLACK_LIMITS.sectionText) {
      current = next;
      continue;
    }
    if (out.length + 1 >= maxBlocks) break;
    out.push(current);
    current = line;
  }
  if (current !== '') out.push(current);
  return out.slice(0, maxBlocks).map(section);
}

function stateLine(view: ReviewView): string {
  const who = (d: { actor: string; actorName?: string; at: string }) => `${escapeMrkdwn(actorLabel(d.actor, d.actorName))} · ${escapeMrkdwn(formatMoment(d.at))}`;
  const edited = view.lastEdit ? ` · last edited by ${who(view.lastEdit)}` : '';
  switch (view.status) {
    case 'draft':
      return `:hourglass_flowing_sand: Waiting for review: *Approve* publishes it, *Reject* archives it (kept, never briefed).${edited}`;
    case 'published':
      return view.decision?.action === 'approve' ? `:white_check_mark: *Approved* by ${who(view.decision)}${edited}` : `:white_check_mark: *Published*${edited}`;
    case 'archived':
      return view.decision?.action === 'reject' ? `:wastebasket: *Rejected* by ${who(view.decision)}: kept, never briefed${edited}` : ':wastebasket: *Archived*: kept, never briefed';
    case 'deleted':
      return ':warning: This event no longer exists.';
  }
}

function buttons(view: ReviewView): ButtonElement[] {
  const edit: ButtonElement = { type: 'button', action_id: REVIEW_ACTIONS.edit, text: { type: 'plain_text', text: 'Edit' }, value: view.eventId };
  if (view.status === 'published') return [edit];
  if (view.status !== 'draft') return [];
  return [
    { type: 'button', action_id: REVIEW_ACTIONS.approve, text: { type: 'plain_text', text: 'Approve' }, style: 'primary', value: view.eventId },
    edit,
    {
      type: 'button',
      action_id: REVIEW_ACTIONS.reject,
      text: { type: 'plain_text', text: 'Reject' },
      style: 'danger',
      value: view.eventId,
      confirm: {
        title: { type: 'plain_text', text: 'Reject this draft?' },
        text: { type: 'plain_text', text: 'It is archived: kept, but never briefed.' },
        confirm: { type: 'plain_text', text: 'Reject' },
        deny: { type: 'plain_text', text: 'Cancel' },
        style: 'danger',
      },
    },
  ];
}

/**
 * A draft's review message: title, date and where it came from, each fact with its source and speaker, the proposed
 * question signals, who did what, and the buttons for its state. Every piece of record text is escaped.
 */
export function renderReviewMessage(view: ReviewView): SlackMessage {
  const heading = view.status === 'draft' ? 'Draft for review' : view.status === 'published' ? 'Reviewed: published' : view.status === 'archived' ? 'Reviewed: rejected' : 'Review';
  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: fitPlain(`${heading} · ${view.story.title}`, SLACK_LIMITS.headerText), emoji: true } },
    section(`*${fitEscaped(view.title, TITLE_MAX + 40)}*`),
  ];
  if (view.status !== 'deleted') {
    const date = view.occurredAt ? formatMoment(view.occurredAt) : 'no date';
    const warn = view.dateSource === 'ingest-time' ? ':warning: ' : '';
    blocks.push({
      type: 'context',
      elements: [
        { type: 'mrkdwn', text: `${warn}:date: ${escapeMrkdwn(date)} · ${escapeMrkdwn(dateSourceText(view.dateSource, view.occurredAt))}` },
        { type: 'mrkdwn', text: `${view.sourceCount} source${view.sourceCount === 1 ? '' : 's'} · id \`${escapeMrkdwn(view.eventId)}\`` },
      ],
    });
    const facts = view.facts.map((f) => {
      const who = f.speaker ? ` — ${fitEscaped(f.speaker, 80)}` : '';
      const also = f.alsoSources.length > 0 ? `, also ${f.alsoSources.map((s) => mrkdwnLink(s.name, s.url)).join(', ')}` : '';
      return `• ${fitEscaped(f.text, FACT_MAX + 20)}${who} _(${mrkdwnLink(f.source.name, f.source.url)}${also})_`;
    });
    blocks.push(...sections('*Facts*', facts, 30));
    if (view.signals.length > 0) {
      const signals = view.signals.map((s) => `• *${fitEscaped(s.label, 80)}* → ${statusBadge(s.status)}: ${fitEscaped(s.text, FACT_MAX + 20)}`);
      blocks.push(...sections('*Proposed question signals*', signals, 8));
    } else blocks.push(section('_No question signals proposed._'));
  }
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: stateLine(view) }] });
  const actions = buttons(view);
  if (actions.length > 0) blocks.push({ type: 'actions', block_id: 'sitrep_review', elements: actions });
  const text = fitEscaped(`${heading}: ${view.title}`, SLACK_LIMITS.fallbackText);
  return { text, blocks: blocks.slice(0, SLACK_LIMITS.blocks) };
}

/** What the modal carries back on submit. */
export interface EditMeta {
  /** Event id. */
  e: string;
  /** Record version the form was opened on. */
  v: string;
}

const STATUS_OPTIONS: Array<{ value: string; label: string }> = [
  { value: 'none', label: 'No signal' },
  { value: 'open', label: 'Open' },
  { value: 'moved', label: 'Moved' },
  { value: 'resolved', label: 'Resolved' },
  { value: 'contested', label: 'Contested' },
];

const plain = (text: string, max = 150): types.PlainTextElement => ({ type: 'plain_text', text: fitPlain(text, max) || ' ' });

/**
 * The edit modal: the title, every fact (clear one to drop it), and for each of the story's questions a status
 * ("No signal" clears it) and its evidence line. Block ids name the field, so validation problems show on it.
 */
export function editModal(view: ReviewView, story: Story, meta: EditMeta): types.ModalView {
  const blocks: types.KnownBlock[] = [
    { type: 'context', elements: [{ type: 'mrkdwn', text: `${escapeMrkdwn(view.story.title)} · clear a fact's text to drop it; "No signal" clears a question.` }] },
    {
      type: 'input',
      block_id: 'title',
      label: plain('Title'),
      element: { type: 'plain_text_input', action_id: 'value', initial_value: view.title, max_length: TITLE_MAX },
    },
  ];
  view.facts.slice(0, MODAL_FACTS_MAX).forEach((f, i) => {
    blocks.push({
      type: 'input',
      block_id: `fact:${f.id}`,
      optional: true,
      label: plain(`Fact ${i + 1} · ${f.source.name}${f.speaker ? ` · ${f.speaker}` : ''}`),
      element: { type: 'plain_text_input', action_id: 'value', multiline: true, initial_value: f.text, max_length: FACT_MAX },
    });
  });
  for (const q of story.questions) {
    const signal = view.signals.find((s) => s.question === q.id);
    const options = STATUS_OPTIONS.map((o) => ({ text: plain(o.label), value: o.value }));
    const initial = options.find((o) => o.value === (signal?.status ?? 'none'));
    blocks.push({
      type: 'input',
      block_id: `q:${q.id}:status`,
      label: plain(`${q.label}: status`),
      element: { type: 'static_select', action_id: 'value', options, ...(initial ? { initial_option: initial } : {}) },
    });
    blocks.push({
      type: 'input',
      block_id: `q:${q.id}:text`,
      optional: true,
      label: plain(`${q.label}: evidence line`),
      element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: FACT_MAX, ...(signal ? { initial_value: signal.text } : {}) },
    });
  }
  return {
    type: 'modal',
    callback_id: EDIT_CALLBACK,
    title: plain('Edit draft', 24),
    submit: plain('Save', 24),
    close: plain('Cancel', 24),
    private_metadata: JSON.stringify(meta),
    blocks,
  };
}

/** A modal that only says something (the draft is gone, someone else decided first). */
export function noticeModal(text: string): types.ModalView {
  return {
    type: 'modal',
    title: plain('Edit draft', 24),
    close: plain('Close', 24),
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: fitEscaped(text, 2900) } }],
  };
}

/** A briefing as corrected: the briefing rebuilt now, then one "Corrected <time>: …" line per correction. */
export function renderCorrectedBriefing(briefing: Briefing, corrections: readonly CorrectionNote[], options: { pageUrl?: string } = {}): SlackMessage {
  const message = renderBriefing(briefing, { reserveBlocks: 1, ...(options.pageUrl !== undefined ? { pageUrl: options.pageUrl } : {}) });
  if (corrections.length === 0) return message;
  const lines = corrections.map((c) => `:pencil2: *Corrected ${escapeMrkdwn(formatMoment(c.at))}:* ${fitEscaped(c.text, 600)}`);
  // Newest kept when they do not all fit in one context element.
  while (lines.length > 1 && lines.join('\n').length > SLACK_LIMITS.sectionText) lines.shift();
  const block: SlackBlock = { type: 'context', elements: [{ type: 'mrkdwn', text: lines.join('\n').slice(0, SLACK_LIMITS.sectionText) }] };
  const fallback = fitEscaped(`${message.text} (corrected)`, SLACK_LIMITS.fallbackText);
  return { text: fallback, blocks: [...message.blocks.slice(0, SLACK_LIMITS.blocks - 1), block] };
}

/** A follow alert: the new status, the evidence line and its source. */
export function renderAlert(alert: FollowAlert): SlackMessage {
  const source = alert.source ? ` _(${mrkdwnLink(alert.source.name, alert.source.url)}, ${escapeMrkdwn(formatMoment(alert.at))})_` : '';
  const head = `*${fitEscaped(alert.question.label, 80)}* is now ${statusBadge(alert.status)} (was ${statusBadge(alert.previous)})`;
  return {
    text: fitEscaped(`${alert.question.label} is now ${alert.status} (was ${alert.previous}): ${alert.text}`, SLACK_LIMITS.fallbackText),
    blocks: [
      section(`${head}\n${fitEscaped(alert.text, 1200)}${source}`),
      { type: 'context', elements: [{ type: 'mrkdwn', text: `${escapeMrkdwn(alert.story.title)} · this channel follows this question · /sitrep unfollow ${escapeMrkdwn(alert.question.id)}` }] },
    ],
  };
}
