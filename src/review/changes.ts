import { truncateAtSentence } from '../render/truncate.js';
import { factId, type EventRecord, type Story } from '../records/schema.js';
import type { Store } from '../store/store.js';
import { Retractions } from './retractions.js';

/** Briefings posted this long ago or less are corrected in place; older ones are left as they were. */
export const CORRECTION_WINDOW_MS = 7 * 86_400_000;

/** What a change to a published event altered, for the "Corrected …" line and to find the briefings it touches. */
export interface ChangeSummary {
  /** One line for readers, e.g. `Territory: moved → contested; removed "…"`. */
  text: string;
  /** Items of the event whose words changed (`event#f2`, `event#title`, `event#q:territory`), or every item. */
  touched: Set<string> | 'all';
}

const MAX_TEXT = 300;

/** One line, cut at a word with "…" when longer than `max`. */
function clip(text: string, max = 80): string {
  return truncateAtSentence(text.replace(/\s+/g, ' ').trim(), max);
}

const DAY = (iso: string) => iso.slice(0, 10);

/**
 * Compare an event as readers saw it with how they would see it now (both with retractions applied; undefined when
 * it is gone from briefings). Additions (another source, a new fact) are not corrections: only words that changed or
 * went away are. Undefined when nothing a reader saw changed.
 */
export function describeChange(before: EventRecord | undefined, after: EventRecord | undefined, story: Story): ChangeSummary | undefined {
  if (!before) return undefined;
  if (!after || (after.status ?? 'published') !== 'published') return { text: `withdrawn: “${clip(before.title)}”`, touched: 'all' };
  const parts: string[] = [];
  const touched = new Set<string>();
  const id = before.id;
  if (after.title !== before.title) {
    parts.push(`headline now “${clip(after.title)}”`);
    touched.add(`${id}#title`);
  }
  if (DAY(after.occurredAt) !== DAY(before.occurredAt)) {
    parts.push(`date now ${DAY(after.occurredAt)}`);
    return { text: finish([...parts]), touched: 'all' };
  }
  const afterFacts = new Map(after.facts.map((f, i) => [factId(f, i), f]));
  const afterTexts = new Set(after.facts.map((f) => f.text));
  before.facts.forEach((f, i) => {
    const fid = factId(f, i);
    const now = afterFacts.get(fid);
    if (!now) {
      if (afterTexts.has(f.text)) return; // the same words under another id: nothing a reader sees changed
      parts.push(`removed “${clip(f.text)}”`);
      touched.add(`${id}#${fid}`);
    } else if (now.text !== f.text) {
      parts.push(`“${clip(f.text, 50)}” now reads “${clip(now.text)}”`);
      touched.add(`${id}#${fid}`);
    } else if ((now.speaker ?? '') !== (f.speaker ?? '')) {
      parts.push(now.speaker ? `“${clip(f.text, 50)}” now attributed to ${clip(now.speaker, 60)}` : `“${clip(f.text, 50)}” no longer attributed`);
      touched.add(`${id}#${fid}`);
    }
  });
  const label = (q: string) => story.questions.find((x) => x.id === q)?.label ?? q;
  const questions = new Set([...(before.signals ?? []), ...(after.signals ?? [])].map((s) => s.question));
  for (const q of questions) {
    const was = before.signals?.find((s) => s.question === q);
    const now = after.signals?.find((s) => s.question === q);
    if (was && !now) parts.push(`${label(q)}: signal withdrawn`);
    else if (!was && now) parts.push(`${label(q)}: now ${now.status}`);
    else if (was && now && was.status !== now.status) parts.push(`${label(q)}: ${was.status} → ${now.status}`);
    else if (was && now && was.text !== now.text) parts.push(`${label(q)}: “${clip(now.text)}”`);
    else continue;
    touched.add(`${id}#q:${q}`);
  }
  if (parts.length === 0) return undefined;
  return { text: finish(parts), touched };
}

function finish(parts: readonly string[]): string {
  const text = parts.join('; ');
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1).trimEnd()}…` : text;
}

/** Whether a briefing that showed `shown` showed something the change touched. */
export function showsTouched(shown: readonly string[], eventId: string, touched: ChangeSummary['touched']): boolean {
  if (touched === 'all') return shown.some((item) => item.startsWith(`${eventId}#`));
  return shown.some((item) => touched.has(item));
}

export interface CorrectionRequest {
  store: Store;
  story: Story;
  /** The change id (its audit entry): one correction per briefing per change. */
  changeId: number;
  /** The event before and after the change, as stored (retractions are applied here). */
  before: EventRecord;
  after: EventRecord | undefined;
  now: Date;
  /** Overrides the generated "what changed" text (a retraction gives its own, with the reason). */
  text?: string;
  /** Retractions before the change, when the change is itself a retraction. */
  retractionsBefore?: Retractions;
}

/**
 * A published event changed: add a "Corrected" line to every briefing of the last 7 days that showed a changed part
 * of it, and queue one edit job per briefing and change (`correction:<briefing key>:<change id>`). The edit itself
 * goes through the message outbox like any post. Returns how many briefings will be edited.
 */
export async function queueCorrections(req: CorrectionRequest): Promise<number> {
  const { store, story, before, after, now } = req;
  if ((before.status ?? 'published') !== 'published') return 0;
  const retractions = new Retractions(await store.listRetractions(story.id));
  const seenBefore = (req.retractionsBefore ?? retractions).apply(before);
  const seenAfter = after ? retractions.apply(after) : undefined;
  const summary = describeChange(seenBefore, seenAfter, story);
  if (!summary) return 0;
  const text = req.text ?? summary.text;
  const since = new Date(now.getTime() - CORRECTION_WINDOW_MS).toISOString();
  const briefings = await store.listPostedBriefings({ since, eventId: before.id });
  let queued = 0;
  for (const b of briefings) {
    if (!showsTouched(b.shown, before.id, summary.touched)) continue;
    await store.addBriefingCorrection(b.key, { id: String(req.changeId), at: now.toISOString(), text });
    await store.enqueueMessage(
      {
        key: `correction:${b.key}:${req.changeId}`,
        kind: 'correction',
        platform: b.platform,
        channel: b.channel,
        story: b.story,
        payload: { briefingKey: b.key, changeId: req.changeId },
        ...(b.workspace !== undefined ? { workspace: b.workspace } : {}),
      },
      now.toISOString(),
    );
    queued++;
  }
  return queued;
}
