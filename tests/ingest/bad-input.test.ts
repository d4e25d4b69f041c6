import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestInputs } from '../../src/ingest/pipeline.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { SEEDS } from '../helpers/fixtures.js';
import { ceasefireStory } from './story.js';

const dir = { path: mkdtempSync(join(tmpdir(), 'sitrep-bad-input-')) };
afterAll(() => rmSync(dir.path, { recursive: true, force: true }));

describe('bad inputs', () => {
  it('gives each bad input one clear reason, stores nothing for it, and still ingests the good one', async () => {
    const seed = readFileSync(join(SEEDS, '003_f016421eb0b28ed3.txt'));
    const files: Record<string, Buffer> = {
      'empty.txt': Buffer.alloc(0),
      'binary.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
      'latin1.txt': Buffer.from('Les négociations de cessez-le-feu entre la Russie et l’Ukraine ont repris à Istanbul, a déclaré le Kremlin.', 'latin1'),
      'truncated.txt': Buffer.concat([seed.subarray(0, 400), Buffer.from('Zelenskyy said “', 'utf8').subarray(0, 15), Buffer.from([0xe2, 0x80])]),
      'all-chrome.txt': Buffer.from(['WORLD', 'Home > World > Europe', 'Help us reach 25,000 members by the end of the year', '0 out of 25,000', 'Share this article', 'Subscribe to our newsletter'].join('\n')),
      'italian.txt': Buffer.from(
        [
          'Il presidente ucraino Volodymyr Zelensky ha chiesto nuove e severe sanzioni contro la Russia e i suoi alleati dopo un attacco notturno a Kiev da parte di droni russi.',
          'L’attacco ha causato gravi danni a due grattacieli e il sindaco di Kiev ha dichiarato che sette dei feriti sono stati trasportati negli ospedali della capitale ucraina.',
        ].join('\n\n'),
      ),
      // A page in another language that embeds a post in English (chrome): no English article either.
      'russian-with-post.txt': Buffer.from(
        [
          'По его словам, встреча прошла во Флориде в рамках посреднических усилий США, направленных на прекращение войны России против Украины, и продолжится на следующей неделе.',
          'Today in Florida, the envoys held productive and constructive meetings on a peaceful resolution of the conflict in Ukraine, the ceasefire talks will continue.',
          '— Special Envoy Steve Witkoff (@SEPeaceMissions) January 31, 2026',
          'Он добавил, что в состав американской делегации, кроме него самого, вошли министр финансов и старший советник Белого дома, а также представители Министерства обороны.',
          'Ранее стороны провели несколько раундов переговоров в Абу-Даби и Женеве, однако по ключевым вопросам договориться пока не удалось, сообщают источники.',
          'В Кремле заявили, что результаты встречи будут доложены президенту, а следующая встреча может состояться уже в феврале.',
        ].join('\n\n'),
      ),
      'huge.txt': Buffer.from(Array.from({ length: 5000 }, () => 'Russia and Ukraine held ceasefire talks in Istanbul on Friday, officials said.').join('\n')),
      // A saved page with runs of tens of thousands of spaces in its paragraphs: read in linear time (a pattern with two
      // unbounded space runs took minutes on such a page).
      'spaces.html': Buffer.from(
        `<!doctype html><html><head><title>Talks</title></head><body><article>${Array.from({ length: 6 }, () => `<p>Seite${' '.repeat(40_000)}Link, opens new tab</p>`).join('')}</article></body></html>`,
      ),
      'good.txt': seed,
    };
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir.path, name), bytes);
    const store = openSqliteStore(join(dir.path, 'sitrep.db'));
    try {
      const run = await ingestInputs(
        Object.keys(files).map((n) => join(dir.path, n)),
        { story: ceasefireStory(), store, now: new Date('2025-05-21T00:00:00Z'), published: '2025-05-19T21:00:00Z' },
      );
      const byName = Object.fromEntries(run.results.map((r) => [r.input.split('/').pop(), r]));
      const code = (n: string) => {
        const r = byName[n];
        return r && !r.ok && !r.rejected ? r.code : r?.ok ? 'ok' : 'rejected';
      };
      expect(code('empty.txt')).toBe('EMPTY');
      expect(code('binary.txt')).toBe('BINARY');
      expect(code('latin1.txt')).toBe('NOT_UTF8');
      expect(code('truncated.txt')).toBe('TRUNCATED');
      expect(code('all-chrome.txt')).toBe('NO_TEXT');
      expect(code('huge.txt')).toBe('TOO_LONG');
      expect(code('italian.txt')).toBe('NO_TEXT');
      expect(byName['italian.txt']).toMatchObject({ error: expect.stringContaining('in English') });
      expect(code('russian-with-post.txt')).toBe('NO_TEXT');
      expect(byName['russian-with-post.txt']).toMatchObject({ error: expect.stringContaining('in English') });
      expect(code('spaces.html')).toBe('NO_TEXT');
      expect(code('good.txt')).toBe('ok');
      for (const r of run.results) if (!r.ok && !r.rejected) expect(r.error).not.toContain('\n');
      const stored = await store.listEvents({ story: 'ukraine-ceasefire', status: 'any' });
      expect(stored).toHaveLength(1);
      expect(stored[0]?.sources).toHaveLength(1);
    } finally {
      await store.close();
    }
  });
});
