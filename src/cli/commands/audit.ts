import type { AuditEntry } from '../../store/store.js';
import { parseSince } from '../../time/duration.js';
import { parseFlags } from '../args.js';
import { createRuntime } from '../runtime.js';
import { EXIT, type CliCommand } from '../types.js';

const USAGE = 'sitrep audit [--since 24h|7d|ISO] [--event ID] [--format text|json] [--db FILE]';

function line(e: AuditEntry): string {
  const who = e.actorName && !e.actor.endsWith(`:${e.actorName}`) ? `${e.actorName} (${e.actor})` : e.actor;
  return [e.at, who, e.action, e.eventId ?? '-', e.detail ?? ''].join('  ').trimEnd();
}

/** `sitrep audit`: who did what to which event, when (text), with the record before and after (json). */
export const command: CliCommand = {
  name: 'audit',
  usage: USAGE,
  async run(argv, io) {
    const flags = parseFlags(argv, { db: { type: 'string' }, data: { type: 'string' }, since: { type: 'string' }, event: { type: 'string' }, format: { type: 'string' } });
    const bad = (e: string) => (io.stderr(`sitrep audit: ${e}\nUsage: ${USAGE}\n`), EXIT.usage);
    if (!flags.ok) return bad(flags.error);
    const v = flags.value.values;
    if (flags.value.positionals.length > 0) return bad(`unexpected argument "${flags.value.positionals[0]}"`);
    const format = v.format ?? 'text';
    if (format !== 'text' && format !== 'json') return bad(`--format must be text or json, not "${format}"`);
    let since: string | undefined;
    if (v.since !== undefined) {
      const s = parseSince(v.since, io.now());
      if (!s.ok) return bad(`--since: ${s.error}`);
      since = s.since.toISOString();
    }
    const rt = await createRuntime(io, { db: v.db, data: v.data, skipSync: true });
    if (!rt.ok) return rt.code;
    try {
      const entries = await rt.runtime.store.listAudit({ ...(since !== undefined ? { since } : {}), ...(v.event !== undefined ? { eventId: v.event } : {}) });
      if (format === 'json') io.stdout(`${JSON.stringify(entries, null, 2)}\n`);
      else if (entries.length === 0) io.stdout(`No audit entries${since !== undefined ? ` since ${since}` : ''}.\n`);
      else io.stdout(`${entries.map(line).join('\n')}\n`);
      return EXIT.ok;
    } finally {
      await rt.runtime.close();
    }
  },
};
