import type { Story } from '../records/schema.js';
import { anyKeyword } from './keywords.js';
import { aboutAnotherStory, storyNames } from '../records/other-story.js';
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

/**
 * A paragraph that turns to other news, as a newsletter moves from its lead item to the next ("Back home, there's a
 * different kind of political maneuvering underway.", "In other news, …", "Elsewhere, …").
 */
const TURNS_TO_OTHER_NEWS = /^\s*(?:In other news|Elsewhere|Back home|Closer to home|On the home front|Separately|Turning to|Also today|Also in the news)\b/;

/** A label is a noun phrase ("Growing rift."), not a short sentence ("It's time to act.", "We are ready."). */
function isLabel(text: string): boolean {
  return RUN_IN_LABEL.test(text) && !text.slice(0, -1).split(/\s+/).some((w) => FUNCTION_WORDS.has(w.toLowerCase()));
}

/**
 * The sentences of another story's items in a newsletter: each item opens on a run-in label, on the paragraph under a
 * section label ("Around the World") or on one that turns to other news ("Back home, …"), and runs to the next such
 * opening (or the end of the body); an item that names none of the story's places, people or parties is another
 * story's (FP's World Brief follows the talks with "a snap election in Japan" and "continued violence … in Uganda"),
 * however its sentences score as news. Only such items: an article of this story has paragraphs that name none of them
 * ("Modi called for a peaceful, just and swift end to the war"), and they are its own.
 */
export function otherStorySentences(
  sentences: readonly Sentence[],
  inBody: (i: number) => boolean,
  story: Story,
  underHeading: (i: number) => boolean = () => false,
  surnames: readonly string[] = [],
): Set<number> {
  const out = new Set<number>();
  const names = storyNames(story).own;
  if (names.length === 0) return out;
  // Body paragraphs in order, each with its sentences; an item starts at a paragraph that opens on a label.
  type Item = { sentences: number[]; named: boolean; paragraphs: number; labelled: boolean };
  const items: Item[] = [];
  let labels = false;
  let paragraph = -1;
  sentences.forEach((s, i) => {
    if (!inBody(i)) return;
    const opensParagraph = s.paragraph !== paragraph;
    paragraph = s.paragraph;
    const next = sentences[i + 1];
    const labelled = opensParagraph && next !== undefined && next.paragraph === s.paragraph && isLabel(s.text.trim());
    // (Once the items open on labels, a heading further down is inside one: the page's tail after a newsletter's last
    // item stays in that item, which names the story or not.)
    const section = opensParagraph && !labelled && !labels && (underHeading(i) || TURNS_TO_OTHER_NEWS.test(s.text));
    labels ||= labelled;
    if (labelled || section || items.length === 0) items.push({ sentences: [], named: false, paragraphs: 0, labelled });
    const item = items[items.length - 1] as Item;
    if (opensParagraph) item.paragraphs++;
    item.sentences.push(i);
    // An item on the story names it early; what follows the last item to the page's end (a quiz, captions of other
    // stories) is no reason to keep it. (A section may come to the story's names late: "Who was in the room" names
    // the envoys first.)
    if (!item.labelled || item.paragraphs <= ITEM_LEAD_PARAGRAPHS) item.named ||= anyKeyword(s.text, names);
  });
  // The first item is the article before any label: its own, named or not. A later section is the article's too when
  // it names one of the people the opening names ("Who was in the room" and Witkoff), or the story's words outside
  // another story's sentences ("According to people familiar with the talks, …", not "Gaza schools are incorporating
  // "peace building" … its fragile ceasefire"). (Read only for such a section: most articles have none.)
  let ownPeople: string[] | undefined;
  const ownWords = (text: string): boolean => {
    ownPeople ??= surnames.filter((n) => n.length >= 3 && (items[0]?.sentences ?? []).some((i) => anyKeyword(sentences[i]?.text ?? '', [n])));
    return anyKeyword(text, ownPeople) || (anyKeyword(text, story.keywords) && !aboutAnotherStory(text, story));
  };
  for (const item of items.slice(1)) {
    if (item.named) continue;
    if (!item.labelled && item.sentences.some((i) => ownWords(sentences[i]?.text ?? ''))) continue;
    for (const i of item.sentences) out.add(i);
  }
  return out;
}
