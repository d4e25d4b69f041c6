import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { completeSentence } from '../../src/ingest/facts.js';
import { analyzeArticle } from '../../src/ingest/analyze.js';
import { cleanArticleText, textBlocks } from '../../src/ingest/clean-text.js';
import { dateMentioned, extractEntities, resolveEventDate, watchOf } from '../../src/ingest/entities.js';
import { attributeSentences } from '../../src/ingest/quotes.js';
import { splitSentences } from '../../src/ingest/sentences.js';
import { proposeSignals } from '../../src/ingest/signals.js';
import { ceasefireStory } from './story.js';
import { analyzed } from './analyzed.js';
import { buildBriefing } from '../../src/briefing/compose.js';
import type { EventRecord } from '../../src/records/schema.js';
import { renderText } from '../../src/render/text.js';
import { sampleStory } from '../helpers/fixtures.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');

describe('clean-text', () => {
  it('drops a "Related" link list and everything after it, prompts, share rows, cookies and footers', () => {
    const raw = [
      'Share Facebook Twitter Email',
      'We use cookies to give you the best experience. Accept to continue.',
      'Russian and Ukrainian negotiators met in Istanbul on Friday.',
      'Sign up for our daily newsletter',
      'The talks lasted less than two hours.',
      'Related',
      '09:45',
      'europe',
      'Leaders meet in Tirana as talks stall in Istanbul and markets react to the news of the day.',
      '3 comments',
      '© 2025 Example Media. All rights reserved.',
    ].join('\n');
    expect(cleanArticleText(raw)).toBe('Russian and Ukrainian negotiators met in Istanbul on Friday.\nThe talks lasted less than two hours.');
  });

  it('drops media captions and credits, reading-time labels and wire footers', () => {
    const raw = [
      'Listen to this article',
      '4 min read',
      'Image source, Getty Images',
      'Image caption, Delegations met at the Dolmabahce Palace',
      'Russian and Ukrainian negotiators met in Istanbul on Friday.',
      'Photograph: Murad Sezer/Reuters',
      'Related: Zelenskyy meets Erdoğan in Ankara before the talks',
      'Watch: Delegations arrive at the palace',
      '— Volodymyr Zelenskyy (@ZelenskyyUa) May 16, 2025',
      'pic.twitter.com/AbC123xyz',
      'Story continues below advertisement',
      'The talks lasted less than two hours.',
      'Associated Press writer Illia Novikov in Kyiv contributed to this report.',
      'Reporting by Guy Faulconbridge; Editing by Andrew Osborn',
      'Our Standards: The Thomson Reuters Trust Principles.',
    ].join('\n');
    expect(cleanArticleText(raw)).toBe('Russian and Ukrainian negotiators met in Istanbul on Friday.\nThe talks lasted less than two hours.');
    // Prose that starts like a credit or a footer stays.
    const prose = 'Reporting by state media suggested the talks would resume in June, but Kyiv denied it, saying no date was set.';
    expect(cleanArticleText(prose)).toBe(prose);
  });

  it('drops contact lines, follow prompts, syndication footers, photo credits and player or paywall widgets', () => {
    const raw = [
      'Russian and Ukrainian negotiators met in Istanbul on Friday.',
      '(Image credits: Henry Chen; Carrie McBride)',
      'Photos: Getty Images',
      'Related article: Zelenskyy meets Erdoğan in Ankara',
      'Press spacebar to pause and continue. Press esc to stop.',
      'The talks lasted less than two hours.',
      'LIMITED-TIME OFFER SUBSCRIBE NOW',
      'Have something to add to this story? Share it in the comments.',
      'To contact the reporter on this story: Anna Petrenko in Kyiv at apetrenko@example.com',
      'Matt Friedman may be reached at mfriedman@example.com. Follow him on Twitter @MattFriedman.',
      'jdoe@example.com',
      'Follow Tia Ghose on Twitter and Google+.',
      'Like us on Facebook Follow us on Twitter & Instagram',
      'This article originally appeared on Fox News.',
      '[via Buzzfeed]',
      'Source: Reuters',
      'Photo by Eric Thayer/Reuters',
      'Relatives of the missing console each other at the airport (AFP/Getty)',
      'To listen to the complete interview, click here.',
      'Tags:',
      'Terms of Use Privacy Policy',
    ].join('\n');
    expect(cleanArticleText(raw)).toBe('Russian and Ukrainian negotiators met in Istanbul on Friday.\nThe talks lasted less than two hours.');
    // A heading of links at the end ("More politics", "Around the web") takes the list with it.
    expect(cleanArticleText('The talks lasted less than two hours.\nMORE POLITICS\nHome\nWorld\nAround the web')).toBe('The talks lasted less than two hours.');
    // Prose that starts like one of them stays.
    const prose = [
      'Follow-up talks on a prisoner exchange are planned for next week, the Kremlin said.',
      'More talks are expected in Geneva, officials said.',
      'Photos of the meeting were published by the presidential office.',
      'Source: a senior official said the memorandum was not ready.',
    ].join('\n');
    expect(cleanArticleText(prose)).toBe(prose);
  });

  it('splits a date stamp with its weekday or time off the headline it runs on after, and keeps a day the headline names', () => {
    const blocks = textBlocks('Swiss Foreign Minister urges inclusion of Russia in Ukraine peace talks Sunday, January 14, 2024 1:00:51 PM').map((b) => b.text);
    expect(blocks).toEqual(['Swiss Foreign Minister urges inclusion of Russia in Ukraine peace talks', 'Sunday, January 14, 2024 1:00:51 PM']);
    for (const line of ['Trump and Putin to meet in Alaska on Friday, August 15, 2025', 'Zelensky says talks will resume by Monday, June 2, 2025', '- The Washington Times - Wednesday, June 4, 2025'])
      expect(textBlocks(line).map((b) => b.text)).toEqual([line]);
  });

  it('keeps prose that merely mentions a newsletter or the word related', () => {
    const raw = 'The Kremlin said the related proposals would be studied.\nRelated talks are expected in Geneva next week, officials said.';
    expect(cleanArticleText(raw)).toBe(raw);
  });
});

