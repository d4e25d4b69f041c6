import { describe, expect, it } from 'vitest';
import { buildBriefing } from '../../src/briefing/compose.js';
import { questionState, signalsOf } from '../../src/briefing/questions.js';
import { readStance } from '../../src/briefing/stance.js';
import { lineOutdated, questionLine, summaryLine } from '../../src/render/question-line.js';
import { renderText } from '../../src/render/text.js';
import { questionTags } from '../../src/ingest/keywords.js';
import { proposeSignals } from '../../src/ingest/signals.js';
import type { EventRecord, Fact } from '../../src/records/schema.js';
import { sampleStory } from '../helpers/fixtures.js';

const story = sampleStory();
const sides = story.sides;
const stance = (text: string, speaker?: string) => readStance(text, { sides, ...(speaker !== undefined ? { speaker } : {}) });

// Short sentences in the style of the wire reports of 2024–2025 on the talks.
describe('stance of a sentence, and whose it is', () => {
  it.each([
    ['Moscow demanded that Kyiv withdraw its troops from four regions.', 'demand', 'moscow'],
    ['Peskov said Ukraine must abandon its NATO ambitions.', 'demand', 'moscow'],
    ['Putin said Moscow would cease fire and begin talks if Ukraine pulled back troops from four regions.', 'demand', 'moscow'],
    ['Zelenskyy rejected the demand, saying Ukraine would never give up its land.', 'reject', 'kyiv'],
    ['The Kremlin dismissed the European plan as unacceptable.', 'reject', 'moscow'],
    ['Russia will never agree to European troops in Ukraine, Lavrov said.', 'reject', 'moscow'],
    ['Zelensky insisted on Monday there would be no territorial concessions.', 'reject', 'kyiv'],
    ['The authors of the plan called on Ukrainian President Volodymyr Zelensky to accept its conditions.', 'demand', undefined],
    ["Zelensky spoke after intense pressure from the American side to accept Trump's 28-point plan.", 'demand', 'washington'],
    ['Kyiv has said it is ready for a ceasefire now, while Moscow has said conditions must be met first.', 'demand', 'moscow'],
    ['But Ukraine has been resistant to the idea of ceding any territory.', 'reject', 'kyiv'],
    ["Ukraine's foreign ministry welcomed the proposal for a 30-day ceasefire.", 'accept', 'kyiv'],
    ['European leaders backed the plan for a reassurance force after a ceasefire.', 'accept', 'europe'],
    ['Putin said Russia was ready to discuss compromises.', 'propose', 'moscow'],
    ['According to two Ukrainian officials, the head of the Russian negotiating team, Vladimir Medinsky, rejected the proposal.', 'reject', 'moscow'],
    ['Witkoff proposed that Ukraine cede the rest of Donetsk in exchange for security guarantees.', 'propose', 'washington'],
    ['Witkoff informed Zelensky that Russia is willing to end the war.', 'propose', 'moscow'],
    ['After meeting Witkoff in Moscow, Putin rejected the 30-day truce.', 'reject', 'moscow'],
    ['Last week, when Zelensky met Witkoff in Paris, Putin rejected the 30-day truce.', 'reject', 'moscow'],
    ['The Kremlin did not rule out a meeting between Putin and Zelenskyy.', 'propose', 'moscow'],
    ['Ukraine should withdraw from Donetsk, Putin said.', 'demand', 'moscow'],
    // A condition with its subject after its verb takes no stance; nor does a name a preposition governs report one.
    ['Appearing with Zelensky, they warned that sanctions would be imposed should Putin not agree to the 30-day ceasefire.', 'none', undefined],
    ['Kyiv would fight on were Russia to reject the ceasefire.', 'none', undefined],
  ])('%s → %s (%s)', (text, want, side) => {
    const r = stance(text);
    expect(r.stance).toBe(want);
    expect(r.side).toBe(side);
  });

  it('reads the speaker as the side of a first-person quote', () => {
    expect(stance('"We will not cede our territory," Zelenskyy said.', 'Volodymyr Zelenskyy')).toMatchObject({ stance: 'reject', side: 'kyiv' });
    expect(stance('"We will not leave Donbas. We cannot do this," Zelenskyy told reporters.')).toMatchObject({ stance: 'reject', side: 'kyiv' });
    expect(stance('“Ukrainians will not give their land to the occupier,” Zelensky said.')).toMatchObject({ stance: 'reject', side: 'kyiv' });
  });

  it('reads an application, a request or a bid to join as a proposal of the side that makes it', () => {
    expect(stance('Kyiv on Friday announced an “accelerated” bid to join the alliance.')).toMatchObject({ stance: 'propose', side: 'kyiv' });
    expect(stance('Zelenskyy requested fast-track membership of NATO after the annexation.')).toMatchObject({ stance: 'propose', side: 'kyiv' });
    expect(stance('Ukraine applied to join NATO on Friday.')).toMatchObject({ stance: 'propose', side: 'kyiv' });
    expect(stance('Zelenskyy signed the country’s application for accession to NATO in a video.')).toMatchObject({ stance: 'propose', side: 'kyiv' });
  });

  it('reads seeking something as a proposal, but seeking to do something (an attempt) as no stance', () => {
    expect(stance('Kyiv sought security guarantees from Washington.')).toMatchObject({ stance: 'propose', side: 'kyiv' });
    expect(stance('Russia seeks full control of Donetsk.')).toMatchObject({ stance: 'propose', side: 'moscow' });
    expect(stance('Zelensky also sought to forge family ties during the meeting, handing his host a letter from the first lady.').stance).toBe('none');
  });

  it('takes negation into account: no agreement between two sides is a dispute', () => {
    expect(stance('Trump and Putin did not agree on a ceasefire.').stance).toBe('dispute');
    expect(stance('No deal was reached after the talks in Istanbul.').stance).toBe('dispute');
    expect(stance('Trump and Putin ended their summit in Alaska without a deal on a ceasefire.').stance).toBe('dispute');
    expect(stance('Kyiv and Moscow remain far apart on the fate of occupied regions.').stance).toBe('dispute');
    expect(stance('The Russian president said the talks had derailed because Kyiv made extra demands.').stance).toBe('dispute');
    expect(stance('Negotiations in Istanbul broke down after two hours.').stance).toBe('dispute');
  });

  it("reads one side's offer and another side's rejection in one sentence as a dispute", () => {
    expect(stance('Putin suggested Zelensky could travel to Moscow for talks, an offer dismissed as unacceptable by Ukraine.').stance).toBe('dispute');
  });

  it("reads a rejection of another side's calls, plan or terms, and a demand that side rejects, as a dispute", () => {
    // Each side keeps its part: a later stance of either is weighed against it.
    expect(stance('Trump pushed back on Zelenskyy’s calls for security guarantees for Ukraine.')).toMatchObject({
      stance: 'dispute',
      parties: [
        { side: 'washington', stance: 'reject' },
        { side: 'kyiv', stance: 'demand' },
      ],
    });
    expect(stance('Ukrainian and European officials have expressed resistance to aspects of Washington’s evolving proposals.').stance).toBe('dispute');
    expect(stance('Zelenskyy wants any final peace deal to include Western security guarantees, but Trump has so far refused to commit the United States.').stance).toBe('dispute');
    // History on its own is no news, but it is the other half of the day's demand.
    expect(stance('He also insisted that Ukraine abandon its bid to join NATO, conditions that Kyiv has repeatedly rejected.', 'Vladimir Putin').stance).toBe('dispute');
    expect(stance('Kyiv has repeatedly rejected such conditions.').stance).toBe('none');
    // A concession in the bare form after "insisted that" is what is demanded; one told as a fact is the subject's.
    expect(stance('Putin insisted that Ukraine withdraw from the Donbas region.')).toMatchObject({ stance: 'demand', side: 'moscow' });
    expect(stance('Zelensky insisted that Ukraine is ready to negotiate.')).toMatchObject({ stance: 'propose', side: 'kyiv' });
    expect(stance('Zelensky said the status of occupied territories and the Zaporizhzhia plant were among the most contentious issues.').stance).toBe('dispute');
    // Terms named with their author after them: a demand's conditions, a side's plan.
    expect(stance('Ukraine dismissed ceasefire conditions announced by Russian President Vladimir Putin on Friday as absurd.')).toMatchObject({
      stance: 'dispute',
      parties: [
        { side: 'kyiv', stance: 'reject' },
        { side: 'moscow', stance: 'demand' },
      ],
    });
    expect(stance('Kyiv rejected the plan put forward by Washington.').parties).toEqual([
      { side: 'kyiv', stance: 'reject' },
      { side: 'washington', stance: 'propose' },
    ]);
    // A demand and the rejection the concession it asks for met, set off after a comma.
    expect(stance('Russia demands Ukraine cede control over the rest of the Donetsk region, a concession Ukrainian President Volodymyr Zelensky has firmly rejected.')).toMatchObject({
      stance: 'dispute',
      parties: [
        { side: 'moscow', stance: 'demand' },
        { side: 'kyiv', stance: 'reject' },
      ],
    });
  });

  it('reads what is not known, conditions and indirect questions as no position', () => {
    expect(stance('It remains unclear whether Kyiv will accept the proposal.').stance).toBe('unknown');
    expect(stance('Neither side has outlined what it is willing to give up, or how far apart they are on territory.').stance).toBe('unknown');
    expect(stance('Previous rounds of negotiations have repeatedly stalled over territorial control.').stance).toBe('none');
    expect(stance('Will Kyiv accept the plan?').stance).toBe('none');
    // A position told as history is background, not that day's stance.
    expect(stance('In the past, Russia has rejected temporary ceasefires that would freeze current front lines.').stance).toBe('none');
    // "that endorses": the plan endorses, not the side named first.
    expect(stance('Zelenskyy vowed he would never betray Ukraine after the US presented Kyiv with a peace plan that endorses key Russian demands.').side).toBeUndefined();
  });

  it('reads a negation across "or" and "pushed back on" as rejections', () => {
    expect(stance('Zelenskyy said Ukraine would not take part in the Saudi Arabia-based talks or recognize any potential agreement reached in its absence.')).toMatchObject({ stance: 'reject', side: 'kyiv' });
    expect(stance('Trump pushed back on European calls for security guarantees for Ukraine.')).toMatchObject({ stance: 'reject', side: 'washington' });
    // A comma ends the negation: what follows is a position of its own.
    expect(stance('Ukraine does not want war, and is ready to agree to a ceasefire or a truce.')).toMatchObject({ stance: 'propose', side: 'kyiv' });
    expect(stance('Kyiv will accept the plan or propose changes, Zelensky said.').stance).toBe('accept');
  });

  it('reads a contracted negation ("won\'t", "didn’t", "can\'t") as the words written out', () => {
    // A "won't" had read as its opposite: Kyiv offering the land it refused to give up.
    expect(stance("Zelenskyy says Ukraine won't surrender land to Russia.", 'Zelenskyy')).toMatchObject({ stance: 'reject', side: 'kyiv' });
    expect(stance('Kyiv won’t cede any land.')).toMatchObject({ stance: 'reject', side: 'kyiv' });
    expect(stance("Moscow doesn't accept the proposal.")).toMatchObject({ stance: 'reject', side: 'moscow' });
    expect(stance('Zelensky said Ukraine wouldn’t accept the plan or recognise the annexation.')).toMatchObject({ stance: 'reject', side: 'kyiv' });
    expect(stance("Trump and Putin didn't agree on a ceasefire.").stance).toBe('dispute');
    expect(stance("Zelensky said he didn't rule out talks with Putin.", 'Zelensky')).toMatchObject({ stance: 'propose', side: 'kyiv' });
    expect(stance('The Kremlin hasn’t responded to the plan.').stance).toBe('unknown');
    expect(stance("Peskov didn't say when talks would resume.").stance).toBe('unknown');
  });
});

