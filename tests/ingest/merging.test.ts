import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeArticle, recordFromArticle } from '../../src/ingest/merge.js';
import { ingestInputs } from '../../src/ingest/pipeline.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import type { EventRecord } from '../../src/records/schema.js';
import { sampleStory } from '../helpers/fixtures.js';
import { analyzed } from './analyzed.js';
import { ceasefireStory } from './story.js';
import { createDatabase, freshPostgresStore, withPostgres } from '../helpers/pg.js';

/**
 * Ingest each report as a file in a run of its own into one store (as separate `sitrep ingest` calls or feed polls
 * make them: each finds the events before it in the store); the placed event ids, and the events stored. Removes `dir`.
 */
async function eachInItsOwnRun(dir: string, reports: ReadonlyArray<{ lines: readonly string[]; published: string }>, now: Date): Promise<{ ids: string[]; events: EventRecord[] }> {
  const store = openSqliteStore(':memory:');
  const story = sampleStory();
  await store.upsertStory(story);
  const ids: string[] = [];
  for (const [i, { lines, published }] of reports.entries()) {
    const path = join(dir, `r${i}.txt`);
    writeFileSync(path, lines.join('\n'));
    const r = (await ingestInputs([path], { story, store, now, published })).results[0];
    if (r?.ok) ids.push(r.eventId);
  }
  rmSync(dir, { recursive: true, force: true });
  const events = await store.listEvents({ story: story.id, status: 'any', limit: 10 });
  await store.close();
  return { ids, events };
}

describe('merging reports that state no date', () => {
  it('merges two undated reports of one event, and keeps an undated report of another event apart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-undated-pair-'));
    const files = {
      a: [
        'Zelensky says US security guarantees document ready for signing',
        'Ukrainian President Volodymyr Zelensky said in Vilnius that the security guarantees document prepared with the United States was fully ready for signing.',
        'Zelensky said Ukraine was waiting for its partners to confirm the date and venue for signing the agreement in Vilnius.',
        'The document would then go to the US Congress and the Ukrainian parliament for ratification, Zelensky said.',
      ],
      b: [
        'Zelenskiy: security guarantees agreement with Washington is ready',
        'Speaking during an official visit to Vilnius, Volodymyr Zelenskiy said the security guarantees agreement with the United States was ready and awaited a signing date.',
        'The text had been agreed with US negotiators in recent weeks, Zelenskiy added, without giving details.',
        'Lithuania hosted the Ukrainian president for talks on the peace process and the reconstruction of Ukraine.',
      ],
      c: [
        'Rubio and Lavrov meet in Riyadh',
        'US Secretary of State Marco Rubio met Russian Foreign Minister Sergei Lavrov in Riyadh for talks on restoring embassies and on the war in Ukraine.',
        'The Kremlin said the Riyadh meeting would prepare a possible summit between Putin and Trump.',
        'No Ukrainian officials took part in the talks in Saudi Arabia.',
      ],
    };
    const paths = Object.entries(files).map(([name, lines]) => {
      const path = join(dir, `${name}.txt`);
      writeFileSync(path, lines.join('\n'));
      return path;
    });
    const run = await ingestInputs(paths, { story: sampleStory(), now: new Date('2026-02-01T12:00:00Z'), dryRun: true });
    rmSync(dir, { recursive: true, force: true });
    expect(run.records).toHaveLength(2);
    expect(run.records.map((r) => r.sources.length).sort()).toEqual([1, 2]);
  });
});

