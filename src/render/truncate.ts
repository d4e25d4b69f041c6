const ELLIPSIS = '…';

/**
 * Cut `text` to at most `max` characters, preferring the end of a sentence, then a word boundary,
 * and marking the cut with "…". Text that fits is returned unchanged.
 */
export function truncateAtSentence(text: string, max: number): string {
  if (max <= 0) return '';
  if (text.length <= max) return text;
  if (max === 1) return ELLIPSIS;
  const room = max - 1;
  const head = text.slice(0, room);
  // A sentence end in the last half of the room keeps the cut readable without losing too much.
  const sentenceEnd = Math.max(head.lastIndexOf('. '), head.lastIndexOf('! '), head.lastIndexOf('? '), head.lastIndexOf('.\n'));
  if (sentenceEnd >= room / 2) return `${head.slice(0, sentenceEnd + 1)} ${ELLIPSIS}`.slice(0, max);
  const space = head.lastIndexOf(' ');
  const cut = space >= room / 2 ? head.slice(0, space) : head;
  return `${avoidBrokenSurrogate(cut).trimEnd()}${ELLIPSIS}`;
}

/** Cut a list of lines to fit `max` characters joined by `sep`, adding `more(n)` when lines are dropped. */
export function fitLines(lines: readonly string[], max: number, more: (omitted: number) => string, sep = '\n'): string {
  const out: string[] = [];
  let used = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const remaining = lines.length - i - 1;
    const tail = remaining > 0 ? more(remaining).length + sep.length : 0;
    const add = (out.length > 0 ? sep.length : 0) + line.length;
    if (used + add + tail <= max) {
      out.push(line);
      used += add;
      continue;
    }
    // Fit a shortened version of this line if that leaves room for the "more" hint.
    const hint = more(lines.length - i);
    const budget = max - used - (out.length > 0 ? sep.length : 0) - (hint.length + sep.length);
    if (budget > 40) {
      out.push(truncateAtSentence(line, budget));
      const rest = lines.length - i - 1;
      if (rest > 0) out.push(more(rest));
    } else {
      out.push(hint);
    }
    return truncateAtSentence(out.join(sep), max);
  }
  return out.join(sep);
}

/**
 * Whole lines only, within `max` characters joined by `sep`: a line that does not fit is left out (a shorter one after
 * it may still fit), and `more(n)` counts what was left out. Never cuts a line, so no sentence ends half-way.
 */
export function fitWholeLines(lines: readonly string[], max: number, more: (omitted: number) => string, sep = '\n'): string {
  const out: string[] = [];
  let used = 0;
  let omitted = 0;
  lines.forEach((line, i) => {
    const add = (out.length > 0 ? sep.length : 0) + line.length;
    const left = lines.length - i - 1 + omitted;
    const tail = left > 0 ? sep.length + more(left).length : 0;
    if (used + add + tail <= max) {
      out.push(line);
      used += add;
    } else omitted++;
  });
  if (omitted > 0) {
    const hint = more(omitted);
    if (used + (out.length > 0 ? sep.length : 0) + hint.length <= max) out.push(hint);
  }
  const text = out.join(sep);
  return text.length <= max ? text : truncateAtSentence(text, max);
}

function avoidBrokenSurrogate(s: string): string {
  const last = s.charCodeAt(s.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? s.slice(0, -1) : s;
}
