import type { QuestionHistory } from '../briefing/full.js';
import type { QuestionEvidence } from '../briefing/types.js';
import type { QuestionStatus } from '../records/schema.js';
import { formatDay, formatMoment, STATUS_LABEL } from '../render/dates.js';
import { escapeHtml, idOf } from './escape.js';

/**
 * A question's history as inline SVG, written by hand: a band per status span (colour, and a fill pattern so the
 * status never rests on colour alone), the briefing window outlined, and a mark per evidence item whose shape
 * says its status. Horizontal positions are percentages and sizes are pixels, so the chart stretches to any
 * width while its marks and labels keep their size: no script, no viewBox scaling, the same bytes every time.
 * Each mark is a link to its numbered line in the evidence list, named by a <title> (hover) and aria-label
 * (keyboard and screen readers).
 */

/** Shapes of the marks and legend, centred on 0,0 (about 11 px across). */
export const SHAPES: Record<QuestionStatus, string> = {
  open: 'M-4.5 0a4.5 4.5 0 1 0 9 0a4.5 4.5 0 1 0-9 0Z',
  moved: 'M-4-5L5.5 0L-4 5Z',
  resolved: 'M-4.5-4.5H4.5V4.5H-4.5Z',
  contested: 'M0-6L6 0L0 6L-6 0Z',
};

export const STATUSES: readonly QuestionStatus[] = ['open', 'moved', 'resolved', 'contested'];

const BAND_Y = 4;
const BAND_H = 24;
const ROW_Y = 42;
const ROW_GAP = 14;
const MAX_ROWS = 3;
/** Marks closer than this (percent of the width) go on the next row, so neighbours stay apart and clickable. */
const CROWDED = 2.5;

const PATTERNS: Record<QuestionStatus | 'none', (id: string) => string> = {
  moved: (id) => `<pattern id="${id}" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect class="bg-moved" width="8" height="8"/><rect class="fg-moved" width="3" height="8"/></pattern>`,
  contested: (id) => `<pattern id="${id}" width="8" height="8" patternUnits="userSpaceOnUse"><rect class="bg-contested" width="8" height="8"/><path class="st-contested" d="M0 0L8 8M8 0L0 8"/></pattern>`,
  resolved: (id) => `<pattern id="${id}" width="6" height="6" patternUnits="userSpaceOnUse"><rect class="bg-resolved" width="6" height="6"/><circle class="fg-resolved" cx="3" cy="3" r="1.4"/></pattern>`,
  open: (id) => `<pattern id="${id}" width="8" height="8" patternUnits="userSpaceOnUse"><rect class="bg-open" width="8" height="8"/></pattern>`,
  none: (id) => `<pattern id="${id}" width="6" height="6" patternUnits="userSpaceOnUse"><rect class="bg-none" width="6" height="6"/><path class="st-none" d="M0 6L6 0"/></pattern>`,
};

/**
 * The fill pattern of a status band: colour plus texture (stripes for moved, cross-hatch for contested, dots for
 * resolved, plain for open, thin hatching before any signal). Each chart carries the patterns it uses, so an SVG
 * stands alone when copied into a mail or a document.
 */
export function patternDef(id: string, status: QuestionStatus | 'none'): string {
  return PATTERNS[status](id);
}

/**
 * A moment as the page prints it: records dated by day alone reach the engine as midnight UTC, and are shown as
 * that day rather than as "00:00 UTC".
 */
export function formatWhen(iso: string): string {
  return /T00:00:00(?:\.000)?Z$/.test(iso) ? formatDay(iso) : formatMoment(iso);
}

/** Evidence oldest first, numbered 1…n: the order of the marks, left to right, and of the list under the chart. */
export function chronological(q: QuestionHistory): QuestionEvidence[] {
  return [...q.evidence].reverse();
}

/** The anchor of evidence item `n` (1-based, chronological) of a question. */
export function evidenceId(question: string, n: number): string {
  return idOf('q', question, 'e', String(n));
}

/** One line saying what the chart shows, for its caption (the chart's text alternative, with the list below). */
export function timelineSummary(q: QuestionHistory, axis: { from: string; to: string }): string {
  const parts: string[] = [];
  const first = q.spans[0];
  if (!first) parts.push(`No status change recorded between ${formatDay(axis.from)} and ${formatDay(axis.to)}: the question is open.`);
  else {
    if (Date.parse(first.from) > Date.parse(axis.from)) parts.push(`No signal before ${formatDay(first.from)}.`);
    const steps = q.spans.map((s) => `${STATUS_LABEL[s.status]} from ${formatDay(s.from)}`);
    parts.push(`${steps.join(', then ')}, to now.`);
  }
  const n = q.evidence.length;
  const of = q.evidenceTotal > n ? ` (of ${q.evidenceTotal.toLocaleString('en-US')})` : '';
  parts.push(n === 0 ? 'No evidence recorded yet.' : `${n} piece${n === 1 ? '' : 's'} of evidence${of}, numbered in the list below.`);
  return parts.join(' ');
}

