import { describe, expect, it } from 'vitest';
import { questionTags } from '../../src/ingest/keywords.js';
import { sampleStory } from '../helpers/fixtures.js';
import { analyzed } from './analyzed.js';

const story = sampleStory();
const sides = story.sides;
const tags = (text: string, speaker?: string) => questionTags(text, story.questions, { ...(sides ? { sides } : {}), ...(speaker !== undefined ? { speaker } : {}) });

describe("Ukraine's response: Kyiv's side is the one who acts in the sentence", () => {
  it('counts Kyiv as the subject of a verb further into the sentence', () => {
    expect(tags('No truce was reached in the first round, but Kyiv has signalled willingness to continue the negotiations.')).toContain('ukraine-response');
    expect(tags('Washington said it would resume aid, while Ukraine stressed that European partners must take part in the talks.')).toContain('ukraine-response');
    expect(tags('Zelenskyy would send a delegation to Geneva for talks with the American side, his office said.')).toContain('ukraine-response');
  });

  it('needs Kyiv and what it does in one clause: a meeting in the clause before is not Kyiv\'s', () => {
    expect(tags('No further details on the meeting were made public, but it marked a rare face-to-face between the two leaders as Ukraine continues to seek military backing.')).not.toContain('ukraine-response');
    expect(tags('Kyiv welcomed the proposal, but Moscow has not responded.')).toContain('ukraine-response');
    // An aside set off inside one clause keeps the side with its verb.
    expect(tags('Zelensky, after meeting Trump, rejected the peace plan.')).toContain('ukraine-response');
    expect(tags('Zelensky — who met Trump on Friday — rejected the peace plan.')).toContain('ukraine-response');
    expect(tags('Kyiv, as expected, rejected the plan.')).toContain('ukraine-response');
  });

  it('does not count Kyiv\'s allies or backers for Kyiv: they act for themselves', () => {
    expect(tags('Beijing released a proposed peace plan in February, but Ukraine’s allies largely dismissed it, insisting that Russia must withdraw.')).not.toContain('ukraine-response');
    expect(tags("Kyiv's Western backers rejected the peace plan.")).not.toContain('ukraine-response');
    expect(tags('Ukraine’s foreign ministry rejected the peace plan.')).toContain('ukraine-response');
  });

  it("does not take a Kyiv speaker's own title for what the sentence is about", () => {
    // "minister" describes who speaks; nothing in it is about the talks.
    expect(tags('Ukraine’s energy minister, Denys Shmyhal, said 200 emergency crews were working to restore power to 1,100 buildings in Kyiv alone.', 'Denys Shmyhal')).not.toContain('ukraine-response');
    expect(tags('“Our goal is to have at least 50,000 confirmed enemy losses every month,” said Ukrainian Minister of Defence Mykhailo Fedorov.', 'Mykhailo Fedorov')).not.toContain('ukraine-response');
    // What the same speaker says of the talks still counts.
    expect(tags('Ukraine’s foreign minister, Andrii Sybiha, said Kyiv was ready for a ceasefire.', 'Andrii Sybiha')).toContain('ukraine-response');
  });

  it("does not count Kyiv's speaker relaying another side's act as Kyiv's answer, but does its own side's act or demand", () => {
    const zelensky = 'Volodymyr Zelenskyy';
    expect(tags('Zelenskyy said Russia presented the U.S. with a $12 trillion economic proposal.', zelensky)).not.toContain('ukraine-response');
    expect(tags('Zelenskyy said the U.S. again proposed a ceasefire banning strikes on energy infrastructure.', zelensky)).not.toContain('ukraine-response');
    expect(tags('Zelenskyy said Russia must withdraw before any talks.', zelensky)).toContain('ukraine-response');
    expect(tags('Zelenskyy said Russia rejected the plan, and Kyiv would not sign it.', zelensky)).toContain('ukraine-response');
    expect(tags('Zelenskyy said Ukraine rejected the plan.', zelensky)).toContain('ukraine-response');
  });

  it("does not take arms asked for or delivered, Kyiv's visits or its land held for its answer to the talks", () => {
    // The war's supply: nothing of the talks or their terms in it.
    expect(tags('President Zelenskyy asked for additional air defense systems to protect his civilians, particularly Patriot missile systems.')).not.toContain('ukraine-response');
    expect(tags('Zelenskyy was in Brussels on Tuesday to secure more than $1 billion in new military aid from Belgium, including 30 F-16 fighter jets.')).not.toContain('ukraine-response');
    // A visit is where Kyiv's leader went, and land Kyiv holds is the front: neither answers the talks.
    expect(tags("President Zelensky's visit to Italy is the first since February last year.")).not.toContain('ukraine-response');
    expect(tags('His top commander said Ukraine controlled 1,000 sq km of Russian territory.')).not.toContain('ukraine-response');
    // The same words with the talks or their terms in them still count.
    expect(tags('Zelensky said Ukraine would not trade territory for air defence systems, and rejected the plan.')).toContain('ukraine-response');
    expect(tags('“We are ready for a ceasefire, but we need Patriot missiles to hold it,” Zelensky said.', 'Volodymyr Zelensky')).toContain('ukraine-response');
    expect(tags('“This is in no way a frozen conflict,” Sybiha said.', 'Andrii Sybiha')).toContain('ukraine-response');
  });

  it('counts Zelensky as other languages\' copy spells him ("Zelenski", "Selenskyj") for Kyiv', () => {
    expect(tags('Zelenski rejected the ceasefire proposal, saying Russia must first withdraw.', 'Volodimir Zelenski')).toContain('ukraine-response');
    expect(tags('Selenskyj rejected the peace plan on Tuesday.')).toContain('ukraine-response');
  });

  it('counts Kyiv weighing a plan by its points, and its sovereignty or dignity against it', () => {
    expect(tags('Zelensky told citizens that the country is being asked to choose “either the difficult 28 points, or an exceptionally hard winter.”')).toContain('ukraine-response');
    expect(tags('Zelensky has said his country could face a stark choice between standing up for its sovereign rights and preserving the American support it needs.')).toContain('ukraine-response');
    // Not Kyiv's: the same words of another side.
    expect(tags('Lavrov said Russia would defend its sovereign rights in any settlement.')).not.toContain('ukraine-response');
  });

  it("reads another side's speaker saying what Kyiv can or could do as that side's claim, and a past act they report as Kyiv's", () => {
    expect(tags('Ukraine could not return to its pre-2014 borders, nor could it join NATO, Hegseth said.', 'Pete Hegseth')).not.toContain('ukraine-response');
    expect(tags('US President Donald Trump has said Ukraine can win back all territory it has lost to Russia, a shift from his previous call on Kyiv to make concessions.', 'Donald Trump')).not.toContain('ukraine-response');
    expect(tags('Kyiv has rejected the plan as it stands, Lavrov told reporters in Moscow.', 'Sergei Lavrov')).toContain('ukraine-response');
  });

  it('does not count Kyiv in another side\'s condition ("only if Ukraine did the same")', () => {
    expect(tags("Russia's Ministry of Defence stated that Russian forces would uphold the truce only if Ukraine did the same.")).not.toContain('ukraine-response');
    expect(tags('Kushner said if Ukraine makes a final deal, they have to know they are secure after the deal.', 'Jared Kushner')).not.toContain('ukraine-response');
    expect(tags('Kyiv will accept the ceasefire only if Russia withdraws, Zelensky said.')).toContain('ukraine-response');
  });

  it('counts officials from Ukraine meeting as Kyiv acting', () => {
    expect(tags('Senior officials from Ukraine, the United States, and Europe met in Geneva on Sunday to discuss a draft peace proposal presented by Washington.')).toContain('ukraine-response');
  });

  it('counts a Ukrainian delegation arriving, and what Kyiv is the source of', () => {
    expect(tags('Ukrainian ministers and delegates arrived in Riyadh on Monday ahead of the talks.')).toContain('ukraine-response');
    expect(tags('The arrival of a Ukrainian delegation in Jeddah was not announced before the talks.')).toContain('ukraine-response');
    expect(tags("A truce would only take effect if Moscow accepts the same terms, according to Ukraine's foreign ministry.")).toContain('ukraine-response');
  });

  it("counts a joint act with an ally, not one with Moscow (an exchange of prisoners is not Kyiv's answer to the terms)", () => {
    expect(tags('Top US and Ukrainian officials said they had made progress on the peace proposal.')).toContain('ukraine-response');
    expect(tags('Russia and Ukraine will immediately start negotiations toward a ceasefire, Trump said.')).not.toContain('ukraine-response');
    expect(tags('Moscow and Kyiv agreed to exchange 1,000 prisoners each after the talks.')).not.toContain('ukraine-response');
  });

  it('does not count Kyiv as the object, the one a demand is made of, or a possessive', () => {
    expect(tags('Trump spoke with Zelenskyy seated beside him about the summit.')).not.toContain('ukraine-response');
    expect(tags('Peskov said Ukraine must give up its bid to join NATO before any deal.')).not.toContain('ukraine-response');
    expect(tags('The plan sparked criticism for its demands, including a commitment that Ukraine would never join NATO.')).not.toContain('ukraine-response');
    expect(tags("European envoys met in Paris to plead Kyiv's case to the US delegation.")).not.toContain('ukraine-response');
    expect(tags('Putin proposed direct negotiations with the Ukrainian side in Istanbul.')).not.toContain('ukraine-response');
  });

  it("takes what Kyiv's own speaker says about the talks, not whatever they talk about", () => {
    expect(tags('"They gave us the document at the meeting, so we cannot respond to it yet," he said.', 'Serhii Kyslytsia')).toContain('ukraine-response');
    expect(tags('"The parliament of a country at war must work in unity," he said.', 'Volodymyr Zelensky')).not.toContain('ukraine-response');
  });

  it('does not take a side named inside a quotation as the one who quotes it, nor one after "of" and an adjective as a subject', () => {
    expect(tags('"We have also agreed to have our teams start negotiations immediately, and we will begin by calling President Zelenskyy, of Ukraine, to inform him," he said.')).not.toContain('ukraine-response');
    expect(tags('Trump officials projected confidence over a deal, saying territorial control of eastern Ukraine is the last remaining sticking point.')).not.toContain('ukraine-response');
    expect(tags('"We will never give up our land," Zelensky said.')).toContain('ukraine-response');
    expect(tags('He repeated the claim that Boris Johnson intervened to stop Kyiv accepting those terms.')).toContain('ukraine-response');
    // What another side's speaker claims of Kyiv is an accusation, not Kyiv's act.
    expect(tags('He claimed Ukraine was refusing to talk to Moscow and had put forward unrealistic conditions for peace.', 'Sergey Lavrov')).not.toContain('ukraine-response');
    expect(tags('He said Ukraine would not accept any deal that gave away its land.', 'Volodymyr Zelensky')).toContain('ukraine-response');
  });
});

