import { z } from 'zod';

/** Where scheduled briefings go from the CLI: a chat platform and a channel id on it. */
export interface DeliveryTarget {
  platform: 'slack' | 'discord';
  channel: string;
}

/**
 * `slack:C0123456789` or `discord:123456789012345678`. Slack ids are upper-case letters and digits;
 * Discord ids are numeric snowflakes.
 */
export const deliveryTarget = z
  .string()
  .trim()
  .transform((s, ctx): DeliveryTarget => {
    const m = /^(slack|discord):(.+)$/i.exec(s);
    const platform = m?.[1]?.toLowerCase();
    const channel = m?.[2] ?? '';
    if (platform === 'slack' && /^[A-Z0-9]{2,40}$/.test(channel)) return { platform, channel };
    if (platform === 'discord' && /^\d{5,25}$/.test(channel)) return { platform, channel };
    ctx.addIssue({
      code: 'custom',
      message:
        platform === 'discord'
          ? 'a Discord channel id is a number (e.g. discord:123456789012345678)'
          : platform === 'slack'
            ? 'a Slack channel id looks like C0123456789'
            : 'must be slack:CHANNEL_ID or discord:CHANNEL_ID',
    });
    return z.NEVER;
  });

/**
 * A Slack workspace id as subscriptions record it: a team id (T…), or an org id (E…) for an org-wide install.
 * Picks the installed workspace whose token posts (README "Installing in several Slack workspaces").
 */
export const slackWorkspace = z
  .string()
  .trim()
  .regex(/^[TE][A-Z0-9]{2,40}$/, 'a Slack workspace id looks like T0123ABCD (or E0123ABCD for an org-wide install)');

/** The first issue of a zod error as `--flag: message`, for one-line CLI errors. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid arguments';
  const flag = issue.path.length > 0 ? `--${String(issue.path[0])}` : 'arguments';
  return `${flag}: ${issue.message}`;
}
