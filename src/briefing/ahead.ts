import type { Fact } from '../records/schema.js';

/**
 * Is a fact that looks ahead a thing to watch: a day it is due, or words of what is to come ("will", "is set to",
 * "is expected to", "next week")? A proposal or a call told in the past is a position, not an event ahead: "China
 * proposed a 12-point peace plan calling for a ceasefire", "the UN has called for an immediate ceasefire".
 */
export function aheadOfIt(f: Pick<Fact, 'text' | 'watch'>): boolean {
  return (f.watch?.due !== undefined && f.watch.approx !== true) || TO_COME.test(f.text);
}
const TO_COME =
  /\b(?:will|would|shall|'ll|going to|(?:is|are|was|were)\s+(?:also\s+)?(?:due|expected|scheduled|set|planned|likely|poised|slated|to)\b|(?:due|expected|scheduled|set|slated|poised) to|plans? to|intends? to|upcoming|next (?:week|month|round|meeting|talks|step)|(?:in the )?coming (?:days|weeks|months)|tomorrow|later (?:this|next) (?:week|month)|within (?:days|weeks|a week|the next))/i;
