/**
 * Source text is data. These helpers make it inert for each output: no terminal escapes, no markup,
 * no mentions. Platform adapters add their own escaping (Slack `& < >`, Discord allowed_mentions) on top.
 */
import { memoByText } from '../text/memo-by-text.js';

// C0/C1 controls except tab and newline; they can move the cursor or recolour a terminal.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// Bidi overrides can visually reorder text (Trojan Source style).
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;

/** Plain text for a terminal or log: control characters and bidi overrides removed, whitespace folded. */
export function plain(text: string): string {
  return plainByText(text);
}

// Renderers that fit a briefing to a limit draw the same texts several times over: each is cleaned once.
const plainByText = memoByText(2_000, (t) => t.replace(CONTROL, ' ').replace(BIDI, '').replace(/[ \t]+/g, ' ').trim());
const markdownByText = memoByText(2_000, (t) => defuseMentions(plain(t)).replace(/([\\`*_[\]#|~>])/g, '\\$1').replace(/</g, '&lt;'));

/** A zero-width space after `@` keeps `@everyone`, `@here` and `@name` from being read as mentions. */
export function defuseMentions(text: string): string {
  return text.replace(/@/g, '@\u200b');
}

/** Escape CommonMark/Discord markdown so source text cannot create links, emphasis, headings or code. */
export function escapeMarkdown(text: string): string {
  return markdownByText(text);
}

/**
 * A URL safe to print as a link target, or undefined: http(s) only, normalised by `URL`, and the characters
 * that end a link in Markdown or Slack mrkdwn (`( ) < > |` and spaces) percent-encoded.
 */
export function safeUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  return parsed.href.replace(/[\s()<>|]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