describe('speakers of merged reports', () => {
  it("keeps each report's own spelling of a speaker that another report of the event spells otherwise", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-spelling-'));
    const published = '2024-05-06T18:00:00Z';
    const reports = [
      {
        published,
        lines: [
          'Xi backs Olympic truce after Paris talks with Macron',
          'China’s President Xi Jingping on Monday called for a global truce during the Olympic Games in Paris after talks with French President Emmanuel Macron on the war in Ukraine.',
          '“China urges a truce in the war in Ukraine during the Games,” Xi Jingping said at the Elysee Palace.',
          'Macron said he had asked Xi to use his influence on Russia to bring about peace talks on Ukraine.',
        ],
      },
      {
        published,
        lines: [
          'Xi supports Olympic ceasefire in Paris visit',
          'China’s President Xi Jinping on Monday expressed support for a worldwide ceasefire during the Olympic Games in Paris after appeals from French President Emmanuel Macron over the war in Ukraine.',
          '“The world today is far from being calm, and dialogue between Moscow and Kyiv must resume,” Xi Jinping said after lunch with the French leader.',
          'Macron said Xi had agreed to push Russia toward peace talks on Ukraine.',
        ],
      },
    ];
    const { events } = await eachInItsOwnRun(dir, reports, new Date('2024-05-07T12:00:00Z'));
    expect(events).toHaveLength(1);
    const event = events[0] as EventRecord;
    const second = event.sources[1]?.id;
    const speakersOf = (source: string | undefined) => event.facts.filter((f) => f.source === source && f.speaker !== undefined && f.speaker.startsWith('Xi')).map((f) => f.speaker);
    expect(speakersOf(second).length).toBeGreaterThan(0);
    expect(new Set(speakersOf(second))).toEqual(new Set(['Xi Jinping']));
  });
});

describe('merging across runs', () => {
  it('adds a short report to an event that three fuller reports grew, when each was ingested in a run of its own', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-runs-'));
    const reports = [
      [
        'Trump says no progress in phone call with Putin',
        'US President Donald Trump said on Thursday that his phone call with Russian President Vladimir Putin made no progress on ending the war in Ukraine.',
        'The Kremlin aide Yuri Ushakov said the hour-long call also covered Iran and trade projects in energy and space.',
        'Ushakov said Putin told Trump that Russia would not back down from its goals in Ukraine.',
        'The call came days after Washington paused some deliveries of air defence missiles to Kyiv.',
      ],
      [
        'Putin tells Trump in phone call Russia will pursue its goals',
        'Vladimir Putin told Donald Trump in a phone call on Thursday that Moscow would pursue its goals in Ukraine and was ready for a third round of peace talks, Kremlin aide Yuri Ushakov said.',
        'Trump told reporters at Andrews air base he was very disappointed and made no progress with Putin at all.',
        'Ushakov said the two presidents also discussed Iran during the call, which lasted almost an hour.',
        'Zelensky said in Aarhus that he hoped to speak with Trump on Friday about the paused air defence deliveries.',
      ],
      [
        'Sixth Trump–Putin phone call ends without progress',
        'The sixth phone call between Trump and Putin since January ended without progress on a ceasefire in Ukraine, Trump said on Thursday.',
        'Ushakov said Putin told Trump that Russia would not back down from its goals, and that the call touched on Iran.',
        'Republican senators urged Trump to back a sanctions bill against buyers of Russian oil after the call.',
        'Trump blamed his predecessor Joe Biden for emptying American weapons stockpiles, including air defence missiles.',
      ],
      [
        'No progress with Putin, Trump says',
        'Donald Trump said his phone call with Vladimir Putin on Thursday made no progress on ending the war in Ukraine.',
        'The Kremlin said Putin would not back down from Russia’s goals.',
      ],
    ];
    const { ids, events } = await eachInItsOwnRun(
      dir,
      reports.map((lines) => ({ lines, published: '2025-07-03T18:00:00Z' })),
      new Date('2026-02-01T12:00:00Z'),
    );
    const call = events.find((e) => e.id === ids[0]);
    expect(call?.sources).toHaveLength(4);
    expect(ids.slice(0, 4).every((id) => id === ids[0])).toBe(true);
  });
});

