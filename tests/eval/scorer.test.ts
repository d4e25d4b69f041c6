import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { daysOf, extraSplits, loadCorpus, type Article, type DayLabel, type OnStoryLabel } from '../../eval/labels.js';
import { briefingContent, carries, carriesChrome, carriesHeading, displayOnly, finished, lead3, overlaps, sameSpeaker, scoreBriefings, scoreIngestion, sentencesOf, type Placement } from '../../eval/score.js';
import type { Briefing } from '../../src/briefing/types.js';
import type { EventRecord } from '../../src/records/schema.js';
import { renderText } from '../../src/render/text.js';
import { ROOT, sampleStory } from '../helpers/fixtures.js';

const QUESTIONS = sampleStory().questions.map((q) => q.id) as [string, ...string[]];

/** An on-story label with the fields a test does not care about filled in. */
function onStory(id: string, fields: Partial<OnStoryLabel>): OnStoryLabel {
  return {
    id,
    url: `https://example.org/${id}`,
    outlet: id,
    format: 'txt',
    onStory: true,
    eventDate: '2025-05-19',
    event: 'e1',
    headline: null,
    chrome: [],
    subheadlines: [],
    speakers: [],
    keyTerms: [],
    questions: { territory: [], 'security-guarantees': [], 'ukraine-response': [] },
    notQuestions: [],
    ...fields,
  };
}

const A: Article = {
  id: 'a',
  split: 'tune',
  file: 'a.txt',
  text: 'date 2025-05-19 Talks resume\nKyiv and Moscow agreed to resume talks on Monday, officials said.\n"We will not cede territory," Zelensky said.\nTerritorial Defence Forces took part in the prisoner swap.\nRead more\n',
  label: onStory('a', {
    headline: 'Talks resume',
    chrome: ['date 2025-05-19', 'Read more'],
    speakers: [{ text: 'We will not cede territory', speaker: 'Volodymyr Zelensky' }],
    keyTerms: ['Kyiv', 'Moscow', 'resume talks', 'Monday', 'cede territory', 'Zelensky'],
    questions: { territory: ['We will not cede territory'], 'security-guarantees': [], 'ukraine-response': ['We will not cede territory'] },
    notQuestions: [{ text: 'Territorial Defence Forces', question: 'territory', why: 'a military unit' }],
  }),
};
const B: Article = {
  id: 'b',
  split: 'tune',
  file: 'b.txt',
  text: 'Ukraine said on Monday it would resume talks with Russia.\nPutin said the root causes must be addressed.\n',
  label: onStory('b', {
    speakers: [{ text: 'root causes must be addressed', speaker: 'Vladimir Putin' }],
    keyTerms: ['Ukraine', 'Monday', 'resume talks', 'Russia', 'Putin', 'root causes'],
    questions: { territory: [], 'security-guarantees': ['root causes must be addressed'], 'ukraine-response': [] },
  }),
};
const C: Article = {
  id: 'c',
  split: 'tune',
  file: 'c.txt',
  text: 'Russia handed over a memorandum in Istanbul\n',
  label: onStory('c', { eventDate: '2025-06-02', event: 'e2', keyTerms: ['Russia', 'memorandum', 'Istanbul', 'handed over', 'June', 'delegation'] }),
};
const D: Article = {
  id: 'd',
  split: 'tune',
  file: 'd.txt',
  text: 'Israel and Hamas agreed a ceasefire in Gaza on Thursday, mediators said.\n',
  label: { id: 'd', url: 'https://example.org/d', outlet: 'd', format: 'txt', onStory: false, trapKind: 'other-ceasefire', trap: 'another ceasefire' },
};

