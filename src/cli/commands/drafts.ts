import type { EventRecord } from '../../records/schema.js';
import { isYearless } from '../../records/date-source.js';
import { dataFlags, parseFlags } from '../args.js';
import { createRuntime } from '../runtime.js';
import { EXIT, type CliCommand } from '../types.js';

const USAGE = 'sitrep drafts [--story ID] [--format text|json] [--db FILE] [--data DIR]';

/** Where the date came from, in words a reviewer acts on; the ingest time is a date nobody stated. */
const DATE_SOURCE: Record<NonNullable<EventRecord['dateSource']>, string> = {
  text: 'dated by the article',
  published: 'dated by publication',
  'ingest-time': 'NOT DATED: ingest time, check it',
};

/** A day the article wrote without its year, placed in the latest year that fits (see `isYearless`). */
const YEAR_GUESSED = 'YEAR GUESSED: the article gives no year, check it';

function describe(r: EventRecord): string {
  const dated = isYearless(r) ? YEAR_GUESSED : r.dateSource ? DATE_SOURCE[r.dateSource] : undefined;
  const facts = r.facts.map((f) => `    - ${f.text}${f.speaker ? ` (${f.speaker})` : ''} [${[f.source, ...(f.alsoSources ?? [])].join(', ')}]`);
  const signals = (r.signals ?? []).map((s) => `    ${s.question}: ${s.status}`);
  return [
    `${r.id}  ${r.occurredAt}${dated ? ` (${dated})` : ''}  ${r.sources.length} source${r.sources.length === 1 ? '' : 's'}: ${r.sources.map((s) => s.name).join(', ')}`,
    `  ${r.title}`,
    ...facts,
    ...(signals.length > 0 ? ['  signals:', ...signals] : []),
  ].join('\n');
}

/** `sitrep drafts`: list ingested event records waiting for review (drafts are invisible to briefings). */
export const command: CliCommand = {
  name: 'drafts',
  usage: USAGE,
  async run(argv, io) {
    const flags = parseFlags(argv, { ...dataFlags, format: { type: 'string' } });
    const bad = (e: string) => (io.stderr(`sitrep drafts: ${e}\nUsage: ${USAGE}\n`), EXIT.usage);
    if (!flags.ok) return bad(flags.error);
    if (flags.value.positionals.length > 0) return bad(`unexpected argument "${flags.value.positionals[0]}"`);
    const format = flags.value.values.format ?? 'text';
    if (format !== 'text' && format !== 'json') return bad(`--format must be text or json, not "${format}"`);
    const rt = await createRuntime(io, { data: flags.value.values.data, db: flags.value.values.db, story: flags.value.values.story });
    if (!rt.ok) return rt.code;
    const { store, stories } = rt.runtime;
    try {
      const ids = flags.value.values.story !== undefined ? [flags.value.values.story] : [...stories.keys()];
      const drafts: EventRecord[] = [];
      for (const id of ids) drafts.push(...(await store.listEvents({ story: id, status: 'draft' })));
      if (format === 'json') io.stdout(`${JSON.stringify(drafts, null, 2)}\n`);
      else if (drafts.length === 0) io.stdout('No drafts waiting for review.\n');
      else io.stdout(`${drafts.map(describe).join('\n\n')}\n\n${drafts.length} draft${drafts.length === 1 ? '' : 's'}; publish with \`sitrep approve ID\`.\n`);
      return EXIT.ok;
    } finally {
      await rt.runtime.close();
    }
  },
};