describe('merging across runs, against the whole text of the reports before', () => {
  it('merges a report with an event from a run before as it would within one run: by all the words of its reports, not only their facts', async () => {
    const long = [
      'Geneva talks on Ukraine end without a breakthrough',
      ...Array.from({ length: 18 }, (_, i) => `Negotiators from Ukraine, Russia and the United States met for session ${i + 1} of the Geneva talks on Wednesday, officials said.`),
      'Later that day the Swiss foreign ministry hosted a dinner at the Villa Rigot for the delegations of the talks.',
      'Swiss foreign minister Ignazio Cassis offered to host a fourth round at Bürgenstock, the resort of the 2024 summit.',
      'Cassis said the Bürgenstock offer stood, and that the Villa Rigot dinner had eased the mood among the delegations.',
    ];
    const short = [
      'Switzerland offers Bürgenstock for next round of Ukraine talks',
      'Swiss foreign minister Ignazio Cassis offered on Wednesday to host the next round of Ukraine talks at Bürgenstock, after a dinner at the Villa Rigot in Geneva.',
      'Cassis said the Bürgenstock offer stood for all three delegations.',
    ];
    const reports = [long, short].map((lines) => ({ lines, published: '2026-02-18T18:00:00Z' }));
    const now = new Date('2026-03-01T12:00:00Z');
    const apart = await eachInItsOwnRun(mkdtempSync(join(tmpdir(), 'sitrep-words-')), reports, now);
    expect(apart.ids[1]).toBe(apart.ids[0]);
    expect(apart.events).toHaveLength(1);
  });

  it('compares a report with every stored event of its days when they are few, whatever band keys they share', async () => {
    const store = openSqliteStore(':memory:');
    const story = sampleStory();
    await store.upsertStory(story);
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-window-'));
    const now = new Date('2026-03-01T12:00:00Z');
    const write = (name: string, lines: readonly string[]) => {
      const path = join(dir, name);
      writeFileSync(path, lines.join('\n'));
      return path;
    };
    const first = await ingestInputs([write('a.txt', ['Cassis offers Bürgenstock for next round of Ukraine talks', 'Swiss foreign minister Ignazio Cassis offered on Wednesday to host the next round of Ukraine talks at Bürgenstock, after a dinner at the Villa Rigot.'])], { story, store, now, published: '2026-02-18T18:00:00Z' });
    const id = first.results[0]?.ok ? first.results[0].eventId : undefined;
    const stored = id === undefined ? undefined : await store.getEvent(id);
    // Its band keys replaced by ones no report has (as two long reports' keys can miss each other).
    if (stored) await store.upsertEventWithBands(stored, ['no-such-band']);
    const second = await ingestInputs([write('b.txt', ['Switzerland offers Bürgenstock for Ukraine talks', 'Ignazio Cassis, the Swiss foreign minister, offered on Wednesday to host the next round of Ukraine talks at Bürgenstock, after the Villa Rigot dinner.'])], { story, store, now, published: '2026-02-18T20:00:00Z' });
    rmSync(dir, { recursive: true, force: true });
    expect(id).toBeDefined();
    expect(second.results[0]).toMatchObject({ ok: true, outcome: 'merged', eventId: id });
    await store.close();
  });
});

describe('the date of an event its reports give by their publication times', () => {
  it('takes the earlier of two publication times: reports come out on the event\'s day or after it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-published-'));
    const reports: Array<[string, string[]]> = [
      [
        '2025-03-23T00:00:00Z',
        [
          'Xi and Putin call for dialogue to settle the Ukraine crisis',
          'Chinese President Xi Jinping and Russian President Vladimir Putin stressed the need to settle the Ukraine crisis through dialogue and peace talks.',
          'The two leaders signed a joint statement at the Kremlin in Moscow on deepening their strategic partnership.',
          'Putin said China’s 12-point peace plan could be a basis for a peaceful settlement in Ukraine.',
        ],
      ],
      [
        '2025-03-22T00:00:00Z',
        [
          'Putin says China’s peace plan could be basis for settlement in Ukraine',
          'Russian President Vladimir Putin told Chinese President Xi Jinping at the Kremlin that China’s 12-point peace plan could be the basis for a peaceful settlement in Ukraine.',
          'Xi and Putin signed a joint statement in Moscow on their strategic partnership and called for peace talks.',
          'Kyiv said any peace talks must start with the withdrawal of Russian troops.',
        ],
      ],
    ];
    const { ids, events } = await eachInItsOwnRun(
      dir,
      reports.map(([published, lines]) => ({ lines, published })),
      new Date('2025-03-24T12:00:00Z'),
    );
    expect(ids).toHaveLength(2);
    expect(ids[1]).toBe(ids[0]);
    expect(events.find((e) => e.id === ids[0])?.occurredAt.slice(0, 10)).toBe('2025-03-22');
  });
});

