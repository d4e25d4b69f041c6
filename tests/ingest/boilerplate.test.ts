import { describe, expect, it } from 'vitest';
import { classifyLines } from '../../src/ingest/boilerplate.js';
import { articleText, textBlocks } from '../../src/ingest/clean-text.js';
import { completeSentence } from '../../src/ingest/facts.js';
import { analyzeArticle } from '../../src/ingest/analyze.js';
import { analyzed } from './analyzed.js';
import { ceasefireStory } from './story.js';

const kinds = (raw: string) => classifyLines(textBlocks(raw)).lines.map((l) => [l.kind, l.text] as const);
const kept = (raw: string) => articleText(textBlocks(raw)).text.split('\n');

describe('line classifier', () => {
  it('drops a pool photo caption printed twice and a share label run on after a paragraph', () => {
    const caption = 'In this pool photograph distributed by the Russian state agency Sputnik, Putin and Witkoff shake hands at the Kremlin in Moscow on January 22, 2026.';
    const raw = [
      'Meeting between Putin and US envoy Witkoff on war in Ukraine ends',
      caption,
      caption,
      'Putin’s meeting with US envoy Steve Witkoff has concluded after talks that stretched nearly four hours, the Kremlin said. Share',
    ].join('\n');
    const got = kinds(raw);
    expect(got[1]?.[0]).toBe('chrome');
    expect(got[2]?.[0]).toBe('chrome');
    expect(got.slice(3)).toEqual([
      ['body', 'Putin’s meeting with US envoy Steve Witkoff has concluded after talks that stretched nearly four hours, the Kremlin said.'],
      ['chrome', 'Share'],
    ]);
  });

  it('takes a first line printed twice in a row as the headline, even when it ends with a colon', () => {
    const line = 'Trump’s Special Envoy Steve Witkoff on the upcoming meeting between the United States and Ukraine in Saudi Arabia:';
    const raw = [line, line, '"Well, President Zelensky sent a letter to the president, and we are negotiating a meeting."'].join('\n');
    expect(kinds(raw).map(([k]) => k)).toEqual(['headline', 'chrome', 'body']);
    expect(articleText(textBlocks(raw)).headline).toBe(line.slice(0, -1));
  });

  it('drops newsletter plugs however worded, a bracketed wire credit, a copyright line and a correction note, and keeps the sentences around them', () => {
    const lead = 'US envoy Steve Witkoff met President Vladimir Putin in the Kremlin on Tuesday for five hours of talks on the peace plan.';
    const after = 'Kremlin aide Yuri Ushakov said the sides had not found a compromise on territory but agreed to keep talking.';
    const chrome = [
      'Let our news meet your inbox.',
      'Get breaking news alerts and special reports.',
      'The news and stories that matter, delivered weekday mornings.',
      '[What you need to know to start the day: Get New York Today in your inbox.]',
      'Submit your letter to the editor via this form.',
      '(Reporting by Greg Roumeliotis, Joshua Franklin, with reporting by Herb Lash and Megan Davies, editing by Martin Howell)',
      'The contents of this site are ©2019 Capitol Hill Publishing Corp., a subsidiary of News Communications, Inc.',
      'This version corrects the spelling of the region to Tuva, not Tyva.',
    ];
    for (const line of chrome) expect(kept([lead, line, after].join('\n'))).toEqual([lead, after]);
    // A sentence of the news that names a copyright, an inbox or a correction is no such line.
    const news = 'Ukraine said it would correct the version of the plan it received before sending it back to Washington this week.';
    expect(kept([lead, news, after].join('\n'))).toEqual([lead, news, after]);
  });

  it("drops a digest's editorial notes however long, and its closing credit set off by a dash", () => {
    const note = 'Editorial introduction: While the Alaska summit was primarily political, two technology-adjacent implications merit attention — digital diplomacy and information risk. High-level summits increasingly rely on secure communications and rapid dissemination of statements.';
    const credit = '— Editorial curation by Senior News Editor (curation based on reporting from Al Jazeera, The Guardian, CBS News, Financial Times and BBC).';
    const body = 'Trump and Putin met in Anchorage for under three hours and announced no ceasefire, the Kremlin said afterwards.';
    const raw = ['Daily News Briefing: the Alaska summit', body, note, body.replace('Kremlin', 'White House'), credit].join('\n');
    const got = kinds(raw);
    expect(got.filter(([k]) => k === 'chrome').map(([, t]) => t.slice(0, 20))).toEqual([note.slice(0, 20), credit.slice(2, 22)]);
    expect(got.filter(([k]) => k === 'chrome')).toHaveLength(2);
  });

  it('drops the writer\'s biography and form small print under the article', () => {
    const raw = [
      'Russia and Ukraine will hold talks in Geneva next week, both sides said on Friday after weeks of preparations.',
      'Evan V. Symon is the Senior Editor for the California Globe. Prior to the Globe, he reported for several papers across the country and abroad, covering politics, courts and the wars that shaped them over two decades of work.',
      'David is a reporter covering housing for Gothamist and WNYC. Got a tip? Email him.',
      'By submitting your information, you are agreeing to receive communications from the publisher in accordance with our Terms.',
      'All quotes delayed a minimum of 15 minutes.',
      // An academic's, with a career after it.
      'Nayyera Haq is an assistant dean at Syracuse Maxwell School of Public Affairs. She previously served as a senior director focusing on national security and economic policy at the White House.',
    ].join('\n');
    expect(kinds(raw).map(([k]) => k)).toEqual(['body', 'chrome', 'chrome', 'chrome', 'chrome', 'chrome']);
    // A professor the report quotes is the article's.
    expect(kinds('Russia and Ukraine will hold talks in Geneva next week, both sides said on Friday after weeks of preparations.\nSam Greene is a professor of Russian politics at King\'s College London, and he expects little from the talks in Geneva.').map(([k]) => k)).toEqual(['body', 'body']);
  });

  it('finds the headline of a whole page saved as text among menus, share panels and other stories\' titles', () => {
    const menu = ['World', 'Europe', 'Ukraine', 'Politics', 'Business', 'Sport'];
    const raw = [
      'Skip to main content',
      'Open Navigation Menu',
      ...menu,
      'Stop the Illegal Wildlife Trade',
      'These are external links and will open in a new window',
      ...menu,
      'These are external links and will open in a new window',
      'Kremlin rejects Europe’s amendments to the US peace plan for Ukraine',
      'Moscow says the earlier draft was acceptable and the changes are not constructive',
      'By Anna Petrenko',
      '25 November 2025',
      'Share this with Facebook',
      'Share this with WhatsApp',
      'Copy this link',
      'Close share panel',
      'Related Topics',
      'The Kremlin rejected Europe’s proposed amendments to the US peace plan for Ukraine on Tuesday, calling them unconstructive.',
      'Kremlin spokesman Dmitry Peskov said the earlier US draft had been quite acceptable as a basis for talks.',
    ].join('\n');
    const got = kinds(raw);
    expect(got.filter(([k]) => k === 'headline').map(([, t]) => t)).toEqual(['Kremlin rejects Europe’s amendments to the US peace plan for Ukraine']);
  });

  it('drops an app or newsletter plug in the page\'s voice, and keeps an explainer\'s "you" next to it', () => {
    const raw = [
      'Russia and Ukraine will hold talks in Geneva next week, both sides said on Friday after weeks of preparations.',
      'For the latest stories and breaking news updates download the Daily News apps for iOS and Android.',
      'CNN will soon launch Ukraine Briefing, a weekly newsletter bringing you the inside track on the peace talks.',
      'If you are wondering what the talks can achieve, the short answer is that both sides remain far apart on territory.',
    ].join('\n');
    expect(kinds(raw).map(([k]) => k)).toEqual(['body', 'chrome', 'chrome', 'body']);
  });

  it('drops a post embedded on lines of its own above its link and signature, and keeps the article paragraph above it', () => {
    const raw = [
      'Sunak travelled to Kyiv on Friday to sign a security agreement with Ukraine that commits the UK to swift and sustained assistance.',
      'I am in Ukraine to deliver a simple message.',
      'Our support cannot and will not falter.',
      'To all Ukrainians, Britain is with you – for as long as it takes pic.twitter.com/1ya8m2seiJ',
      '— Rishi Sunak (@RishiSunak) January 12, 2024',
      'President Putin said the discussions were held in a constructive atmosphere of mutual respect, a sentiment echoed by Trump, who called it productive.',
      'President Trump Participates in a Press Conference with the President of the Russian Federation https://t.co/D07iIhS8lh',
      '— The White House (@WhiteHouse) August 15, 2025',
      'Putin avoided specifics on the battlefield but described the meeting as a potential starting point for resolving the conflict.',
    ].join('\n');
    expect(kinds(raw).map(([k]) => k)).toEqual(['body', 'chrome', 'chrome', 'chrome', 'chrome', 'body', 'chrome', 'chrome', 'body']);
  });

  it('drops a post whose last words are cut off and run on into its signature, and its first paragraph above', () => {
    const raw = [
      'Witkoff said the meeting in Florida showed that Russia was working towards peace in Ukraine, and the talks would go on next week.',
      'Today in Florida, the Russian Special Envoy held productive and constructive meetings as part of the U.S. mediation effort toward a peaceful resolution.',
      'The American delegation included Special Envoy Steve Witkoff, Secretary of… — Special Envoy Steve Witkoff (@SEPeaceMissions) January 31, 2026',
      'He added that the American delegation also included the Treasury Secretary and the president’s son-in-law, officials said.',
    ].join('\n');
    expect(kinds(raw).map(([k]) => k)).toEqual(['body', 'chrome', 'chrome', 'body']);
  });

  it('takes what follows an aggregator\'s count of reports ("80 Articles") for other outlets\' teasers', () => {
    const raw = [
      'Russia says foreign troops in Ukraine would be targets after UK and France pledge deployment',
      'Russia declared Western military deployments in Ukraine legitimate combat targets, opposing plans by Britain and France to send troops after a ceasefire.',
      '80 Articles',
      'Russia sees foreign troops as a threat. This complicates Trump\'s peace plans. Ukraine continues to look for solutions. An analysis.',
      'Moscow. The Kremlin once again warned the member countries of NATO, Britain and France first of all, that bases in Ukraine would be targets.',
    ].join('\n');
    expect(kinds(raw).map(([k]) => k).slice(2)).toEqual(['chrome', 'chrome', 'chrome']);
  });

  it('drops a newsletter pitch that ends "directly to your inbox", however long', () => {
    const raw = [
      'Russia and Ukraine will hold talks in Geneva next week, both sides said on Friday after weeks of preparations.',
      'As the world watches the Russian invasion of Ukraine unfold, UkraineAlert delivers the best Atlantic Council expert insight and analysis on Ukraine twice a week directly to your inbox.',
    ].join('\n');
    expect(kinds(raw).map(([k]) => k)).toEqual(['body', 'chrome']);
  });

  it('drops the site talking about itself (browser notices, a donation pitch over several paragraphs) and keeps quoted "we"', () => {
    const raw = [
      'Notifications can be managed in browser preferences.',
      'Please refresh the page or navigate to another page on the site to be automatically logged in',
      'Kyiv and Moscow are still far apart on how to end the war and the fighting is stepping up',
      'From reproductive rights to climate change to Big Tech, The Independent is on the ground when the story is developing. Whether it’s investigating the financials of a campaign or producing our latest documentary, we know how important it is to parse out the facts from the messaging.',
      'At such a critical moment in US history, we need reporters on the ground. Your donation allows us to keep sending journalists to speak to both sides of the story.',
      'The second round of peace talks between Russia and Ukraine ended barely an hour after they began in Istanbul.',
      '“We need our journalists and reporters to see the front line,” Zelensky told reporters in Kyiv after the talks in Istanbul.',
    ].join('\n');
    expect(kinds(raw).map(([k]) => k)).toEqual(['chrome', 'chrome', 'headline', 'chrome', 'chrome', 'body', 'body']);
  });

  it('drops a date stamp with a relative update time ("18 Feb, 2026 10:14 / Updated 35 minutes ago")', () => {
    const raw = [
      'Top Russian negotiator assesses trilateral Geneva talks',
      '18 Feb, 2026 10:14 / Updated 35 minutes ago',
      'Trilateral talks between Russian, US and Ukrainian delegations in Geneva have been difficult, Vladimir Medinsky said.',
    ].join('\n');
    expect(kinds(raw)[1]?.[0]).toBe('chrome');
  });

  it('takes the line a saved page prints twice above the article as its headline, below the site\'s name', () => {
    const raw = [
      'President of Ukraine',
      'The Coalition Now Has Substantive Documents in Place on Security Guarantees – The President',
      '6 January 2026 - 23:47',
      'The Coalition Now Has Substantive Documents in Place on Security Guarantees – The President',
      'Following the Coalition of the Willing meeting in Paris, important documents on security guarantees were signed.',
    ].join('\n');
    const got = kinds(raw);
    expect(got[1]).toEqual(['headline', 'The Coalition Now Has Substantive Documents in Place on Security Guarantees – The President']);
    expect(got[0]?.[0]).not.toBe('headline');
    expect(got[3]?.[0]).toBe('chrome');
  });

  it('drops an aggregator\'s pitch printed above the headline, and keeps a short first paragraph before a sub-heading', () => {
    const raw = [
      'Get all your news in one place.',
      '100’s of premium titles.',
      'One app.',
      'Start reading',
      'Witkoff and Kushner met Putin for five hours on Ukraine plan',
      'President Trump’s advisers Steve Witkoff and Jared Kushner met Russian President Vladimir Putin for around five hours in the Kremlin on Tuesday.',
    ].join('\n');
    const got = kinds(raw);
    expect(got.slice(0, 3).map(([k]) => k)).toEqual(['chrome', 'chrome', 'chrome']);
    expect(got[4]).toEqual(['headline', 'Witkoff and Kushner met Putin for five hours on Ukraine plan']);
    const article = [
      'Russia and Ukraine agreed to a ceasefire on Tuesday after talks in Istanbul, officials said.',
      'What the deal says about the front line',
      'The agreement freezes the front line where it stands and leaves the status of four regions to later talks between the two sides.',
    ].join('\n');
    expect(kinds(article)[0]?.[0]).toBe('body');
  });

  it('drops a membership drive and its counter, a kicker, a menu and a breadcrumb, and keeps the article', () => {
    const raw = [
      'WORLD',
      'News | Politics | Ukraine | Europe | Opinion',
      'Home > World > Europe > Ukraine',
      'Negotiators leave Istanbul without a ceasefire',
      'Help us reach 25,000 members by the end of the year',
      '0 out of 25,000',
      'Russian and Ukrainian negotiators met in Istanbul on Friday for the first direct talks in three years.',
      'The meeting lasted less than two hours, Turkish officials said.',
      'Support the Armed Forces of Ukraine',
    ].join('\n');
    expect(kinds(raw)).toEqual([
      ['chrome', 'WORLD'],
      ['chrome', 'News | Politics | Ukraine | Europe | Opinion'],
      ['chrome', 'Home > World > Europe > Ukraine'],
      ['headline', 'Negotiators leave Istanbul without a ceasefire'],
      ['chrome', 'Help us reach 25,000 members by the end of the year'],
      ['chrome', '0 out of 25,000'],
      ['body', 'Russian and Ukrainian negotiators met in Istanbul on Friday for the first direct talks in three years.'],
      ['body', 'The meeting lasted less than two hours, Turkish officials said.'],
      ['chrome', 'Support the Armed Forces of Ukraine'],
    ]);
  });

  it('takes a crawler’s "date" prefix off the first line and keeps what follows it', () => {
    const page = classifyLines(textBlocks(' date 2025-05-19 Trump and Putin speak for two hours\nThe two leaders spoke by phone on Monday, the Kremlin said.'));
    expect(page.statedDates).toEqual(['2025-05-19']);
    expect(page.lines[0]).toMatchObject({ kind: 'headline', text: 'Trump and Putin speak for two hours' });
  });

  it('tells a sub-headline and a headline-like video title from the body, and neither is body', () => {
    const raw = [
      'No deal after two-hour call',
      "But it 'went very well,' the president says",
      'The president said the call "went very well" but did not announce a ceasefire on Monday.',
    ].join('\n');
    expect(kinds(raw).map(([k]) => k)).toEqual(['headline', 'heading', 'body']);
  });

  it('drops photo captions and credits, bylines, date stamps, editor’s notes and the outlet saying whom it asked for comment', () => {
    const raw = [
      'Thu. May 22nd, 2025',
      'For up-to-the-minute coverage on the Ukraine conflict and global diplomatic developments, visit LiveWorldUpdates.com.',
      'Delegates arrive for talks at the palace in Istanbul, Turkey, May 16. — Reuters',
      'The foreign minister speaks to reporters after the meeting.   (Jane Doe, Pool Photo via AP)',
      'Picture: JOHN SMITH/GETTY IMAGES',
      'Officials pose for a photo after the talks in Geneva on Sunday.',
      'By Anna Petrenko and Max Mustermann',
      'Monday, May 19th 2025, 1:10 pm',
      'Today: Thursday, 16 January 2025 year',
      'Vladimir Putin attends an expanded meeting of the Defence Ministry Board at the National Defence Control Centre in Moscow.',
      "Editor's note: This story is being updated.",
      'Newsweek has reached out to the Ministry of Foreign Affairs of Ukraine for comment via email.',
      'Ukraine and Russia agreed on Friday to exchange 1,000 prisoners each, the Turkish foreign minister said.',
      'The Kremlin did not respond to a request for comment.',
    ].join('\n');
    expect(kept(raw)).toEqual(['Ukraine and Russia agreed on Friday to exchange 1,000 prisoners each, the Turkish foreign minister said.', 'The Kremlin did not respond to a request for comment.']);
  });

  it('takes a caption printed twice, once without its credit, for a caption both times', () => {
    const caption = 'Attendees listen to a speech during the opening plenary session of the Summit on Peace in Ukraine, in Stansstad near Lucerne, Switzerland, 15 June 2024. International heads of state gather on 15 and 16 June at the Brgenstock Resort.';
    const credited = 'Attendees listen to a speech during the opening plenary session of the Summit on Peace in Ukraine, in Stansstad near Lucerne, Switzerland, 15 June 2024. International heads of state gather on 15 and 16 June at the Bürgenstock Resort.Photo: EPA/URS FLUEELER';
    const lead = 'Ukraine’s President Volodymyr Zelensky and his Swiss counterpart Viola Amherd expressed their hopes for the peace conference in Bürgenstock.';
    expect(kept([caption, credited, '', lead].join('\n'))).toEqual([lead]);
  });

  it('takes a tag page of titles over texts cut off mid-sentence for its teasers, and keeps an article\'s own sections', () => {
    const page = [
      'In war-fatigued east Ukraine, the president loses his shine',
      'The owner of a village shop in east Ukraine voted for the president five years ago, hoping the newcomer would end the fighting, and now the screech of an artillery shell over her',
      'Kyiv accuses Hungary of aiding the Kremlin',
      'Ukraine on Thursday accused its neighbour of appeasing Russian aggression and disrupting EU unity after a telephone call between the two leaders, the foreign ministry in',
      'Thousands protest against the war in Switzerland',
      'Thousands of people marched in the Swiss capital Bern on Saturday to demand an end to the war in Ukraine, and around 10,000 demonstrators filled the square, organisers said.',
    ];
    expect(kept(page.join('\n\n')).filter((l) => l !== '')).toEqual([]);
    // Sections whose paragraphs end are the article's.
    const sections = page.map((l, i) => (i % 2 === 1 && !/[.]$/.test(l) ? `${l} office said.` : l));
    expect(kept(sections.join('\n\n')).length).toBeGreaterThan(2);
  });

  it('drops a video player\'s keyboard help, a live page\'s promotion, a gallery caption numbered by its picture, a share prompt, a row of share buttons and a programme\'s running order', () => {
    const body = 'Zelenskyy said on Sunday that Ukraine was ready to discuss a neutral status as part of a peace deal.';
    for (const line of [
      'Space to play or pause, M to mute, left and right arrows to seek, up and down arrows for volume.',
      'Follow live the latest news about the war in Ukraine',
      'Mr. Putin announced the initial peace talks with Ukraine before the African delegation, picture 2.',
      'Help keep family & friends informed by sharing this article',
      'The Ukrainian Ministry of Internal Affairs has released video from inside the city of Kharkiv on Thursday.',
      'Share current article via Email Share current article via Facebook Share current article via Twitter Share current article via LinkedIn',
      'NewsHour’s Tim Franks joins the programme live from Lviv.',
      'Also in the programme: We hear from former Ukrainian President Petro Poroshenko; and drastic changes to global energy supply plans.',
    ])
      expect(kept(`${body}\n\n${line}`)).toEqual([body]);
    // A video whose release is the news, told by what it shows, stays.
    const news = 'Zelensky released a video of him signing what he said was a formal NATO membership request.';
    expect(kept(`${body}\n\n${news}`)).toEqual([body, news]);
  });

  it('takes neither a caption printed twice, the second time after its icon\'s alt text, nor one ending in its picture desk\'s credit, for the headline', () => {
    const text = [
      'Ukrainian President Volodymyr Zelenskiy says a referendum will be held on any compromises.',
      'Camera IconUkrainian President Volodymyr Zelenskiy says a referendum will be held on any compromises. Credit: AP',
      'Any compromises need referendum: Zelenskiy',
      'Ukrainian President Volodymyr Zelenskiy says any compromises agreed with Russia to end the war would need to be voted on by Ukrainians in a referendum.',
      'He said the peace talks with Russia on a ceasefire and the withdrawal of Russian troops were continuing by video link every day.',
      'Kremlin spokesman Dmitry Peskov said Moscow saw no progress yet in the negotiations with Kyiv.',
    ].join('\n\n');
    const r = analyzeArticle({ text, sourceName: 'Test', publishedAt: '2022-03-21T12:00:00Z' }, ceasefireStory(), new Date('2022-03-22T12:00:00Z'));
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.article.title).toBe('Any compromises need referendum: Zelenskiy');
    const credited = 'Russian and Ukrainian flags are seen on a table before the talks in the Gomel region, Belarus February 28, 2022. Sergei Kholodilin/BelTA/Handout via REUTERS';
    expect(kept(`${credited}\n\nNegotiators from Ukraine and Russia will return to their capitals for consultations, both sides said on Monday.`)).toEqual([
      'Negotiators from Ukraine and Russia will return to their capitals for consultations, both sides said on Monday.',
    ]);
  });

  it('drops a caption that labels its picture as an illustration or from the archive, before it or after a bar', () => {
    const body = 'Zelenskyy spoke with his Chinese counterpart today, their first contact since the invasion, state media said.';
    expect(kept(`Illustration photo – The NATO secretary general and Zelenskyy at a press conference on April 20, 2023 in Kyiv.\n\n${body}`)).toEqual([body]);
    expect(kept(`File photo: Delegates at the talks in Istanbul.\n\n${body}`)).toEqual([body]);
    expect(kept(`Zelenskyy said “Ukrainians will not give their land to the occupier.” | File photo\n\n${body}`)).toEqual([body]);
  });

  it('drops a caption that places its people "(L to R)", and the same run on after its photographer\'s and agency\'s credit', () => {
    const body = 'President Volodymyr Zelensky on Thursday ruled out peace with Russia unless it withdraws its troops, speaking after talks in Lviv.';
    const caption = '(L to R) The Turkish president, the Ukrainian president and the UN secretary-general shake hands in Lviv on August 18, 2022.';
    expect(kept(`${caption}\n\nIvan PETROV / AFP${caption}\n\n${body}`)).toEqual([body]);
    // A poll or a name before a slash is no credit.
    const poll = 'Reuters/Ipsos polling found most Americans back a ceasefire in Ukraine, the survey published on Friday showed.';
    expect(kept(`${poll}\n\n${body}`)).toEqual([poll, body]);
  });

  it('takes a wire agency\'s name on a line of its own for the copy\'s credit, never the headline', () => {
    const body = 'WASHINGTON (AP) — Trump said Putin told him in a phone call on Wednesday that Russia would respond to the drone attack, as the ceasefire talks stall.';
    for (const credit of ['The Associated Press', 'Reuters', 'By AFP', 'Agence France-Presse']) {
      const page = articleText(textBlocks(`${credit}\n\n${body}`));
      expect(page.text.split('\n')).toEqual([body]);
      expect(page.headline).toBeUndefined();
    }
  });

  it('takes the teasers of a tag page, each a separator line apart, for links to other stories, and keeps an article\'s own breaks', () => {
    const blurb = 'In late 2021, Russia began building up troops on the border with Ukraine, and by February it had invaded, despite months of denials that it planned to, drawing international condemnation and sanctions from Western powers.';
    const teasers = [
      'The vote comes amid rising security fears over the war in neighbouring Ukraine.',
      'The intensified diplomacy came as Russia launched its largest drone barrage against Ukraine.',
      'President Trump said he plans to speak by phone with Putin about ending the war.',
      'Ukraine said it would reciprocate any genuine ceasefire by Moscow, but voiced scepticism.',
      'A U.S. immigration program allowed hundreds of thousands of Ukrainians to come.',
    ];
    expect(kept([blurb, ...teasers].join('\n\n-\n\n'))).toEqual([blurb]);
    // Two breaks between long paragraphs of one article are its own.
    const article = [blurb, 'Talks between the two delegations resumed in Istanbul on Friday, the Turkish foreign ministry said.', blurb.replace('In late 2021', 'Before the talks')];
    expect(kept(article.join('\n\n* * *\n\n'))).toEqual(article);
  });

  it('takes a topic page of one-line summaries, each naming its actors afresh and quoting no one, for teasers, and keeps a wire story of one-sentence paragraphs', () => {
    const summaries = [
      'Moscow has proposed direct talks with Kyiv in Istanbul next month, aiming at what it calls durable peace.',
      'A deep rift over preconditions for a ceasefire is stalling the direct talks between the two sides.',
      'The Russian leader announced a three-day truce to mark the anniversary of the end of the Second World War.',
      'After a holiday truce of thirty hours, Russian drones and missiles again hit two regions of Ukraine.',
      'The American president warns he will abandon the peace effort unless clear progress emerges within days.',
      'The Chinese foreign minister stresses an impartial stance on the war and calls for dialogue between the parties.',
      'A heated argument at the White House led to the cancellation of a minerals agreement and a press conference.',
      'European leaders gather in Kyiv to press for an unconditional ceasefire of thirty days starting on Monday.',
      'Turkey offers to host a new round of negotiations between the delegations of Ukraine and Russia.',
      'An analysis of what each side now demands before any ceasefire, by our correspondent in Moscow, Ivan Petrov writes.',
    ];
    expect(kept(['Russia-Ukraine talks: the latest', ...summaries].join('\n\n')).filter((l) => summaries.includes(l))).toEqual([]);
    // A wire story's paragraphs are one sentence each too, but they attribute and lean on each other.
    const wire = [
      'Ukraine and Russia agreed on Friday to exchange 1,000 prisoners each after their first direct talks in three years.',
      'The talks in Istanbul lasted less than two hours, the Turkish foreign ministry said in a statement.',
      'Ukraine’s delegation was led by Defence Minister Rustem Umerov, who described the meeting as a first step.',
      'He said Kyiv had proposed a full and unconditional ceasefire of thirty days, which Moscow rejected.',
      'Russia’s delegation was led by Vladimir Medinsky, an aide to President Vladimir Putin and a former culture minister.',
      'Medinsky told reporters that Moscow was satisfied with the outcome and ready to continue contacts with Kyiv.',
      'The two sides agreed that each would present a detailed vision of a possible future ceasefire.',
      'European leaders had called for a ceasefire before any talks, and threatened further sanctions against Russia.',
      'They spoke with US President Donald Trump by phone after the talks ended on Friday afternoon.',
      'Trump has said he would meet Putin as soon as it could be arranged, according to the White House.',
    ];
    expect(kept(wire.join('\n\n'))).toEqual(wire);
  });

  it('drops an "Other Topics of Interest" heading, alone or run on into its first teaser, and keeps prose on topics of interest', () => {
    const lead = 'Ukraine and Russia agreed on Friday to exchange 1,000 prisoners each, the Turkish foreign minister said.';
    const prose = 'Topics of interest to both delegations include a ceasefire at sea, officials said.';
    // However long the run-on line (a long line of sentences is otherwise read as prose).
    const runOn =
      'Other Topics of Interest Envoys Hold Secret Talks to Mend Relations The administration reportedly urged Kyiv to resume the negotiations on a rare earth metals deal as soon as possible, preferably before the president’s address to Congress on Tuesday evening.';
    const raw = [lead, runOn, 'Other Topics of Interest', prose].join('\n\n');
    expect(kept(raw)).toEqual([lead, prose]);
  });

  it('takes the headline from under a breadcrumb that runs on into it, and drops the breadcrumb', () => {
    const raw = [
      'Home WORLD NEWS Envoys Report Constructive Talks With Moscow Over Ukraine',
      '',
      'Envoys Report Constructive Talks With Moscow Over Ukraine',
      '',
      'The US envoy met Russia’s economic emissary in Miami on Saturday for talks on ending the war in Ukraine, officials said.',
    ].join('\n');
    const page = articleText(textBlocks(raw));
    expect(page.headline).toBe('Envoys Report Constructive Talks With Moscow Over Ukraine');
    expect(page.text).not.toContain('Home WORLD NEWS');
  });

  it('takes the headline from under a breadcrumb glued to it, printed with other quotation marks', () => {
    const raw = [
      'HomeWorldnew Russian-Ukrainian talks in Turkey "next week"',
      '',
      'new Russian-Ukrainian talks in Turkey “next week”',
      '',
      'Russia and Ukraine have made enough progress on grain exports to hold further talks “next week”, Turkey announced on Wednesday.',
    ].join('\n');
    const page = articleText(textBlocks(raw));
    expect(page.headline).toBe('new Russian-Ukrainian talks in Turkey “next week”');
    expect(page.text).not.toContain('HomeWorld');
  });

  it('drops a postal address printed twice above the article, and never takes it or a caption ending on a comma for the headline', () => {
    const lead = 'Russian President Vladimir Putin said Thursday that he was ready for talks with Kyiv, after having previously rebuffed the idea.';
    const address = ['Physical Address', '304 North Cardinal St.', 'Dorchester Center, MA 02124'];
    const got = kinds([...address, ...address, lead].join('\n'));
    expect(got.filter(([, t]) => /Cardinal|Dorchester/.test(t)).every(([k]) => k === 'chrome')).toBe(true);
    expect(got.some(([k]) => k === 'headline')).toBe(false);
    const caption = 'Putin and Trump at the G20 summit in Osaka in 2019, Photo: Reuters';
    const page = articleText(textBlocks(['25739 views 31 reactions 10 comment(s)', caption, caption, lead].join('\n')));
    expect(page.headline ?? '').not.toContain('Osaka');
  });

  it('drops a disclaimer, a plug for another article of the site run on after a sentence, and a caption listing several people', () => {
    const lead = 'Chinese top diplomat Wang Yi said in Munich that China would publish its position on peace talks between Russia and Ukraine to end the war.';
    const raw = [
      'Wang Yi promises a Chinese peace plan for Ukraine talks',
      lead,
      'Disclaimer: The translations are mostly done through AI translator and might not be 100% accurate.',
      'China’s president Xi Jinping, his French counterpart Emmanuel Macron and European Commission president Ursula von der Leyen meet for a working session in Beijing, China on 6 April 2023.',
      'Earlier, political scientist Gubin assessed the importance of the visit. Read more about this in the BLiTZ article.',
    ].join('\n');
    const r = analyzeArticle({ text: raw, sourceName: 'x', publishedAt: '2023-02-18T12:00:00Z' }, ceasefireStory(), new Date('2023-02-20T12:00:00Z'));
    if (!r.ok) throw new Error(JSON.stringify(r));
    const facts = r.article.facts.map((f) => f.text).join('\n');
    expect(facts).toContain('Wang Yi said in Munich');
    expect(facts).toContain('Earlier, political scientist Gubin assessed the importance of the visit.');
    expect(facts).not.toMatch(/Disclaimer|working session|BLiTZ/);
  });

  it('drops an outlet describing itself and a caption "makes a speech at … on June 2, 2024", and keeps a last paragraph cut off', () => {
    const lead = 'Ukrainian President Volodymyr Zelensky accused China on Sunday of helping Russia to disrupt the peace talks at the summit in Switzerland meant to end the war.';
    const raw = [
      'Zelensky accuses China of sabotaging Ukraine peace talks',
      'Ukrainian President Volodymyr Zelenskyy makes a speech at the Asia Security Summit, better known as the Shangri-La Dialogue, in Singapore on June 2, 2024.',
      lead,
      'Reuters, the news and media division of Thomson Reuters, is the world’s largest international multimedia news provider reaching more than one billion people every day. Reuters provides trusted business, financial, national and international news to professionals.',
      'The Eastern Herald’s Russia Desk validates the stories published under this byline.',
      "Agence France-Presse (AFP) is a French international news agency headquartered in Paris, France. Founded in 1835 as Havas, it is the world's oldest news agency.",
      'Trump’s advisers, including retired Lt. Gen. Keith Kellogg, have suggested pressuring Ukraine to negotiate by threatening to withhold aid to bring Russian President Vladimir Putin to the table. Proposed solutions reportedly include de',
    ].join('\n');
    const r = analyzeArticle({ text: raw, sourceName: 'x', publishedAt: '2024-06-02T12:00:00Z' }, ceasefireStory(), new Date('2024-06-05T12:00:00Z'));
    if (!r.ok) throw new Error(JSON.stringify(r));
    const facts = r.article.facts.map((f) => f.text).join('\n');
    expect(facts).toContain('Zelensky accused China on Sunday');
    expect(facts).toContain('Keith Kellogg, have suggested');
    expect(facts).not.toMatch(/makes a speech|Thomson Reuters|this byline|Havas/);
  });

  it('keeps the whole sentences of a short last line cut off mid-word, and never a form\'s footnote or a podcast plug at the end', () => {
    const lead = 'Russia and Ukraine traded accusations on Sunday over a stalled ceasefire proposal discussed at the talks in Geneva.';
    const article = (last: string) => ['Kremlin rejects Geneva ceasefire terms', lead, last].join('\n');
    const facts = (raw: string) => {
      const r = analyzeArticle({ text: raw, sourceName: 'x', publishedAt: '2025-08-24T12:00:00Z' }, ceasefireStory(), new Date('2025-08-25T12:00:00Z'));
      if (!r.ok) throw new Error(JSON.stringify(r));
      return r.article.facts.map((f) => f.text);
    };
    const cut = facts(article('Russia reported the capture of two Donetsk region villages. Despite slow, costly advances, Russia control'));
    expect(cut).toContain('Russia reported the capture of two Donetsk region villages.');
    expect(cut.join('\n')).not.toContain('Russia control');
    const quoted = facts(article('“Time is running out for a deal on the talks,” he said. “Children are growing up in Put'));
    expect(quoted.join('\n')).toContain('Time is running out for a deal on the talks');
    for (const footer of ['Your email address will not be published. Required fields are marked *', 'Want a quick and expert briefing on the biggest news stories? Listen to our latest podcast'])
      expect(facts(article(footer))).toEqual([lead]);
  });

  it('drops a machine translation\'s disclaimer and a still from a video described in a caption, and keeps the article', () => {
    const lead = 'Ukraine’s President Volodymyr Zelenskyy said in Stockholm that Kyiv was ready for peace talks with Russia once a ceasefire holds.';
    const raw = [
      'sv flag go to the original language article',
      'This article has been translated by Artificial Intelligence (AI). The news agency is not responsible for the content of the translated article. The original was published by TT.',
      '',
      lead,
      'Members of the Azov Regiment walk with civilians during U.N.-led evacuations from the Azovstal steel plant in Mariupol, in a still image from handout video released May 1, 2022 by the Azov Regiment.',
      'Sweden and Ukraine signed a bilateral agreement on security cooperation, Swedish Prime Minister Ulf Kristersson said.',
    ].join('\n');
    const r = analyzeArticle({ text: raw, sourceName: 'x', publishedAt: '2024-05-31T12:00:00Z' }, ceasefireStory(), new Date('2024-06-02T12:00:00Z'));
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.article.title).not.toMatch(/responsible|translated|original/i);
    expect(r.article.facts.map((f) => f.text)).toEqual([lead, 'Sweden and Ukraine signed a bilateral agreement on security cooperation, Swedish Prime Minister Ulf Kristersson said.']);
  });

  it('takes the headline that says what it sums up ("… – key points") over a site\'s tagline that shares no word with the lead', () => {
    const raw = [
      'September 20, 2024',
      'Athens News',
      'News in English from Greece',
      "Trump and Zelensky's phone conversation – key points",
      'Yesterday, July 19, a telephone conversation took place between Ukrainian President Volodymyr Zelensky and Donald Trump.',
      'Following the conversation, Zelensky said they agreed to discuss at a personal meeting what steps can make peace fair.',
    ].join('\n');
    expect(articleText(textBlocks(raw)).headline).toBe("Trump and Zelensky's phone conversation – key points");
  });

  it('drops an ad slot\'s and a player\'s messages, a channel\'s plug and a caption closed by an agency\'s photo credit', () => {
    const lead = 'A Ukrainian negotiator said Russia had accepted Ukraine’s positions in the peace talks except on Crimea, and that a Putin–Zelensky meeting was possible.';
    const chrome = [
      'This advertisement has not loaded yet, but your article continues below.',
      'We apologize, but this video has failed to load.',
      'Follow the events in Ukraine and the world together with Espresso! Subscribe to the Telegram channel:',
      'Pope Francis speaks with Hungarian President Katalin Novák during a farewell ceremony in Budapest, Hungary, April 30, 2023. The pontiff concluded his three-day visit to the country. (CNS photo/Vatican Media)',
    ];
    const got = kinds(['Putin–Zelensky meeting is possible, negotiator says', lead, ...chrome].join('\n'));
    for (const line of chrome) expect(got.find(([, t]) => t === line)?.[0]).toBe('chrome');
  });

  it('takes a date stamp glued to a paragraph off it, and drops a syndication note, a writer\'s biography and a site\'s reading tip', () => {
    const lead = 'In 2022, Russia proposed to Kyiv to end the military actions, but with one main condition – Ukraine’s neutrality.';
    const chrome = [
      'This content was originally published in “Russia can only be forced into peace,” Zelensky tells the UN Security Council on the CNN Brasil website.',
      'Bruce Belcher is a seasoned author with over 5 years of experience in world news.',
      'All Global Research articles can be read in 51 languages by activating the Translate Website button below the author’s name.',
    ];
    const got = kinds(['Arakhamia: Russia wanted Ukraine’s neutrality in the 2022 talks', `November 25, 2023${lead}`, ...chrome].join('\n'));
    expect(got).toContainEqual(['body', lead]);
    expect(got.find(([, t]) => t === 'November 25, 2023')?.[0]).toBe('chrome');
    for (const line of chrome) expect(got.find(([, t]) => t === line)?.[0]).toBe('chrome');
  });

  it('drops a reading-time label, an audio player\'s prompt and a video channel\'s plug', () => {
    const lead = 'European leaders staged a show of support for Ukraine at the summit in Moldova, backing security guarantees on the way to NATO.';
    const chrome = ['Reading Time: 3 minutes', 'Press play to listen to this article', 'Don’t miss this deep dive into international politics. Like, comment, and subscribe for more!'];
    const got = kinds([...chrome.slice(0, 2), 'European leaders back Ukraine in Moldova', lead, chrome[2]].join('\n'));
    for (const line of chrome) expect(got.find(([, t]) => t === line)?.[0]).toBe('chrome');
    expect(got).toContainEqual(['body', lead]);
  });

  it('drops a paywall\'s loading message, a row of hashtags and a caption with the agency named alone after it', () => {
    const lead = 'Ukrainian President Volodymyr Zelensky said on Monday that Russia should be represented at the second peace summit.';
    const chrome = [
      'You have a preview view of this article while we are checking your access. When we have confirmed access, the full article content will load.',
      '#Zelenskys #press #conference #ended #war #Russia',
      'Ukraine s President Volodymyr Zelensky gestures as he speaks during his press conference in Kyiv, amid the Russian invasion in Ukraine. AFP',
    ];
    const got = kinds(['Zelensky wants Russia at the next peace summit', ...chrome, lead].join('\n'));
    for (const line of chrome) expect(got.find(([, t]) => t === line)?.[0]).toBe('chrome');
    expect(got).toContainEqual(['body', lead]);
  });

  it('keeps a short sentence inside the article, drops one among chrome', () => {
    expect(kept('The talks lasted less than two hours in Istanbul.\nHe declined to comment.\nThe next round is due in June, officials said.')).toHaveLength(3);
    expect(kept('Share this article\nThanks for reading.\nSubscribe to our newsletter')).toEqual(['']);
  });

  it('treats a heading after the last paragraph as a link to another story', () => {
    const raw = 'Kremlin says talks will continue next week in Istanbul, its spokesman told reporters.\nDraft plan to end the war';
    expect(kinds(raw)[1]).toEqual(['chrome', 'Draft plan to end the war']);
  });

  it('takes a link-list heading over the headline for the section’s label, not the start of a trailer', () => {
    const paras = [
      'In a document shared through Russian state media on June 2, Russia presented a proposed memorandum for a ceasefire in its war against Ukraine.',
      'According to available information, the document was handed over by the Russian delegation to the Ukrainian side during the talks in Istanbul.',
      'The memorandum is divided into three sections, and the first outlines the terms for what Moscow considers a final settlement.',
      'Kyiv has said it will study the text, while officials in Washington called several of its demands a non-starter for any deal.',
    ];
    const para = (n: number) => paras[n - 1] as string;
    const raw = ['Category', 'Latest news', '', 'Russia’s Memorandum Demands Territorial Recognition From Ukraine', '', '2 min read', 'Authors', '', para(1), '', para(2), '', para(3), '', para(4)].join('\n');
    const body = kinds(raw).filter(([k]) => k === 'body');
    expect(body).toHaveLength(4);
    // A real trailer after the article still goes.
    const trailer = [para(1), '', para(2), '', 'Latest news', 'Kremlin rules out new talks', 'Zelensky meets Trump in Paris'].join('\n');
    expect(kinds(trailer).slice(2).every(([k]) => k === 'chrome')).toBe(true);
  });

  it('keeps a last sentence with an end-of-story mark, without the mark, and a proposal someone "has put together"', async () => {
    const raw = [
      'US Army Secretary Dan Driscoll met a Russian delegation in Abu Dhabi on Tuesday to discuss a peace proposal the administration has put together after talks in Geneva.',
      '',
      'Following the meeting, envoy Steve Witkoff said that Russia and Ukraine had agreed on an exchange of 314 prisoners of war. ■',
    ].join('\n');
    expect(kept(raw).at(-1)).toBe('Following the meeting, envoy Steve Witkoff said that Russia and Ukraine had agreed on an exchange of 314 prisoners of war.');
    const { META_SENTENCE } = await import('../../src/ingest/chrome-phrases.js');
    expect(META_SENTENCE.test(kept(raw)[0] ?? '')).toBe(false);
    expect(META_SENTENCE.test('RBC-Ukraine has compiled the key statements from the press conference.')).toBe(true);
    expect(META_SENTENCE.test('TASS has gathered the latest updates on the talks.')).toBe(true);
    expect(META_SENTENCE.test('What is known about the outcome of the meeting is in the Vedomosti material.')).toBe(true);
    expect(META_SENTENCE.test('What Putin said about the talks is in the Izvestia article.')).toBe(true);
    expect(META_SENTENCE.test('What the envoys agreed is in the text of the memorandum, Medinsky said.')).toBe(false);
  });

  it('takes neither a caption cut off at its start nor a table cell ending in its bar for the headline, and takes a section name off it', () => {
    const body = 'In a bid to halt hostilities, the United States and Ukraine have proposed a 30-day ceasefire, contingent upon Russia’s agreement, after talks in Saudi Arabia.';
    const raw = ['![]() |', 'the United States and Ukraine have proposed a 30-day ceasefire, following high-level discussions in Saudi Arabia. |', 'U.S. and Ukraine Advocate for 30-Day Truce Following Discussions in Saudi Arabia', body].join('\n');
    expect(articleText(textBlocks(raw)).headline).toBe('U.S. and Ukraine Advocate for 30-Day Truce Following Discussions in Saudi Arabia');
    const suffixed = ['US Touts ‘Article Five-Like’ Guarantees In Ukraine Peace Talks In Berlin | World News', '', body].join('\n');
    expect(articleText(textBlocks(suffixed)).headline).toBe('US Touts ‘Article Five-Like’ Guarantees In Ukraine Peace Talks In Berlin');
  });

  it('takes a footnote number off a sentence\'s stop and parts a year glued to the next sentence', () => {
    const raw = [
      'Ukraine agreed to a U.S. proposal for a 30-day ceasefire in Jeddah, officials said.1 The decision was welcomed in Kyiv on Tuesday.',
      'POLITICO - Tuesday, December 16, 2025The U.S. is offering Ukraine security guarantees similar to those of NATO, officials said.',
    ].join('\n');
    const text = kept(raw).join('\n');
    expect(text).toContain('officials said. The decision was welcomed');
    expect(text).toContain('2025 The U.S. is offering');
  });

  it('takes a reference in brackets off a sentence\'s stop, so a think tank\'s paragraph is prose, and drops a paywall\'s free-account pitch', () => {
    const paragraph =
      'Russian Foreign Minister Sergei Lavrov explicitly blamed the United States on February 9 for the lack of progress in the peace talks.[1] Kremlin Spokesperson Dmitry Peskov similarly claimed that the two sides reached a number of understandings in Alaska.[2][3]';
    const raw = ['February 9, 2026', 'Russia blames U.S. for lack of progress in peace talks', paragraph, 'Start Free Account Get access to 7 premium stories every month for FREE!'].join('\n');
    expect(kept(raw)).toEqual([
      'Russia blames U.S. for lack of progress in peace talks',
      'Russian Foreign Minister Sergei Lavrov explicitly blamed the United States on February 9 for the lack of progress in the peace talks. Kremlin Spokesperson Dmitry Peskov similarly claimed that the two sides reached a number of understandings in Alaska.',
    ]);
  });

  it('takes a short first line in headline form for the headline even with its full stop, and never a lead in the past tense', () => {
    const lead = 'According to the Kremlin’s statement released on Wednesday, Russian President Vladimir Putin and South African President Cyril Ramaphosa discussed the African peace initiative on Ukraine.';
    for (const [line, title] of [
      ['Putin calls Ramaphosa to discuss Ukraine.', 'Putin calls Ramaphosa to discuss Ukraine'],
      ['‘Not all bridges are destroyed,’ Zelensky says ahead of crunch talks with Putin.', '‘Not all bridges are destroyed,’ Zelensky says ahead of crunch talks with Putin'],
      ['Zelensky: “Nobody Knows When the War Will End.”', 'Zelensky: “Nobody Knows When the War Will End.”'],
    ] as const) {
      const page = articleText(textBlocks([line, '', lead].join('\n')));
      expect(page.headline).toBe(title);
      expect(page.all.find((l) => l.text === lead)?.kind).toBe('body');
    }
    // A date stamp in another language over the lead is no headline: it has no three words of letters.
    expect(articleText(textBlocks(['11.47 - martedì 16 aprile 2024', '', lead].join('\n'))).headline).toBeUndefined();
    // A lead that opens the page is no headline, however short: past tense, or no lead under it.
    expect(articleText(textBlocks(['Putin called Ramaphosa to discuss Ukraine.', lead].join('\n'))).headline).toBeUndefined();
    expect(articleText(textBlocks(['Putin says Russia is open to talks.', 'Kyiv rejected it.'].join('\n'))).headline).toBeUndefined();
  });

  it('takes a caption with a picture agency\'s credit after its stop for no headline, even printed twice', () => {
    const caption = 'Journalists gather outside the Intercontinental Hotel ahead of another round of talks between Russia and Ukraine in Geneva, February 17, 2026. /VCG';
    const raw = [caption, caption, 'The second day of trilateral talks among Ukraine, the United States and Russia began in Geneva on Wednesday.'].join('\n');
    expect(articleText(textBlocks(raw)).headline).toBeUndefined();
    // The account a screenshot comes from, set off the same way.
    const screenshot = 'A screenshot of U.S. presidential special envoy Steve Witkoff\'s post on X. /@SEPeaceMissions';
    expect(articleText(textBlocks([screenshot, raw].join('\n'))).headline).toBeUndefined();
  });

  it('takes, on a whole page saved as text, the heading that tells of the lead over a menu line eight or more lines above it that shares one word with it', () => {
    const menus = ['WATCH LIVE', 'Local News', 'Categories', 'TrafficLocalishSafety TrackerSports13 InvestigatesAction 1313 UnsolvedRenters\' Rights', 'WeatherU.S. & WorldPoliticsTexas True CrimeThis Week in TexasOur AmericaTown HallsShop', 'Station Info', 'Contact UsABC13 News TeamCareersEnter to Win About ABC13', 'ABC13 Live NewscastsTV Listings', 'Your Account', 'Log Out'];
    const headline = 'Aisha\'s Salon and Spa chain bans men from entering any of its 25 locations after man\'s lewd act';
    const lead = [
      'Houston beauty chain Aisha\'s Salon and Spa is banning men after a man was caught on camera at its Copperfield location, the owner said on Tuesday.',
      'The Harris County Sheriff\'s Office is now investigating the incident at the salon chain\'s location in the Copperfield area.',
      'The salon namesake\'s son, Usman Hasib, runs the business now, and he decided men will no longer be allowed inside any of its 25 locations.',
    ];
    expect(articleText(textBlocks([...menus, headline, 'By Alex Bozarjian', 'Thursday, November 9, 2023 4:41AM', ...lead].join('\n'))).headline).toBe(headline);
  });

  it('takes no headline from a whole page saved as text whose only headings before the lead are its sections\' names', () => {
    const menus = ['Politics & Government', 'Housing and Homelessness', 'Health and Environment', 'En Español', 'Special Projects', 'Podcasts & Video', 'About Us', 'Climate Change & NYC', 'Mapping the Future', 'NYC Shelter Count'];
    const lead = [
      'Wednesday is a monumental day for the New York City Housing Authority and residents at the Nostrand Houses in Brooklyn.',
      'For the first time, tenants will begin to vote on what they want the future of their communities and homes to look like.',
      'Residents who are on a lease and are at least 18 years old can cast a ballot, the authority said.',
    ];
    const page = articleText(textBlocks([...menus, 'By Tatyana Turner.', 'Published November 8, 2023', ...lead].join('\n')));
    expect(page.headline).toBeUndefined();
    expect(page.text).toContain(lead[0]);
  });

  it('ends the article at a link-list heading that another article runs on under, with its own date and byline, on a whole page saved as text', () => {
    const own = [
      'Meta Outage Hits Facebook, Instagram and Messenger Worldwide',
      'By Kulu Media News Desk',
      'A major Meta outage disrupted access to Facebook, Instagram, and Messenger on Friday, leaving users around the world unable to log in.',
      'Reports of the Meta outage began emerging shortly before 10 a.m. Eastern Time, according to media reports monitoring the incident.',
      'Tens of thousands of users reported problems accessing Facebook, Instagram, and Messenger as the disruption unfolded on Friday.',
    ];
    const next = [
      'Artemis II Successful Return Marks Historic Crewed Lunar Flyby',
      'Published',
      'April 11, 2026',
      'By',
      'Kulu Media News Desk',
      'The Artemis II successful return marks a major milestone in modern space exploration as NASA astronauts completed a historic journey.',
      'The Orion spacecraft splashed down in the Pacific Ocean after a 10 day mission that took the crew farther into space than anyone.',
      'Commander Reid Wiseman led the flight, supported by pilot Victor Glover and mission specialist Christina Koch on the long journey.',
      'Also on board was Jeremy Hansen from the Canadian Space Agency, marking the first time a Canadian astronaut has flown to the Moon.',
    ];
    const page = articleText(textBlocks([...own, 'Up Next', 'You may like', ...next].join('\n')));
    expect(page.text).toContain(own[4]);
    expect(page.text).not.toContain('Artemis');
    // A list of other stories' titles over the page's own article heads no second article.
    const top = articleText(textBlocks(['TRENDING NOW', 'US Buys Country Club for New Embassy in T&T', 'Chaotic Haiti: 20 Dead, Thousands Flee Homes', ...next].join('\n')));
    expect(top.text).toContain('The Orion spacecraft splashed down');
  });

  it('drops a comment section\'s abuse line, a site\'s "some rights reserved" and a newsletter\'s promise to email you', () => {
    const body = 'Governor John Rankin made the announcement in a press statement this afternoon, calling for calm in the territory.';
    for (const line of ['In case of abuse, click here to report.', 'Some rights reserved 2017-2023 by Heartland Newsfeed, a subsidiary partnership of Heartland Media Group.', "Every day we'll send you a roundup email of all the latest from Cork covering news, entertainment and sport, all in one handy email."]) {
      expect(articleText(textBlocks([body, line].join('\n'))).text).toBe(body);
    }
  });

  it('takes a title-case headline whose last word is a set of initials ("… Meeting in U.S.") for the headline, not a sentence', () => {
    const headline = "Kremlin Calls Talks a 'Situational Pause' as Kyiv Plans Weekend Meeting in U.S.";
    const body = 'The Kremlin said on Thursday that talks involving Washington, Moscow and Kyiv over an end to the war in Ukraine are on a pause.';
    const page = articleText(textBlocks([headline, 'By Avery Klein', body].join('\n')));
    expect(page.headline).toBe(headline);
    expect(page.spans.filter((s) => s.kind === 'body').map((s) => page.text.slice(s.start, s.end))).toEqual([body]);
  });

  it('takes a site\'s slogan above the headline for the page\'s, when the writers\' names stand between the headline and the lead', () => {
    const headline = 'Rezoning plan plagues Bronx city councilmember\'s re-election bid';
    const lead = 'A controversial rezoning proved to be a central issue in a heated City Council race in the East Bronx, where the incumbent trailed on election night.';
    const page = articleText(textBlocks(['A non-profit newsroom, powered by WNYC.', headline, 'David Brand', 'Ramsey Khalifeh', lead].join('\n')));
    expect(page.headline).toBe(headline);
    expect(page.text).not.toContain('non-profit newsroom');
  });

  it('drops the lines of publishing systems, account pages, sign-up drives and teasers that stand where a headline would', () => {
    const body = 'Police charged a woman with killing her mother at their home in the east of the island on Tuesday, officers said.';
    for (const line of [
      'You have permission to edit this article.',
      'Enter your email address below and we will send you the reset instructions',
      'Never miss a delicious recipe! SIGN UP',
      "As if stress breakouts weren't bad enough. Read More",
      'July 24, 2019 by Amy Motroni 5 Comments',
    ]) {
      const page = articleText(textBlocks([line, body].join('\n')));
      expect(page.text).toBe(body);
    }
  });

  it('drops a site\'s policies and disclosures, and its skip links, as chrome', () => {
    const body = 'The Vatican said on Wednesday that transgender people may be baptised and serve as godparents under certain conditions.';
    for (const line of [
      'For more information on our editorial policies please view our editorial policies and guidelines section in addition to our fact checking policy and most importantly, our terms of service.',
      'All links on this site could lead to commissions paid to the publisher.',
      'Jump to Recipe Pin Recipe',
    ]) expect(articleText(textBlocks([body, line].join('\n'))).text).toBe(body);
  });

  it('takes, on a whole page saved as text, no menu item printed twice far above the lead for the headline, nor a "continue reading" prompt, a caption with its photographer and agency, or a section glued on with a bar', () => {
    const lead = [
      'Walt Disney Co. executive Kevin Mayer said overwhelming demand and a coding glitch led to widespread problems for Disney+ users.',
      'The company struggled to contend with the more than 10 million users who activated their accounts last week, Mayer said.',
      'Disney shares rose on Tuesday after the company reported the number of sign-ups for the new streaming service.',
    ];
    const menus = Array.from({ length: 20 }, (_, i) => `Section number ${i + 1}`);
    const headline = '‘We had some issues,’ exec says on Disney+ glitches';
    const twice = ['L.A. Times En Español', ...menus, 'L.A. Times En Español', ...menus.slice(0, 5), headline, 'By Meg James', 'Nov. 19, 2019', ...lead];
    expect(articleText(textBlocks(twice.join('\n'))).headline).toBe(headline);
    const nyt = ['LOG IN', 'Continue reading the main story', 'Republicans Are Following Trump to Nowhere', 'By Jamelle Bouie', ...lead];
    expect(articleText(textBlocks(nyt.join('\n'))).headline).toBe('Republicans Are Following Trump to Nowhere');
    const caption = ['The Moulin Rouge cabaret in Paris Benoit Tessier/Reuters', 'Why Neon Is the Ultimate Symbol of the 20th Century', 'Sarah Archer', ...lead];
    expect(articleText(textBlocks(caption.join('\n'))).headline).toBe('Why Neon Is the Ultimate Symbol of the 20th Century');
    const kicker = ['Business|Disney Says Demand Swamped Its New Streaming Service', ...lead];
    expect(articleText(textBlocks(kicker.join('\n'))).headline).toBe('Disney Says Demand Swamped Its New Streaming Service');
  });

  it('takes a sentence of the page far above the article (a site message, a promo) for the page\'s, but keeps a standfirst under its headline over a video player', () => {
    const lead = [
      'NEW DELHI: Their American dream shattered and huge savings wasted, nearly 150 Indians returned home on a special flight on Wednesday.',
      '“This was the fourth time I have been deported,” said Singh Jabarjung, 24, from Punjab, after landing at the airport.',
      'The special aircraft carrying the deportees landed at the T3 terminal of the Delhi airport at 6am, officials said.',
    ];
    const menus = ['NBC on Demand', 'Watch the latest full episodes of your favorite NBC series anytime and anywhere.', 'Click for full schedule', 'Social Media', 'Our Products', 'Send Tips', 'Submit a Complaint', 'Submit Tips', 'Send Feedback', 'Visit our partner site'];
    const page = articleText(textBlocks([...menus, 'With shattered dreams, deportees return home from US', 'By Scott Gordon', 'Published Nov 20, 2019 at 4:07 PM', ...lead].join('\n')));
    expect(page.headline).toBe('With shattered dreams, deportees return home from US');
    expect(page.text).not.toContain('Watch the latest');
    const dek = 'Trump said in a phone call that he may put secondary tariffs on Russian oil if Russia is at fault for no ceasefire in Ukraine.';
    const player = ['Keyboard Shortcuts', 'Play/PauseSPACE', 'Increase Volume', 'Decrease Volume', 'Seek Forward', 'Seek Backward', 'Captions On/Offc', 'Fullscreen/Exit Fullscreenf', 'Mute/Unmutem'];
    const video = articleText(textBlocks(["Trump says he's 'very angry' at Putin during an NBC News interview", dek, ...player, ...lead].join('\n')));
    expect(video.text).toContain(dek);
    // A lead over a plan's points set out on lines of their own is the article's.
    const intro = 'The draft circulated by Washington on Thursday sets out the terms of a settlement in twenty points, officials said.';
    const points = ['Ukraine’s sovereignty will be confirmed by all sides', 'A comprehensive non-aggression agreement between the parties', 'Ukraine will receive robust security guarantees from its partners', 'The size of the Ukrainian armed forces will be limited', 'Ukraine will not host foreign troops on its territory', 'Crimea and Donbas will be recognised as Russian de facto', 'Sanctions on Russia will be lifted in stages over time', 'Elections will be held in Ukraine within one hundred days'];
    const plan = articleText(textBlocks([intro, ...points, ...lead].join('\n')));
    expect(plan.text).toContain(intro);
  });

  it('takes a picture described in the present at an occasion, with no day, for a caption, but not a present-tense report of someone speaking to the press', () => {
    const caption = "President Joe Biden speaks at a joint news conference with French President Emmanuel Macron to discuss the war in Ukraine, among other topics covered in their private meeting.";
    const body = 'Biden said on Thursday he was prepared to speak with Putin if the Russian leader was looking for a way to end the war in Ukraine.';
    expect(articleText(textBlocks([body, caption].join('\n'))).text).toBe(body);
    const report = 'Ukrainian Foreign Minister Dmytro Kuleba speaks to the international press against the picturesque backdrop of Lake Lucerne.';
    expect(articleText(textBlocks([body, report].join('\n'))).text).toContain(report);
  });

  it('takes a long caption that opens as one and closes on its credit for a caption, not the headline', () => {
    const caption = 'In this photo released by Xinhua News Agency, a screen showing Chinese President Xi Jinping, right, meets with U.S. President Joe Biden via a video call on Friday, March 18, 2022, in Beijing, China. Face to face by video, Joe Biden laid out to Xi Jinping on Friday the stiff consequences the Chinese would face from the U.S. if they provide military or economic assistance for Russia\'s invasion of Ukraine. (Liu Bin/Xinhua via AP)';
    const body = 'U.S. President Joe Biden had a nearly two-hour video call with Chinese leader Xi Jinping on Friday over the war in Ukraine, officials said.';
    const page = articleText(textBlocks([caption, body].join('\n')));
    expect(page.headline).toBeUndefined();
    expect(page.text).toBe(body);
  });

  it('takes a caption closed by a copyright credit after its stop ("… on April 30, 2025. © Facebook") for a caption', () => {
    const caption = 'US Treasury Secretary Scott Bessent and Ukrainian Economy Minister Yuliya Sviridenko sign a deal on Ukraine’s natural resources on April 30, 2025. © Facebook';
    const body = 'Ukraine and the United States signed an agreement on Wednesday that will direct a portion of the revenues into a joint investment fund.';
    const page = articleText(textBlocks([caption, body].join('\n')));
    expect(page.headline).toBeUndefined();
    expect(page.spans.filter((s) => s.kind === 'body').map((s) => page.text.slice(s.start, s.end))).toEqual([body]);
  });

  it('takes a dek introducing the writer ("News Writer, Jessica Tite, reports on …") for a byline, not the headline', () => {
    const dek = 'News Writer, Jessica Tite, reports on the heated debate that took place between President Trump and President Zelensky, describing the argument';
    const body = 'On February 28th, 2025, the Oval Office hosted a political showdown between President Trump and President Zelensky as diplomatic talks took a turn for the worse.';
    const page = articleText(textBlocks([dek, body].join('\n')));
    expect(page.headline).toBeUndefined();
    expect(page.spans.filter((s) => s.kind === 'body').map((s) => page.text.slice(s.start, s.end))).toEqual([body]);
  });

  it('takes a caption that places its people between commas ("…, front center, hosts …") and a wire byline ("… and …, AP") for no headline', () => {
    const headline = "'A coalition of the willing': European leaders agree on plan to end war, defend Ukraine";
    const caption = "Britain's Prime Minister Keir Starmer, front center, hosts the European leaders' summit to discuss Ukraine at Lancaster House, London";
    const body = 'British Prime Minister Keir Starmer has announced a four-point plan to work with Ukraine in ending the war, and defending it from Russia.';
    expect(articleText(textBlocks([headline, '', caption, '', body].join('\n'))).headline).toBe(headline);
    const wire = 'US president Donald Trump has said Ukraine can win back all territory it has lost to Russia – a dramatic shift from his previous call on Kyiv to make concessions.';
    const page = articleText(textBlocks(['Illia Novikov and Matthew Lee, AP', '', wire].join('\n')));
    expect(page.headline).toBeUndefined();
    expect(page.spans.filter((s) => s.kind === 'body').map((s) => page.text.slice(s.start, s.end))).toEqual([wire]);
  });

  it('takes prose under the headline set off by the writer\'s name alone for the standfirst, an initial\'s stop ending no sentence', () => {
    const headline = "NYT: Vance outlined a peace plan for Ukraine — very similar to Putin's terms";
    const dek = 'J.D. Vance outlined his peace plan for the conflict in Ukraine, writes the NYT. Donald Trump would tell the Russians, Ukrainians and Europeans to “negotiate a peaceful settlement.” New territories would remain with Russia.';
    const body = [
      "Senator J.D. Vance outlined a peace plan for the conflict in Ukraine. But objectively, it is very similar to Vladimir Putin's plan.",
      'On the air of the TV show “The Shawn Ryan Show” on Thursday, Vance was asked about how former President Donald Trump is going to end the conflict.',
    ];
    const page = articleText(textBlocks([headline, dek, 'Julian Barnes', ...body].join('\n')));
    expect(page.spans.filter((s) => s.kind === 'body').map((s) => page.text.slice(s.start, s.end))).toEqual(body);
  });

  it('takes prose over a paragraph that opens on a place and a dash ("New Delhi – …") for the standfirst, not the lead', () => {
    const dek = 'US Secretary of State Antony Blinken and Russian Foreign Minister Sergei Lavrov reportedly spoke briefly at the G20 meeting in India. Due to the war in Ukraine, the G20 ministers did not agree on a joint final declaration.';
    const lead = 'New Delhi – “Blinken asked to get in touch with Lavrov,” Lavrov’s spokeswoman Maria Zakharova said on Thursday, according to Russian news agency TASS.';
    const more = 'It was the first face-to-face meeting between Blinken and Lavrov since Russia invaded Ukraine more than a year ago, and it lasted less than ten minutes.';
    const page = articleText(textBlocks([dek, lead, more].join('\n')));
    expect(page.spans.filter((s) => s.kind === 'body').map((s) => page.text.slice(s.start, s.end))).toEqual([lead, more]);
    // A person set off by a dash opens no dateline.
    const person = 'Zelensky – who spoke to reporters in Kyiv – said on Thursday that the talks in Istanbul had brought no result.';
    const page2 = articleText(textBlocks([dek, person, more].join('\n')));
    expect(page2.spans.filter((s) => s.kind === 'body').map((s) => page2.text.slice(s.start, s.end))).toContain(dek);
  });

  it('takes a "Read also" list of other stories, each a title over its summary, for chrome, but not links between paragraphs', () => {
    const article = [
      'Zelensky discusses "peace formula" with the Pope',
      'On 28 December 2023, Ukrainian President Volodymyr Zelensky said in a video message that he discussed with the Pope the possibility of peace in Ukraine.',
      'Also, Zelensky said that he discussed with the Pope "our joint work on the Peace Formula" and thanked the Vatican "for supporting our work".',
      '"Just spoke with His Holiness Pope Francis," Zelensky stated, thanking him for his Christmas greetings and for wishing a just peace for all Ukrainians.',
      'As reported, a spokesman of the President\'s Office earlier called the Pope pro-Russian and ruled out his part in any negotiations with Russia.',
    ];
    const teasers = [
      'Read also',
      'HCHC Community Holds All-Night Vigil Honoring Philoptochos Society and Its Patron Saints',
      'Special prayers offered for members of the National Board and all Philoptochos chapters in gratitude for their decades of support.',
      'Georgian Church Resumes Construction After Miracle',
      "The foundation of a church was blessed at Georgia's Oncology Center, where construction resumes on a new church.",
      'OCA Chancellor Visits Romania and Czech Lands and Slovakia',
      'Archpriest Alessandro Margheritino represents the Metropolitan at major church events and meetings with hierarchs of sister Churches.',
    ];
    expect(kept([...article, ...teasers].join('\n\n')).filter((l) => l !== '').slice(1)).toEqual(article.slice(1));
    // Two links between the article's paragraphs, the article going on under them.
    const links = ['Read more:', "War in Ukraine 'needs concessions on both sides', says Farage", "Scale of Russia's losses in Ukraine revealed"];
    const more = 'Following the call, the Kremlin said Mr Putin had told the German chancellor any agreement must take account of the new territorial realities.';
    expect(kept([...article, ...links, more].join('\n\n'))).toContain(more);
  });

  it('takes a sentence printed twice that opens the page for its headline, stop and all (its title without it), and makes no fact of it', () => {
    const headline = 'Trump mentions that the Budapest summit with Putin might be revived in his discussion with Orban.';
    const body = 'In Washington on Friday, President Trump indicated that there is a possibility of meeting with Russian President Vladimir Putin in Budapest.';
    const page = articleText(textBlocks(['SELECT LANGUAGE BELOW', '', headline, '', headline, '', body].join('\n')));
    // (As a title, without its stop.)
    expect(page.headline).toBe(headline.slice(0, -1));
    expect(page.spans.filter((s) => s.kind === 'body').map((s) => page.text.slice(s.start, s.end))).toEqual([body]);
  });

  it('takes a line that ends by placing someone in the picture ("… appears in the center.") for a caption, not the headline', () => {
    const caption = 'Representatives of countries not aligned with NATO went to a meeting in Copenhagen that does not seem to have resulted in decisions worth noting. Celso Amorim appears in the center.';
    const body = 'Brazil sent its chief adviser on foreign affairs to a meeting in Copenhagen on the war in Ukraine on Saturday.';
    const page = articleText(textBlocks([caption, '', body].join('\n')));
    expect(page.headline).toBeUndefined();
    expect(page.spans.filter((s) => s.kind === 'body').map((s) => page.text.slice(s.start, s.end))).toEqual([body]);
  });

  it('takes a scripture verse a mailing list signs with for no headline and no fact', () => {
    const body = 'The newly elected Pope Leo XIV has suggested that the Vatican could host high-level negotiations between Ukraine and Russia.';
    const page = articleText(textBlocks(['(2Co 13:11) For the rest, brethren, rejoice, be perfect, take exhortation, be of one mind, have peace', '', body].join('\n')));
    expect(page.headline).toBeUndefined();
    expect(page.spans.filter((s) => s.kind === 'body').map((s) => page.text.slice(s.start, s.end))).toEqual([body]);
  });

  it('takes the headline under a short office or site name above it ("President of Ukraine")', () => {
    const headline = 'Paris Declaration: Robust Security Guarantees for a Solid and Lasting Peace in Ukraine';
    const body = 'The members of the Coalition of the Willing, Ukraine and the United States have convened today in Paris.';
    const page = articleText(textBlocks(['President of Ukraine', '', headline, '', '6 January 2026 - 22:17', '', body].join('\n')));
    expect(page.headline).toBe(headline);
  });

  it('reads a markdown copy with inline HTML as its text, and takes the headline under a section and rubric ("Europe | One battle after another")', () => {
    const span = (style: string, text: string) => `<span style="${style}">${text}</span>`;
    const lines = [
      `${span('color:#E3120B; font-weight:bold;', 'Europe')} ${span('color:#000000; font-weight:bold;', '| One battle after another')}`,
      span('color:#000000; font-size:29.1pt;', 'Ukraine struggles to cope with America’s destructive peace plans'),
      span('color:#808080; font-style:italic;', 'The latest manoeuvres by Donald Trump are familiar'),
      span('color:#808080;', 'December 11th 2025'),
      '',
      'On December 8th Volodymyr Zelensky pushed back against the latest American proposal for Ukraine, rejecting<br>its demand that Ukraine cede territory to Russia in Europe without guarantees.',
    ];
    const page = articleText(textBlocks(lines.join('\n')));
    expect(page.headline).toBe('Ukraine struggles to cope with America’s destructive peace plans');
    expect(page.text).not.toMatch(/<|span|color:/);
    // A break inside a sentence is read across, as any broken line is; text that only looks like a tag stays.
    const body = page.spans.filter((s) => s.kind === 'body').map((s) => page.text.slice(s.start, s.end));
    expect(body[0]).toMatch(/rejecting its demand that Ukraine cede territory/);
    const prose = articleText(textBlocks('Talks resumed.\n\nThe front line moved by <5 km> in a week, officials said, as the talks went on in Geneva.'));
    expect(prose.text).toContain('<5 km>');
  });

  it('reads a byline with the writer’s post as chrome ("By Maxine Davey, an editorial fellow at _Foreign Policy_."), not a sentence that opens on "By" and a day', () => {
    const lead = 'Officials from Russia, Ukraine and the United States began talks in Abu Dhabi on Friday, set to continue for two days.';
    const page = articleText(textBlocks(['Talks begin in Abu Dhabi', '', 'By Maxine Davey, an editorial fellow at _Foreign Policy_.', '', lead].join('\n')));
    expect(page.dropped.map((d) => d.reason)).toContain('byline');
    expect(page.spans.filter((x) => x.kind === 'body').map((x) => page.text.slice(x.start, x.end))).toEqual([lead]);
    const byDay = 'By Tuesday, the talks in Abu Dhabi had collapsed, officials from Russia and Ukraine said.';
    const other = articleText(textBlocks(['Talks collapse in Abu Dhabi', '', lead, '', byDay].join('\n')));
    expect(other.spans.map((x) => other.text.slice(x.start, x.end))).toContain(byDay);
  });

  it('reads a row of skip links as chrome, not the page’s headline ("Skip to navigation   Skip to search   Skip to main content")', () => {
    const lead = 'Officials from Russia, Ukraine and the United States began talks in Abu Dhabi on Friday, set to continue for two days.';
    const page = articleText(textBlocks(['Skip to navigation   Skip to search   Skip to main content   Skip to footer', '', lead].join('\n')));
    expect(page.headline).toBeUndefined();
    expect(page.dropped.map((d) => d.text)).toContain('Skip to navigation Skip to search Skip to main content Skip to footer');
    // A sentence that only opens so stays.
    const body = 'Skip to the end of the talks: the delegations agreed on nothing in Abu Dhabi, officials said.';
    expect(articleText(textBlocks([lead, '', body].join('\n'))).text).toContain(body);
  });

  it('ends a whole page at a run of other stories’ titles: their teaser after them is chrome, and a link with no words is no line', () => {
    const lead = 'Russia said on Monday that any peace deal on Ukraine must address the root causes of the war, as talks with the United States went on.';
    const body = 'Deputy Foreign Minister Sergei Ryabkov said Moscow saw no major change in the American position on the talks.';
    const titles = ['EU lawmakers approve fast-track deportations of rejected asylum seekers', "EU's Kallas to propose concessions that Europe should demand from Russia", 'US to fund free speech initiatives in Europe, Trump official says', 'Dutch arrest 15 suspected of spreading Islamic State propaganda on TikTok'];
    const teaser = 'Venezuelan opposition politician Juan Pablo Guanipa is under house arrest in the city of Maracaibo, his son said on Tuesday.';
    const page = articleText(textBlocks(['Russia plays hardball on Ukraine peace talks', '', lead, '', body, '', '[](https://example.com/authors/someone/)', '', ...titles.flatMap((t) => [t, '']), teaser].join('\n')));
    const kept = page.spans.filter((s) => s.kind !== 'headline').map((s) => page.text.slice(s.start, s.end));
    expect(kept).toEqual([lead, body]);
    expect(page.text).not.toContain('](');
    // Numbered points of a plan are no other stories: the paragraphs after them stay.
    const points = ['1. Radiation and nuclear safety', '2. Food security', '3. Energy security', '4. Release of prisoners and deportees'];
    const after = 'Zelensky said the plan would be put to the leaders of the G20 at the summit in Bali.';
    const plan = articleText(textBlocks(['Zelensky lays out a ten-point peace plan', '', lead, '', body, '', ...points.flatMap((t) => [t, '']), after].join('\n')));
    expect(plan.spans.map((s) => plan.text.slice(s.start, s.end))).toContain(after);
  });

  it('takes a line printed twice with its photo credit in brackets for a caption, and the line above for the headline', () => {
    const headline = 'Zelenskyy approves NSDC decision on impossibility of negotiating with Putin';
    const caption = 'Zelensky signed a decree that makes negotiations with Russian dictator Putin impossible (Photo:Office of the President of Ukraine)';
    const body = 'President Volodymyr Zelenskyy has approved a recent decision made by the National Security and Defense Council that renders negotiations with Russian dictator Vladimir Putin impossible.';
    const page = articleText(textBlocks([headline, '', '4 October 2022, 05:33 PM', caption, '', caption, '', body].join('\n')));
    expect(page.headline).toBe(headline);
    expect(page.spans.filter((s) => s.kind === 'body').map((s) => page.text.slice(s.start, s.end))).toEqual([body]);
  });

  it("takes a picture's short title over its full caption for chrome, and the headline below for the headline", () => {
    const short = 'Special envoy Witkoff and Jared Kushner meet with a Ukrainian delegation in Miami';
    const caption = "U.S. special envoy Steve Witkoff and Jared Kushner meet with Ukraine's security council secretary Rustem Umerov and a Ukrainian delegation in Miami, Florida, U.S., December 4, 2025. REUTERS/Jane Doe";
    const headline = 'Witkoff Meets Ukrainian Team In Miami';
    const body = 'US envoys met a Ukrainian delegation in Miami on Thursday to work on a plan to end the war, officials said.';
    const page = articleText(textBlocks([short, '', caption, '', headline, '', body].join('\n')));
    expect(page.headline).toBe(headline);
    expect(page.text).not.toContain(short);
    // A headline that tells the pictured scene in words of its own stays the headline.
    const own = 'Witkoff and Kushner meet Ukraine team in Miami';
    expect(articleText(textBlocks([own, '', caption, '', body].join('\n'))).headline).toBe(own);
  });

  it('parts a paragraph from a heading or sentence glued to its stop, never a caption from its credit', () => {
    const para = 'The envoy was seen with a Russian aide before the talks. Earlier meetings had taken place in Moscow.Kremlin sheds some light';
    const raw = [para, 'The Kremlin said the talks focused on the settlement of the conflict, officials said.However, it gave no details.'].join('\n');
    expect(kinds(raw)).toEqual([
      ['body', 'The envoy was seen with a Russian aide before the talks. Earlier meetings had taken place in Moscow.'],
      ['heading', 'Kremlin sheds some light'],
      ['body', 'The Kremlin said the talks focused on the settlement of the conflict, officials said. However, it gave no details.'],
    ]);
    // A site's name is no stop ("Caliber.Az reports"), and a caption keeps its credit, so both go as chrome.
    const caption = 'Zelensky, pictured during a previous appearance, addressed leaders in Bali via videolink.Credit: Getty Images';
    expect(kinds([caption, para].join('\n'))[0]?.[0]).toBe('chrome');
    // A credit naming a picture site, its stop inside the address: never the page's headline.
    const credited = 'Image of Russian Foreign Minister Sergei Lavrov. Credit: Alexandros Michailidis/Shutterstock.com';
    expect(kinds([credited, para].join('\n'))[0]?.[0]).toBe('chrome');
    expect(kept('Caliber.Az reports that the talks in Istanbul ended after two hours, officials said.')).toEqual(['Caliber.Az reports that the talks in Istanbul ended after two hours, officials said.']);
  });

  it('takes a first line on the explainer formula ("…: what is known about …") for the headline, full stop or not', () => {
    const headline = 'Putin restated his demands in a call with Scholz: what is known about the conversation.';
    const body = 'On November 15, the German chancellor and the Russian president spoke by phone for the first time in two years, officials said.';
    expect(kinds([headline, body, 'Scholz urged Moscow to withdraw its troops, his spokesman said.'].join('\n')).map(([k]) => k)).toEqual(['headline', 'body', 'body']);
    // A sentence that only quotes the words is still the lead.
    const lead = 'Zelensky said on Monday that his team would tell the public what is known about the talks.';
    expect(kinds([lead, body].join('\n'))[0]?.[0]).toBe('body');
  });

  it('takes the rest of a post printed under its signature, up to where it is cut off, and never the quotation the article gives above it', () => {
    const quote = '“Putin is the one delaying peace,” Mr Starmer said. “If Putin is serious about peace, he must agree to a ceasefire.”';
    const raw = [
      'UK Prime Minister Keir Starmer opened a virtual meeting of the coalition of the willing on Saturday, officials said.',
      quote,
      'Thank you @Keir_Starmer for hosting the leaders’ meeting today.',
      '— Ursula von der Leyen (@vonderleyen) March 15, 2025',
      'We reiterate our support to Ukraine’s agreement to a ceasefire.',
      'In the meantime, we will support strengthening…',
      'Following the meeting, Mr Starmer said the ball was now in Russia’s court.',
    ].join('\n');
    expect(kinds(raw).map(([k]) => k)).toEqual(['body', 'body', 'chrome', 'chrome', 'chrome', 'chrome', 'body']);
    // Not cut off: the lines under the signature are the article going on.
    const goesOn = raw.replace('In the meantime, we will support strengthening…', 'The leaders agreed to meet again next week, officials said.');
    expect(kinds(goesOn).slice(4).map(([k]) => k)).toEqual(['body', 'body', 'body']);
  });

  it('takes a sentence printed twice under the headline for a caption (NPR prints it over and under the picture)', () => {
    const caption = 'A Ukrainian tank passes by a burning car near the Russian-Ukrainian border, Sumy region, Ukraine, on Aug. 14, 2024.';
    const headline = "Trump spoke with Russia's Putin and Ukraine's Zelenskyy to start talks to end the war";
    const body = 'President Trump says he spoke with the presidents of Russia and Ukraine in separate phone calls Wednesday, in an effort to begin negotiations toward ending the war.';
    const page = articleText(textBlocks(['Play Live Radio', 'Next Up:', '', headline, '', caption, 'Evgeniy Maloletka', '/', 'AP', caption, 'Updated February 12, 2025 at 15:07 PM ET', body].join('\n')));
    expect(page.headline).toBe(headline);
    expect(page.text).not.toContain(`${caption}\n${caption}`);
    expect(page.spans.filter((s) => s.kind === 'body').map((s) => page.text.slice(s.start, s.end))).toEqual([body]);
  });

  it('reads a line behind two or more quotation marks of a mail or markdown copy as the line itself ("> > Headline")', () => {
    const headline = 'Switzerland, peace summit in Ukraine: concluded without unanimity';
    const body = 'The peace summit organized by Ukrainian President Volodymyr Zelensky in the Swiss town of Bürgenstock did not achieve the desired result, officials said.';
    expect(articleText(textBlocks([`> > ${headline}`, '', headline, '', body].join('\n'))).headline).toBe(headline);
  });

  it('takes a headline printed twice right under a summary line that opens the page', () => {
    const summary = 'In a historic yet tense meeting, delegations from Ukraine and Russia convened in Istanbul, marking the first direct talks in over three years.';
    const headline = 'Ukrainian and Russian Delegations Meet Amid Hostilities, Agree on Prisoner Swap';
    const body = 'Ukrainian and Russian officials met in Istanbul for their first discussions since March 2022, marking a tentative step in the war.';
    const page = articleText(textBlocks([summary, headline, '', headline, body].join('\n')));
    expect(page.headline).toBe(headline);
    expect(page.text.split(headline).length - 1).toBe(1);
  });

  it('takes a credit line printed twice ("… Press Office via AP") for chrome, not for the headline', () => {
    const credit = 'Ukrainian Presidential Press Office via AP';
    const raw = ['Zelensky suggests way to end the hot phase of the war with Russia', '', credit, credit, '', 'Volodymyr Zelensky has suggested that the territory Kyiv controls should be taken under the "Nato umbrella" to stop the war.'].join('\n');
    expect(articleText(textBlocks(raw)).headline).toBe('Zelensky suggests way to end the hot phase of the war with Russia');
  });

  it('takes a picture described in the present with the day it was taken for a caption, and a report of that day for prose', () => {
    const caption = "President Donald Trump points to one of Russian President Vladimir Putin's dignitaries during a press conference on Aug. 15, 2025, at Joint Base Elmendorf-Richardson.";
    const body = 'President Donald Trump and Russian President Vladimir Putin met Friday on Joint Base Elmendorf-Richardson in Anchorage for talks on the war in Ukraine.';
    expect(kinds(`${caption}\n${body}`).map(([k]) => k)).toEqual(['chrome', 'body']);
    const report = 'Russian President Vladimir Putin met President Donald Trump on Aug. 15, 2025, at Joint Base Elmendorf-Richardson for talks on the war in Ukraine.';
    expect(kinds(`${report}\n${body}`)[0]?.[0]).toBe('body');
  });

  it('takes a picture described in the present with a day but no year, the day ending it, for a caption', () => {
    const caption = "Russian President Vladimir Putin visits the armed forces' command center in the Kursk region on March 12.";
    const body = 'Putin then embarked on a lengthy digression about the military situation in the Kursk region, where Ukrainian forces have lost ground.';
    expect(kinds(`${body}\n${caption}\n${body}`).map(([k]) => k)).toEqual(['body', 'chrome', 'body']);
  });

  it('takes a wire caption whose subject runs through lower-case words, or whose day stands as a sentence of its own, for chrome', () => {
    const body = 'Ukrainian and US officials met in Florida on Sunday for talks on the peace plan, the State Department said.';
    const caption =
      "Secretary of Ukraine's national security and defence council Rustem Umerov attends a meeting with US secretary of state Marco Rubio and US special envoy Steve Witkoff in Hallandale Beach, Florida, US on November 30 2025.";
    const dated = 'Vladimir Medinsky and other members of the Russian delegation in Istanbul. July 23, 2025.';
    expect(kinds(`${body}\n${caption}\n${body}`).map(([k]) => k)).toEqual(['body', 'chrome', 'body']);
    expect(kinds(`${body}\n${dated}\n${body}`).map(([k]) => k)).toEqual(['body', 'chrome', 'body']);
    // A report with a clause of its own, or in the past tense, stays prose.
    const report = 'The head of Ukraine’s national security council, who attends the talks, said on November 30, 2025 that progress was made.';
    const past = 'Rustem Umerov, secretary of the national security council, met US envoy Steve Witkoff in Florida on November 30, 2025.';
    expect(kinds(`${body}\n${report}`)[1]?.[0]).toBe('body');
    expect(kinds(`${body}\n${past}`)[1]?.[0]).toBe('body');
  });

  it('takes a byline with its update stamp for no headline, and a caption that opens "From left to right:" for chrome', () => {
    const body = 'As leaders from 30 countries came together in Paris today under the banner of the coalition of the willing, a message was sent out to the world.';
    const raw = ['By Faith Barbara N Ruhinda updated at 21:53 EAT on Thursday 27 March 2025', '', body, 'Relations between the US and Ukraine have cooled in recent weeks.'].join('\n');
    expect(articleText(textBlocks(raw)).headline).toBeUndefined();
    const caption = "From left to right: British Prime Minister Keir Starmer, Ukraine's President Volodymyr Zelensky and France's President Emmanuel Macron engage in a conference call with U.S. President Donald Trump in Kyiv, Ukraine, on Saturday.";
    expect(kinds(`${body}\n${caption}\n${body}`).map(([k]) => k)).toEqual(['body', 'chrome', 'body']);
  });

  it('takes a sentence under the headline that dates nothing and names no one in full, over a lead that does, for a dek', () => {
    const headline = 'Trump, Zelenskyy and European leaders weigh Ukraine security guarantees at White House summit';
    const caption = 'A family photo to end the Russian war in Ukraine, in Washington, D.C., U.S., August 18, 2025';
    const dek = 'The White House summit underscored the urgency of forging a long-term framework for Ukraine’s security, but also exposed deep divisions over the talks.';
    const lead = 'U.S. President Donald Trump hosted Ukrainian President Volodymyr Zelenskyy and seven European leaders at the White House on Monday (18 August) for an extraordinary summit.';
    const more = 'Leaders coalesced around two key issues: possible security guarantees for Ukraine and the shape of future negotiations with Russia.';
    const k = kinds([headline, caption, 'Reuters', '', dek, '', lead, '', more].join('\n'));
    expect(k.find(([, t]) => t === dek)?.[0]).toBe('heading');
    expect(k.find(([, t]) => t === lead)?.[0]).toBe('body');
    // A lead that names someone in full, or opens on a dateline, stays the lead, dated or not.
    const named = 'ANCHORAGE, Alaska – President Donald Trump has concluded three hours of talks with Russian President Vladimir Putin without a peace deal.';
    const next = '“I will say that I believe we had a very productive meeting,” Trump told reporters on Friday in Anchorage, Alaska.';
    expect(kinds([headline, '', named, '', next, '', more].join('\n')).find(([, t]) => t === named)?.[0]).toBe('body');
  });

  it("takes the sentence after a crawler's date prefix for the page's description when the article says it again below", () => {
    const description = 'Secretary of State Marco Rubio has issued a stark warning that the Trump administration will abandon Russia-Ukraine peace talks if no substantial progress occurs within days.';
    const lead = 'US Secretary of State Marco Rubio has warned that President Donald Trump will abandon efforts to broker a Russia-Ukraine peace deal unless significant progress is made within days.';
    const more = 'Speaking in Paris after meeting European and Ukrainian leaders, Rubio said the administration needed to decide quickly whether a deal could be reached.';
    // (Display text: with no headline above it, the page's title.)
    expect(kinds(` date 2025-04-18 ${description}\n\n${lead}\n\n${more}`).map(([k]) => k)).toEqual(['headline', 'body', 'body']);
    // A lead after the prefix that nothing below says again stays the lead.
    const other = 'Ukraine and the United States signed a minerals deal in Washington on Wednesday after weeks of talks.';
    expect(kinds(` date 2025-04-18 ${other}\n\n${lead}\n\n${more}`).map(([k]) => k)).toEqual(['body', 'body', 'body']);
  });

  it('takes one sentence under the headline that tells the news in the present tense for a dek, and a lead in the past for prose', () => {
    const headline = "Trump's ultimatum to Putin: Threatening 100% tariffs if no deal with Ukraine is reached within 50 days";
    const body = [
      'US President Donald Trump has imposed a 50-day ultimatum on his Russian counterpart, Vladimir Putin, to reach a ceasefire agreement in Ukraine.',
      'He said this during a meeting with NATO Secretary General Mark Rutte at the White House.',
      'European allies plan to buy weapons from the United States and transfer them to Ukraine.',
    ];
    const dek = 'The US President announces he will send weapons to Kiev again, but European countries will pay for them.';
    expect(kinds([headline, dek, '', ...body].join('\n')).map(([k]) => k)).toEqual(['headline', 'heading', 'body', 'body', 'body']);
    const lead = 'The US President announced on Monday that he would send weapons to Kiev again, paid for by European countries.';
    expect(kinds([headline, lead, '', ...body].join('\n'))[1]?.[0]).toBe('body');
  });

  it('takes the sentence under a headline printed again for a dek when the page\'s summary card above shows it run on into the lead', () => {
    const headline = 'Trump demands unconditional ceasefire in Ukraine';
    const dek = 'The US president has called for a longer truce amid reports that Kyiv will not observe a pause declared by Moscow.';
    const lead = 'US President Donald Trump expressed optimism that Moscow and Kyiv would soon agree on a month-long truce, after his call with Zelensky.';
    const body = ['Russian forces halted hostilities at midnight, the Defence Ministry in Moscow said.', 'Trump said further sanctions would follow if a ceasefire were not respected.'];
    const card = `${dek} US President Donald Trump expressed optimism that Moscow and Kyiv would soon come to an agreement...`;
    const got = kinds([headline, '', card, '', headline, dek, '', lead, '', ...body].join('\n'));
    expect(got.find(([, t]) => t === dek)?.[0]).toBe('heading');
    expect(got.find(([, t]) => t === lead)?.[0]).toBe('body');
    // Without the card the same sentence is the lead's first paragraph.
    expect(kinds([headline, dek, '', lead, '', ...body].join('\n')).find(([, t]) => t === dek)?.[0]).toBe('body');
  });

  it('takes a summary of four sentences under the headline for display text when the body says all but one of them again, and keeps a long lead', () => {
    const headline = 'US, Ukraine and Russia to hold first trilateral security talks in Abu Dhabi';
    const summary =
      'The United States, Ukraine and Russia will hold their first trilateral security talks in Abu Dhabi since the invasion. Kremlin aide Yury Ushakov confirmed Russia’s participation but stressed that territorial questions remain the main obstacle. The meeting follows lengthy talks in Moscow between Putin and the US envoys Witkoff and Kushner. Ukraine is also grappling with power outages after recent attacks.';
    const body = [
      'Representatives from Ukraine, the United States and Russia are scheduled to meet in Abu Dhabi on Friday for the first trilateral security talks, the Kremlin said.',
      'Ushakov confirmed Moscow’s participation, but stressed that the territorial questions remain an obstacle to any settlement.',
      'The trilateral session follows lengthy talks in Moscow in which the US envoys Witkoff and Kushner spent more than three hours with Putin.',
      'Ushakov described that discussion as substantive and constructive.',
    ];
    expect(kinds([headline, summary, '', ...body].join('\n')).find(([, t]) => t === summary)?.[0]).toBe('heading');
    // A lead of four sentences that the body goes on from, rather than says again, is the article.
    const lead =
      'Russia and Ukraine agreed on Friday to exchange 1,000 prisoners each after their first direct talks in three years. The talks in Istanbul lasted less than two hours. Kyiv proposed a ceasefire of thirty days, which Moscow rejected. Both sides said they would present their visions of a future truce.';
    const goesOn = [
      'Turkey’s foreign minister said the meeting had produced three results, including the exchange and a plan for further contacts.',
      'European leaders spoke by phone with US President Donald Trump after the talks ended on Friday afternoon.',
      'Trump has said he would meet Putin as soon as it could be arranged, according to the White House.',
    ];
    expect(kinds(['Prisoner swap agreed at first direct talks', lead, '', ...goesOn].join('\n')).find(([, t]) => t === lead)?.[0]).toBe('body');
  });

  it('takes the dek set off from the body by a kicker and a caption printed again for a standfirst', () => {
    const raw = [
      'Russia, Ukraine start Round 3 of negotiations: Evacuation on agenda',
      'Russia and Ukraine returned to the negotiation table on Monday. The nations have yet to reach a solid agreement on civilian evacuation corridors.',
      'Russia Ukraine',
      'Ukraine negotiator Mykhailo Podolyak confirmed the third round of negotiations were underway. Photo: Screenshot from video.',
      'Delegations from Ukraine and Russia resumed negotiations on Monday, 7 March at the Belarus-Poland border.',
      'The main topic on the agenda is setting up evacuation corridors for the civilians still stuck in war-torn cities.',
      'AFP reported that talks between the two delegations began just after 17:00 on Monday.',
    ].join('\n');
    expect(kinds(raw).map(([k]) => k).slice(0, 2)).toEqual(['headline', 'heading']);
  });

  it('drops a share prompt that asks to send the page ("Send this page to someone via email")', () => {
    const body = 'Russia said on Monday that its negotiating position would be revised after what it called an attack on a residence of Putin.';
    expect(kinds(`Send this page to someone via email\n${body}\n${body}`)[0]?.[0]).toBe('chrome');
  });

  it('drops icons read out by their alternative text, as a line or between breadcrumb items', () => {
    const body = 'Russian President Vladimir Putin met US envoy Steve Witkoff in St. Petersburg on Friday for talks on a ceasefire in Ukraine.';
    const raw = [
      'Chevron icon It indicates an expandable section or menu, or sometimes previous / next navigation options. Homepage',
      'Main arrow News of the day arrow Witkoff and Putin concluded talks in St. Petersburg arrow',
      body,
      'The Kremlin said the meeting lasted more than four hours.',
    ].join('\n');
    const k = kinds(raw).map(([kind]) => kind);
    expect(k[0]).toBe('chrome');
    expect(k[1]).toBe('chrome');
  });

  it('takes "… Photo: Screenshot from video." and a picture described in the present on a weekday for captions', () => {
    const body = 'Delegations from Ukraine and Russia resumed negotiations on Monday at the Belarus-Poland border to set up evacuation corridors.';
    for (const caption of [
      'Ukraine negotiator Mykhailo Podolyak confirmed the third round of negotiations were underway. Photo: Screenshot from video.',
      'Ukrainian President Volodymyr Zelensky speaks to the media in Kherson, southern Ukraine, on Monday.',
    ])
      expect(kinds(`${body}\n${caption}\n${body}`).map(([k]) => k), caption).toEqual(['body', 'chrome', 'body']);
  });

  it('takes the prose above a paragraph that opens on an outlet\'s dateline in brackets, and a dek of three short sentences, for standfirsts', () => {
    const body = [
      '(LifeSiteNews) — U.S. President Donald Trump and Ukrainian President Volodymyr Zelensky met inside St. Peter’s Basilica today before the funeral.',
      'Trump and Zelensky were in Rome along with over 160 dignitaries, including Hungarian Prime Minister Viktor Orbán.',
      'Zelensky later said on X that their conversation involved discussing a full and unconditional ceasefire.',
    ];
    const standfirst = 'Trump and Zelensky held an impromptu 15-minute meeting inside the Vatican. The Ukrainian leader later said a ceasefire was discussed.';
    expect(kinds([standfirst, ...body].join('\n'))[0]?.[0]).toBe('heading');
    const dek = 'The future of Ukraine was discussed in Switzerland for two days. Not all of the 93 participating states signed the final document. The result of the conference is primarily symbolic.';
    const summit = ['Ukraine summit in Switzerland: Lots of symbolism in a picturesque setting', dek, 'Ukrainian Foreign Minister Dmytro Kuleba spoke to the international press against the backdrop of Lake Lucerne.', 'The final communiqué called for the return of all prisoners of war and deported children.', 'Eighty states signed it.'];
    expect(kinds(summit.join('\n')).map(([k]) => k).slice(0, 3)).toEqual(['headline', 'heading', 'body']);
    // A lead whose stops are abbreviations is one sentence, and stays the lead.
    const lead = 'President Volodymyr Zelensky is meeting U.S. envoys Steve Witkoff and Jared Kushner in Berlin on Dec. 14, as talks continue.';
    expect(kinds([summit[0], lead, ...summit.slice(2)].join('\n'))[1]?.[0]).toBe('body');
  });

  it('takes a picture with a position in brackets for a caption', () => {
    expect(kinds('The Russian delegation, led by Foreign Minister Sergey Lavrov (entrance), arrives in Riyadh, Saudi Arabia, on February 18.\nRussian and US officials met in Riyadh on Tuesday for talks on ending the war in Ukraine, the first such meeting in years.')[0]?.[0]).toBe('chrome');
  });

  it('drops a staff byline without "By" and a note that the page\'s audio was made with AI', () => {
    const body = 'Russian President Vladimir Putin said on Thursday that he supported a ceasefire in Ukraine in principle but that there were nuances.';
    expect(kept(['This audio is created with AI assistance', '', 'OAN Staff Brooke Mallory', '', body].join('\n'))).toEqual([body]);
  });

  it('takes a date on a line of its own in hard-wrapped text for no part of the headline above it or the lead below', () => {
    const raw = [
      'Putin agrees in principle with proposal for Ukraine ceasefire and says',
      'more discussions are needed',
      '[March 14, 2025]',
      'Russian President Vladimir Putin said Thursday that he',
      'agrees in principle with a U.S. proposal for a 30-day ceasefire in',
      'Ukraine, but he emphasized that the terms are yet to be worked out and',
      'added that any truce should pave the way to lasting peace.',
      '',
      '“The idea itself is correct, and we certainly support it," Putin told a',
      'news conference in Moscow. “But there are issues that we need to discuss',
      'with our American colleagues and partners," he added.',
      '',
      'President Donald Trump said there have been good signals coming out of',
      'Russia and offered guarded optimism about the statement made in Moscow.',
    ].join('\n');
    const page = articleText(textBlocks(raw));
    expect(page.headline).toBe('Putin agrees in principle with proposal for Ukraine ceasefire and says more discussions are needed');
    expect(page.text).toContain('Russian President Vladimir Putin said Thursday that he agrees in principle');
    // A curly opening mark closed by a straight one is one quotation.
    expect(page.text).toContain('“The idea itself is correct, and we certainly support it,” Putin told a news conference in Moscow.');
  });

  it('drops a note that AI made the page\'s audio, and a teaser card of another story however long its blurb', () => {
    const body = 'The head of the Russian delegation, Vladimir Medinsky, said another round would be held soon.';
    const card =
      'More International Geneva What to expect from the Geneva talks between Russia, Ukraine and the US This content was published on Russian, Ukrainian and American representatives are in Geneva to negotiate peace in Ukraine. While this is a coup for Swiss diplomacy, the chances of resolving the conflict are minimal. An explainer. Read more: What to expect from the Geneva talks between Russia, Ukraine and the US';
    expect(kept(['Note: AI technology was used to generate this article’s audio.', '', body, '', card, '', 'Generated with artificial intelligence.'].join('\n'))).toEqual([body]);
    // A sentence that reports on a made-up video is news.
    const news = 'A video generated with AI showed Zelensky calling on troops to surrender, Kyiv said.';
    expect(kept(`${news}\n${body}`)).toEqual([news, body]);
  });

  it('takes a caption with the day of the picture in brackets after its stop for no headline ("… in Geneva. (February 18, 2026)")', () => {
    const raw = [
      "Ukraine's lead negotiator Rustem Umerov reads a statement following the end of US-mediated talks in Geneva. (February 18, 2026)",
      'Russia says Ukraine talks “difficult, but business-like”',
      'Ukraine\'s lead negotiator Rustem Umerov insisted there was "progress" in US-mediated talks with Russia, after a two-day meeting in Geneva wrapped up Wednesday.',
    ].join('\n');
    expect(articleText(textBlocks(raw)).headline).toBe('Russia says Ukraine talks “difficult, but business-like”');
  });

  it('takes two points right under the headline, above the first paragraph, for a summary box', () => {
    const body = [
      'Ukraine\'s lead negotiator Rustem Umerov insisted there was "progress" in US-mediated talks with Russia, after a two-day meeting in Geneva wrapped up Wednesday.',
      'The talks ended well before lunchtime, much shorter than the six hours of meetings on Tuesday.',
      'Umerov said the talks were "intensive and substantive", in a brief statement to reporters.',
    ];
    const headline = 'Russia says Ukraine talks “difficult, but business-like”';
    const raw = [
      headline,
      '- Lead negotiator Rustem Umerov reported progress in Geneva, though specific details remain confidential.',
      '- Negotiators from both sides will now present the developed proposals to their respective presidents.',
      ...body,
    ].join('\n');
    expect(kept(raw)).toEqual([headline, ...body]);
    // Two points further down are the article's own list.
    const list = [body[0], '- The first point of the plan is a ceasefire along the line of contact.', '- The second is an exchange of all prisoners.', body[1], body[2]].join('\n');
    expect(kept(list)).toHaveLength(5);
  });

  it('takes an agency page title with its section and name run on for the headline, without them', () => {
    const raw = ['Sunday, February 27, 2022', '', 'Russia, Ukraine to hold talks on Belarusian-Ukrainian border - news agency - TASS', '', 'Talks between the Russian and Ukrainian delegations will take place on the Belarusian-Ukrainian border, BelTA news agency reported.'].join('\n');
    expect(articleText(textBlocks(raw)).headline).toBe('Russia, Ukraine to hold talks on Belarusian-Ukrainian border');
  });

  it('parts a headline, its date and the lead flattened onto one line with bars', () => {
    const raw = "Ukraine, Russia Agree on 'Humanitarian Corridors' for Civilians | 3 March 2022 | The second round of talks between Ukrainian and Russian delegations on Thursday ended without a ceasefire agreement.";
    expect(articleText(textBlocks(raw)).headline).toBe("Ukraine, Russia Agree on 'Humanitarian Corridors' for Civilians");
  });

  it('drops a credit line for a colleague\'s reporting', () => {
    const raw = [
      'Trump and Putin spoke by phone for two hours on Tuesday about a ceasefire in Ukraine, the White House said.',
      'Danielle Kurtzleben contributed reporting from Washington, D.C., and Charles Maynes from Moscow.',
    ].join('\n');
    expect(kept(raw)).toEqual(['Trump and Putin spoke by phone for two hours on Tuesday about a ceasefire in Ukraine, the White House said.']);
  });

  it('marks lines repeated on other pages of the same source', () => {
    const blocks = textBlocks('Negotiators met in Istanbul on Friday for the first talks in three years.\nThe Kyiv Daily is free to read for everyone');
    const page = classifyLines(blocks, { seenElsewhere: (l) => l === 'The Kyiv Daily is free to read for everyone' });
    expect(page.lines[1]).toMatchObject({ kind: 'chrome', reason: 'repeated on other pages of this source' });
  });

  it('reads hard-wrapped text paragraph by paragraph', () => {
    const wrap = (p: string) => p.replace(/(.{50,70}) /g, '$1\n');
    const wrapped = [
      wrap('Russian and Ukrainian negotiators met in Istanbul on Friday for the first direct talks in three years, and agreed to exchange prisoners of war, according to both delegations and the Turkish foreign ministry.'),
      wrap('The delegations agreed on a second round of talks next month, the Turkish side said after the meeting ended, without naming a date or a place for it.'),
    ].join('\n\n');
    expect(articleText(textBlocks(wrapped)).spans.filter((s) => s.kind === 'body')).toHaveLength(2);
  });

  it('splits a caption run on after a headline, and a related "…: Reports" title run into a paragraph', () => {
    const page = articleText(
      textBlocks(
        [
          'Istanbul talks between Ukraine and Russia: Key agreements and next steps Photo: Ukrainian delegation at the negotiations in Istanbul (Getty Images)',
          '',
          'The delegations met for a second round in Istanbul on Monday and agreed to exchange more prisoners of war, both sides said. Lavrov rejects demand for an immediate ceasefire by the US: Reports Russia, on the other hand, said the talks would go on at the level of experts.',
        ].join('\n'),
      ),
    );
    expect(page.headline).toBe('Istanbul talks between Ukraine and Russia: Key agreements and next steps');
    const body = page.spans.filter((s) => s.kind === 'body').map((s) => page.text.slice(s.start, s.end));
    expect(body.join(' ')).not.toMatch(/Photo:|Reports Russia/);
    expect(body.join(' ')).toContain('Russia, on the other hand, said the talks would go on');
    // A sentence that ends before its "Photo:" stays whole (the sentence splitter has it); so does "said: Reports".
    expect(textBlocks('Zelensky said he was ready to meet Putin. Photo: the president in Kyiv.').map((b) => b.text)).toHaveLength(1);
  });

  it('keeps a list in the article, its introduction and its items ending in ";", as prose, and still drops script', () => {
    const lines = classifyLines(
      textBlocks(
        [
          'The plan was confirmed on Thursday by three outlets, which reported that it would require Ukraine to do the following:',
          'Reduce the size of the military by at least half;',
          'Ban the deployment of foreign peacekeeping troops in Ukraine; and',
          'Hold elections within 100 days.',
          'googletag.cmd.push(display);',
        ].join('\n\n'),
      ),
    ).lines;
    expect(lines.map((l) => l.kind)).toEqual(['body', 'body', 'body', 'body', 'chrome']);
  });

  it('drops a byline without "By" after a crawler’s date prefix, and a widget label glued to the next paragraph', () => {
    const page = articleText(
      textBlocks(
        [
          ' date 2025-12-19 Claire Heddle Miami Herald',
          '',
          'MIAMI – International leaders are descending on Miami this weekend for rounds of negotiations with the envoys.',
          'Quick Reads',
          'View AllThe negotiators went over the substance of the US peace proposals, Ushakov said.',
        ].join('\n'),
      ),
    );
    expect(page.headline).toBeUndefined();
    expect(page.text).not.toMatch(/Claire Heddle|View All/);
    expect(page.text).toContain('The negotiators went over the substance');
  });

  it('drops a section name with an ISO time stamp and a row of tags, so the headline after them is the title', () => {
    const page = articleText(
      textBlocks(
        [
          'Politics 2024-04-15T05:05:40+03:00',
          'Kremlin Announces Its Vision Of "Peace Plan" On Ukraine',
          'Russia, war, Ukraine, Kremlin, Russian aggression, Dmitry Peskov, occupied territories of Ukraine, peace plan',
          'Russia will not accept a peace plan that does not recognise the territories it occupies, the Kremlin spokesman said on Wednesday.',
        ].join('\n\n'),
      ),
    );
    expect(page.headline).toBe('Kremlin Announces Its Vision Of "Peace Plan" On Ukraine');
    expect(page.text).not.toMatch(/2024-04-15|Russian aggression/);
  });

  it('keeps one-line paragraphs apart when the only blank line is the file’s last, and bulleted items are not wrapped lines', () => {
    const text = [
      'Head of Russian delegation delivers statement on outcome of talks in Istanbul',
      'The head of the Russian delegation made a statement on the outcome of talks in Istanbul, RIA Novosti writes.',
      'Main statements:',
      '• the delegation is satisfied with the result of negotiations with the other side;',
      '• negotiations between the delegations in Istanbul have been finalized;',
      '• a large-scale exchange of prisoners 1000 for 1000 has been announced;',
      '• Russia is ready to continue negotiations with Ukraine;',
      '',
    ].join('\n');
    const page = articleText(textBlocks(text));
    expect(page.headline).toBe('Head of Russian delegation delivers statement on outcome of talks in Istanbul');
    expect(page.all.length).toBeGreaterThanOrEqual(7);
  });

  it('takes a question that opens a page of prose for its headline', () => {
    const page = articleText(
      textBlocks(
        [
          "Talks in Berlin: Will Zelenskyy renounce Ukraine's NATO membership?",
          'Ukrainian President Volodymyr Zelenskyy and US envoys arrived in Berlin on Sunday for another round of talks aimed at ending the war.',
          'The envoys were seen entering a hotel in central Berlin on Sunday afternoon, reporters said.',
        ].join('\n'),
      ),
    );
    expect(page.headline).toBe("Talks in Berlin: Will Zelenskyy renounce Ukraine's NATO membership?");
  });

  it('drops an editor’s note that says the story is developing', () => {
    const lines = classifyLines(textBlocks(["Editor's note: This is a developing story and is being updated.", '', 'Putin met the US envoy in Moscow on Wednesday for three hours of talks on the war, the Kremlin said.'].join('\n'))).lines;
    expect(lines.map((l) => l.kind)).toEqual(['chrome', 'body']);
  });

  it('takes a page control, a glued breadcrumb, a media badge and wrapping quotes off the headline, and drops a German photo credit', () => {
    const body = 'US Secretary of State Marco Rubio will meet his Russian counterpart in Saudi Arabia on Tuesday for talks expected to focus on the war in Ukraine.';
    expect(articleText(textBlocks([' date 2025-02-18 Skip next section US and Russian diplomats to meet in Riyadh for Ukraine talks', '', body].join('\n'))).headline).toBe(
      'US and Russian diplomats to meet in Riyadh for Ukraine talks',
    );
    expect(articleText(textBlocks(['HomeNewsWorldTrump Says He Wants Ukraine’s Answer on Peace Plan by Thursday', '', body].join('\n'))).headline).toBe(
      'Trump Says He Wants Ukraine’s Answer on Peace Plan by Thursday',
    );
    expect(articleText(textBlocks(['Zelenskyy leaves White House without signing minerals deal after Oval Office clash VIDEO', body].join('\n'))).headline).toBe(
      'Zelenskyy leaves White House without signing minerals deal after Oval Office clash',
    );
    expect(articleText(textBlocks(['Putin’s Q&A session following China visit (WATCH IN FULL)', body].join('\n'))).headline).toBe('Putin’s Q&A session following China visit');
    expect(articleText(textBlocks(['Witkoff meets Putin in St Petersburg [Video]', body].join('\n'))).headline).toBe('Witkoff meets Putin in St Petersburg');
    expect(articleText(textBlocks(['Ukraine updates: World leaders attend Swiss peace summit – DW – 06/15/2024', body].join('\n'))).headline).toBe('Ukraine updates: World leaders attend Swiss peace summit');
    expect(articleText(textBlocks(['"Zelenskyy: U.S. Security Guarantees Document Ready"', body].join('\n'))).headline).toBe('Zelenskyy: U.S. Security Guarantees Document Ready');
    const listen = articleText(textBlocks(['Listen to article', '|', body].join('\n')));
    expect(listen.headline).toBeUndefined();
    expect(listen.text).toBe(body);
    const caption = 'Since Trump has been back in office, he has spoken to Kremlin leader Putin twice on the phone. (archive picture) Bild: dpa';
    expect(kinds([caption, body].join('\n'))[0]?.[0]).toBe('chrome');
  });

  it('keeps a summary box’s points out of the body, and its paragraphs in, and takes a slash kicker off the lead', () => {
    const lead = 'Senior U.S. officials Marco Rubio and Steve Witkoff met with French President Emmanuel Macron in Paris to discuss a path to peace.';
    const page = articleText(
      textBlocks(
        [
          'Rubio, Witkoff Meet Macron & Allies in Paris for Ukraine Peace Talks',
          `Rubio, Witkoff Meet Macron & Allies in Paris/ Newslooks/ WASHINGTON/ J. Mansour/ Morning Edition/ ${lead}`,
          'Ukraine Peace Talks – Key Points',
          '  • Talks included representatives from France, Germany, Britain, and Ukraine.',
          '  • A 30-country effort led by France and Britain seeks to police any ceasefire deal.',
          'The high-level talks come amid mounting fears of a renewed Russian offensive and doubts over the US commitment.',
        ].join('\n'),
      ),
    );
    expect(page.spans.filter((x) => x.kind === 'body').map((x) => page.text.slice(x.start, x.end))).toEqual([
      lead,
      'The high-level talks come amid mounting fears of a renewed Russian offensive and doubts over the US commitment.',
    ]);
    const inShort = kinds(['In short:', '', 'Ukrainian President Volodymyr Zelenskyy vowed he would not betray his country’s national interest, as he addressed a US-led peace plan.', '', lead].join('\n'));
    expect(inShort.map(([kind]) => kind)).toEqual(['chrome', 'body', 'body']);
    // The label in capitals run into its first point, after a crawler's date prefix: it comes off, the date stays.
    const glued = articleText(textBlocks([' date 2025-02-27 KEY POINTS British Prime Minister Keir Starmer met with President Donald Trump in the White House.', '', lead].join('\n')));
    expect(glued.text).not.toContain('KEY POINTS');
    expect(glued.text).toContain('British Prime Minister Keir Starmer met with President Donald Trump in the White House.');
  });

  it('keeps a machine\'s summary box ("Summary 🤖") out of the body, and all its groups of points ("Facts:", "Opinions:")', () => {
    const text = [
      '# G7 affirms Western support for Ukraine, for now',
      '',
      '## Summary 🤖',
      '',
      'Facts:',
      '- The G7 leaders agreed on June 14th in Italy to give an extra $50bn by the end of 2024 to aid Ukraine’s war effort.',
      '- This loan will be serviced and repaid through earnings from frozen Russian sovereign assets.',
      '- Additional funds will support Ukraine’s energy infrastructure repairs and ongoing military needs.',
      '- The latest G7 communiqué showed greater coherence on China policy than last year’s.',
      '- The syndicate loan will cover military, budget, reconstruction, and humanitarian support.',
      '',
      'Opinions:',
      '- The G7’s additional support for Ukraine is unlikely to give the latter an upper hand in the conflict.',
      '- The expansion of Western support for Ukraine in the future will be politically challenging.',
      '- Overall, the most likely future scenario for the Ukraine war is a gradual freeze due to exhaustion on both sides.',
      '',
      '## Full Text',
      '',
      '*05:32 AM, Monday, June 17, 2024*',
      '',
      'The communiqué adopted on June 14th at a G7 leaders’ meeting in Italy outlined shared positions on the war in Ukraine and the peace talks.',
      'The summit was a reaffirmation of Western support for Ukraine ahead of any ceasefire talks with Russia.',
      'Funds through the syndicate loan will arrive by the end of this year, with some flowing beyond that.',
    ].join('\n');
    const page = articleText(textBlocks(text));
    const body = page.all.filter((l) => l.kind === 'body').map((l) => l.text);
    expect(body.some((l) => /Opinions|unlikely to give the latter|June 14th in Italy to give/.test(l))).toBe(false);
    expect(body[0]).toMatch(/^The communiqué adopted on June 14th/);
  });

  it('takes the dek under the headline for display text when a caption sets it off or the body says it again, and keeps a lead', () => {
    const body = [
      'Following a lengthy phone conversation, President Trump and President Putin have agreed to begin peace talks between Russia and Ukraine, the White House said.',
      'Officials say the most immediate step is a halt to strikes on energy infrastructure, to be followed by talks on a maritime ceasefire.',
    ];
    const setOff = kinds(
      [
        'Trump, Putin Agree Attacks on Energy Infrastructure Must Be Stopped',
        'The two presidents spoke for nearly three hours on Tuesday, and agreed to begin peace negotiations immediately.',
        'AP/Dmitri Lovetsky',
        ...body,
      ].join('\n'),
    );
    expect(setOff.map(([kind]) => kind)).toEqual(['headline', 'heading', 'chrome', 'body', 'body']);
    const restated = kinds(
      [
        'Zelensky says Ukrainians would not allow him to cede territory to Russia',
        'The president’s remarks coincided with the third round of direct negotiations between Kiev and Moscow in Geneva, where control of the Donbas remains the main obstacle.',
        ...body,
        'The president’s remarks coincided with the third round of direct negotiations between Kiev and Moscow in Geneva, where control of the region remains the main stumbling block.',
      ].join('\n'),
    );
    expect(restated[1]?.[0]).toBe('heading');
    const lead = kinds(['Trump, Putin Agree Attacks on Energy Infrastructure Must Be Stopped', ...body, 'Zelensky said Ukraine would support the proposal to halt strikes on energy sites.'].join('\n'));
    expect(lead.map(([kind]) => kind)).toEqual(['headline', 'body', 'body', 'body']);
    // A lead paragraph with a picture after it: a dated act of people named in full is the article's first paragraph.
    const pictured = kinds(
      [
        'Putin and Trump Exchange Signals on Ukraine Through Witkoff',
        'US Special Envoy Steven Witkoff met with Russian President Vladimir Putin in Moscow on August 6, engaging in a three-hour discussion at the Kremlin.',
        'AP/Dmitri Lovetsky',
        ...body,
      ].join('\n'),
    );
    expect(pictured.map(([kind]) => kind)).toEqual(['headline', 'body', 'chrome', 'body', 'body']);
  });

  it('keeps a report of several sentences under a short section heading as the body, its cited site in brackets after the stop and a summary box between it and the next', () => {
    const report =
      "On August 18, 2025, a gathering of European leaders, termed the coalition of the willing by European Commission President Ursula von der Leyen, convened at the White House to discuss security guarantees for Ukraine after the Alaska summit. The meeting aimed to address the aftermath of the summit and explore security assurances for Ukraine similar to NATO's collective-defence clause. During the session, President Trump paused the meeting to brief Russian President Vladimir Putin over the phone for forty minutes. (en.wikipedia.org)";
    const lines = [
      'Leaders meet at the White House on Ukraine security guarantees',
      'What Happened',
      report,
      'Why It Matters',
      "- Geopolitical Implications: The meeting underscores a concerted effort to ensure Ukraine's security.",
      '- Diplomatic Dynamics: The call between the two presidents highlights the balance of relations.',
      '- European Unity: The proposal reflects a unified stance among European leaders.',
      'Key Numbers',
      '- Duration of Call: 40 minutes',
      '- Leaders Present: nine',
      'Timeline (Today, 2025-08-19)',
      '- 16:20 BST: European leaders arrive at the White House for the security guarantees meeting.',
      '- 16:30 BST: President Trump pauses the meeting to brief President Putin over the phone.',
    ];
    expect(kinds(lines.join('\n')).find(([, text]) => text === report)?.[0]).toBe('body');
  });

  it('keeps a one-sentence lead that the quotation below it says again as the body (the lead reports the post it quotes)', () => {
    const lines = [
      'Trump says he had ‘a very good phone call’ with Zelensky, discussed Russia-Ukraine war',
      'Former President Donald Trump said he “had a very good phone call” with Ukrainian President Volodymyr Zelensky on Friday.',
      'The call between the two leaders marks their first conversation since Trump left the White House and comes a day after he accepted his party’s nomination.',
      '“President Zelenskyy of Ukraine and I had a very good phone call earlier today. He congratulated me on a very successful Republican National Convention,” Trump said in a post on Truth Social.',
      'Zelensky said the two agreed to discuss at a personal meeting what steps can make peace fair and truly lasting.',
    ];
    expect(kinds(lines.join('\n')).map(([kind]) => kind)).toEqual(['headline', 'body', 'body', 'body', 'body']);
    // Said again by the reporter further down, the same sentence is the standfirst.
    const reported = [...lines, 'Trump said he had a very good phone call with Ukrainian President Volodymyr Zelensky on Friday, the first since he left the White House.'];
    expect(kinds(reported.join('\n'))[1]?.[0]).toBe('heading');
  });

  it('takes a teaser whose first sentence the next paragraph opens on again for display text, and keeps the body', () => {
    const teaser =
      'Chinese special envoy for Ukraine Li Hui is expected in Moscow on Friday. Among other things, he will meet Foreign Minister Lavrov. Li’s job is to seek a political solution.';
    const lead =
      'Chinese special envoy for Ukraine Li Hui is expected in Moscow on Friday. The Foreign Ministry in Moscow announced that he would hold talks with Sergei Lavrov.';
    const more = 'Li had previously traveled to Kiev and Berlin, among other places, as part of a trip to Europe.';
    expect(kinds([teaser, lead, more].join('\n')).map(([kind]) => kind)).toEqual(['heading', 'body', 'body']);
    // One sentence said again at greater length right below it: the summary, not the lead.
    const summary = "Ukrainian President Volodymyr Zelensky and Foreign Minister Dmitry Kuleba criticized Pope Francis' call for Kiev to raise the white flag in its war against Russia.";
    const longer =
      "Ukrainian Foreign Minister Dmitry Kuleba criticized Pope Francis' call for Kiev to raise the white flag in its war against Russia, calling on the Vatican to avoid repeating past mistakes.";
    expect(kinds([summary, longer, more].join('\n')).map(([kind]) => kind)).toEqual(['heading', 'body', 'body']);
    // A lead whose next paragraph goes on to other news stays the lead.
    const other = 'The Kremlin said the meeting with Lavrov would focus on a political settlement, and gave no date for talks with Putin.';
    expect(kinds([summary, other, more].join('\n')).map(([kind]) => kind)).toEqual(['body', 'body', 'body']);
  });

  it('takes the page’s headline, not the browser title with the site’s name run on, nor a summary box’s first point', () => {
    const body = 'A trilateral meeting between delegations from Russia, the United States and Ukraine began on Friday evening in Abu Dhabi, the UAE said.';
    expect(
      articleText(textBlocks(['Russia, U.S., and Ukraine meet in Abu Dhabi for first trilateral talks: UAE FM-Xinhua', '', 'Russia, U.S., and Ukraine meet in Abu Dhabi for first trilateral talks: UAE FM', '', body].join('\n'))).headline,
    ).toBe('Russia, U.S., and Ukraine meet in Abu Dhabi for first trilateral talks: UAE FM');
    const boxed = articleText(textBlocks(['KEY POINTS', '- US Army Secretary Dan Driscoll held meetings with Russian officials in Abu Dhabi to end the Ukraine war.', '- The talks focused on the peace plan.', body, body.replace('Friday', 'Saturday')].join('\n')));
    expect(boxed.headline).toBeUndefined();
    expect(boxed.text.startsWith('A trilateral meeting')).toBe(true);
  });

  it('drops the bare copy of a caption printed again with its credit, a page’s promo line and markdown bold', () => {
    const body = 'Steve Witkoff flew to Moscow on Wednesday for talks with Vladimir Putin on the US peace plan, the Kremlin said.';
    const lines = kinds([body, "Russia's President Vladimir Putin has rejected calls for peace.", "Russia's President Vladimir Putin has rejected calls for peace. Picture: Getty", body.replace('Wednesday', 'Thursday')].join('\n'));
    expect(lines.map(([kind]) => kind)).toEqual(['body', 'chrome', 'chrome', 'body']);
    expect(completeSentence('Explore impacts on sanctions and global energy markets in this detailed analysis.')).toBe(false);
    expect(kept(`“**Meetings with America should always end with concrete results **to strengthen security,” Zelensky said. ${body}`)[0]).toContain('“Meetings with America should always end with concrete results to strengthen');
  });

  it('joins a sentence a copy broke across two lines, and takes a two-sentence summary above a dateline for no headline', () => {
    const page = articleText(
      textBlocks(
        [
          'The Kremlin demands Ukraine cede Donbas in peace talks, emphasizing territorial control as crucial. Kyiv refuses, and talks in Abu Dhabi end without a deal.',
          'MOSCOW, Jan 26 (Reuters) - The Kremlin said on Monday that the issue of territory remained',
          'fundamental to Russia when it came to getting a deal to end the fighting in Ukraine, TASS reported.',
          'President Vladimir Putin has repeatedly said that Russia will take all of the Donbas region by force unless Kyiv gives it up.',
          'The "Anchorage formula" refers to what Russia says was agreed between Trump and Putin at a summit in Alaska last August.',
        ].join('\n'),
      ),
    );
    expect(page.headline).toBeUndefined();
    const body = page.spans.filter((x) => x.kind === 'body').map((x) => page.text.slice(x.start, x.end));
    expect(body[0]).toBe(
      'MOSCOW, Jan 26 (Reuters) - The Kremlin said on Monday that the issue of territory remained fundamental to Russia when it came to getting a deal to end the fighting in Ukraine, TASS reported.',
    );
    // Broken after a comma inside a quotation, the next line opening with its closing mark: one sentence, the mark in place.
    const quoted = articleText(
      textBlocks(
        [
          'The Kremlin confirmed that the four-hour discussion focused on "aspects of the settlement of the Ukraine conflict,',
          '" but declined to provide further details about the talks in St. Petersburg.',
          'Presidential spokesman Dmitry Peskov previously said topics could also include a possible in-person meeting between Trump and Putin.',
        ].join('\n'),
      ),
    );
    expect(quoted.spans.filter((x) => x.kind === 'body').map((x) => quoted.text.slice(x.start, x.end))[0]).toBe(
      'The Kremlin confirmed that the four-hour discussion focused on "aspects of the settlement of the Ukraine conflict," but declined to provide further details about the talks in St. Petersburg.',
    );
    // A quotation closed with a dash, as Russian copy writes it, its speaker on the next line after a blank one.
    const dashed = articleText(
      textBlocks(
        [
          'President Volodymyr Zelensky set out the conditions for starting negotiations with Russia on Monday.',
          '',
          '“Once again: restoration of territorial integrity, respect for the UN Charter and guarantees that this will not happen again,”-',
          '',
          'said the Ukrainian leader, calling these demands understandable.',
        ].join('\n'),
      ),
    );
    expect(dashed.spans.filter((x) => x.kind === 'body').map((x) => dashed.text.slice(x.start, x.end))[1]).toBe(
      '“Once again: restoration of territorial integrity, respect for the UN Charter and guarantees that this will not happen again,”- said the Ukrainian leader, calling these demands understandable.',
    );
  });

  it('takes a list of whole sentences under the lead, with no introduction, for the page’s key points', () => {
    const lead = 'A draft document on US security guarantees for Ukraine is substantially ready to be presented to US President Donald Trump, Zelenskyy said.';
    const points = ['  • The draft of American security guarantees for Ukraine is ready for finalization.', '  • The restoration and economic development of Ukraine were also discussed.', '  • Negotiations include issues of ending the war and contacting Russia.'];
    const rest = ['The bilateral document is basically ready for finalization at the highest level, Zelenskyy wrote on Thursday.', 'Difficult issues from the framework for ending the war were also addressed in the talks in Miami.'];
    expect(kinds([lead, ...points, ...rest].join('\n')).map(([kind]) => kind)).toEqual(['body', 'chrome', 'chrome', 'chrome', 'body', 'body']);
    // Introduced by a line ending in a colon, the list is the article's.
    const introduced = kinds(['The plan, seen by reporters, sets out three steps for the first month of a ceasefire:', ...points, ...rest].join('\n'));
    expect(introduced.slice(1, 4).map(([kind]) => kind)).toEqual(['body', 'body', 'body']);
  });

  it('drops a share widget and a spaced glued breadcrumb above the headline, and a transcript’s caption times', () => {
    const body = 'Ukraine and Russia agreed in Istanbul to a new exchange of prisoners of war, both delegations said on Monday.';
    expect(articleText(textBlocks(['Share and Follow', body, body.replace('Monday', 'Tuesday')].join('\n'))).headline).toBeUndefined();
    expect(articleText(textBlocks(['HomeInternational NewsUkraine and Russia agree to new prisoner exchange', body].join('\n'))).headline).toBe('Ukraine and Russia agree to new prisoner exchange');
    expect(kept(['00:00I think it is important to remind everybody that the Ukraine war is a terrible thing for everyone.', '00:20and we want the war to end as soon as possible, the secretary said.'].join('\n'))[0]).toBe(
      'I think it is important to remind everybody that the Ukraine war is a terrible thing for everyone.',
    );
  });

  it('drops a list of other stories with relative time labels in the middle of the article, teasers and all', () => {
    const body = [
      'Volodymyr Zelensky has suggested that Ukrainian territory under his control should be taken under the NATO umbrella to stop the war.',
      'Speaking to Sky News, the Ukrainian leader said that such a proposal has never been considered by Ukraine.',
    ];
    const teasers = [
      'FBI investigating numerous bomb threats against Trump administration nominees',
      'Among those targeted was Elise Stefanik, Donald Trump’s choice to serve as the next ambassador to the United Nations.',
      'about 5 hours ago',
      'Displaced Lebanese start to return home as Israel-Hezbollah ceasefire holds',
      'The truce aims to end 14 months of fighting between Israel and the militant group, while fighting rages on in Gaza.',
      '2 days ago',
    ];
    const after = 'In the same interview, Mr Zelensky also said that Ukraine could get back the other part of its territory diplomatically.';
    const page = (lines: string[]) => classifyLines(textBlocks(['Zelensky suggests way to end hot phase of war with Russia', ...body, ...lines, after].join('\n'))).lines;
    const got = page(teasers);
    expect(got.slice(3, 9).map((l) => l.kind)).toEqual(Array(6).fill('chrome'));
    expect(got.slice(3, 9).filter((l) => l.reason === 'link to another story').map((l) => l.text)).toEqual([teasers[0], teasers[1], teasers[3], teasers[4]]);
    expect(got[9]).toMatchObject({ kind: 'body', text: after });
    // One time label is no list: the lines before it are not taken for links.
    expect(page(teasers.slice(0, 3)).filter((l) => l.reason === 'link to another story')).toEqual([]);
  });

  it('keeps a lead that opens on a wire dateline as body even when it lost its full stop', () => {
    const lines = [
      'Russia says foreign troops in Ukraine will be targets after UK and France pledge deployment',
      'MOSCOW - Russia said on Jan 8 that any troops sent to Ukraine by Western governments would be legitimate combat targets, after Britain and France announced plans to deploy a multinational force there',
      'A Russian Foreign Ministry statement said militaristic declarations by a coalition of Western governments were becoming increasingly dangerous.',
    ];
    expect(kinds(lines.join('\n')).map(([kind]) => kind)).toEqual(['headline', 'body', 'body']);
  });

  it('drops a membership pitch in the page’s voice after the article', () => {
    const body = 'Yuri Ushakov said Moscow and Washington had agreed to continue the talks on the peace plan next week, the Kremlin said.';
    const pitch = [
      'Supporting The Times of Israel isn’t a transaction for an online service, like subscribing to Netflix. The Community is for people like you who care about balanced, responsible coverage.',
      "Sure, we'll remove all ads from your page and you'll unlock access to some excellent content. But your support gives you something more profound than that.",
    ];
    expect(kinds([body, body.replace('next week', 'on Friday'), ...pitch].join('\n')).map(([kind]) => kind)).toEqual(['body', 'body', 'chrome', 'chrome']);
  });

  it('drops a caption over its credit line, a marked caption, an archive picture and a source line', () => {
    const body = 'Ukrainian President Volodymyr Zelensky had private talks with Pope Francis at the Vatican on Saturday, later saying he sought support for his peace plan.';
    const more = 'The Vatican said the two men spoke about the humanitarian and political situation caused by the war, officials said.';
    const credited = kinds(
      [
        'Zelensky meets with Pope Francis at Vatican, says he sought backing for peace plan',
        'Ukrainian President Volodymyr Zelensky puts his hand on his chest as he shakes hands with Pope Francis at the Vatican.',
        'Pope Francis meets Ukrainian President Volodymyr Zelensky during a private audience at the Vatican on Saturday.',
        '(Vatican News via Associated Press)',
        body,
        more,
      ].join('\n'),
    );
    expect(credited.map(([kind]) => kind)).toEqual(['headline', 'chrome', 'chrome', 'chrome', 'body', 'body']);
    // A report above a credit stays: it is no picture described in the present.
    const report = kinds([body, '(Vatican News via Associated Press)', more].join('\n'));
    expect(report[0]?.[0]).toBe('body');
    // In any tense between the picture's title of a few words and its credit.
    const titled = kinds([body, more, 'Pope Zelensky', 'Zelensky met with Pope Francis in the Vatican to garner support for his peace plan.', 'VATICAN MEDIA/AFP via Getty Images', more].join('\n'));
    expect(titled.map(([kind]) => kind)).toEqual(['body', 'body', 'heading', 'chrome', 'chrome', 'body']);
    // A picture described in the present as the first paragraph, over a lead on the same person in the past.
    const lead = 'Prime Minister Naftali Bennett returned Sunday from a surprise trip to Russia where he met President Vladimir Putin and discussed the war in Ukraine.';
    const pictured = kinds(['Prime Minister Naftali Bennett meets with German Chancellor Olaf Scholz in Berlin, Saturday night.', lead, more].join('\n'));
    expect(pictured.map(([kind]) => kind)).toEqual(['chrome', 'body', 'body']);
    // Not a present-tense lead over a paragraph on someone else.
    const other = kinds(['Prime Minister Naftali Bennett meets with German Chancellor Olaf Scholz in Berlin, Saturday night.', more, lead].join('\n'));
    expect(other[0]?.[0]).toBe('body');
    expect(kinds(['▲ Ukrainian President Zelensky', body, more].join('\n'))[0]?.[0]).toBe('chrome');
    expect(kinds(['Source The Wion news', body, more].join('\n'))[0]?.[0]).toBe('chrome');
    expect(kinds([body, "Share your experiences, suggestions, and any issues you've encountered on The Jakarta Post. We're here to listen.", more].join('\n'))[1]?.[0]).toBe('chrome');
    expect(kinds([body, 'This article was added by the user . TheWorldNews is not responsible for the content of the platform.', more].join('\n'))[1]?.[0]).toBe('chrome');
    expect(kinds(['Sources confirmed the meeting.', body, more].join('\n'))[0]?.[0]).not.toBe('chrome');
    expect(kinds(['File: The prime minister meets the Russian president in Sochi, Russia, on October 22, 2021. (Kobi Gideon/GPO)', body, more].join('\n'))[0]?.[0]).toBe('chrome');
  });

  it('never dates a page by the stamp of a story linked between its paragraphs', () => {
    const paragraphs = [
      'Zelensky meets Pope Francis at the Vatican, seeks backing for his peace plan',
      'Ukrainian President Volodymyr Zelensky had private talks with Pope Francis at the Vatican on Saturday about a ceasefire and peace talks with Russia.',
      'Zelensky said it was a great honour to meet the pope, and the two spoke for 40 minutes, the Vatican said.',
      'He said he had spoken with the pontiff about the deported Ukrainian children and the peace formula.',
      'The Vatican said the two men spoke about the humanitarian and political situation caused by the war.',
      'Ukraine’s president says that launching a counteroffensive now would cost too many lives.',
      'May 11, 2023',
      'The meeting came as Russia’s Defense Ministry said its troops were holding their positions.',
    ].join('\n\n');
    const at = (url?: string) => {
      const r = analyzeArticle({ text: paragraphs, sourceName: 'Test', ...(url ? { url } : {}) }, ceasefireStory(), new Date('2023-06-01T12:00:00Z'));
      return r.ok ? [r.article.occurredAt.slice(0, 10), r.article.dateSource] : undefined;
    };
    // Undated and said so, not "the Saturday before May 11"; the page's address dates it.
    expect(at()).toEqual(['2023-06-01', 'ingest-time']);
    expect(at('https://example.com/world/story/2023-05-13/zelensky-pope')).toEqual(['2023-05-13', 'text']);
  });

  it('takes the lines under a summary box labelled in capitals for its points when they lost their bullets', () => {
    const body = 'As the second of three foreign leaders to meet the president this week, the British prime minister used his visit on Thursday to urge him to provide security guarantees for Ukraine.';
    const more = 'On Monday, the French president visited the White House, and on Friday the Ukrainian president will be the third foreign leader this week to meet him.';
    const boxed = kinds(
      [
        'KEY POINTS',
        'The British prime minister met the president in the White House to discuss a peace deal for Ukraine.',
        'He urged the US to provide a security guarantee to help ensure the deal lasts.',
        body,
        more,
        'Thursday’s visit was his third to the White House in seven months.',
      ].join('\n'),
    );
    expect(boxed.map(([kind]) => kind)).toEqual(['chrome', 'chrome', 'chrome', 'body', 'body', 'body']);
  });

  it('drops a caption under its label on a line of its own, and a caption printed twice under the headline', () => {
    const body = 'Russia said that any troops sent to Ukraine by Western governments would be legitimate combat targets, after talks in Paris.';
    const more = 'A Russian Foreign Ministry statement said the declarations of the coalition of the willing were a threat to peace talks.';
    const labelled = kinds(['image copyright Reuters', 'photo comment,', 'Russian Foreign Minister Sergei Lavrov during his visit to Brazil.', body, more].join('\n'));
    expect(labelled.map(([kind]) => kind)).toEqual(['chrome', 'chrome', 'chrome', 'body', 'body']);
    const caption = 'Ukrainian emergency services search the site of a Russian attack in central Kharkiv';
    const twice = kinds(["Foreign troops in Ukraine would be 'legitimate targets' - Russia", caption, caption, body, more].join('\n'));
    expect(twice.map(([kind]) => kind)).toEqual(['headline', 'chrome', 'chrome', 'body', 'body']);
    // The page's title and its h1, the same line twice, stay the headline.
    const title = "Foreign troops in Ukraine would be 'legitimate targets' - Russia";
    expect(kinds(['News', title, title, body, more].join('\n')).map(([kind]) => kind).slice(1, 3)).toEqual(['headline', 'chrome']);
  });

  it('takes a date stamp with its reading time for a stamp, so the dek above it is display text', () => {
    const lines = kinds(
      [
        "Kyiv Rejects Trump's Claims of Putin 'Truce' as Russia Launches Massive Energy Strike",
        'Russia launched its biggest winter attack on the energy grid, hours after the US president claimed Putin kept his word on a truce. Ukrainian officials expressed bewilderment.',
        'Feb 5, 2026 · 3 min read',
        'Russian forces unleashed the biggest mass attack of the winter on the energy grid overnight February 3, hours after the truce expired.',
        'Officials in Kyiv said the strikes hit power plants in six regions, and called on Washington to respond to the breach.',
      ].join('\n'),
    );
    expect(lines.map(([kind]) => kind)).toEqual(['headline', 'heading', 'chrome', 'body', 'body']);
  });

  it('takes a dek of up to three sentences set off by a collage credit for display text', () => {
    const lines = kinds(
      [
        'Trump and Zelensky squabble over Crimea: Ukraine talks appear to be at an impasse',
        'US President Donald Trump criticized Zelensky over Crimea. Zelensky responded by recalling the Crimean Declaration. The talks are stuck.',
        'Collage: Instagram @ zelenskiy_official / Twitter @ realDonaldTrump',
        'On his social network Truth Social, Trump wrote that Zelensky’s statement was very damaging to peace talks with Russia.',
        'Zelensky then responded to Trump and recalled the Crimean Declaration, signed by former Secretary of State Mike Pompeo.',
      ].join('\n'),
    );
    expect(lines.map(([kind]) => kind)).toEqual(['headline', 'heading', 'chrome', 'body', 'body']);
  });
});


