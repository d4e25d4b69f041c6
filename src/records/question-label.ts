import type { Story } from './schema.js';

/** A question's label in its story ("Security guarantees"), or its id when the story does not know it. */
export function questionLabel(story: Pick<Story, 'questions'>, id: string): string {
  return story.questions.find((q) => q.id === id)?.label ?? id;
}