const E1: EventRecord = {
  id: '2025-05-19-talks-resume',
  story: 'ukraine-ceasefire',
  occurredAt: '2025-05-19',
  title: 'Talks resume',
  sources: [
    { id: 'a', name: 'a' },
    { id: 'b', name: 'b' },
  ],
  facts: [
    { id: 'f1', text: 'Kyiv and Moscow agreed to resume talks on Monday, officials said.', source: 'a', alsoSources: ['b'] },
    { id: 'f2', text: '"We will not cede territory," Zelensky said.', source: 'a', speaker: 'Volodymyr Zelenskyy', questions: ['territory'] },
    { id: 'f3', text: 'Territorial Defence Forces took part in the prisoner swap.', source: 'a', questions: ['territory'] },
    { id: 'f4', text: 'Read more', source: 'a' },
    { id: 'f5', text: 'Putin said the root causes must be addressed.', source: 'b', speaker: 'After Putin', questions: ['security-guarantees'] },
    { id: 'f6', text: 'Talks resume', source: 'a' },
  ],
};
const E2: EventRecord = {
  id: '2026-01-05-russia-handed-over',
  story: 'ukraine-ceasefire',
  occurredAt: '2026-01-05T12:00:00Z',
  title: 'Russia handed over a memorandum',
  sources: [{ id: 'c', name: 'c' }],
  facts: [{ text: 'Russia handed over a memorandum in Istanbul', source: 'c' }],
};
const PLACEMENTS: Placement[] = [
  { articleId: 'a', outcome: 'kept', eventId: E1.id, sourceId: 'a' },
  { articleId: 'b', outcome: 'kept', eventId: E1.id, sourceId: 'b' },
  { articleId: 'c', outcome: 'kept', eventId: E2.id, sourceId: 'c' },
  { articleId: 'd', outcome: 'rejected', detail: 'off-story' },
];

