import type { EventRecord, Story } from '../../src/records/schema.js';

/** A small story of our own for delivery tests (content is irrelevant here; windows and statuses are what matter). */
export function deliveryStory(): Story {
  return {
    id: 'talks',
    title: 'Ceasefire talks',
    keywords: [],
    excludeKeywords: [],
    sources: [],
    autoPublish: false,
    questions: [
      { id: 'venue', label: 'Venue', question: 'Where will the talks be held?', keywords: [] },
      { id: 'truce', label: 'Truce', question: 'Will a truce be agreed?', keywords: [] },
    ],
  };
}

/** One published record at `occurredAt`, optionally moving a question's status. */
export function record(id: string, occurredAt: string, text: string, signal?: { question: string; status: 'open' | 'moved' | 'resolved' | 'contested' }): EventRecord {
  return {
    id,
    story: 'talks',
    occurredAt,
    title: text.slice(0, 100),
    facts: [{ id: 'f1', text, source: 'wire' }],
    sources: [{ id: 'wire', name: 'Wire Service', url: `https://example.org/${id}` }],
    ...(signal ? { signals: [{ question: signal.question, status: signal.status, text, fact: 'f1' }] } : {}),
  };
}
