import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/ingest/analyze.js';
import { introducedBy } from '../../src/ingest/quotes.js';
import { extractEntities } from '../../src/ingest/entities.js';
import { analyzed } from './analyzed.js';
import { sampleStory } from '../helpers/fixtures.js';

const NOW = new Date('2025-05-21T10:00:00Z');

/** Each fact's text start → its speaker (or "-"); `page` gives the page's title, source or time. */
function speakers(text: string, page: { title?: string; sourceName?: string; publishedAt?: string } = {}): Array<[string, string]> {
  return analyzed({ text, sourceName: 'Test Wire', publishedAt: '2025-05-20T18:00:00Z', ...page }, NOW).facts.map((f) => [f.text.slice(0, 30), f.speaker ?? '-']);
}

/** The speaker of each line of `text` from line `from` on (each line one fact), by the line's first 30 characters. */
function speakersOfLines(text: string, from: number): Array<string | undefined> {
  const who = Object.fromEntries(speakers(text));
  return text.split('\n').slice(from).map((line) => who[line.slice(0, 30)]);
}

describe('speakers', () => {
  it('never takes a name from the headline alone, nor a phrase that opens with a preposition or conjunction', () => {
    const text = [
      "No Ceasefire Deal After Trump's 2-Hour Call With Putin",
      'President Donald Trump said on Monday that his two-hour call with Russian President Vladimir Putin "went very well".',
      'After Trump’s call, the Kremlin said Russia was ready to work on a memorandum with Ukraine.',
      'Following Putin’s remarks, Ukraine’s foreign ministry said Kyiv was ready for a ceasefire at once.',
    ].join('\n');
    for (const [, who] of speakers(text)) expect(who).not.toMatch(/^(?:After|Following|But|With)\b/);
    expect(speakers(text)).toEqual([
      ['President Donald Trump said on', 'Donald Trump'],
      ['After Trump’s call, the Kremli', 'Kremlin'],
      ['Following Putin’s remarks, Ukr', 'Ukraine’s foreign ministry'],
    ]);
  });

  it('gives a body the article names nowhere else its own words, not a later verb\'s subject, and leaves a role or an unnamed one nobody\'s', () => {
    const text = [
      'Italian Prime Minister Giorgia Meloni said on Tuesday she was ready to help after US President Donald Trump spoke to Vladimir Putin about peace talks on Ukraine.',
      'But the Holy See says the idea of hosting, or even mediating, talks – which Trump suggested was an option – is more a hope for now than any concrete plan.',
      'Downing Street said the call between the leaders on Tuesday had been useful for the peace talks.',
      'Officials said the peace talks between the two delegations would resume in Istanbul on Friday.',
      'The PM says the peace talks in Istanbul must include a ceasefire before anything else is agreed.',
    ].join('\n');
    expect(speakersOfLines(text, 1)).toEqual(['Holy See', 'Downing Street', '-', '-']);
  });

  it('knows a President-elect for a person, so "he" after his name in the sentence is his, not the paragraph before\'s speaker', () => {
    const text = [
      'Russian Foreign Minister Sergey Lavrov has flatly dismissed peace proposals from allies of President-elect Donald Trump for a ceasefire to end the war in Ukraine.',
      '“We are not happy with the proposals made by members of the Trump team,” Lavrov said. Instead, he called for legally binding agreements on the war.',
      'While Trump has yet to unveil any formal proposals, he has repeatedly claimed he could end the war in Ukraine swiftly.',
    ].join('\n');
    const got = Object.fromEntries(speakers(text));
    expect(got['While Trump has yet to unveil ']).toBe('Donald Trump');
    expect(got['Instead, he called for legally']).toBe('Sergey Lavrov');
  });

  it('gives "According to TASS, he said:" to whom the paragraph is about, a sentence closed by unnamed sources to no one, and initials to the name they stand for', () => {
    const text = [
      'Kremlin spokesman Dmitry Peskov said on Wednesday that no peace plan for Ukraine could ignore the new regions of Russia.',
      'According to the TASS news agency, he said: “Any plan that does not take into account these peculiarities cannot pretend to be a peace plan.”',
      'Putin is ready for a ceasefire along the front line in Ukraine, several officials said. Mr. Putin indicated that he was satisfied with the territory captured in the war, two officials said.',
      'A report from the Institute for the Study of War (ISW), a Washington-based think tank, looked at the ceasefire talks.',
      'According to the ISW, Putin’s demands in the talks include Ukraine’s neutrality and a smaller army.',
    ].join('\n');
    const got = Object.fromEntries(speakers(text));
    expect(got['According to the TASS news age']).toBe('Dmitry Peskov');
    expect(got['Mr. Putin indicated that he wa']).toBe('-');
    expect(got['According to the ISW, Putin’s ']).toBe('Institute for the Study of War');
  });

  it('gives a quote in a "with <name>, <office>, calling it …" clause to that person, and sources opening a sentence to no one', () => {
    const text = [
      'Ukraine’s chief of staff Andriy Yermak presented a draft of security guarantees for Ukraine in Kyiv on Tuesday, ahead of peace talks.',
      'The Kremlin has responded angrily, with Dmitry Medvedev, deputy chairman of Russia’s security council, calling it “a prelude to the Third World War” if it is implemented. He said that the outcome of the talks would be a nuclear inferno.',
      'Sources said Trump urged Putin not to escalate the war in Ukraine during the talks.',
    ].join('\n');
    const got = Object.fromEntries(speakers(text));
    expect(got['The Kremlin has responded angr']).toBe('Dmitry Medvedev');
    expect(got['He said that the outcome of th']).toBe('Dmitry Medvedev');
    expect(got['Sources said Trump urged Putin']).toBe('-');
  });

  it('gives the quotation after "to which Zelensky responded:" to Zelensky', () => {
    const text = [
      'Ukrainian leader Volodymyr Zelensky has told British journalist Piers Morgan that he would agree to direct peace talks with Vladimir Putin.',
      'Morgan asked him how he would feel if he sat opposite Putin at the negotiating table, to which Zelensky responded: “If that is the only set-up in which we can bring peace, definitely we will go for this set-up.”',
    ].join('\n');
    const got = Object.fromEntries(speakers(text));
    expect(got['Morgan asked him how he would ']).toBe('Volodymyr Zelensky');
  });

  it('gives what a person "disclosed" or "proclaimed" to that person, not to whom the clause after names', () => {
    const text = [
      'Slovakia offered to host peace talks between Russia and Ukraine to end the war, and Moscow said it was not opposed to a ceasefire.',
      'Russian President Vladimir Putin disclosed that in 2021, US President Joe Biden proposed postponing Ukraine’s NATO membership by ten years.',
      'Slovak Prime Minister Robert Fico visited Moscow for peace talks on the war. But Fico in response has proclaimed that Putin has been wrongly demonized by the West.',
    ].join('\n');
    const got = Object.fromEntries(speakers(text));
    expect(got['Russian President Vladimir Put']).toBe('Vladimir Putin');
    expect(got['But Fico in response has procl']).toBe('Robert Fico');
  });

  it('resolves "he said" to the person the paragraph is about, not to a name after a preposition', () => {
    const text = [
      'Ukrainian President Volodymyr Zelenskyy met US President Donald Trump at the Vatican on Saturday for talks on a ceasefire.',
      'Zelenskyy described his meeting with Trump as "very symbolic". He said Ukraine was ready for a full ceasefire with Russia.',
      'Kremlin spokesman Dmitry Peskov said Moscow had not received any proposal. He added that Russia was studying the memorandum.',
    ].join('\n');
    const got = Object.fromEntries(speakers(text));
    expect(got['He said Ukraine was ready for ']).toBe('Volodymyr Zelenskyy');
    expect(got['He added that Russia was study']).toBe('Dmitry Peskov');
    expect(got['Zelenskyy described his meetin']).toBe('Volodymyr Zelenskyy');
  });

  it('knows a surname written without its accents for the person ("Orban" for Viktor Orbán), so "he said" stays his', () => {
    const text = [
      'Russian President Vladimir Putin hosted Hungarian Prime Minister Viktor Orbán on Friday for talks on a ceasefire in Ukraine, days after Orbán urged Ukrainian President Volodymyr Zelenskyy in Kyiv to consider a truce.',
      'Putin repeated his demand that Ukraine withdraw its troops from four regions before any ceasefire talks.',
      'Orban said he realized the levels were too far apart between the two sides.',
      '“Many steps are needed to end war and bring peace,” he said.',
    ].join('\n');
    expect(speakersOfLines(text, 2)).toEqual(['Viktor Orbán', 'Viktor Orbán']);
  });

  it('knows a Portuguese name by the part before "da Silva" ("Lula"), and gives "According to AFP, <spokesman> said" to the spokesman', () => {
    const text = [
      'Russian Foreign Minister Sergei Lavrov met Brazilian President Luiz Inácio Lula da Silva in Brasília on Monday to discuss peace in Ukraine.',
      'Lula recently returned from a trip to China, where he called on the US to stop encouraging the war.',
      'He also said that the US and Europe need to start talking about peace in Ukraine.',
      'According to AFP, US National Security Council spokesman John Kirby said Brazil was repeating Russian propaganda on the ceasefire.',
    ].join('\n');
    expect(speakersOfLines(text, 1)).toEqual(['Luiz Inácio Lula da Silva', 'Luiz Inácio Lula da Silva', 'John Kirby']);
  });

  it('keeps "he" on whom it was about when a sentence with "he" as its subject names someone else further on', () => {
    const text = [
      'US and Ukrainian officials held ceasefire talks in Geneva on Sunday on a US peace plan to end the war with Russia.',
      '“I feel very optimistic that we can get something done,” Secretary of State Marco Rubio said.',
      '',
      'But he offered very little information on what was discussed in the talks.',
      'He also downplayed a Nov. 27 deadline set by President Donald Trump for Ukraine to respond to the peace plan.',
      'He said higher-level officials may eventually have to get involved in the talks.',
    ].join('\n');
    expect(speakers(text).find(([t]) => t.startsWith('He said higher'))?.[1]).toBe('Marco Rubio');
  });

  it('gives a passive report to the person named in apposition to the agent’s role: "announced by the head of …, Andriy Yermak"', () => {
    const text = [
      'The delegations of Ukraine and the United States held their first ceasefire talks on the peace plan with Russia in Geneva, Kyiv said.',
      "This was announced by the head of the President's Office, Andriy Yermak, on Sunday evening.",
      'Yermak said the delegations would meet again in the coming days.',
    ].join('\n');
    expect(speakers(text)[1]).toEqual(['This was announced by the head', 'Andriy Yermak']);
  });

  it('gives a quotation paragraph under a reported statement, and each sentence inside it, to the one reported', () => {
    const text = [
      'Ukrainian President Volodymyr Zelensky commented on the ceasefire offer for the Victory Day talks.',
      'He said the ceasefire must not be temporary, but immediate, full and unconditional – for at least 30 days.',
      '',
      'Quote: "Now, yet again, another attempt at manipulation: everyone is supposed to wait until 8 May before ceasing fire.',
      '',
      'We value human lives, not parades. The ceasefire should not just be for a few days, only to return to killing afterwards."',
      '',
      '"India welcomes the understanding reached for a meeting in Alaska", the statement said.',
    ].join('\n');
    const got = speakers(text);
    expect(got.find(([t]) => t.startsWith('Quote: "Now') || t.startsWith('"Now'))?.[1]).toBe('Volodymyr Zelensky');
    expect(got.find(([t]) => t.startsWith('We value human lives'))?.[1]).toBe('Volodymyr Zelensky');
    expect(got.find(([t]) => t.startsWith('The ceasefire should not'))?.[1]).toBe('Volodymyr Zelensky');
    // A quotation its own sentence gives to someone unnamed is not the one reported above.
    expect(got.find(([t]) => t.startsWith('"India welcomes'))?.[1] ?? '-').toBe('-');
  });

  it('does not give a sentence to the speaker of a clause of time or contrast in it', () => {
    const text = [
      'Russian Foreign Minister Sergei Lavrov gave Ukraine an ultimatum on the peace talks on Monday, a day after President Vladimir Putin said he was open to talks.',
      'While US envoy Steve Witkoff reported progress on the peace plan, officials confirmed that Washington continues to press Kyiv.',
      'Details of the ceasefire plan remain unclear, though French President Emmanuel Macron suggested it could involve a one-month truce.',
      'Before Russia confirmed the meeting, President Donald Trump told reporters that Jared Kushner might join the talks.',
    ].join('\n');
    expect(speakers(text).map(([, who]) => who)).toEqual(['Sergei Lavrov', '-', 'Emmanuel Macron', 'Donald Trump']);
  });

  it('reads a clause of time after a dateline as one too, and gives "according to" a body\'s spokesperson to the person', () => {
    const text = [
      'MOSCOW, Dec 27 (Reuters) - A day after Russian President Vladimir Putin said again that he was open to peace talks, Foreign Minister Sergei Lavrov told Kyiv that it should comply with Moscow\'s demands for its "own good."',
      'According to Russian Foreign Ministry spokeswoman Maria Zakharova, the meeting in Jeddah on the peace talks was a doomed attempt.',
      'According to the Kremlin and Putin, the peace talks would resume in Istanbul.',
      // A title in capitals between the body and the name ("Secretary General").
      'According to NATO Secretary General Mark Rutte, the summit on the peace talks represents a critical moment of truth.',
    ].join('\n');
    expect(speakers(text).map(([, who]) => who)).toEqual(['Sergei Lavrov', 'Maria Zakharova', 'Kremlin', 'Mark Rutte']);
  });

  it('takes criticism as speech, but not when a clause of place or time recalls it', () => {
    const text = [
      'Putin blasted the peace conference as a ploy to divert attention from the talks.',
      'The Kremlin, however, outlined several conditions for a ceasefire in Ukraine.',
      'A Kremlin statement said Putin agreed to pause strikes during the ceasefire talks.',
      'Officials said the meeting on the peace plan aimed to avoid a repeat of the Oval Office meeting in February, when Trump sharply criticized Zelenskyy.',
    ].join('\n');
    expect(speakers(text).map(([, who]) => who)).toEqual(['Putin', 'Kremlin', 'Kremlin', '-']);
  });

  it('knows Ukrainian given names, so a name in apposition to a role speaks', () => {
    const text = [
      'The peace talks in Istanbul went on for a second day on Monday.',
      'On Monday, Andriy Yermak, the chief of staff to Zelenskiy, stated that the Russian assaults conflicted with the peace talks.',
      'Dmytro Lytvyn, an adviser to the president, confirmed that the Ukrainian team was ready for the ceasefire talks.',
    ].join('\n');
    expect(speakers(text).map(([, who]) => who)).toEqual(['-', 'Andriy Yermak', 'Dmytro Lytvyn']);
  });

  it('gives "it said" to the body the sentence before was given to, and knows a Slavic surname that reports alone', () => {
    const text = [
      'The Kremlin said on Monday that Russia would observe a three-day ceasefire in Ukraine for the holiday.',
      '"All military actions are suspended for the period of the truce," it said in a statement.',
      'However, it warned that any violations by Ukrainian forces would get a response.',
      'In addition, Peskov reported that the ceasefire would begin at midnight on May 8.',
      'At the same time, according to Peskov, Russia intends to continue the peace talks with the United States.',
      'Ushakov confirmed that the ceasefire talks would resume in Istanbul.',
    ].join('\n');
    expect(speakers(text).map(([, who]) => who)).toEqual(['Kremlin', 'Kremlin', 'Kremlin', 'Peskov', 'Peskov', 'Ushakov']);
  });

  it('gives a quotation whose opening mark the page lost to the speaker its close names', () => {
    const text = [
      'Zelensky and Sunak signed a security agreement in Kyiv on Friday.',
      'Today is the day when the history of Europe changed. Ukraine and the United Kingdom have entered into a new security agreement. This is a reality of our security guarantees,” Zelensky said after the meeting.',
      'The Kremlin said the security agreement was hostile. Moscow would answer it, Peskov said.',
    ].join('\n');
    expect(speakers(text).map(([, who]) => who)).toEqual(['-', 'Zelensky', 'Zelensky', 'Zelensky', 'Kremlin', 'Peskov']);
  });

  it('gives the quotation under a line ending in a colon to that line\'s speaker, or to whose document it reads', () => {
    const text = [
      'The Kremlin announced a three-day ceasefire in Ukraine on Monday. The statement read:',
      '“Based on humanitarian considerations, the Russian side declares a truce for the duration of the celebrations.”',
      'Ukrainian President Volodymyr Zelensky rejected the truce offer. He wrote on Telegram:',
      '“Russia has consistently rejected everything and continues to manipulate the world on the ceasefire.”',
    ].join('\n');
    expect(speakers(text).map(([, who]) => who)).toEqual(['Kremlin', 'Kremlin', 'Volodymyr Zelensky', 'Volodymyr Zelensky']);
  });

  it('gives a report joined to a predicate before it to that predicate\'s subject', () => {
    const text = [
      'British Prime Minister Rishi Sunak chose a different term and emphasized several times that the security guarantees for Ukraine would last.',
      'Russian President Vladimir Putin thanked Trump for his diplomatic efforts and said the search for peace in Ukraine was on the right track in the talks.',
    ].join('\n');
    expect(speakers(text).map(([, who]) => who)).toEqual(['Rishi Sunak', 'Vladimir Putin']);
  });

  it('gives a sentence to a country\'s body named with its owner ("Russia\'s Ministry of Defence stated")', () => {
    const text = [
      'Russian President Vladimir Putin declared an Easter truce in the war in Ukraine on Saturday.',
      'Meanwhile, Russia\'s Ministry of Defence stated that Russian forces would uphold the truce only if Ukraine did the same.',
    ].join('\n');
    expect(speakers(text).map(([, who]) => who)).toEqual(['Vladimir Putin', "Russia's Ministry of Defence"]);
  });

  it('takes an ultimatum or a warning given, or being confident, as speech', () => {
    const text = [
      'Russian Foreign Ministry spokeswoman Maria Zakharova is confident that the plans of the West for the peace talks are dangerous.',
      'Russian Foreign Minister Sergei Lavrov has given Ukraine an ultimatum to accept Moscow\'s peace terms.',
      'However, the Kremlin also issued a warning: if Ukrainian forces violate the truce, the army will respond.',
    ].join('\n');
    expect(speakers(text).map(([, who]) => who)).toEqual(['Maria Zakharova', 'Sergei Lavrov', 'Kremlin']);
  });

  it('takes calling for, calling on, voicing and outlining as speech', () => {
    const text = [
      'Ukrainian President Volodymyr Zelenskyy has called for NATO to offer guaranteed protections in any ceasefire deal.',
      'Russian President Vladimir Putin voiced optimism that the talks could lead toward peace.',
    ].join('\n');
    expect(speakers(text).map(([, who]) => who)).toEqual(['Volodymyr Zelenskyy', 'Vladimir Putin']);
  });

  it('gives a relative clause’s verb to the name before it: "Rubio, who … with Waltz, said"', () => {
    const text = [
      'Secretary of State Marco Rubio, who attended the talks in Jeddah along with national security adviser Mike Waltz, said the ceasefire plan put the ball in Russia’s court.',
      'Ukraine accepted the US proposal for a 30-day ceasefire after nine hours of talks with the American delegation.',
    ].join('\n');
    expect(speakers(text)[0]?.[1]).toBe('Marco Rubio');
  });

  it('keeps the speaker of a quotation that runs over two paragraphs', () => {
    const text = [
      'Russian President Vladimir Putin said on Monday: “We are ready to work with the Ukrainian side on a memorandum about a possible future peace treaty.',
      '“The memorandum would set out the principles of a settlement and the timing of a possible peace agreement.”',
    ].join('\n');
    expect(speakers(text).map(([, who]) => who)).toEqual(['Vladimir Putin', 'Vladimir Putin']);
  });

  it('does not give a statement to the name in "Putin’s press secretary stressed", nor its "he added"', () => {
    const text = [
      'No peace plan on Ukraine is possible without the four regions, Kremlin spokesman Dmitry Peskov told journalists on Wednesday as ceasefire talks stalled.',
      '“No Ukrainian peace plan is possible if it ignores the reality on the ground,” Putin’s press secretary stressed. “Any plan that ignores it cannot be a peace plan,” he added.',
    ].join('\n');
    const got = speakers(text);
    expect(got.map(([, who]) => who)).not.toContain('Vladimir Putin');
    expect(got[got.length - 1]?.[1]).toBe('Dmitry Peskov');
  });

  it('takes a label glued to a paragraph off the fact: "Details:In addition, …", "Quote:"…""', () => {
    const text = [
      'Ukrainian Defence Minister Rustem Umerov has said that during the talks in Istanbul the delegations discussed a prisoner exchange and a ceasefire.',
      'Details:In addition, the parties raised the issue of a ceasefire and a potential meeting between Zelenskyy and Putin to end the war in Ukraine.',
    ].join('\n');
    const facts = speakers(text).map(([t]) => t);
    expect(facts.some((t) => t.startsWith('In addition, the parties'))).toBe(true);
    expect(facts.some((t) => t.startsWith('Details'))).toBe(false);
  });

  it('reads a name set off by commas before the verb as the speaker: "A presidential aide, Yury Ushakov, described …"', () => {
    const text = [
      'Witkoff and Kushner held discussions at the Kremlin on Tuesday regarding a potential peace plan for the war in Ukraine.',
      'A presidential aide, Yury Ushakov, described the talks as productive yet non-committal on the ceasefire.',
      'Kremlin spokesperson Dmitry Peskov echoed these sentiments, indicating that some points of the peace plan were accepted.',
    ].join('\n');
    const got = Object.fromEntries(speakers(text));
    expect(got['A presidential aide, Yury Usha']).toBe('Yury Ushakov');
    expect(got['Kremlin spokesperson Dmitry Pe']).toBe('Dmitry Peskov');
  });

  it('gives a passive report to its agent ("was announced by President Volodymyr Zelenskyy"), and to no one when the agent is unnamed', () => {
    const text = [
      'Following the Coalition of the Willing meeting in Paris, a joint declaration on security guarantees for Ukraine was signed.',
      'This was announced by President Volodymyr Zelenskyy.',
      'The visit to Moscow was confirmed by Vladimir Putin’s foreign policy adviser Yuri Ushakov on Wednesday.',
      'Witkoff was told by aides that the peace plan for Ukraine would need changes on territory.',
    ].join('\n');
    const got = Object.fromEntries(speakers(text));
    expect(got['This was announced by Presiden']).toBe('Volodymyr Zelenskyy');
    expect(got['The visit to Moscow was confir']).toBe('Yuri Ushakov');
    expect(got['Witkoff was told by aides that']).toBe('-');
  });

  it('knows a name a tabloid prints in capitals on its lead by the way the page writes it later, and a statement closed by "X has said" as X\'s', () => {
    const text = [
      'HENRY KISSINGER has urged Ukraine to cede territory to Russia in order to strike a lasting peace deal to end the war.',
      '"Negotiations need to begin in the next two months," Mr Kissinger said of the peace talks.',
      'The United States has proposed that Ukraine and Russia end the war by June and has offered to host peace talks, Ukrainian President Volodymyr Zelensky has said.',
    ].join('\n');
    const got = Object.fromEntries(speakers(text));
    expect(got['HENRY KISSINGER has urged Ukra']).toBe('Henry Kissinger');
    expect(got['"Negotiations need to begin in']).toBe('Henry Kissinger');
    expect(got['The United States has proposed']).toBe('Volodymyr Zelensky');
  });

  it("spells a transcript label's surname in capitals as a name (\"PRIME MINISTER KISHIDA:\" speaks as Kishida)", () => {
    const text = [
      'Remarks on a G7 Joint Declaration of Support for Ukraine',
      'PRIME MINISTER KISHIDA:  I am pleased to be able to announce the Joint Declaration on Support for Ukraine and its security today.',
      'PRESIDENT ZELENSKYY:  The Ukrainian delegation is bringing home significant security guarantees for our country.',
    ].join('\n\n');
    const who = Object.fromEntries(speakers(text));
    expect(who['I am pleased to be able to ann']).toBe('Kishida');
    expect(who['The Ukrainian delegation is br']).toBe('Zelenskyy');
  });

  it('gives a transcript\'s "THE PRESIDENT:" to the president its title names, over the paragraphs of the answer, and no one else\'s label', () => {
    const text = [
      'Q    Sir, on Russia. Have you made a final decision on sanctions while the ceasefire talks go on?',
      'THE PRESIDENT:  We’re looking at a lot of things. We have big meetings coming up in Saudi Arabia on the ceasefire with Ukraine.',
      'A lot of people died this week in Ukraine, and everybody wants the peace talks to get it done.',
      'Q    Is President Putin disrespecting you by attacking Ukraine during the talks?',
      'THE VICE PRESIDENT:  The ceasefire talks in Jeddah will go ahead as planned with the Ukrainian delegation.',
    ].join('\n\n');
    const who = (title: string) => Object.fromEntries(speakers(text, { title, sourceName: 'The White House', publishedAt: '2025-03-09T23:00:00Z' }));
    const gaggle = who('Press Gaggle by President Trump');
    expect(gaggle['We’re looking at a lot of thin']).toBe('Trump');
    expect(gaggle['A lot of people died this week']).toBe('Trump');
    // The title names no vice president: that label is no one's ("President" is not "Vice President"'s).
    expect(gaggle['The ceasefire talks in Jeddah ']).toBe('-');
    expect(who('Remarks by Vice President Vance and President Trump')['The ceasefire talks in Jeddah ']).toBe('Vance');
    // A title that names no one in the role: the answers have no speaker.
    expect(who('Press Gaggle Aboard Air Force One')['We’re looking at a lot of thin']).toBe('-');
  });

  it('runs a name label in a transcript\'s capitals ("VICE PRESIDENT HARRIS:") on over the answer\'s paragraphs, and a label in running text only over its own', () => {
    const lines = (label: string) =>
      [
        'Bürgenstock Resort, Switzerland',
        `${label}  Thank you, President Zelenskyy, for hosting this summit on the peace talks.`,
        'I am here to stand with Ukraine in support of a just and lasting peace, and the ceasefire talks must include Kyiv.',
        'Q    Will the talks resume next week?',
        'The ceasefire talks resumed in Geneva on Monday with delegations from both sides.',
      ].join('\n\n');
    const who = (text: string) => Object.fromEntries(speakers(text, { title: 'Remarks at the Summit on Peace in Ukraine', sourceName: 'The White House', publishedAt: '2024-06-15T18:00:00Z' }));
    const transcript = who(lines('VICE PRESIDENT HARRIS:'));
    expect(transcript['I am here to stand with Ukrain']).toBe('Harris');
    expect(transcript['The ceasefire talks resumed in']).toBe('-');
    expect(who(lines('Kamala Harris:'))['I am here to stand with Ukrain']).toBe('-');
  });

  it('gives the quotations set out under a heading that introduces someone ("Secretary of State Marco Rubio on Meet the Press") to them, to the next heading', () => {
    const text = [
      'This morning, administration officials were on the Sunday shows discussing the ceasefire talks with Russia and Ukraine.',
      '### **Secretary of State Marco Rubio on Meet the Press**',
      '-   “What we are aiming for here is not a ceasefire — what we ultimately are aiming for is an end to this war in Ukraine.”',
      '-   “The only way to reach a peace deal is for each side to get something and each side to give something.”',
      '### **Secretary Rubio on This Week**',
      '-   “In order for us to get a peace agreement, Ukraine has to be a part of the talks.”',
      '### **Reactions**',
      '-   “Nobody wants this war to go on,” a European diplomat said of the ceasefire talks.',
      '-   “The talks will go on in Geneva next week.”',
    ].join('\n\n');
    const who = Object.fromEntries(speakers(text));
    expect(who['“What we are aiming for here i']).toBe('Marco Rubio');
    expect(who['“The only way to reach a peace']).toBe('Marco Rubio');
    // "Secretary Rubio" is the Marco Rubio of the heading before.
    expect(who['“In order for us to get a peac']).toBe('Marco Rubio');
    // A heading that introduces no one ends the run.
    expect(who['“The talks will go on in Genev']).toBe('-');
    expect(introducedBy('What Trump said on Truth Social', [])).toBeUndefined();
    expect(introducedBy('Vice President JD Vance on Fox News Sunday', [])).toBe('JD Vance');
  });

  it('takes no title into a name ("Rep. Victoria Spartz", "Director of National Intelligence Tulsi Gabbard"), and no pair of surnames run together ("tells Ushakov Putin should call")', () => {
    const names = (text: string) => extractEntities(text).people.map((p) => p.name);
    expect(names('Director of National Intelligence Tulsi Gabbard: “Thank you.” Rep. Victoria Spartz: “A disservice.” Rep Kevin Hern: “He is determined.”')).toEqual(['Tulsi Gabbard', 'Victoria Spartz', 'Kevin Hern']);
    const pair = 'Witkoff tells Ushakov Putin should call Trump first, the transcript shows. Steve Witkoff spoke with Yuri Ushakov, the aide of Vladimir Putin.';
    expect(names(pair)).not.toContain('Ushakov Putin');
    expect(names(pair)).toEqual(expect.arrayContaining(['Steve Witkoff', 'Yuri Ushakov', 'Vladimir Putin']));
  });

  it('gives a passive report to the person a country or body titles, not to the country ("hailed by U.S. Treasury Secretary Scott Bessent")', () => {
    const text = [
      'The deal, signed in Washington, D.C., was hailed by U.S. Treasury Secretary Scott Bessent as a commitment to lasting peace talks to end the war in Ukraine.',
      'The peace plan was welcomed by Russia after Putin spoke to Trump on Tuesday about a ceasefire in Ukraine.',
    ].join('\n');
    const got = Object.fromEntries(speakers(text));
    expect(got['The deal, signed in Washington']).toBe('Scott Bessent');
    expect(got['The peace plan was welcomed by']).toBe('Russia');
  });

  it('reads "the Russian president" as the person the article gave that role, and no one when the role fits two', () => {
    const text = [
      'Russian President Vladimir Putin met US envoy Steve Witkoff in Moscow on Tuesday to discuss the peace plan for Ukraine.',
      'The Russian president also reiterated his readiness to meet Zelensky to end the war in Ukraine.',
      'US President Donald Trump said on Wednesday that the talks on the peace plan had gone well.',
      'The president said a ceasefire in Ukraine could come within weeks of the talks.',
    ].join('\n');
    const got = Object.fromEntries(speakers(text));
    expect(got['The Russian president also rei']).toBe('Vladimir Putin');
    expect(got['The president said a ceasefire']).toBe('-');
  });

  it('takes no speaker from words inside a quotation that opens a paragraph or sentence and is not closed in it', () => {
    const text = [
      'Switzerland invites 160 delegations to Ukraine peace summit',
      'Switzerland has invited more than 160 delegations to next month’s Ukraine peace summit, Foreign Minister Ignazio Cassis said on Thursday.',
      '“Russia has not been invited at this stage,” Cassis said. “Switzerland has always shown openness to extending an invitation to Russia for this summit.',
      '“However, Russia has said repeatedly and also publicly that it has no interest in participating in this first summit on peace talks.',
      '“Switzerland is convinced that Russia must be involved in this process. A peace process without Russia is unthinkable.”',
    ].join('\n');
    const got = speakers(text);
    const of = (start: string) => got.find(([k]) => start.startsWith(k))?.[1];
    expect(of('“However, Russia has said repeatedly')).toBe('Ignazio Cassis');
    expect(of('“Switzerland is convinced that Russia')).toBe('Ignazio Cassis');
    // A closing mark the page lost does not hide the attribution at the sentence's end.
    const lost = [
      'Zelensky ready for peace talks',
      'President Volodymyr Zelensky spoke in Kyiv on Tuesday about the peace talks with Russia.',
      '“We are ready for peace talks with Russia if a ceasefire holds, Zelensky said.',
    ].join('\n');
    expect(speakers(lost).find(([k]) => '“We are ready for peace talks with'.startsWith(k))?.[1]).toBe('Volodymyr Zelensky');
  });

  it('gives "stated by President of Ukraine Volodymyr Zelenskyy" to him, and "Kremlin spokesman accused …" to the spokesman the article named', () => {
    const text = [
      'Zelensky says talks with Russia are possible',
      'Ukraine is ready for peace talks with Russia if a ceasefire holds, Ukrainian officials said on Tuesday in Kyiv.',
      'This was stated by President of Ukraine Volodymyr Zelenskyy during a conversation with journalists on 22 April.',
      'Kremlin spokesman Dmitry Peskov said on Monday that the talks were paused.',
      'Kremlin spokesman accused Ukraine of inconsistency in the negotiations.',
    ].join('\n');
    const got = Object.fromEntries(speakers(text));
    expect(got['This was stated by President o']).toBe('Volodymyr Zelenskyy');
    expect(got['Kremlin spokesman accused Ukra']).toBe('Dmitry Peskov');
  });

  it('never reads "the Russian leader" as someone who held the role once ("former president Dmitry Medvedev")', () => {
    const withSides = (text: string) => {
      const r = analyzeArticle({ text, sourceName: 'Test Wire', publishedAt: '2025-05-20T18:00:00Z' }, sampleStory(), NOW);
      if (!r.ok) throw new Error(JSON.stringify(r));
      return Object.fromEntries(r.article.facts.map((f) => [f.text.slice(0, 30), f.speaker ?? '-']));
    };
    for (const former of ['former president Dmitry Medvedev', 'Former President Dmitry Medvedev', 'ex-president Dmitry Medvedev'])
      expect(
        withSides(
          [
            'Vladimir Putin has declared that Ukraine’s counter-offensive has delivered no results and that peace talks with Kyiv are not possible.',
            `That is a figure slightly lower than the 280,000 that ${former} stated earlier this month.`,
            'The Russian leader accused Ukraine and the west of blocking a ceasefire.',
          ].join('\n'),
        )['The Russian leader accused Ukr'],
      ).not.toBe('Dmitry Medvedev');
  });

  it('finds the person in apposition to a role or an aside: "according to the head of the Russian delegation, Vladimir Medinsky,"', () => {
    const text = [
      'Russia, Ukraine and the United States concluded two days of peace talks in Geneva, according to the head of the Russian delegation, Vladimir Medinsky, an aide to Putin.',
      'The head of the Ukrainian delegation, Rustem Umerov, secretary of Ukraine’s National Security and Defense Council, reported that the second day of the talks was spent in working groups.',
    ].join('\n');
    const got = Object.fromEntries(speakers(text));
    expect(got['Russia, Ukraine and the United']).toBe('Vladimir Medinsky');
    expect(got['The head of the Ukrainian dele']).toBe('Rustem Umerov');
  });

  it('gives a report an outlet relays to the person it reports: "According to CNN, Trump accused …", "…, according to BBC"', () => {
    const text = [
      'US President Donald Trump met European leaders in Washington on Monday to discuss the peace talks on Ukraine.',
      'According to CNN, Trump on Wednesday accused Zelenskyy of harming the peace talks on Crimea.',
      'Trump accused Zelenskyy of prolonging the war by refusing to cede Crimea in the talks, according to BBC.',
      'Russia agreed to a thirty-day pause in strikes on energy sites in Ukraine, according to the Kremlin.',
    ].join('\n');
    const got = Object.fromEntries(speakers(text));
    expect(got['According to CNN, Trump on Wed']).toBe('Donald Trump');
    expect(got['Trump accused Zelenskyy of pro']).toBe('Donald Trump');
    expect(got['Russia agreed to a thirty-day ']).toBe('Kremlin');
  });

  it('resolves "he said" to the subject of the sentence before, past a dateline and a title, not its last-named person', () => {
    const text = [
      'March 29, 2022 (EIRNS)—Russian Presidential aide Vladimir Medinsky came out of the peace talks in Istanbul today, possibly leading to a ceasefire and a meeting between Presidents Vladimir Putin and Volodymyr Zelenskyy.',
      '“The format was as follows: first, a peace treaty is drafted, then it is approved by the negotiators and signed,” he said.',
    ].join('\n');
    expect(speakers(text).find(([t]) => t.startsWith('“The format'))?.[1]).toBe('Vladimir Medinsky');
  });

  it('gives ", saying …" to the main clause\'s subject, however far, and never to a name after it', () => {
    const text = [
      'Ukrainian President Volodymyr Zelenskyy met European leaders in Paris on Friday to discuss the ceasefire proposal and the peace talks.',
      'Zelenskyy pushed back against the plan on Friday, saying “we will not trade our land for promises.”',
      'In Kyiv, President Volodymyr Zelenskyy gave a nod to the energy pause in the peace talks, saying Putin’s rejection proves he wants war.',
    ].join('\n');
    const got = speakers(text);
    expect(got.find(([t]) => t.startsWith('Zelenskyy pushed'))?.[1]).toBe('Volodymyr Zelenskyy');
    expect(got.find(([t]) => t.startsWith('In Kyiv'))?.[1]).toBe('Volodymyr Zelenskyy');
  });

  it('reads "shared on X" as reporting a quote', () => {
    const text = [
      'Ukrainian President Volodymyr Zelensky spoke after the talks on the ceasefire in Abu Dhabi on Saturday.',
      '“We covered a lot of ground, and it is crucial that the dialogues were constructive,” he shared on X after the talks.',
    ].join('\n');
    expect(speakers(text).find(([t]) => t.startsWith('“We covered'))?.[1]).toBe('Volodymyr Zelensky');
  });

  it('reads a speaker across an aside set off by dashes, or one that names an acronym ("the U.S. delegation")', () => {
    const text = [
      'US Secretary of State Marco Rubio led the US team at the peace talks on Ukraine in Jeddah on Tuesday.',
      'Rubio – who led the US team – said the ball is now in Russia’s court on the ceasefire.',
      'Rubio, who led the U.S. delegation in Jeddah, stated that the US would take the ceasefire offer to Russia.',
    ].join('\n');
    const got = Object.fromEntries(speakers(text));
    expect(got['Rubio – who led the US team – ']).toBe('Marco Rubio');
    expect(got['Rubio, who led the U.S. delega']).toBe('Marco Rubio');
  });

  it('gives what an outlet reports a person did to no person: only their words or views are theirs', () => {
    const text = [
      'US Secretary of State Marco Rubio and President Vladimir Putin were expected to attend the peace talks on Ukraine.',
      'According to an American outlet, Rubio skipped the talks on the ceasefire in London on Wednesday.',
      'According to Reuters, Putin sees the war as a turning point in Russia’s relations with the West and the talks.',
    ].join('\n');
    const got = Object.fromEntries(speakers(text));
    expect(got['According to an American outle']).toBe('-');
    expect(got['According to Reuters, Putin se']).toBe('Vladimir Putin');
  });

  it('gives a quotation paragraph to the one person named by the line that introduces it with a colon', () => {
    const text = [
      'Witkoff said the United States and Ukraine would meet in Saudi Arabia next week to discuss a ceasefire.',
      'Trump’s Special Envoy for the Middle East, Steve Witkoff, on the upcoming meeting between the United States and Ukraine:',
      '"Well, President Zelensky sent a letter to the president. We are negotiating a meeting with Ukrainians in Jeddah."',
    ].join('\n');
    expect(Object.fromEntries(speakers(text))['"Well, President Zelensky sent']).toBe('Steve Witkoff');
  });

  it('gives the paragraph under "This was reported by … Yuri Ushakov:" to him, and a transcript paragraph to its label', () => {
    const text = [
      'Kremlin aide Yuri Ushakov spoke to reporters after the talks on the peace plan for Ukraine ended in Moscow.',
      'This was reported by the Russian president’s assistant Yuri Ushakov:',
      'The main thing is that without resolving the territorial issue according to the formula agreed upon in Anchorage, there will be no long-term settlement.',
      'Yuri Ushakov: There was a meeting between President Vladimir Putin and the US envoys on the peace plan for Ukraine. The negotiations lasted about four hours.',
    ].join('\n');
    const got = Object.fromEntries(speakers(text));
    expect(got['The main thing is that without']).toBe('Yuri Ushakov');
    expect(got['The negotiations lasted about ']).toBe('Yuri Ushakov');
  });

  it('gives a list of reactions\' "NATO Secretary General Mark Rutte: “…”" to the name after the titles', () => {
    const text = [
      'Leaders hail the White House summit on peace in Ukraine',
      'President Donald Trump hosted Ukrainian President Volodymyr Zelenskyy and European leaders at the White House on Monday for talks on ending the war.',
      'NATO Secretary General Mark Rutte: “Without President Trump, this deadlock with Putin would not have been broken on the peace talks.”',
      'Former U.S. Special Representative for Ukraine Kurt Volker: “A deal to end Russia’s war against Ukraine could emerge from these talks.”',
    ].join('\n');
    expect(speakersOfLines(text, 2)).toEqual(['Mark Rutte', 'Kurt Volker']);
  });

  it('writes a body named in a dateline’s capitals as the text does, and does not invert "said Witkoff would be …"', () => {
    const text = [
      'KYIV, Ukraine — Ukrainian President Volodymyr Zelenskyy said Tuesday that he will travel to Turkey for peace talks this week.',
      'Kyiv says that longer-range missiles are vital in the talks on a ceasefire with Russia, officials said later.',
      'The officials, who spoke on condition of anonymity, said Witkoff would be in Washington for much of the week of the talks.',
    ].join('\n');
    const got = Object.fromEntries(speakers(text));
    expect(got['Kyiv says that longer-range mi']).toBe('Kyiv');
    expect(got['The officials, who spoke on co']).toBe('-');
  });

  it('gives a report closed by "according to <a person the article names>" to that person, not to the one it is about', () => {
    const text = [
      'US President Donald Trump spoke with Russian President Vladimir Putin by phone on Thursday about the war in Ukraine and a possible ceasefire.',
      'During the nearly hour-long discussion, Putin rejected Trump’s request for a 30-day ceasefire, according to Kremlin aide Yuri Ushakov.',
      'Trump accused Zelenskyy of prolonging the war by refusing to cede Crimea in the talks, according to BBC.',
    ].join('\n');
    const got = Object.fromEntries(speakers(text));
    expect(got['During the nearly hour-long di']).toBe('Yuri Ushakov');
    // An outlet that relays a report is no speaker of it.
    expect(got['Trump accused Zelenskyy of pro']).toBe('Donald Trump');
  });

  it('gives ", saying …" to the main clause\'s subject, not to a name in an opening clause ("While not naming Medvedev, Peskov …")', () => {
    const text = [
      'Kremlin spokesman Dmitry Peskov on Monday welcomed a visit by envoy Steve Witkoff to Moscow for talks on ending the war in Ukraine.',
      'Former president Dmitry Medvedev had traded barbs with Trump online last week over the peace talks on Ukraine and a ceasefire.',
      'While not naming Medvedev, Peskov distanced the Kremlin from the remarks, saying, “In every country, leaders and officials may hold different opinions, but Russian foreign policy is set by President Putin.”',
    ].join('\n');
    expect(Object.fromEntries(speakers(text))['While not naming Medvedev, Pes']).toBe('Dmitry Peskov');
  });

  it('gives what an outlet reports a person said to the person ("Reuters reported that US President Trump said: …"), and what it reports the person did to the outlet', () => {
    const text = [
      'Kremlin spokesman Dmitry Peskov said on Monday that peace talks on Ukraine had stalled, blaming Kyiv and European capitals.',
      'Reuters reported that US President Donald Trump said during his recent meeting with Hungarian Prime Minister Viktor Orban: "I think we all agree that this war will end in the not-too-distant future."',
      'Reuters reported that the talks on a ceasefire would resume in Istanbul next week.',
      // What the person did, not said, is the outlet's report.
      'Reuters reported that Vladimir Putin had proposed a similar arrangement on the ceasefire to Steve Witkoff in Moscow.',
    ].join('\n');
    const got = Object.fromEntries(speakers(text));
    expect(got['Reuters reported that US Presi']).toBe('Donald Trump');
    expect(got['Reuters reported that the talk']).toBe('Reuters');
    expect(got['Reuters reported that Vladimir']).toBe('Reuters');
  });

  it('does not give a report "according to Zelensky’s chief of staff" to Zelensky', () => {
    const text = [
      'Ukrainian President Volodymyr Zelensky said on Monday that Ukraine wanted the peace talks to resume soon.',
      'New peace talks aimed at ending the war in Ukraine could take place this week, according to Volodymyr Zelensky’s chief of staff.',
    ].join('\n');
    expect(Object.fromEntries(speakers(text))['New peace talks aimed at endin']).toBe('-');
  });

  it('gives "according to the U.S. president" to the president the article named, and to no one (not "U.S") when it named none', () => {
    const named = [
      'U.S. President Donald Trump spoke with Russian President Vladimir Putin by phone on Thursday about the peace talks on Ukraine.',
      'According to the U.S. president, progress in the Middle East could also help the negotiations to end the war in Ukraine.',
    ].join('\n');
    expect(Object.fromEntries(speakers(named))['According to the U.S. presiden']).toBe('Donald Trump');
    const unnamed = [
      'Ukrainian and Russian negotiators met in Geneva on Thursday for a new round of peace talks on Ukraine.',
      'According to the U.S. president, progress in the Middle East could also help the negotiations to end the war in Ukraine.',
    ].join('\n');
    expect(Object.fromEntries(speakers(unnamed))['According to the U.S. presiden']).toBe('-');
  });

  it('reads "the U.S. president said", "the U.S. president also said" and "said the U.S. president" as the president the article named', () => {
    const named = [
      'U.S. President Donald Trump met Ukrainian President Volodymyr Zelensky at the White House on Monday to discuss the peace talks.',
      '"We are very close to a deal," the U.S. president said after the meeting.',
      'The U.S. president also said the talks on the ceasefire would go on next week.',
      '"Nobody wants this war to go on," said the U.S. president.',
    ].join('\n');
    const found = Object.fromEntries(speakers(named));
    expect(found['"We are very close to a deal,"']).toBe('Donald Trump');
    expect(found['The U.S. president also said t']).toBe('Donald Trump');
    expect(found['"Nobody wants this war to go o']).toBe('Donald Trump');
    const unnamed = [
      'Ukrainian and Russian negotiators met in Geneva on Thursday for a new round of peace talks on Ukraine.',
      '"We are very close to a deal," the U.S. president said after the meeting.',
    ].join('\n');
    expect(Object.fromEntries(speakers(unnamed))['"We are very close to a deal,"']).toBe('-');
  });

  it('does not make a name joined by "and" to an object the paragraph\'s subject: "… by Trump and Vance a year ago was …"', () => {
    const text = [
      'Ukrainian President Volodymyr Zelensky met US Vice President JD Vance and US President Donald Trump at the White House a year ago.',
      'Zelensky told the BBC that the peace talks with Russia in Geneva on a ceasefire had made little progress.',
      'But Zelensky, with a new team, still commands approval ratings that most leaders in Western Europe can only dream about.',
      'One of the accusations directed at him in the Oval Office by Trump and Vance a year ago was that he was not sufficiently grateful.',
      'The latest item on his list is permission to manufacture American weapons under licence, including Patriot air defence missiles.',
      'Given everything he had said, I asked him whether we needed to get ready for an even longer war in Ukraine.',
      '"No, no, no, it\'s two parallel tracks... you are playing chess with a lot of leaders, not with Russia. For us, success is to stop Putin."',
    ].join('\n\n');
    expect(Object.fromEntries(speakers(text))['"No, no, no, it\'s two parallel']).toBe('Volodymyr Zelensky');
  });

  it('reads "he" after an opening subordinate clause as its subject: "While Mr Zelensky did not respond …, he emphasised"', () => {
    const text = [
      'Russian President Vladimir Putin has for the first time proposed direct peace talks with Ukraine’s president Volodymyr Zelensky.',
      'While Mr Zelensky did not directly respond to Mr Putin’s proposal, he emphasised in his nightly video address that Ukraine was ready for talks on a ceasefire.',
    ].join('\n');
    expect(Object.fromEntries(speakers(text))['While Mr Zelensky did not dire']).toBe('Volodymyr Zelensky');
  });

  it('takes a newsletter lead-in label off the fact ("Driving the news: "), but not a speaker\'s "The statement read: "', () => {
    const text = [
      'Witkoff and Kushner met Russian President Vladimir Putin for five hours in the Kremlin on Tuesday to discuss the peace plan.',
      'Driving the news: Putin’s foreign policy adviser Yuri Ushakov told reporters the meeting had been useful for the ceasefire talks.',
      'The big picture: The meeting in Moscow came after two weeks of intense diplomacy around the plan to end the war in Ukraine.',
      'The Kremlin statement read: Russia remains open to a ceasefire in Ukraine if its conditions on territory are met.',
    ].join('\n');
    const facts = speakers(text).map(([t]) => t);
    expect(facts).toContain('Putin’s foreign policy adviser');
    expect(facts).toContain('The meeting in Moscow came aft');
    expect(facts).toContain('The Kremlin statement read: Ru');
  });

  it('reads "Putin, calling the meeting “long overdue,” said" as Putin’s, and a quotation paragraph after his as his', () => {
    const text = [
      'Putin, calling the meeting “long overdue,” said the sides reached an understanding on the ceasefire talks in Ukraine.',
      '“I expect today’s agreements to serve as a starting point,” Mr Putin said.',
      '“Overall, we have established very good contact with President Trump on ending the war.”',
    ].join('\n');
    expect(speakers(text).map(([, who]) => who)).toEqual(['Putin', 'Putin', 'Putin']);
  });

  it('knows Zelenskyy, Zelensky and Zelenskiy for one person, so "he" after "Zelensky confirmed" is him', () => {
    const text = [
      'Ukrainian President Volodymyr Zelenskyy arrived in Berlin on Sunday for ceasefire talks with US envoys.',
      'In audio messages to journalists, Zelensky confirmed that he would meet German Chancellor Friedrich Merz. He also stated that he had not yet received a response on the peace plan.',
    ].join('\n');
    const got = speakers(text);
    expect(got.find(([t]) => t.startsWith('In audio messages'))?.[1]).toBe('Volodymyr Zelenskyy');
    expect(got.map(([, who]) => who)).not.toContain('Friedrich Merz');
  });

  it('gives no one a sentence that closes on unnamed sources ("…, undisclosed sources told CNN.")', () => {
    const text = [
      'Russian President Vladimir Putin met US envoy Steve Witkoff in Moscow on Wednesday for ceasefire talks.',
      'The Russian leadership requested the meeting as it hoped to avoid new sanctions that Trump threatened to impose by Friday, undisclosed sources told CNN.',
    ].join('\n');
    const got = speakers(text);
    expect(got.find(([t]) => t.startsWith('The Russian leadership'))?.[1]).toBe('-');
  });

  it('never joins the last word of a sentence to the next line’s surname ("… support for Kyiv.¶Trump nodded")', () => {
    const text = [
      'Ukrainian President Volodymyr Zelenskyy met US President Trump on Friday about a ceasefire, but the focus raised doubts about new military support for Kyiv.',
      'Trump nodded when asked by reporters whether he could persuade Putin to end the war, saying: “Things are coming along pretty well.”',
    ].join('\n');
    const who = speakers(text).map(([, w]) => w);
    expect(who.some((w) => w.includes('.'))).toBe(false);
    expect(who).toContain('Trump');
  });
  it('gives a sentence "according to" a source to that source, and to no one when the source is unnamed', () => {
    const text = [
      'The Kremlin confirmed that trilateral peace talks between the United States, Russia and Ukraine began in Abu Dhabi.',
      'According to the Kremlin, the meeting between Putin and Witkoff lasted more than three hours and was constructive.',
      'The Russian and US delegations met in Abu Dhabi for five hours on the peace plan, according to diplomatic sources.',
      'The ceasefire would start at midnight, according to Ukrainian President Volodymyr Zelensky.',
    ].join('\n');
    const got = Object.fromEntries(speakers(text));
    expect(got['According to the Kremlin, the ']).toBe('Kremlin');
    expect(got['The Russian and US delegations']).toBe('-');
    expect(got['The ceasefire would start at m']).toBe('Volodymyr Zelensky');
  });

  it('gives a sentence that is all quotation the speaker of the quotation before it, and no one a passive denial or a joint statement', () => {
    const text = [
      'Witkoff says envoys will meet Putin',
      'U.S. envoy Steve Witkoff said he and Jared Kushner will travel to Russia on Thursday for talks with President Vladimir Putin on the peace plan.',
      '“The Russians have invited us to come and that’s a significant statement from them,” Witkoff said in an interview at the World Economic Forum in Davos on Wednesday. “Jared and I will leave Thursday night and arrive in Moscow late at night.”',
      'The short-term ceasefire, which has not been confirmed by Russia, was first announced during a cabinet meeting at the White House on Thursday.',
      'Despite the lack of a breakthrough, officials from both Moscow and Kyiv signalled a willingness to continue discussions on the peace plan.',
      'Ukrainian President Volodymyr Zelenskyy said the talks were useful.',
      '"I do not believe that Russia intends to end the war," Zelenskyy remarked on Thursday, with his comments being publicized on Friday.',
    ].join('\n');
    expect(speakers(text)).toEqual([
      ['U.S. envoy Steve Witkoff said ', 'Steve Witkoff'],
      ['“The Russians have invited us ', 'Steve Witkoff'],
      ['“Jared and I will leave Thursd', 'Steve Witkoff'],
      ['The short-term ceasefire, whic', '-'],
      ['Despite the lack of a breakthr', '-'],
      ['Ukrainian President Volodymyr ', 'Volodymyr Zelenskyy'],
      ['"I do not believe that Russia ', 'Volodymyr Zelenskyy'],
    ]);
    // Nor a denial in a contraction.
    const contracted = text.replace('which has not been confirmed', 'which hasn’t been confirmed');
    expect(speakers(contracted)[3]).toEqual(['The short-term ceasefire, whic', '-']);
  });

  it('reads a role the article gave a named person after the quote, and a body that gives its own account after "according to"', () => {
    const text = [
      'Trump sets deadline',
      'US President Donald Trump said he would impose tariffs on Russia if there is no peace deal with Ukraine in 50 days.',
      '"We believe we will help bring about progress," added the US president, speaking at the White House.',
      'Representatives from Russia and Ukraine will work out the issues for negotiation, the president added.',
      'According to the Kremlin, Putin ordered his military to stop the attacks on Ukrainian energy facilities.',
      'Although Ukrainian President Volodymyr Zelenskyy is expected in Riyadh for talks with the Saudi leadership, he has stated that he does not recognise the talks on Ukraine.',
    ].join('\n');
    expect(speakers(text).map(([, who]) => who)).toEqual(['Donald Trump', 'Donald Trump', 'Donald Trump', 'Kremlin', 'Volodymyr Zelenskyy']);
  });

  it('gives a sentence closed by "the spokesman reminded reporters" to the spokesman, not to the agent of a passive inside it', () => {
    const text = [
      'Peskov on the talks',
      'Kremlin spokesman Dmitry Peskov said there was no basis for talks with Kyiv.',
      'London’s role in derailing the peace process was confirmed by the head of the Ukrainian delegation, David Arakhamia, in November, the spokesman reminded reporters.',
    ].join('\n');
    expect(speakers(text).map(([, who]) => who)).toEqual(['Dmitry Peskov', 'Dmitry Peskov']);
  });

  it('gives a passive report to the person a body titles with a role in lower case ("stated by Kremlin spokesman Dmitry Peskov")', () => {
    const text = [
      'Kremlin on the Chinese plan',
      'Moscow sees no conditions yet for peace talks in Ukraine.',
      'This was stated by Kremlin spokesman Dmitry Peskov quoted by the Tass agency.',
    ].join('\n');
    expect(speakers(text).map(([, who]) => who)).toEqual(['-', 'Dmitry Peskov']);
  });

  it('gives "Donald Trump’s Ukraine envoy said" and "said Putin\'s press secretary" to the aide, ", he noted," to the one speaking, not to the name before it, and "according to an advisor to Zelenskiy" to no one named', () => {
    const text = [
      'Kellogg on the talks',
      'US envoy Keith Kellogg spoke to Fox News about the peace talks on Sunday.',
      'Donald Trump’s Ukraine envoy said Sunday that both Kyiv and Moscow would have to make concessions in the peace talks.',
      'Kremlin spokesman Dmitry Peskov answered Trump on Wednesday about the talks.',
      'Trump, he noted, is a “businessman” seeking to inflate global oil prices, though Putin values his mediation in the talks.',
      'A ceasefire with elections alone is a "failed plan", according to a presidential advisor to Volodymyr Zelenskiy on Sunday.',
      '"There is no possible peace plan without the new regions," said President Vladimir Putin\'s press secretary.',
    ].join('\n');
    expect(speakers(text).map(([, who]) => who)).toEqual(['-', 'Keith Kellogg', '-', 'Dmitry Peskov', '-', 'Dmitry Peskov']);
  });

  it('gives "Neither X nor Y commented" to no one, and the clause after its "but" or an inverted "said Mr Zelensky" to its own speaker', () => {
    const text = [
      'Lavrov in Malta',
      'Russian Foreign Minister Sergei Lavrov attended the OSCE talks on peace in Ukraine in Malta on Thursday.',
      'Neither the Russian diplomat or his Ukrainian counterpart, Andriy Sybiga, commented as they arrived for the meeting.',
      'Neither side has commented on the peace talks, but Lavrov said on Friday that talks would go on.',
      'Neither the people of those cities "nor me, as president, can give them up in peace talks," said Mr Zelensky.',
    ].join('\n');
    expect(speakers(text).map(([, who]) => who)).toEqual(['-', '-', 'Sergei Lavrov', 'Zelensky']);
  });

  it('does not give a sentence to the subject of a clause of time or condition inside it ("comments since Defence Minister Sergei Shoigu announced …, Peskov said"), unless nobody else reports', () => {
    const text = [
      'Kremlin on Kherson',
      'Kremlin spokesman Dmitry Peskov spoke to reporters about the peace talks with Ukraine on Friday.',
      'In the Kremlin’s first public comments since Defence Minister Sergei Shoigu announced the withdrawal from Kherson, Peskov said the region’s status was unchanged.',
      'When asked directly if Putin had rejected the US proposals, Peskov clarified that this was inaccurate.',
      'His remarks came a day after French President Emmanuel Macron announced that 26 countries would join a reassurance force.',
    ].join('\n');
    expect(speakers(text).map(([, who]) => who)).toEqual(['-', 'Dmitry Peskov', 'Dmitry Peskov', 'Emmanuel Macron']);
  });

  it('gives a quotation closed by "the President of Ukraine said" to the person the article gave that title, not to Ukraine', () => {
    const text = [
      'Zelensky calls on Russia to withdraw',
      'President of Ukraine Volodymyr Zelensky called on Russia to withdraw its troops this Christmas before any peace talks.',
      '“The occupier must leave. It will certainly happen,” the President of Ukraine said.',
    ].join('\n');
    expect(speakers(text).map(([, who]) => who)).toEqual(['Volodymyr Zelensky', 'Volodymyr Zelensky']);
  });

  it('gives "X quoted Y as saying" to Y', () => {
    const text = [
      'Lavrov on the talks',
      'Russian Foreign Minister Sergei Lavrov spoke about the peace talks with Ukraine on Sunday.',
      '“Moscow will continue to insist on addressing the root causes of the crisis,” Komsomolskaya Pravda quoted Lavrov as saying.',
    ].join('\n');
    expect(speakers(text).map(([, who]) => who)).toEqual(['-', 'Sergei Lavrov']);
  });

  it('gives "According to him, …" to the person the paragraph before was about', () => {
    const text = [
      'Istanbul talks',
      'The head of the Russian delegation, Vladimir Medinsky, said Russia handed over a two-part memorandum to Ukraine at the peace talks.',
      'According to him, the second part outlines several ways to cease fire.',
    ].join('\n');
    expect(speakers(text).map(([, who]) => who)).toEqual(['Vladimir Medinsky', 'Vladimir Medinsky']);
  });

  it('reads the subject right after a wire dateline, and not the word after a hyphen', () => {
    const text = [
      'Kremlin on territory',
      'MOSCOW, Jan 26 (Reuters) - The Kremlin said on Monday that the issue of territory remained fundamental to Russia in the peace talks with Ukraine.',
      'Pro-Kremlin media said the talks with Ukraine on the peace plan had failed.',
    ].join('\n');
    expect(speakers(text).map(([, who]) => who)).toEqual(['Kremlin', '-']);
  });

  it('takes a name right after a verb for its object, and the sentence’s own "he" for its subject', () => {
    const text = [
      'Zelensky on the pause',
      'Ukrainian President Volodymyr Zelensky confirmed that the teams discussed an energy pause at the peace talks in the Emirates.',
      'He also thanked US President Donald Trump and added that Kyiv expects a pause in energy strikes.',
      '“We expect the agreements to be implemented. De-escalation steps contribute to real progress towards ending the war“, he wrote on social media.',
    ].join('\n');
    expect(speakers(text).map(([, who]) => who)).toEqual(['Volodymyr Zelensky', 'Volodymyr Zelensky', 'Volodymyr Zelensky']);
  });

  it('does not take "As X said," for a report of X', () => {
    const text = ['Briefing', 'Ben Chang of the Council said the briefing on the peace talks with Ukraine would start.', 'As Hannah Smith said, this briefing on the Ukraine peace talks will be on the record.'].join('\n');
    expect(speakers(text).map(([, who]) => who)).toEqual(['Ben Chang', '-']);
  });

  it('reads "with X warning that", "took to social media to say" and a dash before an inverted verb', () => {
    const text = [
      'Paris talks',
      'French President Emmanuel Macron and Ukrainian President Volodymyr Zelensky met in Paris on the peace talks.',
      'European leaders met in Paris on Monday, with French President Emmanuel Macron warning that any peace agreement imposed on Ukraine would end badly.',
      'US envoy Keith Kellogg later took to social media to say the article had misrepresented his remarks on the peace talks with Ukraine.',
      'Head of the Office of the President of Ukraine Andriy Yermak arrived in Geneva for the peace talks.',
      '"Held the first meeting with the American delegation in a constructive mood," - wrote Yermak.',
    ].join('\n');
    expect(speakers(text).map(([, who]) => who).slice(1)).toEqual(['Emmanuel Macron', 'Keith Kellogg', '-', 'Andriy Yermak']);
  });

  it('gives a named person’s office its words, a body’s press office to the body, and "the ministry" to the ministry before', () => {
    const text = [
      'Donbas',
      'Ukrainian President Volodymyr Zelensky met European leaders in London on Monday to discuss the peace plan.',
      'Ukraine will not withdraw its troops from the Donbas region as part of any peace deal, Zelensky’s office said on Wednesday.',
      'The Kremlin’s press office said Putin had met U.S. envoy Steve Witkoff for five hours to discuss the peace plan.',
      'Ukraine’s Foreign Ministry said the peace proposals needed more work.',
      'The ministry added that Kyiv was ready to continue the peace talks.',
      'Putin’s spokesman said the peace talks would go on.',
    ].join('\n');
    expect(speakers(text).map(([, who]) => who).slice(1)).toEqual(["Volodymyr Zelensky's office", 'Kremlin', 'Ukraine’s Foreign Ministry', 'Ukraine’s Foreign Ministry', '-']);
  });

  it('takes "the United States" for no verb, a name that modifies an unnamed source for no one, and a report that "reads" for no person', () => {
    const text = [
      'Envoys',
      'US Secretary of State Marco Rubio and special envoy Steve Witkoff met Ukrainian officials for peace talks.',
      'Rubio and special envoy Steve Witkoff represented the United States at the peace talks in Geneva.',
      'Russia released a US teacher as part of the peace deal, according to a Trump administration official who spoke on condition of anonymity.',
      'After the peace talks, Putin’s aide Yuri Ushakov said that no compromise plan on Ukraine exists yet.',
      '"Vladimir Putin used a blend of charm and stalling to show US envoys where Russia stands on peace with Ukraine," reads the report.',
      'A Putin adviser said afterwards that Trump and Putin spoke for 40 minutes by phone on Monday about the peace talks.',
    ].join('\n');
    expect(speakersOfLines(text, 2)).toEqual(['-', '-', 'Yuri Ushakov', '-', '-']);
  });

  it('gives a group with a list of names set off after it to none of them, and a clause after "including" to the name after it', () => {
    const text = [
      'White House',
      'Trump met European leaders at the White House for peace talks on Ukraine.',
      'European dignitaries, including France’s Emmanuel Macron, Germany’s Friedrich Merz, and NATO Secretary-General Mark Rutte, echoed the call for security guarantees in the peace talks.',
      'Ukraine has handed over a list of 500 children, including about 50 who were taken to Crimea in 2022, Verstka said citing sources close to the peace talks.',
    ].join('\n');
    expect(speakersOfLines(text, 2)).toEqual(['-', 'Verstka']);
  });

  it('gives "according to" a role to the one person the article gave that role, and never to the role\'s country', () => {
    const text = [
      'Budapest',
      'United States President Donald Trump and Putin’s aide Yuri Ushakov spoke of the peace talks in Budapest.',
      'The summit on the peace talks could take place within two weeks in Hungary, according to the US President.',
      'Putin also conveyed political messages on the peace talks to Trump through Witkoff, according to the aide.',
    ].join('\n');
    expect(speakersOfLines(text, 2)).toEqual(['Donald Trump', 'Yuri Ushakov']);
  });

  it('gives "according to Russia\'s foreign minister" and "according to the President of South Africa" to the one holding that office, and an office nobody named to no one', () => {
    const text = [
      'Peace talks on Ukraine',
      'Russian Foreign Minister Sergei Lavrov and South African President Cyril Ramaphosa spoke of the peace talks on Ukraine.',
      'The peace talks on Ukraine could resume next week, according to Russia’s foreign minister.',
      'The peace talks on Ukraine were a step forward, according to the President of South Africa.',
      'The peace talks on Ukraine made progress, according to Trump’s Ukraine envoy.',
      'The peace talks on Ukraine will go on, according to Brazil’s president.',
    ].join('\n');
    expect(speakersOfLines(text, 2)).toEqual(['Sergei Lavrov', 'Cyril Ramaphosa', '-', '-']);
  });

  it('gives "according to Ukraine’s air force" to the air force, not to Ukraine, and "according to Washington’s special envoy" to no one', () => {
    const text = [
      'Peace talks on Ukraine',
      'Russian forces launched 71 missiles on the eve of the peace talks on Ukraine, according to Ukraine’s air force.',
      'The peace talks on Ukraine will resume next week, according to Belarus’ foreign ministry.',
      'Russia agreed to a security guarantee in the peace talks on Ukraine, according to Washington’s special envoy.',
    ].join('\n');
    expect(speakersOfLines(text, 1)).toEqual(['Ukraine’s air force', 'Belarus’ foreign ministry', '-']);
  });

  it('gives "According to the president, Western countries explained …" and "As explained by the Russian president, the West stated …" to the president', () => {
    const text = [
      'Putin rejects a ceasefire in the peace talks',
      'Russian President Vladimir Putin said on Thursday that a ceasefire was impossible before the peace talks.',
      'According to the president, Western countries explained that Kiev cannot control its armed formations in the peace talks.',
      'As explained by the Russian president, the West stated that Kiev is unable to control its formations in the peace talks.',
    ].join('\n');
    expect(speakersOfLines(text, 2)).toEqual(['Vladimir Putin', 'Vladimir Putin']);
  });

  it('gives a sentence no speaker for a verb in a clause that describes a thing it names ("the system that Biden offered to provide")', () => {
    const text = [
      'Putin hints at peace talks',
      'US President Joe Biden welcomed Volodymyr Zelenskiy to the White House ahead of any peace talks.',
      'Putin downplayed the Patriot defense system that Biden offered to provide Zelenskiy before the peace talks.',
      'Officials believe that Biden said the peace talks were over.',
      'Moscow alleged a drone attack before the peace talks, a claim that was immediately rejected by Kyiv.',
    ].join('\n');
    expect(speakersOfLines(text, 2)).toEqual(['-', 'Joe Biden', '-']);
  });

  it('takes a name of four words besides its particles whole, and "H.H. Sheikh" for titles', () => {
    const text = [
      'UAE hosts the peace talks on Ukraine',
      'UAE Foreign Minister Abdullah bin Zayed Al Nahyan said the peace talks on Ukraine would last two days.',
      'H.H. Sheikh Mohammed bin Zayed added that the peace talks on Ukraine were a step forward.',
    ].join('\n');
    expect(speakersOfLines(text, 1)).toEqual(['Abdullah bin Zayed Al Nahyan', 'Mohammed bin Zayed']);
  });

  it('gives "The Trump administration confirmed …" to the Trump administration, not to Trump', () => {
    const text = [
      'Trump pauses aid before the peace talks on Ukraine',
      'President Donald Trump spoke with Volodymyr Zelensky about the peace talks on Ukraine.',
      'The Trump administration confirmed it had frozen a shipment of weapons ahead of the peace talks on Ukraine.',
      'The peace talks on Ukraine stalled, and the Trump administration said it would wait.',
    ].join('\n');
    expect(speakersOfLines(text, 2)).toEqual(['Trump administration', 'Trump administration']);
  });

  it('reads a city and its country inside an aside as the aside, not the speaker: "Vance, during a visit to Agra, India, told"', () => {
    const text = [
      'London talks on Ukraine crisis downgraded',
      'Talks among US, Ukrainian and European officials on ending the war in Ukraine faltered on Wednesday.',
      'US Vice-President JD Vance, during a visit on Wednesday to Agra, India, told reporters that Washington had issued a very explicit peace proposal to both sides.',
      'U.S. President Donald Trump and Russian President Vladimir Putin held a telephone conversation on the peace talks in Ukraine, the Kremlin confirmed on Friday.',
    ].join('\n');
    expect(speakersOfLines(text, 2)).toEqual(['JD Vance', 'Kremlin']);
  });

  it('knows a name written family name first by its first word alone: "Wang said", "Xi said"', () => {
    const text = [
      'China backs peace talks on Ukraine',
      'Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow to discuss the peace talks on Ukraine.',
      '"China stands for peace talks and dialogue on Ukraine," Xi said.',
      'Chinese Foreign Minister Wang Yi told reporters that Beijing backs the peace talks on Ukraine.',
      'Wang said the peace plan for Ukraine was balanced.',
      'US President Donald Trump and Polish Prime Minister Donald Tusk discussed the peace talks on Ukraine.',
      'Trump said the peace talks on Ukraine were going well.',
    ].join('\n');
    expect(speakersOfLines(text, 2)).toEqual(['Xi Jinping', 'Wang Yi', 'Wang Yi', '-', 'Donald Trump']);
  });

  it('gives ", the President stressed …" to the president, not to a name in what was stressed', () => {
    const text = [
      'Zelenskyy on elections',
      'President Volodymyr Zelenskyy said Ukraine is ready to hold elections only under a full ceasefire agreed in the peace talks.',
      'Additionally, the President stressed the importance of expanding the PURL program for the peace talks.',
    ].join('\n');
    expect(speakersOfLines(text, 2)).toEqual(['Volodymyr Zelenskyy']);
  });

  it('spells a name set in capitals on a lead\'s first word as the name, and gives "… steps. - said Umerov." to Umerov', () => {
    const text = [
      'Putin invites Zelensky to Moscow for peace talks',
      'VLADIMIR Putin has invited Volodymyr Zelensky for face-to-face peace talks in Moscow.',
      'Putin said he believed the war in Ukraine could be ended with a peace deal.',
      'The head of the Ukrainian delegation, Minister of Defense Rustem Umerov, spoke after the second round of peace talks.',
      'Our teams will have a week to study the peace documents, after which we will be able to coordinate further steps. - said Umerov.',
    ].join('\n');
    expect(speakersOfLines(text, 2)).toEqual(['Vladimir Putin', expect.anything(), 'Rustem Umerov']);
  });

  it('gives no speaker to a "he" that unnamed sources report on ("Trusted Kremlin insiders suggest he remains …")', () => {
    const text = [
      'Witkoff meets Putin in Moscow',
      'U.S. Special Envoy Steve Witkoff met with President Vladimir Putin at the Kremlin on August 6 on the peace talks in Ukraine.',
      'Trusted Kremlin insiders suggest he remains confident in the peace talks and skeptical about the effectiveness of further sanctions.',
      'He also contacted US Vice President JD Vance and senior officials for what he described as an hour-long phone call on the peace talks.',
    ].join('\n');
    const who = speakersOfLines(text, 2);
    expect(who[0]).toBe('-');
    expect(who[1]).not.toBe('-');
  });

  it('gives a paragraph in the first person that ends "… he said - added Zelensky." to Zelensky, every sentence of it', () => {
    const text = [
      "Zelensky rejects Putin's ceasefire terms",
      "President Volodymyr Zelensky called Putin's proposal for peace talks an ultimatum on Friday.",
      '- These are ultimatum messages that are no different from the messages given in the past. He wants us to give up some of our occupied territories in the peace talks. This is what Hitler did when he said - added Zelensky.',
      'In general, we are satisfied with the result of the peace talks and are ready to continue contacts - said Medinsky.',
    ].join('\n');
    const who = Object.fromEntries(speakers(text));
    expect(who['These are ultimatum messages t'] ?? who['- These are ultimatum message']).toBe('Volodymyr Zelensky');
    expect(who['He wants us to give up some of']).toBe('Volodymyr Zelensky');
    expect(who['This is what Hitler did when h']).toBe('Volodymyr Zelensky');
    expect(who['In general, we are satisfied w']).toBe('Medinsky');
  });

  it('does not give ", emphasizing …" to a name in the possessive that opens the sentence', () => {
    const text = [
      "Kyiv rejects Putin's terms for peace talks",
      'Russian President Vladimir Putin set out his terms for peace talks on Friday.',
      'Putin’s offer also drew a reaction from the Ukrainian Ministry of Foreign Affairs, emphasizing that the peace talks need a real ceasefire first.',
    ].join('\n');
    expect(speakersOfLines(text, 2)[0]).not.toBe('Vladimir Putin');
  });

  it('keeps titles and headline words out of names: "Secretary of Foreign Affairs X", "Pres X", "Sen X", "Witkoff and Kushner Meet Putin"', () => {
    const text = [
      'Witkoff and Kushner Meet Putin in Moscow to Discuss Peace Plan',
      'Turkish Minister of Foreign Affairs Mevlut Cavusoglu said the peace talks had brought the greatest progress so far.',
      'Pres Vladimir Putin has said Ukraine would need to withdraw troops before the peace talks.',
      'Republican Sen. Lindsey Graham called the peace talks a “missed opportunity” and questioned whether a deal can be reached.',
      'Putin has consistently stated that Russia intends to take full control of the Donbas region through the peace talks.',
    ].join('\n');
    expect(speakersOfLines(text, 1)).toEqual(['Mevlut Cavusoglu', 'Vladimir Putin', 'Lindsey Graham', 'Vladimir Putin']);
  });

  it('gives ", with Kremlin spokesman Dmitry Peskov, telling reporters …" to Peskov, and "according to a U.S. official" to no one', () => {
    const text = [
      'Trump and Zelensky meet at Mar-a-Lago on peace talks',
      'Russia has also been talking to U.S. representatives on the peace talks, with Kremlin spokesman Dmitry Peskov, telling reporters Friday that contacts would continue.',
      'The trilateral peace talks in the UAE will resume on Feb. 1, according to a U.S. official.',
      'The Ukrainian leader said he raised concerns about the peace talks directly with President Trump, noting that the war had already lasted four years.',
    ].join('\n');
    const who = speakersOfLines(text, 1);
    expect(who[0]).toBe('Dmitry Peskov');
    expect(who[1]).toBe('-');
    expect(who[2]).not.toBe('Donald Trump');
  });

  it('gives "…, with Zelensky vowing, “…”" to Zelensky, and the "He added" after it too', () => {
    const text = [
      'Zelensky rejects land swap ahead of Alaska summit',
      'Ukrainian President Volodymyr Zelensky has warned that decisions without Ukraine will not bring peace, ahead of a summit in Alaska.',
      'Announcing the meeting on Friday, Trump said there would be “some swapping of territories to the betterment of both” Ukraine and Russia.',
      'The comment sparked swift backlash from Kyiv, with Zelensky vowing, “Ukrainians will not give their land to the occupier.” He added that the war “cannot be ended without us, without Ukraine.”',
    ].join('\n');
    const who = Object.fromEntries(speakers(text));
    expect(who['The comment sparked swift back']).toBe('Volodymyr Zelensky');
    expect(who['He added that the war “cannot ']).toBe('Volodymyr Zelensky');
  });

  it('gives a closing "he added" to the person the text was about, not to a name inside what he said', () => {
    const text = [
      'Kremlin aide says Putin-Witkoff ceasefire talks useful',
      'Kremlin aide Yuri Ushakov said the two discussed a ceasefire in Ukraine and prospects for peace talks with Kyiv.',
      'Putin is now fully informed on the current situation, he added.',
    ].join('\n');
    expect(speakersOfLines(text, 2)).toEqual(['Yuri Ushakov']);
  });

  it('does not take a name after "with" in a fronted clause for the subject a later "he said" goes back to', () => {
    const text = [
      'Putin hedges on ceasefire',
      'Russian President Vladimir Putin buried the lead about whether he would agree to a US-brokered proposal for a 30-day ceasefire in Ukraine.',
      'Asked during a joint press conference on March 13 with Belarusian President Aleksandr Lukashenko how he viewed a ceasefire, the Kremlin leader gave a heavily qualified answer.',
      '“We agree with the proposals to stop the hostilities, but we proceed from the fact that this cessation should lead to long-term peace,” he said.',
    ].join('\n');
    expect(speakersOfLines(text, 3)).toEqual(['Vladimir Putin']);
  });

  it('takes "its Foreign Minister, Dmytro Kuleba" for the one "the Ukrainian foreign minister" is, and a "he noted" after that sentence for his', () => {
    const text = [
      'Kuleba meets Wang Yi in Guangzhou',
      'Ukraine’s willingness to engage in peace talks with Russia has been reaffirmed by its Foreign Minister, Dmytro Kuleba, during his meeting with China’s top diplomat, Wang Yi.',
      'The Chinese Foreign Ministry Spokesperson Mao Ning said that Kuleba stated at the meeting that Ukraine is preparing for negotiations with Russia.',
      'The Ukrainian foreign minister also emphasized the importance of China’s role in facilitating peace.',
      'He noted that Ukraine has been studying the peace initiative proposed by China and Brazil.',
    ].join('\n');
    expect(speakersOfLines(text, 3)).toEqual(['Dmytro Kuleba', 'Dmytro Kuleba']);
  });

  it('takes a role with a country for the one given it without one only on that country\'s side (the bundled story\'s sides)', () => {
    const speakersWithSides = (text: string) => {
      const r = analyzeArticle({ text, sourceName: 'Test Wire', publishedAt: '2025-05-20T18:00:00Z' }, sampleStory(), NOW);
      if (!r.ok) throw new Error(JSON.stringify(r));
      return Object.fromEntries(r.article.facts.map((f) => [f.text.slice(0, 30), f.speaker ?? '-']));
    };
    const both = [
      'Trump and Zelensky discuss ceasefire talks',
      'President Donald Trump and President Volodymyr Zelensky spoke by phone on Monday about the ceasefire talks with Russia.',
      'The Ukrainian president said Kyiv was ready for a full ceasefire of thirty days starting at once.',
    ].join('\n');
    expect(speakersWithSides(both)['The Ukrainian president said K']).toBe('Volodymyr Zelensky');
    // Putin named without his title: "the Russian president" is not the one president named, Trump.
    const notTrump = [
      'Trump speaks with Putin about the ceasefire talks',
      'President Donald Trump spoke with Vladimir Putin by phone on Monday about the ceasefire talks in Istanbul.',
      'The Russian president said Moscow was ready to work on a memorandum with Ukraine on a future peace deal.',
    ].join('\n');
    expect(speakersWithSides(notTrump)['The Russian president said Mo']).not.toBe('Donald Trump');
  });

  it('gives a "he said" after a subject that is a role no one was given ("The Ukrainian leader told … with Erdogan and Guterres") to none of the names after it', () => {
    const text = [
      'Zelensky rules out ceasefire talks before withdrawal',
      'President Volodymyr Zelensky on Thursday ruled out a ceasefire or peace talks with Russia unless it withdraws its troops, speaking after talks with President Recep Tayyip Erdogan and UN Secretary-General Antonio Guterres.',
      'Zelensky told reporters he was surprised to hear that Russia was ready for some kind of peace.',
      'The Ukrainian leader told a press conference in Lviv with Erdogan and Guterres that Russia cannot be trusted.',
      '"People who hit our cities with missiles every day cannot want peace," he said.',
    ].join('\n');
    const [last] = speakersOfLines(text, 4);
    expect(last).not.toBe('Antonio Guterres');
    expect(last).not.toBe('Recep Tayyip Erdogan');
  });

  it('gives no verb to a name joined by "and" to another after "with": "spoke by phone with Putin and Zelenskyy … and announced"', () => {
    const text = [
      'US and Russian delegations meet in Riyadh',
      'Trump spoke by phone with Russian President Vladimir Putin and Ukrainian President Volodymyr Zelenskyy last week and announced Russia was ready to move ahead with negotiations.',
      'Ukrainian President Volodymyr Zelenskyy and his aides said Kyiv would not accept any deal made without it.',
    ].join('\n');
    const who = speakersOfLines(text, 1);
    expect(who[0]).not.toBe('Volodymyr Zelenskyy');
    expect(who[0]).not.toBe('Vladimir Putin');
    expect(who[1]).toBe('Volodymyr Zelenskyy');
  });

  it('gives no speaker to the one a passive verb speaks of, nor to a reply that was a deed', () => {
    const text = [
      'Kremlin says Putin will not meet Zelensky before a deal',
      'Kremlin spokesman Dmitry Peskov said on Tuesday that President Vladimir Putin had no plans to meet Volodymyr Zelensky before a peace deal was ready.',
      'Zelensky was accused by no one in Kyiv of stalling, but Moscow has repeatedly said he was not ready for peace talks.',
      'Ukraine was asked to withdraw its troops from the rest of the Donetsk region as part of the plan.',
      'Russia responded by launching more than 400 drones at Ukrainian cities overnight, air force spokesman Yuriy Ihnat said.',
    ].join('\n');
    const who = speakersOfLines(text, 3);
    expect(who[0]).toBe('-');
    expect(who[1]).toBe('Yuriy Ihnat');
  });

  it('gives "she said" to no man the first names tell of, and "he said" to no woman', () => {
    const text = [
      'Kallas and Rubio discuss the peace plan',
      'EU foreign policy chief Kaja Kallas met US Secretary of State Marco Rubio in Brussels on Tuesday to discuss the American peace plan.',
      'Marco Rubio told reporters the plan was a living document that would change as talks went on.',
      '“Europe will not accept a deal that rewards aggression,” she said after the meeting.',
      'European Commission President Ursula von der Leyen said the union would keep its sanctions on Russia in place.',
      '“There can be no ceasefire without guarantees for Ukraine,” he said.',
    ].join('\n');
    const who = speakersOfLines(text, 3);
    expect(who[0]).not.toBe('Marco Rubio');
    expect(who[2]).not.toBe('Ursula von der Leyen');
  });

  it('lets "he" stand for a man whose first name the lexicon gives women (Valery, Lindsey, Kim, Nikita)', () => {
    const text = [
      'Gerasimov and Graham on the peace talks',
      'Russia’s chief of the general staff Valery Gerasimov spoke at a briefing in Moscow on the peace talks on Tuesday.',
      '“Our forces hold the initiative along the whole front line,” he said.',
      'US Senator Lindsey Graham met Zelensky in Kyiv on the same day to discuss sanctions and the peace talks.',
      '“The Senate is ready to pass the sanctions bill next week,” he said.',
    ].join('\n');
    expect(speakersOfLines(text, 2)).toEqual(['Valery Gerasimov', '-', 'Lindsey Graham']);
  });
});

