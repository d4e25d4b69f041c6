import { createHash } from 'node:crypto';
import type { EventRecord } from '../records/schema.js';

/**
 * A short fingerprint of a record's exact content. An edit form carries the version it was opened on, so saving it
 * after someone else changed the record (approved it, edited it) is refused instead of overwriting their change.
 */
export function eventVersion(record: EventRecord): string {
  return createHash('sha256').update(JSON.stringify(record)).digest('hex').slice(0, 16);
}
