import { extractEntities, isTitleWord, personMentions, resolvePerson, type Person } from './entities.js';
import { pronounFits } from './name-finder.js';
import { foldsLikeLowerCase } from './keywords.js';
import { hasFiniteVerb } from '../text/finite-verb.js';
import { allMatches } from '../text/matches.js';
import { escapeRegExp } from '../text/keyword-pattern.js';
import type { Sentence } from './sentences.js';
import { sideOfName } from '../briefing/sides.js';
import type { Side } from '../records/schema.js';

/** A quotation inside a sentence (offsets relative to the sentence, including the quote marks). */
export interface QuoteSpan {
  start: number;
  end: number;
  /** The words inside the quote marks. */
  inner: string;
}

/** Who a sentence attributes its words to. */
export interface Attribution {
  speaker?: string;
  /** The sentence contains a direct quote of `speaker`. */
  quote: boolean;
  /** Quotations found in the sentence (with or without a speaker). */
  quotes: QuoteSpan[];
}

/**
 * Verbs that report speech or a stated position. Lower case only: "the United States" and "the Baltic States" are
 * no reports (a report that opens its sentence with its verb is rare in news: "Said Trump: …").
 */
export const REPORTING_VERB =
  /\b(?:said|says|say|told|tells|added|adds|noted|notes|stated|states|warned|warns|announced|announces|insisted|insists|claimed|claims|described|describes|confirmed|confirms|wrote|writes|tweeted|posted|repeated|repeats|argued|argues|stressed|stresses|urged|urges|asked|asks|declared|declares|explained|explains|acknowledged|acknowledges|admitted|admits|suggested|suggests|proposed|proposes|proposing|denied|denies|promised|promises|vowed|vows|pledged|pledges|mentioned|mentions|emphasi[sz]ed|emphasi[sz]es|reiterated|reiterates|rejected|rejects|dismissed|dismisses|threatened|threatens|hinted|hints|expressed|expresses|responded|replied|signalled|signaled|accused|accuses|demanded|demands|offered|offers|echoed|echoes|assured|assures|characteri[sz]ed|characteri[sz]es|reported|termed|indicated|indicates|remarked|asserted|asserts|affirmed|affirms|pointed out|points out|questioned|revealed|reveals|disclosed|discloses|proclaimed|proclaims|cautioned|cautions|commented|berated|retorted|lectured|reminded|hailed|hails|concluded|clarified|clarifies|praised|praises|lamented|informed|highlighted|highlights|contended|conceded|welcomed|welcomes|speculated|outlined|voiced|blasted|slammed|critici[sz]ed|condemned|denounced|(?:is|was|remains) (?:confident|convinced)|called (?:for|on)|(?:gave|given|issued|delivered)(?: [A-Z][A-Za-z’'-]*)? an? (?:ultimatum|warning)|took to (?:social media|X|Telegram|Truth Social|Facebook|Twitter|Instagram) to (?:say|write|announce|declare)|shared(?=\s+(?:on|via)\s+(?:X|Telegram|Truth Social|Facebook|Twitter|Instagram|social media)\b)|(?<=,\s)(?:saying|adding|stressing|insisting|noting|warning|stating|emphasi[sz]ing))\b/g;

/**
 * A name right after a preposition is an object ("met with Trump as …"), not the subject of a verb after it; "of" in
 * a title ("Secretary of State Marco Rubio") does not count.
 */
const AFTER_PREPOSITION =
  /(?:\b(?:with|to|by|from|for|about|against|at|on|than|toward|towards|between|among|into|onto|upon|without|beside|alongside|under|over|behind|via|including|like)|(?<!\p{Lu}[\p{L}.'’-]*\s)\bof)\s+(?:(?:the|a|an|\p{Lu}[\p{L}.'’-]*)\s+){0,3}$/u;

/** What joins a name to one before it: "… Vladimir Putin and Ukrainian President " (titles may stand between). */
const JOINED_NAME = /\s*(?:,\s*)?\band\s+(?:(?:the|\p{Lu}[\p{L}.'’-]*)\s+){0,3}$/u;

/**
 * Is the name at `start` an object: after a preposition or a verb, or joined by "and" to one that is ("Trump spoke by
 * phone with Russian President Vladimir Putin and Ukrainian President Volodymyr Zelenskyy … and announced …")?
 */
function objectAt(text: string, mentions: ReadonlyArray<{ start: number; end: number }>, start: number, depth = 0): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  if (AFTER_PREPOSITION.test(before) || OBJECT_OF_VERB.test(before)) return true;
  const joined = depth < 3 ? JOINED_NAME.exec(text.slice(0, start)) : null;
  const first = joined ? mentions.find((o) => o.end === joined.index) : undefined;
  return first !== undefined && objectAt(text, mentions, first.start, depth + 1);
}

/**
 * A name right after a verb in the past is its object: "He also thanked Trump and added …" is not Trump's, nor
 * "after he met Putin, said …". Titles may stand between ("thanked US President Donald Trump").
 */
const OBJECT_OF_VERB =
  /\b(?:\p{Ll}{3,}ed|met|told|called|urged|asked|invited|hosted|praised|warned|accused|visited|thanked|criticized|criticised)\s+(?:(?:US|U\.S\.|Russian|Ukrainian|French|British|German|President|Prime|Minister|Foreign|Secretary|Chancellor|Mr\.?|Ms\.?|Mrs\.?)\s+){0,3}$/u;

/** What follows "responded" or "replied" when the reply was a deed: "by hitting", "with a missile strike". */
const ACT_IN_REPLY =
  /^\s+(?:by\s+\p{L}+ing\b|with\s+(?:(?:a|an|more|new|its|their|his|her|massive|further|fresh)\s+)*(?:wave\s+of\s+)?(?:strikes?|attacks?|force|missiles?|drones?|sanctions|tariffs|fire|shelling|bombing|raids?|troops)\b)/iu;

/** The verbs of an attribution that closes a sentence. */
const TAIL_VERBS = String.raw`(?:also\s+|later\s+)?(?:said|says|told|added|wrote|stated|declared|noted|stressed|insisted|warned|explained|announced|vowed|replied|remarked|affirmed|asserted|pointed out|cautioned|commented|reminded)\b`;
/** "…, he said." "…,” Peskov told reporters on Monday." "…," the Kremlin said in a statement.": who speaks, last. */
// (A title's "of" may stand inside the name's run: "…, Secretary of State Antony Blinken said on Tuesday.")
// A named speaker may close it in the perfect ("…, Ukrainian President Volodymyr Zelensky has said."); a pronoun's
// "he has stated that …" is a clause of the sentence's own subject, not a closing attribution.
const TRAILING_ATTRIBUTION = new RegExp(
  String.raw`[,”"’]\s*(?:(?:he|she|it|(?:the\s+)?\p{Lu}[\p{L}.'’-]*(?:\s+(?:of\s+(?:the\s+)?)?\p{Lu}[\p{L}.'’-]*){0,6})\s+${TAIL_VERBS}[^.;:!?]{0,60}|(?:the\s+)?\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,6}\s+(?:has|had)\s+said\b[^.;:!?]{0,30})[.!?]["”’]?\s*$`,
  'u',
);

/** The verb of a {@link TRAILING_ATTRIBUTION}, after its speaker. */
const TAIL_VERB = new RegExp(String.raw`\s(?:${TAIL_VERBS}|(?:has|had)\s+said\b)`, 'u');

/** {@link REPORTING_VERB} for the attribution's own exec loop (its lastIndex is that loop's). */
const REPORTING_VERB_SCAN = new RegExp(REPORTING_VERB.source, REPORTING_VERB.flags);

/** The words between a name and its verb: an adverb, an auxiliary, a day ("Putin on Monday, June 2, said"). */
const BEFORE_VERB = String.raw`^[\s,]*(?:(?:also|then|later|again|reportedly|publicly|once|has|have|had|\p{Ll}+ly|on\s+\p{Lu}\p{Ll}+(?:,\s+\p{Lu}\p{Ll}+\s+\d{1,2}(?:,\s+\d{4})?,?)?)\s+)*`;
/** A reporting verb right after a name, past adverbs and auxiliaries: "Trump on Wednesday accused", "Putin has said". */
const SPEAKS_NEXT = new RegExp(`${BEFORE_VERB}(?:${REPORTING_VERB.source})`, 'iu');
/**
 * The same, of words only ("said", "told", "wrote"): an outlet that reports what a person did ("the Wall Street Journal
 * reported that Putin had proposed a similar arrangement") gives its own report, which is no quotation of the person.
 */
const SAYS_WORDS =
  'said|says|told|tells|stated|states|added|adds|wrote|writes|warned|warns|insisted|insists|noted|notes|declared|declares|stressed|stresses|explained|explains|claimed|claims|argued|argues|asserted|asserts|announced|announces|confirmed|confirms|remarked|commented|tweeted|posted';
const SAYS_NEXT = new RegExp(`${BEFORE_VERB}(?:${SAYS_WORDS})\\b`, 'iu');
/** One of those words. */
const SAYS_WORD = new RegExp(`^(?:${SAYS_WORDS})$`, 'i');

/**
 * A body the article's lists of names do not hold, as the subject of its clause: "But the Holy See says", "Downing
 * Street said" (two capitalised words at least, the last no title: "Officials said", "the PM said", "South African
 * President said" are nobody named, or a role).
 */
const UNLISTED_BODY_SUBJECT =
  /^\s*(?:(?:But|And|Yet|Still|Meanwhile|However|Now),?\s+)?(?:[Tt]he\s+)?(?!(?:The|An?|Another|This|That|These|Those|Some|Many|Most|Several|Both|All)\s)((?:\p{Lu}[\p{L}'’.&-]*\s+){1,3}(\p{Lu}[\p{L}'’.&-]*)\s+)(?:(?:also|again|now|later|then|has|have|had)\s+)?$/u;

/**
 * A view or intent held, as an outlet reports it ("According to Reuters, Mr. Putin sees the war as …"): the person's
 * position, where an act ("According to an American outlet, Rubio skipped the talks") is the outlet's report.
 */
const HOLDS_NEXT =
  /^[\s,]*(?:(?:also|still|now|reportedly|\p{Ll}+ly)\s+)*(?:sees|saw|believes|believed|thinks|thought|considers|considered|views|viewed|regards|regarded|wants|wanted|hopes|hoped|expects|expected|intends|intended|plans|planned|feels|felt|opposes|opposed|supports|supported|favou?rs|favou?red|(?:is|was|are|were|remains|remained)\s+(?:not\s+)?(?:ready|willing|prepared|open|against|opposed|determined|reluctant|unwilling))\b/u;

/** "with French President Emmanuel Macron warning that", "with Peskov saying". */
const WITH_SAYING_VERBS = String.raw`(?:warning|saying|stating|insisting|arguing|adding|noting|declaring|telling|stressing|claiming|vowing|pledging|promising|calling|urging|writing)`;
// (Set off by a comma, the name may carry its office: "…, with Dmitry Medvedev, deputy chairman of Russia’s security
// council, calling it …".)
const WITH_NAME_SAYING = new RegExp(
  String.raw`\bwith\s+(?:[\p{L}.'’-]+\s+){1,6}?${WITH_SAYING_VERBS}\b|,\s+with\s+(?:[\p{L}.'’-]+,?\s+){1,12}?${WITH_SAYING_VERBS}\b`,
  'u',
);

/** "quoted Lavrov as saying", "quoted Kremlin spokesman Dmitry Peskov as saying". */
const QUOTED_AS_SAYING = /\bquot(?:ed|es|ing)\s+(?:[\p{L}.'’-]+\s+){1,6}?as\s+saying\b/u;

/** A news outlet, by name or by kind: what it reports it relays. */
const MEDIA =
  /\b(?:Reuters|AP|AFP|Associated Press|Bloomberg|CNN|BBC|NBC|CBS|ABC|Fox|Sky News|Axios|Politico|Semafor|NPR|Newsweek|Times|Post|Journal|Guardian|Telegraph|Independent|Financial Times|FT|WSJ|NYT|Al Jazeera|TASS|RIA|Interfax|Xinhua|Anadolu|dpa|DW|Suspilne|Ukrinform|UNIAN|Kommersant|Izvestia|Pravda|Meduza|newspapers?|outlets?|agency|agencies|media|channel|television|TV|radio|daily|magazine|website|publication)\b/u;

/** Nouns for a source nobody names: "sources", "officials", "people familiar with …". */
const UNNAMED_NOUN = '(?:sources?|officials?|diplomats?|analysts?|people|aides?|insiders?|experts?|observers?|reports?|media|agencies|outlets?)';

/**
 * Unnamed sources and their verb before a pronoun ("Trusted Kremlin insiders suggest he remains confident …"): the
 * pronoun is whom they report on, not a speaker.
 */
const UNNAMED_CLAIM = new RegExp(
  String.raw`\b${UNNAMED_NOUN}\s+(?:also\s+)?(?:say|says|said|suggest|suggests|suggested|believe|believes|believed|claim|claims|claimed|report|reports|reported|indicate|indicates|indicated|think|thinks|thought|told\s+\S+)\s+(?:that\s+)?$`,
  'iu',
);
/** "…, undisclosed sources told CNN.", "…, two officials familiar with the talks said.": a closing attribution to no one named. */
const TRAILING_UNNAMED = new RegExp(
  // (The words before may hold stops: "…,” an anonymous U.S. official allegedly told CBS News.")
  String.raw`,\s*(?:[\p{L}\d.-]+\s+){0,3}${UNNAMED_NOUN}\s+(?:[\p{L}-]+\s+){0,4}?(?:said|say|says|told|tell|added|reported|report|confirmed|noted)\b[^.;:!?]{0,60}[.!?]["”’]?\s*$`,
  'u',
);

/**
 * Unnamed sources opening the sentence with their verb: "The sources reportedly stated that Trump reminded Putin …",
 * "Sources said Trump urged …": what follows is their account, no named subject's.
 */
const OPENING_UNNAMED = new RegExp(
  String.raw`^(?:(?:the|two|three|several|some|other|multiple|many)\s+)?(?:[\p{L}-]+\s+){0,2}?(?:sources?|officials?|insiders?)\s+(?:(?:also|reportedly|privately|later)\s+)?(?:said|say|says|stated|told\s+\S+|reported|claimed|claim|indicated|suggested|added)\b`,
  'iu',
);

/** ", to which Zelensky responded:", "to which the Ukrainian president replied". */
const TO_WHICH_ANSWERED = /\bto which\s+(?:[\p{L}.'’-]+\s+){1,5}?(?:responded|replied|answered|said|retorted)\b/u;

/** "…, they said.": a closing attribution to sources the sentence before named as a group. */
const TRAILING_THEY = /,\s*they\s+(?:also\s+)?(?:said|say|added|told\s+[\p{L} ]{2,30})[.!?]["”’]?\s*$/u;

/** Role nouns a report refers back to a named person by; each word matched with either first letter. */
const ROLE_WORDS = [
  'head of state', 'prime minister', 'foreign minister', 'defence minister', 'defense minister', 'secretary of state', 'press secretary',
  'foreign secretary', 'defence secretary', 'defense secretary',
  'president', 'leader', 'chancellor', 'minister', 'spokesman', 'spokeswoman', 'spokesperson', 'envoy', 'adviser', 'advisor', 'aide',
];
const ROLE = `(?:${ROLE_WORDS.map((r) => r.replace(/\b(\p{Ll})/gu, (c) => `[${c}${c.toUpperCase()}]`)).join('|')})`;
/** A role's country or body before it: "Russian", "Kremlin", and written with stops, "U.S.". */
const QUALIFIER = String.raw`\p{Lu}(?:\p{L}|\.(?=\p{L}|\s))+`;
/** A role with the country or body that qualifies it, each captured: "Russian president", "U.S. president". */
const QUALIFIED_ROLE = `(?:(${QUALIFIER})\\s+)??(${ROLE})`;
/** A closing attribution to a role: "…, the president added.", "…, the Russian foreign minister said on Sunday." */
const TRAILING_ROLE = new RegExp(
  `[,”"’]\\s*[Tt]he\\s+${QUALIFIED_ROLE}\\s+(?:${TAIL_VERBS}|concluded\\b)[^.;:!?]{0,60}[.!?]["”’]?\\s*$`,
  'u',
);
/** After an inverted verb: "… added the US president", "said the Ukrainian leader". */
const INVERTED_ROLE = new RegExp(`^\\s+the\\s+${QUALIFIED_ROLE}\\b(?!\\s+(?:of\\s+)?\\p{Lu})`, 'u');
/** A role right before a name: "Russian President Vladimir Putin", "Kremlin spokesman Dmitry Peskov". */
const ROLE_BEFORE_NAME = new RegExp(`(?:\\b(${QUALIFIER})\\s+)??(${ROLE})\\s*,?\\s*$`, 'u');
/** A role of a country right before a name: "President of Ukraine Volodymyr Zelensky" (the country is the qualifier). */
const ROLE_OF_BEFORE_NAME = new RegExp(`\\b(${ROLE})\\s+of\\s+(?:the\\s+)?(\\p{Lu}\\p{L}+)\\s*,?\\s*$`, 'u');
/** A closing attribution to a country's role: "…,” the President of Ukraine said." */
const TAIL_ROLE_OF = new RegExp(`^\\s*[,”"’]*\\s*[Tt]he\\s+(${ROLE})\\s+of\\s+(?:the\\s+)?(\\p{Lu}\\p{L}+)`, 'u');
/** "the Russian president also", "the press secretary of the President of the Russian Federation", right before a verb. */
const ROLE_SUBJECT = new RegExp(`\\b[Tt]he\\s+${QUALIFIED_ROLE}(?:\\s+of\\s+[^,;]{1,60})?(?:\\s*,\\s+(?:a|an|the)\\s+[^,;]{1,60},)?\\s+(?:(?:also|then|later|again|\\p{L}+ly)\\s+)?$`, 'u');

/** A role with the indefinite article, right before its verb: "An East Wing spokesman said", "a senior US official told". */
const INDEFINITE_ROLE_SUBJECT = new RegExp(`\\b(?:[Aa]n?|[Aa]nother|[Oo]ne)\\s+(?:[\\p{L}.-]+\\s+){0,3}(?:${ROLE})\\s+(?:(?:also|then|later|again|\\p{L}+ly)\\s+)?$`, 'u');
/** A sentence opening on a qualified role with no article, right before its verb: "Kremlin spokesman also …". */
const BARE_ROLE_SUBJECT = new RegExp(`^\\s*(?:(?:But|And|Yet|However|Meanwhile|Later|Earlier),?\\s+)?(\\p{Lu}\\p{L}+)\\s+(${ROLE})\\s+(?:(?:also|then|later|again|\\p{L}+ly)\\s+)?$`, 'u');
/** A sentence that opens on a role: "The Ukrainian foreign minister also …", "But the Russian president …". */
const ROLE_OPENING = new RegExp(`^\\s*(?:(?:But|And|Yet|Still|However|Meanwhile|Later|Earlier),?\\s+)?[Tt]he\\s+${QUALIFIED_ROLE}\\b(?!\\s+of\\b)`, 'u');
/** A role cited as a source, the whole phrase: "the US President", "the Russian foreign minister". */
const ROLE_CITED = new RegExp(`^the\\s+(?:(${QUALIFIER})\\s+)?(${ROLE})\\s*$`, 'iu');
/**
 * The same with its country or owner in the possessive or after "of": "South Africa’s president", "Russia's foreign
 * minister", "Trump’s Ukraine envoy", "the President of Ukraine". Captured: the owner's last word, the role.
 */
const ROLE_CITED_OWNED = new RegExp(
  `^(?:(?:\\p{Lu}[\\p{L}.-]*\\s+){0,2}(\\p{Lu}[\\p{L}.-]*)['’]s\\s+(?:\\p{L}+\\s+){0,2}?(${ROLE})|the\\s+(${ROLE})\\s+of\\s+(?:the\\s+)?(?:\\p{Lu}\\p{L}+\\s+){0,2}?(\\p{Lu}\\p{L}+))\\s*$`,
  'u',
);

/** The role a source phrase cites ("the US President", "Russia's foreign minister"), with its qualifier or owner. */
function citedRole(phrase: string): { role: string; qualifier?: string; owned: boolean } | undefined {
  const plain = ROLE_CITED.exec(phrase);
  if (plain) return { role: plain[2] ?? '', ...(plain[1] ? { qualifier: plain[1] } : {}), owned: false };
  const owned = ROLE_CITED_OWNED.exec(phrase);
  if (!owned) return undefined;
  const qualifier = owned[1] ?? owned[4];
  return { role: owned[2] ?? owned[3] ?? '', ...(qualifier ? { qualifier } : {}), owned: true };
}

/** A role's country in one spelling: "US", "U.S." and "United States" (of which one word is seen) are one. */
function qualifierKey(word: string): string {
  const w = word.toLowerCase().replace(/\./g, '');
  return /^(?:us|states|american|america)$/.test(w) ? 'us' : w;
}

/**
 * Do two qualifiers name one country? The same key, or a country and its adjective: "russia" and "russian",
 * "ukraine" and "ukrainian", "china" and "chinese" share all but a short ending (not "iran" and "iraq", nor "austria"
 * and "australia").
 */
function sameQualifier(a: string | undefined, b: string): boolean {
  if (a === undefined) return false;
  if (a === b) return true;
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return n >= 4 && n >= short.length - 1 && long.length - n <= 3;
}

/** Roles that name the same post: a country's president is its leader and head of state. */
function roleKey(role: string): string {
  const r = role.toLowerCase();
  if (/^(?:president|leader|head of state)$/.test(r)) return 'leader';
  if (/^(?:spokes\w+|press secretary)$/.test(r)) return 'spokesperson';
  if (/^(?:adviser|advisor|aide)$/.test(r)) return 'adviser';
  return r;
}

interface RoleMention {
  key: string;
  /** The word before the role ("russian", "kremlin"), lower-cased, when there is one. */
  qualifier?: string;
  person: string;
  sentence: number;
}

/** Words that put a role in the past, right before it: "former", "ex-", "then-", "the late". */
const FORMER = /(?:\b(?:former|erstwhile|onetime|one-time|late|past)|\b(?:ex|then)-?)\s*$/i;

/** Every "<role> <name>" of the article, in order: who "the Russian president" is further down. */
function rolesOf(sentences: readonly Sentence[], people: readonly Person[]): RoleMention[] {
  const out: RoleMention[] = [];
  sentences.forEach((sentence, index) => {
    for (const m of personMentions(people, sentence.text)) {
      const before = sentence.text.slice(Math.max(0, m.start - 60), m.start);
      const r = ROLE_BEFORE_NAME.exec(before);
      const of = r ? null : ROLE_OF_BEFORE_NAME.exec(before);
      if (of && !FORMER.test(before.slice(0, of.index))) out.push({ key: roleKey(of[1] ?? ''), qualifier: qualifierKey(of[2] ?? ''), person: m.person.name, sentence: index });
      // A role someone held once is not theirs now: "former president Dmitry Medvedev" is not "the Russian leader".
      if (!r || FORMER.test(before.slice(0, r.index)) || FORMER.test(r[1] ?? '')) continue;
      out.push({ key: roleKey(r[2] ?? ''), ...(r[1] ? { qualifier: qualifierKey(r[1]) } : {}), person: m.person.name, sentence: index });
    }
  });
  return out;
}

/**
 * Who "the <qualifier> <role>" is: the person last given that role at or before this sentence, provided the role
 * (and its qualifier, when the reference has one) points at one person only; undefined when it is ambiguous.
 */
function roleHolder(roles: readonly RoleMention[], role: string, qualifier: string | undefined, sentence: number, sides?: readonly Side[]): string | undefined {
  const key = roleKey(role);
  const q = qualifier === undefined ? undefined : qualifierKey(qualifier);
  let fits = roles.filter((r) => r.key === key && r.sentence <= sentence && (q === undefined || sameQualifier(r.qualifier, q)));
  // "The Ukrainian foreign minister" after "its Foreign Minister, Dmytro Kuleba": the one given the role with no country,
  // if the story's sides do not put them on another side ("President Donald Trump" is no "Russian president" when
  // Putin is named without his title; a country no side names goes with people of no side).
  // Without sides, only below a head of state: presidents named without a country are too often of several.
  if (fits.length === 0 && qualifier !== undefined && (sides !== undefined || key !== 'leader')) {
    const side = sides !== undefined ? qualifierSide(qualifier, sides) : undefined;
    fits = roles.filter((r) => r.key === key && r.sentence <= sentence && r.qualifier === undefined && (sides === undefined || sideOfName(r.person, sides) === side));
  }
  const holders = new Set(fits.map((r) => r.person));
  return holders.size === 1 ? fits[0]?.person : undefined;
}

/** The side a country's adjective names ("Ukrainian" → kyiv), read from the story's sides as "<adjective> officials". */
function qualifierSide(qualifier: string, sides: readonly Side[]): string | undefined {
  for (const name of [qualifier, `${qualifier} officials`, `${qualifier} government`, `${qualifier} side`]) {
    const side = sideOfName(name, sides);
    if (side !== undefined) return side;
  }
  return undefined;
}

/** "…, he said:", "…, she told reporters": a pronoun speaking right after an "According to <outlet>," opening. */
const RELAYED_PRONOUN = /^,\s*(he|she)\s+(?:also\s+)?(?:said|says|told|added|stressed|noted|stated|explained|declared|warned|insisted|emphasi[sz]ed)\b/i;

/** An outlet reporting a clause: "Reuters reported that ", "the agency wrote on Monday that ". */
const OUTLET_RELAYS = /\b(?:reported|reports|wrote|writes|said|says)\s+(?:on\s+\p{Lu}\p{Ll}+\s+)?that\s+/u;
/** Between "that" and the person the outlet reports: a title at most ("US President"). */
const RELAYED_TITLE = /^(?:(?:the\s+)?(?:\p{Lu}[\p{L}.'’-]*|president|minister|leader|spokes\w+|envoy|chief|secretary)\s+){0,5}$/u;

/**
 * A relative clause's subject after a thing the sentence names: "… the Patriot defense system that Biden " (offered),
 * "… a claim that was immediately " (rejected by Kyiv).
 */
const RELATIVE_SUBJECT = /\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hese|[Tt]hose|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[\p{L}-]+\s+){0,3}\p{Ll}{3,}\s+(?:that|which)\s+(?:(?:\p{Lu}[\p{L}.'’-]*\s+){1,3}|(?:he|she|they|we|it)\s+|(?:was|were|is|are|has\s+been|had\s+been)\s+)(?:(?:had|has|have|once|also|just|previously|earlier|reportedly|immediately|quickly|swiftly)\s+)?$/u;

/** A sentence's opening clause of time, contrast or manner, up to its comma: "While not naming Medvedev, ". */
const OPENING_CLAUSE = /^(?:While|Although|Though|When|Whereas|Because|Since|After|Before|If|Once|Without|Despite|Unlike)\b[^,;.!?“”"]{1,100},\s+/u;

/** The conjunctions that open a subordinate clause whose subject "he" after it may be. */
const SUBORDINATOR = String.raw`(?:While|Although|Though|When|Whereas|Because|Since|After|Before|If|As|Once)`;

/** The subject of an opening subordinate clause is who "he" is after it: "While Mr Zelensky did not respond, he …". */
const SUBORDINATE_OPENING = new RegExp(String.raw`^${SUBORDINATOR}\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+|(?:\p{Lu}[\p{L}.'’-]*\s+){1,3})?$`, 'u');

/**
 * The same with the subject described before its name, told by the auxiliary after it: "When staunch Trump crony Sen.
 * Lindsey Graham was asked about it yesterday, he claimed …". No preposition or verb of asking before the name: "When
 * talks with Putin had ended, he …" and "When asked about Putin, he …" are about someone else.
 */
const DESCRIBED_SUBORDINATE_OPENING = new RegExp(
  String.raw`^${SUBORDINATOR}\s+(?:(?!(?:with|of|to|for|about|against|between|by|from|on|in|at|over|under|after|before|and|or|but|that|asked|told|said)\s)[\p{L}.'’-]+\s+){1,6}$`,
  'u',
);
const AUXILIARY_NEXT = /^\s+(?:was|were|is|are|has|have|had|did|does|would|will|could|can|may|might|should)\b/;

/** A name that is the subject of a sentence's opening subordinate clause ("While Mr Zelensky did not respond, he …"). */
function subordinateSubject(outside: string, start: number, end: number): boolean {
  const before = outside.slice(0, start);
  return SUBORDINATE_OPENING.test(before) || (DESCRIBED_SUBORDINATE_OPENING.test(before) && AUXILIARY_NEXT.test(outside.slice(end)));
}

/**
 * Between "According to X," and the person the main clause opens with: a title at most ("Kremlin spokesperson", "US
 * National Security Council spokesman").
 */
const TITLE_GAP = new RegExp(`^[\\s,]*,\\s*(?:(?:\\p{Lu}[\\p{L}.'’-]*|${ROLE}|spokes\\w+|chief|secretary|negotiator|official)\\s+){0,6}$`, 'u');

/** Words between "by" and the agent's name: a title or a possessive ("by Putin's foreign policy adviser"), no clause. */
const AGENT_GAP = /^(?:(?!(?:that|which|who|to|for|in|on|at|about|over|with|and)\s)[\p{L}'’.-]+\s+){0,5}$/u;

/** From a country or body to a person it titles: "U.S. Treasury Secretary ", "Russia's Foreign Minister " (no clause between). */
// (A role in lower case too: "stated by Kremlin spokesman Dmitry Peskov".)
const TITLE_AFTER_BODY = new RegExp(String.raw`^[\p{L}.'’-]+(?:['’]s)?\s+(?:(?:\p{Lu}[\p{L}.'’-]*|of|the|for|${ROLE})\s+){1,5}$`, 'u');

/** From an organisation to a name in apposition to the phrase it ends: "Ukrainian delegation, Defense Minister ". */
const APPOSITION_GAP = /^[^,;.]{1,60},\s*(?:[\p{L}.'’-]+\s+){0,4}$/u;

/** "according to diplomatic sources", "according to people familiar with the matter": a source nobody names. */
const UNNAMED_SOURCE = new RegExp(String.raw`^(?:[\p{L}\d.-]+\s+){0,3}${UNNAMED_NOUN}\b`, 'iu');
/** One or more people nobody names, whatever country they are of: "a U.S. official", "two Ukrainian diplomats". */
const UNNAMED_PERSON_SOURCE = /^(?:[\p{L}\d.-]+\s+){0,3}(?:officials?|diplomats?|aides?|insiders?|people)\b/iu;

const FILLER = /^(?:also|then|later|again|further|previously|reportedly|repeatedly|has|had|have|was|is|earlier|now|once|had\s+already|already|also\s+reportedly|on\s+\w+day|on\s+\w+|however|meanwhile|too|instead|nevertheless)$/i;
/** What a body speaks through, between its name and the verb: "A Russian Foreign Ministry statement said", "the Kremlin press service reported". */
const BODY_VOICE = /^(?:statement|readout|release|communiqu[eé]|spokes(?:man|woman|person)|press|service|office|secretary)$/i;

/** Curly, straight and single quotations, in the order they are looked for (compiled once: every sentence is searched). */
const QUOTATIONS: readonly RegExp[] = [/“([^”]{1,600})”/g, /(?<![\p{L}\p{N}])"([^"]{1,600})"/gu, /(?<![\p{L}\p{N}])‘([^’]{2,600}?)’(?![\p{L}])/gu];

/** Quotations in a sentence: “curly”, "straight" and ‘single’ (apostrophes are not mistaken for quote marks). */
export function findQuotes(sentence: string): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  for (const re of QUOTATIONS) {
    for (const m of allMatches(re, sentence)) {
      const inner = (m[1] ?? '').trim();
      if (!/\p{L}/u.test(inner)) continue;
      if (out.some((q) => m.index < q.end && m.index + m[0].length > q.start)) continue;
      out.push({ start: m.index, end: m.index + m[0].length, inner });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * A sentence that opens a quotation it does not close is quoted to its end: the first sentence of several quoted
 * together, or a quoted paragraph opening again on its mark ("“However, Russia has said repeatedly … that it has no
 * interest in participating in this first summit." under "…,” the foreign ministry in Bern said. “Switzerland has
 * always …"). "Russia has said" in it is the speaker's words, not an attribution. Not when the sentence still ends on
 * one ("“We are ready to talk, Zelensky said."): a closing mark the page lost.
 */
function withOpenTail(sentence: string, quotes: QuoteSpan[]): QuoteSpan[] {
  const open = /^\s*[“«]/.exec(sentence);
  if (!open || /[”»]/.test(sentence) || TRAILING_ATTRIBUTION.test(sentence)) return quotes;
  const start = open[0].length - 1;
  return [...quotes, { start, end: sentence.length, inner: sentence.slice(start + 1).trim() }].sort((a, b) => a.start - b.start);
}

/** The sentence with quoted passages blanked out (same length), so names and verbs inside quotes are ignored. */
function outsideQuotes(sentence: string, quotes: readonly QuoteSpan[]): string {
  let out = sentence;
  // A comma the quotation closes on ("calling the meeting “long overdue,” said") still closes the clause around it.
  for (const q of quotes) {
    const comma = q.end - q.start >= 2 && /,["”’»']$/.test(sentence.slice(q.start, q.end));
    out = out.slice(0, q.start) + ' '.repeat(q.end - q.start - (comma ? 1 : 0)) + (comma ? ',' : '') + out.slice(q.end);
  }
  return out;
}

export interface AttributionContext {
  people: readonly Person[];
  /** Other named subjects (organisations, countries) that can be speakers: "The Kremlin said". */
  subjects?: readonly string[];
  /** The text the sentences were split from (their offsets point into it), for marks the sentences leave out. */
  text?: string;
  /** The story's sides: "the Ukrainian foreign minister" is none of another side's people. */
  sides?: readonly Side[];
  /**
   * The page's title, for the holders of the roles it names ("Press Gaggle by President Trump"): a transcript's
   * "THE PRESIDENT:" label is theirs.
   */
  title?: string;
  /**
   * The article's headings in order, each with the person it introduces when it opens on one and says where they
   * spoke ("Secretary of State Marco Rubio on Meet the Press"): the quotations set out under it are theirs, to the
   * next heading.
   */
  headings?: ReadonlyArray<{ end: number; speaker?: string }>;
}

/** A heading that opens on someone and says where they spoke: "Secretary of State Marco Rubio on Meet the Press". */
const INTRODUCING_HEADING = /^((?:\p{Lu}[\p{L}.'’-]*\s+(?:of\s+(?:the\s+)?)?){0,7}\p{Lu}[\p{L}'’-]*)\s+(?:on|to|at|in|with)\s+(?:the\s+)?\p{Lu}/u;

/**
 * Whom a heading introduces: the person whose name ends its opening words before "on …" (titles may stand before the
 * name), by the fullest name `known` (the body's people, earlier headings') gives that surname.
 */
export function introducedBy(heading: string, known: readonly string[]): string | undefined {
  const m = INTRODUCING_HEADING.exec(heading.replace(/[*_#]+/g, '').trim());
  if (!m) return undefined;
  const opening = m[1] ?? '';
  const person = extractEntities(opening).people.at(-1)?.name;
  if (person === undefined || !opening.endsWith(person)) return undefined;
  return fullerName(person, known);
}

/** The first of `names` that is longer than `name` and ends on the same word ("Donald Trump" for "Trump"), else `name`. */
function fullerName(name: string, names: Iterable<string>): string {
  const surname = name.split(' ').pop();
  for (const k of names) if (k.length > name.length && k.split(' ').pop() === surname) return k;
  return name;
}

/** An unnamed someone reporting a quotation: "a European diplomat said", "two officials told Reuters". */
const SOMEONE_UNNAMED_SAID = /\b(?:an?|one|two|three|several|some)\s+(?:[\p{L}-]+\s+){0,3}?(?:said|says|told|added|noted|wrote)\b/iu;

/** A transcript's label by role alone: "THE PRESIDENT:", "THE VICE PRESIDENT:", "THE PRIME MINISTER:". */
const ROLE_LABEL = /^\s*THE\s+((?:VICE\s+)?PRESIDENT|PRIME\s+MINISTER|CHANCELLOR|SECRETARY(?:\s+OF\s+STATE)?|FIRST\s+LADY)\s*:\s/;

/** Any transcript label: a question's "Q", a name or role in capitals and a colon ("MR. PESKOV:", "PARTICIPANT:"). */
const ANY_LABEL = /^\s*(?:Q\b|QUESTION\b|[A-Z][A-Z.'’ -]{1,40}:\s)/;

/**
 * Who a title names in a role ("Remarks by President Biden and Chancellor Scholz": the president is Biden): the first
 * holder of each role, by name as written. "President" is not "Vice President"'s.
 */
function titleRoles(title: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (title === undefined) return out;
  const name = String.raw`(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2})`;
  const re = new RegExp(String.raw`(?<!\bVice\s+)\b((?:Vice\s+)?President|Prime\s+Minister|Chancellor|Secretary(?:\s+of\s+State)?|First\s+Lady)\s+${name}`, 'gu');
  for (const m of title.matchAll(re)) {
    const role = (m[1] ?? '').toUpperCase().replace(/\s+/g, ' ');
    if (!out.has(role)) out.set(role, m[2] ?? '');
  }
  return out;
}

/** An aside set off by commas, a place's region inside it included ("Vance, during a visit to Agra, India, told"). */
const COMMA_ASIDE = /^\s*,[^,]{1,160}(?:,\s*\p{Lu}[\p{L}.'’-]*)?,/u;
const COMMA_ASIDE_WHOLE = new RegExp(`${COMMA_ASIDE.source}\\s*$`, 'u');

/**
 * "Trump, who spoke to Putin, said" and "…met Trump, who said": a relative clause belongs to the name before it, an
 * object of the clause before too ("The delegation was led by Rustem Umerov, who said …").
 */
const RELATIVE_WHO = /^\s*,\s*who\s+(?:\p{L}+\s+){0,2}$/u;

/**
 * Can the words between a name and a verb belong to the name's clause? Either a few plain words ("Trump on Monday
 * said", "Zelenskyy says") or a parenthetical set off by commas ("Putin, for his part, said") — but not a new subject
 * after a single comma ("…and Vladimir Putin, both sides now say").
 */
function subjectGap(gap: string): boolean {
  if (RELATIVE_WHO.test(gap)) return true;
  // Asides set off by commas, brackets or dashes (typed as two hyphens too): "Rubio – who led the US team – said",
  // "Dmitriev -- who has led Moscow's contacts with Witkoff -- told reporters".
  const withoutAsides = gap
    .replace(COMMA_ASIDE, ' ')
    .replace(/^\s*\([^)]{1,80}\)/, ' ')
    .replace(/^\s+(?:[–—]|--)\s(?:(?!--)[^–—,]){1,120}\s(?:[–—]|--)\s/, ' ');
  // (A name right before an aside's closing dash is inside it: Witkoff above.)
  if (/[,(—–]|--/.test(withoutAsides)) return false;
  const words = wordsBetween(withoutAsides);
  // A predicate before the report, joined to it: "Sunak chose a different term and emphasized several times that …".
  if (words.length <= 12 && words[words.length - 1]?.toLowerCase() === 'and' && !/[;:.]/.test(withoutAsides)) return true;
  return words.length <= 4;
}

/** A name in the possessive before a noun ends at `end`: "Putin's press secretary", "Zelensky's chief of staff". */
function possessiveBeforeNoun(text: string, end: number): boolean {
  return /^['’]s\s+\p{Ll}/u.test(text.slice(end, end + 4));
}

/** A name in the possessive at `end` ("Trump's", "Putin’s"): what it owns is spoken of, the name does not speak. */
function possessiveAt(text: string, end: number): boolean {
  return /^['’]s\b/.test(text.slice(end, end + 3));
}

/** A name set off by commas right before the verb: "A presidential aide, Yury Ushakov, described the talks …". */
function closesApposition(text: string, start: number, end: number, verbAt: number): boolean {
  return /^\s*,\s*$/.test(text.slice(end, verbAt)) && /,\s*$/.test(text.slice(0, start));
}

/** A place after a preposition, then a comma: "… to Agra, " (before "India, told reporters"). */
const PLACE_BEFORE = /\b(?<!according\s)(?:in|to|at|from|near|outside|inside)\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)?\s*,\s*$/u;

/** A preposition or conjunction before a name: the name is no subject ("after meeting Trump", "between Putin and …"). */
const LEADING_PREPOSITION = /\b(?:of|for|with|to|from|about|against|over|between|among|by|after|before|during|and|or|but|than|like|as|on|in|at)\s/i;

/** The length of the titles right before a name: "Russian President " in "Meanwhile, Russian President Vladimir Putin". */
function titlesBefore(text: string, start: number): number {
  const m = /(?:(?:\p{Lu}[\p{L}.'’-]*|special|envoy|aide|adviser|advisor|spokes(?:man|woman|person)|of|the)\s+)+$/u.exec(text.slice(Math.max(0, start - 80), start));
  return m ? m[0].length : 0;
}

/** A name whose titles stand at a clause's start: "Meanwhile, Russian President Vladimir Putin". */
function afterTitlesAtClauseStart(text: string, start: number): boolean {
  const titles = titlesBefore(text, start);
  return titles > 0 && atClauseStart(text, start - titles);
}

/**
 * A name joined by a bare "and" to a name that is an object: "directed at him … by Trump and Vance a year ago was that
 * …" opens no clause on Vance. (After a comma, "…, and Putin said", it does.)
 */
function joinedToObject(text: string, mentions: ReadonlyArray<{ start: number; end: number }>, start: number): boolean {
  const and = /\s+and\s+$/.exec(text.slice(Math.max(0, start - 12), start));
  if (!and) return false;
  const at = start - and[0].length;
  const previous = mentions.find((o) => o.end === at);
  return previous !== undefined && objectAt(text, mentions, previous.start);
}

/** A subject at the start of a clause ("Russia also confirmed"), not inside one ("how Ukraine has responded"). */
function atClauseStart(text: string, start: number): boolean {
  const before = text.slice(0, start).trimEnd();
  // ("A Kremlin statement said": an article opening the sentence.)
  return before === '' || /^an?$/i.test(before) || /(?:[,;:—–]|\s-)$/.test(before) || /(?:^|\s)(?:but|and|yet|meanwhile|however)$/i.test(before);
}

/** Compiled subject patterns by name: every sentence of an article is searched for the same subjects. */
const subjectCache = new Map<string, RegExp>();

function subjectRegex(name: string): RegExp {
  let re = subjectCache.get(name);
  if (!re) {
    re = new RegExp(`(?<![\\p{L}])(?:the\\s+)?${escapeRegExp(name)}(?![\\p{L}])`, 'giu');
    if (subjectCache.size > 5000) subjectCache.clear();
    subjectCache.set(name, re);
  }
  return re;
}

function wordsBetween(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((w) => w.trim())
    .filter(Boolean);
}

/** Does any sentence of this one's paragraph name a person (an attribution further on, "…,” Peskov said.")? */
function paragraphNames(sentences: readonly Sentence[], index: number, people: AttributionContext['people']): boolean {
  const paragraph = sentences[index]?.paragraph;
  for (let i = index; i < sentences.length && sentences[i]?.paragraph === paragraph; i++) {
    // The quotation this paragraph opens with is the quoted person's words, whatever names it holds.
    const text = i === index ? (sentences[i]?.text ?? '').replace(/["“«][\s\S]*$/, '') : (sentences[i]?.text ?? '');
    if (personMentions(people, outsideQuotes(text, findQuotes(text))).length > 0) return true;
  }
  return false;
}

/** How far from a clause's start its time word may stand: "Speaking a day after …", "Shortly before …". */
const CLAUSE_LEAD_IN = String.raw`^\s*(?:speaking\s+)?(?:(?:a|one|two|three|\d+)\s+(?:day|days|hours?|weeks?)\s+|hours\s+|days\s+|shortly\s+|just\s+|soon\s+)?`;
/** The start of a clause of time or contrast, up to its verb: "A day after Russian President Vladimir Putin ". */
// (And a fronted question put to the speaker: "Asked to clarify what Rubio meant when he said …, a US official said …".)
const SUBORDINATE_REPORT = new RegExp(String.raw`${CLAUSE_LEAD_IN}(?:after|before|while|whereas|although|though|asked\s+(?:to|about|whether|if|what|how|why|when))\s`, 'i');
/** A conjunction of time and the capitalised subject right after it, before a verb: "… comments since Defence Minister Sergei Shoigu ". */
const TIME_CONJUNCTION_SUBJECT = /\b(?:since|after|before|following|until|if|whether)\s+(?:the\s+)?(?:\p{Lu}[\p{L}.'’-]*\s+){1,6}(?:(?:had|has|have|was|were|is|did|does|would|will|could)\s+)?$/u;

/** After a comma past `from`, a person the sentence names reports in a clause of their own ("…, Peskov said …"). */
function reportedAfter(outside: string, from: number, mentions: ReadonlyArray<{ start: number; end: number }>): boolean {
  const comma = outside.indexOf(',', from);
  if (comma < 0) return false;
  const verbAt = outside.slice(comma).search(REPORTING_VERB);
  return verbAt >= 0 && mentions.some((m) => m.start > comma && m.end <= comma + verbAt);
}
/** The same, of time only: "…, a day after President Vladimir Putin said he was open to talks." */
const AFTER_REPORT = new RegExp(String.raw`${CLAUSE_LEAD_IN}(?:after|before)\s`, 'i');
/** The text before a name ends in a list of names set off after a subject: ", including France’s Emmanuel Macron, …". */
function inNameList(before: string): boolean {
  const list = /,\s*(?:including|among them|such as)\s([^.;:]*)$/.exec(before);
  // ("…, including about 50 who were taken to Crimea, Verstka said": a clause, not a list; the name after it speaks.)
  return list !== null && !hasFiniteVerb(list[1] ?? '');
}

/** What "according to" names when it means "in keeping with": a plan, a framework, the terms, the law. */
// (Only where the norm's phrase ends, or goes on as a norm's does: "the framework agreed at …", "the letter of the law".
// "according to law professor Oona Hathaway", "the rules committee chairman" and "a letter Zelensky sent" cite people.)
const IN_KEEPING_WITH =
  /^(?:(?:the|a|an|this|that|its|their|his|her)\s+)?(?:\p{Ll}[\p{Ll}-]*\s+){0,2}?(?:framework|formula|plan|schedule|timetable|roadmap|terms|rules?|laws?|constitution|agreements?|deal|principles?|understandings?|procedures?|protocols?|model|criteria|logic|spirit|letter|format|parameters|provisions?|arrangements?|scenario|script)(?=\s*(?:[,.;:!?)]|$)|\s+(?:agreed|reached|signed|set|laid|adopted|approved|drawn|drafted|worked|outlined|proposed|endorsed|of|in|on|at|between|for|that|which|under|with|by)\b)/u;

/** A name used as a modifier of an unnamed source: "a Trump administration official", "a Putin aide". */
const NAME_AS_MODIFIER = /^\s+(?:administration|aides?|advisers?|advisors?|allies|ally|officials?|campaign|team|loyalists?|insiders?)\b/i;
/** A document named with its determiner: "the report", "a Kremlin statement", "this draft". */
const A_DOCUMENT = String.raw`(?:the|a|an|this|that)\s+(?:\p{L}+\s+){0,2}(?:report|statement|document|letter|text|post|message|communiqu[eé]|declaration|article|memo|note|draft|plan)`;
/** A document's own voice closing a quotation: "…,” reads the report.", "…,” the statement reads." */
const DOCUMENT_VOICE = new RegExp(String.raw`[”"’,]\s*(?:reads?\s+${A_DOCUMENT}|${A_DOCUMENT}\s+reads?)\b[^.!?]{0,60}[.!?]?["”’]?\s*$`, 'iu');
/**
 * A subject (given as pattern source) that opens its clause and stands right before the verb, up to three words between
 * them, which group 1 (or the last group) holds for the caller to check they are fillers.
 */
const clauseSubject = (subject: string): RegExp => new RegExp(String.raw`(?:^|[,;:]\s*|\b(?:but|and|however|meanwhile)\s+)${subject}\b((?:[\s,]+\w+){0,3})[\s,]*$`, 'i');
/** "…,” it said in a statement.", "However, it warned …": a body's "it". */
const IT_SUBJECT = clauseSubject('it');
/** A kind of body named without its name, as the subject before the verb: "The ministry added", "the office said". */
const THE_BODY = clauseSubject(String.raw`the\s+(ministry|office|agency|department|council|committee|embassy|service)`);
/** A person's office between their name and the verb: "'s office", "'s press service" (fillers may follow). */
const OWNED_OFFICE = /^(?:['’]s\s+((?:press\s+)?office|press\s+service|administration|government|cabinet|campaign)|\s+(administration|government|cabinet|campaign))(?:\s+(?:also|later|again|then|had|has|reportedly|earlier|now|however|meanwhile))*\s*$/i;
/** A role held for someone, right before that someone's name: "a presidential advisor to " (Volodymyr Zelenskiy). */
const ROLE_TO_NAME = new RegExp(`\\b(?:${ROLE})\\s+(?:to|for)\\s+(?:the\\s+)?$`, 'u');
/** A person's aide by role, after the person's name: "’s Ukraine envoy", "’s top adviser", "’s press secretary". */
const AIDE_OF_NAME = String.raw`['’]s\s+(?:(?:top|chief|special|senior|new|\p{Lu}[\p{L}.'’-]*)\s+){0,3}(${ROLE})`;
/** The aide between the person and the verb: "’s Ukraine envoy ", "’s top adviser also ". */
const POSSESSIVE_ROLE = new RegExp(String.raw`^${AIDE_OF_NAME}(?:\s+(?:also|later|again|then|reportedly|earlier|now|on\s+\p{Lu}\p{Ll}+))*\s*$`, 'u');
/** The aide after an inverted verb: "’s press secretary." of "said President Vladimir Putin's press secretary." */
const POSSESSIVE_ROLE_AFTER = new RegExp(String.raw`^${AIDE_OF_NAME}\b`, 'u');
/** A country or body in the possessive opening a clause, right before another body: "Russia's " of "Russia's Ministry of Defence". */
const OWNED_BODY = /(?:^|[,;:—–]\s*|\b(?:but|and|yet|meanwhile|however)\s+)((?:the\s+)?\p{Lu}[\p{L}.-]*['’]s)\s+$/u;
/**
 * A body of a country or of another body, named with its owner in the possessive and in lower case: "Ukraine’s air
 * force", "Russia's defence ministry", "the Kremlin's press service", "Belarus' foreign ministry".
 */
const OWNED_BODY_CITED =
  /^(?:the\s+)?\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*)?(?:['’]s|(?<=s)['’])\s+(?:\p{Ll}+\s+){0,2}(?:air force|armed forces|army|navy|military|general staff|border guard(?: service)?|border service|security service|intelligence(?: service| agency| directorate)?|ministry|office|parliament|government|embassy|mission|delegation|press service|national guard|coast guard|emergency service|prosecutor['’]s office|central bank)s?\s*$/u;
/**
 * Role words between a body and a person's name ("… Foreign Ministry spokeswoman Maria Zakharova"), lower-case or a
 * title's capitals ("NATO Secretary General Mark Rutte").
 */
const BODY_ROLE_GAP =
  /^\s+(?:(?:(?!(?:and|or|of|to|in|on|at|for|with|by|from|the|a|an|as|than)\s)\p{Ll}[\p{Ll}-]*|(?:Secretary|General|Secretary-General|Deputy|Minister|Foreign|Defen[cs]e|Spokes(?:man|woman|person)|Press|Chief|Head|Director|President|Chair(?:man|woman)?|Commissioner|Ambassador|Envoy|Special|Representative|Adviser|Advisor|Aide|Negotiator))\s+){1,4}$/u;
/** A line that gives a document's words: "The statement read:", "The text says:". */
const DOCUMENT_READS = /\b(?:statement|text|declaration|communiqu[eé]|readout|message|post|letter|decree|document)\s+(?:read|reads|says|said|stated|states)\s*:/i;
/** Reporting verbs of criticism. */
const CRITICISM = /^(?:blasted|slammed|critici[sz]ed|condemned|denounced|berated)$/i;
/** A clause of place or time that recalls an occasion: ", where …", ", when …", ", during which …". */
const RECALLED_CLAUSE = /^\s*(?:where|when|(?:in|during|at)\s+which)\s/i;
/** The last clause boundary of a text: a comma, semicolon or dash, or a spaced hyphen. */
const CLAUSE_BOUNDARY = /(?:[,;—–]|\s-\s)(?!.*(?:[,;—–]|\s-\s))/s;
/** A sentence that opens a quotation, perhaps after a label ("Quote: \"Now, yet again …"). */
const QUOTATION_START = /^(?:\p{Lu}\p{Ll}+:\s*)?["“«]/u;

/** Nothing, or titles before a label's name: capitalised words and the small words of a title ("Former U.S. Ambassador to Poland"). */
const LABEL_TITLES = /^(?:(?:\p{Lu}[\p{L}.'’-]*|of|to|for|the|and|on|at|in)\s+){0,8}$/u;

/** A sentence opening on "he" or "she" as its subject, perhaps after a connective ("But he offered …"). */
const PRONOUN_SUBJECT = /^\s*(?:(?:But|And|Yet|So|Then|Still|However|Meanwhile|Later|Earlier),?\s+)?(?:he|she)\s/i;

/**
 * Attribute each sentence to a speaker: `"…," Putin said`, `said Putin`, `Putin said the call was "frank"`,
 * `according to Putin`, and `He said …` where "he"/"she" is the last named speaker (or the first person named in the
 * previous sentence). Speakers are returned under the person's canonical name.
 */
export function attributeSentences(sentences: readonly Sentence[], ctx: AttributionContext): Attribution[] {
  const out: Attribution[] = [];
  // Each subject is looked for in every sentence: its lower-cased form and pattern are worked out once.
  const subjects = (ctx.subjects ?? []).map((name) => ({ name, lower: foldsLikeLowerCase(name) ? name.toLowerCase() : undefined, re: subjectRegex(name) }));
  const people = new Set(ctx.people.map((p) => p.name));
  // Paragraph state: "he"/"she" is the nearest person named before it in its paragraph; a paragraph that names no one
  // continues the one before (its speaker, else the last person it named); a quotation left open at the end of a
  // paragraph runs on into the next, with its speaker.
  let paragraph = -1;
  /** Who the last sentence of this paragraph was about: its speaker, else the person its first clause names. */
  let subjectHere: string | undefined;
  let before: string | undefined;
  let openQuoteSpeaker: string | undefined;
  let quoteOpen = false;
  /** The speaker of the previous sentence when it quoted somebody (a quotation paragraph after it is theirs too). */
  let lastQuoted: string | undefined;
  /** Whether this sentence starts a paragraph. */
  let newParagraph = false;
  /** This paragraph goes on with a quotation the one before left open. */
  let runOn = false;
  /** The open quotation began a sentence (a quotation set out as such, not a stray mark mid-sentence). */
  let quotedOpening = false;
  /** The speaker of the sentence before, and of the paragraph before's last sentence. */
  let lastSentenceSpeaker: string | undefined;
  let lastSpoke: string | undefined;
  // Read only when a sentence's subject is a role ("the Russian president"): most articles have none.
  let roles: RoleMention[] | undefined;
  /** The person named by a line ending in a colon, for the paragraph right under it. */
  let introduced: { name: string; reports: boolean; paragraph?: number; holds?: boolean } | undefined;
  /** The speaker a transcript label at the start of this paragraph names. */
  let labelled: string | undefined;
  /** The holders of the roles the page's title names, read at the first label by role. */
  let titleHolders: Map<string, string> | undefined;
  /** `labelled` came from a transcript's label, whose answer may run on over several paragraphs. */
  let runsOn = false;
  const headings = ctx.headings ?? [];
  /** How many headings lie before this sentence, and whom the last one introduces for this quoted paragraph. */
  let headingAt = 0;
  let underHeading: string | undefined;
  sentences.forEach((sentence, index) => {
    newParagraph = sentence.paragraph !== paragraph;
    if (newParagraph) {
      before = subjectHere ?? (paragraph < 0 ? undefined : before);
      openQuoteSpeaker = quoteOpen ? openQuoteSpeaker : undefined;
      // A quotation left open at the paragraph's end runs on into this one (often without a new opening mark).
      runOn = quoteOpen;
      lastSpoke = lastSentenceSpeaker;
      paragraph = sentence.paragraph;
      subjectHere = undefined;
      quoteOpen = false;
    }
    const quotes = withOpenTail(sentence.text, findQuotes(sentence.text));
    const outside = outsideQuotes(sentence.text, quotes);
    const mentions = personMentions(ctx.people, outside);
    // "Putin's press secretary stressed", "Trump's envoy said": a name in the possessive before a noun is not who speaks.
    const speakers = mentions.filter((m) => !possessiveBeforeNoun(outside, m.end));
    const lower = outside.toLowerCase();
    const foldsLikeLower = !outside.includes('ſ');
    // In a loop rather than a flatMap, which V8 runs several times slower: every subject for every sentence.
    const subjectMentions: Array<{ name: string; start: number; end: number }> = [];
    for (const subject of subjects) {
      // A cheap "not there" test first; exact only where lower-casing agrees with case-insensitive matching.
      if (foldsLikeLower && subject.lower !== undefined && !lower.includes(subject.lower)) continue;
      for (const m of allMatches(subject.re, outside)) subjectMentions.push({ name: subject.name, start: m.index, end: m.index + m[0].length });
    }
    // "He" is who the text is about: a person named earlier in the same sentence (its subject first), else the
    // subject of the sentence before in this paragraph, a quotation's speaker running on, or the paragraph before's.
    // (Never across sexes the first names tell: "She said …" is not Bernie Sanders', whoever the sentence before named.)
    // (`opening`, for a closing "he said": only the subject of an opening subordinate clause counts in the sentence,
    // "After Macron met Zelensky, “…,” he said." is Macron's, where "Putin is now fully informed, he added" is not
    // Putin's.)
    const resolvePronoun = (at: number, inSentence: boolean | 'opening' = true, pronoun?: string): string | undefined => {
      const fits = (name: string | undefined): name is string => name !== undefined && (pronoun === undefined || pronounFits(name, pronoun));
      // Only a subject earlier in the sentence ("Trump said he …"), not a possessive or an object ("in response to
      // Trump's criticism, he vowed").
      const subject = (m: { start: number; end: number }): boolean =>
        inSentence === 'opening'
          ? subordinateSubject(outside, m.start, m.end) && outside.slice(m.end, at).includes(',')
          : atClauseStart(outside, m.start) || afterTitlesAtClauseStart(outside, m.start) || subordinateSubject(outside, m.start, m.end);
      const here = inSentence !== false ? mentions.find((m) => m.end <= at && subject(m) && !possessiveAt(outside, m.end) && fits(m.person.name))?.person.name : undefined;
      const found = here ?? [subjectHere, openQuoteSpeaker, before].find(fits);
      return found === SOMEONE_UNNAMED ? undefined : found;
    };

    /** Who holds a role at this sentence (the article's roles read once, when first asked for). */
    const holderHere = (role: string, qualifier: string | undefined): string | undefined =>
      roleHolder((roles ??= rolesOf(sentences, ctx.people)), role, qualifier, index, ctx.sides);

    /** Whether the article gave `name` a role, and never this one. */
    const otherRoleHolder = (name: string | undefined, role: string): boolean => {
      const theirs = name === undefined ? [] : (roles ??= rolesOf(sentences, ctx.people)).filter((r) => r.person === name);
      return theirs.length > 0 && !theirs.some((r) => r.key === roleKey(role));
    };

    /** Who holds a role as someone's aide ("Trump's envoy"): the one the article gave the role, never its owner. */
    const aideOf = (role: string, owner: string): string | undefined => {
      const who = holderHere(role, undefined);
      return who === owner ? undefined : who;
    };

    /** The body ("the Kremlin", "Russia") the sentence before was given to: what "it" says. */
    const bodyBefore = (): string | undefined => (lastSentenceSpeaker !== undefined && !people.has(lastSentenceSpeaker) ? lastSentenceSpeaker : undefined);

    // An attribution closing the sentence decides it: "…, he said." / "…,” Peskov told reporters."
    // Only the sentence's end can hold it: searching from every position of a long sentence would cost more.
    const tailFrom = Math.max(0, outside.length - 110);
    const tailMatch = TRAILING_ATTRIBUTION.exec(outside.slice(tailFrom));
    const tail = tailMatch ? { index: tailMatch.index + tailFrom, 0: tailMatch[0] } : null;

    let speaker: string | undefined;
    // "…, the president added.", "…, the US treasury chief said.": a role the article gave a named person.
    const roleTail = tail ? null : TRAILING_ROLE.exec(outside.slice(tailFrom));
    if (roleTail) speaker = holderHere(roleTail[2] ?? '', roleTail[1]);
    if (tail) {
      const at = tail.index + (tail[0].length - tail[0].trimStart().length);
      // "Putin is now fully informed, he added": the one who speaks is not who the words are about (a speaker of
      // themselves says "I"), but the person the text was about before.
      const tailPronoun = /^\s*[,”"’]*\s*(he|she)\b/i.exec(tail[0]);
      const roleOf = TAIL_ROLE_OF.exec(tail[0]);
      const roleOfHolder = roleOf ? holderHere(roleOf[1] ?? '', roleOf[2]) : undefined;
      if (tailPronoun) speaker = resolvePronoun(tail.index, 'opening', tailPronoun[1]);
      else if (/^\s*[,”"’]*\s*it\b/i.test(tail[0])) speaker = bodyBefore();
      // "…,” the President of Ukraine said.": the person the article gave that role, not the country.
      else if (roleOfHolder !== undefined) speaker = roleOfHolder;
      else {
        // Who stands before the verb: a name after it is what was said ("the President stressed … the PURL program").
        const verbAt = tail.index + Math.max(0, tail[0].search(TAIL_VERB));
        const who = speakers.find((m) => m.start >= at - 2 && m.start < verbAt);
        const body = subjectMentions.find((m) => m.start >= at - 2 && m.start < verbAt);
        speaker = who?.person.name ?? body?.name;
      }
    }
    // A closing attribution to no one named ("…, undisclosed sources told CNN.") still says whose the sentence is: not
    // a name the reported clause mentions ("… sanctions that Trump threatened …").
    // ("…,” reads the report.": a document, which names no one, not the person quoted the paragraph before.)
    const unnamedTail = speaker === undefined ? TRAILING_UNNAMED.exec(outside.slice(tailFrom)) : null;
    const theyTail = speaker === undefined ? TRAILING_THEY.exec(outside.slice(tailFrom)) : null;
    const tailClose = unnamedTail ?? theyTail;
    const opening = speaker === undefined ? OPENING_UNNAMED.exec(outside) : null;
    // What a named subject "indicated" or "signalled" as the unnamed sources tell it is their account; one who "says" or
    // "said" it speaks ("Kyiv says that longer-range missiles are vital …, officials said later"). (Not "…, Kremlin aide
    // Yuri Ushakov said on August 7.": an aide the tail names is someone.)
    const closedByUnnamed =
      (tailClose !== null &&
        !mentions.some((m) => m.start >= tailFrom + tailClose.index) &&
        !/\b(?:says|said|say|told|tells)\b/.test(outside.slice(0, tailFrom + tailClose.index))) ||
      (opening !== null && !mentions.some((m) => m.start < opening[0].length));
    let unnamedSource = unnamedTail !== null || (speaker === undefined && DOCUMENT_VOICE.test(outside.slice(tailFrom)));
    // (An unnamed source's words that an outlet relays, "…,” an official told CBS News, according to Ukrinform.", are
    // still no one's.)
    // ("As explained by the Russian president, the West stated …" cites its source as "according to" does.)
    const cites = speaker || unnamedSource ? null : /\b(?:according to|(?<=^|, )as (?:explained|stated|noted|pointed out|emphasi[sz]ed|stressed|underlined) by)\s+/gi.exec(outside);
    // "resolved according to the framework agreed at the Trump-Putin Alaska summit": in keeping with a norm, which cites
    // no one (the names in it are not the source).
    const accordingTo = cites && IN_KEEPING_WITH.test(outside.slice(cites.index + cites[0].length)) ? null : cites;
    let source: string | undefined;
    if (accordingTo) {
      // The source is the phrase up to its clause's end: "According to the Kremlin, the meeting between Putin and
      // Witkoff …" is the Kremlin's, not Putin's; "The delegations met, according to diplomatic sources" no one's.
      const after = accordingTo.index + accordingTo[0].length;
      // (An abbreviation's stops end nothing: "according to a U.S. official".)
      const rest = outside.slice(after, after + 80).replace(/\b(?:\p{Lu}\.){2,}/gu, (m) => m.replace(/\./g, '_'));
      const cut = rest.search(/[,;:.!?()]|\s[-–—]\s|\s(?:that|who|which)\s/);
      const end = after + (cut < 0 ? rest.length : cut);
      // "according to the head of the Russian delegation, Vladimir Medinsky, …": the name in apposition is the source.
      // Only after a role ("the head of …"), and set off by commas: "According to CNN, Trump accused …" is CNN's.
      const role = /^(?:the|a|an)\s+\p{Ll}/u.test(outside.slice(after, end));
      const person = mentions.find(
        (x) =>
          (x.start >= after && x.start < end && !possessiveBeforeNoun(outside, x.end) && !NAME_AS_MODIFIER.test(outside.slice(x.end, x.end + 30)) && !ROLE_TO_NAME.test(outside.slice(after, x.start))) || (role && outside[end] === ',' && /^,\s*$/.test(outside.slice(end, x.start)) && /^\s*(?:[,.;]|$)/.test(outside.slice(x.end))),
      );
      // "the head of the Ukrainian delegation" is a person, not the delegation; "according to the formula agreed in
      // Anchorage" is no one's: after a common noun, a body or place further on is not the source.
      // A document of the body is the body's: "according to a statement from the Kremlin", "a report out of Reuters".
      const document = /^(?:the|a|an)\s+(?:\p{Ll}+\s+){0,2}?(?:report|statement|readout|release|post|message|interview|transcript|briefing|communiqu[eé]|account)s?\s+(?:from|by|of|out of|issued by|published by)\s/u.test(outside.slice(after, end));
      const body = role && !document ? undefined : subjectMentions.find((x) => x.start >= after && x.start < end);
      // A report that opens "According to CNN, Trump accused …" reports Trump's words: the person the main clause
      // opens with speaks, or holds the view, and the outlet relays; what the person did is the outlet's report.
      // A body that is no news outlet gives its own account: "According to the Kremlin, Putin ordered his military to
      // stop" is the Kremlin's, unless the clause reports what the person said ("According to the White House, Trump said").
      const relays = MEDIA.test(outside.slice(after, end));
      const actor =
        accordingTo.index === 0 && outside[end] === ','
          ? mentions.find((x) => TITLE_GAP.test(outside.slice(end, x.start)) && !possessiveAt(outside, x.end) && (SPEAKS_NEXT.test(outside.slice(x.end)) || (relays && HOLDS_NEXT.test(outside.slice(x.end)))))
          : undefined;
      // "According to him, the second part outlines …": the person the paragraph is about.
      const objectPronoun = /^(him|her)\b/i.exec(outside.slice(after, end));
      const pronoun = objectPronoun ? resolvePronoun(accordingTo.index, true, objectPronoun[1]) : undefined;
      // "according to the US President", "according to the aide": a role whose holder the article named.
      const cited = person === undefined ? citedRole(outside.slice(after, end)) : undefined;
      const holder = cited ? holderHere(cited.role, cited.qualifier) : undefined;
      // "According to the TASS news agency, he said: …": the outlet relays whom the paragraph is about.
      const relayed = !actor && accordingTo.index === 0 && outside[end] === ',' ? RELAYED_PRONOUN.exec(outside.slice(end)) : null;
      const relayedSpeaker = relayed ? resolvePronoun(accordingTo.index, true, relayed[1]) : undefined;
      if (actor) speaker = actor.person.name;
      else if (relayedSpeaker !== undefined) speaker = relayedSpeaker;
      else if (pronoun !== undefined) source = pronoun;
      else if (holder !== undefined) source = holder;
      // A country's or a person's office whose holder the article does not name ("according to South Africa’s
      // president", "according to Trump’s Ukraine envoy", "according to the U.S. president") is someone unnamed:
      // neither the country nor the owner.
      else if (cited !== undefined && (cited.owned || cited.qualifier !== undefined)) unnamedSource = true;
      // "According to Russian Foreign Ministry spokeswoman Maria Zakharova": the body's role before a name is the person's.
      else if (person && (!body || person.start <= body.start || person.start >= end || BODY_ROLE_GAP.test(outside.slice(body.end, person.start)))) source = person.person.name;
      // ("according to a U.S. official": the country is the official's, who is unnamed; "according to AFP sources" or
      // "reports from the Associated Press" are the outlet's.)
      else if (UNNAMED_PERSON_SOURCE.test(outside.slice(after, end))) unnamedSource = true;
      // "according to Ukraine’s air force": the country's body, named with its owner, not the country.
      else if (OWNED_BODY_CITED.test(outside.slice(after, end))) source = outside.slice(after, end).trim();
      else if (body) source = body.name;
      else if (UNNAMED_SOURCE.test(outside.slice(after, end))) unnamedSource = true;
      // Opening the sentence, the source is whose it is; closing it ("Trump accused Zelenskyy …, according to BBC"),
      // only when the sentence names no speaker of its own.
      if (accordingTo.index === 0 && source !== undefined) speaker = source;
      // Closing it with a person the article names ("Putin rejected Trump's request …, according to Kremlin aide Yuri
      // Ushakov"), the sentence is that person's account, as a closing "…, Ushakov said" makes it.
      else if (source !== undefined && person !== undefined && source === person.person.name && people.has(source)) speaker = source;
    }
    // "…, with French President Emmanuel Macron warning that …": the absolute clause reports the named person.
    if (!speaker && / with /.test(outside)) {
      const absolute = WITH_NAME_SAYING.exec(outside);
      const who = absolute ? speakers.find((m) => m.start >= absolute.index && m.end <= absolute.index + absolute[0].length) : undefined;
      if (who) speaker = who.person.name;
    }
    // "Morgan asked him how he would feel …, to which Zelensky responded: “If that is the only set-up …”": the quotation
    // after it is the one who answers, whoever the sentence opened on.
    if (/\bto which\s/.test(outside)) {
      const answer = TO_WHICH_ANSWERED.exec(outside);
      const who = answer ? speakers.find((m) => m.start >= answer.index && m.end <= answer.index + answer[0].length) : undefined;
      if (who && answer && quotes.length > 0 && quotes.every((q) => q.start >= answer.index)) speaker = who.person.name;
    }
    // "…,” Komsomolskaya Pravda quoted Lavrov as saying.": the one quoted speaks, not the outlet.
    if (!speaker && outside.includes(' as saying')) {
      const quoted = QUOTED_AS_SAYING.exec(outside);
      const who = quoted ? speakers.find((m) => m.start >= quoted.index && m.end <= quoted.index + quoted[0].length) : undefined;
      if (who) speaker = who.person.name;
    }
    // The verbs one by one, with an exec loop on the module's own copy of the pattern: matchAll copied it for every
    // sentence, and most sentences stop at their first verb.
    const verbs = REPORTING_VERB_SCAN;
    verbs.lastIndex = 0;
    // A role the article gave no one named as the subject ("The Ukrainian leader told a press conference in Lviv with
    // Erdogan and Guterres …" when it wrote only "President Volodymyr Zelensky"): someone unnamed, not the last name.
    let roleUnresolved = false;
    // ("Mr. Putin indicated that he was satisfied …, two officials said.": what Putin indicated is the officials' account.)
    for (let verb = speaker || closedByUnnamed || (unnamedSource && accordingTo?.index === 0) ? null : verbs.exec(outside); verb !== null; verb = verbs.exec(outside)) {
      const vStart = verb.index;
      const vEnd = vStart + verb[0].length;
      const preceding = outside.slice(0, vStart);
      // A verb in a clause of time or contrast ("A day after Putin said he was open to talks, Lavrov told Kyiv …",
      // "…, a day after Putin said …", "While Witkoff reported progress, officials confirmed …") is not the sentence's
      // report: its speaker is background.
      // (Further into the sentence only one of time: "…, though Macron suggested it could involve a one-month ceasefire"
      // is Macron's report.)
      // (A dateline's spaced hyphen ends a clause too: "MOSCOW, Dec 27 (Reuters) - A day after Putin said …".)
      const boundary = CLAUSE_BOUNDARY.exec(preceding);
      const clauseAt = boundary ? boundary.index + boundary[0].length : 0;
      // "Neither the Russian diplomat nor his Ukrainian counterpart, Andriy Sybiga, commented …": nobody's statement.
      // (Not an inverted attribution after it: 'Neither the people of those cities "nor me … can do this," said Mr Zelensky.')
      if (/^\s*Neither\s/.test(preceding) && !/;|,\s*(?:but|and|while|though|whereas)\s/.test(preceding) && !/^\s+(?:the\s+)?\p{Lu}/u.test(outside.slice(vEnd))) continue;
      if ((clauseAt === 0 ? SUBORDINATE_REPORT : AFTER_REPORT).test(preceding.slice(clauseAt))) continue;
      // Nor one whose subject a conjunction of time or condition introduces inside the clause, when a named speaker
      // reports after it ("In the Kremlin’s first public comments since Defence Minister Sergei Shoigu announced the
      // withdrawal …, Peskov said …", "When asked directly if Putin had rejected the US proposals, Peskov clarified …").
      // ("His remarks came a day after French President Emmanuel Macron announced that …" has no report but Macron's.)
      if (TIME_CONJUNCTION_SUBJECT.test(preceding.slice(clauseAt)) && reportedAfter(outside, vEnd, mentions)) continue;
      // Nor a verb in a clause that describes a thing the sentence names ("… the Patriot defense system that Biden offered
      // to provide Zelenskiy …"): the one who offered is no speaker of this sentence.
      if (RELATIVE_SUBJECT.test(preceding)) continue;
      // Criticism in a clause of place or time recalls an earlier clash ("… the Oval Office meeting in February, when
      // Trump sharply criticized Zelenskyy"): no report of this sentence's.
      if (clauseAt > 0 && CRITICISM.test(verb[0]) && RECALLED_CLAUSE.test(preceding.slice(clauseAt))) continue;
      const gapWords = (from: number) => wordsBetween(outside.slice(from, vStart));
      // Passive: "This was announced by President Volodymyr Zelenskyy", "The visit was confirmed by Putin's adviser
      // Yuri Ushakov": the agent after "by" speaks.
      if (/\b(?:was|were|is|are|been|being)\s+(?:\p{L}+ly\s+)?$/u.test(preceding) && /^\s+by\s/.test(outside.slice(vEnd, vEnd + 5))) {
        // "The ceasefire, which has not been confirmed by Russia, …": what the agent did not say is nobody's statement.
        if (/(?:\b(?:not|never)|n['’]t)\s+(?:yet\s+)?(?:been|be)\s+(?:\p{L}+ly\s+)?$/u.test(preceding)) break;
        const byAt = vEnd + (/^\s+by\s+/.exec(outside.slice(vEnd))?.[0].length ?? 0);
        const agents = [...speakers.map((m) => ({ start: m.start, name: m.person.name, person: true })), ...subjectMentions.map((m) => ({ ...m, person: false }))].filter((m) => m.start >= byAt && AGENT_GAP.test(outside.slice(byAt, m.start))).sort((a, b) => a.start - b.start);
        // "hailed by U.S. Treasury Secretary Scott Bessent": a country or body that opens the person's title is not the agent.
        const first = agents[0];
        // (Or one that ends a title written out with "of": "stated by President of Ukraine Volodymyr Zelenskyy".)
        const ofTitle = first !== undefined && /\bof\s+(?:the\s+)?$/.test(outside.slice(byAt, first.start));
        const titled =
          first && !first.person
            ? agents.find((m) => m.person && m.start > first.start && (TITLE_AFTER_BODY.test(outside.slice(first.start, m.start)) || (ofTitle && /^[\p{L}.'’-]+\s+$/u.test(outside.slice(first.start, m.start)))))
            : undefined;
        const agent = titled ?? first;
        // "reported by the head of the Ukrainian delegation, Defense Minister Rustem Umerov": the person in apposition.
        // "announced by the head of the President's Office, Andriy Yermak": a role no one is named for, then the person.
        const named =
          agent && !people.has(agent.name)
            ? speakers.find((m) => m.start > agent.start && APPOSITION_GAP.test(outside.slice(agent.start, m.start)))
            : agent === undefined
              ? speakers.find((m) => m.start > byAt && APPOSITION_GAP.test(outside.slice(byAt, m.start)))
              : undefined;
        // "He was told by aides …": the agent speaks, and nobody names it.
        if (named) speaker = named.person.name;
        else if (agent) speaker = agent.name;
        break;
      }
      // Passive without its agent: "Assange was accused of rape", "Zelensky was asked whether …": the one spoken of or
      // to is no speaker, and nobody else is named.
      if (/\b(?:was|were|is|are|been|being|be)\s+(?:\p{L}+ly\s+)?$/u.test(preceding)) continue;
      // "Garrett responded by hitting Rudolph", "Moscow replied with a wave of drones": an act, not words.
      if (/^(?:responded|replied|responds|replies)$/.test(verb[0]) && ACT_IN_REPLY.test(outside.slice(vEnd, vEnd + 60))) continue;
      // "…, he said" / "He also said": a pronoun right before the verb (fillers allowed).
      const pron = /\b(he|she)\b((?:[\s,]+\w+){0,3})[\s,]*$/i.exec(preceding);
      if (pron && wordsBetween(pron[2] ?? '').every((w) => FILLER.test(w)) && !UNNAMED_CLAIM.test(preceding.slice(0, pron.index))) {
        // Set off by commas inside the sentence ("Trump, he noted, is a “businessman” …"), the pronoun is not the name
        // before it: that name is what the speaker talks about. (Not when a quotation follows the second comma: "When
        // Macron spoke, he said, “…”" is Macron's.)
        const parenthetical = /,\s*$/.test(preceding.slice(0, pron.index)) && /^\s*,\s*[\p{L}\d]/u.test(outside.slice(vEnd));
        speaker = resolvePronoun(pron.index, !parenthetical, pron[1]);
        if (speaker) break;
      }
      // "…,” it said in a statement.", "However, it warned …": the body the sentence before was given to.
      const it = IT_SUBJECT.exec(preceding);
      if (it && wordsBetween(it[1] ?? '').every((w) => FILLER.test(w))) {
        speaker = bodyBefore();
        break;
      }
      // "The ministry added …", "the office said": the body of that kind the sentence before was given to.
      const theBody = THE_BODY.exec(preceding);
      if (theBody && wordsBetween(theBody[2] ?? '').every((w) => FILLER.test(w))) {
        const body = bodyBefore();
        if (body !== undefined && body.toLowerCase().includes((theBody[1] ?? '').toLowerCase())) {
          speaker = body;
          break;
        }
      }
      // A person's office speaking: "Zelensky's office said", "…, Putin's press service reported" (the office is named;
      // a spokesman without a name is no one, and "Putin's spokesman Dmitry Peskov" names the person who speaks).
      let office: string | undefined;
      for (const m of mentions) {
        const opens = atClauseStart(outside, m.start) || /(?:^|[,;:]\s*|\b(?:and|but|while)\s+)the\s+$/i.test(outside.slice(Math.max(0, m.start - 16), m.start));
        const owned = m.end <= vStart && opens ? OWNED_OFFICE.exec(outside.slice(m.end, vStart)) : null;
        // (Named after its head, as written: "The Trump administration confirmed …" is the Trump administration's.)
        if (owned) {
          office = owned[2] !== undefined ? `${outside.slice(m.start, m.end)} ${owned[2].toLowerCase()}` : `${m.person.name}'s ${(owned[1] ?? 'office').replace(/\s+/g, ' ')}`;
          break;
        }
      }
      if (office !== undefined) {
        speaker = office;
        break;
      }
      // A person's aide by role, the person in the possessive: "Donald Trump’s Ukraine envoy said …" is the envoy's (the
      // one the article named so), or someone unnamed; never the owner's.
      const ownedRole = mentions.find((m) => m.end <= vStart && POSSESSIVE_ROLE.test(outside.slice(m.end, vStart)));
      if (ownedRole) {
        speaker = aideOf(POSSESSIVE_ROLE.exec(outside.slice(ownedRole.end, vStart))?.[1] ?? '', ownedRole.person.name);
        roleUnresolved = speaker === undefined;
        break;
      }
      // Nearest person before the verb in the same clause ("Putin, for his part, said").
      const prior = speakers.filter(
        (m) =>
          m.end <= vStart &&
          vStart - m.end <= 180 &&
          // (A stop of an acronym or initial, "the U.S. delegation", is no break.)
          !/[;:]|(?<!\b\p{Lu})\.(?!\p{Lu}\.)/u.test(outside.slice(m.end, vStart)) &&
          (!objectAt(outside, mentions, m.start) || RELATIVE_WHO.test(outside.slice(m.end, vStart))) &&
          // "A Putin adviser said …": the name tells whose adviser speaks, not who.
          !NAME_AS_MODIFIER.test(outside.slice(m.end, m.end + 30)) &&
          // "As Hannah said, this briefing will be on the record": a reference to what someone said, not a report.
          !/^\s*As\s+$/.test(outside.slice(0, m.start)) &&
          // … nor "fell short of what Trump had said was possible", "more than Putin said": what the name said is the
          // object of another clause.
          !/\b(?:what|whatever|than)\s+$/i.test(outside.slice(Math.max(0, m.start - 12), m.start)) &&
          // One of a list set off after the subject ("European dignitaries, including … Germany's Friedrich Merz, and
          // NATO Secretary-General Mark Rutte, echoed …") is not who speaks.
          !inNameList(outside.slice(0, m.start)),
      );
      // "He also thanked Trump and added …": the sentence's own "he" is the subject when no other person before the verb
      // can be (the names after a verb are its objects), and no relative clause stands between.
      if (prior.length === 0 && /^(?:He|She)\s/.test(outside) && !/[.;:]|,\s*(?:who|which|whom)\b/.test(outside.slice(0, vStart))) {
        speaker = resolvePronoun(0);
        if (speaker) break;
      }
      // The nearest name whose words can run on to the verb: "Rubio, who attended the talks with Mike Waltz, said"
      // is Rubio's, though Waltz is nearer.
      // An aside set off by commas after a name is the name's: "Rustem Umerov, secretary of Ukraine's National
      // Security and Defense Council, reported" — the council named in it does not speak.
      // A country after a city ("to Agra, India, told reporters") is where, not who.
      const regionOfPlace = (m: { start: number; end: number }) => /^\s*,/.test(outside.slice(m.end)) && PLACE_BEFORE.test(outside.slice(0, m.start));
      const aside = (m: { end: number }) => COMMA_ASIDE_WHOLE.test(outside.slice(m.end, vStart));
      // ", saying …" goes back to the main clause's subject, however far: "Zelenskyy pushed back on Friday, saying …".
      if (/^(?:saying|adding|stressing|insisting|noting|warning|stating|emphasi[sz]ing)$/i.test(verb[0])) {
        // After an opening clause of its own ("While not naming Medvedev, Peskov distanced the Kremlin …, saying"), the
        // main clause opens after its comma: a name inside that clause is no subject.
        const lead = OPENING_CLAUSE.exec(outside);
        const opener = prior.find((m) => lead === null || m.start >= lead[0].length);
        // (Not a possessive: "Putin’s “offer” also drew a reaction from the ministry, emphasizing …" is the ministry's.)
        if (opener !== undefined && /^(?:[^,]{0,40},\s*)?(?:[\p{Lu}][\p{L}.'’-]*\s+){0,3}$/u.test(outside.slice(lead?.[0].length ?? 0, opener.start)) && !possessiveAt(outside, opener.end)) {
          speaker = opener.person.name;
          break;
        }
      }
      const near = [...prior].reverse().find(
        (m) =>
          (subjectGap(outside.slice(m.end, vStart)) || closesApposition(outside, m.start, m.end, vStart)) &&
          (aside(m) || !subjectMentions.some((o) => o.start >= m.end && o.end <= vStart && atClauseStart(outside, o.start))),
      );
      // An organisation right before the verb is nearer than a person further back: "… and Jared Kushner for what the
      // Kremlin described as …".
      const org = subjectMentions.filter((m) => m.end <= vStart && gapWords(m.end).every((w) => FILLER.test(w)) && !regionOfPlace(m)).pop();
      // (Not the country of the person's title: "President Volodymyr Zelensky of Ukraine said".)
      const ownCountry = (m: { end: number }) => org !== undefined && /^\s+of\s+(?:the\s+)?$/.test(outside.slice(m.end, org.start));
      if (near && !(org && org.start > near.end && !aside(near) && !ownCountry(near))) {
        speaker = near.person.name;
        break;
      }
      // Inverted: `said Putin`, `said US President Donald Trump`.
      // Not the subject of the reported clause: "The officials, who spoke …, said Witkoff would be in Washington".
      const after = mentions.find(
        (m) =>
          m.start >= vEnd &&
          m.start - vEnd <= 40 &&
          /^[\s,]*(?:[\p{L}.]+,?\s+){0,6}$/u.test(outside.slice(vEnd, m.start)) &&
          !/^\s+(?:would|will|could|can|may|might|should|must|is|was|are|were|has|had|have|did|does|do)\b/.test(outside.slice(m.end, m.end + 12)) &&
          // Nor one of two subjects of the reported clause: "…, speaking on condition of anonymity, said Zelensky and
          // Vance also discussed …". (A single name's verb after it may still be their words reported: "The Kremlin, for
          // its part, reported that Putin attributed the fighting to …".)
          !/^\s+(?:(?:and|or)\s+\p{Lu}|(?:also|then|later|still|already|never)\s+\p{Ll})/u.test(outside.slice(m.end, m.end + 24)),
      );
      // A role the article gave a named person, as the subject: "The Russian president also reiterated …" after
      // "Russian President Vladimir Putin", "the press secretary of the President of the Russian Federation stressed",
      // "The Russian leader, a former KGB officer, praised Trump" (a subject before its verb, not an inverted one).
      // "An East Wing spokesman said …": someone the article does not name, and no later verb's subject either ("…
      // after Melania Trump wrote a letter").
      const someone = INDEFINITE_ROLE_SUBJECT.exec(preceding);
      if (someone && atClauseStart(outside, someone.index)) {
        roleUnresolved = true;
        break;
      }
      const role = ROLE_SUBJECT.exec(preceding);
      if (role && atClauseStart(outside, role.index)) {
        // Unresolved ("the president" of two named presidents), the subject is still a role: no later verb's.
        const who = holderHere(role[2] ?? '', role[1]);
        if (who) speaker = who;
        else roleUnresolved = true;
        break;
      }
      // The same without its article, as translated copy opens a sentence: "Kremlin spokesman accused Ukraine …" after
      // "Kremlin spokesman Dmitry Peskov". Unresolved, the body it names still speaks.
      const holderOf = (m: RegExpExecArray | null): string | undefined => (m ? holderHere(m[2] ?? '', m[1]) : undefined);
      const bareHolder = holderOf(BARE_ROLE_SUBJECT.exec(preceding));
      if (bareHolder) {
        speaker = bareHolder;
        break;
      }
      const lead = sentence.text.slice(0, vStart).trimEnd();
      // After a quotation, also with a dash between: "“Held the first meeting …,” - wrote Yermak".
      // (Or after a stop and a dash, the quotation's marks left out: "… coordinate further steps. - said Umerov.")
      const inverted = lead === '' || /[”"’,](?:\s*[-–—])?$/.test(lead) || /[.!?]\s*[-–—]$/.test(lead);
      // (", saying Putin's …" is no "said Putin": a participle is never inverted.)
      const participle = /ing$/i.test(verb[0]);
      if (after && inverted && !participle) {
        // "…,” said President Vladimir Putin's press secretary.": the aide by role, not the person in the possessive.
        const aide = POSSESSIVE_ROLE_AFTER.exec(outside.slice(after.end));
        if (aide) {
          speaker = aideOf(aide[1] ?? '', after.person.name);
          roleUnresolved = speaker === undefined;
          break;
        }
        speaker = after.person.name;
        break;
      }
      // Inverted with a role the article gave a named person: "“We believe …,” added the US president."
      const invertedHolder = holderOf(inverted ? INVERTED_ROLE.exec(outside.slice(vEnd)) : null);
      if (invertedHolder) {
        speaker = invertedHolder;
        break;
      }
      // An organisation or country as the subject right before the verb ("The Kremlin said", "Russia also confirmed").
      // (A country's body, "Meanwhile, Russia's Ministry of Defence stated", is the body with its owner.)
      const ownerOf = (m: { start: number }) => OWNED_BODY.exec(outside.slice(0, m.start));
      // ("The Kremlin's press office said": the body's own voice, in the possessive.)
      const voiceGap = (m: { end: number }) => {
        const possessive = /^['’]s\s/.test(outside.slice(m.end, m.end + 3));
        const words = gapWords(m.end + (possessive ? 2 : 0));
        return words.every((w) => FILLER.test(w) || BODY_VOICE.test(w)) && (!possessive || words.some((w) => BODY_VOICE.test(w)));
      };
      const subj = subjectMentions
        .filter((m) => m.end <= vStart && voiceGap(m) && !regionOfPlace(m) && (atClauseStart(outside, m.start) || ownerOf(m) !== null))
        .pop();
      // "Officials from both Moscow and Kyiv signalled …": two sides speak together, neither alone.
      if (subj && /\b(?:and|or|nor|&)\s+(?:the\s+)?$/i.test(outside.slice(Math.max(0, subj.start - 12), subj.start))) break;
      if (subj) {
        const owner = atClauseStart(outside, subj.start) ? null : ownerOf(subj);
        speaker = owner ? `${owner[1]} ${subj.name}` : subj.name;
        break;
      }
      // A body the article's names do not include speaks ("But the Holy See says the idea … – which Trump suggested was
      // an option – is more a hope"), and no later verb's subject does.
      const unlisted = SAYS_WORD.test(verb[0]) ? UNLISTED_BODY_SUBJECT.exec(preceding.slice(clauseAt)) : null;
      if (unlisted && !isTitleWord((unlisted[2] ?? '').toLowerCase()) && !mentions.some((m) => m.end <= vStart && m.start >= clauseAt)) {
        speaker = (unlisted[1] ?? '').trim();
        break;
      }
      // Only the first reporting verb with an identifiable subject counts; later verbs are usually inside the report.
      if (prior.length > 0 || mentions.some((m) => m.end <= vStart) || subjectMentions.some((m) => m.end <= vStart)) break;
    }
    if (!speaker && source !== undefined) speaker = source;
    // A quotation that runs on from the paragraph before, with nothing naming a speaker here, is still theirs; so is a
    // sentence inside a quotation still open from an earlier sentence ("“Now, yet again, another attempt … parade." /
    // "We value human lives, not parades." / … "… real diplomacy.”"), when nothing in it names anyone.
    if (!speaker && openQuoteSpeaker && quotes.length > 0 && /^["“«‘']/.test(sentence.text)) speaker = openQuoteSpeaker;
    if (!speaker && openQuoteSpeaker && quotedOpening && (quoteOpen || runOn) && mentions.length === 0 && subjectMentions.length === 0 && !unnamedSource)
      speaker = openQuoteSpeaker;
    // The paragraph under a line that introduces it with a colon and names one person is theirs, all of it: a
    // quotation ("Steve Witkoff on the upcoming meeting in Saudi Arabia:" ¶ "“Well, President Zelensky sent …”"), or
    // any paragraph when the line reports ("This was reported by … Yuri Ushakov:" ¶ "The main thing is …").
    if (introduced && newParagraph) {
      if (introduced.paragraph === undefined) {
        introduced.paragraph = sentence.paragraph;
        introduced.holds = introduced.reports || (quotes.length > 0 && quotes[0]?.start === 0);
      } else introduced = undefined;
    }
    if (!speaker && introduced?.holds && introduced.paragraph === sentence.paragraph) speaker = introduced.name;
    // A transcript's label: "Yuri Ushakov: There was a meeting …" is his, and so is the rest of that paragraph; so is a
    // list of reactions' "NATO Secretary General Mark Rutte: “Without President Trump, …”", titles before the name.
    const label = newParagraph ? mentions.find((m) => LABEL_TITLES.test(outside.slice(0, m.start)) && /^:\s/.test(outside.slice(m.end, m.end + 2))) : undefined;
    // Or by role alone ("THE PRESIDENT:  We're looking at a lot of things."): the holder the page's title names, by the
    // body's fuller name for them when it has one.
    const role = newParagraph && label === undefined ? ROLE_LABEL.exec(sentence.text) : null;
    const holder = role ? (titleHolders ??= titleRoles(ctx.title)).get((role[1] ?? '').replace(/\s+/g, ' ')) : undefined;
    if (newParagraph) {
      if (label !== undefined || holder !== undefined) {
        labelled = label?.person.name ?? (holder === undefined ? undefined : fullerName(holder, ctx.people.map((p) => p.name)));
        // A transcript's label (by role, or a name in its capitals: "VICE PRESIDENT HARRIS:") heads an answer that
        // runs on over paragraphs without a label of their own, to the next label ("Q", "MR. X:").
        runsOn = label === undefined || !/\p{Ll}/u.test(outside.slice(0, label.end));
      } else if (!runsOn || ANY_LABEL.test(sentence.text)) {
        labelled = undefined;
        runsOn = false;
      }
    }
    if (!speaker && labelled !== undefined) speaker = labelled;
    // Under a heading that introduces someone, the paragraphs set out as quotations, nothing but the quotation, are
    // theirs; the first paragraph that is anything else ends the run.
    if (newParagraph) {
      const passed = headingAt;
      while (headingAt < headings.length && (headings[headingAt]?.end ?? Infinity) <= sentence.start) headingAt++;
      if (headingAt !== passed) underHeading = headings[headingAt - 1]?.speaker;
      if (!/^["“«]/.test(sentence.text) || /\p{L}/u.test(outside)) underHeading = undefined;
    }
    if (!speaker && underHeading !== undefined && mentions.length === 0 && !/\p{L}/u.test(outside)) speaker = underHeading;
    // A paragraph that is a quotation and names nobody, right after a paragraph that ended quoting someone, goes on
    // quoting them: "“I expect …,” Mr Putin said. ¶ “Overall, we have established …”".
    // So does a sentence that is all quotation right after one that quoted someone in the same paragraph: "“The
    // Russians have invited us …,” Witkoff said in an interview. “Jared and I will leave Thursday night.”"
    const allQuoted = quotes.length > 0 && !/\p{L}/u.test(outside);
    // (Not one its own words give to someone unnamed: "“Nobody wants this war to go on,” a European diplomat said.")
    if (!speaker && (newParagraph || allQuoted) && lastQuoted && mentions.length === 0 && subjectMentions.length === 0 && quotes.length > 0 && quotes[0]?.start === 0 && /^["“«]/.test(sentence.text) && !SOMEONE_UNNAMED_SAID.test(outside))
      speaker = lastQuoted;
    // A quotation paragraph that names no one, under a paragraph that ended reporting someone ("He said the ceasefire
    // must be immediate …" ¶ "Quote: “Now, yet again, another attempt at manipulation …”"), quotes them.
    if (!speaker && newParagraph && !unnamedSource && outside.search(REPORTING_VERB) < 0 && lastSpoke !== undefined && people.has(lastSpoke) && QUOTATION_START.test(sentence.text) && !paragraphNames(sentences, index, ctx.people))
      speaker = lastSpoke;
    // An outlet that reports what a person said relays it: "Reuters reported that US President Trump said during his
    // meeting with Viktor Orban: “I think …”" is Trump's, as "According to Reuters, Trump said" is.
    if (speaker !== undefined && !people.has(speaker) && MEDIA.test(speaker)) {
      const relay = OUTLET_RELAYS.exec(outside);
      const from = relay ? relay.index + relay[0].length : -1;
      const who = relay ? speakers.find((m) => m.start >= from && RELAYED_TITLE.test(outside.slice(from, m.start)) && SAYS_NEXT.test(outside.slice(m.end))) : undefined;
      if (who) speaker = who.person.name;
    }
    // Not a person the quotation itself names and the words outside it do not ("‘I plan to meet Xi Jinping …,’ the
    // leader said" is not Xi's, however the role resolves: no one names himself in his own words).
    if (speaker !== undefined && people.has(speaker) && quotes.length > 0 && !mentions.some((m) => m.person.name === speaker) && quotes.some((q) => personMentions(ctx.people, q.inner).some((m) => m.person.name === speaker)))
      speaker = undefined;
    const isPerson = speaker !== undefined && people.has(speaker);
    // Who a line ending in a colon introduces: the one person it names (not in the possessive before a noun).
    if (/:["”’']?\s*$/.test(sentence.text)) {
      const named = new Set(speakers.map((m) => m.person.name));
      // Naming no one, the line's own speaker ("He wrote on Telegram:"), or whose document it reads ("The Kremlin
      // announced a truce. The statement read:").
      const name = named.size === 1 ? [...named][0] : named.size === 0 ? (speaker ?? (DOCUMENT_READS.test(outside) ? lastSentenceSpeaker : undefined)) : undefined;
      introduced = name === undefined ? undefined : { name, reports: outside.search(REPORTING_VERB) >= 0 };
    }
    lastQuoted = speaker !== undefined && quotes.length > 0 ? speaker : undefined;
    const quote = speaker !== undefined && quotes.length > 0;
    out.push(speaker ? { speaker, quote, quotes } : { quote, quotes });
    // The sentence's subject: the first person named before any verb or preposition (a dateline and a title may
    // stand before them: "March 29, 2022 (EIRNS)—Russian Presidential aide Vladimir Medinsky came out …, possibly
    // leading to a meeting between Presidents Putin and Zelenskyy"), else the first at a clause's start.
    const first = speakers[0];
    const leads = first !== undefined && !hasFiniteVerb(outside.slice(0, first.start)) && !LEADING_PREPOSITION.test(outside.slice(0, first.start));
    // A sentence whose subject is "he" or "she" stays about whom that was, whoever it names further on ("He also
    // downplayed a deadline set by Trump …" after "Rubio said": the next "He said" is still Rubio's).
    const pronounSubject = PRONOUN_SUBJECT.test(outside);
    // A sentence that opens on a role ("The Ukrainian foreign minister also emphasized …") is about its holder, or, when
    // the article gave the role to no one it names, about someone unnamed: never a name further on.
    const roleOpening = isPerson ? null : ROLE_OPENING.exec(outside);
    // (Not an object: "Asked at a press conference with Belarusian President Aleksandr Lukashenko …, the Kremlin leader
    // gave a qualified answer" is not about Lukashenko, and the next "he said" is not his.)
    const subject = isPerson
      ? speaker
      : roleOpening
        ? holderHere(roleOpening[2] ?? '', roleOpening[1])
        : roleUnresolved
          ? undefined
          : pronounSubject
            ? resolvePronoun(0)
            : ((leads ? first : undefined) ?? speakers.find((m) => atClauseStart(outside, m.start) && !joinedToObject(outside, mentions, m.start)) ?? speakers.find((m) => !objectAt(outside, mentions, m.start)))?.person.name;
    if (subject) subjectHere = subject;
    // A role the article gives no one it names is whoever it was about, unless the article gave them another role: "The
    // prime minister used an address to his cabinet …" after "The UK defence secretary John Healey …" (the prime
    // minister named only in a caption) is someone unnamed, and the next "he said" is not Healey's.
    else if (roleOpening && otherRoleHolder(subjectHere ?? before, roleOpening[2] ?? '')) subjectHere = SOMEONE_UNNAMED;
    let opened = (sentence.text.match(/[“«]/g)?.length ?? 0) - (sentence.text.match(/[”»]/g)?.length ?? 0);
    // Straight quotation marks open and close alike: an odd number of them turns the quotation on or off.
    if (opened === 0 && (sentence.text.match(/"/g)?.length ?? 0) % 2 === 1) opened = quoteOpen || runOn ? -1 : 1;
    if (opened > 0) {
      quoteOpen = true;
      openQuoteSpeaker = speaker ?? openQuoteSpeaker;
      quotedOpening = QUOTATION_START.test(sentence.text);
    } else if (opened < 0) {
      quoteOpen = false;
      runOn = false;
    }
    lastSentenceSpeaker = speaker;
  });
  quoteUnopened(sentences, out);
  dashQuotation(sentences, out, ctx.people, ctx.text);
  return out;
}

/** Who a sentence is about when it is someone the article does not name: "he" after it is no one named. */
const SOMEONE_UNNAMED = '\u0000someone unnamed';

/** Days and months, which follow "said" as often as names do. */
const NOT_A_SPEAKER = /^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August|September|October|November|December|Today|Yesterday|Earlier|Later)\b/;

/** Words of someone speaking for themselves. */
const FIRST_PERSON = /\b(?:I|we|We|us|our|Our|my|My|me)\b/;

/** An attribution after a dash closing a paragraph: "… This is what Hitler did when he said - added Zelensky." */
const DASH_ATTRIBUTION =
  /\s[-–—]{1,2}\s*(?:said|says|added|adds|wrote|stressed|noted|emphasi[sz]ed|stated|explained|continued|concluded|replied)\s+((?:\p{Lu}[\p{L}.'’-]*\s*){1,3}?)[.!?]?["”»]?\s*$/u;

/**
 * A quotation set off by a dialogue dash, as Ukrainian and Polish outlets print it ("- These are ultimatum messages …
 * He will not stop. … This is what Hitler did when he said - added Zelensky."): the sentence that ends on the
 * attribution after a dash is the named person's, whatever "he said" it quotes, and so is every sentence of a paragraph
 * that opens on the dash.
 */
function dashQuotation(sentences: readonly Sentence[], out: Attribution[], people: readonly Person[], text?: string): void {
  sentences.forEach((sentence, i) => {
    const m = DASH_ATTRIBUTION.exec(sentence.text);
    if (!m) return;
    const named = (m[1] ?? '').trim().replace(/[.!?]+$/, '');
    // (A name the article gives nowhere else is still the one named here, after a verb of saying and a dash; a day is
    // no name: "- said Monday".)
    const speaker = resolvePerson(people, named)?.name ?? (NOT_A_SPEAKER.test(named) ? undefined : named);
    if (speaker === undefined) return;
    const mark = (k: number) => {
      const a = out[k];
      if (a) out[k] = { ...a, speaker, quote: true };
    };
    mark(i);
    let first = i;
    while (first > 0 && sentences[first - 1]?.paragraph === sentence.paragraph) first--;
    const opening = sentences[first];
    const dashed = opening !== undefined && (/^[-–—]\s/.test(opening.text) || (text !== undefined && /(?:^|\n)[ \t]*[-–—][ \t]*$/.test(text.slice(Math.max(0, opening.start - 6), opening.start))));
    // (Cleaning may have taken the opening dash for a list mark: a paragraph in the first person that ends so, with no
    // attribution of its own before, is the quotation too.)
    const paragraph = sentences.slice(first, i);
    const spoken = !dashed && paragraph.length > 0 && paragraph.some((x) => FIRST_PERSON.test(x.text)) && paragraph.every((x, k) => out[first + k]?.quote !== true && x.text.search(REPORTING_VERB) < 0);
    if (!dashed && !spoken) return;
    for (let k = first; k < i; k++) mark(k);
  });
}

/** A quotation closed and attributed, with no opening mark before its close: "… with Great Britain,” Zelensky said". */
const CLOSED_UNOPENED = /^[^“"«]*[,.!?…]["”»]\s*(?:he|she|the\s+|\p{Lu})/u;

/**
 * A quotation whose opening mark the page lost ("Today is the day when the history of Europe changed. … This is a
 * reality of our security guarantees with Great Britain,” Zelensky said"): the sentences of its paragraph before the
 * one that closes it, none of which opens or holds a quotation, are the speaker's too.
 */
function quoteUnopened(sentences: readonly Sentence[], out: Attribution[]): void {
  sentences.forEach((sentence, i) => {
    const speaker = out[i]?.speaker;
    if (speaker === undefined || !CLOSED_UNOPENED.test(sentence.text)) return;
    let j = i - 1;
    while (j >= 0 && sentences[j]?.paragraph === sentence.paragraph && out[j]?.speaker === undefined && !/["“”«»]/.test(sentences[j]?.text ?? '')) j--;
    // Back to the paragraph's start with nothing in the way.
    if (j >= 0 && sentences[j]?.paragraph === sentence.paragraph) return;
    for (let k = j + 1; k < i; k++) {
      const a = out[k];
      if (a) out[k] = { ...a, speaker, quote: true };
    }
  });
}
