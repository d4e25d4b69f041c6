import type { Story } from '../records/schema.js';
import { anyKeyword } from './keywords.js';
import { storyNames } from '../records/other-story.js';
import type { Sentence } from './sentences.js';
import { FUNCTION_WORDS } from '../text/function-words.js';

/** How many of an item's paragraphs must name the story for it to be the story's. */
const ITEM_LEAD_PARAGRAPHS = 3;

/**
 * A run-in label that opens a newsletter's item: up to four words ending in a full stop, the paragraph's first
 * sentence, with the item's text after it in the same paragraph ("Parliamentary dissolution. Japanese Prime Minister
 * Sanae Takaichi dissolved …", "Growing rift. The White House's relationship …").
 */
const RUN_IN_LABEL = /^\p{Lu}[\p{L}-]*(?:\s+[\p{L}-]+){0,3}\.$/u;

/** A label is a noun phrase ("Growing rift."), not a short sentence ("It's time to act.", "We are ready."). */
function isLabel(text: string): boolean {
  return RUN_IN_LABEL.test(text) && !text.slice(0, -1).split(/\s+/).some((w) => FUNCTION_WORDS.has(w.toLowerCase()));
}

/**
 * The sentences of another story's items in a newsletter: each item opens on a run-in label and runs to the next label
 * (or the end of the body), and an item that names none of the story's places, people or parties is another story's
 * (FP's World Brief follows the talks with "a snap election in Japan" and "continued violence … in Uganda"), however
 * its sentences score as news. Only labelled items: an article of this story has paragraphs that name none of them
 * ("Modi called for a peaceful, just and swift end to the war"), and they are its own.
 */
export function otherStorySentences(sentences: readonly Sentence[], inBody: (i: number) => boolean, story: Story): Set<number> {
  const out = new Set<number>();
  const names = storyNames(story).own;
  if (names.length === 0) return out;
  // Body paragraphs in order, each with its sentences; an item starts at a paragraph that opens on a label.
  const items: { sentences: number[]; named: boolean; paragraphs: number }[] = [];
  let paragraph = -1;
  sentences.forEach((s, i) => {
    if (!inBody(i)) return;
    const opensParagraph = s.paragraph !== paragraph;
    paragraph = s.paragraph;
    const next = sentences[i + 1];
    const label = opensParagraph && next !== undefined && next.paragraph === s.paragraph && isLabel(s.text.trim());
    if (label || items.length === 0) items.push({ sentences: [], named: false, paragraphs: 0 });
    const item = items[items.length - 1] as { sentences: number[]; named: boolean; paragraphs: number };
    if (opensParagraph) item.paragraphs++;
    item.sentences.push(i);
    // An item on the story names it early; what follows the last item to the page's end (a quiz, captions of other
    // stories) is no reason to keep it.
    if (item.paragraphs <= ITEM_LEAD_PARAGRAPHS) item.named ||= anyKeyword(s.text, names);
  });
  // The first item is the article before any label: its own, named or not.
  for (const item of items.slice(1)) if (!item.named) for (const i of item.sentences) out.add(i);
  return out;
}