describe('a date stamp filed under its section, and a picture credited by its licence', () => {
  it('reads "12.08.2025 | War in Ukraine" as a stamp, "… Wikimedia Commons (CC BY 4.0)" as a credit, and the two sentences they set off as the dek', () => {
    const out = kinds(
      [
        'Zelensky: We Will Not Surrender Donbas for Ceasefire',
        '12.08.2025 | War in Ukraine',
        'Kyiv rejects territorial concessions before Trump-Putin meeting in Alaska. Russian forces advanced near Dobropillia, offensives expected in Zaporizhzhia.',
        'Photo by The Presidential Office of Ukraine, Wikimedia Commons (CC BY 4.0)',
        'Ukrainian President Volodymyr Zelensky stated that Kyiv will not accept proposals to give up Donbas in exchange for a ceasefire.',
        'The statement came days before the planned meeting between US President Donald Trump and Russian President Vladimir Putin in Alaska.',
      ].join('\n'),
    );
    expect(out.map(([kind]) => kind)).toEqual(['headline', 'chrome', 'heading', 'chrome', 'body', 'body']);
  });
  it('keeps a sentence that names a section after a bar as text: "Talks resumed on 12.08.2025 | Kyiv said it would attend."', () => {
    const out = kinds(
      [
        'Talks resume in Istanbul',
        'Talks on a ceasefire resumed in Istanbul on 12.08.2025 | Kyiv said it would attend the next round.',
        'Ukrainian President Volodymyr Zelensky stated that Kyiv will not accept proposals to give up Donbas in exchange for a ceasefire.',
      ].join('\n'),
    );
    expect(out[1]?.[0]).not.toBe('chrome');
  });
});

