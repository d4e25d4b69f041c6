import { describe, expect, it } from 'vitest';
import { buildBriefing } from '../../src/briefing/compose.js';
import { isBackground } from '../../src/briefing/background.js';
import { cosine, lexRank } from '../../src/briefing/centrality.js';
import { informationDensity } from '../../src/briefing/density.js';
import { commaInList } from '../../src/text/clause-end.js';
import { cutAtClause, headlineFor, titleIsHeadline } from '../../src/briefing/headline.js';
import { leadTitle, looksAhead } from '../../src/ingest/facts.js';
import { leavesClause } from '../../src/text/clause-end.js';
import { rankWindowFacts, selectFacts } from '../../src/briefing/rank.js';
import { lineDefect, standsAlone } from '../../src/briefing/sentence-quality.js';
import type { Briefing } from '../../src/briefing/types.js';
import type { EventRecord } from '../../src/records/schema.js';
import { renderText, TEXT_LIMIT } from '../../src/render/text.js';
import { hasFiniteVerb } from '../../src/text/finite-verb.js';
import { featureSet } from '../../src/text/similarity.js';
import { MORNING_AFTER, sampleRecords, sampleStory } from '../helpers/fixtures.js';

const story = sampleStory();
const NOW = MORNING_AFTER.getTime();
let n = 0;
function rec(outlet: string, facts: string[], extra: Partial<EventRecord> = {}): EventRecord {
  n++;
  return {
    id: `e${n}-${outlet.toLowerCase().replace(/\W+/g, '-')}`,
    story: 'ukraine-ceasefire',
    occurredAt: '2025-05-19T20:00:00Z',
    title: `${outlet} report number ${n} on the talks`,
    sources: [{ id: 's', name: outlet, url: `https://example.test/${n}` }],
    facts: facts.map((text) => ({ text, source: 's' })),
    ...extra,
  };
}

/** An event's facts as ranked facts of one outlet, best first in fact order (speakers by fact, when given). */
function rankedFacts(event: EventRecord, speakers: readonly string[] = []) {
  return event.facts.map((fact, index) => {
    const speaker = speakers[index];
    return { rec: event, fact: speaker !== undefined ? { ...fact, speaker } : fact, id: `f${index + 1}`, index, score: 1 - index * 0.1, features: featureSet(fact.text), outlets: new Set(['wire']), twins: [] };
  });
}

