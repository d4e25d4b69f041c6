import type { Logger } from '../../src/log.js';
import type { EventRecord, Story } from '../../src/records/schema.js';
import { factId } from '../../src/records/schema.js';
import { decideDraft, recordDenied, saveReviewEdit, type ReviewEnv } from '../../src/review/actions.js';
import type { EditForm, FieldError } from '../../src/review/edit-form.js';
import type { ReviewActor } from '../../src/review/types.js';
import { eventVersion } from '../../src/review/version.js';
import { buildReviewView } from '../../src/review/view.js';
import type { DiscordComponent } from './render-embeds.js';
import { editModal, parseSection, pickerMessage, reopenButton } from './render-review.js';

/** Manage Messages (1 << 13) and Administrator (1 << 3): who may review in the review channel. */
const MANAGE_MESSAGES = 1n << 13n;
const ADMINISTRATOR = 1n << 3n;

/** Whether an interaction member's permissions (in this channel) include Manage Messages or Administrator. */
export function canReview(permissions: string | undefined): boolean {
  if (permissions === undefined || !/^\d{1,40}$/.test(permissions)) return false;
  const bits = BigInt(permissions);
  return (bits & MANAGE_MESSAGES) !== 0n || (bits & ADMINISTRATOR) !== 0n;
}

/** A click, a select or a modal submit on a review component, whichever way it arrived (gateway or HTTP). */
export interface ComponentInput {
  kind: 'button' | 'select' | 'modal';
  customId: string;
  /** Select values. */
  values?: string[];
  /** Modal fields by custom id (text inputs: their text; selects: the first value). */
  fields?: Record<string, string>;
  /** The message the component is on. */
  messageId?: string;
  user: { id: string; name?: string };
  /** The member's permissions in the channel; absent in DMs. */
  permissions?: string;
}

/** How to answer: an ephemeral reply (maybe with components), a modal, or a silent acknowledgement. */
export type ComponentAnswer =
  | { kind: 'ephemeral'; content: string; components?: DiscordComponent[] }
  | { kind: 'modal'; modal: Record<string, unknown> }
  /** The click is taken; the review message is edited in place through the outbox. */
  | { kind: 'ack' };

export interface DiscordReviewEnv extends ReviewEnv {
  logger: Logger;
  pending?: PendingForms;
}

/**
 * What a reviewer typed in a modal that had problems, kept briefly so "Fix it" reopens the modal with their words
 * (Discord can't show errors inside a modal). In memory: after a restart the modal opens with the stored values.
 */
export class PendingForms {
  private readonly forms = new Map<string, { values: Record<string, string>; until: number }>();
  constructor(
    private readonly ttlMs = 15 * 60_000,
    private readonly max = 500,
  ) {}
  put(key: string, values: Record<string, string>): void {
    if (this.forms.size >= this.max) this.forms.delete(this.forms.keys().next().value as string);
    this.forms.set(key, { values, until: Date.now() + this.ttlMs });
  }
  take(key: string): Record<string, string> | undefined {
    const hit = this.forms.get(key);
    this.forms.delete(key);
    return hit && hit.until > Date.now() ? hit.values : undefined;
  }
}

const say = (content: string, components?: DiscordComponent[]): ComponentAnswer => ({ kind: 'ephemeral', content, ...(components ? { components } : {}) });
const REFUSED = '⛔ Only members with **Manage Messages** in this channel can approve, edit or reject drafts.';
const GONE = 'ℹ️ That draft no longer exists (it was deleted); nothing was changed.';

/** Whether a custom id is one of the review components'. */
export function isReviewComponent(customId: string): boolean {
  return customId.startsWith('sitrep:rv:');
}

/**
 * Answer a review component: Approve / Reject (compare-and-set, the loser told who won), Edit (a select of what to
 * edit, since a Discord modal holds five inputs), the select (the modal for that part), a modal's Save (validated by the
 * record schema; problems come back in an ephemeral reply with a "Fix it" button that reopens the modal with what was
 * typed), and "Fix it". Members without Manage Messages get an ephemeral refusal, and the attempt is audited.
 */