describe('sentences', () => {
  it('handles abbreviations, initials, decimals and terminal punctuation inside quotes, with exact offsets', () => {
    const text =
      'Mr. Smith met Dr. Jones in St. Petersburg. U.S. Vice President J. D. Vance paid 1.5 billion. Trump said it was “excellent.” Russia agreed. "We are ready," Putin said. Really? Yes!';
    const s = splitSentences(text);
    expect(s.map((x) => x.text)).toEqual([
      'Mr. Smith met Dr. Jones in St. Petersburg.',
      'U.S. Vice President J. D. Vance paid 1.5 billion.',
      'Trump said it was “excellent.”',
      'Russia agreed.',
      '"We are ready," Putin said.',
      'Really?',
      'Yes!',
    ]);
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text);
  });

  it('ends a sentence at a footnote mark after its stop, and keeps the mark out of both sentences', () => {
    const text = 'The delegations met in Istanbul for roughly one hour.[1] Ukrainian Defense Minister Rustem Umerov stated that Ukraine proposed a ceasefire.[2][3]\nTalks went on.';
    const s = splitSentences(text);
    expect(s.map((x) => x.text)).toEqual(['The delegations met in Istanbul for roughly one hour.', 'Ukrainian Defense Minister Rustem Umerov stated that Ukraine proposed a ceasefire.', 'Talks went on.']);
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text);
  });

  it('leaves out a picture caption and its credit run into a paragraph, and keeps a sentence before a copyright', () => {
    const text =
      "Talks resumed on Monday. Zelensky shakes hands with Steve Witkoff in Berlin, Germany, December 14, 2025. © Ukrainian Presidential Press Service/Handout via REUTERS Trump's special envoy Steve Witkoff said on X that progress had been made.\nThe envoys left. © 2025 Reuters All rights reserved";
    const s = splitSentences(text);
    expect(s.map((x) => x.text)).toEqual(['Talks resumed on Monday.', "Trump's special envoy Steve Witkoff said on X that progress had been made.", 'The envoys left.', '© 2025 Reuters All rights reserved']);
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text);
  });

  it('splits sentences a copy glued together without a space, but not a site name, an abbreviation or an acronym', () => {
    const text = 'Moscow demanded Donbas, which Kyiv rejected.Speaking on Friday, Zelensky said no.He left. “Donbas is a springboard…”According to him, it is.';
    const s = splitSentences(text);
    expect(s.map((x) => x.text)).toEqual([
      'Moscow demanded Donbas, which Kyiv rejected.',
      'Speaking on Friday, Zelensky said no.',
      'He left.',
      '“Donbas is a springboard…”',
      'According to him, it is.',
    ]);
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text);
    expect(splitSentences('The delegation is unclear, News.Az reports, as Mrs.Smith and the U.S.Army met in St.Petersburg.')).toHaveLength(1);
    expect(splitSentences('He said “we agreed.Then we left” and went home.')).toHaveLength(1);
  });

  it('splits paragraphs a copy ran together after a quotation opened at the stop, whatever quotation was left open before', () => {
    // The page's opening mark where a closing one belongs ("“largely faded.“") left a quotation open to the paragraph's end.
    const text =
      'An official said the “powerful momentum” had “largely faded.“Unfortunately, the momentum has largely gone,” Sergei Ryabkov said, according to agencies.He blamed the Europeans, saying, “This is their doing.”On missiles, he warned of consequences.';
    const s = splitSentences(text);
    expect(s.map((x) => x.text)).toEqual([
      'An official said the “powerful momentum” had “largely faded.',
      '“Unfortunately, the momentum has largely gone,” Sergei Ryabkov said, according to agencies.',
      'He blamed the Europeans, saying, “This is their doing.”',
      'On missiles, he warned of consequences.',
    ]);
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text);
  });

  it('splits off a heading in title case run into the dateline of the lead, and leaves a sentence naming a place and day alone', () => {
    const text = 'Trump Plans ‘Feel-Out’ Meeting with Putin to Push for Ukraine Peace Washington, D.C., Aug. 13, 2025 — U.S. President Donald Trump announced Wednesday that he will meet Putin.';
    expect(splitSentences(text).map((x) => x.text)).toEqual([
      'Trump Plans ‘Feel-Out’ Meeting with Putin to Push for Ukraine Peace',
      'Washington, D.C., Aug. 13, 2025 — U.S. President Donald Trump announced Wednesday that he will meet Putin.',
    ]);
    expect(splitSentences('Zelensky said the talks would resume after the holidays in Kyiv, Ukraine, May 5, 2025 — a date both sides accepted.')).toHaveLength(1);
  });

  it('splits another story’s title run into a sentence after its “read more” label, and leaves a brand in capitals alone', () => {
    const text = 'He warned of consequences.Also Read | ‘US giving intelligence’: Nato role ‘obvious’; Tomahawks under reviewLast month, JD Vance told Fox News it was weighed.';
    expect(splitSentences(text).map((x) => x.text)).toEqual([
      'He warned of consequences.',
      'Also Read | ‘US giving intelligence’: Nato role ‘obvious’; Tomahawks under review',
      'Last month, JD Vance told Fox News it was weighed.',
    ]);
    expect(splitSentences('The envoy spoke to reporters about the talks on YouTube and WhatsApp on Friday.')).toHaveLength(1);
    expect(splitSentences('Also read: the full interview with the envoy on YouTube.')).toHaveLength(1);
  });

  it('splits off a heading a flattened page ran into its paragraph, and leaves names and titles inside a sentence alone', () => {
    const text =
      'Moscow Talks Produced No Compromise on Key Battlefield Issues During the Tuesday session in Moscow, Putin and Witkoff discussed ending the war.\nTrump criticises Russian leadership Speaking to the UN General Assembly, Trump criticized Moscow.';
    const s = splitSentences(text);
    expect(s.map((x) => x.text)).toEqual([
      'Moscow Talks Produced No Compromise on Key Battlefield Issues',
      'During the Tuesday session in Moscow, Putin and Witkoff discussed ending the war.',
      'Trump criticises Russian leadership',
      'Speaking to the UN General Assembly, Trump criticized Moscow.',
    ]);
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text);
    for (const one of [
      'The mayor of The Hague said the summit would be held there next month.',
      'Officials told the newspaper The Times that the talks had stalled for weeks.',
      'Russian President Vladimir Putin On Friday said he was ready for talks.',
      'Zelensky met Trump. The talks in Washington lasted for about two hours on Friday.',
      'US President Donald Trump and Russian President Vladimir Putin engaged in a two-hour conversation on Tuesday.',
      'US President Donald Trump and Ukraine’s President Volodymyr Zelenskyy held a very productive discussion in Rome.',
      'Ukraine Talks Stall as President Donald Trump Says Deal Is Near',
    ])
      expect(splitSentences(one)[0]?.text.startsWith(one.slice(0, 15))).toBe(true);
    // A heading in title case run into a sentence whose subject is a person by office.
    const office = 'Ukrainian Officials Call Talks Constructive but Insist on Current Frontlines President Volodymyr Zelensky praised the Miami talks as very constructive.';
    expect(splitSentences(office).map((x) => x.text)).toEqual([
      'Ukrainian Officials Call Talks Constructive but Insist on Current Frontlines',
      'President Volodymyr Zelensky praised the Miami talks as very constructive.',
    ]);
    // Only at a paragraph's start: inside a paragraph the sentence before ended with its stop.
    expect(splitSentences('He left. Zelensky and Trump meet at the UN During the meeting, Trump praised Ukraine’s resilience.')).toHaveLength(2);
  });

  it('does not split inside a quotation that closes in the same paragraph', () => {
    const s = splitSentences('He said: “We agreed. Now we talk.” Then he left.');
    expect(s.map((x) => x.text)).toEqual(['He said: “We agreed. Now we talk.”', 'Then he left.']);
  });
});

