/**
 * Quotations still open at the end of `text`: curly quotes and guillemets open and close, a straight quote closes
 * one that is open or opens one. Headlines are never cut inside a quotation, since what is cut there is no whole
 * clause ("released the document “China's Position | on the Political Settlement …”").
 */
export function openQuotations(text: string): number {
  let depth = 0;
  for (const c of text) {
    if (c === '“' || c === '«') depth++;
    else if (c === '”' || c === '»') depth = Math.max(0, depth - 1);
    else if (c === '"') depth = depth > 0 ? depth - 1 : depth + 1;
  }
  return depth;
}
