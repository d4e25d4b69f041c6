import { eventRecordSchema, storySchema, type EventRecord, type Story } from '../../src/records/schema.js';
import { HOSTILE } from './briefing-data.js';

/** A two-question story, built directly so these tests don't depend on shared fixtures. */
export function testStory(): Story {
  return storySchema.parse({
    id: 'test-talks',
    title: 'Test ceasefire talks',
    keywords: ['ceasefire'],
    questions: [
      { id: 'ceasefire', label: 'Ceasefire', question: 'Will a ceasefire be agreed?', keywords: ['ceasefire', 'truce'] },
      { id: 'territory', label: 'Territory', question: 'Who controls which territory after a deal?', keywords: ['territory'] },
    ],
  });
}

/** Records around 2025-05-19, one of them carrying hostile text in a fact. */
export function testRecords(): EventRecord[] {
  const raw = [
    {
      id: 'talks-resume',
      story: 'test-talks',
      occurredAt: '2025-05-18T10:00:00Z',
      title: 'Talks resume in Istanbul',
      facts: [
        { text: 'Delegations met in Istanbul for two hours and agreed to meet again.', source: 'wire', questions: ['ceasefire'] },
        { text: 'A follow-up meeting is expected within days.', source: 'wire', watch: { due: '2025-05-25' } },
      ],
      sources: [{ id: 'wire', name: 'Wire Service', url: 'https://wire.example/talks' }],
      signals: [{ question: 'ceasefire', status: 'moved', text: 'Both sides agreed to keep talking.', fact: 'f1' }],
    },
    {
      id: 'hostile-post',
      story: 'test-talks',
      occurredAt: '2025-05-18T15:00:00Z',
      title: 'Statement circulated online',
      // A link written Slack's way but without a scheme: a fact with a URL is page chrome, never a bullet.
      facts: [{ text: `Officials said ${HOSTILE.replace('https://', '')} in a statement on territory.`, source: 'blog', questions: ['territory'] }],
      sources: [{ id: 'blog', name: 'Blog <!here>', url: 'https://blog.example/post?a=1&b=2' }],
      signals: [{ question: 'territory', status: 'contested', text: `Claims differ: ${HOSTILE}`, fact: 'f1' }],
    },
    {
      id: 'older',
      story: 'test-talks',
      occurredAt: '2025-05-01T09:00:00Z',
      title: 'Talks announced',
      facts: [{ text: 'Both governments announced talks would start in May.', source: 'wire' }],
      sources: [{ id: 'wire', name: 'Wire Service', url: 'https://wire.example/announce' }],
      signals: [{ question: 'ceasefire', status: 'open', text: 'Talks announced.', fact: 'f1' }],
    },
  ];
  return raw.map((r) => eventRecordSchema.parse(r));
}

/** The clock the Slack tests run at. */
export const NOW = new Date('2025-05-19T06:00:00Z');