describe('complete sentences', () => {
  it('rejects a last line cut off after a title abbreviation, and keeps a sentence ending in an initialism', () => {
    expect(completeSentence('Prior to Abu Dhabi, Driscoll visited Kyiv with senior U.S. military leaders, including Gen. Chris Donahue and Lt.')).toBe(false);
    expect(completeSentence('The talks in Geneva were attended by senior officials from the U.S.')).toBe(true);
  });

  it('rejects the headline again, or run on into a caption, but keeps a sentence that goes on with the headline\'s clause', () => {
    const headline = 'Peace talks have appeared deadlocked in recent weeks over Russia’s insistence that Ukraine hand over the rest of Donbas.';
    expect(completeSentence(headline, headline)).toBe(false);
    expect(completeSentence('Peace talks have appeared deadlocked in recent weeks over Russia’s insistence that Ukraine hand over the rest of Donbas US President Donald Trump and Putin are seen.', headline)).toBe(false);
    expect(
      completeSentence('Peace talks have appeared deadlocked in recent weeks over Russia’s insistence that Ukraine hand over the rest of Donbas, an idea Ukrainian President Volodymyr Zelensky has repeatedly rejected.', headline),
    ).toBe(true);
  });

  it('rejects a sentence with a hole where a link was: "the grinding war that .", "negotiating a in Eastern Europe"', () => {
    expect(completeSentence('Zelensky has challenged Putin to showdown talks this week that could end the grinding war that .')).toBe(false);
    expect(completeSentence('Mr Zelensky will travel to Turkey this week in hopes of negotiating a in Eastern Europe, his chief of staff said.')).toBe(false);
    expect(completeSentence('Mr Zelensky will travel to Turkey this week in hopes of negotiating a ceasefire in Eastern Europe.')).toBe(true);
    // A page that sets a space before its stops lost nothing.
    expect(completeSentence('According to him, it was "probably the most productive day" on this issue, Bloomberg reported .')).toBe(true);
  });

  it('reads low-high quotation marks („…“) as a quotation that closes', () => {
    expect(cleanArticleText('„We expect the agreements to be implemented. De-escalation steps are needed to end the war“, Zelensky wrote on social media.')).toContain(
      '“We expect the agreements to be implemented. De-escalation steps are needed to end the war”',
    );
    expect(cleanArticleText('Zelensky wrote: “We expect the agreements to be implemented. De-escalation steps are needed to end the war“, he added on Telegram.')).toContain('to end the war”, he added');
  });

  it('puts back typographic punctuation a saved page decoded as the wrong code page', () => {
    expect(cleanArticleText('In an effort to end EuropeΓÇÖs deadliest conflict, negotiators met in Abu Dhabi.\nThey said â€œprogressâ€\u009d was made.')).toContain('Europe’s');
    expect(cleanArticleText('They said â€œprogressâ€\u009d was made in Abu Dhabi on the peace plan for Ukraine.')).toContain('“progress”');
  });
});

