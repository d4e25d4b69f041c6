import { z } from 'zod';
import { HttpRouter } from '../../http/router.js';
import { registerPageRoutes } from '../../page/routes.js';
import { dataFlags, parseFlagsWith, usageError } from '../args.js';
import { registerOpsRoutes } from '../ops-routes.js';
import { createRuntime } from '../runtime.js';
import { EXIT, type CliCommand } from '../types.js';

const USAGE = 'sitrep serve [--port N] [--host ADDR] [--data DIR] [--db FILE]';

const flags = { ...dataFlags, port: { type: 'string' }, host: { type: 'string' } } as const;

const argsSchema = z.object({
  port: z.coerce.number({ error: 'must be a port number' }).int('must be a port number').min(0).max(65535).optional(),
  host: z.string().min(1).optional(),
});

/**
 * `sitrep serve`: the briefing pages (GET /s/<story>, /s/<story>.json) and /healthz, /readyz, /metrics on PORT,
 * without any chat platform. Refuses to start without SITREP_SECRET_KEY: every page needs a signed link.
 */
export const command: CliCommand = {
  name: 'serve',
  usage: USAGE,
  async run(argv, io) {
    const parsed = parseFlagsWith(argv, flags, argsSchema);
    if (!parsed.ok) return usageError(io, 'serve', USAGE, parsed.error);
    const rt = await createRuntime(io, { data: parsed.values.data, db: parsed.values.db, story: parsed.values.story });
    if (!rt.ok) return rt.code;
    const { config, store, logger, stories } = rt.runtime;
    if (config.secretKey === undefined) {
      await rt.runtime.close();
      io.stderr('sitrep serve: SITREP_SECRET_KEY is not set. Briefing pages are only served to signed links; set it to a random secret of at least 32 characters (e.g. openssl rand -base64 48), see README "The briefing page".\n');
      return EXIT.failure;
    }
    const http = new HttpRouter();
    registerOpsRoutes(http, { store, platforms: () => [], logger });
    registerPageRoutes(http, { store, stories, secretKey: config.secretKey, clock: io.now, logger });
    let port: number;
    try {
      port = await http.listen(parsed.args.port ?? config.port, parsed.args.host);
    } catch (err) {
      io.stderr(`sitrep serve: ${err instanceof Error ? err.message : String(err)}\n`);
      await rt.runtime.close();
      return EXIT.failure;
    }
    return new Promise<number>((resolve) => {
      let stopping = false;
      const shutdown = (signal: string) => {
        if (stopping) return;
        stopping = true;
        logger.info({ signal }, 'shutting down');
        void (async () => {
          await http.close();
          await rt.runtime.close();
          resolve(EXIT.ok);
        })();
      };
      process.once('SIGTERM', () => shutdown('SIGTERM'));
      process.once('SIGINT', () => shutdown('SIGINT'));
      io.stdout(`sitrep serving briefing pages on port ${port} (GET /s/<story>); "sitrep page-link" prints a link. Ctrl-C to stop.\n`);
    });
  },
};
