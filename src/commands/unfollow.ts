import { parseQuestionArg } from './follow.js';
import type { SubcommandDefinition } from './types.js';
import { questionLabel } from '../records/question-label.js';

/** `/sitrep unfollow territory`: no more alerts about that question in this channel. */
export const unfollow: SubcommandDefinition<{ question: string }> = {
  name: 'unfollow',
  description: 'Stop the alerts about one question in this channel',
  usage: '/sitrep unfollow <question>',
  requiresManage: true,
  options: [{ name: 'question', description: 'The question to stop following', required: true, autocomplete: 'question' }],
  parse: (args, { story }) => parseQuestionArg('unfollow', args.question, story),
  async execute(args, ctx) {
    const label = questionLabel(ctx.story, args.question);
    const removed = await ctx.store.removeFollow(ctx.platform, ctx.channel, ctx.story.id, args.question);
    if (removed)
      await ctx.store.appendAudit({ at: ctx.now.toISOString(), actor: `${ctx.platform}:${ctx.user ?? 'unknown'}`, action: 'unfollow', story: ctx.story.id, detail: `${ctx.platform}:${ctx.channel} unfollows ${args.question}` });
    return { kind: 'text', ephemeral: true, text: removed ? `Stopped following ${label} in this channel.` : `This channel was not following ${label}.` };
  },
};
