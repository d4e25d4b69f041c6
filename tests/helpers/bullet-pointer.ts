import type { Briefing } from '../../src/briefing/types.js';

/**
 * The second question of a briefing made to report what its first development bullet says (the case the renderers
 * point from a question line to a bullet), with the bullet's text optionally replaced first.
 */
export function questionOnFirstBullet(b: Briefing, bulletText?: string): { bulletText: string } {
  const bullet = b.developments[0];
  const q = b.questions[1];
  if (!bullet || !q) throw new Error('fixture needs a bullet and two questions');
  if (bulletText !== undefined) bullet.text = bulletText;
  Object.assign(q, { summary: bullet.text, summaryEventId: bullet.eventId, summaryFactId: bullet.factIds[0] });
  return { bulletText: bullet.text };
}

/** A bullet longer than any platform's cap on one bullet, whose last clause a cut would lose. */
export const OVERLONG_BULLET = `${'The talks went on through the night and covered every point of the draft. '.repeat(14).trim()} The last clause is the one that matters.`;
