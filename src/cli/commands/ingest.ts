import { stringify } from 'yaml';
import { parseIsoInstant } from '../../time/duration.js';
import { dataFlags, parseFlags, resolveNow } from '../args.js';
import { createRuntime } from '../runtime.js';
import { reviewIngestHook } from '../../review/ingest-hook.js';
import { isYearless } from '../../records/date-source.js';
import { EXIT, type CliCommand, type CliIo } from '../types.js';

const USAGE =
  'sitrep ingest <file|url|->... [--story ID] [--source-name NAME] [--url URL] [--published ISO] [--dry-run] [--workers N] [--format json|yaml] [--db FILE] [--data DIR]';

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer | string>) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * `sitrep ingest`: turn articles (text, HTML, RSS/Atom; files, URLs or stdin) into event records. Prints the records
 * (one JSON array, or YAML) with a `{ input, rejected: true, reason, score }` entry per off-story input; errors go to
 * stderr and make the exit code 1. Stores the records (drafts unless the story auto-publishes) unless --dry-run.
 */
export const command: CliCommand = {
  name: 'ingest',
  usage: USAGE,
  async run(argv: string[], io: CliIo) {
    const flags = parseFlags(argv, {
      ...dataFlags,
      'source-name': { type: 'string' },
      url: { type: 'string' },
      published: { type: 'string' },
      'dry-run': { type: 'boolean' },
      workers: { type: 'string' },
      format: { type: 'string' },
      now: { type: 'string' },
    });
    const bad = (e: string) => (io.stderr(`sitrep ingest: ${e}\nUsage: ${USAGE}\n`), EXIT.usage);
    if (!flags.ok) return bad(flags.error);
    const v = flags.value.values;
    const inputs = flags.value.positionals;
    if (inputs.length === 0) return bad('give at least one file, URL or - (stdin)');
    const format = v.format ?? 'json';
    if (format !== 'json' && format !== 'yaml') return bad(`--format must be json or yaml, not "${format}"`);
    if (v.published !== undefined && !parseIsoInstant(v.published)) return bad(`--published "${v.published}" is not an ISO date or date-time (e.g. 2025-05-19T20:00:00Z)`);
    if (v.url !== undefined && !isHttpUrl(v.url)) return bad(`--url "${v.url}" is not an http(s) URL`);
    if (v['source-name'] !== undefined && v['source-name'].trim() === '') return bad('--source-name is empty');
    if (inputs.filter((i) => i === '-').length > 1) return bad('stdin (-) can be given once');
    if (v.workers !== undefined && !/^(?:[0-9]|1[0-6])$/.test(v.workers)) return bad(`--workers must be a whole number from 0 to 16, not "${v.workers}"`);
    const now = resolveNow(v.now, io.now);
    if (!now.ok) return bad(now.error);

    const rt = await createRuntime(io, { data: v.data, db: v.db, story: v.story });
    if (!rt.ok) return rt.code;
    const { store, story, logger } = rt.runtime;
    try {
      const published = v.published !== undefined ? (parseIsoInstant(v.published) as Date).toISOString().replace(/\.000Z$/, 'Z') : undefined;
      // Loaded here, not with the command list: with the name lexicon and HTML parsing, ingestion adds about 30 MB to
      // any process that loads it.
      const { ingestInputs } = await import('../../ingest/pipeline.js');
      // New drafts are queued for review in the outbox (never posted from here): the running bot posts them within
      // seconds, or `sitrep deliver` does; if neither runs now, nothing is lost.
      let queued = 0;
      const review = rt.runtime.config.review;
      const onStored = reviewIngestHook({ store, stories: rt.runtime.stories, ...(review ? { review } : {}), now: () => now.now, onQueued: () => void queued++ });
      const run = await ingestInputs(inputs, {
        story,
        store,
        now: now.now,
        logger,
        onStored,
        ...(v['dry-run'] ? { dryRun: true } : {}),
        ...(v['source-name'] !== undefined ? { sourceName: v['source-name'] } : {}),
        ...(v.url !== undefined ? { url: v.url } : {}),
        ...(published !== undefined ? { published } : {}),
        ...(v.workers !== undefined ? { workers: Number(v.workers) } : {}),
        ...(io.stdin ? { readStdin: () => readAll(io.stdin as NodeJS.ReadableStream) } : {}),
      });
      const rejected = run.results.filter((r) => !r.ok && r.rejected).map((r) => (!r.ok && r.rejected ? { input: r.input, rejected: true as const, reason: r.reason, score: r.score } : undefined));
      const out = [...run.records, ...rejected];
      io.stdout(format === 'json' ? `${JSON.stringify(out, null, 2)}\n` : stringify(out));
      let failed = 0;
      for (const r of run.results) {
        if (r.ok) {
          io.stderr(`${r.input}: ${r.outcome === 'created' ? 'new event' : r.outcome === 'merged' ? 'merged into' : 'already in'} ${r.eventId}\n`);
          if (r.dateSource === 'ingest-time' && r.datedByEvent !== undefined)
            io.stderr(`${r.input}: warning: no date in it and no --published given; dated ${r.datedByEvent.slice(0, 10)} by the dated reports of the same event: check it in \`sitrep drafts\` or pass --published\n`);
          else if (r.occurredAt !== undefined && isYearless({ dateSource: r.dateSource, occurredAt: r.occurredAt }))
            io.stderr(
              `${r.input}: warning: no year in its date and no --published given; dated ${r.occurredAt}, that day's latest before the ingest time: check it in \`sitrep drafts\` or pass --published\n`,
            );
          else if (r.dateSource === 'ingest-time')
            io.stderr(
              `${r.input}: warning: no publication date in it and no --published given; dated ${r.occurredAt ?? 'now'} from the ingest time: check it in \`sitrep drafts\` or pass --published\n`,
            );
        }
        else if (r.rejected) io.stderr(`${r.input}: rejected as off-story (${r.reason}; score ${r.score})\n`);
        else {
          failed++;
          io.stderr(`${r.input}: error: ${r.error} [${r.code}]\n`);
        }
      }
      const verb = v['dry-run'] ? 'would store' : 'stored';
      const status = story.autoPublish ? 'published' : 'draft';
      io.stderr(`${verb} ${run.records.length} event${run.records.length === 1 ? '' : 's'} (${status}) for ${story.id}; ${rejected.length} rejected, ${failed} failed${!v['dry-run'] && !story.autoPublish && run.records.length > 0 ? ' — review with `sitrep drafts`, publish with `sitrep approve ID`' : ''}\n`);
      if (queued > 0)
        io.stderr(
          `queued chat messages (${review ? `review posts in ${review.platform}:${review.channel}, ` : ''}review updates, corrections): the running bot posts them within seconds, or run \`sitrep deliver\`\n`,
        );
      return failed > 0 ? EXIT.failure : EXIT.ok;
    } finally {
      await rt.runtime.close();
    }
  },
};
