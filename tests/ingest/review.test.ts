import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordingIo } from '../helpers/cli.js';
import { command as approve } from '../../src/cli/commands/approve.js';
import { command as drafts } from '../../src/cli/commands/drafts.js';
import { command as ingest } from '../../src/cli/commands/ingest.js';
import type { CliCommand } from '../../src/cli/types.js';
import { SEEDS } from '../helpers/fixtures.js';

describe('sitrep ingest → drafts → approve', () => {
  it('stores drafts, lists them, and publishes them on approval', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-review-'));
    const env = { SITREP_DB: join(dir, 'sitrep.db'), SITREP_DATA: join(import.meta.dirname, '..', '..', 'briefings'), LOG_LEVEL: 'silent' };
    const run = async (cmd: CliCommand, argv: string[]) => {
      const io = recordingIo(env);
      const code = await cmd.run(argv, io);
      return { code, out: io.out.join(''), err: io.err.join('') };
    };
    try {
      const seeds = ['000_73e9b54b8ea29b65.txt', '003_f016421eb0b28ed3.txt'].map((f) => join(SEEDS, f));
      const ingested = await run(ingest, ['--published', '2025-05-19T20:00:00Z', ...seeds]);
      expect(ingested.code).toBe(0);
      const id = (JSON.parse(ingested.out) as Array<{ id: string }>)[0]?.id ?? '';
      const listed = await run(drafts, ['--format', 'json']);
      expect((JSON.parse(listed.out) as Array<{ id: string; sources: unknown[] }>).map((r) => [r.id, r.sources.length])).toEqual([[id, 2]]);
      expect((await run(drafts, [])).out).toContain(id);
      const approved = await run(approve, [id, 'no-such-event']);
      expect(approved.code).toBe(1);
      expect(approved.out).toContain(`published ${id}`);
      expect(approved.err).toContain('no-such-event');
      expect((await run(drafts, [])).out).toContain('No drafts');
      expect((await run(ingest, ['--format', 'xml', seeds[0] as string])).code).toBe(2);
      expect((await run(ingest, ['--published', 'yesterday', seeds[0] as string])).code).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