describe('a line of a briefing is a complete sentence of the body', () => {
  it.each([
    ['Key Takeaways From The Ceasefire Summit In Istanbul', 'no terminal punctuation'],
    ["But it 'went very well,' Trump says", 'no terminal punctuation'],
    ['Key Takeaways From The Ceasefire Summit In Istanbul.', 'title case'],
    ['Help us reach 30,000 members. 0 out of 30,000.', 'page chrome'],
    ['Subscribe to our newsletter for the latest updates.', 'page chrome'],
    ['Talks.', 'too short'],
    ['Starting with the security guarantees for Kyiv that are not yet defined, the plan…', 'cut off'],
    ['and the talks resumed on Monday.', 'does not start a sentence'],
    ['Photo shows Trump (L) and Putin (R) during a phone call in March.', 'caption'],
    ['Russian President Vladimir Putin meets journalists in Sochi, May 19. — Reuters.', 'caption'],
    ['Updated: 12:04 European and Ukrainian officials met in Paris on Thursday.', 'page chrome'],
    ['From Novaya gazeta Europe, Nov. 20, 2025, https://novayagazeta.eu/articles/2025/11/20/plan.', 'page chrome'],
    ["Zelensky responded by recalling the Crimean Declaration. with the BBC understands the negotiations.", 'two sentences run together'],
    ['Trump, Putin hold telephonic conversation: US President Donald Trump and Russian President Vladimir Putin spoke for two hours.', 'a headline or kicker run into the sentence'],
    ['US President Donald Trump and Ukrainian President Volodymyr Zelenskiy at a press conference in Washington in February.', 'no verb'],
    ['A question that follows the words from the Chinese side.', 'no verb'],
    // An item of a list on a line of its own, opening on a gerund: its plurals and "according to" are no verbs.
    ['Restoring Ukraine’s territorial integrity and Russia reaffirming it according to the UN Charter.', 'no verb'],
    ['Ensuring nuclear safety and the release of all prisoners of war.', 'no verb'],
    ['Umerov made the statement at a press conference following the meeting in Istanbul, according to Censor.NET.', 'says a statement was made, not what it said'],
    ['This was announced on Telegram by the head of the Presidential Office, Andriy Yermak.', 'says a statement was made, not what it said'],
    ['Ukrainian President Volodymyr Zelenskyy announced this on social networks on Thursday, TASR writes, according to an AFP report.', 'says a statement was made, not what it said'],
  ])('%s → %s', (text, defect) => {
    expect(lineDefect(text)).toBe(defect);
  });

  it('tells a reminder that stands on its own from one that points back to the sentence before it', () => {
    expect(standsAlone('Ukraine will receive them next week.')).toBe(false);
    expect(standsAlone('They will meet again in Istanbul on Friday.')).toBe(false);
    expect(standsAlone('Russia and Ukraine will swap 175 prisoners each on March 19.')).toBe(true);
    // A fact sheet's point in the imperative is the plan's, not news; a noun of the same spelling opens news.
    expect(standsAlone('Accelerate Ukraine’s Euro-Atlantic integration, including through reforms in line with its EU accession goals.')).toBe(false);
    expect(standsAlone('Achieve a just peace that respects Ukraine’s rights under international law.')).toBe(false);
    expect(standsAlone('Support for a ceasefire has grown in Kyiv since the talks began.')).toBe(true);
    expect(standsAlone('“Strengthen the air defences,” Zelensky told the summit.', 'Volodymyr Zelensky')).toBe(true);
    // A conclusion drawn from the sentence before, and what was said there coming after something.
    expect(standsAlone('Thus, Great Britain became the first of the G7 countries to conclude such an agreement.')).toBe(false);
    expect(standsAlone('The comments came Wednesday as Hegseth laid out the administration’s ideas in Brussels.')).toBe(false);
    expect(standsAlone('The talks came after weeks of shuttle diplomacy by the envoys.')).toBe(true);
    expect(standsAlone('Zelensky called for a global summit based on these principles to be held at the end of the year.')).toBe(false);
    expect(standsAlone('Zelensky said “these principles are not for sale” at the summit.', 'Volodymyr Zelensky')).toBe(true);
    expect(standsAlone('Russia, on the other hand, constantly rejects such initiatives and is manipulating the international community.')).toBe(false);
    expect(standsAlone('Kyiv, in turn, proposed a 30-day ceasefire.')).toBe(false);
    // "Ones" standing for the nouns of the sentence before.
    expect(standsAlone('Binding ones, not the paper kind signed in the nineties.', 'Andriy Yermak')).toBe(false);
    expect(standsAlone('Zelensky wants guarantees that work, not ones on paper.')).toBe(true);
    // A linking adverb before the pronoun: "Specifically, they demand …" is the sentence before's "they".
    expect(standsAlone('Specifically, they demand compliance with international law and reject attacks on Ukrainian territory.')).toBe(false);
    expect(standsAlone('Importantly, Russia rejected the plan on Monday.')).toBe(true);
    expect(standsAlone('Kyiv, however, has rejected Moscow’s terms.')).toBe(true);
    expect(standsAlone('It is expected that the delegations will meet again next week.')).toBe(true);
    expect(standsAlone('“This is in no way a frozen conflict,” Sybiha said.')).toBe(true);
    expect(standsAlone('“We love them,” Trump said twice when asked his message to the Ukrainian people.')).toBe(true);
    // Away from the article, "he" names no one; among bullets it is kept.
    expect(standsAlone('He last met Putin on April 25.', undefined, true)).toBe(false);
    // "him" is never its own clause's subject: with no one else named before it, it is someone from another sentence.
    expect(standsAlone('Russian Foreign Minister Sergei Lavrov listened to him in the audience.', undefined, true)).toBe(false);
    expect(standsAlone('Trump called Zelensky and thanked him for the talks.', undefined, true)).toBe(true);
    expect(standsAlone('However, the Kremlin rejected the plan.', undefined, true)).toBe(false);
    expect(standsAlone('He last met Putin on April 25.')).toBe(true);
    // All quotation with nobody named for it: read as it stands.
    expect(standsAlone('“It will be discussed and the modalities will be discussed in Abu Dhabi today and tomorrow.”')).toBe(false);
    expect(standsAlone('“It will be discussed in Abu Dhabi today and tomorrow.”', 'Dmitry Peskov')).toBe(true);
  });

  it('never makes a bullet of a sentence nobody is named for that opens on the sentence before, even on a short day', () => {
    const day = rec('Kdrtv', [
      'Russian President Vladimir Putin said on Tuesday that peace talks with Ukraine had hit a dead end.',
      'This is until Moscow succeed its mission.',
      'They are also advancing in the northeastern Kharkiv region.',
      'Consequently, the Russian leader also spurned the allegations.',
      'It is expected that the delegations will meet again next week.',
      'It remains unclear how Kyiv has responded to the proposed framework.',
      'He made the comment on Wednesday after a long talk with Russian President Vladimir Putin.',
      'His impression is that Russia is currently not in a position to establish a ceasefire.',
      'And this undoubtedly requires a response from the world.',
      'At that time, the talks lasted five hours but did not result in a breakthrough, the dpa news agency recalls.',
      'The above calls have increased this week, after Russia cut power to a million households.',
      'Because of this, White House national security adviser Jake Sullivan could not come to Copenhagen.',
      'These countries had previously refused to take sides in the Ukrainian conflict.',
      "However, his current information after today's talks was not positive.",
    ]);
    const texts = rankWindowFacts({ records: [day], now: NOW }).map((r) => r.fact.text);
    expect(texts).toEqual(expect.arrayContaining([day.facts[0]?.text, day.facts[4]?.text, day.facts[5]?.text]));
    expect(texts).toHaveLength(3);
  });

  it('takes a plan told in the past inside a time clause for history, not something to watch', () => {
    expect(looksAhead('But shortly after the announcement, around an hour before it was due to take effect, air raid sirens rang out in Kyiv.')).toBe(false);
    expect(looksAhead('The truce was due to take effect at 6 p.m. Moscow time.')).toBe(true);
    expect(looksAhead('Delegations will meet again in Istanbul next week.')).toBe(true);
  });

  it('takes a plan named as a noun for no plan to watch, and a plan as a verb for one', () => {
    expect(looksAhead("Ukrainian President Volodymyr Zelensky on Wednesday revealed the latest version of a US-led draft plan to end Russia's invasion.")).toBe(false);
    expect(looksAhead("Kyiv rejected Russia's plans to annex the region.")).toBe(false);
    expect(looksAhead('Trump plans to call Putin on Monday.')).toBe(true);
    expect(looksAhead('The Kremlin announced plans to hold talks in Istanbul.')).toBe(true);
    expect(looksAhead('Europe presented a new plan to end the war, and leaders will meet in Paris.')).toBe(true);
    // "No plans to" is none.
    expect(looksAhead('Zelensky said he has no plans to meet with Trump as the teams work towards a minerals deal.')).toBe(false);
    // A participle right after the determiner names the plan too.
    expect(looksAhead('Macron said there was "no finalised plan to speak of" and that it could only be achieved with input from Ukraine.')).toBe(false);
    expect(looksAhead('Kyiv presented a revised plan to end the war.')).toBe(false);
  });

  it('takes a call for a truce told in the past perfect, and "even tomorrow" said to make a point, for nothing to watch', () => {
    expect(looksAhead('The last time that the Russian government had called for a ceasefire was in January 2023, when Putin made a similar announcement.')).toBe(false);
    expect(looksAhead('“Russia can start negotiations with us even tomorrow without expecting anything, if they leave our legal territories.”')).toBe(false);
    expect(looksAhead('Russia has called for a ceasefire over Easter.')).toBe(true);
    expect(looksAhead('Talks will resume tomorrow in Istanbul.')).toBe(true);
  });

  it('takes the title repeated as a sentence for the title', () => {
    expect(lineDefect('Zelenskyy says Kyiv is ready for talks in Istanbul.', 'Zelenskyy says Kyiv is ready for talks in Istanbul')).toBe('the title');
    expect(lineDefect('Zelenskyy said on Monday that Kyiv was ready for talks in Istanbul next week.', 'Zelenskyy says Kyiv is ready for talks')).toBeUndefined();
  });

  it('keeps real sentences, quotes included', () => {
    expect(lineDefect('Trump said the call went "very well".')).toBeUndefined();
    expect(lineDefect('"We will not leave Donbas," Zelenskyy said.')).toBeUndefined();
    expect(lineDefect('The high-level diplomacy reflects Europe’s concern over the US overtures towards Moscow.')).toBeUndefined();
    expect(lineDefect('Three issues remain: Crimea, Donbas and the Zaporizhzhia plant.')).toBeUndefined();
    expect(lineDefect('Zelensky made a statement on the peace plan on Sunday.')).toBeUndefined();
    expect(lineDefect('He made the statement after Russia rejected the proposal.')).toBeUndefined();
    expect(lineDefect('Umerov told journalists that Ukraine was ready for a ceasefire.')).toBeUndefined();
    expect(lineDefect('Zelenskyy met Erdogan in Ankara on Wednesday.')).toBeUndefined();
    // A sentence that opens on a participle has its verb further on, also after a dash.
    expect(lineDefect('Following talks on Sunday, European leaders in Berlin—including Sweden’s prime minister—agreed on a multinational force.')).toBeUndefined();
    expect(lineDefect('Speaking to reporters in Lviv, Zelensky ruled out talks before a withdrawal.')).toBeUndefined();
    expect(lineDefect('US President Donald Trump met Ukrainian President Volodymyr Zelenskyy in Washington on Monday.')).toBeUndefined();
  });
});