describe('eval scorer on a tiny labelled set', () => {
  it('scores ingestion: kept and rejected, dates, chrome, headlines, unfinished facts, key terms, speakers, pairs and tags', () => {
    const s = scoreIngestion({ articles: [A, B, C, D], records: [E1, E2], placements: PLACEMENTS, questionIds: QUESTIONS });
    expect(s.onStoryKept).toEqual({ n: 3, of: 3 });
    expect(s.offStoryRejected).toEqual({ n: 1, of: 1 });
    expect(s.datesWithinDay).toEqual({ n: 2, of: 3 });
    expect([s.chromeLinesKept, s.eventsWithChrome, s.factsWithChrome]).toEqual([1, 1, 1]);
    expect(s.headlineAsFact).toBe(1);
    expect(s.subheadlineAsFact).toBe(0);
    // "Read more", "Talks resume" and the memorandum line have no full stop.
    expect(s.unfinishedFacts).toBe(3);
    // a: 6 of 6; b: Ukraine and Russia missing; c: June and delegation missing.
    expect(s.keyTermsKept).toEqual({ n: 14, of: 18 });
    // Zelenskyy matches Zelensky; "After Putin" has the right surname but opens with a preposition.
    expect(s.speakerPrecision).toEqual({ n: 2, of: 2 });
    expect(s.speakersNamingNoOne).toEqual({ n: 1, of: 2 });
    expect(s.pairsMerged).toEqual({ n: 1, of: 1 });
    expect(s.wronglyMerged).toBe(0);
    // territory on the quote (right), on "Territorial Defence Forces" (a labelled trap), ukraine-response missed.
    expect(s.tags.precision).toEqual({ n: 2, of: 3 });
    expect(s.tags.recall).toEqual({ n: 2, of: 3 });
    expect(s.tags.trapsTagged).toBe(1);
  });

  it('never counts the headline as chrome in a title when a chrome label is its copy in other quotation marks', () => {
    const headline = '‘Momentum from Trump-Putin meeting gone’: Russia on Alaska summit';
    const copy = "'Momentum from Trump-Putin meeting gone': Russia on Alaska summit";
    const art: Article = { ...C, id: 'q', file: 'q.txt', text: `${headline}\n${copy}\nRyabkov said the momentum had faded.\n`, label: onStory('q', { headline, chrome: [copy], event: 'e2', eventDate: '2025-06-02' }) };
    const rec: EventRecord = { ...E2, id: '2025-06-02-momentum-from-trump-putin-meeting-gone', title: headline, sources: [{ id: 'q', name: 'q' }], facts: [{ text: 'Ryabkov said the momentum had faded.', source: 'q' }] };
    const s = scoreIngestion({ articles: [art], records: [rec], placements: [{ articleId: 'q', outcome: 'kept', eventId: rec.id, sourceId: 'q' }], questionIds: QUESTIONS });
    expect(s.chromeLinesKept).toBe(0);
    // Nor a breadcrumb glued to it, in other quotation marks: only the trail is chrome.
    const own = 'new Russian-Ukrainian talks in Turkey “next week”';
    const glued = 'HomeWorldnew Russian-Ukrainian talks in Turkey "next week"';
    const art2: Article = { ...art, text: `${glued}\n${own}\nRyabkov said the momentum had faded.\n`, label: onStory('q', { headline: own, chrome: [glued], event: 'e2', eventDate: '2025-06-02' }) };
    const scored = (title: string) => scoreIngestion({ articles: [art2], records: [{ ...rec, title }], placements: [{ articleId: 'q', outcome: 'kept', eventId: rec.id, sourceId: 'q' }], questionIds: QUESTIONS }).chromeLinesKept;
    expect(scored(own)).toBe(0);
    // Nor a caption naming whom the headline names, with its stop.
    const named: Article = { ...art, label: onStory('q', { headline, chrome: ['Momentum from Trump-Putin.'], event: 'e2', eventDate: '2025-06-02' }) };
    expect(scoreIngestion({ articles: [named], records: [rec], placements: [{ articleId: 'q', outcome: 'kept', eventId: rec.id, sourceId: 'q' }], questionIds: QUESTIONS }).chromeLinesKept).toBe(0);
    expect(scored(`HomeWorld | ${own}`)).toBe(1);
    // Nor a transcript's speaker label naming whom the headline names.
    const remarks = 'Remarks by Vice President Harris and President Volodymyr Zelenskyy of Ukraine Before Bilateral Meeting';
    const labelled: Article = { ...art, label: onStory('q', { headline: remarks, chrome: ['VICE PRESIDENT HARRIS:'], event: 'e2', eventDate: '2025-06-02' }) };
    const byRemarks: EventRecord = { ...rec, id: '2025-06-02-remarks-by-vice-president-harris-and-president-volodymyr', title: remarks };
    expect(scoreIngestion({ articles: [labelled], records: [byRemarks], placements: [{ articleId: 'q', outcome: 'kept', eventId: byRemarks.id, sourceId: 'q' }], questionIds: QUESTIONS }).chromeLinesKept).toBe(0);
  });

  it("never counts a body sentence as chrome because a summary box in the page's front matter repeats it", () => {
    const sentence = 'The deal is expected to include security guarantees, reconstruction aid, and a freeze on sanctions.';
    const box = `  - "${sentence}"`;
    const text = `---\ntldr:\n${box}\n---\nZelensky plans a peace referendum. ${sentence}\n`;
    const rec: EventRecord = { ...E2, id: '2025-06-02-zelensky-plans-a-peace-referendum', title: 'Zelensky plans a peace referendum', sources: [{ id: 'q', name: 'q' }], facts: [{ text: sentence, source: 'q' }] };
    const scored = (body: string) => {
      const art: Article = { ...C, id: 'q', file: 'q.txt', text: body, label: onStory('q', { chrome: [box], event: 'e2', eventDate: '2025-06-02' }) };
      return scoreIngestion({ articles: [art], records: [rec], placements: [{ articleId: 'q', outcome: 'kept', eventId: rec.id, sourceId: 'q' }], questionIds: QUESTIONS }).chromeLinesKept;
    };
    expect(scored(text)).toBe(0);
    // Printed only in the box, it is chrome.
    expect(scored(`---\ntldr:\n${box}\n---\nZelensky plans a peace referendum.\n`)).toBe(1);
  });

  it('counts a fact as the headline only when it is the headline, not when a body sentence names a short one', () => {
    const headline = 'Coalition of the Willing';
    const body = 'This is the 15th meeting of the coalition of the willing that we have had since February.';
    const art: Article = { ...C, id: 'w', file: 'w.txt', text: `${headline}\n${body}\n`, label: onStory('w', { headline, event: 'e2', eventDate: '2025-06-02' }) };
    const scored = (facts: string[]) => {
      const rec: EventRecord = { ...E2, id: '2025-06-02-coalition', title: headline, sources: [{ id: 'w', name: 'w' }], facts: facts.map((text) => ({ text, source: 'w' })) };
      return scoreIngestion({ articles: [art], records: [rec], placements: [{ articleId: 'w', outcome: 'kept', eventId: rec.id, sourceId: 'w' }], questionIds: QUESTIONS }).headlineAsFact;
    };
    expect(scored([body])).toBe(0);
    expect(scored(['Coalition of the Willing.'])).toBe(1);
  });

  it('counts a merge of two labelled events as wrong and a lost article outside the pairs', () => {
    const placements: Placement[] = [
      { articleId: 'a', outcome: 'kept', eventId: E1.id, sourceId: 'a' },
      { articleId: 'b', outcome: 'failed', detail: 'NO_FACTS' },
      { articleId: 'c', outcome: 'kept', eventId: E1.id, sourceId: 'c' },
      { articleId: 'd', outcome: 'kept', eventId: E1.id, sourceId: 'd' },
    ];
    const s = scoreIngestion({ articles: [A, B, C, D], records: [E1], placements, questionIds: QUESTIONS });
    expect(s.onStoryKept).toEqual({ n: 2, of: 3 });
    expect(s.offStoryRejected).toEqual({ n: 0, of: 1 });
    expect(s.pairsMerged).toEqual({ n: 0, of: 0 });
    expect(s.pairsLost).toBe(1);
    expect(s.wronglyMerged).toBe(1);
  });

  it('scores briefings against Lead-3: key terms, defective lines, freshness, status and off-story text', () => {
    const dev = (text: string, eventId = E1.id) => ({ text, eventId, factIds: ['f1'], sources: [{ name: 'a' }], occurredAt: '2025-05-19', sourceCount: 1 });
    const question = (id: string, label: string, status: 'open' | 'moved' | 'contested', summary: string) => ({
      id,
      label,
      question: '?',
      status,
      summary,
      lastChangedAt: null,
      changedInWindow: false,
      evidence: [{ eventId: E1.id, text: summary, source: 'a', at: '2025-05-19T00:00:00.000Z', status }],
    });
    const briefing: Briefing = {
      story: { id: 'ukraine-ceasefire', title: 'Russia–Ukraine ceasefire talks' },
      generatedAt: '2025-05-20T07:00:00.000Z',
      window: { from: '2025-05-18T18:00:00.000Z', to: '2025-05-20T07:00:00.000Z', fallback: false },
      headline: 'Talks resume',
      developments: [
        dev('Kyiv and Moscow agreed to resume talks on Monday, officials said.'),
        dev('Read more'),
        dev('Talks resume'),
        dev('Israel and Hamas agreed a ceasefire in Gaza on Thursday, mediators said.', 'elsewhere'),
      ],
      questions: [
        question('territory', 'Territory', 'contested', '"We will not cede territory," Zelensky said.'),
        question('security-guarantees', 'Security guarantees', 'moved', 'Something old from March.'),
        question('ukraine-response', "Ukraine's response", 'open', 'No evidence recorded yet.'),
      ],
      watch: [],
      sources: [{ name: 'a' }],
      stats: { eventsInWindow: 1, developmentsOmitted: 0 },
    };
    const day: DayLabel = {
      day: '2025-05-19',
      articles: ['a', 'b'],
      questions: {
        territory: { bears: true, status: 'contested', evidence: ['We will not cede territory'] },
        'security-guarantees': { bears: true, status: 'moved', evidence: ['root causes'] },
        'ukraine-response': { bears: false, status: 'open', evidence: [] },
      },
    };
    const s = scoreBriefings({
      days: [day],
      articles: [A, B, C, D],
      results: [{ day: day.day, briefing, text: renderText(briefing) }],
      articlesOfEvent: (id) => (id === E1.id ? ['a', 'b'] : []),
    });
    // Ten distinct terms; the briefing has A's six (template words such as "Ukraine's response" do not count).
    expect(s.keyTermsBriefing).toEqual({ n: 6, of: 10 });
    expect(s.keyTermsLead3).toEqual({ n: 10, of: 10 });
    expect(s.keyTermsRatio).toBeCloseTo(0.6);
    // "Read more" (chrome, unfinished) and "Talks resume" (title, unfinished) as bullets; the headline itself is fine.
    expect(s.defectiveLines).toBe(2);
    expect(s.emptyBriefings).toEqual({ n: 0, of: 1 });
    expect(s.freshness).toEqual({ n: 1, of: 2 });
    expect(s.questionLineFromDay).toEqual({ n: 1, of: 2 });
    expect(s.statusAccuracy).toEqual({ n: 3, of: 3 });
    expect(s.offStoryText).toBe(1);
  });

  it('counts a bullet as a sub-headline only when no article behind its event prints it as a sentence of its body', () => {
    const dek = 'Ukraine said on Monday it would resume talks with Russia.';
    const withDek: Article = { ...A, text: `Talks resume\n${dek}\nKyiv and Moscow agreed to resume talks on Monday, officials said.\n`, label: { ...(A.label as OnStoryLabel), subheadlines: [dek], chrome: [] } };
    const briefing: Briefing = {
      story: { id: 'ukraine-ceasefire', title: 'Russia–Ukraine ceasefire talks' },
      generatedAt: '2025-05-20T07:00:00.000Z',
      window: { from: '2025-05-18T18:00:00.000Z', to: '2025-05-20T07:00:00.000Z', fallback: false },
      headline: 'Talks resume',
      developments: [{ text: dek, eventId: E1.id, factIds: ['f1'], sources: [{ name: 'b' }], occurredAt: '2025-05-19', sourceCount: 1 }],
      questions: [],
      watch: [],
      sources: [{ name: 'b' }],
      stats: { eventsInWindow: 1, developmentsOmitted: 0 },
    };
    const day: DayLabel = { day: '2025-05-19', articles: ['a', 'b'], questions: {} };
    const defective = (articles: Article[]) =>
      scoreBriefings({ days: [day], articles, results: [{ day: day.day, briefing, text: renderText(briefing) }], articlesOfEvent: (id) => (id === E1.id ? articles.map((a) => a.id) : []) }).defectiveLines;
    // B prints the standfirst of A as its body's first sentence: the bullet is B's sentence.
    expect(defective([withDek, B])).toBe(0);
    expect(defective([withDek])).toBe(1);
  });

  it('builds Lead-3 from the body without chrome or headline, and reads the briefing without its template words', () => {
    expect(lead3([A])).toBe('Kyiv and Moscow agreed to resume talks on Monday, officials said. "We will not cede territory," Zelensky said. Territorial Defence Forces took part in the prisoner swap.');
    expect(sentencesOf('Mr. Trump met U.S. envoys on Nov. 21. Then he left.')).toEqual(['Mr. Trump met U.S. envoys on Nov. 21.', 'Then he left.']);
    expect(briefingContent("T\nsub\n\nHeadline\n\nOPEN QUESTIONS\n• Ukraine's response: MOVED since 19 May 2025 — Kyiv agreed.\n\nSOURCES\n[1] x")).toBe("Headline\n\n\n• Kyiv agreed.\n");
    // A short status line is all template: its label ("Security guarantees") is no term the briefing kept.
    expect(briefingContent('T\nsub\n\nHeadline\n\nOPEN QUESTIONS\n• Security guarantees: CONTESTED since 18 Aug 2025; nothing new since 23 Nov 2025.\n\nSOURCES\n[1] x')).toBe('Headline\n\n\n• \n');
    expect(carries('date 2025-05-19 Talks resume in Istanbul', 'date 2025-05-19')).toBe(true);
    expect(carries('News of the deal spread fast.', 'World')).toBe(false);
    // A picture's title of a few words is chrome in a fact only whole or glued on: inside a sentence it is the body's.
    expect(carriesChrome('Russian President Vladimir Putin on Wednesday derided European leaders.', 'President Vladimir Putin')).toBe(false);
    expect(carriesChrome('President Vladimir Putin Russian President Vladimir Putin on Wednesday derided European leaders.', 'President Vladimir Putin')).toBe(true);
    // A sentence that opens on a picture's title and runs on is the body naming the person; one glued on is not.
    expect(carriesChrome('Ukrainian President Volodymyr Zelensky has rejected the prospect of negotiations.', 'Ukrainian President Volodymyr Zelensky')).toBe(false);
    expect(carriesChrome('Ukrainian President Volodymyr Zelensky The talks were postponed.', 'Ukrainian President Volodymyr Zelensky')).toBe(true);
    expect(carriesChrome('Talks resumed. Read more: Kremlin rejects the plan as Witkoff lands in Moscow today', 'Read more: Kremlin rejects the plan')).toBe(true);
    // A body sentence that quotes a sentence of a post the page embeds is the body's; the post's sentence run into a
    // fact unquoted is the post's.
    const post = 'We have warned of Russia’s plans to ruin the grain deal. I call on all states to demand Russia to stop its hunger games.';
    expect(carriesChrome('Kuleba tweeted that Moscow used a false pretext, adding “I call on all states to demand Russia to stop its hunger games.”', post)).toBe(false);
    expect(carriesChrome('Talks stalled. I call on all states to demand Russia to stop its hunger games.', post)).toBe(true);
    // A heading of a few words is carried only whole or glued on, never by a sentence that uses its words.
    expect(carriesHeading('The talks led to the creation of humanitarian corridors to evacuate civilians.', 'Humanitarian corridors')).toBe(false);
    expect(carriesHeading('Humanitarian corridors The talks led to an agreement.', 'Humanitarian corridors')).toBe(true);
    expect(carriesHeading('The parties agreed to organize safe corridors for civilians.', 'The parties agreed to organize safe corridors for civilians.')).toBe(true);
    expect(carriesHeading('A member of the delegation said the parties agreed to organize safe corridors for civilians.', 'the parties agreed to organize safe corridors for civilians.')).toBe(false);
    expect(carriesHeading('The parties agreed to organize safe corridors', 'The parties agreed to organize safe corridors for civilians.')).toBe(true);
    // A standfirst the body prints again word for word is display text only above the body: its copy below is a fact.
    const dek = 'Lavrov also stressed that negotiations with Zelenskyy were out of the question.';
    expect(displayOnly([dek, 'What is the 10-point plan?'], `Headline\n${dek}\nLead.\n${dek}\nWhat is the 10-point plan?`)).toEqual(['What is the 10-point plan?']);
    expect(finished('He said it went “very well.”')).toBe(true);
    expect(finished('agree to a meeting with Putin that Zelensk')).toBe(false);
  });
});

