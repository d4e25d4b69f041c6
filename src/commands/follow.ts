import { formatDay, STATUS_LABEL } from '../render/dates.js';
import { markQuestionNow } from '../review/follow-status.js';
import { resolveQuestion } from './resolve-question.js';
import type { SubcommandDefinition } from './types.js';
import { questionLabel } from '../records/question-label.js';

interface FollowArgs {
  question: string;
}

/** Parse the one question argument of follow/unfollow; a missing one names the valid questions. */
export function parseQuestionArg(verb: string, typed: string | undefined, story: Parameters<typeof resolveQuestion>[0]): { ok: true; value: FollowArgs } | { ok: false; error: string } {
  if (typed === undefined || typed.trim() === '') return { ok: false, error: `Say which question to ${verb}: ${story.questions.map((q) => q.id).join(', ')}.` };
  const q = resolveQuestion(story, typed);
  return q.ok ? { ok: true, value: { question: q.id } } : q;
}

/** `/sitrep follow territory`: this channel gets a short alert whenever that question's published status changes. */
export const follow: SubcommandDefinition<FollowArgs> = {
  name: 'follow',
  description: "Alert this channel at once when one question's status changes",
  usage: '/sitrep follow <question>',
  requiresManage: true,
  options: [{ name: 'question', description: 'The question to follow', required: true, autocomplete: 'question' }],
  parse: (args, { story }) => parseQuestionArg('follow', args.question, story),
  async execute(args, ctx) {
    if (ctx.platform === 'console') return { kind: 'error', code: 'BAD_ARGUMENT', message: 'Following a question works in a Slack or Discord channel.', usage: follow.usage };
    const label = questionLabel(ctx.story, args.question);
    const others = await ctx.store.listFollows({ story: ctx.story.id, question: args.question });
    const created = await ctx.store.addFollow({
      platform: ctx.platform,
      channel: ctx.channel,
      story: ctx.story.id,
      question: args.question,
      createdAt: ctx.now.toISOString(),
      ...(ctx.user !== undefined ? { createdBy: ctx.user } : {}),
      // Slack: alerts post with this workspace's token, as its subscriptions do.
      ...(ctx.workspace !== undefined ? { workspace: ctx.workspace } : {}),
    });
    // Nobody followed it: its mark may be old. Start from the status now, so the channel hears of changes from here on.
    const current = others.length === 0 ? await markQuestionNow(ctx.store, ctx.story, args.question, ctx.now) : undefined;
    if (created)
      await ctx.store.appendAudit({ at: ctx.now.toISOString(), actor: `${ctx.platform}:${ctx.user ?? 'unknown'}`, action: 'follow', story: ctx.story.id, detail: `${ctx.platform}:${ctx.channel} follows ${args.question}` });
    const now = current ? ` It is ${STATUS_LABEL[current.status]} now${current.at ? ` (since ${formatDay(current.at)})` : ''}.` : '';
    return {
      kind: 'text',
      ephemeral: true,
      text: created
        ? `Following ${label} here: when its status changes, this channel gets a short alert with the evidence and its source.${now} Stop with /sitrep unfollow ${args.question}.`
        : `This channel already follows ${label}. Stop with /sitrep unfollow ${args.question}.`,
    };
  },
};