export async function answerReviewComponent(input: ComponentInput, env: DiscordReviewEnv | undefined): Promise<ComponentAnswer> {
  if (!env) return say('ℹ️ Reviewing drafts is not set up here (SITREP_REVIEW_CHANNEL).');
  const actor: ReviewActor = { id: `discord:${input.user.id}`, ...(input.user.name ? { name: input.user.name } : {}) };
  const [, , action = '', ref, section, version] = input.customId.split(':');
  // Approve/Edit/Reject sit on the review message itself; the rest carry its id.
  const reviewMessageId = ref ?? input.messageId;
  if (!reviewMessageId) return say('⚠️ I could not tell which draft this is about.');
  const job = await env.store.findMessageJobByMessageId('discord', reviewMessageId);
  const eventId = job?.kind === 'review-post' && typeof job.payload.eventId === 'string' ? job.payload.eventId : undefined;
  if (!canReview(input.permissions)) {
    await recordDenied(env.store, actor, action, eventId, env.now());
    return say(REFUSED);
  }
  if (!eventId) return say('⚠️ This is not a review message I know (was the database replaced?).');

  if (action === 'approve' || action === 'reject') {
    const res = await decideDraft(env, eventId, action, actor);
    return res.ok ? { kind: 'ack' } : say(`ℹ️ ${res.message}`);
  }

  const record = await env.store.getEvent(eventId);
  if (!record) return say(GONE);
  const story = env.stories.get(record.story);
  if (!story) return say(`⚠️ The story "${record.story}" is not loaded.`);
  if (record.status === 'archived') return say('ℹ️ This draft was rejected; it can no longer be edited here.');
  const view = await buildReviewView(env.store, story, eventId, record);

  if (action === 'edit') {
    const picker = pickerMessage(reviewMessageId, view, story);
    return say(picker.content, picker.components);
  }
  if (action === 'pick' || action === 'open') {
    const code = action === 'pick' ? (input.values?.[0] ?? '') : (section ?? '');
    const typed = action === 'open' ? env.pending?.take(pendingKey(input.user.id, reviewMessageId, code)) : undefined;
    const modal = editModal(reviewMessageId, code, eventVersion(record), view, story, typed ?? {});
    return modal ? { kind: 'modal', modal } : say('⚠️ That part of the draft no longer exists; press Edit again.');
  }
  if (action === 'save' && input.kind === 'modal') {
    const code = section ?? '';
    const form = formFromModal(code, input.fields ?? {}, record, story);
    if (!form) return say('⚠️ That part of the draft no longer exists; press Edit again.');
    const res = await saveReviewEdit(env, eventId, version ?? '', form, actor);
    if (res.ok) return say(`✅ ${res.message} The review message shows it.`);
    if (res.code !== 'INVALID') return say(`ℹ️ ${res.message}`);
    env.pending?.put(pendingKey(input.user.id, reviewMessageId, code), input.fields ?? {});
    const lines = res.errors.map((e) => `• **${fieldName(e, record, story)}**: ${e.message}`);
    return say(`⚠️ Not saved. Please fix:\n${lines.join('\n')}`.slice(0, 1900), reopenButton(reviewMessageId, code));
  }
  return say('⚠️ I did not understand that button; press Edit again.');
}

function pendingKey(user: string, message: string, code: string): string {
  return `${user}:${message}:${code}`;
}

/** The edit a section's modal submitted, with fact indexes mapped back to the record's fact ids. */
export function formFromModal(code: string, fields: Readonly<Record<string, string>>, record: EventRecord, story: Story): EditForm | undefined {
  const section = parseSection(code, record.facts.length, story.questions.length);
  if (!section) return undefined;
  if (section.kind === 'question') {
    const q = story.questions[section.index];
    if (!q) return undefined;
    return { questions: { [q.id]: { status: fields.status ?? '', text: fields.text ?? '' } } };
  }
  const form: EditForm = { facts: {} };
  if (section.kind === 'title') form.title = fields.title ?? '';
  for (const i of section.facts) {
    const f = record.facts[i];
    if (f && Object.hasOwn(fields, `f${i}`)) (form.facts as Record<string, string>)[factId(f, i)] = fields[`f${i}`] ?? '';
  }
  return form;
}

/** The field a problem is about, as the reviewer saw it in the modal. */
function fieldName(e: FieldError, record: EventRecord, story: Story): string {
  if (e.field === 'title') return 'Title';
  if (e.field === 'form') return 'Draft';
  if (e.field.startsWith('fact:')) {
    const id = e.field.slice('fact:'.length);
    const i = record.facts.findIndex((f, n) => factId(f, n) === id);
    return i >= 0 ? `Fact ${i + 1}` : 'Fact';
  }
  const m = /^q:(.+):(status|text)$/.exec(e.field);
  const label = story.questions.find((q) => q.id === m?.[1])?.label ?? m?.[1] ?? 'Question';
  return m?.[2] === 'status' ? `${label} status` : `${label} evidence line`;
}

/** Modal fields from a submit payload's components (Label-wrapped inputs and selects, or legacy action rows). */
export function modalFields(components: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const n of node) walk(n);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const c = node as { custom_id?: unknown; value?: unknown; values?: unknown; component?: unknown; components?: unknown };
    if (typeof c.custom_id === 'string') {
      if (typeof c.value === 'string') out[c.custom_id] = c.value;
      else if (Array.isArray(c.values)) out[c.custom_id] = typeof c.values[0] === 'string' ? c.values[0] : '';
    }
    walk(c.component);
    walk(c.components);
  };
  walk(components);
  return out;
}

