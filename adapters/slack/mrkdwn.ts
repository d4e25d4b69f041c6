import { truncateAtSentence } from '../../src/render/truncate.js';
import { safeUrl } from '../../src/render/sanitize.js';

/**
 * Escape text for Slack mrkdwn. Slack only treats `&`, `<` and `>` as control characters; escaping them makes
 * `<!channel>`, `<@U123>` or `<https://evil|click>` in news text arrive as inert text.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Escape `text` and cut it (at a sentence boundary, with "…") so the escaped result is at most `max` characters.
 * Cutting happens before escaping so an entity such as `&amp;` is never split.
 */
export function fitEscaped(text: string, max: number): string {
  let escaped = escapeMrkdwn(text);
  if (escaped.length <= max) return escaped;
  let budget = max;
  // Each pass removes at least the overflow, so this ends quickly even for entity-dense text.
  while (budget > 0) {
    const cut = truncateAtSentence(text, budget);
    escaped = escapeMrkdwn(cut);
    if (escaped.length <= max) return escaped;
    budget -= Math.max(1, escaped.length - max);
  }
  return '';
}

/** Cut plain text (header, plain_text objects: no mrkdwn parsing) to `max` characters. */
export function fitPlain(text: string, max: number): string {
  return truncateAtSentence(text.replace(/\s+/g, ' ').trim(), max);
}

/**
 * A mrkdwn link `<url|name>` for http(s) URLs only; anything else (or no URL) gives the escaped name alone.
 * `|` in the URL is percent-encoded so it cannot end the URL part early.
 */
export function mrkdwnLink(name: string, url: string | undefined, maxName = 80): string {
  const label = fitEscaped(name.replace(/\|/g, '/'), maxName);
  const safe = safeUrl(url);
  if (!safe) return label;
  const href = escapeMrkdwn(safe);
  if (href.length > 500) return label;
  return `<${href}|${label}>`;
}
