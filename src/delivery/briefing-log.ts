import type { Briefing } from '../briefing/types.js';
import type { BriefingRebuild, Platform, Store } from '../store/store.js';

/**
 * What a briefing showed, as items corrections can match: `event#fact` for each fact in developments, evidence and
 * "what to watch", `event#title` for the event whose title is the headline, `event#q:question` for each event whose
 * signal is evidence of a question. Sorted and without repeats.
 */
export function shownItems(b: Briefing): string[] {
  const items = new Set<string>();
  const lead = b.developments[0];
  if (lead) items.add(`${lead.eventId}#title`);
  for (const d of b.developments) for (const f of d.factIds) items.add(`${d.eventId}#${f}`);
  for (const q of b.questions)
    for (const e of q.evidence) {
      items.add(`${e.eventId}#q:${q.id}`);
      if (e.factId !== undefined) items.add(`${e.eventId}#${e.factId}`);
    }
  for (const w of b.watch) items.add(w.factId !== undefined ? `${w.eventId}#${w.factId}` : `${w.eventId}#title`);
  return [...items].sort();
}

/**
 * Log a posted briefing (the delivery log that corrections read): where it is, its message id, how to rebuild it and
 * what it showed. A failure to log is reported to the caller, never a reason to call the post failed.
 */
export async function logPostedBriefing(
  store: Store,
  post: { key: string; platform: Platform; channel: string; messageId: string; postedAt: string; workspace?: string; briefing: Briefing; rebuild: BriefingRebuild },
): Promise<void> {
  await store.recordPostedBriefing({
    key: post.key,
    platform: post.platform,
    channel: post.channel,
    story: post.briefing.story.id,
    messageId: post.messageId,
    postedAt: post.postedAt,
    ...(post.workspace !== undefined ? { workspace: post.workspace } : {}),
    rebuild: post.rebuild,
    shown: shownItems(post.briefing),
    corrections: [],
  });
}
