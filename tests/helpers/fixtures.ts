import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Briefing } from '../../src/briefing/types.js';
import { loadStoryDir } from '../../src/records/load.js';
import type { EventRecord, Story } from '../../src/records/schema.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite-store.js';

/** The repository root and the bundled data folder. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BRIEFINGS = join(ROOT, 'briefings');
export const SEEDS = join(ROOT, 'tests', 'fixtures', 'seeds');
/** The bundled story's "morning after" clock used across tests. */
export const MORNING_AFTER = new Date('2025-05-20T07:00:00Z');

let bundled: { stories: Story[]; records: EventRecord[] } | undefined;
function loadBundled(): { stories: Story[]; records: EventRecord[] } {
  if (!bundled) {
    const r = loadStoryDir(BRIEFINGS);
    if (r.errors.length > 0) throw new Error(`bundled data invalid: ${JSON.stringify(r.errors)}`);
    bundled = { stories: r.stories, records: r.records };
  }
  return bundled;
}

/** The bundled ukraine-ceasefire story (a fresh copy). */
export function sampleStory(): Story {
  const s = loadBundled().stories.find((x) => x.id === 'ukraine-ceasefire');
  if (!s) throw new Error('bundled story missing');
  return structuredClone(s);
}

/** The bundled records of the ceasefire story (fresh copies). */
export function sampleRecords(): EventRecord[] {
  return structuredClone(loadBundled().records.filter((r) => r.story === 'ukraine-ceasefire'));
}

/** A record with the given fact text (for escaping/limit tests). */
export function recordWithText(text: string, overrides: Partial<EventRecord> = {}): EventRecord {
  return {
    id: 'hostile-text',
    story: 'ukraine-ceasefire',
    occurredAt: '2025-05-20T06:00:00Z',
    title: text.slice(0, 160),
    importance: 5,
    sources: [{ id: 'src', name: text.slice(0, 120) || 'source', url: 'https://example.test/a' }],
    facts: [{ text: text.slice(0, 400), source: 'src', questions: ['territory'] }],
    signals: [{ question: 'territory', status: 'contested', text: text.slice(0, 400) }],
    ...overrides,
  };
}

/** A complete Briefing object for renderer tests. */
export function sampleBriefing(overrides: Partial<Briefing> = {}): Briefing {
  return {
    story: { id: 'ukraine-ceasefire', title: 'Russia–Ukraine ceasefire talks' },
    generatedAt: '2025-05-20T07:00:00.000Z',
    window: { from: '2025-05-19T07:00:00.000Z', to: '2025-05-20T07:00:00.000Z', fallback: false },
    headline: 'Trump and Putin hold a two-hour call and say ceasefire talks will start immediately',
    developments: [
      {
        text: 'After a two-hour phone call, Trump and Putin both said Russia and Ukraine would begin ceasefire negotiations "immediately".',
        eventId: '2025-05-19-trump-putin-call',
        factIds: ['talks-immediately'],
        sources: [{ name: 'Report B' }, { name: 'Report A', url: 'https://example.test/a' }],
        occurredAt: '2025-05-19T16:00:00Z',
        sourceCount: 2,
      },
    ],
    questions: [
      {
        id: 'territory',
        label: 'Territory',
        question: 'Which land?',
        status: 'open',
        summary: 'Putin offered unspecified "compromises".',
        lastChangedAt: '2025-05-19T17:00:00Z',
        changedInWindow: true,
        evidence: [],
      },
      {
        id: 'security-guarantees',
        label: 'Security guarantees',
        question: 'What protects Ukraine?',
        status: 'contested',
        summary: 'Putin repeated the "root causes" line.',
        lastChangedAt: '2025-05-19T17:00:00Z',
        changedInWindow: true,
        evidence: [],
      },
      {
        id: 'ukraine-response',
        label: "Ukraine's response",
        question: 'Does Kyiv accept?',
        status: 'moved',
        summary: 'Zelenskyy proposed a five-party meeting.',
        lastChangedAt: '2025-05-19T18:00:00Z',
        changedInWindow: true,
        evidence: [],
      },
    ],
    watch: [{ text: 'A prisoner exchange could be announced "within days".', eventId: '2025-05-19-prisoner-exchange', source: 'Report A' }],
    sources: [{ name: 'Report B' }, { name: 'Report A', url: 'https://example.test/a' }],
    stats: { eventsInWindow: 1, developmentsOmitted: 0 },
    ...overrides,
  };
}

/** A real SQLite store in a temp folder, with the bundled story loaded unless `empty`. */
export async function tempStore(opts: { empty?: boolean } = {}): Promise<{ store: SqliteStore; file: string; dir: string; cleanup: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-test-'));
  const file = join(dir, 'sitrep.db');
  const store = openSqliteStore(file);
  if (!opts.empty) {
    await store.upsertStory(sampleStory());
    await store.upsertEvents(sampleRecords());
  }
  return {
    store,
    file,
    dir,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
