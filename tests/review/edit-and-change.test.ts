import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../../src/records/schema.js';
import { describeChange, showsTouched } from '../../src/review/changes.js';
import { applyEditForm } from '../../src/review/edit-form.js';
import { Retractions } from '../../src/review/retractions.js';
import { sampleStory } from '../helpers/fixtures.js';

const story = sampleStory();
const rec: EventRecord = {
  id: 'ev',
  story: story.id,
  occurredAt: '2025-05-19T10:00:00Z',
  title: 'A call between the leaders',
  facts: [
    { text: 'The leaders spoke for two hours.', source: 's' },
    { text: 'Talks will start immediately, both said.', source: 's', speaker: 'Both leaders' },
    { text: 'No map was discussed.', source: 's', questions: ['territory'] },
  ],
  sources: [{ id: 's', name: 'Wire' }],
  signals: [{ question: 'territory', status: 'open', text: 'No map was discussed.', fact: 'f3' }],
};

describe('the edit form', () => {
  it('keeps fact ids when a fact is dropped, and unlinks a signal from a dropped fact', () => {
    const r = applyEditForm(rec, { facts: { f1: '', f3: '' } }, story);
    expect(r.ok && r.record.facts.map((f) => f.id)).toEqual(['f2']);
    expect(r.ok && r.record.signals).toEqual([{ question: 'territory', status: 'open', text: 'No map was discussed.' }]);
  });

  it('names every problem on its field and applies nothing', () => {
    const r = applyEditForm(rec, { title: '', facts: { f1: 'x'.repeat(401), f9: 'y' }, questions: { weather: { status: 'open', text: 'x' }, territory: { status: 'maybe', text: '' } } }, story);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.field)).toEqual(['fact:f9', 'q:weather:status', 'q:territory:status']);
    const schema = applyEditForm(rec, { title: '  ', facts: { f1: 'x'.repeat(401) } }, story);
    expect(!schema.ok && schema.errors).toEqual([
      { field: 'title', message: 'The title cannot be empty.' },
      { field: 'fact:f1', message: 'This fact is too long: at most 400 characters (this one has 401).' },
    ]);
    expect(!applyEditForm(rec, { facts: { f1: '', f2: '', f3: '' } }, story).ok).toBe(true);
  });

  it('says when nothing changed', () => {
    expect(applyEditForm(rec, { title: rec.title, facts: { f1: rec.facts[0]?.text ?? '' } }, story)).toMatchObject({ ok: true, changed: false });
  });
});

describe('what a change to a published event touched', () => {
  it('reports changed and removed words, not additions', () => {
    const more: EventRecord = { ...rec, sources: [...rec.sources, { id: 't', name: 'Other' }], facts: [...rec.facts, { text: 'A new fact.', source: 't' }] };
    expect(describeChange(rec, more, story)).toBeUndefined();
    const edited: EventRecord = { ...rec, title: 'A long call', facts: [rec.facts[0]!, { ...rec.facts[1]!, text: 'Talks will start soon.' }], signals: [{ question: 'territory', status: 'contested', text: 'Maps differ.' }] };
    const c = describeChange(rec, edited, story);
    expect(c?.text).toBe('headline now “A long call”; “Talks will start immediately, both said.” now reads “Talks will start soon.”; removed “No map was discussed.”; Territory: open → contested');
    expect(c?.touched).toEqual(new Set(['ev#title', 'ev#f2', 'ev#f3', 'ev#q:territory']));
    expect(showsTouched(['ev#f1', 'other#f2'], 'ev', c?.touched ?? 'all')).toBe(false);
    expect(showsTouched(['ev#f2'], 'ev', c?.touched ?? 'all')).toBe(true);
  });

  it('a retracted fact is gone for readers; a retracted event touches everything it showed', () => {
    const r = new Retractions([{ id: 1, story: story.id, eventId: 'ev', factId: 'f2', factText: 'Talks will start  immediately, both said.', reason: 'x', actor: 'cli:a', at: '' }]);
    const seen = r.apply(rec);
    expect(seen?.facts.map((f) => f.id)).toEqual(['f1', 'f3']);
    expect(describeChange(rec, seen, story)?.touched).toEqual(new Set(['ev#f2']));
    const gone = new Retractions([{ id: 2, story: story.id, eventId: 'ev', reason: 'hoax', actor: 'cli:a', at: '' }]);
    expect(gone.apply(rec)).toBeUndefined();
    expect(describeChange(rec, undefined, story)).toEqual({ text: 'withdrawn: “A call between the leaders”', touched: 'all' });
    expect(gone.keepsSignal({ eventId: 'ev', fact: 'f3' }, rec)).toBe(false);
  });
});
