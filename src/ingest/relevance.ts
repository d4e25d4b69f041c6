import type { Story } from '../records/schema.js';
import { sideMentions, sidesOppose } from '../briefing/sides.js';
import { anyKeyword, anyPattern, askedOfSide, countKeyword, hasKeyword, inOwnWords, questionTags, withoutPatterns } from './keywords.js';
import { splitSentences } from './sentences.js';
import { isStoryName as isName } from '../records/other-story.js';

/** How an article relates to a story. `score` is in [0, 1]. */
export type Relevance =
  | { relevant: true; score: number; matched: string[] }
  | { relevant: false; score: number; reason: string; matched: string[]; excluded: string[] };

/** Minimum relevance score for an article to be kept. */
export const RELEVANCE_THRESHOLD = 0.5;

/** A sentence about an attack and its toll, or the battlefield. */
const ATTACK =
  /\b(?:missiles?|drones?|strikes?|struck|attack(?:s|ed)?|shelling|killed|wounded|injured|explosions?|blasts?|air raid|casualties|debris|bombers?|airfields?|offensive|recaptur\w*|retak(?:e|es|en|ing)|retook|incursion|eject\w*|encircle\w*|push(?:ed|ing)?\s+(?:\S+\s+){0,4}?out\s+of)\b/i;

/**
 * Where a sentence turns to background: "…, which comes as ceasefire talks stall", "amid talks", "in the wake of the
 * war", "a bargaining chip in any future talks", "even if a peace deal is reached", sanctions "aimed to pressure Russia
 * into a ceasefire", "a key figure in peace negotiations", "despite a push for peace", "…, as world leaders struggle to
 * broker an end", "as hopes for peace diminish", "in a conflict that shows no sign of ending", "(just hours) after Trump
 * criticized Putin", an opening "Soon after Trump's call with Putin, …", "just days before a deadline proposed by Trump"
 * or "… a battlefield offensive as Kyiv faces U.S. pressure to secure a peace deal". What follows (or, for an opening,
 * precedes the comma) says what the news happened against, not what it is.
 */
const BACKGROUND =
  /\b(?:(?:which|that|this|it)\s+)?(?:comes?|came|coming)\s+(?:as|amid|after|ahead\s+of|days?\s+after|weeks?\s+after)\b|\bamid(?:st)?\b|\bin\s+the\s+wake\s+of\b|\bagainst\s+(?:the|a)\s+backdrop\s+of\b|\bat\s+a\s+time\s+when\b|\beven\s+(?:as|if)\b|\bin\s+(?:any|an?)\s+(?:future|eventual|potential|possible)\b|\b(?:aim(?:s|ed|ing)?|designed|meant|intended)\s+to\s+(?:pressure|push|force|compel)\b|\bobstacles?\s+(?:to|for)\b|\bkey\s+figures?\s+in\b|\bunder\s+(?:an|the)\s+(?:agreement|deal|arrangement)\s+(?:reached|agreed|struck)\b|\bdespite\b|,\s+as\s+(?!(?:well|part|a\s+result|soon|long|much|many|far)\b)|\s+as\s+(?=(?:(?:the|world|US|U\.S\.|Western|European|international|diplomatic|peace|his|its|their)\s+)?(?:hopes?|efforts?|talks|negotiations|diplomacy|leaders|pressure|push|attempts?|mediation)\b)|\bin\s+a\s+(?:conflict|war)\s+(?:that|which)\b|^(?:(?:soon|shortly|just|hours|days|minutes|moments)\s+)?(?:after|following)\s|\s(?:(?:soon|shortly|just|hours|days|minutes|moments|a day|a week)\s+)?(?:after|following)\s(?=(?:\S+\s+){0,3}?(?:Trump|Putin|Zelensk\w*|Witkoff|the (?:call|talks|meeting|summit))\b)|\b(?:just|only|mere|hours|days|shortly|moments|minutes)\s+(?:(?:hours|days|weeks)\s+)?(?:before|ahead\s+of)\b|\s+as\s+(?:the\s+)?(?:Kyiv|Kiev|Ukraine|Moscow|Russia|Washington|Europe|Zelensk\w*|Putin|Trump)\s+(?:faces?|seeks?|pushes|presses|prepares?|weighs?|considers?|tries|struggles?|awaits?|braces?|is\s+(?:facing|seeking|pushing|pressing|preparing|weighing|trying|struggling|bracing))\b/i;