describe('headline', () => {
  it('uses a real headline, never chrome or a counter', () => {
    expect(titleIsHeadline({ title: 'Zelenskyy rejects withdrawal from Donbas ahead of Alaska summit', facts: [] })).toBe(true);
    expect(titleIsHeadline({ title: 'Help us reach 30,000 members', facts: [] })).toBe(false);
    expect(titleIsHeadline({ title: '0 out of 30,000', facts: [] })).toBe(false);
    expect(titleIsHeadline({ title: 'Help us reach 30,000 members', facts: [], titleSource: 'headline' })).toBe(false);
  });

  it("takes a report series' name for no headline, even from the page's own title, and keeps a readout's", () => {
    expect(titleIsHeadline({ title: 'Ukraine Invasion Update 3/30', facts: [], titleSource: 'headline' })).toBe(false);
    expect(titleIsHeadline({ title: 'Daily News Briefing: Putin Trump negotiation', facts: [], titleSource: 'headline' })).toBe(false);
    expect(titleIsHeadline({ title: 'Readout of President Biden’s Call with President Zelenskyy of Ukraine', facts: [], titleSource: 'headline' })).toBe(true);
    expect(titleIsHeadline({ title: 'Kremlin gives an update on the talks in Istanbul', facts: [], titleSource: 'headline' })).toBe(true);
  });

  it('takes another outlet’s lead of the event for a headline when the lead fact has no clause that fits', () => {
    const lead =
      "In a significant step toward bolstering Ukraine's security, French President Emmanuel Macron announced on September 4, 2025, that a group of 26 nations, dubbed the 'Coalition of the Willing,' has pledged to deploy troops.";
    const other = 'Twenty-six nations have pledged to provide postwar security guarantees to Ukraine, French President Emmanuel Macron said on Thursday after a summit in Paris.';
    const r = rec('Wire', [lead, other], { title: lead.slice(0, 119), titleSource: 'lead' });
    expect(headlineFor(r, lead)).toMatch(/…$/);
    expect(headlineFor(r, lead, [other])).toBe('Twenty-six nations have pledged to provide postwar security guarantees to Ukraine');
    // A lead that fits at a clause keeps its own headline.
    const fits = 'Zelenskyy dismissed a Russian proposal to hand over the rest of the Donetsk region, saying it would only pave the way for a future war.';
    expect(headlineFor(r, fits, [other])).toBe('Zelenskyy dismissed a Russian proposal to hand over the rest of the Donetsk region');
    // All cut mid-phrase: one that reaches its verb, not a list of names.
    const names =
      'Meanwhile, French President Emmanuel Macron, British Prime Minister Keir Starmer, and Ukrainian President Volodymyr Zelensky signed a declaration of intent regarding the deployment of a multinational force in Ukraine.';
    const witkoff = 'U.S. envoy Steve Witkoff revealed today (Tuesday) that significant progress has been made in the meeting of the Coalition of the Willing regarding Ukraine’s security.';
    expect(headlineFor(r, names, [witkoff])).toMatch(/^U\.S\. envoy Steve Witkoff revealed today \(Tuesday\) that significant progress has been made/);
  });

  it('never prints a headline ingestion cut off for its length as it stands: a clause of it, else the lead', () => {
    const lead = 'US Secretary of State Marco Rubio warned on Friday that the United States could walk away from the talks.';
    const cut = rec('Wire', [lead], { title: 'Rubio warns US will abandon Russia-Ukraine peace talks, saying the administration will not invest weeks or months in negotiations that lead…', titleSource: 'headline' });
    expect(headlineFor(cut, lead)).toBe('Rubio warns US will abandon Russia-Ukraine peace talks');
    const noClause = rec('Wire', [lead], { title: 'Secretary of State Marco Rubio has issued a stark warning that the Trump administration will abandon Russia-Ukraine peace talks if no…', titleSource: 'headline' });
    expect(headlineFor(noClause, lead)).toBe('US Secretary of State Marco Rubio warned on Friday that the United States could walk away from the talks');
  });

  it('cuts the lead fact at a clause when the title was cut from it', () => {
    const lead =
      'Zelenskyy dismissed a Russian proposal to hand over the rest of the Donetsk region, saying it would only pave the way for a future war.';
    const r = rec('Wire', [lead], { title: lead.slice(0, 119), titleSource: 'lead' });
    expect(headlineFor(r, lead)).toBe('Zelenskyy dismissed a Russian proposal to hand over the rest of the Donetsk region');
    expect(cutAtClause('Putin said Russia was ready to discuss compromises.', 120)).toBe('Putin said Russia was ready to discuss compromises');
    expect(cutAtClause('KYIV — Ukraine named Rustem Umerov to lead its delegation.', 120)).toBe('Ukraine named Rustem Umerov to lead its delegation');
    // Not between a noun's adjectives ("in a brief, high-profile summit"); a range's dash ("15–16 August") is no clause's edge.
    expect(
      cutAtClause('President Donald Trump and Russian President Vladimir Putin met in Anchorage, Alaska, on 15–16 August 2025 in a brief, high-profile summit that produced no agreement.', 120),
    ).toBe('President Donald Trump and Russian President Vladimir Putin met in Anchorage, Alaska, on 15–16 August 2025');
    // Who reports it after the comma is no adjective: "the deal, diplomatic sources said" ends a clause.
    const reported = 'Trump and Zelensky agreed on the main points of a peace deal for Ukraine after a long meeting at the deal, diplomatic sources said on Saturday.';
    expect(commaInList(reported, reported.indexOf(', diplomatic'))).toBe(false);
    expect(commaInList('They met in a brief, high-profile summit.', 'They met in a brief'.length)).toBe(true);
    // Nor before what a span of time is counted from ("just hours | before Trump's inauguration").
    expect(cutAtClause('Russian President Vladimir Putin extended his congratulations to U.S. President-elect Donald Trump just hours before the inauguration in Washington, expressing hope.', 120)).not.toMatch(/just hours$/);
    // No clause boundary within reach: cut at a word, marked (not before "over": "to hand | over" would hang).
    expect(cutAtClause('British Prime Minister Keir Starmer, fresh off his own visit to the White House, said he would host European leaders in London on Sunday to discuss Ukraine.', 120)).toBe(
      'British Prime Minister Keir Starmer, fresh off his own visit to the White House, said he would host European leaders',
    );
    const long =
      'Ukrainian President Volodymyr Zelenskyy on Tuesday dismissed a Russian proposal to hand over the remaining territory Ukraine controls in Donetsk in exchange for a ceasefire.';
    const h = cutAtClause(long, 120);
    expect(h.length).toBeLessThanOrEqual(120);
    expect(h.endsWith('…')).toBe(true);
    expect(long.startsWith(h.slice(0, -1))).toBe(true);
    // An opening phrase of circumstance is no headline: the cut is taken from the main clause after it.
    const intro =
      "In a renewed push for peace this Thursday, President Trump's special envoy Steve Witkoff and senior adviser Jared Kushner will meet Rustem Umerov, secretary of Ukraine's National Security and Defense Council, in Miami.";
    expect(cutAtClause(intro, 120)).toBe("President Trump's special envoy Steve Witkoff and senior adviser Jared Kushner will meet Rustem Umerov");
    // So is a date written out with its year or weekday ("On August 18, 2025, …", "On Monday, August 18, …").
    const dated = 'On August 18, 2025, U.S. President Donald Trump hosted Ukrainian President Volodymyr Zelenskyy at the White House for a meeting on security guarantees.';
    expect(cutAtClause(dated, 120)).toMatch(/^U\.S\. President Donald Trump hosted Ukrainian President Volodymyr Zelenskyy at the White House/);
    expect(cutAtClause(dated.replace('On August 18, 2025,', 'On Monday, August 18,'), 120)).toMatch(/^U\.S\. President Donald Trump hosted/);
    expect(leadTitle(dated.replace('On August 18, 2025,', 'On Monday, August 18,'))).toMatch(/^U\.S\. President Donald Trump hosted/);
  });

  it('cuts a headline and an ingested title where a clause ends, not inside a list of names or before a hanging word', () => {
    const list = 'The second round of trilateral peace talks between Russia, Ukraine and the United States began in Abu Dhabi on Wednesday with delegations meeting behind closed doors.';
    // An opening phrase of up to 110 characters gives way to the main clause; a clause before a phrase of place or time
    // needs no "…", one ending on a verb does.
    const macron =
      "In a significant step toward bolstering Ukraine's security amid ongoing conflict with Russia, French President Emmanuel Macron announced that 26 countries have pledged to send troops to Ukraine after a ceasefire.";
    expect(cutAtClause(macron, 120)).toBe('French President Emmanuel Macron announced that 26 countries have pledged to send troops to Ukraine after a ceasefire');
    const uae =
      'Representatives from the United States, Ukraine and Russia are set to hold trilateral talks on Friday in the United Arab Emirates, marking the first known meeting of all three.';
    for (const cut of [cutAtClause(uae, 120), leadTitle(uae)]) expect(cut).toBe('Representatives from the United States, Ukraine and Russia are set to hold trilateral talks on Friday');
    expect(leadTitle('U.S. Secretary of State Marco Rubio arrived in Geneva on Sunday morning to engage in talks with the Ukrainian delegation on the American plan.')).toMatch(/…$/);
    // A subject with a participle's phrase set off after it is no clause: a title leaves the phrase out.
    const rubio = 'U.S. Secretary of State Marco Rubio, speaking in Jeddah after more than eight hours of talks with Ukrainian delegates, said the plan would be taken to Russia next.';
    expect(leadTitle(rubio)).toBe('U.S. Secretary of State Marco Rubio said the plan would be taken to Russia next');
    expect(leavesClause('U.S. Secretary of State Marco Rubio, speaking in Jeddah after more than eight hours of talks')).toBe(false);
    // Nor a subject with a past participle's phrase after it, nor an aside listing who is included: the verb follows.
    expect(leavesClause('Multiple reports in American mainstream media, echoed by Ukrainian state news')).toBe(false);
    expect(leavesClause("European leaders at the Berlin summit—including Sweden's Prime Minister Ulf Kristersson")).toBe(false);
    expect(leavesClause('Trump meets Putin in Alaska, accompanied by Rubio')).toBe(true);
    // Nor is a subject with only a relative clause after it: its own verb is still to come.
    expect(leavesClause('French President Emmanuel Macron and British Prime Minister Keir Starmer, who lead the group')).toBe(false);
    expect(leavesClause('Macron said the coalition, which met in Paris, would send troops')).toBe(true);
    expect(cutAtClause('French President Emmanuel Macron and British Prime Minister Keir Starmer, who lead the group, have insisted that any European “reassurance” force in Ukraine needs the backing of the United States.', 120)).not.toBe(
      'French President Emmanuel Macron and British Prime Minister Keir Starmer, who lead the group',
    );
    // Never a whole-looking cut inside a quotation: "… released the document “China's Position" is cut, and says so.
    expect(leadTitle('The Chinese Ministry of Foreign Affairs today released the long-awaited document “China’s Position on the Political Settlement of the Ukraine Crisis” in Beijing.')).toMatch(/…$/);
    // A cut right after a reporting verb reports nothing; a US dateline's state is part of the dateline.
    expect(leadTitle('President Volodymyr Zelenskiy said after talks with a top US Army official on Thursday he was ready to work with Washington on a plan to end the war.')).not.toBe('President Volodymyr Zelenskiy said');
    expect(leadTitle('Miami, FL – A joint statement released by the United States and Ukraine expresses optimism following three days of discussions held in Miami, Florida, with European partners.')).toMatch(/^A joint statement/);
    // A span of time is not cut from what it is measured from; one with its own preposition is whole.
    expect(leadTitle("The 2-day trilateral talks in Switzerland come a week before the fourth anniversary of Moscow's full-scale invasion of Ukraine and follow two rounds in Abu Dhabi.")).not.toBe('The 2-day trilateral talks in Switzerland come a week');
    expect(leadTitle('Donald Trump has claimed that Vladimir Putin has agreed to halt strikes on Ukraine’s energy infrastructure for one week, after a call on Thursday about the peace talks.')).toMatch(/for one week$/);
    // A link kept in brackets by a flattened page is no word of the title.
    expect(leadTitle('White House Special Envoy Steve Witkoff issued a [https://x.com/SEPeaceMissions/status/2019463618857754744] readout at the conclusion of the talks.')).toBe('White House Special Envoy Steve Witkoff issued a readout at the conclusion of the talks');
    // A date opening a long lead is an aside the title leaves out.
    expect(leadTitle('On February 28th, 2025, the Oval Office hosted a political showdown between President Trump and President Zelensky as diplomatic talks took a turn for the worse.')).toMatch(/^The Oval Office hosted/);
    expect(leadTitle('On 5 August, a summit was held in Saudi Arabia with the participation of representatives of more than 40 countries to discuss the peace formula.')).toMatch(/^A summit was held/);
    // A list's item in -ing is no aside.
    expect(leadTitle('Invitation to join NATO, sending weapons without restrictions on use, deterrence, strategic economic potential and post-war prospects are the five points of the plan.')).not.toMatch(/^Invitation to join NATO deterrence/);
    // A cut inside a that-clause before its verb leaves no clause; after a number a word in -s is a plural.
    expect(leadTitle('Macron announced on September 4 that a group of 26 nations, dubbed the Coalition of the Willing, has finalised a plan to provide security guarantees to Ukraine.')).not.toMatch(/26 nations$/);
    expect(hasFiniteVerb('a group of 26 nations')).toBe(false);
    // A place's region belongs to the opening phrase: "Following discussions in Jeddah, Saudi Arabia, …".
    const jeddah = 'Following discussions in Jeddah, Saudi Arabia, the United States has agreed to resume military aid to Ukraine, contingent on Russia accepting a ceasefire.';
    expect(leadTitle(jeddah)).toMatch(/^The United States has agreed/);
    expect(cutAtClause(jeddah, 120)).not.toMatch(/^Saudi Arabia/);
    // A verb word after a determiner is a noun: "his own visit", "the planned summit" hold no verb.
    expect(hasFiniteVerb('British Prime Minister Keir Starmer, fresh off his own visit to the White House')).toBe(false);
    expect(hasFiniteVerb('The planned summit between Trump and Putin')).toBe(false);
    expect(hasFiniteVerb('Trump planned a summit with Putin')).toBe(true);
    // Before a phrase of place or time, a whole clause needs no "…".
    for (const cut of [cutAtClause(list, 120), leadTitle(list)]) expect(cut).toBe('The second round of trilateral peace talks between Russia, Ukraine and the United States began in Abu Dhabi');
    const tail = "Ukrainian and Russian negotiators concluded the first day of US-brokered peace talks in Geneva, just one week before the fourth anniversary of Moscow's full-scale invasion.";
    for (const cut of [cutAtClause(tail, 120), leadTitle(tail)]) expect(cut).toBe('Ukrainian and Russian negotiators concluded the first day of US-brokered peace talks in Geneva');
    const which = 'US President Donald Trump said he held a two-hour call with Russian President Vladimir Putin on Monday (May 19), after which he announced that talks would start.';
    expect(leadTitle(which)).toBe('US President Donald Trump said he held a two-hour call with Russian President Vladimir Putin on Monday (May 19)');
    // Without a clause boundary in reach, the cut comes before a word that opens a phrase, or a date's comma is kept.
    expect(leadTitle('US President Donald Trump canceled his scheduled summit with Russian President Vladimir Putin in Budapest and instead imposed sanctions on Rosneft and Lukoil.')).toBe(
      'US President Donald Trump canceled his scheduled summit with Russian President Vladimir Putin in Budapest…',
    );
    // A phrase of purpose after a noun is left out whole ("… negotiations | aimed at ending the war").
    const aimed = "A senior Russian diplomat is en route to the United States for a new round of high-stakes negotiations aimed at ending the war in Ukraine, even as Moscow's forces press ahead.";
    expect(cutAtClause(aimed, 120)).toBe('A senior Russian diplomat is en route to the United States for a new round of high-stakes negotiations');
    const dash = 'Secretary of State Marco Rubio abruptly pulled out of high-stakes Ukraine peace talks in London—just hours after President Volodymyr Zelensky shot down a pillar of the plan.';
    for (const cut of [cutAtClause(dash, 120), leadTitle(dash)]) expect(cut).toBe('Secretary of State Marco Rubio abruptly pulled out of high-stakes Ukraine peace talks in London');
    expect(leadTitle('Trump told reporters that he had just one thing in mind for the summit with Putin in Alaska next week and that he loved deals.')).toBe(
      'Trump told reporters that he had just one thing in mind for the summit with Putin in Alaska next week…',
    );
  });
});