describe('eval speakers that name no one', () => {
  it('knows a name written family name first by its first word ("Xi" of "Xi Jinping"), and a preposition for no name', () => {
    const text = 'Xi praised Putin and predicted Russians would re-elect him, the Kremlin said on the peace talks.\n';
    const art: Article = { ...C, id: 'x', file: 'x.txt', text, label: onStory('x', { event: 'e2', eventDate: '2026-01-05' }) };
    const noOne = (speaker: string) => {
      const rec: EventRecord = { ...E2, id: '2026-01-05-xi', sources: [{ id: 'x', name: 'x' }], facts: [{ text: text.trim(), source: 'x', speaker }] };
      return scoreIngestion({ articles: [art], records: [rec], placements: [{ articleId: 'x', outcome: 'kept', eventId: rec.id, sourceId: 'x' }], questionIds: QUESTIONS }).speakersNamingNoOne.n;
    };
    expect(noOne('Xi Jinping')).toBe(0);
    expect(noOne('Kremlin')).toBe(0);
    expect(noOne('After Putin')).toBe(1);
    expect(noOne('Wang Yi')).toBe(1);
  });

  it('knows a name a transcript\'s label gives in capitals or a heading introduces, though the labels count both as display, and no name only its headline gives', () => {
    const label = 'VICE PRESIDENT HARRIS:';
    const text = `Remarks by Vice President Harris\n\u00a0 \u00a0 ${label}\u00a0 Thank you.\nI am here to support the peace talks.\n`;
    const art: Article = { ...C, id: 'x', file: 'x.txt', text, label: { ...onStory('x', { event: 'e2', eventDate: '2026-01-05' }), headline: 'Remarks by Vice President Harris', chrome: [label], subheadlines: ['Secretary Rubio on This Week'] } as Article['label'] };
    const noOne = (speaker: string) => {
      const rec: EventRecord = { ...E2, id: '2026-01-05-harris', sources: [{ id: 'x', name: 'x' }], facts: [{ text: 'I am here to support the peace talks.', source: 'x', speaker }] };
      return scoreIngestion({ articles: [art], records: [rec], placements: [{ articleId: 'x', outcome: 'kept', eventId: rec.id, sourceId: 'x' }], questionIds: QUESTIONS }).speakersNamingNoOne.n;
    };
    expect(noOne('Harris')).toBe(0);
    expect(noOne('Remarks')).toBe(1);
    // A heading inside the article names whom it introduces; only the headline is no one's words.
    expect(noOne('Marco Rubio')).toBe(0);
  });
});

