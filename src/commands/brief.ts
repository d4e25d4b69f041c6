import { interactiveBriefing } from '../briefing/memo.js';
import type { briefingFromStore } from '../briefing/service.js';
import { parseDuration, parseIsoInstant, parseSince } from '../time/duration.js';
import { resolveQuestion } from './resolve-question.js';
import type { SubcommandDefinition } from './types.js';

interface BriefArgs {
  question?: string;
  since?: Date;
}

const looksLikeSince = (w: string) => parseDuration(w) !== undefined || parseIsoInstant(w) !== undefined || /^\d/.test(w);

/** `/sitrep brief [question] [since]`: the briefing, or one question's detail with its evidence timeline. */
export const brief: SubcommandDefinition<BriefArgs> = {
  name: 'brief',
  readOnly: true,
  description: 'The briefing: what happened and where each open question stands',
  usage: '/sitrep brief [question] [since: 24h | 7d | 2025-05-19]',
  options: [
    { name: 'question', description: 'Show one question in detail', required: false, autocomplete: 'question' },
    { name: 'since', description: 'Window start: 24h, 7d or an ISO date (default: since the last briefing here)', required: false },
  ],
  fromWords(words) {
    // Order-free: a time span is `since`, anything else is the question.
    const args: Record<string, string> = {};
    for (const w of words) {
      const key = looksLikeSince(w) ? 'since' : 'question';
      if (args[key] !== undefined) return { error: `Too many arguments: "${w}"` };
      args[key] = w;
    }
    return args;
  },
  parse(args, { story, now }) {
    const out: BriefArgs = {};
    if (args.question !== undefined && args.question.trim() !== '') {
      const q = resolveQuestion(story, args.question);
      if (!q.ok) return q;
      out.question = q.id;
    }
    if (args.since !== undefined && args.since.trim() !== '') {
      const s = parseSince(args.since, now);
      if (!s.ok) return s;
      out.since = s.since;
    }
    return { ok: true, value: out };
  },
  async execute(args, ctx) {
    let since = args.since;
    if (since === undefined && ctx.platform !== 'console') {
      // Default window: since this channel's last scheduled briefing, else the engine's 24 h.
      const last = await ctx.store.lastSentJob(ctx.platform, ctx.channel, ctx.story.id);
      if (last?.windowTo !== undefined && Date.parse(last.windowTo) < ctx.now.getTime()) since = new Date(last.windowTo);
    }
    const req: Parameters<typeof briefingFromStore>[1] = { story: ctx.story, now: ctx.now, fallback: 'latest' };
    if (since !== undefined) req.since = since;
    if (args.question !== undefined) req.question = args.question;
    return { kind: 'briefing', briefing: await interactiveBriefing(ctx.store, req) };
  },
};