describe('multi-document ranking', () => {
  it('puts a fact three outlets report above one only one outlet reports', () => {
    const events = [
      rec('Reuters', ['Russia and Ukraine agreed to swap 1,000 prisoners each, the largest exchange of the war.', 'The talks in Istanbul lasted less than two hours on Friday.']),
      rec('AP', ['Russia and Ukraine agreed to exchange 1,000 prisoners of war each in the largest swap so far.']),
      rec('BBC', ['The two delegations agreed to a swap of 1,000 prisoners each, the largest exchange of the war.']),
      rec('Meduza', ['Medinsky said Russia was satisfied with the results of the meeting in Istanbul.']),
    ];
    const ranked = rankWindowFacts({ records: events, now: NOW });
    expect(ranked[0]?.fact.text).toMatch(/1,000 prisoners/);
    expect(ranked[0]?.outlets.size).toBe(3);
    const b = buildBriefing({ story, events, signals: [], now: MORNING_AFTER });
    // One bullet for the swap, citing all three outlets; the other reports of it are not repeated.
    expect(b.developments.filter((d) => /1,000 prisoners|swap of 1,000/.test(d.text))).toHaveLength(1);
    expect(b.developments[0]?.sources.map((s) => s.name).sort()).toEqual(['AP', 'BBC', 'Reuters']);
    expect(b.developments[0]?.sourceCount).toBe(3);
  });

  it('makes no bullet or watch item of a fact about another story the page also told, and keeps it in its record', () => {
    const gaza = 'The ministers also backed the plan to end the war in Gaza and called for more aid for its people.';
    const gazaAhead = 'Hamas is expected to hand over the remaining hostages in Gaza next week.';
    const event = rec('Wire', [
      'Foreign ministers of the G7 said on Wednesday that the current line of contact should be the starting point of negotiations between Russia and Ukraine.',
      gaza,
      gazaAhead,
      'They urged Moscow to agree to an immediate ceasefire in Ukraine.',
    ]);
    const b = buildBriefing({ story, events: [event], signals: [], now: MORNING_AFTER });
    const lines = [...b.developments.map((d) => d.text), ...b.watch.map((w) => w.text)];
    expect(lines.some((t) => /ceasefire in Ukraine|line of contact/.test(t))).toBe(true);
    expect(lines).not.toContain(gaza);
    expect(lines).not.toContain(gazaAhead);
    expect(event.facts.map((f) => f.text)).toContain(gaza);
  });

  it('after an event’s first bullet, takes its news before another outlet’s lead that restates it', () => {
    const event = rec('Wire', [
      'The second round of trilateral peace talks between Russia, Ukraine and the United States began in Abu Dhabi on February 4.',
      'Negotiators from three countries gathered on Wednesday for another round, hosted by the Emirates.',
      'On February 3 and 4, Russian forces launched massive strikes against the energy grid before the talks.',
    ]);
    const ranked = (
      [
        [0, 1.0, true],
        [1, 0.9, true],
        [2, 0.8, false],
      ] as const
    ).map(([index, score, sourceLead]) => {
      const fact = event.facts[index]!;
      return { rec: event, fact, id: `f${index + 1}`, index, score, features: featureSet(fact.text), outlets: new Set(['wire']), twins: [], sourceLead };
    });
    expect(selectFacts(ranked, 2).map((r) => r.index)).toEqual([0, 2]);
  });

  it('takes a fact of the same event that names only days a chosen one names for the same span in other words', () => {
    const event = rec('Wire', [
      'Russia declared a ceasefire that will take effect at midnight on May 8 and continue through May 10.',
      'Kyiv rejected the offer and called for an immediate 30-day ceasefire instead.',
      'The truce will take place from May 8 to May 10, according to an official statement released by the Kremlin.',
      'Zelensky said there was no reason to wait until May 8 to stop the fighting.',
    ]);
    const ranked = rankedFacts(event);
    // The span again goes; one day of it named in other news does not.
    expect(selectFacts(ranked, 4).map((r) => r.index)).toEqual([0, 1, 3]);
  });

  it('takes two outlets\' translations of one quotation once: half their words, but eight in the same order', () => {
    const event = rec('Wire', [
      '“Right now, Ukraine may be confronted with a very harsh choice: either the loss of its dignity, or the risk of losing a key partner,” Zelensky stressed, adding that he will work with the United States.',
      '"Ukraine may soon face an extremely difficult choice. Either the loss of dignity or the risk of losing a key partner. Either 28 complicated points or the hardest winter yet," Zelensky said on Telegram.',
      'In an address, Zelensky said he would present "arguments" and "alternatives" to the 28-point proposal drafted by the Trump administration.',
    ]);
    const ranked = rankedFacts(event);
    expect(selectFacts(ranked, 3).map((r) => r.index)).toEqual([0, 2]);
  });

  it('takes one speaker making one point twice in other words once, and another speaker on the same places as news', () => {
    const event = rec('Wire', [
      '"The conditions are very simple," Putin said, listing these as the full withdrawal of Ukrainian troops from the entire territory of the Donetsk, Luhansk, Kherson and Zaporizhzhia regions.',
      '"Ukrainian troops must be completely withdrawn from the Donetsk People\'s Republic, the Lugansk People\'s Republic, Kherson and Zaporizhzhia regions," Putin said in a televised address.',
      'Zelensky rejected the demand at once, saying Kyiv would never give up the Donetsk, Kherson and Zaporizhzhia regions its army still defends against the invasion.',
    ]);
    const ranked = rankedFacts(event, ['Vladimir Putin', 'Vladimir Putin', 'Volodymyr Zelensky']);
    expect(selectFacts(ranked, 3).map((r) => r.index)).toEqual([0, 2]);
  });

  it('ranks a sentence that points back to the one before it below one that stands alone', () => {
    const event = rec('Wire', [
      'Russia, Ukraine and the United States began a second round of talks in Abu Dhabi on Wednesday.',
      'These discussions in Abu Dhabi were part of efforts to end the war.',
      'The Emirates hosted the discussions as part of efforts to end the war.',
    ]);
    const order = rankWindowFacts({ records: [event], now: NOW }).map((r) => r.index);
    expect(order.indexOf(2)).toBeLessThan(order.indexOf(1));
  });

  it("does not count two facts as one when they share only the day's names: each is cited to its own outlets", () => {
    const events = [
      rec('Times', [
        "Russian President Vladimir Putin reaffirmed his country's commitment to resolving the conflict in Ukraine during a phone call with U.S. President Donald Trump on Thursday.",
        'Putin told Trump that Russia would not back down from its goals, the Kremlin said after the phone call.',
      ]),
      rec('Wire', [
        'U.S. President Donald Trump said on Thursday that a phone call with Russian President Vladimir Putin produced no progress toward ending the war in Ukraine.',
        'Trump said he was very disappointed with the phone call with Putin.',
        'The Kremlin said Putin and Trump discussed Iran during the call.',
      ]),
      rec('Daily', [
        'President Donald Trump said his Thursday phone call with President Vladimir Putin of Russia produced no progress on ending the war in Ukraine.',
        'Putin told Trump in the call that Moscow would pursue its goals in Ukraine, the Kremlin said.',
        'Trump and Putin also discussed trade projects in the call, the Kremlin said.',
      ]),
    ];
    const ranked = rankWindowFacts({ records: events, now: NOW });
    const framing = ranked.find((r) => r.fact.text.includes('reaffirmed'));
    const noProgress = ranked.find((r) => r.fact.text.startsWith('U.S. President'));
    expect(framing?.twins).toEqual([]);
    expect(noProgress?.twins.map((t) => t.fact.text)).toEqual([expect.stringContaining('President Donald Trump said his Thursday phone call')]);
  });

  it('ranks a recap of the story so far below the news of the day', () => {
    const event = rec('Wire', [
      'Trump said his phone call with Putin on Thursday made no progress on ending the war in Ukraine.',
      'Since taking office, Trump has attempted to broker a ceasefire between Ukraine and Russia to no avail.',
      'The Kremlin said Putin told Trump on Thursday that Russia would not give up its goals in Ukraine.',
    ]);
    const order = rankWindowFacts({ records: [event], now: NOW }).map((r) => r.index);
    expect(order.indexOf(2)).toBeLessThan(order.indexOf(1));
  });

  it("ranks the writer's comment (\"Granted, …\") below a report in the same words", () => {
    const lead = 'Trump said his phone call with Putin on Thursday made no progress on ending the war in Ukraine.';
    const claim = 'it is too much to expect Republican voters to back Ukraine if Zelensky rejects the White House peace plan.';
    const score = (text: string, outlet: string) => rankWindowFacts({ records: [rec(outlet, [lead, text])], now: NOW }).find((r) => r.index === 1)?.score ?? NaN;
    expect(score(`Granted, ${claim}`, 'Wire')).toBeLessThan(score(`Analysts say ${claim}`, 'Wire'));
  });

  it("ranks a speaker's courtesies (thanks, greetings, \"a great honor to be here\") below what the same speech says", () => {
    const lead = 'President Zelenskyy said at the summit in Vilnius that Ukraine now has security guarantees on the way to NATO.';
    // (Not ranked at all counts as below.)
    const score = (text: string) => rankWindowFacts({ records: [rec('Transcript', [lead, text])], now: NOW }).find((r) => r.index === 1)?.score ?? -Infinity;
    const news = score('The G7 leaders agreed on a joint declaration of long-term security commitments to Ukraine.');
    for (const courtesy of [
      'Thanks, you — thanks, Lithuanian, and Jens Stoltenberg, for the summit in Vilnius.',
      'I want to thank my fellow G7 leaders and President Zelenskyy for their work on the security commitments.',
      'Once again, it is a great honor to be here with our partners at the summit in Vilnius.',
      // After the names it is addressed to.
      'President Biden; Prime Minister Kishida; Chancellor — I don’t see — I see you — Chancellor Scholz; Prime Minister Sunak; President Macron: A great honor to be here.',
    ])
      expect(score(courtesy)).toBeLessThan(news);
  });

  it('ranks the war’s history told without the day below the news, and keeps news told with its history', () => {
    const event = rec('Wire', [
      'Washington and Moscow agreed to re-establish high-level military dialogue, the US military said.',
      'The conflict, which began in 2022, is the deadliest war in Europe since World War Two and the biggest confrontation between Moscow and the West.',
      'The Russian defence ministry said it had returned 157 Ukrainian prisoners of war in exchange for 157 Russian soldiers.',
    ]);
    const order = rankWindowFacts({ records: [event], now: NOW }).map((r) => r.index);
    expect(order.indexOf(2)).toBeLessThan(order.indexOf(1));
    const day = Date.parse('2025-11-15T12:00:00Z');
    for (const history of [
      'Russia controls around 18% of Ukraine’s internationally recognised territory, including the Crimean peninsula that Moscow annexed in 2014.',
      'The agreement, struck in July and guaranteed by the United Nations and Turkey, allows the export of grain from Black Sea ports.',
      'As of May 3, Russia was in control of around 18% of Ukrainian territory.',
      'The US halted military-to-military communication with Moscow just before Russia invaded Ukraine.',
      // What was done the last time, on an earlier day.
      'Russia and Ukraine last conducted a prisoner exchange on Oct. 2, 2024, as part of deals reached in Istanbul.',
      'He last met Putin on August 6.',
      // Told only of years well before the event's (2025 here), and of none of its days.
      'The conflict in eastern Ukraine began in 2014 after a Russia-friendly president was toppled in the Maidan Revolution.',
      'In February 2022, Putin triggered full-scale war by sending in thousands of troops.',
      'Ukraine gave up its nuclear arsenal under the 1994 Budapest Memorandum.',
      // A month told with its year, or of last year, six weeks or more before the event's day.
      'In August 2025, the Alaska summit became a flashpoint for Western unity, as the plan leaked to the press.',
      'On August 14 and 15 last year, President Zelenskyy travelled to Berlin to meet US envoys Witkoff and Kushner.',
      'In a phone conversation with Zelenskyy on 4 September 2025, Modi said there could be no military solution.',
      // A day told without its year, six weeks or more before the event's: the last such day before it.
      'The rival sides met in Istanbul on May 16 and June 2 amid US pressure to agree a ceasefire.',
      'On December 3, Witkoff and Kushner met Putin in Moscow.',
    ])
      expect(isBackground(history, day), history).toBe(true);
    for (const news of [
      'For the first time since Russia’s full-scale invasion of Ukraine in 2022, the United States, Russia and Ukraine are holding trilateral talks.',
      'Trump, who argued with Zelensky in a televised Oval Office meeting in March, called that an inflammatory statement.',
      'Putin opened the first joint press conference of a U.S. and Russian president since their summit in Helsinki in 2018.',
      'The conflict, which began in 2022, was the subject of talks in Geneva on Friday.',
      'The agreement, struck in November, allows the export of grain.',
      'The two sides last met on Friday in Geneva.',
      // An old year told with the day, or one that measures up to it, is the day's news.
      'Zelensky said on Tuesday that the 1994 Budapest Memorandum had failed Ukraine.',
      'The minister said Ukraine would not give up the territory lost since 2014.',
      'He said the pre-2014 borders were an unrealistic goal for the talks.',
      // A month of the year close to the day, or one told in an aside, is not history.
      'In October 2025, the first talks in Budapest were called off.',
      'Witkoff, who first met Putin in February 2025, said the talks made progress.',
      'The first round of talks, held in May last year, produced a prisoner exchange.',
      // A day without its year close to the event's, or one a sentence looks ahead to.
      'On November 10, the envoys met in Geneva.',
      'The delegations will meet again on December 3 in Abu Dhabi.',
    ])
      expect(isBackground(news, day), news).toBe(false);
  });

  it('makes no bullet of a "he" or "she" line with no speaker named, and ranks the same news that says who', () => {
    const event = rec('Wire', [
      'Russia, Ukraine and the United States began a second round of talks in Abu Dhabi on Wednesday.',
      'He last met Putin in Moscow on April 25 before the talks.',
      'Witkoff last met Putin in Moscow on April 25 before the talks.',
    ]);
    const order = rankWindowFacts({ records: [event], now: NOW }).map((r) => r.index);
    expect(order).toContain(2);
    expect(order).not.toContain(1);
  });

  it('makes no bullet of a quotation closed by "he said" with no speaker found, nor of a line about "the pair"', () => {
    const event = rec('Wire', [
      'Russia, Ukraine and the United States began a second round of talks in Abu Dhabi on Wednesday.',
      '“They are still 40 per cent higher than they were before the talks,” he said.',
      'The pair said the meeting focused on aligning positions on a 20-point plan for the talks.',
      'The impact of the talks was being felt in households across the UK, he added.',
    ]);
    expect(rankWindowFacts({ records: [event], now: NOW }).map((r) => r.index)).toEqual([0]);
  });

  it('makes no bullet of a line about "the latter" or "the former": who they are is the sentence before\'s', () => {
    const event = rec('Wire', [
      'Zelensky addressed the G20 summit in Bali by video on Tuesday and laid out a ten-point peace plan.',
      'The latter was listening to Zelensky in the hall.',
    ]);
    expect(rankWindowFacts({ records: [event], now: NOW }).map((r) => r.index)).toEqual([0]);
  });

  it('ranks a fact the window echoes above a stray one (centrality)', () => {
    const sets = ['putin trump call ceasefire talks', 'putin trump call talks immediately', 'trump putin call memorandum', 'weather rain kyiv'].map((t) => new Set(t.split(' ')));
    const scores = lexRank((i, j) => cosine(sets[i]!, sets[j]!), sets.length);
    expect(scores[0]).toBeGreaterThan(scores[3]!);
    expect(scores.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });

  it('prefers names and numbers to commentary per character (density)', () => {
    expect(informationDensity('Zelenskyy and Erdogan met in Ankara on 20 November to discuss a 28-point plan.')).toBeGreaterThan(
      informationDensity('Many observers believe that the situation remains very complicated and could change at any moment.'),
    );
  });

  it('ranks what the channel was sent, or saw the day before, lower (novelty)', () => {
    const call = 'Trump and Putin spoke for two hours by phone and agreed that talks would start at once.';
    const team = 'Ukraine named Rustem Umerov to lead its delegation to the talks in Istanbul.';
    const today = rec('Wire', [call, team], { occurredAt: '2025-05-20T05:00:00Z' });
    // Two outlets report the call: without novelty it leads.
    today.sources.push({ id: 't', name: 'Other Wire' });
    today.facts[0]!.alsoSources = ['t'];
    const since = new Date('2025-05-19T12:00:00Z');
    expect(buildBriefing({ story, events: [today], signals: [], now: MORNING_AFTER, since }).developments[0]?.text).toBe(call);
    expect(buildBriefing({ story, events: [today], signals: [], now: MORNING_AFTER, since, sent: [`${today.id}#f1`] }).developments[0]?.text).toBe(team);
    const yesterday = rec('Wire', [call], { occurredAt: '2025-05-19T08:00:00Z' });
    expect(buildBriefing({ story, events: [yesterday, today], signals: [], now: MORNING_AFTER, since }).developments[0]?.text).toBe(team);
  });

  it("gives the room after the lead to other news before repeating this window's question line", () => {
    const lead = 'Russia and Ukraine held their first direct talks since 2022 in Istanbul on Friday, with Turkish mediators present.';
    const demand = 'Russia demanded that Ukraine withdraw its troops from four regions before any ceasefire.';
    const swap = 'The delegations agreed to exchange 1,000 prisoners of war each.';
    const r = rec('Wire', [lead, demand, swap], { importance: 5 });
    const tagged = { ...r, facts: r.facts.map((f) => (f.text === demand ? { ...f, questions: ['territory'] } : f)) };
    const b = buildBriefing({ story, events: [tagged], signals: [], now: MORNING_AFTER });
    expect(b.questions.find((q) => q.id === 'territory')?.summary).toBe(demand);
    // Without the question line the demand (a position, with names and a number) would rank second.
    expect(b.developments.map((d) => d.text)).toEqual([lead, swap, demand]);
    expect(buildBriefing({ story, events: [tagged], signals: [], now: MORNING_AFTER, maxDevelopments: 2 }).developments.map((d) => d.text)).toEqual([lead, swap]);
  });

  it('keeps the lead even when a question line says the same thing (the headline and the bullets start from it)', () => {
    const lead = 'Russia demanded that Ukraine withdraw its troops from four regions before any ceasefire.';
    const r = rec('Wire', [lead, 'The delegations agreed to exchange 1,000 prisoners of war each.'], { importance: 5 });
    const tagged = { ...r, facts: r.facts.map((f) => (f.text === lead ? { ...f, questions: ['territory'] } : f)) };
    const b = buildBriefing({ story, events: [tagged], signals: [], now: MORNING_AFTER });
    expect(b.developments[0]?.text).toBe(lead);
  });

  it('never makes a bullet of a title, a sub-headline or chrome', () => {
    const r = rec('Wire', ['Key Takeaways From The Istanbul Talks', "But it 'went very well,' Trump says", 'Help us reach 30,000 members. 0 out of 30,000.', 'Russia and Ukraine held their first direct talks since 2022 in Istanbul on Friday.'], {
      title: 'Key Takeaways From The Istanbul Talks',
    });
    const b = buildBriefing({ story, events: [r], signals: [], now: MORNING_AFTER });
    expect(b.developments.map((d) => d.text)).toEqual(['Russia and Ukraine held their first direct talks since 2022 in Istanbul on Friday.']);
    expect(b.headline).toBe('Key Takeaways From The Istanbul Talks');
  });

  it('keeps the bundled story deterministic and traceable', () => {
    const records = sampleRecords();
    const b = buildBriefing({ story, events: records, signals: [], now: MORNING_AFTER });
    for (const d of b.developments) {
      const r = records.find((x) => x.id === d.eventId);
      expect(r?.facts.some((f, i) => (f.id ?? `f${i + 1}`) === d.factIds[0] && f.text === d.text)).toBe(true);
    }
    expect(JSON.stringify(buildBriefing({ story, events: [...records].reverse(), signals: [], now: MORNING_AFTER }))).toBe(JSON.stringify(b));
  });
});

describe('what to watch', () => {
  it("lists this window's forward-looking facts, and older ones only while their due date is ahead", () => {
    const old = rec('Wire', ['European diplomats plan to urge Washington to press Russia to agree to a ceasefire.'], { occurredAt: '2025-05-15T10:00:00Z' });
    const due = rec('Wire', ['Delegations are due to meet again in Istanbul on 2 June, Turkish officials said.'], { occurredAt: '2025-05-15T11:00:00Z' });
    const withWatch = (r: EventRecord, w: { due?: string }) => ({ ...r, facts: r.facts.map((f) => ({ ...f, watch: w })) });
    const today = rec('Wire', ['Russia and Ukraine held their first direct talks since 2022 in Istanbul on Friday.']);
    const b = buildBriefing({ story, events: [withWatch(old, {}), withWatch(due, { due: '2025-06-02' }), today], signals: [], now: MORNING_AFTER });
    expect(b.watch.map((w) => w.text)).toEqual(['Delegations are due to meet again in Istanbul on 2 June, Turkish officials said.']);
    // An earlier report's reminder says so: the text briefing fits it after the bullets, not before them.
    expect(b.watch[0]?.earlier).toBe(true);
    const fresh = buildBriefing({ story, events: [withWatch(today, { due: '2025-06-02' })], signals: [], now: MORNING_AFTER });
    expect(fresh.watch.length + fresh.developments.length).toBeGreaterThan(0);
    for (const w of fresh.watch) expect(w.earlier).toBeUndefined();
  });

  it('never repeats a bullet word for word', () => {
    const r = rec('Wire', ['Zelenskyy and Putin could meet in Istanbul next week, Turkish officials said.', 'Russia and Ukraine exchanged 390 prisoners on Friday in the first stage of a swap.'], {});
    const rf = { ...r, facts: r.facts.map((f, i) => (i === 0 ? { ...f, watch: {} } : f)) };
    const b = buildBriefing({ story, events: [rf], signals: [], now: MORNING_AFTER });
    const bullets = b.developments.map((d) => d.text);
    for (const w of b.watch) expect(bullets).not.toContain(w.text);
    expect([...bullets, ...b.watch.map((w) => w.text)].filter((t) => /next week/.test(t))).toHaveLength(1);
  });
  it("never repeats this window's question line", () => {
    const plan = 'Ukraine is expected to answer the Russian demand to withdraw from four regions next week.';
    const r = rec('Wire', ['Russia and Ukraine held their first direct talks since 2022 in Istanbul on Friday.', plan]);
    const rf = { ...r, facts: r.facts.map((f) => (f.text === plan ? { ...f, watch: {}, questions: ['territory'] } : f)) };
    // One bullet: the plan is no bullet, only the question's line, and what to watch must not say it again.
    const b = buildBriefing({ story, events: [rf], signals: [], now: MORNING_AFTER, maxDevelopments: 1 });
    expect(b.questions.find((q) => q.id === 'territory')?.summary).toBe(plan);
    expect(b.watch.map((w) => w.text)).not.toContain(plan);
  });
});

describe('the text budget', () => {
  function withFacts(texts: string[]): Briefing {
    const events = texts.map((t, i) => rec(`Outlet ${i}`, [t]));
    return buildBriefing({ story, events, signals: [], now: MORNING_AFTER });
  }
  const SHORT = [
    'Russia and Ukraine swapped 390 prisoners on Friday.',
    'Zelenskyy met Erdogan in Ankara on Wednesday.',
    'Witkoff flew to Moscow for a fifth meeting with Putin.',
    'The EU adopted its 19th package of sanctions.',
    'Macron hosted 35 leaders of the coalition in Paris.',
    'Peskov said no date was set for a summit.',
    'Umerov will lead the Ukrainian delegation in Geneva.',
    'Trump spoke with Merz, Starmer and Meloni by phone.',
    'Lavrov met Rubio in Riyadh for four hours.',
    'Kellogg visited Kyiv and toured a hospital.',
    'Dmitriev held talks with Kushner in Miami.',
    'Stubb said Finland would host the next round.',
  ];
  const short = SHORT;
  const long = SHORT.map(
    (t) => `${t.slice(0, -1)}, officials from several governments confirmed late in the evening, adding that further details would follow in the coming days.`,
  );
  it('carries more bullets when facts are short, never cuts one, and keeps the questions', () => {
    const s = renderText(withFacts(short));
    const l = renderText(withFacts(long));
    for (const out of [s, l]) {
      expect(out.length).toBeLessThanOrEqual(TEXT_LIMIT);
      expect(out).toContain('OPEN QUESTIONS');
      for (const line of out.split('\n').filter((x) => x.startsWith('• '))) expect(line).not.toMatch(/…/);
    }
    const count = (out: string) => out.split('\n').filter((x) => x.startsWith('• ') && !/^• (Territory|Security|Ukraine's response)/.test(x)).length;
    expect(count(s)).toBeGreaterThan(count(l));
    expect(count(s)).toBeGreaterThanOrEqual(8);
  });

  it('draws a question with nothing new in the window as status and date only while newer lines need the room', () => {
    const b = withFacts(SHORT);
    const out = renderText(b);
    // The bundled fixture story has no records here: every question is open with nothing in the window.
    for (const line of out.split('\n').filter((x) => /^• (Territory|Security guarantees|Ukraine's response):/.test(x))) expect(line).not.toMatch(/\[\d+\]$/);
    const stale: Briefing = {
      ...b,
      developments: b.developments.slice(0, 1),
      questions: b.questions.map((q) => ({ ...q, summary: 'Putin said Russia was ready to discuss compromises.', summaryAt: '2025-05-10T12:00:00.000Z', summarySource: { name: 'Wire' }, lastChangedAt: '2025-05-10T12:00:00.000Z' })),
    };
    // Room to spare: the older evidence is shown, cited.
    expect(renderText(stale)).toContain('Territory: OPEN since 10 May 2025 — Putin said Russia was ready to discuss compromises. [');
    // No room: status and date only.
    const tight = renderText(stale, { limit: 480 });
    expect(tight.length).toBeLessThanOrEqual(480);
    // The short line says how long the question has been quiet: since its newest evidence, here its change of status.
    expect(tight).toMatch(/: OPEN since 10 May 2025; nothing new since then\./);
    const later: Briefing = { ...stale, questions: stale.questions.map((q) => ({ ...q, lastChangedAt: '2025-05-02T12:00:00.000Z' })) };
    expect(renderText(later, { limit: 480 })).toMatch(/: OPEN since 2 May 2025; nothing new since 10 May 2025\./);
    expect(tight).toContain('• Lavrov met Rubio');
  });

  it('cites the source of each question line', () => {
    const out = renderText(buildBriefing({ story, events: sampleRecords(), signals: [], now: MORNING_AFTER }));
    const lines = out.split('\n').filter((x) => /^• (Territory|Security guarantees|Ukraine's response):/.test(x));
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatch(/\. \[\d+\]$|\.["”] \[\d+\]$/);
  });
});

it('featureSet stays the similarity the ranking uses', () => {
  expect(featureSet('Putin agreed to talks').has('putin')).toBe(true);
});