function pct(ms: number, from: number, span: number): number {
  return Math.min(100, Math.max(0, ((ms - from) / span) * 100));
}

const num = (x: number) => x.toFixed(2).replace(/\.?0+$/, '');

/** The chart of one question on the shared axis, with the briefing window outlined. */
export function renderTimeline(q: QuestionHistory, axis: { from: string; to: string }, window: { from: string; to: string }, captionId: string): string {
  const from = Date.parse(axis.from);
  const to = Date.parse(axis.to);
  // A history of one instant still gets a visible day.
  const span = Math.max(to - from, 86_400_000);
  const prefix = idOf('p', q.id);
  const x = (iso: string) => pct(Date.parse(iso), from, span);

  const bands: string[] = [];
  const used = new Set<QuestionStatus | 'none'>();
  const firstFrom = q.spans[0] ? x(q.spans[0].from) : 100;
  if (firstFrom > 0) {
    used.add('none');
    bands.push(`<rect x="0" y="${BAND_Y}" width="${num(firstFrom)}%" height="${BAND_H}" fill="url(#${prefix}-none)"/>`);
  }
  for (const s of q.spans) {
    used.add(s.status);
    const a = x(s.from);
    const w = Math.max(0.6, x(s.to) - a);
    bands.push(`<rect x="${num(a)}%" y="${BAND_Y}" width="${num(w)}%" height="${BAND_H}" fill="url(#${prefix}-${s.status})"/>`);
  }
  const wa = x(window.from);
  const ww = Math.max(0.6, x(window.to) - wa);
  const windowMark = `<rect class="win" x="${num(wa)}%" y="${BAND_Y - 2}" width="${num(ww)}%" height="${BAND_H + 4}"/>`;

  // Marks: left to right, each on the first row where it does not crowd the previous mark of that row.
  const lastOnRow: number[] = [];
  let rows = 1;
  const marks = chronological(q).map((e, i) => {
    const at = Math.min(99, Math.max(1, x(e.at)));
    let row = lastOnRow.findIndex((p) => at - p >= CROWDED);
    if (row === -1) row = lastOnRow.length < MAX_ROWS ? lastOnRow.length : 0;
    lastOnRow[row] = at;
    rows = Math.max(rows, row + 1);
    const label = escapeHtml(`${i + 1}. ${formatWhen(e.at)} · ${STATUS_LABEL[e.status]}: ${e.text} (${e.source})`);
    return `<a href="#${evidenceId(q.id, i + 1)}"><title>${label}</title><svg x="${num(at)}%" y="${ROW_Y + row * ROW_GAP}" overflow="visible"><path class="mk mk-${e.status}" d="${SHAPES[e.status]}"/></svg></a>`;
  });
  const axisY = ROW_Y + (rows - 1) * ROW_GAP + 24;
  const height = axisY + 6;
  const ticks = [
    `<text class="tick" x="0" y="${axisY}">${escapeHtml(formatDay(axis.from))}</text>`,
    `<text class="tick" x="100%" y="${axisY}" text-anchor="end">${escapeHtml(formatDay(axis.to))}</text>`,
  ];
  return [
    `<svg class="timeline" width="100%" height="${height}" role="group" aria-label="${escapeHtml(`${q.label}: status over time`)}" aria-describedby="${captionId}">`,
    `<defs>${[...used].map((st) => patternDef(`${prefix}-${st}`, st)).join('')}</defs>`,
    `<g aria-hidden="true">${bands.join('')}${windowMark}<line class="axis" x1="0" x2="100%" y1="${ROW_Y - 9}" y2="${ROW_Y - 9}"/>${ticks.join('')}</g>`,
    marks.join(''),
    '</svg>',
  ].join('');
}

/** A legend swatch: the band fill and the mark shape of a status (decorative: the label beside it is text). */
export function legendSwatch(status: QuestionStatus | 'none' | 'window'): string {
  if (status === 'window') return '<svg class="swatch" width="28" height="16" aria-hidden="true"><rect class="win" x="1" y="1" width="26" height="14"/></svg>';
  const id = `legend-${status}`;
  const band = `<defs>${patternDef(id, status)}</defs><rect width="28" height="16" fill="url(#${id})"/>`;
  if (status === 'none') return `<svg class="swatch" width="28" height="16" aria-hidden="true">${band}</svg>`;
  return `<svg class="swatch" width="44" height="16" aria-hidden="true">${band}<path class="mk mk-${status}" transform="translate(37 8)" d="${SHAPES[status]}"/></svg>`;
}