describe('security guarantees: what would keep Russia from attacking again', () => {
  it('files preventing a renewed attack and guaranteeing Ukraine’s security, whatever the guarantee is called', () => {
    expect(tags('Any settlement must be able to deter future Russian aggression, the chancellor said.')).toContain('security-guarantees');
    expect(tags('Leaders asked what Washington would commit so that Russia would not invade Ukraine again.')).toContain('security-guarantees');
    expect(tags("The talks turned on who would guarantee Ukraine's post-war security.")).toContain('security-guarantees');
    expect(tags('Officials said the aim was assurances strong enough to deter Moscow.')).toContain('security-guarantees');
  });

  it("files limits on Ukraine's army, not cuts to military aid", () => {
    expect(tags('The draft would cap the size of Ukraine’s armed forces at 600,000.')).toContain('security-guarantees');
    expect(tags('The plan would reduce the military by half.')).toContain('security-guarantees');
    expect(tags('Washington cut military aid to Kyiv in March.')).not.toContain('security-guarantees');
    expect(tags('Under the plan, Ukraine’s armed forces would be capped at 600,000 personnel.')).toContain('security-guarantees');
  });

  it('files a non-aggression pact and security protocols, not leaders "joined by" the heads of NATO', () => {
    expect(tags('A "comprehensive non-aggression agreement" between Russia, Ukraine and Europe is proposed.')).toContain('security-guarantees');
    expect(tags('"We believe we have largely completed the security protocols," Witkoff said.', 'Steve Witkoff')).toContain('security-guarantees');
    expect(tags('Merz was set to meet Zelensky before they were due to be joined in the evening by European leaders and the heads of NATO and the EU.')).not.toContain('security-guarantees');
  });
});

