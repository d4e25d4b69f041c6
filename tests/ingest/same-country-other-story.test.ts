import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestInputs } from '../../src/ingest/pipeline.js';
import { sampleStory } from '../helpers/fixtures.js';

const fixture = (name: string) => join(import.meta.dirname, 'fixtures', name);

/** Ingest one text as a file (dry run), published at `published` and ingested six hours later. */
async function ingestText(text: string, published: string) {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-story-'));
  try {
    const file = join(dir, 'article.txt');
    writeFileSync(file, text);
    return await ingestInputs([file], { story: sampleStory(), now: new Date(Date.parse(published) + 6 * 3_600_000), published, dryRun: true });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('articles about the same countries but another story (bundled story definition)', () => {
  it('keeps a report of the talks in the words of official statements ("settle the Ukraine crisis through dialogue")', async () => {
    const text = [
      'Chinese President Xi Jinping and Russian President Vladimir Putin have jointly stressed the need to settle the Ukraine crisis through dialogue.',
      'The two presidents signed a joint statement on deepening their comprehensive strategic partnership at the Kremlin.',
      'On the Ukraine issue, the two sides said the principles of the United Nations Charter must be observed.',
      'Russia welcomed China’s willingness to play a positive role in the political and diplomatic settlement of the Ukraine crisis.',
    ].join('\n\n');
    const run = await ingestText(text, '2023-03-22T08:00:00Z');
    expect(run.results[0]).toMatchObject({ ok: true });
  });

  it("reads a side's negotiating position as the talks, and the EU's accession positions as accession", async () => {
    const lead = (words: string) =>
      [
        'Putin says Kursk attack aims at talks',
        `President Vladimir Putin said on Monday that the attack was aimed at improving ${words}.`,
        'Ukrainian forces rammed through the Russian border last Tuesday and swept across parts of the Kursk region.',
        'Putin said the military would push the enemy out and that there would be a worthy response.',
      ].join('\n\n');
    expect((await ingestText(lead("Kyiv's negotiating position"), '2024-08-12T16:00:00Z')).results[0]).toMatchObject({ ok: true });
    expect((await ingestText(lead("Ukraine's accession positions in the EU's negotiating clusters"), '2024-08-12T16:00:00Z')).results[0]).toMatchObject({ ok: false });
  });

  it('keeps a headline that drops its article ("Putin Says Russia Wants To End Ukraine War") as the talks\' subject', async () => {
    const text = [
      'President Vladimir Putin Says Russia Wants To End Ukraine War, “The Sooner, The Better”',
      'The Kremlin said that Kiev and Washington ignored its concerns and that the US was using Ukraine as a theatre of war to harm Russia.',
      'Russian forces are now focused on the Donbas region, the military chief in Moscow said.',
      'Putin also said that Russia would find a way to counter the Patriot air defence system the US is sending to Ukraine.',
    ].join('\n\n');
    expect((await ingestText(text, '2022-12-22T16:00:00Z')).results[0]).toMatchObject({ ok: true });
  });

  it('keeps a meeting of leaders on the ways to end the war that names the war between ("end the Russian-Ukrainian War"), and files no ally\'s own NATO membership under security guarantees', async () => {
    const text = [
      'Erdogan meets with Zelenskyy and Guterres in Lviv',
      'Turkish President Recep Tayyip Erdogan met with Ukrainian President Volodymyr Zelenskyy and UN Secretary-General Antonio Guterres in Lviv on Thursday.',
      'Possible ways to end the Russian-Ukrainian War, the grain exports and the situation at the nuclear plant were reportedly discussed in the meeting.',
      'Erdogan said after the meeting that he believed the fighting would eventually stop at a table between the two sides.',
      'Turkey, even though it is a NATO member, did not join Western sanctions against Russia and seeks to act as a mediator between Russia and Ukraine.',
    ].join('\n\n');
    const run = await ingestText(text, '2022-08-18T16:00:00Z');
    expect(run.results[0]).toMatchObject({ ok: true });
    const turkey = run.records[0]?.facts.find((f) => f.text.startsWith('Turkey, even though'));
    expect(turkey?.questions ?? []).not.toContain('security-guarantees');
  });

  it('keeps a leader\'s hope for the war to end, with the war as the subject ("Russia\'s war against Ukraine will end within six months")', async () => {
    const text = [
      'Trump hopes Russia\'s war against Ukraine to end within six months',
      'U.S. President-elect Donald Trump has expressed hope that Russia\'s war against Ukraine will end within six months.',
      'He said this on Tuesday at a press conference at his Mar-a-Lago estate in Florida, a correspondent reports.',
      '“I hope to have six months,” Trump said when asked by journalists when the war could end.',
      'He stressed that both Russia and Ukraine continue to lose many people.',
      'Trump also noted that Russian President Putin would like to meet with him after the inauguration.',
    ].join('\n\n');
    expect((await ingestText(text, '2025-01-07T22:00:00Z')).results[0]).toMatchObject({ ok: true });
  });

  it('rejects a frozen conflict\'s own talks with Ukraine as a mediator, and a country\'s talks with its lenders; keeps a leader\'s visit as a peacemaker', async () => {
    const transnistria = [
      'Transnistrian settlement format suspended',
      'MOSCOW, July 21. /TASS/: The 5+2 format on the Transnistrian settlement de facto is not working but there are no better alternatives to it, a Russian diplomat said on Thursday.',
      '"The role of some participants of this format leaves much to be desired but so far we have nothing better," he said at a roundtable on Russia’s peacekeeping operation in Transnistria.',
      'The peace talks in the 5+2 format (involving Moldova and Transnistria as parties to the conflict, Russia, Ukraine and the OSCE as mediators) began to lose momentum in recent years.',
    ].join('\n\n');
    expect((await ingestText(transnistria, '2022-07-21T12:00:00Z')).results[0]).toMatchObject({ ok: false, rejected: true });
    const imf = [
      'Ukraine is close to reaching a deal with the International Monetary Fund to receive the next $900 million disbursement of its loan, Bloomberg reported on Wednesday.',
      'Ukraine expects to reach an agreement with IMF staff as early as Thursday, according to officials with knowledge of the talks.',
      'As reported earlier, the IMF mission and Ukrainian authorities held talks in Warsaw on the third review of the programme.',
    ].join('\n\n');
    expect((await ingestText(imf, '2024-02-21T12:00:00Z')).results[0]).toMatchObject({ ok: false, rejected: true });
    const orban = [
      'Pro-Russia Hungarian prime minister visits Ukraine',
      'Hungarian Prime Minister Viktor Orban made a surprise visit to Ukraine on Tuesday, the first time he has traveled to Kyiv since the Russian invasion.',
      'He has maintained ties with Russian President Vladimir Putin but has adopted the role of peacemaker.',
      'Orban arrived one day after Hungary took over the rotating presidency of the European Union.',
      'He told Ukrainian President Volodymyr Zelenskyy that the war is the continent\'s most important issue, and he pushed for a temporary ceasefire.',
      'Orban said: "The question of peace is not only paramount for Ukraine but also for Europe."',
      'Orban has frustrated the efforts of other European leaders to deliver assistance to Ukraine.',
      'Hungary will hold the EU presidency through December, and Hungarian officials say they will act as honest brokers.',
    ].join('\n\n');
    expect((await ingestText(orban, '2024-07-02T12:00:00Z')).results[0]).toMatchObject({ ok: true });
  });

  it("keeps a leader's trip to meet one side about the war as a mediator, in words other than talks or ceasefire", async () => {
    const visit = [
      'Prime minister flies to Moscow, meets Putin about Ukraine war',
      'The prime minister travelled to Moscow on Saturday for a meeting with Russian President Vladimir Putin to discuss the war in Ukraine.',
      'The meeting at the Kremlin lasted three hours, his office said, and he later spoke by phone with the Ukrainian president.',
      'He then flew on to Berlin to see the German chancellor before returning home on Sunday.',
    ].join('\n\n');
    expect((await ingestText(visit, '2022-03-05T20:00:00Z')).results[0]).toMatchObject({ ok: true });
    const mediator = [
      'Visiting leader meets Putin, calls Zelenskyy',
      'The prime minister is acting as a mediator between Russia and Ukraine after meeting Russian President Vladimir Putin and speaking several times with Ukrainian President Volodymyr Zelenskyy.',
      'He became the first Western leader to sit down with Putin since the invasion of Ukraine began.',
      'He also travelled to Berlin over the weekend, his office said.',
    ].join('\n\n');
    expect((await ingestText(mediator, '2022-03-05T20:00:00Z')).results[0]).toMatchObject({ ok: true });
    // A visit that thanks a host for its efforts to resolve the conflict in Ukraine, the word in quotation marks.
    const thanks = [
      'Brazil receives Russia’s foreign minister with honours',
      'Russian Foreign Minister Sergei Lavrov thanked Brazil on Monday for its efforts to resolve the "conflict" in Ukraine during his visit to Brasilia.',
      'Lavrov said Moscow wanted the "conflict" in Ukraine to be resolved as soon as possible and in a lasting way.',
      'Brazil’s president has proposed a group of countries to mediate, and said the United States should stop encouraging the war.',
      'The White House accused Brazil of repeating Russian and Chinese propaganda.',
    ].join('\n\n');
    expect((await ingestText(thanks, '2023-04-17T20:00:00Z')).results[0]).toMatchObject({ ok: true });
    // One side's leader ready to discuss the war, on a day that is about something else.
    const ready = [
      'Russian President Vladimir Putin congratulated the new US president on his inauguration and hoped for renewed contacts.',
      'At a televised meeting of his Security Council, Putin said he was willing to discuss major global issues, including the conflict in Ukraine and arms control.',
      'He said Moscow welcomed statements about the need to prevent a third world war.',
      'The Kremlin said no call between the two presidents had yet been arranged.',
    ].join('\n\n');
    expect((await ingestText(ready, '2025-01-20T20:00:00Z')).results[0]).toMatchObject({ ok: true });
  });

  it("keeps a leader ready to talk with the other side's about Ukraine, or ready to talk with it and the war's end named right after, and one who would talk if the invasion ends", async () => {
    const aboutUkraine = [
      "Putin weighs in on Trump win, says he's ready to talk about Ukraine",
      'Russian President Vladimir Putin congratulated Donald Trump on his election victory and said he was ready to talk to the president-elect about Ukraine.',
      'They were his first public remarks on Trump since the vote, made late on Thursday in the Black Sea resort of Sochi.',
      'Officials in Kyiv caution that Putin, whatever he promises, cannot be trusted, and fear that aid may slow.',
    ].join('\n\n');
    expect((await ingestText(aboutUkraine, '2024-11-07T20:00:00Z')).results[0]).toMatchObject({ ok: true });
    const ready = [
      'The Russian president has said that he is ready for discussions with the US President-elect',
      'Russian President Vladimir Putin has congratulated Donald Trump on his electoral victory and confirmed that he is ready to talk with the US president-elect.',
      'Speaking at a meeting of the Valdai club in Sochi on Thursday, Putin said he wished to offer his congratulations to Trump.',
      'Putin noted that Trump has expressed a desire to end the Ukraine conflict, and that such statements deserve attention.',
      'The Russian president then paid tribute to Trump’s actions during an attempt on his life in July.',
      'He said Trump had behaved courageously, like a real man, in a difficult moment for him.',
      'Trump has said he had not yet spoken to Putin since the election.',
    ].join('\n\n');
    expect((await ingestText(ready, '2024-11-07T20:00:00Z')).results[0]).toMatchObject({ ok: true });
    const invasion = [
      'Biden, Macron condemn Putin, but willing to talk to Russian leader',
      'US President Joe Biden and French President Emmanuel Macron presented a united front on Ukraine on Thursday, and Biden said he would talk to Russian President Vladimir Putin if he is willing to end the invasion.',
      'Biden has resisted talking to Putin since the Russian leader launched the invasion in February.',
      'Macron has kept lines of communication with the Kremlin open throughout the year.',
    ].join('\n\n');
    expect((await ingestText(invasion, '2022-12-01T20:00:00Z')).results[0]).toMatchObject({ ok: true });
    const engage = [
      'On Friday, the Kremlin said that Russian President Vladimir Putin is ready to engage in discussions with U.S. President Donald Trump, but is waiting for signals from Washington.',
      'Kremlin spokesperson Dmitry Peskov conveyed the message to the press in Moscow on Friday afternoon.',
      'Both presidents have shown a willingness to meet and address the ongoing conflict in Ukraine.',
      'Trump has warned of tougher sanctions on Russia unless Moscow agrees to deescalate.',
      'Peskov declined to give details of any meeting, saying it was hard to predict.',
      'He also rejected the idea that oil prices could decide the course of the war.',
    ].join('\n\n');
    expect((await ingestText(engage, '2025-01-24T20:00:00Z')).results[0]).toMatchObject({ ok: true });
  });

  it("reads a lead about Putin or Zelensky into its third sentence, and a lead about anyone else in two", async () => {
    const congratulated = [
      'Vladimir Putin has congratulated Donald Trump on his election victory, calling him a courageous man.',
      'Speaking at an event in the Russian city of Sochi, the Russian president said that Trump was hounded from all sides.',
      'Putin also said that Trump’s claim that he can help end the war in Ukraine deserves attention at least.',
      'During his campaign, Trump repeatedly said he could end the war in a day but never said how.',
      'Putin also spoke of the attempt on Trump’s life in July, saying it had made an impression on him.',
      'After being shot, Trump punched his fist into the air before being led away by his guards.',
      'The Kremlin said no call between the two had been arranged so far.',
    ].join('\n\n');
    expect((await ingestText(congratulated, '2024-11-07T20:00:00Z')).results[0]).toMatchObject({ ok: true });
    const summit = [
      'NATO leaders gathered in The Hague on Tuesday for a summit set to approve a new defence spending target of 5% of GDP.',
      'Secretary General Mark Rutte said the allies had agreed the wording after weeks of talks, with Spain exempted.',
      'Trump, who has long pressed allies to spend more, said the talks on ending the war in Ukraine would not be on the agenda.',
      'The leaders will also discuss the alliance’s industrial capacity and its supply of ammunition.',
      'The Dutch government closed roads around the venue for two days and deployed thousands of police.',
      'The summit is the first in the Netherlands since the alliance was founded.',
      'The next one will be held in Turkey.',
    ].join('\n\n');
    expect((await ingestText(summit, '2025-06-24T20:00:00Z')).results[0]).toMatchObject({ ok: false });
  });

  it('reads the standfirst under the headline as the lead does, when the lead goes into a call\'s details', async () => {
    const page = [
      'Trump says there was no progress in talk with Putin',
      'U.S. President Donald Trump admitted he made no progress in his conversation with Vladimir Putin about ending the war in Ukraine.',
      'Photo: U.S. Secretary of Defense, PDM 1.0',
      'Donald Trump stated that his phone call with the Russian president yielded no results, covering topics from Iran to trade.',
      '“I’m not happy about it… I didn’t make any progress with him today,” Trump told reporters at Andrews Air Force Base.',
      'He added that the United States must also take care of its own stockpiles of weapons it sends to Ukraine.',
      'This was already the sixth conversation between the two presidents since January.',
      'According to the Kremlin, the conversation lasted nearly an hour and also touched on Iran.',
      'The Russian president said Moscow would not give up on addressing the root causes of the conflict.',
      'The White House did not say when the two leaders would speak again.',
      'Trump later flew to Iowa for a rally marking the country’s 250th anniversary.',
    ].join('\n\n');
    expect((await ingestText(page, '2025-07-03T20:00:00Z')).results[0]).toMatchObject({ ok: true });
  });

  it("keeps a call in which a leader and Putin discussed the war, and a minister's frustration at no progress on resolving the Ukraine war, with attacks told beside it", async () => {
    const call = [
      'Russian President Vladimir Putin and Hungarian Prime Minister Viktor Orban held a phone conversation in which they discussed the war in Ukraine.',
      '"A thorough exchange of views on Ukrainian issues was held," the Kremlin said in a statement.',
      'Orban said he would use his contacts with Western leaders to help the process along.',
    ].join('\n\n');
    expect((await ingestText(call, '2024-12-11T20:00:00Z')).results[0]).toMatchObject({ ok: true });
    const frustrated = [
      'Rubio tells Lavrov: US frustrated over Ukraine stalemate',
      'US Secretary of State Marco Rubio said he expressed "disappointment and frustration" to his Russian counterpart over the lack of progress on resolving the Ukraine war.',
      'Russian drones and missiles bore down on the Ukrainian capital on Thursday, as escalating Russian attacks strained Ukrainian air defences.',
      'Ukrainian President Volodymyr Zelenskyy said Russia had launched 18 missiles and around 400 drones in an attack that targeted the capital.',
      'Moscow had launched a record 728 drones at its neighbour the night before.',
    ].join('\n\n');
    expect((await ingestText(frustrated, '2025-07-10T20:00:00Z')).results[0]).toMatchObject({ ok: true });
  });

  it('rejects grain exports and a song contest, keeps the talks, and strips a dated Reuters dateline', async () => {
    const run = await ingestInputs([fixture('grain-exports.txt'), fixture('eurovision.txt'), fixture('istanbul-second-round.txt')], {
      story: sampleStory(),
      now: new Date('2025-06-02T00:00:00Z'),
      published: '2025-06-01T18:00:00Z',
      dryRun: true,
    });
    const rejected = run.results.filter((r) => 'rejected' in r && r.rejected);
    expect(rejected.map((r) => ('input' in r ? r.input : '')).sort()).toEqual([fixture('eurovision.txt'), fixture('grain-exports.txt')].sort());
    for (const r of rejected) if ('reason' in r) expect(r.reason).toMatch(/not about the story's subject/);
    expect(run.records).toHaveLength(1);
    const talks = run.records[0]!;
    expect(talks.facts[0]?.text.startsWith('Russia and Ukraine will hold a second round')).toBe(true);
    expect(talks.facts.find((f) => f.text.includes('"We are ready to work,"'))?.speaker).toBe('Dmitry Peskov');
    expect(new Set(talks.facts.flatMap((f) => f.questions ?? []))).toEqual(new Set(['territory', 'security-guarantees', 'ukraine-response']));
  });

  it('rejects a strike report whose only link to the talks is a call for sanctions and pressure on Russia', async () => {
    const run = await ingestInputs([fixture('strike-and-sanctions.txt')], { story: sampleStory(), now: new Date('2025-07-10T12:00:00Z'), dryRun: true });
    expect(run.results[0]).toMatchObject({ ok: false, rejected: true, reason: expect.stringMatching(/not about the story's subject/) });
  });

  it('keeps a report of the diplomacy that names its aim but neither talks nor a ceasefire', async () => {
    const text = [
      'Washington: US President Donald Trump has imposed new sanctions on Russia, targeting its two largest oil companies, in his latest bid to end the conflict in Ukraine.',
      'Trump, on Tuesday, cancelled his proposed meeting with Putin in Budapest, saying he did not want to have a wasted meeting.',
      '"Every time I speak with Vladimir, I have good conversations, and then they don’t go anywhere," Trump said of the Russian president.',
    ].join('\n');
    const run = await ingestText(text, '2025-10-22T18:00:00Z');
    expect(run.records).toHaveLength(1);
  });

  it('rejects a report of an attack that names the diplomacy in one sentence only', async () => {
    const text = [
      'KYIV, Ukraine: Russia fired scores of missiles and drones at targets across Ukraine on Sunday, hitting energy and rail infrastructure.',
      'Journalists in Kyiv heard a series of blasts starting at around 4:00 am, shortly after an air raid alert was issued.',
      '“Moscow continues to invest in strikes more than in diplomacy,” Ukrainian President Volodymyr Zelensky said on social media.',
      'One man was killed and a dozen more people were wounded, among them four children, in and around Kyiv, the police said.',
      'Rescuers were sifting through the debris of a destroyed two-storey house in the Kyiv region.',
      'The Ukrainian capital has faced waves of overnight strikes in recent weeks.',
    ].join('\n');
    const run = await ingestText(text, '2026-02-22T18:00:00Z');
    expect(run.records).toHaveLength(0);
    const r = run.results[0];
    expect(r && 'reason' in r ? r.reason : '').toMatch(/attacks/);
  });

  it('rejects a prisoner exchange whose lead goes on about the negotiations of the exchange', async () => {
    const swap = [
      'Russia and Ukraine orchestrated a major exchange of prisoners of war after nearly five months of negotiations.',
      'The complex negotiation process involved mediation by the United Arab Emirates, a key player acknowledged by both Moscow and Kyiv.',
      'Each side released 150 soldiers, among them wounded men and fighters captured in Mariupol.',
      'The UAE foreign ministry acknowledged its role in facilitating the negotiation, the latest of several it has brokered.',
      'Buses carrying the freed Ukrainians crossed the border from Belarus on Wednesday afternoon.',
      'Relatives waited at the crossing with flags and photographs of the missing.',
    ].join('\n');
    expect(await verdict(swap)).toMatch(/^rejected/);
  });

  it('keeps a report of an exchange agreed during the round of talks it reports', async () => {
    const round = [
      'Moscow says another prisoner exchange agreed with Kiev',
      'Istanbul, 24 July 2025 (dpa/MIA) - Russia and Ukraine have agreed on another prisoner exchange during their negotiations in Turkey, with each side to hand over 1,200 prisoners, Russian chief negotiator Vladimir Medinsky told journalists in Istanbul after the talks on Wednesday evening.',
      'Medinsky stated that severely injured individuals are also to be exchanged along the front.',
      'Ukraine confirmed the planned continuation of the exchanges but did not specify any concrete numbers.',
      'Medinsky said that Russia has also offered the return of 3,000 bodies of fallen soldiers.',
      'The delegations met for less than an hour in the Ciragan Palace.',
      'Kyiv had proposed a meeting of the presidents, which Moscow said was premature.',
    ].join('\n');
    expect(await verdict(round)).toBe('kept');
  });

  it('rejects a report that leads on an exchange of prisoners and names the talks only further on, keeps one agreed at the talks', async () => {
    const swap = [
      'Ukraine and Russia executed a prisoner exchange, releasing 150 prisoners of war in a deal mediated by the United Arab Emirates.',
      'The exchange, conducted near the Belarus border, saw Ukrainian soldiers captured in Mariupol return home.',
      'Ukrainian President Volodymyr Zelenskyy confirmed the release, sharing images of freed soldiers wrapped in national flags.',
      'Russia’s Defense Ministry acknowledged the swap, noting its captives were repatriated to Moscow.',
      'Despite the humanitarian gesture, no ceasefire was agreed upon, with fighting intensifying in Donbas.',
      'The swap follows a U.S.-proposed 30-day truce in March, rejected by Russia, which demands Ukrainian withdrawal from annexed territories.',
      'The exchange underscores the war’s stalemate, with no peace talks scheduled and no ceasefire in sight.',
    ].join('\n');
    expect(await verdict(swap)).toMatch(/^rejected: about an exchange of prisoners/);
    const agreed = [
      'Russia and Ukraine reached an agreement in Istanbul on Friday to exchange 1,000 prisoners of war each.',
      'This would be the largest prisoner exchange since the conflict began.',
      'The negotiations, lasting under two hours and facilitated by Turkey, were the first direct peace talks between the two nations since 2022.',
      'Ukrainian Defense Minister Rustem Umerov, who headed Ukraine’s delegation, said both sides also discussed a potential ceasefire.',
      'Vladimir Medinsky, head of the Russian delegation, confirmed the agreement to Russian state media.',
      'Zelensky said Ukraine was ready for a full ceasefire and a meeting of the presidents.',
    ].join('\n');
    expect(await verdict(agreed)).toBe('kept');
  });

  it('rejects an attack "ahead of ceasefire talks", an EU loan agreed at a summit, and weapons bought by NATO members', async () => {
    const attack = [
      'Ukraine war live: Russia launches deadly drone attack on Kyiv ahead of ceasefire talks in Saudi Arabia',
      'Russia launched a deadly drone attack on Kyiv overnight, killing three people including a child, officials said.',
      'Drones struck residential buildings in two districts of the capital, and debris caused fires.',
      'At least ten people were wounded in the attack, the head of the city administration said.',
      'Ukraine’s air force said it shot down most of the drones launched overnight.',
      'Rescue workers pulled two people from the rubble of a five-storey building, the emergency service said.',
      'Power was cut to several thousand homes on the left bank of the Dnipro river.',
      'Residents spent hours in metro stations as the air raid alert lasted into the morning.',
      'US and Ukrainian officials are due to hold talks in Jeddah later on Monday on a possible ceasefire.',
    ].join('\n');
    expect(await verdict(attack)).toMatch(/^rejected/);
    const loan = [
      'European Union leaders resolved on December 19 to allocate €90 billion from the EU budget to Ukraine over two years through borrowing, rejecting plans to use frozen Russian assets.',
      'The decision was announced by European Commission President Ursula von der Leyen following a summit where participants split into factions.',
      'Belgian Prime Minister Bart De Wever emerged as a key advocate for the approach, while European Council President Antonio Costa limited the summit to one day.',
      'The agreement has been described as a major setback for German Chancellor Friedrich Merz.',
      'The summit failed to reach consensus on expropriating frozen Russian assets in the form of a “reparations loan” for Ukraine.',
    ].join('\n');
    expect(await verdict(loan)).toMatch(/^rejected/);
    const purl = [
      'In a significant boost to Ukraine’s defense capabilities, six NATO member countries have collectively contributed over $2 billion through the PURL initiative, with six more nations prepared to join the effort.',
      'Launched in August by NATO and the United States, the initiative aims to streamline the acquisition of American weapons for Ukraine.',
      'The packages include Patriot interceptors and HIMARS ammunition, officials said.',
      'Zelenskyy thanked the contributing countries and said more air defence was needed before winter.',
      'Further packages are expected from the Nordic and Baltic states in the coming weeks.',
      'Peace efforts led by Washington have stalled since the summer.',
    ].join('\n');
    expect(await verdict(purl)).toMatch(/^rejected/);
  });

  it('rejects US–Russian talks on their embassies, and a front-line report denying a claim to have occupied a city', async () => {
    const embassies = [
      'Delegations from the United States and Russia arrived in Istanbul on Thursday for crucial discussions aimed at restoring the operations of their diplomatic missions—talks that come amid the most serious rift since the Cold War, following the outbreak of the war in Ukraine.',
      'Reuters footage captured several vehicles entering the Russian consulate in central Istanbul, where the discussions are taking place.',
      'Leading the talks are Russia’s new ambassador to Washington and a US deputy assistant secretary of state.',
      'The focus of the dialogue is strictly on normalising the functioning of embassies and consulates.',
      '“Ukraine is not, absolutely not on the agenda,” the State Department spokesperson said earlier this week.',
      'Both sides have expelled dozens of diplomats in recent years.',
    ].join('\n');
    expect(await verdict(embassies)).toMatch(/^rejected/);
    // Headed by the talks' aim in other words: "to restore diplomatic functions".
    const functions = ['US and Russia hold talks to restore diplomatic functions', '', ...embassies.split('\n')].join('\n');
    expect(await verdict(functions)).toMatch(/^rejected/);
    const front = [
      'Ukraine said its troops were still defending parts of the small eastern city of Pokrovsk on Tuesday, denying Russian claims to have fully occupied the logistical hub in the Donetsk region.',
      'Fierce fighting also continued in neighbouring Myrnohrad, where Russia’s top general said his forces now controlled more than 30 per cent of the town.',
      'Ukraine’s military said Russian assault groups were trying to infiltrate the city in small numbers.',
      'Drone strikes hit supply routes into both towns overnight, officials said.',
      'Kyiv called the Russian claims an attempt to influence the peace talks pushed by Washington.',
      'Analysts said the fall of Pokrovsk would open the way to the last cities Ukraine holds in Donetsk.',
    ].join('\n');
    expect(await verdict(front)).toMatch(/^rejected/);
  });

  it('rejects a nuclear arms control offer between Moscow and Washington, however the war comes up further on', async () => {
    const text = [
      "Russian President Vladimir Putin offered his U.S. counterpart Donald Trump a nuclear arms control deal on Monday that would extend the last treaty limiting both countries' nuclear weapons by one year.",
      'Russia and the United States have by far the biggest nuclear arsenals in the world.',
      'The New START treaty caps the number of deployed warheads at 1,550 on each side.',
      'Both are likely to breach that limit if the treaty is not extended or replaced, arms experts said.',
      'Putin said his proposal was in the interests of global non-proliferation and could spur dialogue with Washington.',
      'Putin has been under pressure from Trump to agree to end the war in Ukraine and to hold peace talks with Kyiv.',
      'The offer was made at a time when Ukraine is trying to persuade Trump to impose harsher sanctions on Russia.',
    ].join('\n');
    expect(await verdict(text)).toMatch(/^rejected/);
  });

  it('rejects a truce for repairs at a nuclear plant that the two sides agreed', async () => {
    const znpp = [
      'Russia and Ukraine agreed to a ceasefire in the area of the Zaporizhzhia Nuclear Power Plant for its repairs',
      'Ukrainian power grid specialists are set to begin restoration work on the 330 kV power line that was damaged on January 2.',
      'This will be the first step towards restoring power supply to the plant.',
      'Representatives of the IAEA have already flown out from Vienna and will monitor the repair process near the front line.',
      'Grossi also noted that this is already the fourth such arrangement achieved between the parties.',
      'The IAEA plans to send a new expert mission to inspect ten key substations critical for nuclear safety.',
      'The plant has been under Russian control since March 2022.',
    ].join('\n');
    expect(await verdict(znpp)).toMatch(/^rejected/);
    // However it is worded: "for power repairs", "a cease-fire window to enable assessment and repairs".
    const worded = [
      'Cease-fire agreed near Zaporizhzhia for power repairs: IAEA',
      'The International Atomic Energy Agency said Friday that a pause in fighting between Ukraine and Russia has come into force around the Zaporizhzhia Nuclear Power Plant.',
      'The two sides agreed to the arrangement to enable the restoration of the backup power supply, the agency said.',
      'Demining activities are ongoing to ensure safe access for the repair teams, the statement quoted Director General Rafael Grossi as saying.',
      'Grossi reached out to both Russia and Ukraine with a proposed cease-fire window to enable assessment and repairs, the statement said.',
      'The plant has been under Russian control since March 2022.',
    ].join('\n');
    expect(await verdict(worded)).toMatch(/^rejected/);
  });

  it('rejects a market report that the talks moved, and a grain shipment agreement however it is named', async () => {
    const market = [
      'European defense shares declined for a second consecutive session on Monday, pressured by growing momentum in peace talks between the United States and Ukraine.',
      'An index tracking the region’s defense and aerospace firms dipped to its weakest level since late August.',
      'Investors weighed the chances that a ceasefire in Ukraine would cut European military spending, traders said.',
      'Negotiators from Kyiv and Washington met in Geneva on Sunday to discuss the US peace plan, and Ukraine called the talks productive.',
      'Rheinmetall fell 4% and Leonardo lost 3%, while airlines rose on hopes of cheaper fuel.',
      'The Stoxx 600 closed slightly higher as banks gained.',
    ].join('\n');
    expect(await verdict(market)).toMatch(/^rejected: a market report/);
    // A headline of a selloff, and shares "in" the firms that moved, behind an agency's dateline glued to them.
    const selloff = [
      'European defence stocks selloff deepens on Ukraine peace talks',
      '',
      '(Reuters) -Shares in European arms makers fell for a second day on Monday as the U.S. and Ukraine were set to continue work on a plan to end the war with Russia.',
      'In a joint statement released after talks in Geneva on Sunday between U.S. and Ukrainian delegations, the two sides said they had drafted a "refined peace framework".',
      'An index of aerospace and defence companies was down 0.6% at its lowest since late August.',
      'Rheinmetall slipped 2.3%, while Italy\'s Leonardo and Sweden\'s Saab were down between 0.5% and 2%.',
    ].join('\n');
    expect(await verdict(selloff)).toMatch(/^rejected: a market report/);
    const grain = [
      'Türkiye, UN, Russia & Ukraine Sign Grain Shipment Agreement',
      '',
      'Türkiye, the UN, Russia and Ukraine signed the “Initiative on the Safe Transportation of Grain and Foodstuffs from Ukrainian Ports" in Istanbul on 22 July to resume exports of Ukraine\'s grain through the Black Sea.',
      'President Recep Tayyip Erdoğan and UN Secretary-General António Guterres attended the signature ceremony of the “Grain Shipment Agreement" along with Russian and Ukrainian delegations.',
      'The document was signed by the defence ministers of Türkiye and Russia, Ukraine\'s infrastructure minister and the UN Secretary-General.',
      'The agreement will enable grain to flow from the Ukrainian ports on the Black Sea where about 20 million tonnes of grain is stuck.',
      'Under the deal, a coordination centre will be established in Istanbul to conduct joint inspections at harbour entrances.',
    ].join('\n');
    expect(await verdict(grain)).toMatch(/^rejected/);
    // The grain deal renewed, named by what it does ("the export of Ukrainian grain"), after talks to extend it.
    const renewed = [
      'Black Sea grain deal extended, say parties to agreement',
      '',
      'A deal allowing the export of Ukrainian grain from Black Sea ports that was due to expire on Saturday has been renewed, following days of talks brokered by Turkey to extend the agreement.',
      'The pact was brokered with Russia and Ukraine by the United Nations and Turkey in July to combat a global food crisis.',
      'Ukraine’s infrastructure minister said the deal had been extended for 120 days.',
      'Russia has said it wants its own agricultural exports eased before it agrees to further extensions.',
    ].join('\n');
    expect(await verdict(renewed)).toMatch(/^rejected/);
    // What markets watch leads: a central bank's rate decision, however often the talks come up further on.
    const rates = [
      "ANKARA (AA) - All eyes will be on the European Central Bank's interest rate decision as well as the US inflation data on Wednesday amid the impact of Russia's war in Ukraine.",
      'Investors will look for clues in the ECB’s response to the war, which has been sending inflation shocks worldwide.',
      'In an important development, the foreign ministers of Turkiye, Ukraine and Russia met on Thursday in a bid to reach a ceasefire.',
      'Kuleba said no progress was made on a ceasefire at the talks in Antalya, while Lavrov said Russia would keep negotiating.',
      'Brent crude rose 2% and gold was steady.',
    ].join('\n');
    expect(await verdict(rates)).toMatch(/^rejected: a market report/);
  });

  it('rejects a report of an attack whose lead names the talks in a clause of time ("shortly before …")', async () => {
    const text = [
      'Russia pounded Ukraine’s capital with another major missile and drone attack, killing at least two people and causing fires across Kyiv.',
      'The attack took place shortly before the US for the first time joined talks on a European-led peacekeeping force to aid Ukraine once the war ends.',
      'At least 19 people were wounded in the attack, according to the head of the Kyiv regional administration.',
      'Drones slammed into residential areas and exploded, sending balls of flame into the night sky over the capital.',
      'Residents sheltered in metro stations as air defences fired at the missiles and drones.',
      'Ukraine’s air force said it shot down most of the drones and missiles launched overnight.',
      'The strikes damaged apartment buildings and a kindergarten, the mayor said.',
    ].join('\n');
    const r = (await ingestText(text, '2025-07-10T18:00:00Z')).results[0];
    expect(r && 'reason' in r ? r.reason : '').toMatch(/attacks/);
  });

  it('keeps a Kremlin readout that names the diplomacy in its own words', async () => {
    const text = [
      'Kremlin aide Yuri Ushakov said the meeting between Vladimir Putin and the US envoys lasted five hours.',
      'According to Ushakov, the sides discussed the prospects for a peaceful settlement of the Ukrainian crisis and the territorial issue.',
      'Ushakov said the conversation was useful, and that work on the American proposals would continue in Moscow and Washington.',
    ].join('\n');
    expect((await ingestText(text, '2025-12-02T18:00:00Z')).records).toHaveLength(1);
  });
});


/** "kept", or "rejected: <reason>", for one text ingested as an article published on 20 June 2025. */
async function verdict(text: string): Promise<string> {
  const run = await ingestText(text, '2025-06-20T12:00:00Z');
  const r = run.results[0];
  return r && 'rejected' in r && r.rejected ? `rejected: ${'reason' in r ? r.reason : ''}` : 'kept';
}

describe('another country\'s security guarantees', () => {
  it('rejects Britain\'s pacts with Sweden and Finland as they applied to join NATO, and keeps Finland pressing for Ukraine\'s guarantees', async () => {
    const nordic = [
      'Sweden, UK Ink Defense Deal Ahead of NATO Decision',
      '',
      'British Prime Minister Boris Johnson and his Swedish counterpart Magdalena Andersson on Wednesday announced a mutual defense agreement in case of an attack, as Sweden considers whether to join NATO.',
      '',
      'Sweden and Finland are to decide in the coming days whether to join NATO, following Russia’s invasion of Ukraine.',
      '',
      'Wary of sparking Moscow’s ire, the two Nordic countries have been seeking security assurances from NATO members for the interim period.',
      '',
      'Helsinki and Stockholm have already held talks with powerful NATO members, including the US, France, and Germany.',
    ].join('\n');
    expect(await verdict(nordic)).toMatch(/^rejected/);
    const kept = [
      'European leaders press Trump on security guarantees for Ukraine at the White House',
      '',
      'European leaders including those from Britain, Germany, France, Italy, Finland, the EU and NATO joined the Ukrainian president to press for strong security guarantees at the peace talks.',
      '',
      'Trump said the United States would help guarantee Ukraine’s security in a deal to end the war with Russia.',
    ].join('\n');
    expect(await verdict(kept)).toBe('kept');
  });
});

describe('leaders\' calls on the war', () => {
  it('keeps a report of a leaders\' call about not escalating the war in Ukraine, whichever side denies it', async () => {
    const text = [
      'The Kremlin on Monday denied media reports suggesting that a phone conversation took place between Russian President Vladimir Putin and US President-elect Donald Trump.',
      'On Thursday, Putin and Trump held a phone conversation during which the latter told the Russian president to not escalate the ongoing Ukraine war, media outlets reported.',
      '"There was no conversation. This is completely untrue, it is pure fiction," Kremlin spokesman Dmitry Peskov told reporters in Moscow.',
      'Peskov said that there were no concrete plans yet to organise a call between the two leaders.',
    ].join('\n');
    expect(await verdict(text)).toBe('kept');
  });
});

describe('the story’s words in another sense, and the talks only in the background', () => {
  it('rejects EU accession talks and a NATO summit that name Ukraine and Zelensky', async () => {
    const accession = [
      'EU leaders failed to agree on opening accession talks with Ukraine at the EU summit in Brussels on Thursday.',
      'Hungary’s prime minister Viktor Orban again blocked the first cluster of negotiations for Kyiv and Moldova.',
      'Volodymyr Zelenskyy addressed the leaders by video link during the summit.',
      'Diplomats said the accession negotiations could open in the autumn if Budapest relents.',
      'The Commission said Ukraine had met the conditions for the first chapters.',
      'Moldova’s president said her country would not wait for Budapest forever.',
    ].join(' ');
    expect(await verdict(accession)).toMatch(/^rejected/);
    // "Enlargement talks" are the accession talks too.
    const enlargement = [
      'EU nations approve opening of enlargement talks with Ukraine and Moldova next week',
      '',
      'European Union countries on Friday formally approved the launch of accession negotiations with war-torn Ukraine and Moldova next week, another step in the two nations’ long journey to join the 27-nation bloc.',
      '',
      'Belgium, which currently holds the presidency of the European Union, said member states have agreed on a negotiating framework.',
      '',
      '“This opens the way for launching the negotiations on Tuesday 25 June in Luxembourg,” the Belgian presidency said.',
      '',
      'Ukraine and Moldova applied to join the EU soon after Russia’s full-scale invasion of Ukraine in February 2022.',
    ].join('\n');
    expect(await verdict(enlargement)).toMatch(/^rejected/);
    // Talks with the two candidates, and the conferences that open them, however the talks are named.
    const candidates = [
      '12 EU members states call for start of negotiations with Ukraine and Moldova',
      '',
      'In a letter addressed on 5 June to the Belgian Presidency of the EU Council, twelve EU member states called for the adoption of the negotiating frameworks in order to convene Intergovernmental Conferences with both countries by the end of June 2024.',
      '',
      'The adoption of the decision to start negotiations with the two countries would be key for maintaining the new momentum that the EU enlargement agenda has gained after Russia’s illegal aggression against Ukraine.',
      '',
      'Following the war in Ukraine the EU began to adopt a more strategic approach to enlargement.',
    ].join('\n');
    expect(await verdict(candidates)).toMatch(/^rejected/);
    const nato = [
      'A two-day summit of NATO leaders opened in The Hague on Tuesday with a pledge to spend five per cent of GDP on defence.',
      'The summit’s declaration commits the 32 allies to collective defence under Article 5 of the treaty.',
      'Spain said it would not meet the new target, and leaders argued over the timetable.',
      'Ukraine’s President Volodymyr Zelenskyy attended a dinner on the summit’s first evening.',
      'The Dutch king hosted the leaders at his palace.',
      'Protesters gathered outside the venue on Tuesday evening.',
    ].join(' ');
    expect(await verdict(nato)).toMatch(/^rejected/);
    // "talks" as a verb is no talks.
    const patriots = [
      'Trump says US will send Patriot missiles to Ukraine',
      'US President Donald Trump said he will send Patriot air defence missiles to Ukraine because Russian President Vladimir Putin "talks nice but then he bombs everybody in the evening".',
      'Speaking to journalists at Joint Base Andrews on Sunday, Trump described the deal as a business transaction.',
      'The European Union is paying for the missiles, he said, and the United States will send them.',
      'Air defence systems are Ukraine\'s most urgent need as Russia launches hundreds of drones a night.',
      'Germany has offered to buy two Patriot systems for Ukraine, officials in Berlin said.',
    ].join('\n');
    expect(await verdict(patriots)).toMatch(/^rejected/);
  });

  it('rejects a grain deal between Russia and Ukraine however it is worded', async () => {
    const grain = [
      'Ukraine and Russia sign grain export deal in Istanbul',
      '',
      'Russia and Ukraine have signed a deal to reopen Ukrainian Black Sea ports for grain exports, Turkey and the United Nations said, raising hopes that an international food crisis aggravated by the Russian invasion can be eased.',
      '',
      'Russia and Ukraine, both among the world’s biggest exporters of food, sent their defence and infrastructure ministers respectively to Istanbul to take part in the signing ceremony, the two sides said.',
      '',
      'U.N. Secretary-General Antonio Guterres hailed the deal as an agreement for the world.',
      '',
      'Turkish President Tayyip Erdogan, whose country provided a neutral ground on which to sign the treaty, was quick to lap up praise for his part in organising the arrangement.',
      '',
      'He went on to boldly claim: ‘War will end at the negotiating table. This is a turning point.’',
      '',
      'The blockade on Ukrainian ports by Russia’s Black Sea fleet has worsened global supply chain disruptions and stoked high inflation in food and energy prices.',
    ].join('\n');
    expect(await verdict(grain)).toMatch(/^rejected/);
    // Russia's peace-treaty talks with Japan are their own process, whatever the war in Ukraine did to them.
    const japan = [
      'Russia said Monday it was abandoning talks with Japan aimed at signing a formal World War II peace treaty, due to Tokyo’s tough response to Moscow’s military action in Ukraine.',
      'Russia responded after Japan acted with Group of Seven partners to pressure Moscow over its actions in Ukraine with a series of sanctions on Russian financial institutions.',
      'Japan and Russia did not sign a peace treaty after World War II because of a lingering dispute over four islands claimed by Moscow in the closing days of the conflict.',
      '“The Russian side, in the current conditions, does not intend to continue talks with Japan on the peace treaty,” the Russian Foreign Ministry said.',
      'Japanese Prime Minister Fumio Kishida called the decision unjust and protested to Moscow.',
      'The islands are called the Northern Territories in Japan and the Southern Kurils in Russia.',
    ].join('\n');
    expect(await verdict(japan)).toMatch(/^rejected/);
    // Told from Tokyo: the treaty far from Japan's name in the sentence, and the islands' own talks and territory.
    const tokyo = [
      'The Japanese cabinet secretary told parliament that his country still wants a post-war peace treaty with Moscow to settle the territorial dispute over the Kuril Islands.',
      'The Kremlin’s decision answers the sanctions Japan imposed after the start of the Russian military operation in Ukraine.',
      'Moscow also ended the talks about joint economic activities on four islets north of Hokkaido and visa-free travel for Japanese citizens to the territories under dispute.',
      'Tokyo has frozen the assets of dozens of Russian individuals and companies, including President Vladimir Putin.',
    ].join('\n');
    expect(await verdict(tokyo)).toMatch(/^rejected/);
  });

  it('rejects a battlefield report that names the talks in one clause, and keeps a call between two leaders on the war', async () => {
    const battle = [
      'Russian forces recaptured the last villages of the Kursk region held by Ukrainian troops, Moscow said on Saturday.',
      'The offensive followed weeks of drone and missile strikes on Ukrainian supply lines.',
      'Ukraine’s military said its troops had withdrawn to better positions after heavy shelling.',
      'Several soldiers were killed and dozens wounded in the fighting, officials said.',
      'The fighting comes as US envoys press for peace talks.',
    ].join(' ');
    expect(await verdict(battle)).toMatch(/^rejected/);
    const call = [
      'Donald Trump and Vladimir Putin spoke by phone for two hours on Monday about the war in Ukraine.',
      'The Kremlin said the two presidents discussed a memorandum on a possible settlement.',
      'Zelenskyy said Kyiv was ready for a ceasefire but would not accept Russian demands to withdraw from its own land.',
      'European leaders called for new sanctions on Moscow.',
    ].join(' ');
    expect(await verdict(call)).toBe('kept');
  });
});

describe('the story named in passing in a lead about something else', () => {
  it('rejects sanctions, an Olympic ban and another alliance\'s summit that name the talks in passing', async () => {
    const sanctions = [
      'EU countries have agreed to impose a new package of sanctions on Russia, aimed to pressure Moscow into a ceasefire in Ukraine.',
      'The package targets the shadow fleet of tankers carrying Russian oil.',
      'It also bans transactions with several banks and adds vessels to a blacklist.',
      'Hungary and Slovakia dropped their objections after talks on energy supplies.',
      'The measures take effect on Friday.',
      'Officials said more listings would follow.',
    ].join(' ');
    expect(await verdict(sanctions)).toMatch(/^rejected/);
    // "so-called" is no call; a lead that opens with "Even if a peace deal is reached, …" is about what follows.
    const fleet = [
      'EU Imposes New Sanctions on Russia, Targets Shadow Fleet',
      'European Union countries have agreed to impose a new raft of sanctions against Russia, including those targeting the so-called shadow fleet used to carry Russian oil.',
      'The package is expected to see more than 70 ships blacklisted, bringing the total to over 150.',
      'Diplomats said the listings were approved on Wednesday.',
      'Russia condemned the measures.',
      'Ukraine welcomed the decision.',
      'The package takes effect next week.',
    ].join('\n');
    expect(await verdict(fleet)).toMatch(/^rejected/);
    const olympics = [
      'Russian athletes at the Winter Olympics in Italy remain barred from competing under their flag, the IOC said.',
      'Even if a peace deal is reached with Ukraine, Russian competitors will have to pass neutrality checks, the committee added.',
      'The committee said its decision would be reviewed after the Games.',
      'Russian officials called the ban discriminatory.',
      'Athletes who pass checks may compete as neutrals.',
      'The Games open in Milan on February 6.',
      'Ukraine welcomed the decision.',
    ].join(' ');
    expect(await verdict(olympics)).toMatch(/^rejected/);
    const nato = [
      'NATO allies gathered in Washington for the 75th-anniversary summit said Ukraine was on an irreversible path to membership.',
      'Leaders pledged new air defence systems and F-16 deliveries to Ukraine.',
      'The alliance will open a command in Germany to coordinate training.',
      'Zelensky thanked the allies for their support.',
      'Hungary again voiced reservations.',
      'The next summit will be held in The Hague.',
    ].join(' ');
    expect(await verdict(nato)).toMatch(/^rejected/);
  });
});

describe('a page published before the story began', () => {
  it('is rejected with the story’s start in the reason; the same text published later is kept', async () => {
    const text = [
      'Trump’s envoy to Ukraine testified on Tuesday about the talks with Zelensky and the pressure for a meeting with Putin.',
      'The envoy said he had worked for months on a peace deal between Kyiv and Moscow.',
      'Zelensky’s aides said Ukraine was ready for negotiations on a ceasefire in the east.',
      'The Kremlin said talks could resume if Kyiv withdrew from the Donbas.',
      'European diplomats said the summit in Paris would discuss the front line.',
      'A further round of talks was expected in December.',
    ].join(' ');
    const before = await ingestText(text, '2019-11-20T12:00:00Z');
    const r = before.results[0];
    expect(r && 'rejected' in r && r.rejected ? r.reason : 'kept').toBe('published 2019-11-20, before the story began (2021-12-01)');
    expect(await verdict(text)).toBe('kept');
  });

  it('keeps the talks on the "security guarantees" Moscow demanded before the full-scale invasion (Geneva, January 2022)', async () => {
    const text = [
      'Blinken and Lavrov meet in Geneva as Russia demands security guarantees over Ukraine.',
      'US Secretary of State Antony Blinken and Russian Foreign Minister Sergei Lavrov held 90 minutes of talks in Geneva on Friday.',
      'Moscow wants written security guarantees that NATO will not expand to Ukraine, and has massed 100,000 troops near its border.',
      'Blinken said the United States would give written responses to Moscow’s proposals next week.',
    ].join(' ');
    const run = await ingestText(text, '2022-01-21T12:00:00Z');
    expect(run.results[0]?.ok).toBe(true);
  });
});

describe('a brief, and a lead that names another process', () => {
  it('keeps a brief on the talks and rejects one whose topic word belongs to another summit', async () => {
    expect(await verdict('Zelensky said on Friday that talks with Russia on a ceasefire would resume in Istanbul next week. Moscow did not comment.')).toBe('kept');
    expect(await verdict('European Union leaders agreed at a summit in Brussels on Thursday to explore financing Ukraine’s budget through a loan backed by frozen Russian assets. Belgium raised objections.')).toMatch(/^rejected/);
  });
  it('rejects a summit of two other leaders whose lead names no side of the story together with the talks', async () => {
    const text = [
      'Indian Prime Minister Narendra Modi and Vladimir Putin held summit talks in New Delhi on Friday on trade and oil.',
      'The two leaders signed agreements on investments, energy and fertiliser supplies.',
      'India has kept buying Russian oil despite Western sanctions.',
      'Modi said India stood for peace and hoped for a diplomatic solution in Ukraine.',
      'The leaders also discussed defence cooperation and new payment systems.',
      'Putin is expected to visit again next year.',
    ].join(' ');
    expect(await verdict(text)).toMatch(/^rejected/);
  });

  it('reads a lead only up to where it turns to background, and pushing troops out of a region as the battlefield', async () => {
    // A government reshuffle "which comes as ceasefire talks stall": the talks are what it happened against.
    const reshuffle = [
      'Ukraine’s new prime minister will be Yulia Svyrydenko',
      'Ukrainian President Volodymyr Zelensky has completed a major government reshuffle, replacing his prime minister and defence minister.',
      'Here are the main points to know about the shake-up, which comes as ceasefire talks with Russia stall and the White House vows renewed pressure.',
      'Svyrydenko, 39, was first deputy prime minister and economy minister.',
      'She led the negotiations on a minerals agreement with Washington earlier this year.',
      'The former prime minister Denys Shmyhal becomes defence minister.',
      'Parliament approved the appointments by a large majority on Thursday.',
    ].join('\n');
    expect(await verdict(reshuffle)).toMatch(/^rejected/);
    const kursk = [
      'Russia says it is pushing last Ukrainian forces out of Kursk region',
      'The Russian military said on Tuesday it had pushed Ukrainian forces out of a settlement in Russia’s Kursk region and carried out strikes on their positions.',
      'Russia has been trying since August to eject Ukrainian forces from Kursk after Kyiv’s troops mounted an incursion that Zelensky hoped would give him a bargaining chip in any future talks.',
      'Ukraine’s general staff said its troops were holding their positions.',
      'Drone attacks on both sides of the border wounded several civilians overnight.',
      'Russia says it has retaken most of the territory it lost.',
    ].join('\n');
    expect(await verdict(kursk)).toMatch(/^rejected/);
    // The same turn of phrase after the news itself keeps the article.
    const talks = [
      'Ukrainian and Russian delegations met in Istanbul on Monday for a second round of direct peace talks, amid pressure from Washington to agree a ceasefire.',
      'The talks lasted just over an hour.',
      'Ukraine handed over its proposals for an unconditional ceasefire and a leaders’ meeting.',
      'Russia presented its memorandum on a settlement.',
      'Both sides agreed on a new prisoner exchange.',
      'A further round was not set.',
    ].join(' ');
    expect(await verdict(talks)).toBe('kept');
  });

  it('reads "despite a push for peace", ", as leaders struggle to broker an end" and an opening "Soon after the call," as background', async () => {
    const strike = [
      'A Russian missile strike on a central city on Friday killed at least 19 people, including nine children, despite a push for peace by the Trump administration.',
      'Among the 61 injured was a baby, the mayor said on Telegram, with dozens of apartment buildings damaged.',
      'Rescue workers searched the rubble through the night.',
      'US President Donald Trump has pledged to end the war quickly but has been unable to broker a deal.',
      'Zelensky offered his condolences to the families of the victims in his nightly address.',
      'The air force said Russia also launched 92 drones overnight.',
    ].join('\n');
    expect(await verdict(strike)).toMatch(/^rejected/);
    const drones = [
      'Soon after Trump’s phone call with Putin, Moscow launched a record number of drones at Ukraine overnight.',
      'At least 23 people were wounded in the attack, which lasted 13 hours, city authorities said.',
      'Air defence units shot down most of the drones, the air force said.',
      'Fires broke out in several districts of Kyiv.',
      'The strikes follow Trump’s remarks that he had made no progress with Putin.',
      'Residents sheltered in metro stations.',
    ].join('\n');
    expect(await verdict(drones)).toMatch(/^rejected/);
    // "… hours after Trump criticized Putin's stance on peace talks": what the attack came after, not what it is.
    const record = [
      'Russia Launches Record Drones In Attack On Ukraine After Trump Criticizes Putin',
      'Russia launched its largest drone attack on Ukraine since the full-scale invasion, Ukrainian officials said Wednesday, just hours after Trump announced new military support for Kyiv and criticized Putin’s stance on peace talks.',
      'The air force said 741 drones were launched in the overnight barrage, shattering the previous record.',
      'Air defence systems intercepted 718 of the drones, limiting the damage.',
      'Zelensky condemned the assault as a show of force, saying Russia rejects every attempt at peace and a ceasefire.',
      'A woman near Kyiv was taken to hospital with chest injuries.',
      'Ukraine also launched 86 drones at Russian territory, Moscow said.',
    ].join('\n');
    expect(await verdict(record)).toMatch(/^rejected/);
    // "just days before a deadline proposed by Trump", "… as Kyiv faces U.S. pressure to secure a peace deal": what the
    // strikes happened before and against.
    const deadline = [
      'Russian Strikes Kill Five In Kharkiv And Zaporizhzhia Regions',
      'Russian strikes in the Kharkiv and Zaporizhzhia regions of Ukraine have killed at least five people, officials said.',
      'The attacks occurred just days before a deadline proposed by US President Donald Trump, which calls for Russia to agree to a truce.',
      'A missile strike hit residential buildings in the city of Lozova.',
      'Rescuers pulled two people from the rubble after the attack.',
      'Drones also struck an energy facility in Zaporizhzhia overnight.',
    ].join('\n');
    expect(await verdict(deadline)).toMatch(/^rejected/);
    const pressure = [
      'Two killed in mass Russian drone attack on Ukraine',
      'Two people were killed and dozens wounded in a mass Russian drone attack across Ukraine overnight, Zelenskiy said on Sunday.',
      'Moscow has stepped up a winter campaign of strikes on the energy system while waging an offensive as Kyiv faces U.S. pressure to secure a peace deal.',
      'Zelenskiy said six regions were targeted in an attack that included more than 200 drones.',
      'Air defences shot down most of the drones, the air force said.',
      'Power was cut in parts of Odesa after the strikes.',
    ].join('\n');
    expect(await verdict(pressure)).toMatch(/^rejected/);
    // A call that leads, with the talks after its comma, is still the news.
    const call = [
      'After a two-hour phone call with Putin, Trump said Russia and Ukraine would start ceasefire negotiations immediately.',
      'The Kremlin said Putin was ready to work with Kyiv on a memorandum on a future peace agreement.',
      'Zelensky said Ukraine was ready for a full ceasefire.',
      'European leaders said they would keep up pressure on Moscow.',
      'The Vatican offered to host the talks.',
      'No date was set.',
    ].join('\n');
    expect(await verdict(call)).toBe('kept');
  });

  it('rejects a reconstruction conference, a G-7 summit and a gas transit deal that name Ukraine', async () => {
    const donors = [
      'Donors at an international conference aimed at funding Ukraine’s reconstruction pledged €60 billion in new support for the war-ravaged country as the summit came to a close on Thursday.',
      'The commitments from governments and international organisations would support Ukraine in the short and medium term, the British foreign secretary said.',
      'Ukraine’s prime minister said the country would start rebuilding this year without waiting for the end of the war.',
      'The World Bank estimates the cost of recovery at $411 billion.',
      'Companies signed agreements on energy and housing projects.',
      'The next conference will be held in Berlin.',
    ].join('\n');
    expect(await verdict(donors)).toMatch(/^rejected/);
    const gas = [
      'Russia tells Europe to negotiate with Ukraine for a gas transit deal',
      'Russia is willing to keep supplying gas to Europe via Ukraine if Kyiv and the European buyers come to an agreement, Deputy Prime Minister Alexander Novak said on Wednesday.',
      'Ukraine has said it will not extend the transit agreement with Gazprom.',
      'Slovakia and Austria still receive Russian gas through the Ukrainian pipeline network.',
      'Gas prices rose two per cent in Amsterdam trading.',
      'The contract runs out at the end of the year.',
    ].join('\n');
    expect(await verdict(gas)).toMatch(/^rejected/);
    const g7 = [
      'G-7 leaders commit to more Russia sanctions with Ukraine’s Zelenskyy set to attend summit',
      'Leaders of the Group of Seven have committed to further measures to pressure Russia, as its invasion of Ukraine continues for a second year.',
      'The G-7 summit is held in Hiroshima, Japan, and Zelenskyy will attend it in person on Sunday, officials said.',
      'The new measures target Russian diamonds and firms that help Moscow evade sanctions.',
      'Japan’s prime minister hosted the leaders at a peace memorial park.',
      'China criticised the summit’s statement on Taiwan.',
    ].join('\n');
    expect(await verdict(g7)).toMatch(/^rejected/);
  });

  it('rejects another peace process in the story’s words whose lead names none of its places or people, and keeps a report of the talks that leads on an exchange', async () => {
    const otherProcess = [
      'A road to peace through the mountains?',
      'The declaration the two Caucasus neighbours signed in Washington is a landmark deal that commits both to concluding peace.',
      'On August 8, the prime minister of one and the president of the other agreed on a breakthrough in their conflict.',
      'The joint declaration commits them to further steps toward signing a final peace agreement.',
      'The mediation group set up in 1992 has been defunct since Russia’s full-scale invasion of Ukraine in 2022.',
      'Such ambiguity could delay the finalisation of the peace deal.',
      'Both governments published the draft of the peace agreement three days later.',
      'A transit corridor across the border remains the most disputed part of the peace process.',
    ].join('\n\n');
    expect(await verdict(otherProcess)).toMatch(/^rejected: another story in the same words: its lead names none of Ukraine/);
    const exchangeLed = [
      'US-led talks in Abu Dhabi secure a prisoner exchange between Ukraine and Russia',
      'The second round of trilateral peace negotiations in Abu Dhabi concluded on Thursday with an agreement to exchange 314 prisoners of war.',
      'The exchange is the first in five months, a tangible result of the diplomatic effort.',
      'The negotiations ran over two days in separate working groups, US envoy Steve Witkoff said.',
      'Territorial questions remain the main obstacle to a peace deal, officials said.',
      'The delegations will report to their presidents before the next round of talks.',
    ].join('\n\n');
    expect(await verdict(exchangeLed)).toBe('kept');
  });

  it('rejects talks on another frozen conflict where Ukraine is only one of a list of parties at the table, and keeps a report that names Ukraine in a list and again on its own', async () => {
    const listed = [
      'Both the government and the breakaway region must give ground to settle their decades-old dispute, a Russian minister said on Monday.',
      'He spoke before a round of talks in Vienna among envoys from Georgia, Ukraine, Russia, the Organization for Security and Cooperation in Europe (OSCE) and the self-declared Republic of Abkhazia.',
      'No country has recognised the region as independent, and its status has been negotiated since the 1990s.',
      'Both sides need to drop their extreme positions, the minister said, and the talks should end in a compromise.',
    ].join('\n\n');
    expect(await verdict(listed)).toMatch(/^rejected: names Ukraine only in a list of parties/);
    const namedAgain = listed.replace('No country has recognised', 'Ukraine said the talks could not wait, and no country has recognised');
    expect(await verdict(namedAgain)).not.toMatch(/only in a list of parties/);
  });

  it('reads a lead that opens on what else was going on ("As delegations prepared to meet in Istanbul, Turkey, for ceasefire talks, …") by its main clause', async () => {
    const domestic = [
      'Ukraine’s president faces protests across the country after signing a law on Tuesday that critics say curbs two anti-corruption bodies.',
      'As Ukrainian and Russian delegations prepared to meet in Istanbul, Turkey, for a new round of ceasefire talks, Zelenskyy and his allies faced a wave of opposition at home.',
      'The law puts the National Anti-Corruption Bureau under the prosecutor general, and the European Commission warned it could harm Ukraine’s bid to join the EU.',
      'Thousands gathered in Kyiv, Lviv and Odesa on Wednesday night, defying the curfew.',
      'The parliament’s speaker said a new bill would be considered next week.',
    ].join('\n\n');
    expect(await verdict(domestic)).toMatch(/^rejected: the story's subject is only in the background/);
  });

  it('rejects a commentary on the war that names peace and the war\'s end only as aims, and keeps one that goes on to the talks or a question', async () => {
    const commentary = [
      'The Kremlin’s war economy is running out of road',
      'Listen to the Kremlin and one would think Russia is winning in Ukraine while its economy shrugs off every sanction.',
      'In reality, growth has stalled, interest rates stand at 17% and factories outside the arms industry are cutting shifts.',
      'Regional governors have been told to find savings, and several have delayed paying public-sector wages since the summer.',
      'None of this means Moscow is looking for peace.',
      'Polls suggest that most Russians would now welcome an end to the war, though few say so in public.',
      'Ending the war would not by itself fix an economy that has come to depend on military orders.',
      'The central bank expects inflation to stay above its target until 2027, whatever happens at the front.',
    ].join('\n\n');
    expect(await verdict(commentary)).toMatch(/^rejected: the story's subject only as an aim/);
    // The same piece, one sentence on the diplomacy itself, is about it as much as a report that says it in the middle.
    const talks = commentary.replace('None of this means Moscow is looking for peace.', 'None of this means Moscow is looking for peace, and its envoys have stalled the talks in Istanbul since May.');
    expect(await verdict(talks)).not.toMatch(/only as an aim/);
    const question = commentary.replace('None of this means Moscow is looking for peace.', 'None of this means Moscow is looking for peace, and it still demands that Kyiv withdraw its troops from the Donbas.');
    expect(await verdict(question)).not.toMatch(/only as an aim/);
  });
});