describe('sides that oppose one another, and questions asked of one side', () => {
  const read = (text: string) => stance(text);
  it("contests a demand against an opposed side's proposal; a question asked of Kyiv only by a conflict Kyiv is in", async () => {
    const { statusAfter } = await import('../../src/briefing/question-status.js');
    const stances = new Map();
    let s = statusAfter('open', read('Putin said any deal would have to remove the root causes of the conflict.'), stances, undefined, sides);
    expect(s).toBe('moved');
    s = statusAfter(s, read('European leaders backed the plan for a reassurance force after a ceasefire.'), stances, undefined, sides);
    expect(s).toBe('moved');
    s = statusAfter(s, read('Macron proposed a reassurance force of European troops after a ceasefire.'), stances, undefined, sides);
    expect(s).toBe('contested');
    // Asked of Kyiv: Kyiv's proposal against Moscow's demand is movement, its rejection is a conflict.
    const kyiv = new Map();
    let k = statusAfter('open', read('Moscow demanded that Kyiv withdraw its troops from four regions.'), kyiv, undefined, sides, ['kyiv']);
    k = statusAfter(k, read('Zelenskyy offered to drop the NATO bid in exchange for security guarantees.'), kyiv, undefined, sides, ['kyiv']);
    expect(k).toBe('moved');
    k = statusAfter(k, read('Zelenskyy rejected the demand, saying Ukraine would never give up its land.'), kyiv, undefined, sides, ['kyiv']);
    expect(k).toBe('contested');
  });

  it("holds every position a side took on its latest day, whatever order the day's reports were stored in, until a later day's", async () => {
    const { statusAfter } = await import('../../src/briefing/question-status.js');
    const at = (d: number) => Date.parse(`2025-08-${String(d).padStart(2, '0')}T12:00:00Z`);
    const demand = read('Moscow demanded that Kyiv withdraw its troops from four regions.');
    const refusal = read('Zelenskyy rejected the demand, saying Ukraine would never give up its land.');
    const offer = read('Zelenskyy offered to drop the NATO bid in exchange for security guarantees.');
    // The same day's refusal and offer, in either order: the refusal still stands against the demand.
    for (const day of [[refusal, offer], [offer, refusal]]) {
      const held = new Map();
      let s = statusAfter('open', demand, held, undefined, sides, ['kyiv'], at(8));
      for (const r of day) s = statusAfter(s, r, held, undefined, sides, ['kyiv'], at(9));
      expect(s).toBe('contested');
    }
    // A later day's offer alone is Kyiv's position from then on.
    const held = new Map();
    let s = statusAfter('open', demand, held, undefined, sides, ['kyiv'], at(8));
    s = statusAfter(s, refusal, held, undefined, sides, ['kyiv'], at(9));
    s = statusAfter(s, offer, held, undefined, sides, ['kyiv'], at(10));
    expect(s).toBe('moved');
  });

  it("tags Kyiv's response only on what Kyiv's side says or does", () => {
    const tags = (t: string, speaker?: string) => questionTags(t, story.questions, { ...(sides ? { sides } : {}), ...(speaker ? { speaker } : {}) });
    // A person introduced by the side they serve speaks for it.
    expect(tags('Iryna Vereshchuk, Ukraine’s deputy prime minister, said Russia’s plan was “not an acceptable choice.”')).toContain('ukraine-response');
    expect(tags('Ukraine on Tuesday signalled its readiness to accept a US proposal for a 30-day ceasefire.')).toContain('ukraine-response');
    expect(tags('"We propose that the Kiev government resume negotiations immediately," Mr. Putin declared.')).not.toContain('ukraine-response');
    expect(tags('He urged Kyiv to make a deal to end the invasion.')).not.toContain('ukraine-response');
    expect(tags('"They handed it over to us during the meeting, so we cannot respond to it yet," he added.', 'Rustem Umerov')).toContain('ukraine-response');
    // The other side named further on is the object; one joined to it ("Kyiv and Moscow") shares the subject.
    expect(tags('Kyiv has not commented on the proposal from Putin.')).toContain('ukraine-response');
    expect(tags('Kyiv and Moscow have not commented on the proposal.')).not.toContain('ukraine-response');
    // A contraction, in either apostrophe, is the auxiliary written out.
    expect(tags('Lavrov said Kyiv didn’t respond to the proposal.')).toContain('ukraine-response');
    expect(tags('Kyiv won’t send a delegation to the talks in Istanbul.')).toContain('ukraine-response');
  });

  it('reads Kyiv inside what another side asserts as claimed of it, save a past act the claim reports', () => {
    const tags = (t: string) => questionTags(t, story.questions, sides ? { sides } : {});
    expect(tags('President Donald Trump picked a new fight with Russia, asserting that Ukraine can reclaim all its territory.')).not.toContain('ukraine-response');
    expect(tags('Lavrov said that Kyiv had rejected the plan for talks.')).toContain('ukraine-response');
    // "…, Dmitry Peskov had recently stated": the quote is Moscow's, whatever it says of Kyiv.
    const peskov =
      '“European countries are currently showing no interest in peace and are doing nothing to promote it; on the contrary, their leaders are encouraging Kiev to continue military operations”, Dmitry Peskov had recently stated.';
    expect(tags(peskov)).not.toContain('ukraine-response');
    expect(stance('“We are ready for talks”, Dmitry Peskov had recently stated.').side).toBe('moscow');
  });

  it('reads "unrealistic" as a rejection, and a side after a preposition or an -ing verb, or listed after one, as no subject', () => {
    expect(stance('Hegseth said the possibility of Ukraine joining NATO and the restoration of Ukraine’s pre-2014 borders were "unrealistic."')).toMatchObject({ stance: 'reject', side: 'washington' });
    expect(stance('A ceasefire by Easter is not realistic, officials said.').stance).toBe('reject');
    // Declaring foreign troops targets is Moscow's rejection of them.
    expect(stance('Russia warned that any foreign troops deployed to Ukraine would be treated as legitimate military targets.')).toMatchObject({ stance: 'reject', side: 'moscow' });
    const delegations = 'Delegations from the United States, Ukraine, and European countries convened in Geneva for talks on a new U.S. proposal to end the war.';
    expect(questionTags(delegations, story.questions, sides ? { sides } : {})).not.toContain('ukraine-response');
  });

  it('takes a side named inside a quotation for no subject of the verb outside it', () => {
    const quote = '“There are no limitations for the defense of Ukraine,” Macron insisted, stressing the coalition’s readiness to deter Russia.';
    expect(stance(quote).side).toBe('europe');
    expect(questionTags(quote, story.questions, sides ? { sides } : {})).not.toContain('ukraine-response');
    expect(stance('“We will not give up our land,” Zelensky insisted.').side).toBe('kyiv');
    // Foreign troops' presence on land, at sea or in the air on Ukrainian territory is no land changing hands.
    const troops = '“Today, 26 countries have committed to deploying troops to Ukraine or to ensuring their presence on land, at sea or in the air on Ukrainian territory,” Macron said.';
    expect(questionTags(troops, story.questions, sides ? { sides } : {})).not.toContain('territory');
  });

  it('reads an obligation put on Kyiv ("Kiev must …", "Kyiv has to …") as asked of it, not its answer', () => {
    const tags = (t: string) => questionTags(t, story.questions, sides ? { sides } : {});
    expect(tags('Kiev must either implement a package of measures or withdraw its troops from the four regions within 30 days.')).not.toContain('ukraine-response');
    expect(tags('Kyiv has to accept the plan by Thursday, Trump said.')).not.toContain('ukraine-response');
    expect(tags('Kyiv has accepted the plan, Trump said.')).toContain('ukraine-response');
  });

  it('takes a side in a dash compound for no actor, and a statement of both sides for neither', () => {
    const tags = (t: string) => questionTags(t, story.questions, sides ? { sides } : {});
    expect(tags('A new diplomatic twist has emerged in the Russia–Ukraine talks after Trump claimed a deal was close.')).not.toContain('ukraine-response');
    expect(tags('Ukraine-Russia negotiations will continue next week, the Kremlin said.')).not.toContain('ukraine-response');
    expect(stance('Russia and Ukraine will hold US-brokered talks in Geneva, both countries have said, announcing the next round.').side).toBeUndefined();
    // Inverted after the quote: who states it follows the verb.
    expect(stance('Kyiv would reject the plan, said the Kremlin spokesman Peskov.').side).toBe('kyiv');
    expect(tags('No trilateral contacts with the Ukrainian side are planned, added the source in the Russian government.')).not.toContain('ukraine-response');
  });
});