describe('a report of a day after another report was published', () => {
  // A report dated by its publication time (it names no day) and one of Sunday, whose words go over the plan again.
  const plan = [
    'Zelensky ready for honest work with US on 28-point peace plan',
    'Ukrainian President Volodymyr Zelensky said he was ready for honest work with Washington after US Army Secretary Dan Driscoll handed him the 28-point peace plan in Kyiv.',
    'The plan would have Ukraine withdraw from the part of Donbas it holds, cap its army at 600,000 troops and give up joining NATO.',
    'Kremlin spokesman Dmitry Peskov said Moscow had not been consulted on the 28 points.',
  ];
  const geneva = (day: string) => [
    'US and Ukraine rework 28-point peace plan in Geneva',
    `US and Ukrainian delegations met in Geneva on ${day} to rework the 28-point peace plan that Army Secretary Dan Driscoll handed Zelensky in Kyiv.`,
    'The plan would have Ukraine withdraw from the part of Donbas it holds, cap its army at 600,000 troops and give up joining NATO.',
    'Zelensky said he was ready for honest work with Washington on the 28 points.',
  ];

  it('keeps apart a report whose own day is two days after the event\'s report was published: it cannot tell of it', async () => {
    const { ids, events } = await eachInItsOwnRun(
      mkdtempSync(join(tmpdir(), 'sitrep-published-before-')),
      [
        { lines: plan, published: '2025-11-21T06:00:00Z' },
        { lines: geneva('Sunday'), published: '2025-11-23T20:00:00Z' },
      ],
      new Date('2025-11-24T12:00:00Z'),
    );
    expect(ids).toHaveLength(2);
    expect(ids[1]).not.toBe(ids[0]);
    expect(events.find((e) => e.id === ids[0])?.occurredAt.slice(0, 10)).toBe('2025-11-21');
    expect(events.find((e) => e.id === ids[1])?.occurredAt.slice(0, 10)).toBe('2025-11-23');
  });

  it('still merges a report whose own day is the day the event\'s report came out', async () => {
    const { ids } = await eachInItsOwnRun(
      mkdtempSync(join(tmpdir(), 'sitrep-published-same-day-')),
      [
        { lines: plan, published: '2025-11-21T06:00:00Z' },
        { lines: geneva('Friday'), published: '2025-11-22T20:00:00Z' },
      ],
      new Date('2025-11-24T12:00:00Z'),
    );
    expect(ids).toHaveLength(2);
    expect(ids[1]).toBe(ids[0]);
  });
});

describe('a report published days after the event it weighs', () => {
  const summit = [
    'Zelensky and European leaders meet Trump at the White House',
    'Ukrainian President Volodymyr Zelensky and European leaders met Donald Trump at the White House on Monday to discuss security guarantees for Kyiv.',
    'Trump said Europe would be the first line of defence but that America would help, and called Vladimir Putin to arrange a meeting with Zelensky.',
    'German Chancellor Friedrich Merz said he could not imagine the next meeting taking place without a ceasefire.',
  ];
  const weekly = [
    'Security guarantees for Ukraine are dangerously hazy',
    'The devil is in the detail of what Trump, Putin and Europe propose for Ukraine after the White House summit with Zelensky and European leaders.',
    'Trump said Europe would be the first line of defence, and Merz wanted a ceasefire before any meeting of Putin and Zelensky.',
    'What a European force would do in Ukraine, and whether America would back it, remains unclear to the coalition of the willing.',
    'Russia says it opposes any Western troops in Ukraine and wants China among the guarantors.',
  ];

  it('joins the event of its day when it states none (a weekly analysis three days on), and the event keeps its day', async () => {
    const { ids, events } = await eachInItsOwnRun(
      mkdtempSync(join(tmpdir(), 'sitrep-weekly-')),
      [
        { lines: summit, published: '2025-08-18T21:00:00Z' },
        { lines: weekly, published: '2025-08-21T12:00:00Z' },
      ],
      new Date('2025-08-22T12:00:00Z'),
    );
    expect(ids).toHaveLength(2);
    expect(ids[1]).toBe(ids[0]);
    expect(events.find((e) => e.id === ids[0])?.occurredAt.slice(0, 10)).toBe('2025-08-18');
  });

  it('stays apart from an event three days after it: a report of the 21st tells nothing of the 24th', async () => {
    const later = summit.map((l) => l.replace('on Monday', 'on Sunday'));
    const { ids } = await eachInItsOwnRun(
      mkdtempSync(join(tmpdir(), 'sitrep-weekly-before-')),
      [
        { lines: weekly, published: '2025-08-21T12:00:00Z' },
        { lines: later, published: '2025-08-24T21:00:00Z' },
      ],
      new Date('2025-08-25T12:00:00Z'),
    );
    expect(ids).toHaveLength(2);
    expect(ids[1]).not.toBe(ids[0]);
  });
});

