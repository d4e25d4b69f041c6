import type { Briefing, Development, QuestionState } from '../briefing/types.js';
import { containment, featuresOf } from '../text/similarity.js';
import { withSpeaker } from './attribution.js';

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'];

/** Share of a line's content words a bullet must show for the line to point to it: all but a word or two. */
const SHOWN = 0.9;

/**
 * The position (0-based) among `developments` of a bullet that says what a question's line says: the very sentence,
 * or the same fact (or one the bullet reports as saying the same thing, `alsoReportedIn`) in words that hold nearly all
 * of the line's. An author's signal note on a fact can say more than the fact ("asked Trump to decide nothing 'without
 * us'"): then the line is no repeat, and it stays. -1 when no bullet says it. An `undefined` entry is a bullet drawn
 * cut by a renderer's cap on a bullet's length: it holds a place but only part of its sentence, so nothing points to it.
 */
export function bulletOf(q: QuestionState, developments: ReadonlyArray<Development | undefined>): number {
  if (q.summaryEventId === undefined || developments.length === 0) return -1;
  const key = q.summaryFactId !== undefined ? `${q.summaryEventId}#${q.summaryFactId}` : undefined;
  return developments.findIndex((d) => {
    if (d === undefined) return false;
    if (d.text === q.summary) return true;
    if (key === undefined) return false;
    const same = (d.eventId === q.summaryEventId && d.factIds.includes(q.summaryFactId as string)) || (d.alsoReportedIn ?? []).includes(key);
    return same && containment(featuresOf(q.summary), featuresOf(d.text)) >= SHOWN;
  });
}

/**
 * The bullets a question line may point to: those of an overview. A briefing on one question leads with that question's
 * line, which reads in full.
 */
export function pointable(b: Briefing): readonly Development[] {
  return b.focus === undefined ? b.developments : [];
}

/** "the fifth development" for a bullet's 0-based position (bullets are not numbered on screen, so words read better). */
function bulletName(index: number): string {
  const word = ORDINALS[index];
  return word !== undefined ? `the ${word} development` : `development ${index + 1}`;
}

/**
 * What a question's line says: its sentence, or a pointer when the reader meets that sentence elsewhere on screen: a
 * development bullet above that shows the same fact (`developments`: the bullets drawn, in order), or an earlier
 * question of the same briefing whose line is that very sentence (one report bearing on territory and on security
 * guarantees). `shownInFull` says whether that earlier line is on screen with its sentence (a renderer that cut it to
 * "nothing new" repeats the sentence instead). Either way the characters go to news instead of a repeat.
 */
export function questionLine(
  q: QuestionState,
  all: readonly QuestionState[],
  shownInFull: (id: string) => boolean = () => true,
  developments: ReadonlyArray<Development | undefined> = [],
): string {
  // Status and date say it all: the sentence would be taken for the reason of a change it came before.
  if (lineOutdated(q)) return '';
  const bullet = bulletOf(q, developments);
  if (bullet >= 0) return `The same report as ${bulletName(bullet)}, above.`;
  const earlier = q.sameAs !== undefined ? all.find((p) => p.id === q.sameAs) : undefined;
  if (!earlier || !shownInFull(earlier.id)) return summaryLine(q);
  // The earlier line may itself point to a bullet: point there directly.
  const through = bulletOf(earlier, developments);
  return through >= 0 ? `The same report as ${bulletName(through)}, above.` : `The same report as for ${earlier.label}, above.`;
}

/** A question's sentence, with who said it when the sentence does not name them ("He also said …" (Pete Hegseth)). */
export function summaryLine(q: QuestionState): string {
  return withSpeaker(q.summary, q.summarySpeaker);
}

/**
 * Is a question's line older than its status, and than the window? Only when the report that changed the status
 * reads as no sentence to quote (a list, a fragment): the engine prefers a line from the change on. Renderers then give
 * status and date only. (A line of the window before a change later in it is that window's news, and stays.)
 */
export function lineOutdated(q: QuestionState): boolean {
  return q.summaryBeforeChange === true;
}

/** A question's short line: how long it has been quiet (since its newest evidence, which may be its change of status). */
export function quietLine(lastEvidence: string | undefined, since: string | undefined): string {
  if (lastEvidence === undefined) return 'nothing new in this window.';
  return lastEvidence === since ? 'nothing new since then.' : `nothing new since ${lastEvidence}.`;
}
