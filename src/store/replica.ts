import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * This process's name in leases and job claims: host, pid and a random part, so a restarted process (same pid in a
 * fresh container) never mistakes a dead process's claims for its own.
 */
export const REPLICA_ID = `${hostname().slice(0, 40)}-${process.pid}-${randomUUID().slice(0, 8)}`;
