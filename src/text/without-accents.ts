/** A word with its accents taken off, as outlets that drop them write it: "Orbán" → "Orban", "Brasília" → "Brasilia". */
export function withoutAccents(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}
