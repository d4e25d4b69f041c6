/**
 * A magazine's end-of-story mark after the last sentence ("… 314 prisoners of war. ■"): print decoration, not text.
 * Only after a sentence's stop, so a bullet or a symbol in the text stays.
 */
const END_MARK = /([.!?…]["”’»)]?)[ \t]*[■□◼◾▪♦◆❖◊∎]+[ \t]*$/u;

/** A line without its end-of-story mark. */
export function withoutEndMark(line: string): string {
  return END_MARK.test(line) ? line.replace(END_MARK, '$1') : line;
}
