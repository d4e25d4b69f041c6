import type { Story } from '../records/schema.js';
import { clip } from '../time/duration.js';

/** Match typed text to a question of the story: id, label (any case), or a unique prefix of either. */
export function resolveQuestion(story: Story, typed: string): { ok: true; id: string } | { ok: false; error: string } {
  const t = typed.trim().toLowerCase();
  const exact = story.questions.find((q) => q.id === t || q.label.toLowerCase() === t);
  if (exact) return { ok: true, id: exact.id };
  const prefix = story.questions.filter((q) => q.id.startsWith(t) || q.label.toLowerCase().startsWith(t));
  if (t.length >= 2 && prefix.length === 1 && prefix[0]) return { ok: true, id: prefix[0].id };
  return { ok: false, error: `Unknown question "${clip(typed)}". Valid questions: ${story.questions.map((q) => q.id).join(', ')}` };
}