describe('a relative clause after an object', () => {
  it('gives ", who said" to the name before it even when that name is the object of the clause ("was led by … Umerov, who said"), and the "He said" after it too', () => {
    const text = [
      'Zelenskyy signals fresh push after Geneva peace talks',
      'Ukrainian President Volodymyr Zelenskyy said the next round of peace talks is likely to take place in Abu Dhabi next month.',
      'Ukraine’s delegation in Geneva was led by Defence Minister Rustem Umerov, who said negotiators were working to finalise the security elements ahead of the next round.',
      'He said a detailed framework on Ukraine’s reconstruction had been prepared with the American side.',
    ].join('\n');
    expect(speakersOfLines(text, 2)).toEqual(['Rustem Umerov', 'Rustem Umerov']);
  });
});

describe('"he" after a name in an opening subordinate clause', () => {
  // The sentence before names someone else, whom "he" would otherwise go back to.
  const speakerAfterBacon = (sentence: string): string | undefined =>
    speakersOfLines(
      [
        'Republicans split on the US ceasefire plan for Ukraine',
        'The House and Senate tilt hawkish on the peace talks between Russia and Ukraine. (Retiring Rep. Don Bacon has already compared the peace plan to “1938 Munich.”)',
        sentence,
      ].join('\n'),
      2,
    )[0];

  it.each([
    [
      'a description stands before the name',
      'When staunch Trump ally Sen. Lindsey Graham was asked about it yesterday, he claimed not to know the details and said tersely, “I’m glad that the president is trying to end the war in Ukraine.”',
      'Lindsey Graham',
    ],
    ['a quotation follows ", he said," (no aside)', 'When Emmanuel Macron spoke to reporters yesterday, he said, “I’m glad that the president is trying to end the war in Ukraine.”', 'Emmanuel Macron'],
    ['"he said" closes a quotation after the clause', 'After Emmanuel Macron met Zelensky in Kyiv on Monday, “Europe will stand with Ukraine in the peace talks,” he said.', 'Emmanuel Macron'],
  ])('goes to the subject of the clause when %s', (_, sentence, speaker) => {
    expect(speakerAfterBacon(sentence)).toBe(speaker);
  });

  it('does not go to a name after a preposition in the clause ("When talks with Putin had ended, he said …")', () => {
    const text = [
      'Witkoff on the peace talks in Moscow',
      'US envoy Steve Witkoff flew to Moscow on Thursday for peace talks on Ukraine.',
      'When talks with Putin had ended, he said the peace plan for Ukraine was close to a deal.',
    ].join('\n');
    expect(speakersOfLines(text, 2)).toEqual(['Steve Witkoff']);
  });
});

