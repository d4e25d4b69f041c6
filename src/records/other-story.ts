import type { Story } from './schema.js';
import { keywordSource } from '../text/keyword-pattern.js';

/** Capitalised keywords are names (places, people, institutions): the anchors of a story; the rest are its topic words. */
export function isStoryName(keyword: string): boolean {
  return /^\p{Lu}/u.test(keyword);
}

interface StoryNames {
  /** The story's own names: its capitalised keywords and its anchors. */
  own: string[];
  /** The names of the stories it is told apart from: its capitalised exclude keywords. */
  other: string[];
  ownTest: RegExp | null;
  otherTest: RegExp | null;
}

/** Read once per story object: the ingest and the briefing ask of every sentence. */
const namesOf = new WeakMap<Story, StoryNames>();

function anyOf(keywords: readonly string[]): RegExp | null {
  return keywords.length === 0 ? null : new RegExp(keywords.map(keywordSource).join('|'), 'iu');
}

/** The story's own names and those of the stories it is told apart from. */
export function storyNames(story: Story): StoryNames {
  let names = namesOf.get(story);
  if (!names) {
    const own = [...story.keywords.filter(isStoryName), ...(story.anchors ?? [])];
    const other = story.excludeKeywords.filter(isStoryName);
    names = { own, other, ownTest: anyOf(own), otherTest: anyOf(other) };
    namesOf.set(story, names);
  }
  return names;
}

/**
 * A sentence that names another story's place or party (a capitalised exclude keyword: Gaza, Lebanon, Hamas) and none
 * of this story's names (its capitalised keywords and anchors) is about that other story, however a question's words
 * fit it: "Guterres also highlighted the escalating violence in Gaza and Lebanon, calling for an “immediate
 * ceasefire,” … an end to hostilities in both regions." is no territory evidence of the talks, and no bullet.
 */
export function aboutAnotherStory(sentence: string, story: Story): boolean {
  const names = storyNames(story);
  return names.otherTest !== null && names.otherTest.test(sentence) && !(names.ownTest?.test(sentence) ?? false);
}