describe('eval snippet matching', () => {
  it('reads a label through the zero-width marks a wire scatters in its copy, as ingestion reads the text', () => {
    // Reuters' copy carries U+200B/U+200C/U+200D/U+2060 inside words' gaps; the facts ingestion makes have none.
    const label = 'Ukraine \u200crejects Russia\'s demand that it \u200dcede the remainder of its Donbas region';
    expect(overlaps("Ukraine rejects Russia's demand that it cede the remainder of its Donbas region, land Moscow has not taken.", label)).toBe(true);
    expect(overlaps('Kremlin spokesman Dmitry Peskov said that talks would go on.', 'spokesman \u200bDmitry Peskov said \u2060that')).toBe(true);
  });
});

describe('eval speaker matching', () => {
  it('matches a speaker by surname, without accents, and by a family name written first alone', () => {
    expect(sameSpeaker('Zelensky', 'Volodymyr Zelensky')).toBe(true);
    expect(sameSpeaker('Viktor Orban', 'Viktor Orbán')).toBe(true);
    expect(sameSpeaker('Xi', 'Xi Jinping')).toBe(true);
    expect(sameSpeaker('Vladimir Putin', 'Volodymyr Zelensky')).toBe(false);
    expect(sameSpeaker('Jinping Li', 'Xi Jinping')).toBe(false);
  });

  it('matches the name a person goes by before a particle ("Lula" of "Luiz Inácio Lula da Silva"), either way', () => {
    expect(sameSpeaker('Lula', 'Luiz Inácio Lula da Silva')).toBe(true);
    expect(sameSpeaker('Luiz Inácio Lula da Silva', 'Lula')).toBe(true);
    expect(sameSpeaker('Janja da Silva', 'Lula')).toBe(false);
  });
});

