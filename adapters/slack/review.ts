import type { App, BlockButtonAction, SlackViewAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { ReviewConfig } from '../../src/config.js';
import type { Logger } from '../../src/log.js';
import { decideDraft, recordDenied, saveReviewEdit, type ReviewEnv } from '../../src/review/actions.js';
import type { EditForm, FieldError } from '../../src/review/edit-form.js';
import type { ReviewActor } from '../../src/review/types.js';
import { eventVersion } from '../../src/review/version.js';
import { buildReviewView } from '../../src/review/view.js';
import { ephemeral } from './answer.js';
import { EDIT_CALLBACK, REVIEW_ACTIONS, editModal, noticeModal } from './render-review.js';
import type { SlackReviewers } from './reviewers.js';

/** What the review listeners need. */
export interface SlackReviewEnv extends ReviewEnv {
  config?: ReviewConfig;
  reviewers: SlackReviewers;
  logger: Logger;
}

const clickSchema = z.object({
  user: z.object({ id: z.string().min(1), username: z.string().optional(), name: z.string().optional() }),
  trigger_id: z.string().min(1),
});
const metaSchema = z.object({ e: z.string().min(1).max(200), v: z.string().min(1).max(64) });
const stateSchema = z.record(
  z.string(),
  z.record(z.string(), z.object({ value: z.string().nullish(), selected_option: z.object({ value: z.string() }).nullish() }).passthrough()),
);

const REFUSED = 'Only reviewers can approve, edit or reject drafts. Ask an admin to add you to SITREP_REVIEWERS.';

function actorOf(user: { id: string; username?: string | undefined; name?: string | undefined }): ReviewActor {
  const name = user.username ?? user.name;
  return { id: `slack:${user.id}`, ...(name ? { name } : {}) };
}

/**
 * The review message's buttons and the edit modal. Every action checks the reviewer first (anyone else gets an
 * ephemeral refusal, and the attempt is audited). Approve and Reject are compare-and-set in the store: a second
 * press, or another reviewer's, gets "Already approved by …". The review message itself is updated in place through
 * the message outbox, like every other edit sitrep makes.
 */
export function registerReview(app: App, env: SlackReviewEnv): void {
  app.action<BlockButtonAction>(new RegExp(`^(?:${Object.values(REVIEW_ACTIONS).join('|')})$`), async ({ ack, body, action, client, respond }) => {
    await ack();
    const say = async (text: string) => {
      try {
        await respond({ ...ephemeral(text), replace_original: false });
      } catch (err) {
        env.logger.warn({ platform: 'slack', error: err instanceof Error ? err.message : String(err) }, 'slack respond() failed');
      }
    };
    const parsed = clickSchema.safeParse(body);
    const eventId = action.value ?? '';
    if (!parsed.success || eventId === '') return say(':warning: Slack sent a click I could not read. Try again.');
    const actor = actorOf(parsed.data.user);
    const what = action.action_id === REVIEW_ACTIONS.approve ? 'approve' : action.action_id === REVIEW_ACTIONS.reject ? 'reject' : 'edit';
    if (!(await env.reviewers.allows(parsed.data.user.id, client as WebClient))) {
      await recordDenied(env.store, actor, what, eventId, env.now());
      return say(`:no_entry: ${REFUSED}`);
    }
    if (what !== 'edit') {
      const res = await decideDraft(env, eventId, what, actor);
      // Success shows in the review message itself (updated in place); only a refusal needs words.
      if (!res.ok) await say(`:information_source: ${res.message}`);
      return;
    }
    const record = await env.store.getEvent(eventId);
    if (!record) return say(':information_source: That draft no longer exists (it was deleted); nothing to edit.');
    if (record.status === 'archived') return say(':information_source: This draft was rejected; it can no longer be edited here.');
    const story = env.stories.get(record.story);
    if (!story) return say(`:warning: The story "${record.story}" is not loaded.`);
    const view = await buildReviewView(env.store, story, eventId, record);
    try {
      await client.views.open({ trigger_id: parsed.data.trigger_id, view: editModal(view, story, { e: eventId, v: eventVersion(record) }) });
    } catch (err) {
      env.logger.warn({ platform: 'slack', error: err instanceof Error ? err.message : String(err) }, 'views.open failed');
      await say(':warning: Slack did not open the form (it has 3 seconds to). Press Edit again.');
    }
  });

  app.view<SlackViewAction>(EDIT_CALLBACK, async ({ ack, body, view, client }) => {
    const user = body.user;
    const actor = actorOf(user);
    const meta = metaSchema.safeParse(safeJson(view.private_metadata));
    if (!meta.success) return ack({ response_action: 'update', view: noticeModal('This form could not be read. Close it and press Edit again.') });
    if (!(await env.reviewers.allows(user.id, client as WebClient))) {
      await recordDenied(env.store, actor, 'edit', meta.data.e, env.now());
      return ack({ response_action: 'errors', errors: { title: REFUSED } });
    }
    const state = stateSchema.safeParse(view.state.values);
    if (!state.success) return ack({ response_action: 'update', view: noticeModal('This form could not be read. Close it and press Edit again.') });
    const form = formFromState(state.data);
    const res = await saveReviewEdit(env, meta.data.e, meta.data.v, form, actor);
    if (res.ok) return ack();
    if (res.code === 'INVALID') return ack({ response_action: 'errors', errors: modalErrors(res.errors, state.data) });
    return ack({ response_action: 'update', view: noticeModal(res.message) });
  });
}

type State = z.infer<typeof stateSchema>;

/** The submitted modal as an edit form: every block id names its field. */
export function formFromState(state: State): EditForm {
  const form: Required<EditForm> = { title: '', facts: {}, questions: {} };
  for (const [block, actions] of Object.entries(state)) {
    const input = actions.value;
    if (!input) continue;
    if (block === 'title') form.title = input.value ?? '';
    else if (block.startsWith('fact:')) form.facts[block.slice('fact:'.length)] = input.value ?? '';
    else {
      const m = /^q:(.+):(status|text)$/.exec(block);
      if (!m?.[1]) continue;
      const q = (form.questions[m[1]] ??= { status: 'none', text: '' });
      if (m[2] === 'status') q.status = input.selected_option?.value ?? 'none';
      else q.text = input.value ?? '';
    }
  }
  return form;
}

/** Field problems as Slack's `response_action: errors` map (block id → message); problems of the whole form go on the title. */
function modalErrors(errors: readonly FieldError[], state: State): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) {
    const block = e.field !== 'form' && e.field in state ? e.field : 'title';
    out[block] = out[block] ? `${out[block]} ${e.message}` : e.message;
  }
  return out;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

