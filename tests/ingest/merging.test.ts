import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestInputs } from '../../src/ingest/pipeline.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { sampleStory } from '../helpers/fixtures.js';

describe('merging reports that state no date', () => {
  it('merges two undated reports of one event, and keeps an undated report of another event apart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-undated-pair-'));
    const files = {
      a: [
        'Zelensky says US security guarantees document ready for signing',
        'Ukrainian President Volodymyr Zelensky said in Vilnius that the security guarantees document prepared with the United States was fully ready for signing.',
        'Zelensky said Ukraine was waiting for its partners to confirm the date and venue for signing the agreement in Vilnius.',
        'The document would then go to the US Congress and the Ukrainian parliament for ratification, Zelensky said.',
      ],
      b: [
        'Zelenskiy: security guarantees agreement with Washington is ready',
        'Speaking during an official visit to Vilnius, Volodymyr Zelenskiy said the security guarantees agreement with the United States was ready and awaited a signing date.',
        'The text had been agreed with US negotiators in recent weeks, Zelenskiy added, without giving details.',
        'Lithuania hosted the Ukrainian president for talks on the peace process and the reconstruction of Ukraine.',
      ],
      c: [
        'Rubio and Lavrov meet in Riyadh',
        'US Secretary of State Marco Rubio met Russian Foreign Minister Sergei Lavrov in Riyadh for talks on restoring embassies and on the war in Ukraine.',
        'The Kremlin said the Riyadh meeting would prepare a possible summit between Putin and Trump.',
        'No Ukrainian officials took part in the talks in Saudi Arabia.',
      ],
    };
    const paths = Object.entries(files).map(([name, lines]) => {
      const path = join(dir, `${name}.txt`);
      writeFileSync(path, lines.join('\n'));
      return path;
    });
    const run = await ingestInputs(paths, { story: sampleStory(), now: new Date('2026-02-01T12:00:00Z'), dryRun: true });
    rmSync(dir, { recursive: true, force: true });
    expect(run.records).toHaveLength(2);
    expect(run.records.map((r) => r.sources.length).sort()).toEqual([1, 2]);
  });
});

describe('merging across runs', () => {
  it('adds a short report to an event that three fuller reports grew, when each was ingested in a run of its own', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-runs-'));
    const reports = [
      [
        'Trump says no progress in phone call with Putin',
        'US President Donald Trump said on Thursday that his phone call with Russian President Vladimir Putin made no progress on ending the war in Ukraine.',
        'The Kremlin aide Yuri Ushakov said the hour-long call also covered Iran and trade projects in energy and space.',
        'Ushakov said Putin told Trump that Russia would not back down from its goals in Ukraine.',
        'The call came days after Washington paused some deliveries of air defence missiles to Kyiv.',
      ],
      [
        'Putin tells Trump in phone call Russia will pursue its goals',
        'Vladimir Putin told Donald Trump in a phone call on Thursday that Moscow would pursue its goals in Ukraine and was ready for a third round of peace talks, Kremlin aide Yuri Ushakov said.',
        'Trump told reporters at Andrews air base he was very disappointed and made no progress with Putin at all.',
        'Ushakov said the two presidents also discussed Iran during the call, which lasted almost an hour.',
        'Zelensky said in Aarhus that he hoped to speak with Trump on Friday about the paused air defence deliveries.',
      ],
      [
        'Sixth Trump–Putin phone call ends without progress',
        'The sixth phone call between Trump and Putin since January ended without progress on a ceasefire in Ukraine, Trump said on Thursday.',
        'Ushakov said Putin told Trump that Russia would not back down from its goals, and that the call touched on Iran.',
        'Republican senators urged Trump to back a sanctions bill against buyers of Russian oil after the call.',
        'Trump blamed his predecessor Joe Biden for emptying American weapons stockpiles, including air defence missiles.',
      ],
      [
        'No progress with Putin, Trump says',
        'Donald Trump said his phone call with Vladimir Putin on Thursday made no progress on ending the war in Ukraine.',
        'The Kremlin said Putin would not back down from Russia’s goals.',
      ],
    ];
    const store = openSqliteStore(':memory:');
    const story = sampleStory();
    await store.upsertStory(story);
    const ids: string[] = [];
    for (const [i, lines] of reports.entries()) {
      const path = join(dir, `r${i}.txt`);
      writeFileSync(path, lines.join('\n'));
      // One run per file, as separate `sitrep ingest` calls or feed polls make them: the event is found in the store.
      const run = await ingestInputs([path], { story, store, now: new Date('2026-02-01T12:00:00Z'), published: '2025-07-03T18:00:00Z' });
      const r = run.results[0];
      if (r?.ok) ids.push(r.eventId);
    }
    rmSync(dir, { recursive: true, force: true });
    const events = await store.listEvents({ story: story.id, status: 'any', limit: 10 });
    await store.close();
    const call = events.find((e) => e.id === ids[0]);
    expect(call?.sources).toHaveLength(4);
    expect(ids.slice(0, 4).every((id) => id === ids[0])).toBe(true);
  });
});
