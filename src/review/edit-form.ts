import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';
import { eventRecordSchema, factId, questionStatus, type EventRecord, type Signal, type Story } from '../records/schema.js';

/**
 * What a reviewer submitted in an edit modal. Only the parts present are changed: Discord's modals each hold a part
 * (title and some facts, or one question), Slack's one modal holds all of it.
 */
export interface EditForm {
  title?: string;
  /** New text by fact id; an empty text drops the fact. */
  facts?: Record<string, string>;
  /** Status and evidence line by question id; an empty status clears the question's signal. */
  questions?: Record<string, { status: string; text: string }>;
}

/** Which input a problem belongs to: the modal shows the message on that field. */
export type FieldKey = 'title' | `fact:${string}` | `q:${string}:status` | `q:${string}:text` | 'form';

export interface FieldError {
  field: FieldKey;
  message: string;
}

export type EditResult = { ok: true; record: EventRecord; changed: boolean } | { ok: false; errors: FieldError[] };

const STATUSES = questionStatus.options;

/**
 * Apply a submitted edit to a record and validate the result with the record schema. Problems are named per field,
 * and nothing is applied unless the whole edit is valid. Facts keep their ids (made explicit), so signals, posted
 * briefings and retractions that point at `f3` still point at the same fact after `f1` is dropped.
 */
export function applyEditForm(current: EventRecord, form: EditForm, story: Story): EditResult {
  const errors: FieldError[] = [];
  const next: EventRecord = structuredClone(current);
  next.facts = next.facts.map((f, i) => ({ ...f, id: factId(f, i) }));

  if (form.title !== undefined) next.title = form.title;

  const dropped = new Set<string>();
  for (const [id, text] of Object.entries(form.facts ?? {})) {
    const fact = next.facts.find((f) => f.id === id);
    if (!fact) {
      errors.push({ field: `fact:${id}`, message: `There is no fact "${clip(id)}" in this event any more.` });
      continue;
    }
    if (text.trim() === '') {
      dropped.add(id);
      continue;
    }
    if (text.trim() !== fact.text) {
      fact.text = text;
      // The old place in the source text and the quote flag described the old words.
      delete fact.offset;
      delete fact.quote;
    }
  }
  next.facts = next.facts.filter((f) => !dropped.has(f.id ?? ''));
  if (next.facts.length === 0) errors.push({ field: `fact:${[...dropped][0] ?? 'f1'}`, message: 'Keep at least one fact: an event without facts cannot be briefed.' });

  let signals: Signal[] = [...(next.signals ?? [])];
  for (const [question, { status, text }] of Object.entries(form.questions ?? {})) {
    if (!story.questions.some((q) => q.id === question)) {
      errors.push({ field: `q:${question}:status`, message: `Unknown question "${clip(question)}". Valid questions: ${story.questions.map((q) => q.id).join(', ')}.` });
      continue;
    }
    const wanted = status.trim().toLowerCase();
    if (wanted === '' || wanted === 'none') {
      signals = signals.filter((s) => s.question !== question);
      continue;
    }
    if (!(STATUSES as readonly string[]).includes(wanted)) {
      errors.push({ field: `q:${question}:status`, message: `Unknown status "${clip(status)}": use ${STATUSES.join(', ')}, or leave it empty to clear.` });
      continue;
    }
    if (text.trim() === '') {
      errors.push({ field: `q:${question}:text`, message: 'Give the evidence line for this status (what happened, in a sentence).' });
      continue;
    }
    const at = signals.findIndex((s) => s.question === question);
    const updated: Signal = { ...(at >= 0 ? signals[at] : { question }), status: wanted as Signal['status'], text } as Signal;
    if (at >= 0) signals[at] = updated;
    else signals.push(updated);
  }
  // A signal whose evidence fact was dropped keeps its text but no longer points at the fact.
  signals = signals.map((s) => (s.fact !== undefined && dropped.has(s.fact) ? withoutFact(s) : s));
  if (signals.length > 0) next.signals = signals;
  else delete next.signals;

  if (errors.length > 0) return { ok: false, errors };
  const parsed = eventRecordSchema.safeParse(next);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((issue) => fieldError(issue, next)) };
  const record = parsed.data;
  // Deep equality: the schema gives keys in its own order.
  return { ok: true, record, changed: !isDeepStrictEqual(record, normalised(current)) };
}

/** The record with explicit fact ids, as an edit stores it (for "did anything change"). */
function normalised(rec: EventRecord): EventRecord {
  return { ...rec, facts: rec.facts.map((f, i) => ({ ...f, id: factId(f, i) })) };
}

function withoutFact(s: Signal): Signal {
  const { fact: _fact, ...rest } = s;
  return rest;
}

/** A schema problem on the field it is about, in words a reviewer reads in a modal. */
function fieldError(issue: z.core.$ZodIssue, rec: EventRecord): FieldError {
  const [top, index, sub] = issue.path;
  let field: FieldKey = 'form';
  let what = 'This record';
  let value: string | undefined;
  if (top === 'title') {
    field = 'title';
    what = 'The title';
    value = rec.title;
  } else if (top === 'facts' && typeof index === 'number') {
    const fact = rec.facts[index];
    field = `fact:${fact?.id ?? `f${index + 1}`}`;
    what = 'This fact';
    value = sub === 'text' ? fact?.text : undefined;
  } else if (top === 'signals' && typeof index === 'number') {
    const signal = rec.signals?.[index];
    field = sub === 'status' ? `q:${signal?.question ?? ''}:status` : `q:${signal?.question ?? ''}:text`;
    what = sub === 'status' ? 'The status' : 'The evidence line';
    value = sub === 'text' ? signal?.text : undefined;
  }
  if (issue.code === 'too_big') {
    const had = value !== undefined ? ` (this one has ${value.trim().length})` : '';
    return { field, message: `${what} is too long: at most ${String(issue.maximum)} characters${had}.` };
  }
  if (issue.code === 'too_small') return { field, message: `${what} cannot be empty.` };
  return { field, message: `${what}: ${issue.message}` };
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}