describe('an undated report and a dated one of the same day', () => {
  const dated = [
    'Trump calls off Budapest summit with Putin and sanctions Russian oil giants',
    'US President Donald Trump called off his planned summit with Russian President Vladimir Putin in Budapest, saying it did not feel right to him.',
    'The US Treasury imposed sanctions on Rosneft and Lukoil, Russia’s two largest oil companies, to push Moscow towards a ceasefire in Ukraine.',
    'Treasury Secretary Scott Bessent said Putin had refused to end the war and urged an immediate ceasefire.',
  ];
  const undated = (weekday: string) => [
    'Trump scraps Putin summit in Budapest, hits Rosneft and Lukoil',
    `Donald Trump on ${weekday} scrapped his planned Budapest summit with Vladimir Putin and imposed sanctions on Rosneft and Lukoil.`,
    'Bessent said the sanctions on the two oil companies followed Putin’s refusal to end the war in Ukraine.',
    'Trump said the summit did not feel right to him and that it would be a wasted meeting.',
  ];
  const now = new Date('2026-02-01T12:00:00Z');
  // 22 October 2025 was a Wednesday.
  const published = '2025-10-22T18:00:00Z';

  async function ingestInTurn(
    reports: Array<{ lines: string[]; published?: string; ingestedAt?: Date }>,
    open: () => Promise<Store> = async () => openSqliteStore(':memory:'),
    at: Date = now,
  ) {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-weekday-'));
    const store = await open();
    const story = sampleStory();
    await store.upsertStory(story);
    const outcomes: string[] = [];
    for (const [i, { lines, published, ingestedAt }] of reports.entries()) {
      const path = join(dir, `r${i}.txt`);
      writeFileSync(path, lines.join('\n'));
      const run = await ingestInputs([path], { story, store, now: ingestedAt ?? at, ...(published ? { published } : {}) });
      const r = run.results[0];
      outcomes.push(r?.ok ? r.outcome : 'failed');
    }
    rmSync(dir, { recursive: true, force: true });
    const events = await store.listEvents({ story: story.id, status: 'any', limit: 10 });
    await store.close();
    return { outcomes, events };
  }

  it('puts an undated report that names the day\'s weekday into the event of that day, months before', async () => {
    const { outcomes, events } = await ingestInTurn([{ lines: dated, published }, { lines: undated('Wednesday') }]);
    expect(outcomes).toEqual(['created', 'merged']);
    expect(events).toHaveLength(1);
    expect(events[0]?.occurredAt.slice(0, 10)).toBe('2025-10-22');
    expect(events[0]?.sources).toHaveLength(2);
  });

  it('dates an undated event by the dated report of its weekday that comes after it', async () => {
    const { outcomes, events } = await ingestInTurn([{ lines: undated('Wednesday') }, { lines: dated, published }]);
    expect(outcomes).toEqual(['created', 'merged']);
    expect(events).toHaveLength(1);
    expect(events[0]?.occurredAt.slice(0, 10)).toBe('2025-10-22');
    expect(events[0]?.dateSource).not.toBe('ingest-time');
  });

  it('keeps apart an undated report whose weekday is neither the event\'s day nor the day before it', async () => {
    for (const weekday of ['Monday', 'Thursday', 'Saturday']) {
      const { outcomes, events } = await ingestInTurn([{ lines: dated, published }, { lines: undated(weekday) }]);
      expect(outcomes).toEqual(['created', 'created']);
      expect(events).toHaveLength(2);
    }
  });

  const noDay = undated('').map((l) => l.replace(' on  ', ' '));

  it('dates an undated report that names no day by the one dated event it matches, whichever comes first', async () => {
    for (const order of [[{ lines: dated, published }, { lines: noDay }], [{ lines: noDay }, { lines: dated, published }]]) {
      const { outcomes, events } = await ingestInTurn(order);
      expect(outcomes).toEqual(['created', 'merged']);
      expect(events).toHaveLength(1);
      expect(events[0]?.occurredAt.slice(0, 10)).toBe('2025-10-22');
      expect(events[0]?.dateSource).not.toBe('ingest-time');
    }
  });

  it('dates an undated report by a report of the last weeks that writes its day without the year, whichever comes first', async () => {
    // "on Oct. 22" in a report ingested twelve days later is this year's 22 October: as good a day as a stated one.
    const yearless = dated.map((l, i) => (i === 1 ? l.replace('called off', 'on Oct. 22 called off') : l));
    const at = new Date('2025-11-03T12:00:00Z');
    for (const order of [[{ lines: yearless }, { lines: noDay }], [{ lines: noDay }, { lines: yearless }]]) {
      const { outcomes, events } = await ingestInTurn(order, undefined, at);
      expect(outcomes).toEqual(['created', 'merged']);
      expect(events.map((e) => e.occurredAt)).toEqual(['2025-10-22']);
    }
  });

  it('dates an undated event by a dated report of its weekday ingested five to eight days later (between the merge window and twice it)', async () => {
    // The undated report is ingested on Monday 27 October (its "Wednesday" is the 22nd); the dated one on Tuesday 28.
    for (const days of [5, 6, 8]) {
      const at = new Date(Date.parse('2025-10-22T12:00:00Z') + days * 86_400_000);
      const { outcomes, events } = await ingestInTurn([{ lines: undated('Wednesday'), ingestedAt: at }, { lines: dated, published, ingestedAt: at }]);
      expect(outcomes).toEqual(['created', 'merged']);
      expect(events.map((e) => e.occurredAt.slice(0, 10))).toEqual(['2025-10-22']);
    }
  });

  it('reads what an undated report says is due again against the day of the event that dates it', async () => {
    const ahead = [...noDay, 'The two sides will meet again next week to discuss the sanctions, officials said.'];
    for (const order of [[{ lines: dated, published }, { lines: ahead }], [{ lines: ahead }, { lines: dated, published }]]) {
      const { events } = await ingestInTurn(order);
      expect(events).toHaveLength(1);
      const dues = events[0]?.facts.flatMap((f) => (f.watch?.due !== undefined ? [f.watch.due] : [])) ?? [];
      // Wednesday 22 October 2025: "next week" is due by the end of the week of 27 October, not a week after the ingest
      // time (February 2026).
      expect(dues).toEqual(['2025-11-03']);
    }
  });

  withPostgres('corroboration on PostgreSQL', (server) => {
    it('dates an undated report by the dated event it matches on PostgreSQL too (its query over all dates)', async () => {
      const db = await createDatabase(server, 'corroborate');
      try {
        const { outcomes, events } = await ingestInTurn([{ lines: dated, published }, { lines: noDay }], () => freshPostgresStore(db.url));
        expect(outcomes).toEqual(['created', 'merged']);
        expect(events.map((e) => e.occurredAt.slice(0, 10))).toEqual(['2025-10-22']);
      } finally {
        await db.drop();
      }
    });
  });

  it("leaves an undated report ingested within days of a dated event to the merge rules: it may be another of that day's events", async () => {
    // Putin's answer, ingested the evening the dated report came out, as a feed takes it: its words are much like the
    // report's (both ways 0.37), but it is news of its own, and the ingest time dates it right. Across days it would
    // have taken the report's event.
    const answer = [
      'Putin says Budapest summit with Trump is not cancelled, only postponed',
      'Russian President Vladimir Putin said a summit with Donald Trump in Budapest on ending the war in Ukraine was postponed, not cancelled, and called the new US sanctions on Rosneft and Lukoil an unfriendly act.',
      'Putin said the sanctions would not significantly affect the Russian economy but would hurt oil markets.',
      'Kremlin spokesman Dmitry Peskov said Moscow remained open to dialogue with Washington on a Ukraine ceasefire.',
    ];
    const { outcomes, events } = await ingestInTurn([{ lines: dated, published }, { lines: answer }], undefined, new Date('2025-10-22T21:00:00Z'));
    expect(outcomes).toEqual(['created', 'created']);
    expect(events.map((e) => e.occurredAt.slice(0, 10))).toEqual(['2025-10-22', '2025-10-22']);
  });

  it('never dates an undated report by a dated report of a day after it was ingested', async () => {
    // Ingested on 19 October with no date in it; the dated report of 22 October comes later, far enough apart that only
    // corroboration could join them.
    const early = new Date('2025-10-19T00:00:00Z');
    const { outcomes, events } = await ingestInTurn([{ lines: noDay, ingestedAt: early }, { lines: dated, published, ingestedAt: new Date('2025-10-27T09:00:00Z') }]);
    expect(outcomes).toEqual(['created', 'created']);
    expect(events.map((e) => e.occurredAt).sort()).toEqual(['2025-10-19T00:00:00Z', '2025-10-22T18:00:00Z']);
  });

  it('keeps an undated report apart when a dated event of another day matches it about as well', async () => {
    // The same report dated a week later (a re-run of the story): the undated one could be of either day.
    const { outcomes, events } = await ingestInTurn([{ lines: dated, published }, { lines: dated, published: '2025-10-29T18:00:00Z' }, { lines: noDay }]);
    expect(outcomes).toEqual(['created', 'created', 'created']);
    expect(events).toHaveLength(3);
    // The weekday it names fits both (two Wednesdays): it says which weekday, not which week.
    const wednesday = await ingestInTurn([{ lines: dated, published }, { lines: dated, published: '2025-10-29T18:00:00Z' }, { lines: undated('Wednesday') }]);
    expect(wednesday.outcomes).toEqual(['created', 'created', 'created']);
  });
});

