import { plain, safeUrl } from '../render/sanitize.js';

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Record text as HTML text or attribute value: controls and bidi overrides removed (as for a terminal), then the
 * five characters that could open markup or end an attribute escaped. Safe in element content and in quoted
 * attributes, which is the only way the page writes attributes.
 */
export function escapeHtml(text: string): string {
  return plain(text).replace(/[&<>"']/g, (c) => ENTITY[c] ?? c);
}

/** An http(s) URL ready for a quoted `href`, or undefined for anything else (`javascript:`, `data:`, garbage). */
export function safeHref(url: string | undefined): string | undefined {
  const safe = safeUrl(url);
  return safe === undefined ? undefined : safe.replace(/[&<>"']/g, (c) => ENTITY[c] ?? c);
}

/** A value for an `id` attribute (and fragment) built from slugs we control: anything else becomes `-`. */
export function idOf(...parts: string[]): string {
  return parts.map((p) => p.replace(/[^a-z0-9-]/gi, '-')).join('-');
}
