const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Milliseconds since epoch for an ISO date or date-time; a bare date means 00:00 UTC. Kept apart from the record
 * schemas (which re-export it) so the store and the engine can use it without building every zod schema at start-up.
 */
export function instantMs(iso: string): number {
  return Date.parse(isoDate.test(iso) ? `${iso}T00:00:00Z` : iso);
}