/** A report analysed against the ceasefire story, published at `publishedAt` and read a day later. */
function analyzedReport(text: string, sourceName: string, publishedAt: string) {
  return analyzed({ text, sourceName, publishedAt }, new Date(Date.parse(publishedAt) + 86_400_000));
}

describe('merging into an event many long reports grew', () => {
  it('still adds what a later report says new when the event holds fifty facts already (six whole articles of one day)', () => {
    const story = ceasefireStory();
    const analyzed = (text: string, sourceName: string) => analyzedReport(text, sourceName, '2025-11-23T20:00:00Z');
    const first = analyzed(
      'US and Ukraine signal ceasefire progress after Geneva peace talks\nUS Secretary of State Marco Rubio said on Sunday that the peace talks in Geneva with Ukraine on a ceasefire had been highly productive.',
      'First Outlet',
    );
    const record = recordFromArticle(first, story, 'geneva', 'draft');
    // Fifty facts of earlier reports, each its own.
    const filler = Array.from({ length: 50 }, (_, i) => ({ id: `x${i}`, text: `Earlier report line ${i} on item ${i * 7 + 3} of the plan.`, source: record.sources[0]?.id ?? 's' }));
    const full = { ...record, facts: [...record.facts, ...filler] };
    const later = analyzed(
      'Readout of peace talks in Geneva\nUkrainian representatives stated that the current draft reflects their national interests and provides enforceable mechanisms to safeguard Ukraine\u2019s security, Kyiv said.\nThe delegations agreed to continue the ceasefire negotiations as the agreements move toward final refinement before a meeting of the presidents of Ukraine and the United States.',
      'Seventh Outlet',
    );
    const merged = mergeArticle(full, later, story);
    expect(merged.facts.some((f) => f.text.includes('reflects their national interests'))).toBe(true);
  });
});