describe('question tags need the keyword in a sense that bears on the question', () => {
  const tags = (t: string) => questionTags(t, story.questions, sides ? { sides } : {});
  it("does not give Kyiv what others say beside Zelensky", () => {
    expect(tags('Appearing at a news conference with Zelensky, they warned that new sanctions would be imposed on Russia should Putin not agree to the ceasefire.')).not.toContain('ukraine-response');
  });

  it("finds the bundled story's context words as words, not inside others, and still in their negated and repeated forms", () => {
    expect(tags('Ukraine has already stepped up its attacks against the peninsula.')).toEqual([]); // "ready"
    expect(tags("Ukraine's revenues from grain exports fell in March, Kyiv said.")).toEqual([]); // "venue"
    expect(tags("Kyiv's opposition leaders criticised the budget on Tuesday.")).toEqual([]); // "position"
    expect(tags('A drone attack on Crimea preceded the strikes on Kherson.')).toEqual([]); // "cede"
    expect(tags("Zelensky said Ukraine's disclaimer on the website was an ideal example.")).toEqual([]); // "claim", "deal"
    expect(tags('Zelensky said Ukraine would never concede its land.')).toEqual(['territory', 'ukraine-response']);
    expect(tags('Kyiv called the Russian proposal unacceptable.')).toEqual(['ukraine-response']);
    expect(tags('Trump said Ukraine could reclaim all of its territory.')).toEqual(['territory']);
  });

  it('does not file Territorial Defence Forces, territorial waters or strikes on a city as territory', () => {
    expect(tags('The exchange included fighters of the Territorial Defence Forces and the National Guard.')).toEqual([]);
    expect(tags('China said the Philippine vessel had illegally entered its territorial waters.')).toEqual([]);
    expect(tags('Russian forces captured two villages in the Donetsk region, the defence ministry said.')).toEqual([]);
    expect(tags('Russian drone strikes on Kyiv killed three people overnight.')).toEqual([]);
    // Land in the words reports use: getting out of, control of, the status of, giving up.
    expect(tags('Russia demands that Ukraine get out of Donbas before any ceasefire.')).toContain('territory');
    expect(tags('Moscow is seeking full control of the Donetsk region.')).toContain('territory');
    expect(tags('The status of Donbass remains the main obstacle.')).toContain('territory');
    expect(tags('Zelensky rejected giving up Ukrainian land in exchange for peace.')).toContain('territory');
    expect(tags('The United States and Britain would act as guarantors of the deal.')).toContain('security-guarantees');
    expect(tags('Ukraine would adopt a neutral, off-bloc and nuclear-free status.')).toContain('security-guarantees');
    // A "frontline ceasefire" and "silence at the front" are a truce, not land.
    expect(tags('Putin is preparing to reject the idea of a frontline ceasefire, Zelensky said in his evening address.')).not.toContain('territory');
    // Refugees fleeing across a border draw no border.
    expect(tags('The war has forced 2.2 million refugees to flee across Ukraine’s borders, as talks in Antalya ended without a ceasefire.')).not.toContain('territory');
    // Where foreign troops would be stationed is no land changing hands; going back to the pre-2014 borders is.
    expect(tags('European leaders agreed to station foreign troops on Ukrainian territory after a ceasefire.')).not.toContain('territory');
    expect(tags('Hegseth said returning to Ukraine’s pre-2014 borders is an unrealistic objective.')).toContain('territory');
    // How far a truce reaches is no land changing hands; a truce on the current front line freezes it.
    expect(tags('Trump proposed a complete ceasefire for 30 days in the Black Sea and along the frontline.')).not.toContain('territory');
    expect(tags('Putin wants a ceasefire along the current front line, which would freeze the conflict.')).toContain('territory');
    // Who keeps the land, and how much of it each side holds, are the terms themselves.
    expect(tags('Russia would be allowed to keep the land its forces have seized and rejoin the G8.')).toContain('territory');
    expect(tags('Ukraine still controls about 14.5% of that territory, the plan notes.')).toContain('territory');
    expect(tags('Ukraine wants to keep its land safe from attacks from Russia.')).not.toContain('territory');
  });

  it('files a multinational force, foreign troops\' presence and keeping Ukraine out of NATO as security guarantees', () => {
    const sg = (t: string) => tags(t).includes('security-guarantees');
    expect(sg('Plans were made to establish a multinational force, made up of contributions from coalition countries, to reassure Ukraine’s military.')).toBe(true);
    expect(sg('The memorandum demands the exclusion of the military presence of third countries on Ukrainian territory.')).toBe(true);
    expect(sg('Putin seeks recognition of Russia’s gains and NATO exclusion for Ukraine.')).toBe(true);
    // A bilateral Agreement on Security Cooperation is one of the guarantees; security cooperation as such is not.
    expect(sg('Sunak met Zelenskyy in Kyiv to sign a historic UK-Ukraine Agreement on Security Cooperation.')).toBe(true);
    expect(sg('The two countries discussed security cooperation and intelligence sharing.')).toBe(false);
    // Help "in the event of a new attack", and foreign troops sent to Ukraine, are guarantees whatever they are called.
    expect(sg('The pact commits the UK to provide swift assistance in the event of a new Russian attack.')).toBe(true);
    expect(sg('Russia warned that any Western troops deployed to Ukraine under a peace settlement would be legitimate targets.')).toBe(true);
    expect(sg('Ukrainian troops deployed in Ukraine’s east repelled an assault.')).toBe(false);
    expect(sg('The pact commits the UK to consult with Ukraine in the event it is ever attacked by Russia again.')).toBe(true);
    // Recognising a conquest is recognising land changing hands.
    expect(tags('Russia continues to demand that Ukraine recognises its conquest of a fifth of the country.')).toContain('territory');
  });

  it('does not file NATO summit logistics as security guarantees', () => {
    expect(tags('Allied leaders will gather for the NATO summit in The Hague on June 24 and 25.')).toEqual([]);
  });

  it('files a place or name next to a word about the deal', () => {
    expect(tags('Moscow demanded that Kyiv withdraw its troops from four regions before any ceasefire.')).toContain('territory');
    expect(tags('"We will not leave Donbas," Zelenskyy said.')).toEqual(expect.arrayContaining(['territory', 'ukraine-response']));
    expect(tags('Peskov said Ukraine must give up its bid to join NATO.')).toEqual(['security-guarantees']);
    expect(tags('Europe is preparing a reassurance force to deploy after a ceasefire.')).toEqual(['security-guarantees']);
    expect(tags('Zelenskyy proposed a high-level meeting of Ukraine, Russia, the US, the EU and the UK.')).toEqual(['ukraine-response']);
  });
});