describe('sample nine: zones, root causes, neutral status, army levels', () => {
  it('files a buffer zone or a free economic zone as territory, and a truce "including the front lines" not', () => {
    expect(tags('The U.S. is proposing to establish a free economic zone in the area along with security guarantees.')).toContain('territory');
    expect(tags('Ukraine would withdraw, turning the area into a "neutral demilitarized buffer zone".')).toContain('territory');
    expect(tags('Zelensky confirmed in a statement after the meeting that the ceasefire would be comprehensive, including the front lines.', 'Volodymyr Zelensky')).not.toContain('territory');
  });

  it('files troops deployed "by land, sea or air" to Ukraine, the true causes of the crisis and Ukraine\'s security, not its Security Council', () => {
    expect(tags('Macron, along with 26 other Western allies, committed on Thursday to deploying troops by “land, sea or air” to Ukraine the day after a ceasefire.')).toContain('security-guarantees');
    expect(tags('“Our partners have shown an understanding of the true causes of the crisis,” Lavrov said.', 'Sergey Lavrov')).toContain('security-guarantees');
    expect(tags('The Ukrainian side is working on a framework document intended to serve as the basis for Ukraine’s security.')).toContain('security-guarantees');
    expect(tags('Ukraine’s Security Council met on Monday to discuss the front.')).not.toContain('security-guarantees');
  });

  it("files the root cause, a neutral non-aligned status and an army's level as security guarantees, not cut military activity", () => {
    expect(tags('He said Putin told Trump that they need to address the root cause of the Ukraine conflict.')).toContain('security-guarantees');
    expect(tags('Putin emphasized eliminating the “primary roots” of the conflict to ensure a lasting settlement.', 'Vladimir Putin')).toContain('security-guarantees');
    expect(tags('Russia was seeking “Ukraine’s neutral, non-aligned, non-nuclear status,” he added.', 'Vladimir Putin')).toContain('security-guarantees');
    expect(tags('An agreement that Ukraine should maintain armed forces at a level of 800,000 personnel.')).toContain('security-guarantees');
    expect(tags('Russia has decided to drastically cut its military activity around Kyiv and Chernihiv.')).not.toContain('security-guarantees');
  });

});

