import type { QuestionState } from '../briefing/types.js';

/**
 * What a question's line says: its sentence, or, when an earlier question of the same briefing shows that very
 * sentence (one report bearing on territory and on security guarantees), a pointer to it, so the reader meets the
 * sentence once. `shownInFull` says whether that earlier line is on screen with its sentence (a renderer that cut it
 * to "nothing new" repeats the sentence instead).
 */
export function questionLine(q: QuestionState, all: readonly QuestionState[], shownInFull: (id: string) => boolean = () => true): string {
  const earlier = q.sameAs !== undefined ? all.find((p) => p.id === q.sameAs) : undefined;
  return earlier && shownInFull(earlier.id) ? `The same report as for ${earlier.label}, above.` : q.summary;
}
