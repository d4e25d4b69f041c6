import { describe, expect, it } from 'vitest';
import { dateEvent } from '../../src/ingest/event-date.js';
import { normaliseDateKeepingOffset } from '../../src/ingest/page-date.js';

const NOW = new Date('2026-12-04T12:00:00Z');

describe('event dates (chrono-node against the publication time)', () => {
  it("counts the days of a page published with its own offset in the publisher's time: a readout posted at 19:30 in Washington is of that day", () => {
    const lead = ['President Biden spoke today with President Zelenskyy of Ukraine about the talks.'];
    expect(dateEvent({ publishedAt: '2022-12-11T19:30:43-05:00', lead, now: NOW }).occurredAt).toBe('2022-12-11');
    // The same instant in UTC is the 12th there, as before.
    expect(dateEvent({ publishedAt: '2022-12-12T00:30:43Z', lead, now: NOW }).occurredAt).toBe('2022-12-12');
    // The publication time stays the instant it was.
    expect(dateEvent({ publishedAt: '2022-12-11T19:30:43-05:00', lead, now: NOW }).published?.toISOString()).toBe('2022-12-12T00:30:43.000Z');
    expect(normaliseDateKeepingOffset('2022-12-11 19:30:43-05:00')).toBe('2022-12-11T19:30:43-05:00');
    expect(normaliseDateKeepingOffset('Sun, 11 Dec 2022 19:30:43 -0500')).toBe('2022-12-11T19:30:43-05:00');
    expect(normaliseDateKeepingOffset('2022-12-11T19:30:43Z')).toBe('2022-12-11T19:30:43Z');
    expect(normaliseDateKeepingOffset('2022-12-11')).toBe('2022-12-11T00:00:00Z');
  });

  it('takes the event’s own day over the publication day: "on Tuesday" in a piece published on Wednesday', () => {
    const d = dateEvent({ publishedAt: '2025-05-21T09:00:00Z', lead: ['Negotiators met on Tuesday in Istanbul, officials said.'], now: NOW });
    expect(d).toMatchObject({ occurredAt: '2025-05-20', dateSource: 'text' });
  });

  it('takes a dateline that opens the lead for the day of the report, and the day the lead goes on to name for the event', () => {
    const lead = ['PARIS, January 7, 2026 – Leaders from the coalition of the willing concluded a high-level summit in Paris on Tuesday, announcing a unified approach to security guarantees for Kyiv.'];
    expect(dateEvent({ lead, now: NOW }).occurredAt).toBe('2026-01-06');
    // A dateline alone dates the event.
    expect(dateEvent({ lead: ['MOSCOW, January 7, 2026 – The Kremlin said talks with the United States would continue.'], now: NOW }).occurredAt).toBe('2026-01-07');
  });

  it('reads a date written with dots day first, as the outlets that write it so mean it ("06.08.2025" is 6 August)', () => {
    const d = dateEvent({ lead: ['Trump said on Wednesday that the talks were productive.'], chromeLines: ['17:14 GMT 06.08.2025 (Updated: 17:21 GMT 06.08.2025)'], now: NOW });
    expect(d.occurredAt).toBe('2025-08-06');
    // A second number above 12 is a month written first.
    expect(dateEvent({ lead: ['Talks ended.'], chromeLines: ['Published 08.18.2025'], now: NOW }).occurredAt).toBe('2025-08-18');
  });

  it('ends a future clause at a closing quote: "… will continue tomorrow," Dmitriev told reporters on December 20', () => {
    const lead = ['Kirill Dmitriev said peace negotiations will continue on December 21.', '“They began earlier and will continue today, and will also continue tomorrow,” Dmitriev told reporters on December 20, on the sidelines of the talks.'];
    expect(dateEvent({ lead, now: new Date('2026-01-05T12:00:00Z') }).occurredAt).toBe('2025-12-20');
  });

  it('does not hold a written date to the weekday of what came before it ("Following initial talks on Sunday, … agreed on December 15")', () => {
    const lead = ['Following initial talks on Sunday, European leaders at the Berlin summit agreed on December 15 on a multinational force.', 'The force aims to support Ukraine.'];
    const allLines = [...lead, 'The Berlin summit continued on December 15, 2025.'];
    expect(dateEvent({ lead, allLines, now: new Date('2026-03-10T12:00:00Z') }).occurredAt).toBe('2025-12-15');
  });

  it('reads "yesterday" and a dateline against the publication time', () => {
    expect(dateEvent({ publishedAt: '2025-05-20T06:00:00Z', lead: ['The Kremlin said yesterday that talks would resume.'], now: NOW }).occurredAt).toBe('2025-05-19');
    expect(dateEvent({ publishedAt: '2025-06-03T08:00:00Z', lead: ['ISTANBUL, June 2 (Reuters) - Russia and Ukraine held a second round of talks.'], now: NOW }).occurredAt).toBe('2025-06-02');
  });

  it('keeps the publication time when the lead names no day, and ignores days in future or background clauses', () => {
    expect(dateEvent({ publishedAt: '2025-05-19T20:00:00Z', lead: ['Trump and Putin spoke for two hours.'], now: NOW })).toMatchObject({
      occurredAt: '2025-05-19T20:00:00Z',
      dateSource: 'published',
    });
    expect(dateEvent({ publishedAt: '2025-05-19T20:00:00Z', lead: ['The delegations will meet again on Friday in Istanbul.'], now: NOW }).occurredAt).toBe('2025-05-19T20:00:00Z');
    expect(dateEvent({ publishedAt: '2025-05-19T20:00:00Z', lead: ['Putin skipped talks in Istanbul last week.'], now: NOW }).occurredAt).toBe('2025-05-19T20:00:00Z');
    // A day a clause measures from ("since Trump began his second term on January 20, 2025") is not the day of the news.
    expect(dateEvent({ publishedAt: '2025-03-18T20:00:00Z', lead: ['Putin agreed in a phone call with Trump to halt attacks on energy infrastructure.', 'This marks the second conversation since Trump began his second term on January 20, 2025.'], now: NOW }).occurredAt).toBe('2025-03-18T20:00:00Z');
    // A day as the subject of a future ("Thursday will be relevant") is not the day of the news.
    expect(dateEvent({ publishedAt: '2022-03-07T20:51:25Z', lead: ['The delegations now seem to have agreed on small steps forward. Thursday will be relevant.'], now: NOW }).occurredAt).toBe('2022-03-07T20:51:25Z');
  });

  it('without --published, anchors on a crawler’s date line, a date stamp or a dateline stating the year', () => {
    expect(dateEvent({ statedDates: ['2025-03-13'], lead: ['The envoy landed in Moscow on Thursday morning for talks.'], now: NOW })).toMatchObject({ occurredAt: '2025-03-13', dateSource: 'text' });
    expect(dateEvent({ chromeLines: ['Posted May 19, 2025 1:17 PM CDT'], lead: ['There was no ceasefire announcement after the call on Monday.'], now: NOW }).occurredAt).toBe('2025-05-19');
    expect(dateEvent({ lead: ['Moscow, 19 May 2025 (dpa) - Putin described the call as useful.'], now: NOW })).toMatchObject({ occurredAt: '2025-05-19', dateSource: 'text' });
    expect(dateEvent({ lead: ['Ukraine said on March 11, 2025 that it accepted the proposal.'], now: NOW }).occurredAt).toBe('2025-03-11');
  });

  it('takes the year from any full date on the page for a day without one, and never a weekday from it', () => {
    const allLines = ['The envoy and the secretary of state at the White House, 11 February 2025.'];
    expect(dateEvent({ allLines, lead: ['The envoy will meet European officials in Paris on 17 April to discuss the war.', 'They met on 17 April.'], now: NOW }).occurredAt).toBe('2025-04-17');
    expect(dateEvent({ allLines, lead: ['The envoy met European officials on Thursday.'], now: NOW }).dateSource).toBe('ingest-time');
  });

  it('takes no year from a full date older than a year the page names ("established on June 15, 2001" … "in 2024")', () => {
    const lead = ['Tianjin, Sep 1 (PTI) — Russian President Vladimir Putin spoke at the summit.', 'He blamed the West for the war.'];
    const allLines = [...lead, 'The SCO, established on June 15, 2001, in Shanghai, added India and Pakistan in 2017, followed by Iran in 2023 and Belarus in 2024.'];
    const d = dateEvent({ lead, allLines, now: new Date('2025-09-04T12:00:00Z') });
    expect(d.occurredAt).toBe('2025-09-01');
    // A year named as a deadline or a plan says nothing of when the page was written: the full date stays the anchor.
    const planned = ['Tianjin, Sep 1 (PTI) — The bloc met.', 'The SCO, established on June 15, 2001, plans a bank by 2030 and new members until 2027.'];
    expect(dateEvent({ lead: planned.slice(0, 1), allLines: planned, now: new Date('2031-01-01T12:00:00Z') }).occurredAt).toBe('2001-09-01');
  });

  it('reads the date after a part of the day ("on the night of February 3", "the morning of 19 May"), which chrono drops', () => {
    const now = new Date('2026-02-07T12:00:00Z');
    expect(dateEvent({ lead: ['Zelensky said Russia ignored the US request, dealing a blow to Ukraine on the night of February 3.'], now }).occurredAt).toBe('2026-02-03');
    expect(dateEvent({ lead: ['On the morning of 19 May, Putin called Trump.'], now }).occurredAt).toBe('2025-05-19');
    expect(dateEvent({ publishedAt: '2025-05-21T09:00:00Z', lead: ['Talks ended on the evening of Tuesday, officials said.'], now }).occurredAt).toBe('2025-05-20');
  });

  it('reads a sentence further down an unanchored lead that tells a sequence of days by its latest ("On the night of May 11, … in Turkey on May 15")', () => {
    const lead = ['Umerov said a prisoner swap was discussed in Istanbul.', 'He spoke at a press conference.', 'On the night of May 11, Putin proposed resuming direct negotiations with Ukraine "without any preconditions" in Turkey on May 15.'];
    expect(dateEvent({ lead, now: new Date('2026-01-05T12:00:00Z') }).occurredAt).toBe('2025-05-15');
  });

  it('reads "08/10/2025" day first when only that reading falls on the weekday the sentence names', () => {
    const lead = ['CaliToday (08/10/2025): Hopes for a negotiated end to the war have all but collapsed, a top Russian diplomat declared on Wednesday.'];
    expect(dateEvent({ lead, now: new Date('2025-10-11T12:00:00Z') }).occurredAt).toBe('2025-10-08');
    // With no weekday, chrono's month-first reading stands.
    expect(dateEvent({ lead: ['Talks resumed (08/10/2025) in Istanbul.'], now: new Date('2025-10-11T12:00:00Z') }).occurredAt).toBe('2025-08-10');
  });

  it('reads a dateline up to a day and a half ahead of the publication time in UTC as that day, never a year back', () => {
    const lead = ['MOSCOW, Jan 23 (KUNA) -- The Kremlin said Friday that an agreement with the United States includes a trilateral working group.'];
    expect(dateEvent({ publishedAt: '2026-01-22T21:00:00Z', lead, now: NOW }).occurredAt).toBe('2026-01-23');
    expect(dateEvent({ publishedAt: '2026-01-22T21:00:00Z', lead: ['MOSCOW, Jan 23 (KUNA) -- The Kremlin said an agreement was reached.'], dateline: 'MOSCOW, Jan 23 (KUNA)', now: NOW }).occurredAt).toBe('2026-01-23');
    // Further ahead it is last year's.
    expect(dateEvent({ publishedAt: '2026-01-20T09:00:00Z', lead: ['MOSCOW, Jan 23 (KUNA) -- The Kremlin said an agreement was reached.'], now: NOW }).occurredAt).not.toBe('2026-01-23');
  });

  it('takes no date from a picture from the archive, credited as a file photo or "pictured here" on another day', () => {
    const now = new Date('2025-04-07T12:00:00Z');
    const lead = ['Two senior advisers to former President Donald Trump proposed on Thursday a strategy to end the war, Reuters reported on January 11.'];
    const file = 'A volunteer attends basic training in the Kyiv region, Ukraine January 9, 2024. REUTERS/Viacheslav Ratynskyi/File Photo';
    expect(dateEvent({ lead, allLines: [file, ...lead], now }).occurredAt).not.toBe('2024-01-11');
    const pictured = 'Defense Secretary Lloyd Austin pictured here on Tuesday, April 26, 2022, attending a news conference at Ramstein Air Base.';
    const austin = 'WASHINGTON – Defense Secretary Lloyd Austin on Friday spoke to Russian Defense Minister Sergei Shoigu.';
    const d = dateEvent({ lead: [austin], allLines: [pictured, austin], now });
    expect(d.occurredAt).not.toBe('2022-04-29');
    expect(d.dateSource).toBe('ingest-time');
  });

  it('says so when nothing dates the input, and reads its days against the ingest time', () => {
    expect(dateEvent({ lead: ['Ukraine signalled its readiness to accept the proposal.'], now: NOW })).toMatchObject({
      occurredAt: '2026-12-04T12:00:00Z',
      dateSource: 'ingest-time',
    });
    // A weekday against the ingest time could be any week's: it dates nothing.
    expect(dateEvent({ lead: ['Ukraine on Tuesday signalled its readiness to accept the proposal.'], now: NOW })).toMatchObject({
      occurredAt: '2026-12-04T12:00:00Z',
      dateSource: 'ingest-time',
    });
    // A written date beside its weekday says which year: 18 March was a Tuesday in 2025, not in 2026.
    expect(dateEvent({ lead: ['Trump and Putin spoke on Tuesday (March 18) for two hours.'], now: NOW }).occurredAt).toBe('2025-03-18');
    expect(dateEvent({ lead: ['Ukraine said on 11 March that it was ready for a ceasefire.'], now: NOW })).toMatchObject({ occurredAt: '2026-03-11', dateSource: 'ingest-time' });
  });

  it('takes the year in which a written date fell on the weekday it names, and never a planned or earlier day', () => {
    expect(dateEvent({ lead: ['European and US officials met in the discussions held on Thursday, April 17, in Paris.'], now: NOW }).occurredAt).toBe('2025-04-17');
    // A weekday-dated day elsewhere in the text pins the year of a yearless date within a week of it.
    const london = ['US Secretary of State Marco Rubio withdrew from talks on Ukraine in London on April 23.', 'Rubio said the talks would go on.'];
    const lines = [...london, 'On Tuesday, April 22, Zelenskyy said Ukraine would not recognise the occupation of Crimea.'];
    expect(dateEvent({ lead: london, allLines: lines, now: NOW }).occurredAt).toBe('2025-04-23');
    expect(dateEvent({ lead: london, now: NOW }).occurredAt).toBe('2026-04-23');
    const planned = ['Zelensky rejected the idea ahead of a summit set to take place in Alaska on August 15.', 'Putin proposed restarting direct talks with Ukraine in Istanbul on May 15.', 'The meeting lasted an hour, half the time of their previous session on May 16.'];
    for (const lead of planned) expect(dateEvent({ lead: [lead], now: NOW }).dateSource).toBe('ingest-time');
    for (const lead of planned) expect(dateEvent({ lead: [lead], now: NOW }).occurredAt).toBe('2026-12-04T12:00:00Z');
  });

  it('takes the day of a dateline printed on its own line over a later site header’s date', () => {
    const d = dateEvent({ chromeLines: ['Tuesday, July 1, 2025'], dateline: 'Istanbul, Jun 2 (Agencies)', lead: ['Ukraine and Russia agreed at a meeting in Istanbul on Monday to a new prisoner exchange.'], now: NOW });
    expect(d.occurredAt).toBe('2025-06-02');
  });

  it('reads later relative dates ("next week") against the day the text names when only the ingest time anchored it', () => {
    const d = dateEvent({ lead: ['Russia and Ukraine met in Istanbul on 2 June for a second round.'], now: NOW });
    expect(d).toMatchObject({ occurredAt: '2026-06-02', dateSource: 'ingest-time' });
    expect(d.anchor.toISOString()).toBe('2026-06-02T00:00:00.000Z');
    expect(dateEvent({ lead: ['Nothing here names a day.'], now: NOW }).anchor).toEqual(NOW);
  });

  it('matches the lead’s weekday to a full date elsewhere on the page, and to a written date further down', () => {
    // "on Friday" and an AP caption "Friday, Aug. 15, 2025": that Friday.
    const caption = ['Trump speaks at Joint Base Elmendorf-Richardson, Alaska, Friday, Aug. 15, 2025. (AP Photo)'];
    expect(dateEvent({ allLines: caption, lead: ['Trump told reporters on Friday that the summit was productive.'], now: NOW }).occurredAt).toBe('2025-08-15');
    // A written date later in the lead, on the lead's weekday, says which week; one on another weekday is background.
    const lead = ['Trump announced on Wednesday that the summit was off.', 'Officials said little.', 'It had followed their October 16 phone call.'];
    const now = new Date('2026-01-05T12:00:00Z');
    expect(dateEvent({ lead, now }).dateSource).toBe('ingest-time');
    expect(dateEvent({ lead: [...lead.slice(0, 2), 'The cancellation came on Wednesday (October 22) after a tense call.'], now }).occurredAt).toBe('2025-10-22');
  });

  it('pins the lead’s weekday to the same weekday written with a date and no year anywhere on the page', () => {
    const lead = ['Ukraine on Tuesday signaled its readiness to accept a US proposal for a 30-day ceasefire.', 'The statement said the truce could be extended.'];
    const allLines = [...lead, 'The United States agreed on Tuesday (March 11) to resume military aid and intelligence sharing.'];
    expect(dateEvent({ lead, allLines, now: new Date('2026-01-05T12:00:00Z') }).occurredAt).toBe('2025-03-11');
    // A written date on another weekday says nothing of this one.
    const other = [...lead, 'Talks had begun on Monday (March 10) in Jeddah.'];
    expect(dateEvent({ lead, allLines: other, now: NOW }).dateSource).toBe('ingest-time');
  });

  it('reads "on 18/8" as a day and month when the numbers say which is which, and "on 5/6" or "24/7" as nothing', () => {
    const now = new Date('2026-01-05T12:00:00Z');
    expect(dateEvent({ lead: ['European leaders met Trump at the White House on 18/8 to discuss the war.'], now }).occurredAt).toBe('2025-08-18');
    expect(dateEvent({ lead: ['European leaders met Trump at the White House on 8/18 to discuss the war.'], now }).occurredAt).toBe('2025-08-18');
    expect(dateEvent({ lead: ['European leaders met Trump at the White House on 5/6 to discuss the war.'], now }).dateSource).toBe('ingest-time');
    expect(dateEvent({ lead: ['Zelensky said he would fight 24/7 for the country.'], now }).occurredAt).toBe('2026-01-05T12:00:00Z');
  });

  it('takes a caption’s full date right above a lead that says "today", when no later date is on the page', () => {
    const lead = ['Ukraine has agreed to a 30-day ceasefire proposal, according to a statement after talks that concluded earlier today.'];
    const caption = 'The delegations pose for a photo after talks in Jeddah, Saudi Arabia, on March 11, 2025. Photo: President of Ukraine.';
    expect(dateEvent({ lead, allLines: ['News', caption, lead[0]!], now: NOW })).toMatchObject({ occurredAt: '2025-03-11', dateSource: 'text' });
    // Further from the lead, or with a later date on the page, the caption may be an older picture's.
    expect(dateEvent({ lead, allLines: [caption, 'One', 'Two', 'Three', lead[0]!], now: NOW }).dateSource).toBe('ingest-time');
    expect(dateEvent({ lead, allLines: [caption, lead[0]!, 'Russia had said on April 2, 2025 that it would not agree.'], now: NOW }).dateSource).toBe('ingest-time');
  });

  it('never takes the year of a report from a date a relative clause gives something else ("— which was declared … on 24 February 2022 —")', () => {
    const at = new Date('2026-02-14T12:00:00Z');
    const lead = ['Zelensky said on 11 February he had first heard of the plan to announce an election from a newspaper.'];
    const background = 'Ukraine’s constitution does not allow elections under martial law — which was declared in Ukraine on 24 February 2022 — and so would require an amendment.';
    // The day without its year is this year's (the latest before the ingest time), not 2022's.
    expect(dateEvent({ lead, allLines: [...lead, background], now: at }).occurredAt).toBe('2026-02-11');
  });

  it('reads a New Year address, and what happened on Christmas Eve or Day, as that day, but not a holiday in the background', () => {
    const at = new Date('2026-01-12T12:00:00Z');
    const day = (s: string) => dateEvent({ lead: [s], allLines: [s], now: at }).occurredAt;
    expect(day('Zelensky said the peace deal was 90% ready in his New Year address.')).toBe('2025-12-31');
    expect(day('In a 21-minute New Year’s Eve televised address, Zelensky rejected a weak peace deal.')).toBe('2025-12-31');
    expect(day('On Christmas Eve, Russia struck Kharkiv as envoys discussed a ceasefire.')).toBe('2025-12-24');
    // The occasion of an earlier truce is history, not the day of the news.
    expect(day('The last truce was in January 2023, when Putin made a similar announcement in observance of Orthodox Christmas.')).toBe(at.toISOString().replace('.000', ''));
  });

  it('never takes the day of a picture labelled as from the archive or an illustration for the day a "today" lead reports', () => {
    const lead = ['Zelenskyy spoke with his Chinese counterpart today, their first contact since the invasion.'];
    const caption = 'Illustration photo – The NATO secretary general and the president of Ukraine spoke at a press conference on April 20, 2023 in Kyiv.';
    expect(dateEvent({ lead, allLines: ['Headline', caption, lead[0]!], now: NOW }).dateSource).toBe('ingest-time');
    // Nor of one marked "File" alone, as AP and others mark the archive's pictures.
    const file = 'File: The prime minister meets with the Russian president in Sochi, Russia, on October 22, 2021. (Kobi Gideon/GPO)';
    expect(dateEvent({ lead, allLines: ['Headline', file, lead[0]!], now: NOW }).dateSource).toBe('ingest-time');
  });

  it('reads a stamp that writes the day’s ordinal before its weekday ("4th Friday, March 2022 - 09:30 UTC")', () => {
    const d = dateEvent({ lead: ['Thursday’s second round of talks in Belarus achieved very little, officials said.'], chromeLines: ['4th Friday, March 2022 - 09:30 UTC'], now: NOW });
    expect(d.occurredAt).toBe('2022-03-03');
  });

  it('takes the lead’s weekday from a caption of the days before, never from a background date or a "yesterday"', () => {
    const lead = ['In a post on X on Thursday, Witkoff said the delegations had agreed to exchange 314 prisoners.'];
    const caption = 'Delegations attend the second round of trilateral talks in Abu Dhabi, 4 February, 2026.';
    const background = 'Russia and Ukraine last carried out a prisoner exchange on 2 October 2025.';
    expect(dateEvent({ lead, allLines: [caption, lead[0]!, background], now: NOW }).occurredAt).toBe('2026-02-05');
    // Without the caption, the only Thursday on the page is four months older than its latest date: background.
    expect(dateEvent({ lead, allLines: [lead[0]!, background, 'Talks resumed on 1 February 2026.'], now: NOW }).dateSource).toBe('ingest-time');
    // A caption of a picture taken after the weekday, or a week before it, is of another day.
    const older = 'Trump and Zelensky first clashed at the White House on February 28 2025. Picture: Getty Images';
    expect(dateEvent({ lead: ['Trump chided Zelensky on Wednesday over Crimea.'], allLines: [older, 'Trump chided Zelensky on Wednesday over Crimea.'], now: NOW }).dateSource).toBe('ingest-time');
    // "yesterday" is read against the ingest time: it states no day of the page.
    const readout = ['Witkoff issued a readout at the conclusion of the talks yesterday [https://x.com/status/2019463618857754744].'];
    expect(dateEvent({ lead: readout, allLines: readout, now: NOW }).dateSource).toBe('ingest-time');
  });

  it('takes no end of a span for the day ("beginning on May 8 and ending on May 10"), nor a written date days before the stamp further down', () => {
    const lead = ['According to the Kremlin, the ceasefire will last 72 hours, beginning on May 8 and ending on May 10.', 'Putin on Monday announced a three-day ceasefire.'];
    expect(dateEvent({ lead, now: NOW }).dateSource).toBe('ingest-time');
    expect(dateEvent({ lead, now: NOW }).occurredAt).toBe('2026-12-04T12:00:00Z');
    // The stamp says 8 January; "On January 6 in Paris, … signed" four sentences down is what the news answers.
    const reply = [
      'The deployment of Western troops in Ukraine will be considered an intervention, said Maria Zakharova.',
      'The plans of Western states are dangerous, she said.',
      'The ministry considers them a threat.',
      'On January 6 in Paris, participants in the coalition signed a declaration on security guarantees for Ukraine.',
    ];
    expect(dateEvent({ statedDates: ['2026-01-08'], lead: reply, now: NOW }).occurredAt).toBe('2026-01-08');
    // In the first sentences a written date is the event's own.
    expect(dateEvent({ statedDates: ['2026-01-08'], lead: [reply[3]!], now: NOW }).occurredAt).toBe('2026-01-06');
  });

  it('reads a byline with its date, a re-publisher’s source line with a link, and the standfirst', () => {
    const byline = ['by The Kyiv Independent news desk March 18, 2025 8:01 PM 2 min read'];
    expect(dateEvent({ chromeLines: byline, lead: ['Putin agreed to a pause, according to a readout issued by the Kremlin on March 18.'], now: NOW })).toMatchObject({ occurredAt: '2025-03-18', dateSource: 'text' });
    const source = ['From Novaya gazeta Europe, Nov. 20, 2025, https://novayagazeta.eu/articles/2025/11/20/some-long-slug-of-the-article-in-russian'];
    expect(dateEvent({ chromeLines: source, lead: ['The US and Russia have developed a new plan.'], now: NOW }).occurredAt).toBe('2025-11-20');
    expect(dateEvent({ standfirst: 'On May 16, a trilateral meeting was held in Istanbul between the delegations.', lead: ['The defence minister spoke to journalists.'], now: NOW }).occurredAt).toBe('2026-05-16');
  });

  it('reads a bare weekday six days back as the coming one, not last week’s: "on Saturday" in a Friday piece', () => {
    const lead = ['Leaders are descending on Miami this weekend, including the Russian envoy on Saturday.', 'On Friday morning, the envoys met the Ukrainian delegation.'];
    expect(dateEvent({ statedDates: ['2025-12-19'], lead, now: NOW }).occurredAt).toBe('2025-12-19');
  });

  it('dates a report of talks that ran over several days by their last day, and never takes such a span for the publication stamp', () => {
    // "said Thursday" after talks "from Feb. 4 - 5", the year from a background date elsewhere on the page.
    const abuDhabi = [
      'The discussions in the United Arab Emirates were "constructive," US special envoy Steve Witkoff said Thursday.',
      'The talks were focused on how to create the conditions for a durable peace, Witkoff said.',
      'It came after the delegations met from Feb. 4 - 5 for the second trilateral meeting in Abu Dhabi.',
    ];
    const allLines = [...abuDhabi, 'Russia and Ukraine last conducted a prisoner exchange on Oct. 2, 2025.'];
    expect(dateEvent({ lead: abuDhabi, allLines, now: new Date('2026-03-01T06:00:00Z') }).occurredAt).toBe('2026-02-05');
    // A statement's heading "March 23-25, 2025" among the dropped lines: the White House "said Tuesday" is 25 March.
    const riyadh = ['The White House said Tuesday that Russia and Ukraine had agreed to a ceasefire in the Black Sea.'];
    const d = dateEvent({ chromeLines: ['in Riyadh, Saudi Arabia', 'March 23-25, 2025'], allLines: [...riyadh, 'March 23-25, 2025'], lead: riyadh, now: NOW });
    expect(d).toMatchObject({ occurredAt: '2025-03-25', dateSource: 'text' });
  });

  it('dates talks the lead says ran over several days by their last day, once it has come', () => {
    const lead = ['The United States facilitated bilateral technical-level talks with the Ukrainian delegation March 23-25 in Riyadh, Saudi Arabia.'];
    expect(dateEvent({ publishedAt: '2025-03-25', lead, now: NOW }).occurredAt).toBe('2025-03-25');
    // Published while they still went on, the talks are of the days that had come: their first.
    expect(dateEvent({ publishedAt: '2025-03-24', lead, now: NOW }).occurredAt).toBe('2025-03-23');
    // Without a publication time it may have been written while they went on ("During his visit to China on July 23-26").
    const visit = ['During his visit to China on July 23-26, 2024, Kuleba discussed ways to resolve the conflict.'];
    expect(dateEvent({ lead: visit, now: NOW }).occurredAt).toBe('2024-07-23');
  });

  it('takes no day from inside a quotation but a written date: “As of today …” is the speaker’s day', () => {
    const lead = [
      'Ukraine expressed frustration with its peace talks with Russia and the United States this week.',
      '“As of today, we cannot say that the outcome is sufficient,” Zelenskyy told Ukrainians in a Wednesday evening video address.',
    ];
    expect(dateEvent({ publishedAt: '2026-02-20', lead, now: NOW }).occurredAt).toBe('2026-02-18');
    // Outside the quotation "today" is the reporter's.
    expect(dateEvent({ publishedAt: '2026-02-20', lead: ['Zelenskyy said today that the outcome was not sufficient.'], now: NOW }).occurredAt).toBe('2026-02-20');
    // Inside it, a written date still counts.
    expect(dateEvent({ publishedAt: '2026-02-20', lead: ['“On February 18 we met in Geneva,” Zelenskyy said.'], now: NOW }).occurredAt).toBe('2026-02-18');
  });

  it('dates a lead that opens on a full date by that date, even a week and more before the byline', () => {
    const lead = ['On November 20, 2025, the Trump administration delivered a 28-point peace proposal to President Volodymyr Zelensky.'];
    expect(dateEvent({ chromeLines: ['Nov 29, 2025 World Caelum Braxton'], lead, now: NOW }).occurredAt).toBe('2025-11-20');
    // Further into the sentence a full date is background as before ("… the plan first leaked on November 20, 2025").
    const later = ['Zelensky spoke to European leaders about the plan that first leaked on November 20, 2025.'];
    expect(dateEvent({ chromeLines: ['Nov 29, 2025 World Caelum Braxton'], lead: later, now: NOW }).occurredAt).toBe('2025-11-29');
  });

  it('never anchors on the day a lead measures from ("since the Russian invasion of Ukraine on February 24, 2022")', () => {
    const lead = [
      'U.S. and Russian diplomats began meeting on Tuesday in Riyadh, journalists said, with talks expected to focus on resetting their relations.',
      'The delegations met at Diriyah Palace for the first discussions of this level and format since the Russian invasion of Ukraine on February 24, 2022.',
    ];
    const caption = 'Rubio meets Lavrov at Diriyah Palace, in Riyadh, Saudi Arabia, February 18, 2025.';
    expect(dateEvent({ lead, allLines: [caption, ...lead], now: NOW }).occurredAt).toBe('2025-02-18');
  });

  it('never takes the start of anything told in a clause set off by commas for the day ("… EU presidency, which began on Monday, …")', () => {
    const lead = ['Hungarian Prime Minister Viktor Orban arrived in Moscow and said he wanted to use his six-month EU presidency, which began on Monday, to push for a negotiated peace in Ukraine.'];
    expect(dateEvent({ publishedAt: '2024-07-05T12:00:00Z', lead, now: NOW }).occurredAt.slice(0, 10)).toBe('2024-07-05');
    // The gathering the sentence opens in is where the news was made: its first day may be the event's.
    const munich = ['At the Munich Security Conference, which began on February 14th, Vance reaffirmed his efforts to ensure “lasting peace” after meeting Zelensky.'];
    expect(dateEvent({ publishedAt: '2025-02-15T09:00:00Z', lead: munich, now: NOW }).occurredAt).toBe('2025-02-14');
  });

  it('never takes the day of a pledge for the event\'s, nor a written date further down well before the page\'s latest', () => {
    const lead = [
      'Russian President Vladimir Putin says he has yet to meet Syria’s exiled leader.',
      'He said this during the annual press conference.',
      'Topics ranged from Syria to Ukraine.',
      'Putin said that he is open to a meeting with the new US president, who has repeatedly promised to quickly end the war in Ukraine after taking office on January 20.',
    ];
    const caption = 'Russian President Vladimir Putin attends the annual press conference in Moscow, Russia, December 19, 2024';
    for (const now of ['2024-12-23T12:00:00Z', '2025-03-01T12:00:00Z']) expect(dateEvent({ lead, allLines: [...lead, caption], now: new Date(now) }).dateSource).toBe('ingest-time');
    const background = [...lead.slice(0, 3), 'Russia and Ukraine last exchanged prisoners on March 3, 2024, after talks in Istanbul.'];
    expect(dateEvent({ lead: background, allLines: [...background, caption], now: new Date('2024-12-23T12:00:00Z') }).dateSource).toBe('ingest-time');
  });

  it('reads "Today" in an outlet\'s name as no day ("Paris, December 8, 2024 – The Europe Today: … met on Saturday")', () => {
    const lead = ['Paris, December 8, 2024 – The Europe Today: French President Emmanuel Macron convened a trilateral meeting with Zelensky and Trump on Saturday in Paris.'];
    expect(dateEvent({ lead, now: NOW }).occurredAt).toBe('2024-12-07');
    expect(dateEvent({ publishedAt: '2025-05-21T09:00:00Z', lead: ['Zelensky told India Today that talks had stalled.'], now: NOW }).occurredAt.slice(0, 10)).toBe('2025-05-21');
  });

  it('never takes the war\'s start told in a clause of its own for the day ("… invasion of Ukraine, which began on Feb. 24, when …")', () => {
    const lead = [
      'Russian President Vladimir Putin on Tuesday said peace talks with Ukraine are at a dead end.',
      'Putin’s comment came in the sixth week of Russia’s invasion of Ukraine, which began on Feb. 24, when the Russian president ordered a military operation.',
    ];
    // 24 February 2026 was a Tuesday: read against the ingest time, the start of the war fitted "on Tuesday".
    expect(dateEvent({ lead, now: NOW })).toMatchObject({ dateSource: 'ingest-time', occurredAt: '2026-12-04T12:00:00Z' });
    const full = ['Ukraine and Russia will meet in Istanbul, officials said.', 'It is the first such meeting in the war, which started on February 24, 2022.'];
    expect(dateEvent({ lead: full, now: NOW }).dateSource).toBe('ingest-time');
  });
});