/** A sentence that opens on a clause of what else was going on: "As … delegations prepared to meet in Istanbul, …". */
const FRONTED_AS = /^(?:As|While|Even as)\s+(?!(?:part|a\s+result|soon|well|long|much|many|far|expected|such|of|for|to|the\s+(?:first|only|head|leader|president|chief))\b)/;
/** After a comma, the main clause's subject; not a place set off by commas ("Istanbul, Turkey, for …"). */
const SUBJECT_NEXT = /^(?:\p{Lu}|(?:the|a|an|he|she|they|it|we|his|her|their|its)\s)/u;
const APPOSITIVE_NEXT = /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2},/u;

/** A sentence up to where it turns to background, or after the clause that opens with it. */
function foreground(sentence: string): string {
  if (FRONTED_AS.test(sentence)) {
    for (let at = sentence.indexOf(', '); at > 0; at = sentence.indexOf(', ', at + 2)) {
      const rest = sentence.slice(at + 2);
      if (SUBJECT_NEXT.test(rest) && !APPOSITIVE_NEXT.test(rest)) return rest;
    }
  }
  const m = BACKGROUND.exec(sentence);
  if (!m) {
    // An attack "ahead of ceasefire talks in Saudi Arabia": the attack is the news, the talks when it came.
    const when = BEFORE_TALKS.exec(sentence);
    return when && ATTACK.test(sentence.slice(0, when.index)) ? sentence.slice(0, when.index) : sentence;
  }
  if (m.index > 0) return sentence.slice(0, m.index);
  // Opening with it ("Even if a peace deal is reached, Russian competitors …"): the news is after its comma.
  const comma = sentence.indexOf(', ');
  return comma > 0 ? sentence.slice(comma + 2) : sentence;
}

/** Where the story's notWhen patterns matched: `withoutPatterns` writes each match over with as many spaces. */
const BLANKED_SENSE = / {8}/;

/** A clause of time before the talks: "… ahead of ceasefire talks", "… on the eve of the summit". */
const BEFORE_TALKS = /\s(?:ahead\s+of|on\s+the\s+eve\s+of|before)\s/i;

/** A prisoner or body exchange, the humanitarian track: no lead of the story without the talks' terms. */
const TALKS_TERMS = /\b(?:ceasefire|cease-fire|truce|memorandum|terms|territor\w*|security guarantees|peace (?:deal|plan|agreement))\b/i;
/**
 * A lead that opens on prices moving ("European defense shares declined …, pressured by growing momentum in peace
 * talks", "Oil prices rise as investors pay attention to Trump-Zelenskiy Meeting"): a market report, whatever moved
 * the prices. Its subject stands first, after a dateline at most, so a report that mentions oil later is not one.
 */
const MARKET_LED =
  /^(?:[^.;]{0,40}?\s[—–-]\s*)?(?:(?:the|world|global|european|asian|us|u\.s\.|american|russian|ukrainian|defen[cs]e|oil|gas|wheat|grain|gold|stock|bond|share|equity|crude|brent|benchmark|international|regional)\s+)*(?:shares|stocks|equities|stock\s+markets?|markets|prices|futures|bonds?|yields?|indices|indexes|brent|crude|oil|gas|wheat|rouble|ruble|hryvnia|stoxx(?:\s+\d+)?|dax|ftse(?:\s+\d+)?|nasdaq|dow(?:\s+jones)?|s&p\s+500)(?:\s+(?:and|&|in|of)\s+[^,;]{0,40}?)?\s+(?:sell-?off\s+|rally\s+|slump\s+|rout\s+)?(?:have\s+|has\s+|were\s+|was\s+)?(?:rose|deepens|deepened|rise|rises|rising|fell|fall|falls|falling|dropped|drop|drops|declined|decline|declines|climbed|climb|climbs|jumped|jump|jumps|surged|surge|surges|slid|slide|slides|slipped|slip|slips|rallied|rally|rallies|dipped|dip|dips|dived|dive|dives|tumbled|tumble|tumbles|gained|gain|gains|extended|extend|extends|edged|plunged|plunge|plunges|soared|soar|soars|sank|sink|sinks|steadied|retreated|recovered|hovered)\b/i;
