import type { SubcommandDefinition } from '../../src/commands/types.js';

// Names and permission checks every interaction needs, apart from command-data.ts: building the command JSON
// uses discord.js's enums, and importing discord.js costs an HTTP-interactions bot about 35 MB it never uses.

/** Everyone's command: briefings, questions, the channel's subscriptions, help. */
export const MAIN_COMMAND = 'sitrep';
/**
 * Subcommands that change a channel's subscriptions, also registered under their own command. Discord's
 * `default_member_permissions` is set per top-level command, not per subcommand: under `/sitrep-admin` members
 * without Manage Channels don't even see them, and server admins can re-assign it under Server Settings →
 * Integrations. They stay under `/sitrep` too, where the member's Manage Channels permission is checked at run time.
 */
export const ADMIN_COMMAND = 'sitrep-admin';
/** Manage Channels (1 << 4), as Discord's permission bit string. */
export const MANAGE_CHANNELS = (1n << 4n).toString();
const ADMINISTRATOR = 1n << 3n;

/** Whether an interaction member's permission bit string includes Manage Channels (or Administrator). */
export function canManageChannels(permissions: string | undefined): boolean {
  if (permissions === undefined || !/^\d{1,40}$/.test(permissions)) return false;
  const bits = BigInt(permissions);
  return (bits & BigInt(MANAGE_CHANNELS)) !== 0n || (bits & ADMINISTRATOR) !== 0n;
}

/** Whether a subcommand is registered under the top-level command Discord says was used. */
export function registeredUnder(def: Pick<SubcommandDefinition, 'requiresManage'>, command: string): boolean {
  return command === MAIN_COMMAND || (command === ADMIN_COMMAND && def.requiresManage === true);
}