describe('territory: freezing the war and withdrawals from parts of the country', () => {
  it('does not file the deportation of children from occupied territories as territory', () => {
    expect(tags('The suspects are accused of illegal deportation and transfer of people, including children, from the temporarily occupied territories of Ukraine.')).not.toContain('territory');
  });

  it('files geographical concessions and the Crimean Declaration', () => {
    expect(tags('The administration has not yet publicly offered specifics on what geographical concessions would have to be made.')).toContain('territory');
    expect(tags("Zelensky then recalled the Crimean Declaration, signed by former Secretary of State Mike Pompeo during Trump's first term.")).toContain('territory');
  });


  it('files freezing the conflict (the act), not "a frozen conflict" as a name', () => {
    expect(tags('He emphasized that he does not want to “freeze” the conflict but seeks a final resolution.', 'Vladimir Putin')).toContain('territory');
    expect(tags('“This is in no way a frozen conflict,” Sybiha said.', 'Andrii Sybiha')).not.toContain('territory');
  });

  it('files a call to withdraw from the south and east, not people evacuated from there', () => {
    expect(tags("Putin's call for Ukraine to withdraw from the south and east of the country was roundly rejected at the summit.")).toContain('territory');
    expect(tags('Close to 3,000 people were withdrawn from southern and eastern parts of Ukraine yesterday.')).not.toContain('territory');
  });
});

describe('territory: occupied lands and disputed territories', () => {
  it('files Ukraine divided or partitioned as territory, and a long-term security arrangement as guarantees', () => {
    expect(tags('It would be an illusion to believe that this war can be ended by dividing Ukraine, he warned.')).toContain('territory');
    expect(tags('All members of the G7 are set to sign a long-term security arrangement with Ukraine.')).toContain('security-guarantees');
    expect(tags('The ministry said it would divide its budget between the regions.')).not.toContain('territory');
  });

  it('files the return of occupied lands, and there being no disputed territories, as territory', () => {
    expect(tags('Those are the return of all of Ukraine’s occupied lands and compensation for damage caused by the war.')).toContain('territory');
    expect(tags('“There are no disputed territories between Ukraine and the Russian Federation to hold referendums there,” he said.')).toContain('territory');
  });

  it('files territorial cessions and Moscow\'s "historical lands" as territory, and troops sent to hold a ceasefire as guarantees, not territory', () => {
    expect(tags('Lavrov said the points to be clarified before such a meeting include territorial cessions and a renunciation of NATO membership.')).toContain('territory');
    expect(tags('“If the opposing side refuses to engage in substantive discussions, Russia will achieve the liberation of its historical lands by military means,” Putin said.')).toContain('territory');
    const troops = tags('He urged European countries to deploy troops to the front line in the case of any ceasefire to protect against Russia attacking again.');
    expect(troops).toContain('security-guarantees');
    expect(troops).not.toContain('territory');
    expect(tags('The museum said historical buildings in the old town were damaged.')).not.toContain('territory');
  });

  it('files the lines before the invasion, territorial control and living under Russian rule as territory', () => {
    expect(tags('"Ideally, the dividing line should be a return to the status quo ante," Kissinger said.')).toContain('territory');
    expect(tags('A return to the pre-invasion lines would mean giving Russia permanent control over Crimea.')).toContain('territory');
    expect(tags('One of the main sticking points remains territorial control.')).toContain('territory');
    expect(tags('Witkoff said referendums had shown that most people there want to be under Russian rule.')).toContain('territory');
  });
});

