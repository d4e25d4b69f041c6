/**
 * A pure function of a text, memoised by that text: the same sentences come back build after build and merge after
 * merge. Bounded: the memo is emptied when it holds `max` texts (emptied rather than evicted one by one: rare texts
 * come and go, the common ones return at once).
 */
export function memoByText<V>(max: number, compute: (text: string) => V): (text: string) => V {
  const memo = new Map<string, V>();
  return (text) => {
    const hit = memo.get(text);
    if (hit !== undefined || memo.has(text)) return hit as V;
    const value = compute(text);
    if (memo.size >= max) memo.clear();
    memo.set(text, value);
    return value;
  };
}
