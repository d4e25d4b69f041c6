import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollFeedSources, type FeedItem } from '../../src/ingest/feeds.js';
import type { Story } from '../../src/records/schema.js';
import type { PostgresStore } from '../../src/store/postgres-store.js';
import { createDatabase, freshPostgresStore, withPostgres } from '../helpers/pg.js';

withPostgres('feed polling across replicas', (server) => {
  describe('feed polling across replicas on one PostgreSQL', () => {
    let feed: Server;
    let base = '';
    let fetches = 0;
    const stores: PostgresStore[] = [];

    beforeAll(async () => {
      feed = createServer((_req, res) => {
        fetches++;
        // Slow enough that both replicas' polls overlap; no validators, so every poll downloads every item.
        setTimeout(() => {
          const items = [1, 2, 3].map((i) => `<item><guid>item-${i}</guid><title>Item ${i}</title><link>${base}/a/${i}</link></item>`).join('');
          res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>${items}</channel></rss>`);
        }, 300);
      });
      await new Promise<void>((resolve) => feed.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(feed.address() as AddressInfo).port}`;
      const db = await createDatabase(server, 'feeds');
      stores.push(await freshPostgresStore(db.url), await freshPostgresStore(db.url));
    });
    afterAll(async () => {
      for (const s of stores) await s.close();
      feed.closeAllConnections();
      await new Promise<void>((resolve) => feed.close(() => resolve()));
    });

    it('one replica polls a feed at a time, and each item is ingested once across replicas', async () => {
      const story: Story = {
        id: 'talks',
        title: 'Talks',
        keywords: [],
        excludeKeywords: [],
        autoPublish: false,
        questions: [],
        sources: [{ name: 'Wire', url: `${base}/feed.xml`, every: 1 }],
      };
      const ingested: Array<{ replica: number; item: string }> = [];
      const poll = (replica: number, now: Date) =>
        pollFeedSources({
          store: stores[replica] as PostgresStore,
          stories: [story],
          now,
          claim: { owner: `replica-${replica}`, ttlMs: 30_000, wall: Date.now },
          ingestItem: async (item: FeedItem) => {
            ingested.push({ replica, item: item.id });
            return 'ingested';
          },
        });
      const now = new Date('2025-06-02T04:00:00Z');
      const [r0, r1] = await Promise.all([poll(0, now), poll(1, now)]);
      const statuses = [r0[0]?.status, r1[0]?.status].sort();
      // At the same moment: one polled, the other found the feed claimed.
      expect(statuses).toEqual(['claimed', 'ok']);
      expect(fetches).toBe(1);
      expect(ingested.map((i) => i.item).sort()).toEqual(['item-1', 'item-2', 'item-3']);

      // A minute later the other replica polls (the lease was let go); the same items are not ingested again.
      const later = new Date(now.getTime() + 61_000);
      const loser = r0[0]?.status === 'claimed' ? 0 : 1;
      const again = await poll(loser, later);
      expect(again[0]).toMatchObject({ status: 'ok', items: 3, fresh: 0 });
      expect(fetches).toBe(2);
      expect(ingested).toHaveLength(3);
    });
  });
});