describe('quotes and speakers', () => {
  /** The sentences' attributions; with `subjects`, the bodies and places analysis would also pass (and the text). */
  const attribute = (text: string, subjects?: string[]) => {
    const sentences = splitSentences(text);
    return attributeSentences(sentences, { people: extractEntities(text).people, ...(subjects ? { subjects, text } : {}) });
  };

  it('reads "he" as the subject of its own sentence past the titles before the name', () => {
    const text = [
      'Ukrainian President Volodymyr Zelenskiy signed a request for membership of the European Union on Monday.',
      'Meanwhile, Russian President Vladimir Putin spoke with French President Emmanuel Macron over the phone, during which he said that demilitarising Ukraine was key to ending the conflict.',
    ].join(' ');
    expect(attribute(text)[1]?.speaker).toBe('Vladimir Putin');
  });

  it('takes a rank written short for a title, not a name or a sentence end ("Lt. Col. Jeffrey Tolbert", "Maj. Gen. …")', () => {
    for (const t of ['Lt. Col. Jeffrey Tolbert, a U.S. Army spokesman, said the talks went well.', 'Col. Jeffrey Tolbert said the talks went well.', 'The talks went well, Lt. Col. Jeffrey Tolbert said.'])
      expect(extractEntities(t).people.map((p) => p.name)).toEqual(['Jeffrey Tolbert']);
    expect(splitSentences('Maj. Gen. John Smith said the talks went well.')).toHaveLength(1);
    const a = attribute('Lt. Col. Jeffrey Tolbert, a U.S. Army spokesman, indicated that Secretary Dan Driscoll had met Russian officials. He expressed optimism about the talks.');
    expect(a.map((x) => x.speaker)).toEqual(['Jeffrey Tolbert', 'Jeffrey Tolbert']);
  });

  it('lets a closing attribution with a title\'s "of" decide over a body opening the sentence', () => {
    const text = 'Washington has said it has not seen "signs of real seriousness" from Russia in pursuing peace, Secretary of State Antony Blinken said on Tuesday.';
    expect(attribute(text, ['Washington'])[0]?.speaker).toBe('Antony Blinken');
  });

  it('reads no report of the sentence in a fronted question put to its speaker ("Asked to clarify what … said …, a US official said")', () => {
    const text = 'Secretary of State Marco Rubio met European officials in Paris. Asked to clarify what Rubio meant when he said the US would “move on,” a US official said the Secretary of State was referring to the US withdrawing from negotiations.';
    expect(attribute(text)[1]?.speaker).toBeUndefined();
  });

  it('gives an unnamed official\'s words relayed by an outlet to no one', () => {
    const text = '“Secretary Driscoll met with members of the Russian delegation for several hours in Abu Dhabi,” an anonymous U.S. official allegedly told CBS News, according to Ukrinform.';
    expect(attribute(text, ['Ukrinform', 'CBS News'])[0]?.speaker).toBeUndefined();
  });

  it('never gives a quotation to a person only its own words name', () => {
    const text = [
      'Zelensky said he planned to meet Chinese President Xi Jinping but did not say when.',
      '‘I plan to meet Xi Jinping and believe this will be beneficial for our countries,’ the leader said.',
      'Meanwhile, he rejected ever holding talks with Russian President Vladimir Putin.',
    ].join(' ');
    const a = attribute(text);
    expect(a[1]?.speaker).not.toBe('Xi Jinping');
    expect(a[2]?.speaker).toBe('Zelensky');
  });

  it('attributes post-quote, pre-verb, inverted and pronoun forms to canonical names', () => {
    const text = [
      'US President Donald Trump spoke to Russian President Vladimir Putin for two hours on Monday.',
      '“The call was frank,” Putin said.',
      'Trump said the tone was “excellent”.',
      'He added that talks would begin at once.',
      '“We will not give up our land,” said Ukrainian President Volodymyr Zelenskyy.',
    ].join(' ');
    const a = attribute(text);
    expect(a.map((x) => x.speaker)).toEqual([undefined, 'Vladimir Putin', 'Donald Trump', 'Donald Trump', 'Volodymyr Zelenskyy']);
    expect(a.map((x) => x.quote)).toEqual([false, true, true, false, true]);
  });

  it('does not take a name before a new subject as the speaker', () => {
    const a = attribute('After a call between Donald Trump and Vladimir Putin, both sides now say they are ready.');
    expect(a[0]?.speaker).toBeUndefined();
  });
});

