import type { Platform, RateBucket } from '../store/store.js';
import { DISCORD_GLOBAL_PER_SECOND } from './send-queue.js';

/**
 * Slack allows about one message per second per channel. Starts reserved across replicas are a little further
 * apart: a post's arrival can lag its start, and two replicas' posts to one channel must still arrive a second apart.
 */
export const SLACK_SHARED_CHANNEL_INTERVAL_MS = 1_100;

/**
 * The rate-limit buckets a post shares with every replica (see Store.reserveRate): Discord's global limit per bot
 * and its per-channel bucket (which only a 429 fills, as a block); Slack's per-channel pace. Console: none.
 */
export function rateBuckets(platform: Platform, channel: string): RateBucket[] {
  if (platform === 'slack') return [{ name: `slack:channel:${channel}`, intervalMs: SLACK_SHARED_CHANNEL_INTERVAL_MS }];
  if (platform === 'discord')
    return [
      { name: 'discord:global', intervalMs: 1000 / DISCORD_GLOBAL_PER_SECOND },
      { name: `discord:channel:${channel}`, intervalMs: 0 },
    ];
  return [];
}

/** The bucket a 429 blocks for everyone: the platform's global one when the platform says so, else the channel's. */
export function rateBlockBucket(platform: Platform, channel: string, global: boolean): string | undefined {
  if (platform === 'console') return undefined;
  return global ? `${platform}:global` : `${platform}:channel:${channel}`;
}
