import { analyzeArticle, type AnalyzedArticle, type ArticleInput } from '../../src/ingest/analyze.js';
import type { Story } from '../../src/records/schema.js';
import { ceasefireStory } from './story.js';

/** An input analysed against a story (the ceasefire story unless given): its article, or an error saying why not. */
export function analyzed(input: ArticleInput, now: Date, story: Story = ceasefireStory()): AnalyzedArticle {
  const r = analyzeArticle(input, story, now);
  if (!r.ok) throw new Error(`not analysed: ${JSON.stringify(r)}`);
  return r.article;
}