describe('titles', () => {
  const body = [
    'US President Donald Trump said on Tuesday that Kyiv could win back all of Ukraine in its original form, in a shift on the peace talks.',
    'Ukrainian President Volodymyr Zelensky said the remarks were a positive signal for the talks on a ceasefire.',
  ];
  const titleOf = (input: { text: string; title?: string }) => analyzed({ ...input, sourceName: 'Test Wire', publishedAt: '2025-09-23T18:00:00Z' }, new Date('2025-09-24T07:00:00Z')).title;

  it('takes a label of how new the news is ("Breaking:", "Latest:", "LIVE UPDATES:") off the headline, from the page or the text', () => {
    expect(titleOf({ text: body.join('\n'), title: 'Breaking: Kyiv can win all of Ukraine back from Russia, Trump says' })).toBe('Kyiv can win all of Ukraine back from Russia, Trump says');
    expect(titleOf({ text: ['LIVE UPDATES: Trump says Kyiv can win all of Ukraine back', ...body].join('\n') })).toBe('Trump says Kyiv can win all of Ukraine back');
    expect(titleOf({ text: body.join('\n'), title: 'Big News: US and Ukraine call Miami talks productive despite no breakthrough' })).toBe('US and Ukraine call Miami talks productive despite no breakthrough');
    expect(titleOf({ text: body.join('\n'), title: 'NEWS ALERT: Trump says Kyiv can win all of Ukraine back' })).toBe('Trump says Kyiv can win all of Ukraine back');
    // A wire service's slug, glued to the headline by a hyphen.
    expect(titleOf({ text: body.join('\n'), title: 'Exclusive-US slows sale of Lukoil assets amid Ukraine peace push' })).toBe('US slows sale of Lukoil assets amid Ukraine peace push');
    expect(titleOf({ text: body.join('\n'), title: 'UPDATE 2-Kremlin says Trump remarks on Ukraine are positive' })).toBe('Kremlin says Trump remarks on Ukraine are positive');
    expect(titleOf({ text: body.join('\n'), title: 'Analysis-Russia-Ukraine talks stall' })).toBe('Russia-Ukraine talks stall');
    // A label with too little after it, and a colon that is the headline's own, stay.
    expect(titleOf({ text: body.join('\n'), title: 'Latest: Ukraine talks' })).toBe('Latest: Ukraine talks');
    expect(titleOf({ text: body.join('\n'), title: 'New START: Russia and US let the last arms treaty lapse' })).toBe('New START: Russia and US let the last arms treaty lapse');
  });
});

