import type { Platform, RateBucket } from '../store/store.js';

/**
 * Slack allows about one message per second per channel. Starts reserved across replicas are a little further
 * apart: a post's arrival can lag its start, and two replicas' posts to one channel must still arrive a second apart.
 */
export const SLACK_SHARED_CHANNEL_INTERVAL_MS = 1_100;

/**
 * Discord's global limit (50 requests/s per bot) as starts reserved across replicas. One process paces its own
 * starts at 49/s, but a shared start is followed by a store round trip (the claim check) before the post leaves,
 * and that lag differs between replicas: under load, posts started a slot apart arrived bunched, over 50 in one
 * second (a CI run on a busy 2-core machine saw it). 45/s leaves room for about 100 ms of such jitter a second.
 */
export const DISCORD_SHARED_GLOBAL_PER_SECOND = 45;

/**
 * The rate-limit buckets a post shares with every replica (see Store.reserveRate): Discord's global limit per bot
 * and its per-channel bucket (which only a 429 fills, as a block); Slack's per-channel pace. Console: none.
 */
export function rateBuckets(platform: Platform, channel: string): RateBucket[] {
  if (platform === 'slack') return [{ name: `slack:channel:${channel}`, intervalMs: SLACK_SHARED_CHANNEL_INTERVAL_MS }];
  if (platform === 'discord')
    return [
      { name: 'discord:global', intervalMs: 1000 / DISCORD_SHARED_GLOBAL_PER_SECOND },
      { name: `discord:channel:${channel}`, intervalMs: 0 },
    ];
  return [];
}

/** The bucket a 429 blocks for everyone: the platform's global one when the platform says so, else the channel's. */
export function rateBlockBucket(platform: Platform, channel: string, global: boolean): string | undefined {
  if (platform === 'console') return undefined;
  return global ? `${platform}:global` : `${platform}:channel:${channel}`;
}
