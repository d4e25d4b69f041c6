import { interactiveBriefing } from '../briefing/memo.js';
import type { SubcommandDefinition } from './types.js';

/** `/sitrep questions`: the tracked questions with status and last change. */
export const questions: SubcommandDefinition<Record<string, never>> = {
  name: 'questions',
  readOnly: true,
  description: 'The tracked open questions, their status and when it last changed',
  usage: '/sitrep questions',
  options: [],
  parse: () => ({ ok: true, value: {} }),
  async execute(_args, ctx) {
    const b = await interactiveBriefing(ctx.store, { story: ctx.story, now: ctx.now, fallback: 'latest' });
    return { kind: 'questions', story: b.story, questions: b.questions, generatedAt: b.generatedAt };
  },
};
