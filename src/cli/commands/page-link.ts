import { z } from 'zod';
import { pageLinkKey } from '../../page/link-token.js';
import { pageLinker } from '../../page/links.js';
import { parseIsoInstant, parseSince } from '../../time/duration.js';
import { dataFlags, parseFlagsWith, resolveNow, usageError } from '../args.js';
import { createRuntime } from '../runtime.js';
import { EXIT, type CliCommand } from '../types.js';

const USAGE = 'sitrep page-link [--story ID] [--since 24h|7d|ISO] [--until ISO] [--now ISO] [--data DIR] [--db FILE]';

const flags = { ...dataFlags, since: { type: 'string' }, until: { type: 'string' }, now: { type: 'string' } } as const;
const argsSchema = z.object({ since: z.string().default('24h'), until: z.string().optional() });

/**
 * `sitrep page-link`: print a signed link to a story's briefing page (under PUBLIC_URL, else http://localhost:PORT),
 * valid for SITREP_PAGE_TTL. Without --until the page reads up to the moment it is opened ("the last 24 hours").
 */
export const command: CliCommand = {
  name: 'page-link',
  usage: USAGE,
  async run(argv, io) {
    const parsed = parseFlagsWith(argv, flags, argsSchema);
    if (!parsed.ok) return usageError(io, 'page-link', USAGE, parsed.error);
    const now = resolveNow(parsed.values.now, io.now);
    if (!now.ok) return usageError(io, 'page-link', USAGE, now.error);
    const { since, until } = parsed.args;
    const until_ = until !== undefined ? parseIsoInstant(until) : undefined;
    if (until !== undefined && !until_) return usageError(io, 'page-link', USAGE, `--until "${until}" is not an ISO date-time`);
    const checked = parseSince(since, until_ ?? now.now);
    if (!checked.ok) return usageError(io, 'page-link', USAGE, `--since: ${checked.error}`);

    const rt = await createRuntime(io, { data: parsed.values.data, db: parsed.values.db, story: parsed.values.story });
    if (!rt.ok) return rt.code;
    const { config, story } = rt.runtime;
    await rt.runtime.close();
    if (config.secretKey === undefined) {
      io.stderr('sitrep page-link: SITREP_SECRET_KEY is not set: links to briefing pages are signed with it (see README "The briefing page").\n');
      return EXIT.failure;
    }
    const linker = pageLinker({ baseUrl: config.publicUrl ?? `http://localhost:${config.port}`, key: pageLinkKey(config.secretKey), ttlMs: config.pageTtlMs });
    const url =
      until_ !== undefined
        ? linker.forBriefing({ story: { id: story.id }, window: { from: checked.since.toISOString(), to: until_.toISOString() }, generatedAt: now.now.toISOString() })
        : linker.forSince(story.id, since, now.now.getTime());
    io.stdout(`${url}\n`);
    return EXIT.ok;
  },
};