describe('dates', () => {
  const published = new Date('2025-05-20T09:00:00Z'); // a Tuesday
  it('resolves weekday, yesterday and explicit dates against the publication date', () => {
    expect(dateMentioned('The leaders spoke on Monday.', published)?.date).toBe('2025-05-19');
    expect(dateMentioned('The leaders spoke yesterday.', published)?.date).toBe('2025-05-19');
    expect(dateMentioned('The call took place on May 19.', published)?.date).toBe('2025-05-19');
    expect(dateMentioned('On 16 May 2025 the delegations met.', published)?.date).toBe('2025-05-16');
  });
  it('prefers a dateline, then the lead, then the publication date', () => {
    expect(resolveEventDate('KYIV, May 18 (Wire) - Drones hit the city.', ['Drones hit the city.'], published).date).toBe('2025-05-18');
    expect(resolveEventDate('x', ['Putin and Trump spoke on Monday.'], published)).toEqual({ date: '2025-05-19', from: 'text' });
    expect(resolveEventDate('x', ['Talks continue.'], published)).toEqual({ date: '2025-05-20', from: 'published' });
  });
});

describe('relevance', () => {
  const story = ceasefireStory();
  const now = new Date('2025-06-01T00:00:00Z');
  for (const [file, why] of [
    ['hamas-ceasefire.txt', /story names/],
    ['central-bank.txt', /keywords/],
    ['football.txt', /something else/],
  ] as const) {
    it(`rejects the off-story article ${file} with a reason and score`, () => {
      const r = analyzeArticle({ text: fixture(file), sourceName: 'Wire', publishedAt: '2025-05-28T10:00:00Z' }, story, now);
      expect(r.ok).toBe(false);
      if (r.ok || !r.rejected) throw new Error('expected a rejection');
      expect(r.reason).toMatch(why);
      expect(r.score).toBeLessThan(0.5);
    });
  }

  it('accepts an on-story article and tags facts with questions and watch items', () => {
    const r = analyzeArticle({ text: fixture('istanbul-talks.txt'), sourceName: 'Wire', publishedAt: '2025-05-16T18:00:00Z' }, story, now);
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.article.occurredAt).toBe('2025-05-16');
    expect(r.article.facts.length).toBeGreaterThan(2);
    expect(r.article.facts.length).toBeLessThanOrEqual(8);
    expect(r.article.facts.some((f) => f.questions?.includes('territory'))).toBe(true);
  });
});

