import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestInputs } from '../../src/ingest/pipeline.js';
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
