import type { Fact } from './schema.js';

/** The id a fact has inside its record: its own, or `f<position>`. Apart from the schemas, as time/instant.ts is. */
export function factId(fact: Fact, index: number): string {
  return fact.id ?? `f${index + 1}`;
}