/** A lead on what markets watch: "All eyes will be on the European Central Bank's interest rate decision …". */
const RATES_LED = /^[^.;]{0,100}\b(?:interest[- ]rates?\s+decisions?|rate\s+decisions?|inflation\s+(?:data|figures|print)|(?:jobs|payrolls)\s+(?:data|report))\b/i;
/** An exchange agreed at the talks, where the talks are the news: "… agreed on another prisoner exchange during their negotiations in Turkey". */
// (Not one carried out under a deal "reached during peace talks" or "agreed during recent negotiations": that is an
// exchange, the talks behind it.)
const AT_THE_TALKS = String.raw`(?<!(?:reached|struck|made)\s)\b(?:at|during|in\s+the\s+course\s+of)\s+(?!(?:the\s+)?(?:recent|previous|earlier|last|past|prior)\b)(?:the\s+|their\s+|its\s+|this\s+week['’]s\s+)?(?:\p{L}+\s+){0,2}(?:talks|negotiations|round\s+of\s+(?:talks|negotiations))\b`;
const EXCHANGE_ONLY = new RegExp(String.raw`^(?=.*\b(?:prisoners?|POWs?|captives|bodies|children)\b)(?=.*\b(?:exchang|swap|releas|return|repatriat|transferr?|handed over|hand over|reunit)\w*)(?!.*${TALKS_TERMS.source})(?!.*${AT_THE_TALKS})`, 'isu');

/** What two sides do together when they talk: "Trump and Putin spoke by phone", "met in Alaska", "agreed to". */
const DIPLOMACY =
  /\b(?:(?<!so-)call(?:ed|s)?(?!\s+(?:for|on|it)\b)|phone|conversation|telephon\w*|spoke|speak|talked|meet(?:ings?|s)?|met|agree[ds]?(?!\s+to\s+(?:impose|send|provide|supply|sell|buy|extend|adopt|allocate|give|deliver|lend|fund|tighten)\b)|agreement|propos\w*|offer\w*|summit|envoys?|delegations?|negotiat\w*|talks|(?<!\b(?:arms|minerals?|grain|trade|gas|oil|energy|weapons?|resources?|loan|missile)\s)deal|plan(?!s?\s+to\b)|ceasefire|cease-fire|truce|peace)\b/i;

/** One side's leader ready to talk with another ("Putin … is ready to talk with the US president-elect", "Biden said he would talk to … Putin"). */
const LEADER_READY =
  /\b(?:Putin|Kremlin|Zelensk\w*|Biden|Trump)\b[^.;]{0,100}?\b(?:(?:ready|willing|prepared|open)\s+(?:to\s+(?:talk|speak|negotiate|hold\s+talks|meet|engage\s+in\s+(?:talks|dialogue|discussions|negotiations))|for\s+(?:talks|dialogue|discussions|negotiations|contacts?))|would\s+(?:talk|speak)\s+(?:to|with))\b[^.;]{0,60}?\b(?:Putin|Zelensk\w*|Trump|Biden|(?:US|U\.S\.|American|Russian|Ukrainian)\s+(?:president|leader)(?:-elect)?|president-elect|Russian\s+leader)\b/i;

/** The diplomacy itself, not only its aim: talks, a deal, a ceasefire, a go-between, a plan. */
const DIPLOMATIC_PROCESS =
  /\b(?:talks|negotiat\w*|ceasefire|cease-fire|truce|armistice|summit|envoys?|delegations?|mediat\w*|deal|agreement|accord|plan|proposals?|memorandum|diplomac\w*|diplomatic|security\s+guarantees|settlement|met|meet(?:s|ing|ings)?|call(?:s|ed)?|spoke|conversation)\b/i;

/** The two warring sides' leaders. */
const SIDE_LEADER = /\b(?:Putin|Zelensk\w*|Selenskyj)\b/;