describe('territory: cities demanded or refused by name', () => {
  it('counts a demand to surrender or hand over a city, and not the word "city" alone', () => {
    expect(tags('He remained defiant in the face of Russian demands to surrender the key port city of Mariupol, along with other cities.')).toContain('territory');
    expect(tags('He said Moscow wanted Ukraine to "hand over" Mariupol as well as Kyiv, the capital, and Kharkiv.')).toContain('territory');
    expect(tags('Zelensky met the mayor of Kharkiv to discuss the city’s power supply before the talks.')).not.toContain('territory');
  });
});

describe("Ukraine's response: senses that are not Kyiv's answer to the terms", () => {
  it('does not count a prisoner exchange agreed or discussed, unless terms or a stance come with it', () => {
    expect(tags('Ukrainian officials confirmed that Kyiv agreed to exchange all seriously wounded prisoners after the talks.')).not.toContain('ukraine-response');
    expect(tags('Kyiv said it was ready for an all-for-all exchange of prisoners as a first step towards a ceasefire.')).toContain('ukraine-response');
  });

  it('reads "condition" of health or anonymity as no condition of the talks', () => {
    expect(tags('Zelenskyy spent the day with troops in Kharkiv, an aide said on condition of anonymity.')).not.toContain('ukraine-response');
    expect(tags('Umerov said soldiers in serious physical condition would be exchanged first.', 'Rustem Umerov')).not.toContain('ukraine-response');
  });

  it('counts a reply from Kyiv, and Kyiv as the subject of a relative clause', () => {
    expect(tags('There was no immediate comment from Ukrainian President Volodymyr Zelenskiy on the talks.')).toContain('ukraine-response');
    expect(tags('The offer is a shift for Ukraine, which has long insisted on joining NATO as its guarantee.')).toContain('ukraine-response');
  });

  it('does not count a sentence that only says a statement was made: the next one says what it was', () => {
    expect(tags('Ukraine’s Defense Minister Rustem Umerov made a statement to journalists following the talks, Suspilne reports.', 'Rustem Umerov')).toEqual([]);
    expect(tags('This was reported by the head of the Ukrainian delegation, Defense Minister Rustem Umerov, following the meeting.')).toEqual([]);
    expect(tags('Umerov made a statement on the ceasefire proposal after the talks in Istanbul.', 'Rustem Umerov')).toContain('ukraine-response');
  });

  it('does not count what Kyiv does together with another leader', () => {
    expect(tags('Trump and Zelenskiy shook hands before their meeting in the Oval Office.')).not.toContain('ukraine-response');
  });
});

describe('territory: a ceasefire along the whole front line is its reach, not land', () => {
  it('does not file a truce along the entire front line as territory', () => {
    expect(tags('Washington proposed a full ceasefire in the air, at sea and along the entire front line.')).not.toContain('territory');
    expect(tags('Moscow wants the conflict frozen along the current line of contact, which would leave it the land it holds.')).toContain('territory');
  });

  it('reads fighting along the front, a truce along a front line of so many kilometres and "on the territory of" as where, not whose', () => {
    expect(tags('Kyiv called the first day of talks "productive," even as fighting continued along the front lines.')).not.toContain('territory');
    expect(tags('He also raised the question of who would control the temporary truce along the more than 2,000-kilometer front line.')).not.toContain('territory');
    expect(tags('The parties discussed opening humanitarian corridors on the territory of Ukraine, as well as a ceasefire.')).not.toContain('territory');
    expect(tags('Moscow demands that Ukrainian troops withdraw from the territory of the Donetsk region under any deal.')).toContain('territory');
    expect(tags('Russia wants to freeze the conflict along the current front line.')).toContain('territory');
    expect(tags('It calls for a multinational force "in the air, on the seas and on land to provide reassurance after the ceasefire".')).not.toContain('territory');
  });
});

describe('security guarantees: neutrality is Ukraine’s, not a venue’s', () => {
  it('does not file Swiss neutrality as security guarantees', () => {
    expect(tags('Geneva was chosen despite earlier Russian doubts about Switzerland’s neutrality.')).not.toContain('security-guarantees');
    expect(tags('Moscow insists on Ukraine’s neutrality and a ban on foreign troops.')).toContain('security-guarantees');
  });
});

