import type { CliCommand } from '../types.js';

/** One entry of the `sitrep` command list: what `sitrep help` shows, and how to load the command itself. */
export interface CliCommandEntry {
  name: string;
  summary: string;
  /**
   * The command's module, imported only when it runs: `sitrep brief` must not pay for the bot, the delivery
   * scheduler or ingestion at start-up (a test lists the modules each command loads).
   */
  load(): Promise<CliCommand>;
}

/** Every `sitrep` CLI command, in the order `sitrep help` lists them. Register new commands here (one file each). */
export const cliCommands: readonly CliCommandEntry[] = [
  { name: 'start', summary: 'Run the bot (console when no platform tokens are set)', load: async () => (await import('./start.js')).command },
  { name: 'brief', summary: 'Print the briefing (what happened, open questions, what to watch)', load: async () => (await import('./brief.js')).command },
  { name: 'serve', summary: 'Serve the briefing pages (GET /s/<story>) on PORT, without chat platforms', load: async () => (await import('./serve.js')).command },
  { name: 'page-link', summary: 'Print a signed link to the briefing page of a story and window', load: async () => (await import('./page-link.js')).command },
  { name: 'questions', summary: 'List the tracked questions with status and last change', load: async () => (await import('./questions.js')).command },
  { name: 'validate', summary: 'Check story and record files (exit 1 with file, field and reason per problem)', load: async () => (await import('./validate.js')).command },
  { name: 'import', summary: 'Bulk-import event records from JSON, JSON lines or YAML files', load: async () => (await import('./import.js')).command },
  { name: 'post', summary: 'Post the briefing once to a Slack or Discord channel', load: async () => (await import('./post.js')).command },
  { name: 'subscribe', summary: 'Schedule a daily briefing in a Slack or Discord channel', load: async () => (await import('./subscribe.js')).command },
  { name: 'subscriptions', summary: 'List scheduled briefings (paused ones show why)', load: async () => (await import('./subscriptions.js')).command },
  { name: 'unsubscribe', summary: "Stop a channel's scheduled briefings", load: async () => (await import('./unsubscribe.js')).command },
  { name: 'deliver', summary: 'Post the scheduled briefings that are due now, once, then exit', load: async () => (await import('./deliver.js')).command },
  { name: 'ingest', summary: 'Turn articles and feeds into event records (drafts for review unless the story auto-publishes)', load: async () => (await import('./ingest.js')).command },
  { name: 'drafts', summary: 'List ingested event records waiting for review', load: async () => (await import('./drafts.js')).command },
  { name: 'approve', summary: 'Publish reviewed draft event records', load: async () => (await import('./approve.js')).command },
  { name: 'retract', summary: 'Withdraw a fact or an event; posted briefings that showed it are corrected', load: async () => (await import('./retract.js')).command },
  { name: 'audit', summary: 'Show the audit log of review actions, retractions, re-imports and follows', load: async () => (await import('./audit.js')).command },
  { name: 'discord', summary: 'Discord tasks: `deploy-commands` registers the slash commands (guild when DISCORD_GUILD_ID is set)', load: async () => (await import('./discord.js')).command },
  { name: 'doctor', summary: 'Check config, store, Slack/Discord credentials, subscribed channels and commands; print fixes', load: async () => (await import('./doctor.js')).command },
];