const day = (n: number) => `2025-08-${String(n).padStart(2, '0')}T12:00:00Z`;
function event(id: string, at: string, facts: Array<Partial<Fact> & { text: string }>, source = 'Wire'): EventRecord {
  return {
    id,
    story: 'ukraine-ceasefire',
    occurredAt: at,
    title: `Event ${id} headline words`,
    sources: [{ id: 's', name: source, url: `https://example.test/${id}` }],
    facts: facts.map((f) => ({ source: 's', questions: ['territory'], ...f })),
  };
}
/** Records as ingestion writes them: signals proposed from their facts. */
function ingested(rec: EventRecord): EventRecord {
  const signals = proposeSignals(rec.facts, story);
  return signals.length > 0 ? { ...rec, signals } : rec;
}
function territory(records: EventRecord[], now: string, since?: string) {
  const all = records.map(ingested);
  const b = buildBriefing({ story, events: all, signals: signalsOf(all), now: new Date(now), ...(since ? { since: new Date(since) } : {}) });
  const q = b.questions.find((x) => x.id === 'territory');
  if (!q) throw new Error('no territory question');
  return q;
}

describe('question status follows the sides', () => {
  const demand = event('demand', day(12), [{ text: 'Putin wants Kyiv to withdraw from the rest of the Donetsk region as part of a ceasefire deal.' }]);
  const refusal = event('refusal', day(13), [{ text: 'Zelenskyy rejected any withdrawal from Donbas, calling it unconstitutional.', speaker: 'Volodymyr Zelenskyy' }]);
  const mention = event('mention', day(14), [{ text: 'Donetsk has been at the centre of the fighting since 2014, and of every ceasefire plan.' }]);

  it("is moved by one side's demand and contested once the other side rejects it", () => {
    expect(territory([demand], day(13))).toMatchObject({ status: 'moved', lastChangedAt: '2025-08-12T12:00:00.000Z' });
    const q = territory([demand, refusal], '2025-08-14T07:00:00Z');
    expect(q).toMatchObject({ status: 'contested', lastChangedAt: '2025-08-13T12:00:00.000Z', changedInWindow: true, previousStatus: 'moved' });
    expect(q.summary).toMatch(/^Zelenskyy rejected/);
    expect(q.summarySource?.name).toBe('Wire');
  });

  it('does not change on a mere mention, but shows that day’s evidence', () => {
    const q = territory([demand, refusal, mention], '2025-08-15T07:00:00Z');
    expect(q.status).toBe('contested');
    expect(q.lastChangedAt).toBe('2025-08-13T12:00:00.000Z');
    expect(q.changedInWindow).toBe(false);
    expect(q.summary).toMatch(/^Donetsk has been/);
  });

  it('shows the newest of equally weighty evidence, and an older position outside the window', () => {
    const again = event('again', day(16), [{ text: 'Peskov said Russia still demanded that Ukraine leave the Donetsk region.' }]);
    expect(territory([demand, refusal, again], '2025-08-17T07:00:00Z').summary).toMatch(/^Peskov said/);
    expect(territory([demand, refusal, mention], '2025-08-20T07:00:00Z').summary).toMatch(/^Zelenskyy rejected/);
  });

  it('names who said a question line that does not name them, in every format', () => {
    const said = event('said', day(13), [{ text: 'He also said the restoration of Ukraine’s pre-2014 borders was unrealistic.', speaker: 'Pete Hegseth' }]);
    const q = territory([demand, said], '2025-08-14T07:00:00Z');
    expect(q.summarySpeaker).toBe('Pete Hegseth');
    expect(summaryLine(q)).toBe('He also said the restoration of Ukraine’s pre-2014 borders was unrealistic. (Pete Hegseth)');
    // A sentence that names its speaker keeps as it is.
    expect(summaryLine({ ...q, summary: 'Hegseth said the borders were unrealistic.' })).toBe('Hegseth said the borders were unrealistic.');
  });

  it('never shows a line older than the status: the report of the change first, else status and date alone', () => {
    // The refusal that contests the question is no sentence to quote (cut off by the page), so no line tells the change.
    const cut = event('cut', day(13), [{ text: 'Zelenskyy rejected any withdrawal from Donbas, calling it', speaker: 'Volodymyr Zelenskyy' }]);
    const q = territory([demand, cut], '2025-08-20T07:00:00Z');
    expect(q).toMatchObject({ status: 'contested', lastChangedAt: '2025-08-13T12:00:00.000Z' });
    expect(lineOutdated(q)).toBe(true);
    expect(questionLine(q, [q])).toBe('');
    const b = buildBriefing({ story, events: [demand, cut], signals: [], now: new Date('2025-08-20T07:00:00Z') });
    expect(renderText(b)).toMatch(/Territory: CONTESTED since 13 Aug 2025; nothing new since then\./);
    expect(renderText(b)).not.toMatch(/Territory[^\n]*Putin wants/);
    // A mention after the change is reported at or after it: it may be the line, as it was before.
    const later = territory([demand, refusal, mention], '2025-08-20T07:00:00Z');
    expect(lineOutdated(later)).toBe(false);
  });

  // The territory line of one event of 16 August, from its facts alone (a signal's own evidence fact wins over them: an
  // author's or ingestion's choice), nothing on screen yet, on the morning after.
  const territoryLineOf = (facts: Array<{ text: string }>): string => {
    const e = event('lines', day(16), facts);
    const question = story.questions.find((q) => q.id === 'territory');
    if (!question) throw new Error('no territory question');
    const now = Date.parse('2025-08-17T07:00:00Z');
    return questionState({ question, signals: [], records: new Map([[e.id, e]]), window: { from: now - 86_400_000, to: now }, now, evidenceLimit: 3, ...(sides ? { sides } : {}) }).summary;
  };

  it('shows, of equally weighty evidence of the same time, the sentence that names more in fewer words', () => {
    const line = territoryLineOf([
      { text: 'Peskov said Russia still demanded that Ukraine leave the regions it claims as its own before any ceasefire could begin.' },
      { text: 'Peskov said Russia still demanded that Ukraine leave Donetsk, Luhansk, Zaporizhzhia and Kherson.' },
    ]);
    expect(line).toMatch(/Donetsk, Luhansk/);
  });

  it('shows, of equally weighty evidence, a line that reads away from its article and is news, not history', () => {
    const line = territoryLineOf([
      { text: 'He said Ukraine’s pre-2014 borders, Crimea and Donbas were "unrealistic."' },
      { text: 'Russia controls around 18% of Ukraine’s internationally recognised territory, including Crimea, which Moscow annexed in 2014.' },
      { text: 'The US defence secretary said in a speech to allies that restoring the pre-2014 borders of Ukraine was an "unrealistic" goal.' },
    ]);
    expect(line).toMatch(/^The US defence secretary said/);
  });

  it('shows, of equally weighty evidence, the day\'s line before one that tells where the question stood days before', () => {
    const line = territoryLineOf([
      { text: 'Just days ago, Zelensky ruled out ceding Donetsk, Luhansk, Zaporizhzhia or Kherson to Russia.' },
      { text: 'A US official said in a speech to allies that restoring the old borders of Ukraine was an unrealistic goal for the talks.' },
    ]);
    expect(line).toMatch(/^A US official said/);
  });

  it('shows, of equally weighty evidence, the day\'s line before what earlier rounds did or what years long past saw', () => {
    expect(
      territoryLineOf([
        { text: 'Previous rounds of talks between Russian and Ukrainian officials have failed to yield a compromise on the territory Moscow demands.' },
        { text: 'A US official said in a speech to allies that restoring the old borders of Ukraine was an unrealistic goal for the talks.' },
      ]),
    ).toMatch(/^A US official said/);
    expect(
      territoryLineOf([
        { text: 'Ukraine gave up its claim to the territory in the 1994 Budapest agreement, in exchange for promises of its borders.' },
        { text: 'A US official said in a speech to allies that restoring the old borders of Ukraine was an unrealistic goal for the talks.' },
      ]),
    ).toMatch(/^A US official said/);
    // A position told as one held in the past, or as things stood then, is where the question stood before.
    for (const past of [
      'The Ukrainian president has ruled out in the past ceding any territory to Russia in the talks.',
      'Russia rejected the proposal, saying it would not give up territory it had taken, about one-fifth of Ukraine by then.',
    ])
      expect(
        territoryLineOf([{ text: past }, { text: 'A US official said in a speech to allies that restoring the old borders of Ukraine was an unrealistic goal for the talks.' }]),
      ).toMatch(/^A US official said/);
    // A year of the event's own (2025 here) is the day's news, told with its date.
    expect(
      territoryLineOf([
        { text: 'Ukraine gave up its claim to the territory in the 2025 Budapest agreement, in exchange for promises of its borders.' },
        { text: 'A US official said in a speech to allies that restoring the old borders of Ukraine was an unrealistic goal for the talks.' },
      ]),
    ).toMatch(/^Ukraine gave up/);
  });

  it("answers a question asked of Kyiv with Kyiv's position before a newer one of another side", () => {
    const tag = { questions: ['ukraine-response'] };
    const kyiv = event('kyiv', '2025-08-12T09:00:00Z', [{ text: 'Zelenskyy agreed to send a delegation to the talks in Istanbul.', ...tag }]);
    const moscow = event('moscow', '2025-08-12T15:00:00Z', [{ text: 'Peskov rejected reports that the Kremlin had cancelled the prisoner exchange.', ...tag }]);
    const all = [kyiv, moscow].map(ingested);
    const b = buildBriefing({ story, events: all, signals: signalsOf(all), now: new Date('2025-08-13T07:00:00Z') });
    expect(b.questions.find((q) => q.id === 'ukraine-response')?.summary).toMatch(/^Zelenskyy agreed/);
  });

  it("answers a question asked of Kyiv with Kyiv's own act of the day before another side's stance on it", () => {
    const tag = { questions: ['ukraine-response'] };
    const day = event('day', '2025-08-12T12:00:00Z', [
      { text: 'According to two Ukrainian officials, Medinsky denied at the meeting that Russia had taken Ukrainian children.', ...tag },
      { text: 'The Ukrainian delegation arrived in Istanbul with clear points for the talks, said Defense Minister Rustem Umerov.', speaker: 'Rustem Umerov', ...tag },
      { text: 'Ukraine could not join NATO and would not get its pre-2014 borders back, Hegseth said after the talks.', speaker: 'Pete Hegseth', ...tag },
    ]);
    const all = [day].map(ingested);
    const b = buildBriefing({ story, events: all, signals: signalsOf(all), now: new Date('2025-08-13T07:00:00Z') });
    expect(b.questions.find((q) => q.id === 'ukraine-response')?.summary).toMatch(/^The Ukrainian delegation arrived/);
  });

  it('points a question line to another only when both show the same report, not when neither has evidence', () => {
    const untagged = event('untagged', day(13), [{ text: 'Putin declared an Easter truce from 18:00 on Saturday to midnight on Sunday.', questions: [] }]);
    const b = buildBriefing({ story, events: [untagged], signals: [], now: new Date('2025-08-14T07:00:00Z') });
    expect(b.questions.every((q) => q.sameAs === undefined)).toBe(true);
  });

  it("takes for the line the position the day's reports echo before a newer one that no other report takes up", () => {
    const reports = [
      event('reuters', '2025-08-12T08:00:00Z', [{ text: "Ukraine rejects Russia's demand that it cede the rest of the Donbas region, Zelenskyy said on Tuesday." }], 'Reuters'),
      event('ap', '2025-08-12T09:00:00Z', [{ text: "Zelenskyy rejected Russia's demand that Ukraine cede the rest of the Donbas region to end the war." }], 'AP'),
      event('bbc', '2025-08-12T10:00:00Z', [{ text: "Kyiv again rejected Moscow's demand that it cede the rest of the Donbas region." }], 'BBC'),
      event('blog', '2025-08-12T16:00:00Z', [{ text: 'Zelenskyy rejected any plan to trade the Zaporizhzhia nuclear plant for land held in the south.' }], 'Blog'),
    ];
    const q = territory(reports, '2025-08-13T07:00:00Z', '2025-08-11T18:00:00Z');
    expect(q.summary).toMatch(/demand that (?:it|Ukraine) cede the rest of the Donbas region/);
    // Alone, the newer position is the line.
    expect(territory(reports.slice(3), '2025-08-13T07:00:00Z', '2025-08-11T18:00:00Z').summary).toMatch(/^Zelenskyy rejected any plan/);
  });

  it('takes a fragment or a headline for no question line', () => {
    const fragment = event('fragment', day(13), [{ text: 'Starting with the territorial concessions for Kyiv that are not yet defined' }]);
    expect(territory([demand, fragment], '2025-08-14T07:00:00Z').summary).toMatch(/^Putin wants Kyiv/);
  });

  it('proposes contested for one event whose sources report both sides at odds', () => {
    const both = event('both', day(12), [
      { text: 'Moscow demanded that Kyiv withdraw its troops from four regions.' },
      { text: 'Zelenskyy rejected the demand, saying Ukraine would never give up its land.' },
    ]);
    expect(proposeSignals(both.facts, story)).toEqual([expect.objectContaining({ question: 'territory', status: 'contested', fact: 'f2' })]);
    const mentionOnly = proposeSignals(mention.facts, story);
    expect(mentionOnly[0]?.status).toBe('open');
  });
});