describe('signals', () => {
  const story = ceasefireStory();
  it('moved on a change of position, open otherwise, contested when sources disagree', () => {
    const moved = proposeSignals([{ text: 'Zelenskyy proposed a meeting in Kyiv.', source: 'a', questions: ['ukraine-response'] }], story);
    expect(moved[0]).toMatchObject({ question: 'ukraine-response', status: 'moved', fact: 'f1' });
    const open = proposeSignals([{ text: 'Territory remains the main issue.', source: 'a', questions: ['territory'] }], story);
    expect(open[0]?.status).toBe('open');
    const contested = proposeSignals(
      [
        { text: 'Russia agreed to withdraw from the Kherson region, a Ukrainian official said.', source: 'a', questions: ['territory'] },
        { text: 'The Kremlin denied that Russia would withdraw from any territory.', source: 'b', questions: ['territory'] },
      ],
      story,
    );
    expect(contested[0]?.status).toBe('contested');
  });
});

describe('sentence offsets (property)', () => {
  it('every sentence is the exact slice of the text at its offsets, in order, without overlap', async () => {
    const fc = await import('fast-check');
    const word = fc.constantFrom('Putin', 'said', 'the', 'U.S.', 'Mr.', 'J.', '1.5', '“talks.”', '"yes,"', 'Kyiv.', 'agreed!', 'why?', '\n', '—', 'St.', '(AP)');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 60 }), (words) => {
        const text = words.join(' ');
        let last = 0;
        for (const s of splitSentences(text)) {
          expect(text.slice(s.start, s.end)).toBe(s.text);
          expect(s.start).toBeGreaterThanOrEqual(last);
          last = s.end;
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('when a forward-looking fact is due', () => {
  const published = new Date('2025-04-28T12:00:00Z'); // a Monday
  it('takes a written date ahead over a weekday that says when the plan was told', () => {
    expect(watchOf('The truce will take place from May 8 to May 10, according to a statement released by the Kremlin on Monday.', published).due).toBe('2025-05-08');
    expect(watchOf('The next round of talks will be held on Feb. 17-18 in Geneva, Moscow and Kyiv confirmed on Sunday.', new Date('2026-02-08T12:00:00Z')).due).toBe('2026-02-17');
  });
  it('still reads a weekday ahead when no date is written', () => {
    expect(watchOf('Talks will resume on Thursday in Istanbul.', published).due).toBe('2025-05-01');
    // Published on a Monday: "on Monday" is next week's, "later on Monday" that very day's.
    expect(watchOf('The ministers will meet again on Monday.', published).due).toBe('2025-05-05');
    expect(watchOf('Details were expected to be released later on Monday.', published).due).toBe('2025-04-28');
    // Published in the small hours of a Thursday (UTC), written the evening before: "on Thursday" is that day.
    expect(watchOf('Witkoff will meet Umerov for talks in Miami on Thursday.', new Date('2025-12-04T01:51:38Z')).due).toBe('2025-12-04');
    expect(watchOf('Witkoff will meet Umerov for talks in Miami next Thursday.', new Date('2025-12-04T01:51:38Z')).due).toBe('2025-12-11');
  });
  it('marks a horizon set from a vague phrase as no day the source named, and no briefing prints it', () => {
    expect(watchOf('The delegations agreed to continue trilateral discussions in the coming weeks.', published)).toEqual({ due: '2025-05-28', approx: true });
    expect(watchOf('A deal could come within days, Witkoff said.', published)).toEqual({ due: '2025-05-05', approx: true });
    expect(watchOf('Talks will resume on Thursday in Istanbul.', published)).toEqual({ due: '2025-05-01' });
    expect(watchOf('The truce will take place from May 8 to May 10.', published)).toEqual({ due: '2025-05-08' });
    expect(watchOf('Talks are expected at some point.', published)).toEqual({});
    const rec: EventRecord = {
      id: 'talks',
      story: 'ukraine-ceasefire',
      title: 'Talks to continue',
      occurredAt: '2025-04-28',
      sources: [{ id: 'wire', name: 'Wire' }],
      facts: [
        { text: 'Russia, Ukraine and the United States held a second round of talks in Abu Dhabi on Monday.', source: 'wire' },
        { text: 'The delegations agreed to continue trilateral discussions in the coming weeks.', source: 'wire', watch: { due: '2025-05-28', approx: true } },
      ],
    };
    const b = buildBriefing({ story: sampleStory(), events: [rec], signals: [], now: new Date('2025-04-29T07:00:00Z') });
    // Reported before this window, it is something to watch, with no day printed.
    const next: EventRecord = {
      ...rec,
      id: 'exchange',
      title: 'Prisoners exchanged',
      occurredAt: '2025-05-01',
      facts: [{ text: 'Russia and Ukraine exchanged 205 prisoners of war on Thursday, the Ukrainian ombudsman said.', source: 'wire' }],
    };
    const later = buildBriefing({ story: sampleStory(), events: [rec, next], signals: [], now: new Date('2025-05-02T07:00:00Z') });
    for (const x of [b, later]) {
      expect(renderText(x)).toContain('in the coming weeks');
      expect(renderText(x)).not.toMatch(/\(due /);
    }
    expect(later.watch.map((w) => [w.text, w.due])).toEqual([['The delegations agreed to continue trilateral discussions in the coming weeks.', undefined]]);
  });
});
