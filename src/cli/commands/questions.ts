import { briefingFromStore } from '../../briefing/service.js';
import { renderQuestionsText } from '../../render/text.js';
import { dataFlags, parseFlags, resolveNow } from '../args.js';
import { createRuntime } from '../runtime.js';
import { EXIT, type CliCommand } from '../types.js';

const USAGE = 'sitrep questions [--story ID] [--now ISO] [--format text|json] [--data DIR] [--db FILE]';

/** `sitrep questions`: the tracked questions and their status. */
export const command: CliCommand = {
  name: 'questions',
  usage: USAGE,
  async run(argv, io) {
    const flags = parseFlags(argv, { ...dataFlags, now: { type: 'string' }, format: { type: 'string' } });
    const bad = (e: string) => (io.stderr(`sitrep questions: ${e}\nUsage: ${USAGE}\n`), EXIT.usage);
    if (!flags.ok) return bad(flags.error);
    const f = flags.value.values;
    const format = f.format ?? 'text';
    if (format !== 'text' && format !== 'json') return bad(`--format "${format}" is not one of text, json`);
    const now = resolveNow(f.now, io.now);
    if (!now.ok) return bad(now.error);
    const rt = await createRuntime(io, { data: f.data, db: f.db, story: f.story });
    if (!rt.ok) return rt.code;
    try {
      const b = await briefingFromStore(rt.runtime.store, { story: rt.runtime.story, now: now.now });
      if (format === 'json') io.stdout(`${JSON.stringify({ story: b.story, generatedAt: b.generatedAt, questions: b.questions }, null, 2)}\n`);
      else io.stdout(`${renderQuestionsText({ kind: 'questions', story: b.story, questions: b.questions, generatedAt: b.generatedAt })}\n`);
      return EXIT.ok;
    } finally {
      await rt.runtime.close();
    }
  },
};