describe('a question word in a sense that does not bear on the question', () => {
  it('does not read a casualty count that Ukrainian officials gave as Kyiv’s response', () => {
    expect(tags('At least three people were killed, Ukrainian officials said.')).not.toContain('ukraine-response');
  });

  it('does not read an "economic security guarantee", the capital’s military administration or NATO countries as security guarantees', () => {
    expect(tags('Zelenskyy reiterated Ukraine’s ambition to join the EU by 2027, framing it as an "economic security guarantee."')).not.toContain('security-guarantees');
    expect(tags("Mayor Vitali Klitschko and the head of the capital's military administration reported that 14 of the injured were in hospital.")).not.toContain('security-guarantees');
    expect(tags('Putin did not agree to an immediate ceasefire, long sought by Ukraine, the U.S. and many NATO countries.')).not.toContain('security-guarantees');
    expect(tags('The plan would cap the Ukrainian army at 600,000 troops.')).toContain('security-guarantees');
  });
});


describe('security guarantees in the words reports use for them', () => {
  it('counts preventing a recurrence of the war, and not a resumption of talks', () => {
    expect(tags('Central to the dialogue was the need for a comprehensive framework for peace, including the prevention of a recurrence of war.')).toContain('security-guarantees');
    expect(tags('China’s 12-point proposal called for a resumption of peace talks between Ukraine and Russia.')).not.toContain('security-guarantees');
  });

  it('files a foreign force, assurances of security, a security agreement and limits on the size of the army', () => {
    for (const t of [
      'Macron clarified that any international forces would be deployed away from the front line in Ukraine after a ceasefire.',
      'Ukraine, France and the United Kingdom have signed a declaration laying the foundations for a Western presence in Ukraine.',
      'European leaders are calling for a global coalition to support any eventual ceasefire.',
      '"For us, the United States’ assurances of security come first," he said.',
      'Lavrov said he had not seen the text of a mooted US–Ukraine security agreement.',
      'The plan would put a cap on the size of Ukraine’s active-duty military.',
      'They are designed to prevent further Russian attacks.',
    ])
      expect(tags(t), t).toContain('security-guarantees');
  });
  it('files foreign troops sent as a deployment, Moscow calling them targets, military hubs and ceasefire verification', () => {
    for (const t of [
      'Moscow warned that the deployment of Western military units and depots on Ukrainian territory would be foreign intervention.',
      'The French president said it could involve sending thousands of French troops.',
      'All such units and facilities would be considered legitimate combat targets, the ministry said.',
      'Britain and France would establish military hubs across the country after a peace deal.',
      'They agreed to take part in US-led monitoring and verification of any ceasefire.',
    ])
      expect(tags(t), t).toContain('security-guarantees');
    // Russia's own troops, and a strike's target, are neither.
    expect(tags('The deployment of Russian troops near Pokrovsk continued overnight.')).not.toContain('security-guarantees');
    expect(tags('Russia said the power plant was a legitimate target.')).not.toContain('security-guarantees');
  });

  it('files the territory Kyiv holds taken "under the NATO umbrella" as security guarantees', () => {
    expect(tags('Zelensky suggested that the territory under Kyiv’s control should be taken under the "Nato umbrella" to stop the hot phase of the war.')).toContain('security-guarantees');
  });

  it('files forces pledged or provided for a force after the war, coalition forces, ceasefire monitoring and a quoted keyword as guarantees', () => {
    for (const t of [
      'According to Macron, 26 countries have now formally pledged to contribute forces, on land, at sea, or in the air, to reassure Ukraine once a ceasefire is reached.',
      'France and the United Kingdom would provide the bulk of troops, while Turkey would secure the Black Sea with U.S. support.',
      'Macron initially said the 26 nations would deploy to Ukraine.',
      'We will have full readiness to deploy Coalition forces when diplomacy succeeds.',
      'Macron highlighted the establishment of a ceasefire monitoring mechanism under U.S. leadership.',
      'The first concerns the creation of mechanisms to monitor compliance with a ceasefire.',
      // The passive, and the mechanism by its name.
      'He said in the last round of talks the negotiators discussed how a ceasefire would be technically monitored.',
      'The armed forces of both countries considered how any future ceasefire might be monitored.',
      'The sides agreed that a monitoring and verification mechanism would be set up.',
      'Macron and Starmer have insisted that any European “reassurance” force in Ukraine needs the backing of the United States.',
    ])
      expect(tags(t), t).toContain('security-guarantees');
    // Forces sent to fight are no guarantee.
    expect(tags('North Korea sent troops to help Russia push Ukrainian forces out of the Kursk region.')).not.toContain('security-guarantees');
  });

  it('does not file a pause in strikes on cities as a guarantee', () => {
    expect(tags('Zelensky thanked the US president for "providing security for Kyiv and other Ukrainian cities during this extreme winter period."')).not.toContain('security-guarantees');
  });
  it('does not file where people were killed or wounded as territory', () => {
    expect(tags('Hours after the first day of talks ended on Tuesday, Russian drones killed a woman and injured two children in the southern Ukraine city of Zaporizhzhia, officials said.')).not.toContain('territory');
    // The region named as land in the talks still is.
    expect(tags('Russia insists that Ukraine withdraw from the rest of the Donetsk region before any ceasefire talks.')).toContain('territory');
  });
  it('reads "recognition" of Russian control as territory', () => {
    expect(tags('These territories in Donbas would get international recognition of Russian control under the plan.')).toContain('territory');
  });
});

