/**
 * LexRank over a small graph of sentences: the stationary distribution of a random walk that follows similarity
 * edges (with damping), so a sentence that many others echo ranks high. Edges between sentences of the same
 * article count less (`sameGroupWeight`): an outlet repeating itself is weaker support than another outlet.
 * Sizes here are a briefing window (tens to a few hundred facts), so the dense O(n²) matrix is fine.
 */
export function lexRank(
  similarity: (i: number, j: number) => number,
  n: number,
  opts: { groups?: readonly string[]; sameGroupWeight?: number; threshold?: number; damping?: number; iterations?: number } = {},
): number[] {
  if (n === 0) return [];
  if (n === 1) return [1];
  const threshold = opts.threshold ?? 0.1;
  const damping = opts.damping ?? 0.85;
  const iterations = opts.iterations ?? 30;
  const sameGroup = opts.sameGroupWeight ?? 0.3;
  const w = new Float64Array(n * n);
  const rowSum = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let s = similarity(i, j);
      if (s < threshold) continue;
      if (opts.groups && opts.groups[i] === opts.groups[j]) s *= sameGroup;
      w[i * n + j] = s;
      w[j * n + i] = s;
      rowSum[i] = (rowSum[i] ?? 0) + s;
      rowSum[j] = (rowSum[j] ?? 0) + s;
    }
  }
  let p = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  const teleport = (1 - damping) / n;
  for (let it = 0; it < iterations; it++) {
    next.fill(teleport);
    let dangling = 0;
    for (let i = 0; i < n; i++) {
      const pi = p[i] ?? 0;
      const sum = rowSum[i] ?? 0;
      if (sum === 0) {
        dangling += pi;
        continue;
      }
      const share = (damping * pi) / sum;
      for (let j = 0; j < n; j++) {
        const wij = w[i * n + j] ?? 0;
        if (wij !== 0) next[j] = (next[j] ?? 0) + share * wij;
      }
    }
    // A sentence like no other spreads its weight evenly (keeps the walk a distribution).
    if (dangling > 0) for (let j = 0; j < n; j++) next[j] = (next[j] ?? 0) + (damping * dangling) / n;
    [p, next] = [next, p];
  }
  return Array.from(p);
}

/** Cosine similarity of two word sets. */
export function cosine(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let inter = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) inter++;
  return inter / Math.sqrt(a.size * b.size);
}
