import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

  it('says on stderr when nothing dates an input, and the draft shows it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-undated-'));
    const env = { SITREP_DB: join(dir, 'sitrep.db'), SITREP_DATA: join(import.meta.dirname, '..', '..', 'briefings'), LOG_LEVEL: 'silent' };
    try {
      const undated = join(dir, 'undated.txt');
      writeFileSync(undated, 'Russia and Ukraine agreed to continue ceasefire talks in Istanbul, the Turkish foreign minister said.\nThe delegations will exchange memorandums on a possible peace deal, Ukrainian officials said.\n');
      const io = recordingIo(env, () => new Date('2025-06-03T09:00:00Z'));
      expect(await ingest.run([undated], io)).toBe(0);
      expect(io.err.join('')).toMatch(/undated\.txt: warning: no publication date in it and no --published given; dated 2025-06-03T09:00:00Z from the ingest time/);
      const [record] = JSON.parse(io.out.join('')) as Array<{ dateSource: string }>;
      expect(record?.dateSource).toBe('ingest-time');
      const listed = recordingIo(env);
      await drafts.run([], listed);
      expect(listed.out.join('')).toContain('NOT DATED: ingest time, check it');
      // With a date in it (a crawler's date line), no warning.
      const dated = join(dir, 'dated.txt');
      writeFileSync(dated, ' date 2025-06-02 Russia and Ukraine hold second round of talks in Istanbul\nThe delegations met on Monday for about an hour and agreed on a new prisoner exchange, the Turkish foreign minister said.\n');
      const io2 = recordingIo(env, () => new Date('2025-06-03T09:00:00Z'));
      expect(await ingest.run([dated], io2)).toBe(0);
      expect(io2.err.join('')).not.toContain('warning');
      expect((JSON.parse(io2.out.join('')) as Array<{ occurredAt: string; dateSource: string }>)[0]).toMatchObject({ occurredAt: '2025-06-02', dateSource: 'text' });
      // Undated, but another outlet's dated report of the same event is stored: dated by it, and said so.
      const later = join(dir, 'later.txt');
      writeFileSync(later, 'Russia and Ukraine end second round of ceasefire talks in Istanbul with a prisoner exchange\nThe Russian and Ukrainian delegations met in Istanbul for about an hour and agreed on a new prisoner exchange and to continue ceasefire talks, the Turkish foreign minister said.\n');
      const io3 = recordingIo(env, () => new Date('2025-09-01T09:00:00Z'));
      expect(await ingest.run([later], io3)).toBe(0);
      expect(io3.err.join('')).toMatch(/later\.txt: warning: no date in it and no --published given; dated 2025-06-02 by the dated reports of the same event: check it/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("dates a report that writes its day without the year by last year's dated report of the same event, either way round", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-yearless-'));
    const envOf = (name: string) => ({ SITREP_DB: join(dir, `${name}.db`), SITREP_DATA: join(import.meta.dirname, '..', '..', 'briefings'), LOG_LEVEL: 'silent' });
    const dated = join(dir, 'dated.txt');
    writeFileSync(
      dated,
      ' date 2025-02-18 US and Russian officials hold talks in Riyadh on ending the war in Ukraine\nSecretary of State Marco Rubio and Russian Foreign Minister Sergei Lavrov met in Riyadh and agreed to restore their embassies and to form high-level teams to negotiate an end to the war in Ukraine, the State Department said.\n',
    );
    const yearless = join(dir, 'yearless.txt');
    writeFileSync(
      yearless,
      'Rubio and Lavrov agree on negotiating teams in Riyadh\nSecretary of State Marco Rubio and Russian Foreign Minister Sergei Lavrov met in Riyadh on Feb. 18 and agreed to restore their embassies and to form high-level teams to negotiate an end to the war in Ukraine.\n',
    );
    const ingestAt = async (env: Record<string, string>, file: string, now: string) => {
      const io = recordingIo(env, () => new Date(now));
      expect(await ingest.run([file], io)).toBe(0);
      return { err: io.err.join(''), records: JSON.parse(io.out.join('')) as Array<{ id: string; occurredAt: string; sources: unknown[] }> };
    };
    try {
      // The dated report first, the other ingested late: "Feb. 18" read against December 2026 is 18 February 2026.
      const first = envOf('a');
      const stored = await ingestAt(first, dated, '2025-02-19T08:00:00Z');
      const late = await ingestAt(first, yearless, '2026-12-06T08:00:00Z');
      expect(late.records[0]).toMatchObject({ id: stored.records[0]?.id, occurredAt: '2025-02-18' });
      expect(late.records[0]?.sources).toHaveLength(2);
      expect(late.err).toMatch(/yearless\.txt: warning: no date in it and no --published given; dated 2025-02-18 by the dated reports of the same event/);
      // The other way round: the report without a year makes the event, the dated one moves it to its year.
      const second = envOf('b');
      const guessed = await ingestAt(second, yearless, '2026-12-06T08:00:00Z');
      expect(guessed.records[0]?.occurredAt).toBe('2026-02-18');
      expect(guessed.err).toMatch(/yearless\.txt: warning: no year in its date and no --published given; dated 2026-02-18, that day's latest before the ingest time/);
      const listed = recordingIo(second);
      await drafts.run([], listed);
      expect(listed.out.join('')).toContain('2026-02-18 (YEAR GUESSED: the article gives no year, check it)');
      const moved = await ingestAt(second, dated, '2026-12-06T09:00:00Z');
      expect(moved.records[0]).toMatchObject({ id: guessed.records[0]?.id, occurredAt: '2025-02-18' });
      // A day of the last weeks is this year's: today's news does not go under last year's event of the same day.
      const third = envOf('c');
      await ingestAt(third, dated, '2025-02-19T08:00:00Z');
      const recent = await ingestAt(third, yearless, '2026-03-01T08:00:00Z');
      expect(recent.records[0]?.occurredAt).toBe('2026-02-18');
      expect(recent.records[0]?.sources).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("places an undated report with the dated event it stands out for, not with another undated report of the same ingest time", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-undated-pair-'));
    const env = { SITREP_DB: join(dir, 'sitrep.db'), SITREP_DATA: join(import.meta.dirname, '..', '..', 'briefings'), LOG_LEVEL: 'silent' };
    const files = {
      moscow:
        ' date 2025-12-02 Witkoff and Kushner hold talks with Putin in Moscow\nUS envoy Steve Witkoff and Jared Kushner met Russian President Vladimir Putin in the Kremlin for five hours to discuss the US peace plan for Ukraine, Kremlin aide Yuri Ushakov said.\nUshakov said no compromise had been found on the territorial question, but the talks were useful.\n',
      // Old news ingested late, both at once: the same ingest time says nothing of their days.
      miami:
        'Witkoff meets Kremlin envoy Dmitriev in Miami on peace plan\nUS envoy Steve Witkoff and Jared Kushner met Kremlin envoy Kirill Dmitriev in Miami on Saturday to discuss the US peace plan for Ukraine, Dmitriev said after the talks.\nDmitriev said the talks were constructive and no compromise had been found on the territorial question yet.\n',
      kremlin:
        'Putin receives Witkoff and Kushner at the Kremlin for five hours\nRussian President Vladimir Putin met US envoy Steve Witkoff and Jared Kushner in the Kremlin for five hours to discuss the US peace plan for Ukraine, Kremlin aide Yuri Ushakov said.\nUshakov said no compromise had been found on the territorial question.\n',
    };
    const placed: Record<string, string> = {};
    try {
      for (const [name, now] of [['moscow', '2025-12-03T08:00:00Z'], ['miami', '2026-12-06T08:00:00Z'], ['kremlin', '2026-12-06T08:05:00Z']] as const) {
        const file = join(dir, `${name}.txt`);
        writeFileSync(file, files[name]);
        const io = recordingIo(env, () => new Date(now));
        expect(await ingest.run([file], io)).toBe(0);
        placed[name] = (JSON.parse(io.out.join('')) as Array<{ id: string }>)[0]?.id ?? '';
      }
      // Saturday rules the Moscow talks (a Tuesday) out for the Miami report, which stays an event of its own.
      expect(placed.miami).not.toBe(placed.moscow);
      expect(placed.kremlin).toBe(placed.moscow);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