describe('eval labels', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('every label file in eval/corpus validates and quotes its own article', () => {
    const root = join(ROOT, 'eval', 'corpus');
    const corpus = loadCorpus(root, QUESTIONS, ['tune', 'holdout', ...extraSplits(root)]);
    expect(corpus.problems.map((p) => `${p.file}: ${p.field}: ${p.message}`)).toEqual([]);
    expect(corpus.articles.length).toBeGreaterThanOrEqual(70);
    expect(corpus.days.length).toBeGreaterThanOrEqual(15);
  });

  it("gives each split only its own days, when two samples hold articles of the same id on different days", () => {
    dir = mkdtempSync(join(tmpdir(), 'sitrep-eval-days-'));
    const label = (eventDate: string) => ({
      id: '2025-02-10-reuters',
      url: `https://example.org/${eventDate}`,
      outlet: 'Wire',
      format: 'txt',
      onStory: true,
      eventDate,
      event: `talks-${eventDate}`,
      headline: null,
      chrome: [],
      subheadlines: [],
      speakers: [],
      keyTerms: ['Putin', 'Trump', 'Monday', 'Kyiv', 'spoke', 'wait'],
      questions: { territory: [], 'security-guarantees': [], 'ukraine-response': [] },
      notQuestions: [],
    });
    const none = { bears: false, status: 'open', evidence: [] };
    for (const [split, day] of [['fresh-a', '2025-02-10'], ['fresh-b', '2025-02-11']] as const) {
      mkdirSync(join(dir, split));
      writeFileSync(join(dir, split, '2025-02-10-reuters.txt'), 'Putin and Trump spoke on Monday. Kyiv said it would wait.\n');
      writeFileSync(join(dir, split, '2025-02-10-reuters.yaml'), JSON.stringify(label(day)));
      writeFileSync(join(dir, split, 'days.yaml'), JSON.stringify([{ day, articles: ['2025-02-10-reuters'], questions: { territory: none, 'security-guarantees': none, 'ukraine-response': none } }]));
    }
    const corpus = loadCorpus(dir, QUESTIONS, extraSplits(dir));
    expect(corpus.problems).toEqual([]);
    expect(daysOf(corpus, 'fresh-a').map((d) => d.day)).toEqual(['2025-02-10']);
    expect(daysOf(corpus, 'fresh-b').map((d) => d.day)).toEqual(['2025-02-11']);
  });

  it('names the file and field of a broken label, and still loads the good ones', () => {
    dir = mkdtempSync(join(tmpdir(), 'sitrep-eval-labels-'));
    const split = join(dir, 'tune');
    mkdirSync(split);
    writeFileSync(join(split, 'good.txt'), 'Putin and Trump spoke on Monday. Kyiv said it would wait.\n');
    const good = {
      id: 'good',
      url: 'https://example.org/good',
      outlet: 'Good',
      format: 'txt',
      onStory: true,
      eventDate: '2025-05-19',
      event: 'call',
      headline: null,
      chrome: [],
      subheadlines: [],
      speakers: [],
      keyTerms: ['Putin', 'Trump', 'Monday', 'Kyiv', 'spoke', 'wait'],
      questions: { territory: [], 'security-guarantees': [], 'ukraine-response': ['Kyiv said it would wait'] },
      notQuestions: [],
    };
    writeFileSync(join(split, 'good.yaml'), JSON.stringify(good));
    writeFileSync(join(split, 'bad.txt'), 'Some article text.\n');
    writeFileSync(join(split, 'bad.yaml'), JSON.stringify({ ...good, id: 'bad', keyTerms: ['Putin'], chrome: ['not in the text'] }));
    writeFileSync(join(split, 'days.yaml'), JSON.stringify([{ day: '2025-05-19', articles: ['good'], questions: { territory: { bears: false, status: 'open', evidence: [] }, 'security-guarantees': { bears: false, status: 'open', evidence: [] }, 'ukraine-response': { bears: true, status: 'moved', evidence: ['would wait'] } } }]));
    const corpus = loadCorpus(dir, QUESTIONS, ['tune']);
    expect(corpus.articles.map((a) => a.id)).toEqual(['good']);
    expect(corpus.problems).toEqual([expect.objectContaining({ file: join(split, 'bad.yaml'), field: 'keyTerms' })]);

    writeFileSync(join(split, 'bad.yaml'), JSON.stringify({ ...good, id: 'bad', chrome: ['not in the text'] }));
    // A split's own clock, and a broken one named with its file.
    writeFileSync(join(split, 'split.yaml'), 'now: "2026-03-01T12:00:00Z"\n');
    expect(loadCorpus(dir, QUESTIONS, ['tune']).clocks).toEqual({ tune: '2026-03-01T12:00:00Z' });
    writeFileSync(join(split, 'split.yaml'), 'now: "next spring"\n');
    expect(loadCorpus(dir, QUESTIONS, ['tune']).problems).toContainEqual(expect.objectContaining({ file: join(split, 'split.yaml'), field: 'now' }));
    rmSync(join(split, 'split.yaml'));
    const again = loadCorpus(dir, QUESTIONS, ['tune']);
    expect(again.problems).toEqual([
      expect.objectContaining({ file: join(split, 'bad.yaml'), field: 'chrome[0]' }),
      expect.objectContaining({ file: join(split, 'bad.yaml'), field: 'keyTerms[0]' }),
      expect.objectContaining({ file: join(split, 'bad.yaml'), field: 'keyTerms[1]' }),
      expect.objectContaining({ file: join(split, 'bad.yaml'), field: 'keyTerms[2]' }),
      expect.objectContaining({ file: join(split, 'bad.yaml'), field: 'keyTerms[3]' }),
      expect.objectContaining({ file: join(split, 'bad.yaml'), field: 'keyTerms[4]' }),
      expect.objectContaining({ file: join(split, 'bad.yaml'), field: 'keyTerms[5]' }),
      expect.objectContaining({ file: join(split, 'bad.yaml'), field: 'questions.ukraine-response[0]' }),
    ]);
  });
});