/** Sentences on the subject an article needs outside its lead, when its lead is not on it. */
const SUBJECT_SENTENCES = 3;
/** Of those, how many must name one of the story's anchors when the lead names none. */
const SUBJECT_NAMED = 2;

/**
 * Does a headline name the story's subject (a topic word or pattern: "talks", "peace deal", "ending the war"), not
 * only its places and people ("Roughly 55,000 Ukrainian soldiers killed since start of war, Zelensky says")?
 */
export function namesSubject(text: string, story: Story): boolean {
  const topics = story.keywords.filter((k) => !isName(k));
  return anyKeyword(text, topics) || anyPattern(story.topicPatterns ?? [], text);
}

function weight(count: number): number {
  return count > 0 ? 1 + Math.log(count) : 0;
}

/**
 * A list of three or more names ("Moldova, Ukraine, Russia, the Organization for Security and Cooperation in Europe
 * (OSCE), the European Union and …"): items capitalised, each maybe after "the", with an abbreviation in brackets;
 * within a line (a sentence's end is no item's).
 */
const WORD = String.raw`\p{Lu}(?:[\p{L}'’-]|\.(?=\p{L}))*`;
// Bounded (an item of up to seven words) so that a long run of capitalised words is read in linear time.
const LIST_ITEM = String.raw`(?:the )?${WORD}(?: (?:(?:of|for|and|in|the) ){0,2}${WORD}){0,6}(?: \([^()\n]{1,12}\))?`;
const NAME_LIST = new RegExp(String.raw`(?<![\p{L}\p{N}])${LIST_ITEM}(?:, ${LIST_ITEM}){2,}(?:,? and ${LIST_ITEM})?`, 'gu');

/**
 * Score an article against a story's vocabulary: story keywords (names such as "Ukraine" must be present, a topic word
 * such as "ceasefire" alone is not enough, and names alone are not enough either: a topic word or a sentence bearing
 * on a question must occur), question keywords and patterns, minus exclude keywords ("Hamas", "interest rate") that
 * mark a different story. Title hits count double. `tagsOf` gives a sentence's question ids (pass a memo to share
 * the work with fact selection, which asks the same of the same sentences).
 */