describe('text that lost its paragraph breaks or its layout', () => {
  const texts = (raw: string) => textBlocks(raw).map((b) => b.text);
  it('joins hard-wrapped lines with no blank line anywhere into paragraphs, and keeps a short heading line apart', () => {
    const wrapped = [
      'Vilnius Summit Communiqué',
      'We fully support Ukraine’s right to choose its',
      'own security arrangements. Ukraine’s future',
      'is in NATO. We reaffirm the commitment we made',
      'at the 2008 Summit in Bucharest that Ukraine',
      'will become a member of NATO, and today we',
      'recognise that Ukraine’s path to full Euro-',
      'Atlantic integration has moved beyond the need',
      'for the Membership Action Plan.',
      'Allies will support Ukraine on its way towards',
      'future membership in the Alliance.',
    ].join('\n');
    const out = texts(wrapped);
    expect(out[0]).toBe('Vilnius Summit Communiqué');
    expect(out[1]).toMatch(/^We fully support .* for the Membership Action Plan\.$/);
    expect(out[2]).toBe('Allies will support Ukraine on its way towards future membership in the Alliance.');
  });
  it('leaves a page of one paragraph per line as it is', () => {
    const page = [
      'Zelensky rejects talks on Donbas',
      'Ukrainian President Volodymyr Zelensky said on Tuesday that Kyiv would not withdraw from Donbas as part of any deal.',
      'He spoke after meeting European leaders in Kyiv, where the talks with Washington were discussed at length.',
      'The Kremlin said it had not yet received any proposal from Kyiv on a ceasefire or on the talks.',
    ];
    expect(texts(page.join('\n'))).toEqual(page);
  });
  it('joins a line that stops on an article or a preposition to the next, whatever case that opens in', () => {
    expect(texts('"This complicates the situation," the Ukrainian president said in a statement on\nX.\nThe talks go on.')).toEqual([
      '"This complicates the situation," the Ukrainian president said in a statement on X.',
      'The talks go on.',
    ]);
  });
  it('joins a paragraph\'s first words broken off onto a line of their own to the paragraph, and leaves a byline\'s "and" apart', () => {
    expect(texts('Putin said the attack aimed to improve Kyiv\'s position in talks.\nPutin,\nin his most detailed public remarks on the incursion to date, said Ukraine was trying to improve its position.')).toEqual([
      'Putin said the attack aimed to improve Kyiv\'s position in talks.',
      'Putin, in his most detailed public remarks on the incursion to date, said Ukraine was trying to improve its position.',
    ]);
    expect(texts('Zeke Miller\nand\nthe talks went on.')).toEqual(['Zeke Miller', 'and', 'the talks went on.']);
  });
  it('splits a heading glued to its paragraph by "The" or "An" after a lower-case word, not "Plan A"', () => {
    expect(texts('Peace talks drag on with little progress The escalation comes as US and Ukrainian negotiators meet in Miami.')).toEqual([
      'Peace talks drag on with little progress',
      'The escalation comes as US and Ukrainian negotiators meet in Miami.',
    ]);
    expect(texts('Kyiv has a plan A and a plan B for the talks in Miami.')).toEqual(['Kyiv has a plan A and a plan B for the talks in Miami.']);
  });
  it('takes a link to read on off the paragraph it was run on to, and a screen reader\'s list of other stories out', () => {
    expect(texts('Zelensky said he was ready to give up the presidency for peace......CONTINUE READING THE ARTICLE FROM THE SOURCE>>>>>')).toEqual([
      'Zelensky said he was ready to give up the presidency for peace.',
      'CONTINUE READING THE ARTICLE FROM THE SOURCE>>>>>',
    ]);
    expect(texts('Progress hinged on Moscow.Recommended Stories list of 3 itemsend of listThe impasse underscores the gulf.').join(' ')).not.toMatch(/list of|end of list/);
  });
  it('reads a title-case headline that ends on a quoted exclamation as the headline, and a caption printed over and under its credit as a caption', () => {
    const out = kinds(
      [
        'After Russian Attack On Kyiv Civilians, President Trump Tells Russia: "Vladimir, STOP!"',
        'Thursday, April 24 2025',
        'An injured woman sits with her dog near a house destroyed by a Russian airstrike in a residential neighborhood in Kyiv',
        'AP Photo/Evgeniy Maloletka',
        'An injured woman sits with her dog near a house destroyed by a Russian airstrike in a residential neighborhood in Kyiv',
        'WASHINGTON (AP) — President Donald Trump on Thursday offered rare criticism of Vladimir Putin, urging the Russian leader to “STOP!” after a deadly barrage of attacks on Kyiv.',
        'Trump said the peace talks with Russia and Ukraine were at a critical stage.',
      ].join('\n'),
    );
    expect(out.map(([kind]) => kind)).toEqual(['headline', 'chrome', 'chrome', 'chrome', 'chrome', 'body', 'body']);
  });
  it('takes "Want to see more of NewsNation? Get … the NewsNation app" for a call to action', () => {
    const out = kinds(
      [
        'Zelensky holds call with US envoys',
        'Ukrainian President Volodymyr Zelensky said on Saturday his call with the US envoys on the peace plan was long and substantive.',
        'Want to see more of NewsNation? Get 24/7 fact-based news coverage with the NewsNation app or add NewsNation as a preferred source on Google!',
        'The talks in Miami ended on Saturday after three days, with no agreement on the territorial questions.',
      ].join('\n'),
    );
    expect(out[2]?.[0]).toBe('chrome');
  });
});

