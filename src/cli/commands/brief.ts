import { briefingFromStore } from '../../briefing/service.js';
import { fullBriefingFromStore } from '../../briefing/full-service.js';
import { renderPage } from '../../page/html.js';
import { resolveQuestion } from '../../commands/resolve-question.js';
import { renderMarkdown } from '../../render/markdown.js';
import { renderText } from '../../render/text.js';
import { parseSince } from '../../time/duration.js';
import { dataFlags, parseFlags, resolveNow } from '../args.js';
import { createRuntime } from '../runtime.js';
import { EXIT, type CliCommand } from '../types.js';

const USAGE = 'sitrep brief [--story ID] [--question ID] [--since ISO|24h|7d] [--now ISO] [--format text|markdown|json|html] [--data DIR] [--db FILE]';
const FORMATS = ['text', 'markdown', 'json', 'html'] as const;

/** `sitrep brief`: print the briefing. */
export const command: CliCommand = {
  name: 'brief',
  usage: USAGE,
  async run(argv, io) {
    const flags = parseFlags(argv, { ...dataFlags, question: { type: 'string' }, since: { type: 'string' }, now: { type: 'string' }, format: { type: 'string' } });
    if (!flags.ok) return usage(io, flags.error);
    const f = flags.value.values;
    if (flags.value.positionals.length > 0) return usage(io, `unexpected argument "${flags.value.positionals[0]}"`);
    const format = f.format ?? 'text';
    if (!(FORMATS as readonly string[]).includes(format)) return usage(io, `--format "${format}" is not one of ${FORMATS.join(', ')}`);
    const now = resolveNow(f.now, io.now);
    if (!now.ok) return usage(io, now.error);
    const since = f.since !== undefined ? parseSince(f.since, now.now) : undefined;
    if (since && !since.ok) return usage(io, `--since: ${since.error}`);
    if (format === 'html' && f.question !== undefined) return usage(io, '--question does not apply to --format html: the page shows every question');

    const rt = await createRuntime(io, { data: f.data, db: f.db, story: f.story });
    if (!rt.ok) return rt.code;
    const { story, store } = rt.runtime;
    try {
      let question: string | undefined;
      if (f.question !== undefined) {
        const q = resolveQuestion(story, f.question);
        if (!q.ok) return usage(io, q.error);
        question = q.id;
      }
      if (format === 'html') {
        // The briefing page, self-contained (inline style, no script, no requests): the same page `sitrep serve` shows.
        const full = await fullBriefingFromStore(store, { story, now: now.now, ...(since?.ok ? { since: since.since } : {}) });
        io.stdout(renderPage(full));
        return EXIT.ok;
      }
      const req: Parameters<typeof briefingFromStore>[1] = { story, now: now.now };
      if (since?.ok) req.since = since.since;
      if (question !== undefined) req.question = question;
      const b = await briefingFromStore(store, req);
      if (format === 'json') io.stdout(`${JSON.stringify(b, null, 2)}\n`);
      else if (format === 'markdown') io.stdout(`${renderMarkdown(b)}\n`);
      else io.stdout(`${renderText(b)}\n`);
      return EXIT.ok;
    } finally {
      await rt.runtime.close();
    }
  },
};

function usage(io: { stderr: (s: string) => void }, error: string): number {
  io.stderr(`sitrep brief: ${error}\nUsage: ${USAGE}\n`);
  return EXIT.usage;
}