describe('a sentence that refers back to the one before', () => {
  const text = [
    'Russia and Ukraine resumed ceasefire talks in Istanbul on Monday, while Kyiv pressed its allies on peace terms.',
    'Britain and France are leading a coalition of the willing that would deploy troops to Ukraine after a ceasefire.',
    'Macron confirmed that Germany and Italy are part of this coalition.',
    'The weather in Paris was mild on Tuesday, officials in the city said, and the summit went ahead as planned.',
  ].join(' ');
  it('takes the topic question of the sentence it refers to, and only through a back-reference', async () => {
    const { analyzeArticle } = await import('../../src/ingest/analyze.js');
    const r = analyzeArticle({ text: `Coalition grows\n\n${text}`, sourceName: 'Wire', publishedAt: '2025-03-01T12:00:00Z' }, story, new Date('2025-03-02T00:00:00Z'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const byText = new Map(r.article.facts.map((f) => [f.text, f.questions ?? []]));
    expect(byText.get('Macron confirmed that Germany and Italy are part of this coalition.')).toContain('security-guarantees');
    const weather = [...byText].find(([t]) => t.startsWith('The weather'));
    if (weather) expect(weather[1]).not.toContain('security-guarantees');
  });
});

describe('the bundled story names territory and security guarantees in the words reports use', () => {
  it('reads the land given back or kept in other words as territory', () => {
    expect(tags('Zelensky said any plan without a full withdrawal of Russian troops would not be acceptable to Kyiv.')).toContain('territory');
    expect(tags('Trump said any breakthrough would require some territory exchanges between the two sides.')).toContain('territory');
    expect(tags('“Ukrainians will not give their land to the occupier,” Zelensky said.')).toContain('territory');
    expect(tags('Trump said Ukraine was in a position to win all of Ukraine back in its original form.')).toContain('territory');
    expect(tags('The details include verification mechanisms and freezing the lines where they are, Waltz said.')).toContain('territory');
    // Battlefield news is no term of a deal.
    expect(tags('Russian forces pushed towards Pokrovsk overnight, the general staff said.')).not.toContain('territory');
    // Nor are strikes landing on a country's territory, a plant's grounds, licences on its soil, or an office's name.
    expect(tags('European leaders demand compliance with international law and reject Russia’s attacks on Ukrainian territory in the talks.')).not.toContain('territory');
    expect(tags('Guterres agreed that troops should be withdrawn from the territory of the plant, as talks on a ceasefire went on.')).not.toContain('territory');
    expect(tags('The presidents welcomed the ratification of the minerals deal that will split profits from new mining licences on Ukrainian territory.')).not.toContain('territory');
    expect(tags('Umerov, who led the delegation at the peace talks, heads Ukraine’s Security and Defence Council.')).not.toContain('security-guarantees');
  });

  it('reads a force, Article 5 and demilitarisation as security guarantees, but not the war named for its aim', () => {
    expect(tags('The leaders discussed a European security force to assist Ukraine after the war.')).toContain('security-guarantees');
    expect(tags('Witkoff said the United States could offer Article 5 protection to Ukraine.')).toContain('security-guarantees');
    expect(tags('Verification mechanisms and peace-keeping would follow a ceasefire, Waltz said.')).toContain('security-guarantees');
    expect(tags('Putin told Macron that demilitarising Ukraine was key to ending the conflict.')).toContain('security-guarantees');
    expect(tags('Zelensky, who has resisted what Moscow calls a special military operation to demilitarise Ukraine, spoke on Tuesday.')).not.toContain('security-guarantees');
  });

  it('reads troops to come, the army in peacetime, neutrality offered and a war never coming back as security guarantees, and lines, ownership and land won back as territory', () => {
    expect(tags('Trump said France, Germany and the UK were prepared to commit “boots on the ground.”')).toContain('security-guarantees');
    expect(tags('Trump said no US soldiers would be deployed to Ukraine under a peace deal.')).toContain('security-guarantees');
    expect(tags('The army of Ukraine will remain at 800,000 soldiers in peacetime, the statement said.')).toContain('security-guarantees');
    expect(tags('Zelenskyy said his country was prepared to declare its neutrality before the talks began.')).toContain('security-guarantees');
    expect(tags('The Kremlin said Ukraine becoming a neutral state like Austria is being discussed at the talks.')).toContain('security-guarantees');
    expect(tags('Kyiv wants a settlement that will let Ukraine never have another war, Rubio said.')).toContain('security-guarantees');
    expect(tags('The Kremlin said any agreement should be based on the new territorial realities.')).toContain('territory');
    expect(tags('Trump insisted on a ceasefire along the current lines of contact, the sources said.')).toContain('territory');
    expect(tags('The two could not agree on the future ownership of the Donbas region.')).toContain('territory');
    expect(tags('Ukraine could get back the rest of its territory diplomatically, Zelensky said.')).toContain('territory');
    expect(tags('Zelensky ruled out peace with Russia unless it withdraws its troops from Ukraine.')).toContain('territory');
    expect(tags('“Russia cannot sign a security guarantee for Ukraine without resolving the issue of the territory of Crimea and Donbass,” Putin said.')).toContain('territory');
    // Another country's neutrality, and boots on the ground elsewhere, are not Ukraine's guarantees.
    expect(tags('Despite being a neutral country, Malta condemns the aggression, the minister told the peace talks.')).not.toContain('security-guarantees');
    expect(tags('Switzerland’s neutrality made it a venue for the peace summit.')).not.toContain('security-guarantees');
    expect(tags('Trump remains committed only to putting American boots on the ground in Democratic-run cities, not in any peace deal.')).not.toContain('security-guarantees');
  });

  it("does not read someone's safety on a visit as a security guarantee for Ukraine", () => {
    expect(tags('Ukrainian leader Vladimir Zelensky has warned that Kiev cannot guarantee the safety of world leaders attending the May 9 celebrations in Moscow.')).not.toContain('security-guarantees');
    expect(tags('Zelensky dismissed the idea that Ukraine would guarantee the safety of foreign dignitaries visiting Russia for the parade.')).not.toContain('security-guarantees');
    expect(tags('Zelensky said Ukraine needed security guarantees from its partners before any ceasefire.')).toContain('security-guarantees');
  });

  it('does not read a pact between Britain and Sweden or Finland as a security guarantee for Ukraine', () => {
    expect(tags('Mutual security agreement reached between UK, Finland and Sweden, as Russia wages war on Ukraine.')).not.toContain('security-guarantees');
    expect(tags('A security agreement signed with Finland keeps Britain at its side while the war in Ukraine goes on.')).not.toContain('security-guarantees');
    expect(tags('A security agreement between Ukraine and the United Kingdom was signed in Kyiv.')).toContain('security-guarantees');
  });
});

describe("another story's sentence inside an article on the talks", () => {
  it('tags no question in a fact that names another conflict (Gaza, Lebanon, Hezbollah) and none of the story', () => {
    const other = [
      'Guterres also called for a ceasefire in Gaza and Lebanon and an end to the occupied territories of the West Bank.',
      'Guterres also urged Israel and Hezbollah to agree a ceasefire in Lebanon and settle their territorial dispute along the line of contact.',
    ];
    const text = (sentence: string) =>
      [
        'Guterres meets Putin in Kazan on the war in Ukraine',
        'UN Secretary-General Antonio Guterres told Vladimir Putin in Kazan that the peace talks on Ukraine must respect the UN Charter.',
        sentence,
        'The Kremlin said Putin told Guterres that Russia was ready for peace talks on Ukraine.',
      ].join('\n');
    for (const sentence of other) {
      // The question's words are there: alone, the sentence is tagged.
      expect(tags(sentence)).toContain('territory');
      const facts = analyzed({ text: text(sentence), sourceName: 'Test Wire', publishedAt: '2024-10-24T18:00:00Z' }, new Date('2024-10-25T07:00:00Z'), story).facts;
      const fact = facts.find((f) => f.text === sentence);
      expect(fact).toBeDefined();
      expect(fact?.questions).toBeUndefined();
    }
    // With the story's names in it, the same words are its evidence.
    const own = 'Putin also urged Kyiv to settle the territorial dispute along the line of contact.';
    const facts = analyzed({ text: text(own), sourceName: 'Test Wire', publishedAt: '2024-10-24T18:00:00Z' }, new Date('2024-10-25T07:00:00Z'), story).facts;
    expect(facts.find((f) => f.text === own)?.questions).toContain('territory');
  });
});