describe('captions, plugs and credits that read like sentences', () => {
  const lead = [
    'Blinken rules out a Potemkin peace in Ukraine',
    'US Secretary of State Antony Blinken said on Friday in Helsinki that a ceasefire freezing the front lines would be a Potemkin peace.',
  ];
  it('takes a picture described with a participle and no verb for a caption, and a report of a meeting for a sentence', () => {
    const out = kinds([...lead, 'Antony J. Blinken giving a speech at Helsinki city hall.', 'The Busan meeting marked the first in-person talks between the two leaders since 2019.'].join('\n'));
    expect(out.slice(2).map(([kind]) => kind)).toEqual(['chrome', 'body']);
  });
  it('takes a picture\'s subject in the present passive ("is pictured in Munich on Feb.14 2026.") for a caption, and a report of a photograph for a sentence', () => {
    const out = kinds([...lead, 'Ukrainian President Volodymyr Zelensky is pictured in Munich on Feb.14 2026.', 'Zelensky was photographed with Vance in Munich before the talks, his office said on Saturday.'].join('\n'));
    expect(out.slice(2).map(([kind]) => kind)).toEqual(['chrome', 'body']);
  });
  it("takes a consent banner's standard wording for display text, and the same words about allies for a sentence", () => {
    const banner = [
      '* We and our partners use cookies or similar technologies to access and store non-sensitive information such as your IP address.',
      '* The processing of your personal data allows us, for example, to improve your user experience, monitor audience ratings, or display personalized advertisements.',
      '* You can change your choice or withdraw your consent anytime by clicking "Customize" below.',
      'store and/or access information on a device, personalised advertising and content, advertising and content measurement',
    ];
    const out = kinds([...lead, ...banner, 'We and our partners will support Ukraine until a just peace is reached, Blinken said.'].join('\n'));
    expect(out.slice(2).map(([kind]) => kind)).toEqual(['chrome', 'chrome', 'chrome', 'chrome', 'body']);
  });
  it('takes a fair-use copyright notice for display text', () => {
    const out = kinds([...lead, 'Under Title 17 U.S.C. Section 107, allowance is made for "fair use" for purposes such as criticism, comment, news reporting, teaching, scholarship, and research.', 'Blinken said a stronger Ukraine was the way to real peace talks.'].join('\n'));
    expect(out.slice(2).map(([kind]) => kind)).toEqual(['chrome', 'body']);
  });
  it('takes a newsletter\'s plug and its tagline for calls to action', () => {
    const out = kinds([...lead, 'Unlock the free White House Watch newsletter', 'Your guide to what Trump’s second term means for Washington, business and the world', 'Blinken said a stronger Ukraine was the way to real peace talks.'].join('\n'));
    expect(out.slice(2).map(([kind]) => kind)).toEqual(['chrome', 'chrome', 'body']);
  });
  it("takes a newsletter's greeting to its own title for display text, and a welcome in the news for a sentence", () => {
    const greeting = 'Welcome back to World Brief, where we’re looking at trilateral peace talks among Russia, Ukraine, and the United States in Abu Dhabi; a snap election in Japan.';
    const out = kinds([...lead, greeting, 'Good morning and welcome to The Morning Dispatch! Happy Monday.', 'Zelensky said Ukraine would welcome a ceasefire monitored by the United States.'].join('\n'));
    expect(out.slice(2).map(([kind]) => kind)).toEqual(['chrome', 'chrome', 'body']);
  });
  it('takes the relay of a quotation ("Her words are quoted by TASS.") for no fact, and a dateline glued to the lead by its dash for no title', () => {
    const text = [
      'Blinken speaks in Helsinki on the peace talks',
      'VATICAN CITY (CNS)—Moscow is not working with the Vatican to end the war in Ukraine, said a Kremlin spokesperson.',
      'US Vice President Kamala Harris rebuked some American politicians for wanting Kyiv to surrender in the peace talks. Her words are quoted by TASS.',
    ].join('\n\n');
    const r = analyzeArticle({ text, sourceName: 'x', publishedAt: '2023-05-02T12:00:00Z' }, ceasefireStory(), new Date('2023-05-03T00:00:00Z'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const facts = r.article.facts.map((f) => f.text);
    expect(facts).toContain('Moscow is not working with the Vatican to end the war in Ukraine, said a Kremlin spokesperson.');
    expect(facts.some((f) => f.includes('quoted by TASS'))).toBe(false);
  });
});

describe('datelines, desks and glued sentences of regional copies', () => {
  const analyze = (lines: string[]) => analyzed({ text: lines.join('\n\n'), sourceName: 'x', publishedAt: '2025-11-23T12:00:00Z' }, new Date('2025-11-24T00:00:00Z'));
  it('takes "Daijiworld Media Network – Washington" for a byline, and "Washington, Nov 23: " and "Reuters, ABU DHABI, " off the lead', () => {
    const a = analyze([
      'Daijiworld Media Network – Washington',
      'Washington, Nov 23: US President Donald Trump on Saturday signalled that Washington may extend the deadline for Kyiv to accept the peace plan.',
      'Reuters, ABU DHABI, Brazil’s President Luiz Inacio Lula da Silva suggested on Sunday that a group of nations mediate peace talks between Ukraine and Russia.',
    ]);
    expect(a.title).not.toContain('Daijiworld');
    const facts = a.facts.map((f) => f.text);
    expect(facts[0]).toMatch(/^US President Donald Trump on Saturday/);
    expect(facts[1]).toMatch(/^Brazil’s President/);
  });
  it('parts sentences glued at a stop before a word of two letters ("… he added.On being asked …")', () => {
    expect(textBlocks('“We have to get it ended,” he added.On being asked if Zelensky rejects the plan, Trump said he can fight on.').map((b) => b.text)).toEqual([
      '“We have to get it ended,” he added. On being asked if Zelensky rejects the plan, Trump said he can fight on.',
    ]);
  });
});

describe('the last line of a wire copy', () => {
  const lines = [
    'Ukrainian president rejects Olympic truce',
    'PARIS – Ukrainian President Volodymyr Zelensky has rejected French leader Emmanuel Macron’s idea of a truce during the Paris Olympic Games.',
    'Kremlin Spokesman Dmitry Peskov said earlier that Moscow had not received any official proposals from Paris concerning an Olympic truce.',
  ];
  it('is body when it is a sentence signed off with the agency in brackets: "He added that … troops. (TASS)"', () => {
    const out = kinds([...lines, 'He added that Kiev tended to take advantage of such initiatives to regroup and rearm troops. (TASS)'].join('\n'));
    expect(out.map(([kind]) => kind)).toEqual(['headline', 'body', 'body', 'body']);
  });
  it('is still a caption when it describes a picture and credits the agency so', () => {
    const out = kinds([...lines, 'Ukrainian President Volodymyr Zelensky (TASS)'].join('\n'));
    expect(out[3]).toEqual(['chrome', 'Ukrainian President Volodymyr Zelensky (TASS)']);
  });
  it('is a call to action when it sends the reader to watch a channel: "For more up-to-date videos …, watch the Izvestia TV channel."', () => {
    const out = kinds([...lines, 'For more up-to-date videos and details about the situation in Donbass, watch the Izvestia TV channel.'].join('\n'));
    expect(out[3]?.[0]).toBe('chrome');
  });
});

describe('a paragraph that lost its full stop', () => {
  const kinds = (lines: string[]) => classifyLines(textBlocks(lines.join('\n'))).lines.map((l) => l.kind);
  const lead =
    'US President Donald Trump has officially withdrawn from the planned summit in Budapest, where he was to meet with Vladimir Putin. He made the announcement during a meeting with NATO Secretary General Mark Rutte in the Oval Office, "Komersant Ukrainian" reports';
  const rest = [
    'According to Trump, he saw no prospects for achieving concrete results in the talks with Moscow.',
    'The President emphasized that he does not intend to waste his time if Russia is not ready to take real steps.',
    'Immediately after the announcement, the US Treasury Department unveiled a new package of sanctions against Russia.',
  ];
  it('is the lead when it holds a whole sentence and stands under the date, not under the headline', () => {
    expect(kinds(['Trump cancels meeting with Putin and imposes sanctions: what we know', '23 October 02:08', lead, ...rest])[2]).toBe('body');
  });
  it('is a standfirst right under the headline', () => {
    expect(kinds(['Trump cancels meeting with Putin and imposes sanctions: what we know', lead, ...rest])[1]).not.toBe('body');
  });
});

describe("what follows an article's end", () => {
  const article = [
    'Russia says US peace talks must address root causes of the war',
    'Russian Deputy Foreign Minister Sergei Ryabkov said on Monday that any deal with Washington on Ukraine must address the root causes of the conflict.',
    'Ryabkov, a career diplomat who also oversees arms control, said Russia did not see a major change in the U.S. approach to Ukraine.',
    'Moscow controls about 20% of Ukraine, including Crimea and four regions in the east and south of the country.',
    'Ukrainian President Volodymyr Zelenskiy said on Friday that he wanted Ukraine to supply the U.S. with rare earths in return for support.',
  ];
  const bio = 'As Moscow bureau chief, Guy runs coverage of Russia and the Commonwealth of Independent States. Before Moscow, Guy ran Brexit coverage as London bureau chief.';

  it("takes the paragraph after a wire report's credits for the page's (the writer's biography), not the article's", () => {
    const out = kinds([...article, 'Reporting by Dmitry Antonov Writing by Guy Faulconbridge Editing by Andrew Osborn', 'Our Standards: The Thomson Reuters Trust Principles.', bio].join('\n'));
    expect(out.at(-1)).toEqual(['chrome', bio]);
    expect(out.filter(([kind]) => kind === 'body')).toHaveLength(4);
  });

  it('keeps the paragraphs after credits that stand mid-page, with more of the article after them', () => {
    const out = kinds([...article.slice(0, 4), 'Reporting by Dmitry Antonov', ...article.slice(4), bio, bio.replace('Guy', 'He'), 'Moscow has said it wants a deal that ends the war for good.'].join('\n'));
    expect(out.at(-1)?.[0]).toBe('body');
  });

  it('takes a news quiz for chrome: its question, its lettered answers, the answer printed again and what explains it, and the call to take the rest', () => {
    const quiz = [
      'Peruvian President José Jerí said on Monday that he would make himself available to prosecutors investigating him for doing what?',
      'A. Accepting undisclosed gifts from regional heads of state',
      'B. Having undisclosed meetings with a Chinese businessman',
      'C. Conspiring to postpone April elections',
      'D. Bribing legislators to execute his political agenda',
      'B. Having undisclosed meetings with a Chinese businessman',
      'The meetings follow a regional trend of countries seeking out stronger partnerships outside of the United States.',
      'To take the rest of FP’s weekly international news quiz, click here, or sign up to be alerted when a new one is published.',
    ];
    const out = kinds([...article, ...quiz].join('\n'));
    expect(out.slice(article.length).map(([kind]) => kind)).toEqual(quiz.map(() => 'chrome'));
  });

  it("takes a short paragraph a page prints twice among its menus for the menus', never one printed twice in the article", () => {
    const blurb = 'Ground Game Exclusive insights and key stories from the world of politics.';
    const menu = ['World', 'Politics', 'Israel-Hamas War Russia-Ukraine War Español China Asia Pacific', blurb, 'Super Bowl 2026 Winter Olympics NBA NHL Soccer MLB'];
    const out = kinds([...menu, ...menu, ...article].join('\n'));
    expect(out.filter(([, text]) => text === blurb).map(([kind]) => kind)).toEqual(['chrome', 'chrome']);
    // A pull quote printed again between paragraphs is the article's.
    const quote = 'Any deal must address the root causes of the conflict, Ryabkov said.';
    const body = kinds([...article.slice(0, 2), quote, ...article.slice(2), quote].join('\n'));
    expect(body.filter(([, text]) => text === quote).map(([kind]) => kind)).toEqual(['body', 'body']);
  });

  it('takes a picture of several people described in the present, ending on its day without the year, for a caption', () => {
    const caption = 'Paraguayan President Santiago Peña, U.S. President Donald Trump, and Qatari Prime Minister Sheikh Mohammed bin Abdulrahman bin Jassim Al Thani participate in the signing ceremony of the Board of Peace in Davos, Switzerland on Jan. 22.';
    const out = kinds([...article.slice(0, 3), caption, ...article.slice(3)].join('\n'));
    expect(out[3]).toEqual(['chrome', caption]);
  });
});
