import type { ReviewActor } from '../review/types.js';
import type { CliIo } from './types.js';

/** Who runs a CLI command, for the audit log: `--by NAME`, else the login name. */
export function cliActor(io: CliIo, by: string | undefined): ReviewActor {
  const name = (by ?? io.env.SITREP_ACTOR ?? io.env.USER ?? io.env.LOGNAME ?? 'unknown').trim().slice(0, 80) || 'unknown';
  return { id: `cli:${name}`, name };
}