describe("an event's title", () => {
  it("takes a merged report's headline on the story's subject over one that names only its people, and never the other way", () => {
    const story = ceasefireStory();
    const analyzed = (text: string, sourceName: string) => analyzedReport(text, sourceName, '2026-02-04T20:00:00Z');
    const live = analyzed(
      'Roughly 55,000 Ukrainian soldiers killed since start of war, Zelensky says\nThe first day of US-brokered peace talks between Ukraine and Russia in Abu Dhabi was substantive and productive, Ukrainian negotiator Rustem Umerov said on Wednesday.',
      'Live Page',
    );
    const report = analyzed(
      'Ukraine and Russia hold productive first day of US-led peace talks in Abu Dhabi\nUkrainian and Russian negotiators held a productive first round of US-led peace talks in Abu Dhabi on Wednesday, Ukrainian negotiator Rustem Umerov said.',
      'Daily Report',
    );
    const fromLive = recordFromArticle(live, story, 'abu-dhabi', 'draft');
    expect(mergeArticle(fromLive, report, story).title).toBe('Ukraine and Russia hold productive first day of US-led peace talks in Abu Dhabi');
    const fromReport = recordFromArticle(report, story, 'abu-dhabi', 'draft');
    expect(mergeArticle(fromReport, live, story).title).toBe('Ukraine and Russia hold productive first day of US-led peace talks in Abu Dhabi');
  });
});
