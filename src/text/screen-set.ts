import { branchesHold, holdsLiteral, screenedHoldsLongS, screenedMayMatch, screenLiterals, type Literal, type LiteralScreen } from './required-literals.js';

/** A pattern and the screen of the literals one of which its every match holds. */
export interface Screened {
  re: RegExp;
  screen: LiteralScreen;
}

/**
 * The screens of a list of patterns, looked up together: each literal of the list is looked for once (and once per
 * text across lists: see `holdsLiteral`), and the patterns that need a literal the text holds are its candidates,
 * rather than each pattern's screen asked in turn. A question's lists hold some two dozen patterns each, sharing
 * literals, and most sentences hold the literals of a few of them. Screening only rules out patterns that cannot
 * match, so an answer built on it is the one every pattern tested in turn gives.
 */
export class ScreenSet<T extends Screened> {
  /** The list's distinct literals (of its screens' top level), each with the entries that need it. */
  private readonly literals: ReadonlyArray<{ literal: Literal; entries: readonly number[] }>;
  /** `marks[i]` is `mark` when the text holds a literal entry i needs, in the current look-up. */
  private readonly marks: Uint32Array;
  private mark = 0;

  constructor(readonly entries: readonly T[]) {
    this.marks = new Uint32Array(entries.length);
    const byText = new Map<string, { literal: Literal; entries: number[] }>();
    entries.forEach(({ screen }, i) => {
      for (const literal of screen.each) {
        const known = byText.get(literal.text);
        if (known === undefined) byText.set(literal.text, { literal, entries: [i] });
        else known.entries.push(i);
      }
    });
    this.literals = [...byText.values()];
  }

  /** The entries the text may match, in the list's order. */
  candidates(text: string): T[] {
    screenLiterals(text);
    const out: T[] = [];
    // "ſ" matches "s" under a case-insensitive Unicode pattern without lower-casing to it: each screen is asked alone.
    if (screenedHoldsLongS()) {
      for (const e of this.entries) if (screenedMayMatch(e.screen, e.re)) out.push(e);
      return out;
    }
    if (++this.mark === 0xffffffff) {
      this.marks.fill(0);
      this.mark = 1;
    }
    let any = false;
    for (const { literal, entries } of this.literals) {
      if (!holdsLiteral(literal)) continue;
      any = true;
      for (const i of entries) this.marks[i] = this.mark;
    }
    if (!any) return out;
    for (let i = 0; i < this.entries.length; i++) {
      const e = this.entries[i] as T;
      if (this.marks[i] === this.mark && branchesHold(e.screen)) out.push(e);
    }
    return out;
  }
}
