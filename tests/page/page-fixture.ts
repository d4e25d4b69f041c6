import { HttpRouter } from '../../src/http/router.js';
import { silentLogger, type Logger } from '../../src/log.js';
import { pageLinkKey } from '../../src/page/link-token.js';
import { pageLinker, type PageLinker } from '../../src/page/links.js';
import { registerPageRoutes } from '../../src/page/routes.js';
import type { EventRecord, Story } from '../../src/records/schema.js';
import type { Store } from '../../src/store/store.js';

/** SITREP_SECRET_KEY of these tests (at least 32 characters). */
export const SECRET = 'page-test-secret-0123456789abcdef-not-real';
export const WEEK_MS = 7 * 86_400_000;

/** Record text that would run, load or link if it reached the page unescaped. */
export const HOSTILE = `<script>window.__pwned=1</script>"><img src=x onerror="window.__pwned=2"><a href="javascript:window.__pwned=3">x</a>`;

/** A story whose every text field is hostile, with records the store holds without validation (as an old or foreign writer could leave them). */
export function hostileStory(): Story {
  return {
    id: 'hostile-story',
    title: `Hostile ${HOSTILE}`.slice(0, 150),
    description: HOSTILE,
    keywords: [],
    excludeKeywords: [],
    questions: [{ id: 'territory', label: `Territory ${HOSTILE}`.slice(0, 80), question: HOSTILE, keywords: [], unknowns: [HOSTILE.slice(0, 200)] }],
    sources: [],
    autoPublish: false,
  };
}

export function hostileRecords(): EventRecord[] {
  return [
    {
      id: 'hostile-event',
      story: 'hostile-story',
      occurredAt: '2025-05-20T06:00:00Z',
      title: HOSTILE.slice(0, 160),
      importance: 5,
      sources: [
        { id: 'evil', name: HOSTILE.slice(0, 120), url: 'javascript:window.__pwned=4' },
        { id: 'quote', name: 'Quoting outlet', url: 'https://ok.test/a"><script>window.__pwned=5</script>' },
      ],
      facts: [
        { text: HOSTILE, source: 'evil', speaker: HOSTILE.slice(0, 120), questions: ['territory'], watch: {} },
        // A whole sentence, so the engine shows it as a development (a fragment never is one).
        { text: `The outlet quoted ${HOSTILE} in its report.`, source: 'quote' },
      ],
      signals: [{ question: 'territory', status: 'contested', fact: 'f1', text: HOSTILE, unknowns: [HOSTILE.slice(0, 200)] }],
    },
  ];
}

export interface PageServer {
  base: string;
  /** Links signed with {@link SECRET}, under this server. */
  links: PageLinker;
  close(): Promise<void>;
}

/** The page routes alone on a loopback port, with a fixed clock. */
export async function startPageServer(opts: { store: Store; stories: ReadonlyMap<string, Story>; clock: () => Date; secretKey?: string; logger?: Logger }): Promise<PageServer> {
  const http = new HttpRouter();
  registerPageRoutes(http, { store: opts.store, stories: opts.stories, clock: opts.clock, logger: opts.logger ?? silentLogger(), ...('secretKey' in opts ? { secretKey: opts.secretKey } : { secretKey: SECRET }) });
  const port = await http.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${port}`;
  return { base, links: pageLinker({ baseUrl: base, key: pageLinkKey(SECRET), ttlMs: WEEK_MS }), close: () => http.close() };
}