export function scoreRelevance(
  text: string,
  title: string | undefined,
  story: Story,
  tagsOf: (sentence: string) => readonly string[] = (s) => questionTags(s, story.questions),
  /** The text's sentences when the caller has split it already. */
  sentenceTexts?: readonly string[],
  /** The standfirst under the headline (a sentence), which leads as the lead's sentences do. */
  standfirst?: string,
): Relevance {
  // The story's words in another sense ("EU accession talks", "the NATO summit") count for nothing.
  const otherSenses = story.notWhen ?? [];
  const inThisSense = (t: string) => (otherSenses.length > 0 ? withoutPatterns(t, otherSenses) : t);
  const head = inThisSense(title ?? '');
  const all = inThisSense(`${title ?? ''}\n${text}`);
  const keywords = story.keywords.length > 0 ? story.keywords : story.questions.flatMap((q) => q.keywords);
  if (keywords.length === 0 && story.excludeKeywords.length === 0) return { relevant: true, score: 1, matched: [] };

  const matched: string[] = [];
  let raw = 0;
  let nameHits = 0;
  let nameDistinct = 0;
  let topicDistinct = 0;
  // The whole text is searched for every keyword before the headline is searched for the ones found, not in turns:
  // keyword search keeps the lower-cased form of the last text it searched.
  const counts = keywords.map((k) => countKeyword(all, k));
  const excludeCounts = story.excludeKeywords.map((k) => countKeyword(all, k));
  for (const [i, k] of keywords.entries()) {
    const n = counts[i] ?? 0;
    if (n === 0) continue;
    matched.push(k);
    raw += weight(n) + (head && hasKeyword(head, k) ? 1 : 0);
    if (isName(k)) {
      nameHits += n;
      nameDistinct++;
    } else topicDistinct++;
  }
  const written = sentenceTexts ?? splitSentences(text).map((s) => s.text);
  const sentences = written.map(inThisSense);
  // A question counts in its own words: a mention next to one of its context words ("Kyiv" near "pressure") is in
  // every report from Ukraine.
  const byId = new Map(story.questions.map((q) => [q.id, q]));
  const onQuestion = (s: string) => tagsOf(s).some((id) => { const q = byId.get(id); return q !== undefined && inOwnWords(s, q); });
  const questionSentences = sentences.filter(onQuestion).length;
  raw += Math.min(3, questionSentences * 0.5);

  const excluded: string[] = [];
  let penalty = 0;
  for (const [i, k] of story.excludeKeywords.entries()) {
    const n = excludeCounts[i] ?? 0;
    if (n === 0) continue;
    excluded.push(k);
    penalty += weight(n) + (head && hasKeyword(head, k) ? 1 : 0);
  }
  const net = Math.max(0, raw - 1.5 * penalty);
  const score = Math.round((1 - Math.exp(-net / 4)) * 1000) / 1000;
  const hasNames = keywords.some(isName);

  if (matched.length === 0) return { relevant: false, score, reason: 'none of the story keywords occur', matched, excluded };
  const anchors = story.anchors ?? [];
  if (anchors.length > 0 && !anchors.some((a) => hasKeyword(all, a)))
    return { relevant: false, score, reason: `names none of ${anchors.slice(0, 4).join(', ')}`, matched, excluded };
  // Named only as one of a list of parties ("participants from Moldova, Ukraine, Russia, the OSCE and the EU") is
  // another process that the story's country sits in on.
  const unlisted = anchors.length > 0 ? all.replace(NAME_LIST, (m) => ' '.repeat(m.length)) : all;
  if (anchors.length > 0 && !anchors.some((a) => hasKeyword(unlisted, a)))
    return { relevant: false, score, reason: `names ${anchors.filter((a) => hasKeyword(all, a)).slice(0, 2).join(', ')} only in a list of parties`, matched, excluded };
  if (hasNames && (nameDistinct === 0 || (nameDistinct === 1 && nameHits < 2)))
    return { relevant: false, score, reason: `no story names mentioned (only ${matched.slice(0, 4).join(', ')})`, matched, excluded };
  // The converse: the story's names without its subject ("Ukrainian band wins fans at Eurovision", grain exports)
  // is another story about the same country. It needs a topic word or a sentence on one of its questions.
  if (penalty > 0 && penalty * 1.5 >= raw)
    return { relevant: false, score, reason: `mostly about something else (${excluded.slice(0, 4).join(', ')})`, matched, excluded };
  // The subject itself must be named: a topic word ("ceasefire", "talks"), one of a question's topical words
  // ("security guarantees") or patterns ("would require Ukraine to cede territory"). A question's names alone (Kyiv,
  // Zelenskyy) are in every report from Ukraine.
  const topics = keywords.filter((k) => !isName(k));
  // Not a sentence tagged only through a question's context words: "pressure", "sanctions" or "officials" next to
  // "Kyiv" is in every report of a strike on Kyiv.
  const topicPatterns = story.topicPatterns ?? [];
  const topical =
    topicDistinct > 0 ||
    anyPattern(topicPatterns, all) ||
    story.questions.some((q) => q.keywords.some((k) => !isName(k) && hasKeyword(all, k)) || anyPattern(q.patterns ?? [], all));
  if (topics.length > 0 && !topical)
    return { relevant: false, score, reason: `not about the story's subject (only names: ${matched.slice(0, 4).join(', ')})`, matched, excluded };
  // The subject must lead the article (its headline or first two sentences) or run through it: a report of an attack, a
  // prisoner swap or a parade that names the talks in a background clause is about something else. Two of the story's
  // sides doing diplomacy together lead it too ("Trump and Putin spoke by phone on Tuesday").
  if (topics.length > 0 && sentences.length > 0) {
    const sidesIn = (s: string) => [...new Set(sideMentions(s, story.sides).map((m) => m.side))];
    // Allies (sides against the same side, neither against the other: Kyiv and European capitals) meeting is not the
    // talks; a side with its opponent or with a mediator is ("Trump and Putin spoke", "Zelensky met Trump").
    const opponents = new Map((story.sides ?? []).map((x) => [x.id, x.opposes ?? []]));
    const allies = (a: string, b: string) => !sidesOppose(a, b, story.sides) && (opponents.get(a) ?? []).some((o) => (opponents.get(b) ?? []).includes(o));
    const twoSides = (s: string) => {
      const ids = sidesIn(s);
      return ids.some((a, i) => ids.slice(i + 1).some((b) => !allies(a, b)));
    };
    const together = (s: string) => DIPLOMACY.test(s) && twoSides(s);
    // A topic word first used in another sense keeps it: "the summit" after "A two-day summit of NATO leaders" is that
    // summit, unless the sentence names two of the story's sides.
    const asWritten = [title ?? '', ...written];
    const read = [head, ...sentences];
    // Sentence by sentence, each searched for every word at once (keyword search keeps the last text's lower case).
    const firstUse = new Map<string, number>();
    if (otherSenses.length > 0)
      asWritten.forEach((w, i) => {
        if (firstUse.size < topics.length && anyKeyword(w, topics)) for (const k of topics) if (!firstUse.has(k) && hasKeyword(w, k)) firstUse.set(k, i);
      });
    const taken = topics.filter((k) => {
      const first = firstUse.get(k);
      return first !== undefined && read[first] !== undefined && !hasKeyword(read[first], k);
    });
    const untaken = taken.length === 0 ? topics : topics.filter((k) => !taken.includes(k));
    const onSubject = (s: string) => anyKeyword(s, taken.length > 0 && twoSides(s) ? topics : untaken) || anyPattern(topicPatterns, s) || onQuestion(s);
    // The lead's sentences are whole ones: a dateline split off ("WASHINGTON, November 25. /TASS/.") is none. A brief
    // of a few sentences is all lead.
    const brief = sentences.length < 2 * SUBJECT_SENTENCES;
    const whole = sentences.filter((s) => s.split(/\s+/).length >= 6);
    // A lead that opens on a prisoner exchange goes on about it: "The complex negotiation process involved mediation
    // by the UAE" after "Russia and Ukraine orchestrated a major exchange of prisoners …" is the exchange's, unless it
    // names the talks' terms.
    const exchangeLed = whole[0] !== undefined && EXCHANGE_ONLY.test(whole[0]);
    const marketLed = [head, whole[0] ?? ''].find((s) => MARKET_LED.test(s) || RATES_LED.test(s));
    if (marketLed !== undefined) return { relevant: false, score, reason: `a market report ("${marketLed.slice(0, 60)}…")`, matched, excluded };
    // A lead about one of the two sides' leaders ("Vladimir Putin has congratulated Donald Trump on his election victory")
    // runs on into its third sentence, where the talks come up ("Putin also said that Trump's claim that he can help end
    // the war in Ukraine 'deserves attention'"); a lead about anyone else keeps to two (a NATO summit, embassy talks).
    const leaderLed = [head, whole[0] ?? '', whole[1] ?? ''].some((x) => SIDE_LEADER.test(x));
    const lead = [head, ...(standfirst !== undefined ? [inThisSense(standfirst)] : []), ...(brief ? whole : whole.slice(0, leaderLed ? 3 : 2))].filter((s) => s !== '' && !EXCHANGE_ONLY.test(s) && !(exchangeLed && s !== head && !TALKS_TERMS.test(s)));
    // A topic word leads only next to one of the story's anchors or two of its sides that are not allies: "Modi-Putin
    // summit talks" or "NATO talks on defence" lead another story.
    const anchors = story.anchors ?? [];
    const anchored = (s: string) => anchors.length === 0 || anyKeyword(s, anchors) || twoSides(s);
    // Only what a lead sentence says before it turns to background counts ("…, which comes as ceasefire talks stall").
    const fore = lead.map(foreground);
    // (Two sides agreeing on what another process's words name, blanked to spaces, is that process: "Russia and Ukraine
    // agreed to a ceasefire in the area of the Zaporizhzhia Nuclear Power Plant for its repairs".)
    const leadsInOwnWords = fore.some((s) => (onSubject(s) && anchored(s)) || (together(s) && !BLANKED_SENSE.test(s)));
    // A topic question counts in the lead in any of its senses too ("asserting that Ukraine can reclaim its territory"),
    // but not against the attack rule: "Ukraine's military stormed into the Russian territory" is the battlefield. (A
    // question asked of a side is in every sentence where that side agrees or meets anyone.)
    const topical = (id: string) => { const q = byId.get(id); return q === undefined || !askedOfSide(q); };
    // A leader ready to talk with the other side's, or to its go-between, in the lead ("Putin … confirmed that he is
    // ready to talk with the US president-elect"), and the war's end named right after it ("Putin noted that Trump has
    // expressed a desire to end the Ukraine conflict"): the talks are the news, in the next sentences' words.
    const readyToTalk = fore.some((s) => LEADER_READY.test(s));
    const nextOnSubject = readyToTalk && whole.slice(brief ? 0 : 2, 4).some((s) => onSubject(foreground(s)) && anchored(s));
    const leads = leadsInOwnWords || nextOnSubject || fore.some((s) => tagsOf(s).some(topical));
    const subjectLines = sentences.filter((s) => onSubject(s) && !EXCHANGE_ONLY.test(s)).length;
    // A report of the war's attacks that names the diplomacy now and then is about the attacks.
    const attackLines = sentences.filter((s) => ATTACK.test(s)).length;
    if (!leadsInOwnWords && attackLines >= 3 && attackLines > subjectLines)
      return { relevant: false, score, reason: `about the war's attacks, not the story's subject (named in ${subjectLines} sentences, attacks in ${attackLines})`, matched, excluded };
    // A report whose every lead sentence is the exchange of prisoners is about the exchange, however often it names the
    // talks further on ("no ceasefire was agreed", "no peace talks scheduled").
    // (Not one agreed at the talks: "… agreed at the talks in Istanbul to exchange 1,000 prisoners each".)
    const atTalks = [head, ...whole.slice(0, 4)].some((s) => /\b(?:talks|negotiat\w*|delegations?|meeting|met|round)\b/i.test(s));
    if (!leads && exchangeLed && lead.length === 0 && !atTalks)
      return { relevant: false, score, reason: 'about an exchange of prisoners; the talks only in the background', matched, excluded };
    // Another peace process in the story's words ("the peace agreement Armenia and Azerbaijan initialled"), with the
    // story's places and people in a background clause: its lead names none of them, nor do its sentences on the
    // subject, however many there are.
    if (!leads && !brief && subjectLines >= SUBJECT_SENTENCES && anchors.length > 0 && ![head, ...whole.slice(0, 2)].some((s) => anyKeyword(s, anchors))) {
      const anchoredLines = sentences.filter((s) => onSubject(s) && anchored(s)).length;
      if (anchoredLines < SUBJECT_NAMED)
        return { relevant: false, score, reason: `another story in the same words: its lead names none of ${anchors.slice(0, 4).join(', ')}, nor ${anchoredLines === 0 ? 'any' : `more than ${anchoredLines}`} of its ${subjectLines} sentences on the subject`, matched, excluded };
    }
    if (!leads && (brief || subjectLines < SUBJECT_SENTENCES))
      return { relevant: false, score, reason: `the story's subject is only in the background (${subjectLines} sentence${subjectLines === 1 ? '' : 's'}, not in the lead)`, matched, excluded };
    // Outside the lead, the subject only as an aim ("Putin is not looking for peace", "ending the war will not solve
    // Russia's economic problems") is a commentary on the war: a report of the diplomacy names it somewhere (talks, a
    // deal, an envoy, a ceasefire) or one of its questions (a withdrawal, a guarantee).
    if (!leads && !sentences.some((s) => tagsOf(s).length > 0 || (onSubject(s) && DIPLOMATIC_PROCESS.test(s))))
      return { relevant: false, score, reason: `the story's subject only as an aim (peace, the war's end), never its diplomacy`, matched, excluded };
  }
  if (score < RELEVANCE_THRESHOLD) return { relevant: false, score, reason: `relevance ${score} below ${RELEVANCE_THRESHOLD}`, matched, excluded };
  return { relevant: true, score, matched };
}