describe('speakers in whole articles', () => {
  it('reads "according to the framework agreed at …" as in keeping with it, an indefinite role as someone unnamed, and a name inside a dash aside as no subject', () => {
    const text = [
      'Abu Dhabi peace talks make progress',
      'Russian envoy Kirill Dmitriev met Steve Witkoff for peace talks in Abu Dhabi.',
      'Kremlin aide Yuri Ushakov told reporters that there would be "no hope" of a peace settlement unless territorial issues were resolved according to the framework agreed at the Trump-Putin Alaska summit.',
      'An East Wing spokesman said the lines of communication on the peace talks had continued after Melania Trump wrote a letter to Putin.',
      'Dmitriev -- who has been a leading figure in Moscow\'s direct negotiations with the Trump administration through Witkoff -- told reporters that there "is certainly progress" in the peace talks.',
    ].join('\n');
    expect(speakersOfLines(text, 2)).toEqual(['Yuri Ushakov', '-', 'Kirill Dmitriev']);
  });

  it('gives "he said" after a sentence about a role the body gives no one ("The prime minister used an address …") to no one, not the last person named', () => {
    const text = [
      'Starmer: Putin standing in the way of peace deal',
      'The UK defence secretary John Healey also hit out at Putin, saying the war and the stalled peace talks had been "four years of failure" for him.',
      'The prime minister used an address to his cabinet on Tuesday morning to praise the resilience of Ukraine in the peace talks.',
      '"It is about our values of freedom, democracy and sovereignty in any peace deal," he said.',
      'But, he insisted, "it is Putin who is standing in the way" of a ceasefire.',
    ].join('\n');
    expect(speakersOfLines(text, 3)).toEqual(['-', '-']);
    // A role the body gives someone it names is theirs, as before.
    const named = text.replace('The UK defence secretary John Healey also', 'Prime Minister Keir Starmer and the UK defence secretary John Healey both');
    expect(speakersOfLines(named, 3)).toEqual(['Keir Starmer', 'Keir Starmer']);
    // A role given to no one, after someone the article gave no other role, is still about them.
    const putin = [
      'Putin and Xi hold peace talks by video',
      'Putin invited Xi to Moscow as the pair held talks on the Ukraine peace plan via videoconference.',
      'The Russian leader noted that military cooperation had a special place in the peace talks.',
      'He said the Kremlin aimed to strengthen the cooperation between the armed forces of Russia and China.',
    ].join('\n');
    expect(speakersOfLines(putin, 3)).toEqual(['Putin']);
  });

  it('gives "President X of Ukraine said" to X, and "what Trump had said was possible" to no one', () => {
    const text = [
      'Russia agrees to halt strikes on energy sites',
      'President Vladimir Putin of Russia agreed on Tuesday on a call with President Trump to halt strikes on Ukraine’s energy infrastructure for 30 days.',
      'President Volodymyr Zelensky of Ukraine said he was open to the truce on attacks on energy infrastructure.',
      'The outcome of the call fell well short of what Trump had suggested was possible before the two leaders spoke.',
    ].join('\n');
    expect(speakersOfLines(text, 2)).toEqual(['Volodymyr Zelensky', '-']);
  });

  it('takes no nationality for a speaker: "Chief Russian negotiator" names Medinsky, and "The Russian Investigative Committee announced" is the committee', () => {
    const text = [
      'Russia and Ukraine end Istanbul round of ceasefire talks',
      'Russian and Ukrainian delegations ended their second round of direct peace talks in Istanbul on Tuesday without a ceasefire.',
      'Chief Russian negotiator Vladimir Medinsky said the withdrawal near Kyiv was a huge step toward peace at the talks in Istanbul.',
      'The Russian Investigative Committee announced it is investigating more than ten criminal cases over reports of the Ukraine talks.',
    ].join('\n');
    const who = speakersOfLines(text, 2);
    expect(who[0]).toBe('Vladimir Medinsky');
    expect(who[1]).not.toBe('Russian');
  });

  it('knows "JD Vance" by his initials, keeps a title before a single name ("Pope Francis") out of the surname, and reads "said Zelensky and Vance discussed" as the reported clause', () => {
    const text = [
      'Zelensky and Vance meet in Rome',
      'Volodymyr Zelensky shook hands with JD Vance at the inauguration of Pope Leo XIV in Vatican City on Sunday, a first meeting since the Oval Office talks.',
      'He then spotted the Second Lady, Usha Vance, and returned to shake her hand too.',
      'Vance had accused Zelensky of ingratitude during the tense conversation on the ceasefire talks.',
      "A senior Ukrainian official from the president's office, speaking on condition of anonymity, said Zelensky and Vance also discussed preparations for Monday's call.",
      'Meanwhile, Pope Leo XIV, during his inaugural mass, spoke about peace and justice as pillars of diplomacy.',
      "The Pope offered prayers for those suffering, including the people of Ukraine, and called for a 'just and lasting peace.'",
      'Vance, a Catholic convert who had previously clashed with Pope Francis over immigration, paid respects at his tomb.',
    ].join('\n');
    const who = speakersOfLines(text, 3);
    // Not the Second Lady, named in full later than him: the vice president the page names first.
    expect(who[0]).toBe('JD Vance');
    expect(who[1]).toBe('-');
    // Not Pope Francis, whose title had been taken for a family name written first ("Xi Jinping").
    expect(who[3]).not.toBe('Pope Francis');
  });
});
