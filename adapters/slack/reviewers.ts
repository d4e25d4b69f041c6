import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { Logger } from '../../src/log.js';

const membersSchema = z.object({ users: z.array(z.string()).default([]) });

/**
 * Who may review in Slack: the user ids in SITREP_REVIEWERS, and the members of its user groups (usergroups.users.list,
 * needs the usergroups:read scope), remembered for a few minutes. A group that can't be read admits nobody (fail
 * closed), and is asked again on the next click.
 */
export class SlackReviewers {
  private readonly users: ReadonlySet<string>;
  private readonly groups: readonly string[];
  private readonly members = new Map<string, { users: Set<string>; until: number }>();

  constructor(
    config: { users: readonly string[]; groups: readonly string[] },
    private readonly logger: Logger,
    private readonly ttlMs = 5 * 60_000,
    private readonly nowMs: () => number = Date.now,
  ) {
    this.users = new Set(config.users);
    this.groups = config.groups;
  }

  async allows(userId: string, client: WebClient): Promise<boolean> {
    if (this.users.has(userId)) return true;
    for (const group of this.groups) if ((await this.membersOf(group, client)).has(userId)) return true;
    return false;
  }

  private async membersOf(group: string, client: WebClient): Promise<Set<string>> {
    const hit = this.members.get(group);
    if (hit && hit.until > this.nowMs()) return hit.users;
    try {
      const res = membersSchema.parse(await client.usergroups.users.list({ usergroup: group }));
      const users = new Set(res.users);
      this.members.set(group, { users, until: this.nowMs() + this.ttlMs });
      return users;
    } catch (err) {
      const code = (err as { data?: { error?: unknown } }).data?.error;
      this.logger.warn({ platform: 'slack', usergroup: group, error: typeof code === 'string' ? code : err instanceof Error ? err.message : String(err) }, 'could not read a reviewer user group (is usergroups:read granted?)');
      return new Set();
    }
  }
}
