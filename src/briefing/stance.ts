import type { Side } from '../records/schema.js';
import { actorMentions, sideOfName, type SideMention } from './sides.js';
import { leadingWordsLength } from '../text/spaces.js';
import { allMatches } from '../text/matches.js';

/**
 * What a sentence says about an open question:
 * - `propose`: a proposal or offer ("Putin offered…", "Kyiv is ready to…");
 * - `demand`: a demand or condition put to another side ("Moscow demanded that Kyiv withdraw…", "Ukraine must…");
 * - `accept`: an acceptance ("Kyiv agreed to…", "welcomed the plan");
 * - `reject`: a rejection, refusal or failure to agree ("rejected", "will never cede", "did not agree", "no deal");
 * - `dispute`: the sides disagree (one side's proposal or demand and another's rejection, "at odds", "no deal");
 * - `unknown`: the sentence says what is not known ("It is unclear whether Kyiv will accept…");
 * - `none`: nothing new on the question (background, a mention).
 */
export type Stance = 'propose' | 'demand' | 'accept' | 'reject' | 'dispute' | 'unknown' | 'none';

/** Stances that state a position: they can change a question's status. */
export const POSITION_STANCES: ReadonlySet<Stance> = new Set(['propose', 'demand', 'accept', 'reject', 'dispute']);

export interface StanceReading {
  stance: Stance;
  /** The side that takes the stance (absent when no side is named or the story defines none). */
  side?: string;
  /** The words that carry the stance, for explanations and tests. */
  cue?: string;
  /** Of a dispute between named sides: each side's own position in it (the side that rejects, the side whose terms it rejects). */
  parties?: Array<{ side: string; stance: SidePosition }>;
}

/** A position a side takes in a dispute. */
export type SidePosition = 'propose' | 'demand' | 'accept' | 'reject';

/** How a cue finds who takes the stance: the clause's subject, or whoever states it ("Ukraine must…", Peskov said). */
type Role = 'subject' | 'reporter';

interface Cue {
  re: RegExp;
  stance: Exclude<Stance, 'dispute' | 'unknown' | 'none'> | 'dispute' | 'no-deal' | 'concede';
  role: Role;
}

/** "Ukraine is required to cede…", "Kyiv was pressed to accept…": a demand put to the subject, by whoever is named after "by". */
const PASSIVE_DEMAND = /\b(?:is|are|was|were|be|being|been) (?:required|obliged|forced|expected|asked|pressed|urged|told|called on) (?:to )?/i;

// Cues are tried left to right in a clause; the first one found is the clause's stance. Regexes are anchored with \b and
// matched case-insensitively on the clause text.
const CUES: readonly Cue[] = [
  { re: PASSIVE_DEMAND, stance: 'demand', role: 'subject' },
  { re: /\b(?:no|without an?|never reached an?|failed to reach an?|fell short of an?) (?:\w+ ){0,2}(?:deal|agreement|breakthrough|accord)\b/i, stance: 'no-deal', role: 'subject' },
  { re: /\bfail(?:s|ed|ing)? to (?:agree|reach|strike|secure)\b/i, stance: 'no-deal', role: 'subject' },
  { re: /\b(?:at odds|disagree(?:s|d|ment|ments)?|conflicting (?:accounts|claims|reports|versions|positions)|contradict(?:s|ed|ing)?|sticking points?|deadlock(?:ed)?|impasse|far apart|derail(?:s|ed|ing)?|dead[- ]end|broke down|(?:have|has|had) broken down|divided over|differences (?:remain|persist|over|on)|accused each other|accused one another|blamed each other|traded (?:blame|accusations)|(?:most |more )?contentious (?:issues?|questions?|points?|topics?)|thorn(?:y|iest) (?:issues?|questions?|points?)|bridg(?:e|es|ed|ing) (?:the )?(?:gaps?|positions|differences))\b/i, stance: 'dispute', role: 'subject' },
  { re: /\bdisput(?:es|ed|ing)? (?:the|a|an|his|her|their|its|claims?|reports?|that|this|Russia|Ukraine|Kyiv|Moscow)\b/i, stance: 'dispute', role: 'subject' },
  { re: /\b(?:reject(?:s|ed|ing)?|refus(?:e|es|ed|ing)|ruled? out|rules out|ruling out|dismiss(?:es|ed|ing)?|oppos(?:e|es|ed|ing)|declin(?:e|es|ed|ing) to|turn(?:s|ed|ing)? down|veto(?:es|ed|ing)?|den(?:y|ies|ied)|condemn(?:s|ed|ing)?|red lines?|unacceptable|(?:un|not )realistic|non-?starter|out of the question|(?:not|off) the table|balk(?:s|ed)? at|rebuff(?:s|ed)?|push(?:es|ed|ing)? back (?:on|against)|spurn(?:s|ed)?|(?:expressed|voiced|showed|met with) (?:\w+ )?(?:resistance|objections?) to|object(?:s|ed)? to|in no way|by no means|(?:legitimate|lawful) (?:combat |military )?targets?)\b/i, stance: 'reject', role: 'subject' },
  { re: /\b(?:demand(?:s|ed|ing)?|insist(?:s|ed|ing)?|ultimatum|pre-?conditions?|conditions? (?:for|that|of)|on (?:the )?condition|only (?:\S+ ){0,4}?if|as long as|in exchange for|in return for|call(?:s|ed|ing)? on (?:\S+ ){1,5}?to|press(?:es|ed|ing)? for|requir(?:e|es|ed|ing) (?:\S+ ){0,3}?to|want(?:s|ed)? (?:[^\s,;]+ ){1,5}?to|urg(?:e|es|ed|ing) (?:\S+ ){1,5}?to|ask(?:s|ed)? (?:\S+ ){1,4}?(?:not )?to|press(?:es|ed|ing)? (?:\S+ ){1,4}?to|push(?:es|ed|ing)? (?:\S+ ){1,4}?to|pressure (?:\S+ ){0,5}?to)\b/i, stance: 'demand', role: 'subject' },
  { re: /\b(?:must|ha(?:s|ve|d) to|will have to|would have to|need(?:s|ed)? to)\b/i, stance: 'demand', role: 'reporter' },
  // (Not a condition with its subject after it: "… sanctions would be imposed should Putin not agree".)
  { re: /\b[Ss]hould\b(?!\s+(?:\p{Lu}[\p{L}'’.-]*|he|she|they|it|we|you|the|this|that|either|any|both|such)\s)/u, stance: 'demand', role: 'reporter' },
  { re: /\b(?:agree(?:s|d)?|agreeing|accept(?:s|ed|ing)?|welcom(?:e|es|ed|ing)|endors(?:e|es|ed|ing)|approv(?:e|es|ed|ing)|consent(?:s|ed)?|sign(?:s|ed)? (?:off|on|up|the|a)(?! (?:\S+ ){0,2}?(?:application|request|bid)\b)|back(?:s|ed)? (?:the|a|an|his|her|their|its)|support(?:s|ed)? (?:the|a|an) (?:plan|proposal|deal|idea|initiative|ceasefire|truce)|reach(?:ed)? (?:an? )?(?:deal|agreement|understanding)|struck (?:an? )?(?:deal|agreement)|(?:deal|agreement) (?:was|has been) (?:reached|struck|agreed))\b/i, stance: 'accept', role: 'subject' },
  { re: /\b(?:propos(?:e|es|ed|ing|al|als)|offer(?:s|ed|ing)?|suggest(?:s|ed|ing)?|put(?:s|ting)? forward|float(?:s|ed|ing)?|unveil(?:s|ed|ing)?|present(?:s|ed|ing)? (?:a|an|the|its|his|her|their) (?:\w+ ){0,2}(?:plan|proposal|draft|memorandum|framework|roadmap|terms)|call(?:s|ed|ing)? for|commit(?:s|ted)? to|readiness to|ready for|pledg(?:e|es|ed|ing)|push(?:es|ed|ing)? for|ready to|willing to|prepared to|open to|(?:seek(?:s|ing)?|sought)(?!\s+to\b)|appl(?:y|ies|ied|ying) (?:to join|for (?:\S+ ){0,2}?(?:membership|accession|admission))|request(?:s|ed|ing)? (?:\S+ ){0,2}?(?:membership|accession|admission)|(?:announc|launch|submitt?|fil|sign)(?:e|es|ed|ing|s)? (?:\S+ ){0,3}?(?:bid|application|request) (?:to|for))\b/i, stance: 'propose', role: 'subject' },
  { re: /\b(?:ced(?:e|es|ed|ing)|give (?:up|away)|gives (?:up|away)|gave (?:up|away)|giving (?:up|away)|(?:give|gives|gave|giving) (?:\S+ ){0,2}?(?:land|lands|territory|territories|regions?) to|hand(?:s|ed|ing)? over|withdraw(?:s|n|ing)?|withdrew|pull(?:s|ed|ing)? (?:out|back)|surrender(?:s|ed|ing)?|recogni[sz](?:e|es|ed|ing)|leave|abandon(?:s|ed|ing)?|relinquish(?:es|ed|ing)?)\b/i, stance: 'concede', role: 'subject' },
];

/**
 * Words just before a cue that turn it round: "did not agree", "will never cede", "refused to accept", and a negated
 * verb the cue is joined to by "or" ("would not take part in the talks or recognize any agreement").
 */
const NEGATION_BEFORE =
  /(?:(?:\b(?:not|never|no longer|cannot|unwilling to|nor|refusal to|refusing to|refused to)\b|n['’]t\b)(?:\s+\w+){0,2}|(?:\b(?:not|never|cannot)|n['’]t)\s+[^.;,:]{1,80}\sor(?:\s+\w+)?|\b(?:against|resist(?:s|ed|ant|ance)?|reluctan(?:t|ce)|oppos(?:ed|es|ing|ition) to)\b(?:\s+[\w'’-]+){0,4})\s*$/i;
/** A position told as history ("In the past, Russia has rejected…", "has repeatedly said…"): background, not news. */
const BACKGROUND_BEFORE = /\b(?:in the past|previously|has long|have long|had long|has repeatedly|have repeatedly|had repeatedly|back in|last year|years ago)\b/i;
/** A cue inside a condition or an indirect question is not a stance taken: "if both sides agree", "whether Kyiv will accept". */
const HYPOTHETICAL_BEFORE = /\b(?:if|unless|whether|once|what|how|which|when|until|the moment|as soon as)\b(?:\s+[\w'’-]+){0,6}\s*$/i;
/**
 * A condition with its subject after the verb, as in "sanctions would be imposed should Putin not agree", "were Russia
 * to attack again", "had Kyiv accepted": no stance taken either.
 */
const INVERTED_CONDITION = /(?:^|[,;]\s*|\b(?:and|or)\s+|\s)(?:[Ss]hould|[Ww]ere|[Hh]ad)\s+(?:the\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+[\p{L}'’-]+){0,4}\s*$/u;
/** Sentences (or their start) that say what is not known. */
const UNKNOWN =
  /\b(?:unclear|not clear|no outline|unknown|uncertain(?:ty|ties)?|remains? to be seen|without (?:specifying|saying|giving details|elaborating)|no (?:mention|details?) of|no details|little clarity|not (?:yet )?(?:known|decided|specified|disclosed)|(?:is|are|was|were)n['’]t (?:yet )?(?:known|decided|specified|disclosed)|(?:(?:has|have|had) not|(?:has|have|had)n['’]t) (?:yet )?(?:said|specified|outlined|disclosed|decided|responded)|(?:did not|didn['’]t) (?:say|specify|elaborate|disclose)|(?:has|have) yet to|neither side has|open question|undecided)\b/i;
/** Clause boundaries: a reporting verb (what follows is what was said), a semicolon, a dash, a contrast. */
const CLAUSE_BREAK =
  /(?:;|:|\s[—–]\s|\s-\s|,?\s+(?:but|while|whereas|although|yet)\s+|(?<!\b(?:the|a|an|its|their|his|her|our)\s)\b(?:said|says|say|added|stated|warned|argued|noted|insisted that|saying|[Aa]ccording to)\b(?:\s+(?:on|in)\s+\w+)?(?:\s+that)?|\b(?:told|informed|assured|reminded)\s+(?:[\p{Lu}][\p{L}'’-]+\s+){0,3}(?:that\s+)?|,\s*(?=["“])|,\s+as\s+(?!\w+ed\b|well\b|part\b|such\b)|,\s+(?=which\b|(?:an?|the) (?:\w+ ){0,2}(?:offer|proposal|plan|idea|demand|move|step|suggestion|concession|condition)\b)|,\s+(?:conditions|demands|terms|proposals|ideas|steps|moves)\s+(?:that|which)\s+)/gu;
/**
 * A fronted adverbial ("After meeting Witkoff, …", "Speaking in Kyiv, …") names no subject, after a time of its own
 * too ("Last week, when Zelensky alleged …, Beijing urged …").
 */
const FRONTED = /^\s*(?:(?:(?:last|this|earlier|later)\s+(?:week|month|year|\w+day)|earlier|later|yesterday|on\s+\w+day)\s*,\s*(?=(?:after|following|before|when|as|while)\b))?(?:after|following|before|despite|although|while|when|as|since|speaking|in|on|during|amid|with)\b[^,]{0,80},\s*/i;
/** A subject that is the speaker: "we", "I", "our government". */
const FIRST_PERSON = /^\s*["“]?\s*(?:we|i|our|my)\b/i;
/** Both or all sides as one subject. */
const JOINT_SUBJECT = /\b(?:both (?:sides|parties|countries|leaders|delegations)|the (?:two|three|warring) (?:sides|parties|countries|leaders|delegations)|the sides|the parties|negotiators)\b/i;
/** An obligation put on the subject before it: what someone else asks of it. */
const OBLIGED_NEXT = /^\s+(?:must|should|(?:has|have|had|needs?|is|are|was|were)\s+to|(?:would|will)\s+(?:have|need)\s+to|(?:is|are)\s+(?:required|obliged|expected)\s+to)\b/i;

/** A trailing attribution: "…, Peskov said." / "…, Dmitry Peskov had recently stated." / "…, said Peskov." */
const TRAILING_ATTRIBUTION =
  /(?:,|["”])\s*(?:(?:(?:[\p{Lu}][\p{L}'’.-]+\s+){1,4}(?:(?:has|had|have|also|then|later|\p{Ll}+ly)\s+){0,2})?(?:said|says|told|added|stated|warned|insisted|declared|announced|noted|wrote|stressed|emphasi[sz]ed|explained|asserted)|(?:said|says|added|told|declared|wrote)\s+(?:[\p{Lu}][\p{L}'’.-]+\s*){1,4})[^.]*[.!?]?["”]?\s*$/u;

/** A cue word after a determiner is a noun ("an offer", "the proposal", "Russia's demands"), not a stance taken. */
const DETERMINER_BEFORE = /(?:\b(?:a|an|the|this|that|these|those|its|his|her|their|our|my|any|every|such|no)|['’]s)\s+(?:[\w-]+\s+)?$/i;

/** Cue words that are also nouns: only these are read as nouns after a determiner ("the war would have to" is a verb). */
const NOUN_FORM =
  /^(?:offers?|proposals?|demands?|calls?|pledges?|vetoe?s?|consents?|approval|support|backing|withdrawals?|surrender|recognition|conditions?|pre-?conditions?|ultimatum|readiness|insistence|rejections?|refusals?|denials?|agreements?|deal|commitments?|requests?|push|bid|suggestions?|disputes?|red)$/i;

function firstVerbMatch(re: RegExp, body: string): RegExpExecArray | undefined {
  const global = globalOf(re);
  global.lastIndex = 0;
  for (let m = global.exec(body); m; m = global.exec(body)) {
    const first = m[0].split(/\s/)[0] ?? '';
    if (!NOUN_FORM.test(first) || !DETERMINER_BEFORE.test(body.slice(Math.max(0, m.index - 40), m.index))) return m;
    if (m[0].length === 0) global.lastIndex++;
  }
  return undefined;
}

const globals = new Map<RegExp, RegExp>();
function globalOf(re: RegExp): RegExp {
  let g = globals.get(re);
  if (!g) {
    g = new RegExp(re.source, `${re.flags}g`);
    globals.set(re, g);
  }
  return g;
}

interface Clause {
  start: number;
  end: number;
}

function clausesOf(text: string): Clause[] {
  const out: Clause[] = [];
  let last = 0;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(text); m; m = CLAUSE_BREAK.exec(text)) {
    if (m.index > last) out.push({ start: last, end: m.index });
    last = m.index + m[0].length;
    if (m[0].length === 0) CLAUSE_BREAK.lastIndex++;
  }
  if (last < text.length) out.push({ start: last, end: text.length });
  return out;
}

/** A reporting verb, not the adjective ("the stated conditions", "a said agreement"). */
const REPORTING_VERB = /(?<!\b(?:the|a|an|its|their|his|her|our)\s)\b(?:said|says|told|stated|warned|insisted|added)\b/i;
const REPORTING_VERBS = /(?<!\b(?:the|a|an|its|their|his|her|our)\s)\b(?:said|says|say|told|stated|warned|insisted|added|argued|noted|stressed|emphasi[sz]ed)\b/g;

/**
 * Who states a clause: the subject of the reporting verb just before it ("…, while Moscow has said conditions must…"),
 * else the sentence's speaker or attribution.
 */
function reporterOf(text: string, clauseStart: number, mentions: readonly SideMention[], speaker: string | undefined, sides: readonly Side[] | undefined): string | undefined {
  const head = text.slice(0, clauseStart);
  let verb = -1;
  for (const m of allMatches(REPORTING_VERBS, head)) verb = m.index;
  if (verb >= 0) {
    const before = mentions.filter((m) => m.end <= verb);
    const nearest = before[before.length - 1];
    // The nearest side named before the verb, when no other reporting verb stands between them; none when both
    // sides state it ("…, both countries have said").
    if (nearest && !/\b(?:said|says|told|stated)\b/.test(head.slice(nearest.end, verb))) return JOINT_SUBJECT.test(head.slice(nearest.end, verb)) ? undefined : nearest.side;
  }
  return reporterSide(text, mentions, speaker, sides);
}

/** A preposition right before a name: the name is its object, no subject ("comment from Zelenskiy" is his, though). */
const PREPOSITION_BEFORE = /\b(?:with|alongside|beside|besides|against|about|toward|towards|among|between|without|like|than|for|to|on|of|over)\s+(?:the\s+)?$/i;

/** The side that states the sentence: the fact's speaker, or a trailing "…, Peskov said", or a subject before "said". */
function reporterSide(text: string, mentions: readonly SideMention[], speaker: string | undefined, sides: readonly Side[] | undefined): string | undefined {
  const bySpeaker = sideOfName(speaker, sides);
  if (bySpeaker !== undefined) return bySpeaker;
  const trailing = TRAILING_ATTRIBUTION.exec(text);
  if (trailing) {
    const inTrail = mentions.filter((m) => m.start >= trailing.index);
    if (inTrail[0]) return inTrail[0].side;
  }
  const said = REPORTING_VERB.exec(text);
  if (said) {
    // Inverted after the quote ("…, added the source in the Russian government"): who states it follows the verb.
    if (/[,"”]\s*$/.test(text.slice(0, said.index)) && /^\s+(?:the\s|a\s|an\s|\p{Lu})/u.test(text.slice(said.index + said[0].length))) return mentions.find((m) => m.start >= said.index)?.side;
    // A side named inside the quotation is what is quoted, not who quotes it ("“… calling President Zelenskyy …,” he
    // said" is not Kyiv's).
    const quoted = quoteSpans(text);
    // Nor one a preposition governs ("Appearing at a news conference with Zelensky, they warned …"), unless a relative
    // clause makes it the subject ("a shift for Ukraine, which has long insisted …").
    const before = mentions.filter((m) => m.end <= said.index && !quoted.some((q) => q.start < m.start && m.start < q.end) && (!PREPOSITION_BEFORE.test(text.slice(Math.max(0, m.start - 20), m.start)) || /^,\s+(?:which|who)\s/.test(text.slice(m.end, m.end + 8))));
    if (before[0] && !JOINT_SUBJECT.test(text.slice(before[before.length - 1]?.end ?? 0, said.index))) return before[0].side;
  }
  return undefined;
}

/**
 * Read the stance a sentence takes, and whose it is. Each clause (split at reporting verbs, semicolons, dashes and
 * "but") counts its first cue; the subject is the first side named in the clause before the cue (a fronted "After…,"
 * skipped), else the speaker; "must"/"has to" are demands of whoever states them. Negation turns a cue round;
 * a cue inside a condition or an indirect question is no stance. A proposal or demand of one side with another's
 * rejection in the same sentence is a dispute.
 */
export function readStance(text: string, opts: { speaker?: string; sides?: readonly Side[] } = {}): StanceReading {
  const { readings: all, unknown } = clauseReadings(text, opts);
  // A position told as history counts only as the other half of a dispute the sentence reports ("He insisted that
  // Ukraine abandon its bid to join NATO, conditions that Kyiv has repeatedly rejected").
  const readings = all.filter((r) => r.background !== true);
  // One side's proposal or demand met by another side's rejection in the same sentence, or a rejection of another
  // side's proposal, plan or demand ("pushed back on Zelenskyy's calls for security guarantees").
  const offers = readings.filter((r) => (r.stance === 'propose' || r.stance === 'demand' || r.stance === 'accept') && r.side !== undefined);
  const refusals = all.filter((r) => r.stance === 'reject' && r.side !== undefined);
  const against = readings.filter((r) => r.stance === 'reject' && r.against !== undefined && r.against !== r.side);
  if (offers.some((o) => refusals.some((r) => r.side !== o.side)) || against.length > 0) {
    // Each side's part, so the question keeps every side's latest position (the first one a side takes counts).
    const parties: NonNullable<StanceReading['parties']> = [];
    const add = (side: string | undefined, stance: SidePosition) => {
      if (side !== undefined && !parties.some((p) => p.side === side)) parties.push({ side, stance });
    };
    for (const r of [...offers, ...refusals]) add(r.side, r.stance as SidePosition);
    for (const r of against) {
      add(r.side, 'reject');
      add(r.against, r.againstStance ?? 'demand');
    }
    return { stance: 'dispute', cue: all.map((r) => r.cue).join(' … '), parties };
  }
  if (readings.length === 0) return { stance: unknown ? 'unknown' : 'none' };
  const order: Stance[] = ['dispute', 'reject', 'demand', 'accept', 'propose'];
  const top = [...readings].sort((a, b) => order.indexOf(a.stance) - order.indexOf(b.stance) || a.at - b.at)[0] as StanceReading & { at: number };
  const out: StanceReading = { stance: top.stance };
  if (top.side !== undefined) out.side = top.side;
  if (top.cue !== undefined) out.cue = top.cue;
  return out;
}

/** Where the sentence's quotations are (a quotation left open runs to the end). */
function quoteSpans(text: string): Array<{ start: number; end: number }> {
  if (!/["“”]/.test(text)) return [];
  const out: Array<{ start: number; end: number }> = [];
  for (const m of allMatches(/[“"]([^”"]*)(?:[”"]|$)/g, text)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/** One clause's stance, where its cue stands, and what it may be set against. */
export type ClauseReading = StanceReading & {
  at: number;
  /** A rejection's object is this side's proposal, plan or demand. */
  against?: string;
  /** What that object was for its side: a demand (conditions, terms) or a proposal (a plan). */
  againstStance?: 'demand' | 'propose';
  /** Told as history ("has repeatedly rejected"): no news of its own. */
  background?: boolean;
};

/** The nouns for what one side puts to another: its proposals, plans, demands, terms. */
const TERMS_NOUN = String.raw`proposals?|plans?|demands?|terms|conditions|offers?|initiatives?|framework|ultimatum|memorandum`;

/** What one side puts to another, as the object of a rejection: "Zelenskyy's calls for …", "Washington's evolving proposals". */
const OWN_TERMS = new RegExp(String.raw`^(?:['’]s)?\s+(?:[\w-]+\s+){0,2}?(${TERMS_NOUN}|calls?|positions?)\b`, 'i');

/** What the rejected terms were for their author: a demand ("conditions", "terms", "calls for …") or a proposal ("plan"). */
function termsStance(noun: string): 'demand' | 'propose' {
  return /^(?:demands?|terms|conditions|ultimatum|calls?)$/i.test(noun) ? 'demand' : 'propose';
}

/** Terms a rejection names with their author after them: "ceasefire conditions announced by …", "the plan put forward by …". */
const TERMS_BY = new RegExp(
  String.raw`^\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}?(${TERMS_NOUN})\s+(?:(?:announced|put forward|proposed|set out|laid out|presented|offered|issued|outlined|made|floated|tabled)\s+)?by\s+`,
  'i',
);

/** A concession in the bare form after a demand's "that" ("insisted that Ukraine abandon its bid"): what is demanded. */
const MANDATE_BEFORE = /\b(?:insist(?:s|ed|ing)?|demand(?:s|ed|ing)?)\s+that\s*$/i;
const BARE_CONCESSION = /^(?:cede|give (?:up|away)|hand over|withdraw|pull (?:out|back)|surrender|recogni[sz]e|leave|abandon|relinquish)$/i;

/** Every clause's stance, in text order, and whether the sentence says something is unknown. */
export function clauseReadings(text: string, opts: { speaker?: string; sides?: readonly Side[] } = {}): { readings: ClauseReading[]; unknown: boolean } {
  const t = text.trim();
  if (t.length === 0 || /\?["”’]?$/.test(t)) return { readings: [], unknown: false };
  const sides = opts.sides;
  const mentions = actorMentions(t, sides);
  const readings: ClauseReading[] = [];
  const unknownAt = UNKNOWN.exec(t)?.index;
  // The sentence's quotations and the sides named as objects, the same for every clause.
  const quoted = quoteSpans(t);
  // A side after a preposition or a verb in -ing is no subject ("the possibility of Ukraine joining NATO … were
  // unrealistic", Hegseth said), nor is one listed after such an object ("Delegations from the United States, Ukraine
  // and …").
  // After a preposition other than "to" (an infinitive's: "to stop Kyiv accepting"), an adjective may stand between
  // ("control of eastern Ukraine"), a relative pronoun not ("the plan, of which Kyiv approved").
  const objectOf = (m: SideMention) => {
    const before = t.slice(Math.max(0, m.start - 40), m.start);
    return (
      /\b(?:of|for|with|to|from|about|against|over|between|among|\p{Ll}{2,}ing)\s+(?:the\s+)?$/iu.test(before) ||
      /\b(?:of|for|with|from|about|against|over|between|among)\s+(?:the\s+)?(?!(?:which|whom|whose|what|that)\s)\p{Ll}[\p{Ll}-]+\s+$/u.test(before)
    );
  };
  const objects = new Set<SideMention>();
  mentions.forEach((m, i) => {
    const prev = mentions[i - 1];
    if (objectOf(m) || (prev !== undefined && objects.has(prev) && /^\s*(?:,|and|or|&)\s*(?:the\s+)?$/i.test(t.slice(prev.end, m.start)))) objects.add(m);
  });
  for (const clause of clausesOf(t)) {
    const body = t.slice(clause.start, clause.end);
    let best: { cue: Cue; index: number; match: string } | undefined;
    for (const cue of CUES) {
      const m = firstVerbMatch(cue.re, body);
      if (!m) continue;
      if (!best || m.index < best.index) best = { cue, index: m.index, match: m[0] };
    }
    if (!best) continue;
    const at = clause.start + best.index;
    const before = t.slice(clause.start, at);
    const hypothetical = HYPOTHETICAL_BEFORE.exec(before) ?? INVERTED_CONDITION.exec(before);
    if (hypothetical) {
      // "Moscow would stop fighting if Ukraine withdrew from four regions": a concession made a condition is a demand
      // of the side that sets it. Other cues in a condition or an indirect question ("whether Kyiv will accept") are none.
      const condition = /^(?:if|unless|once)\b/i.test(hypothetical[0]) && best.cue.stance === 'concede' && !NEGATION_BEFORE.test(before);
      const setter = condition ? mentions.find((m) => m.start >= clause.start && m.end <= clause.start + hypothetical.index) : undefined;
      if (setter) readings.push({ stance: 'demand', side: setter.side, cue: `${hypothetical[0].split(/\s/)[0]} … ${best.match}`, at });
      continue;
    }
    if (unknownAt !== undefined && unknownAt < at) continue;
    const background = BACKGROUND_BEFORE.test(before);
    const negated = NEGATION_BEFORE.test(before);
    let stance: Stance;
    switch (best.cue.stance) {
      case 'no-deal':
        stance = 'reject';
        break;
      case 'concede':
        stance = negated ? 'reject' : 'propose';
        break;
      case 'dispute':
        stance = negated ? 'none' : 'dispute';
        break;
      case 'reject':
        // "did not rule out", "did not reject": a door left open.
        stance = negated ? 'propose' : 'reject';
        break;
      case 'accept':
      case 'propose':
        stance = negated ? 'reject' : best.cue.stance;
        break;
      case 'demand':
        // "insisted there would be no territorial concessions", "demanded that Kyiv not join NATO": a demand against.
        stance = negated ? 'none' : /^(?:\S+\s+){0,6}?(?:no|not|never)\b|^(?:\S+\s+){0,6}?\S*n['’]t\b/i.test(body.slice(best.index + best.match.length).trimStart()) ? 'reject' : 'demand';
        break;
    }
    if (stance === 'none') continue;
    if (background && stance !== 'reject') continue;
    // Who: the subject named in the clause before the cue, else the speaker ("We will never…", Zelenskyy said).
    // After "According to <source>, " the source is who reports the clause, not its subject.
    const fronted = FRONTED.exec(before) ?? (/according to\s*$/i.test(t.slice(0, clause.start)) ? /^[^,]{0,80},\s*/.exec(before) : null);
    const subjectFrom = clause.start + (fronted ? fronted[0].length : 0);
    // A side named inside a quotation is not the subject of a verb outside it ("“… the defense of Ukraine,” Macron
    // insisted" is Macron's).
    const outsideQuote = (m: { start: number }) => !quoted.some((q) => q.start < m.start && m.start < q.end && !(q.start < at && at < q.end));
    const subjectMentions = mentions.filter((m) => m.start >= subjectFrom && m.end <= at && outsideQuote(m) && !objects.has(m));
    const subjectSides = [...new Set(subjectMentions.map((m) => m.side))];
    const reporter = reporterOf(t, clause.start, mentions, opts.speaker, sides);
    let side: string | undefined;
    const relative = /\b(?:that|which|who)\s+(?:\w+ly\s+)?$/i.exec(before);
    const from = /\bfrom\s/.exec(best.match);
    const source = from ? mentions.find((m) => m.start >= at + from.index && m.end <= at + best.match.length) : undefined;
    const inClause = mentions.filter((m) => m.start >= clause.start && m.end <= at);
    if (source) side = source.side; // "pressure from the American side to accept…"
    else if (best.cue.re === PASSIVE_DEMAND) {
      // The subject is who the demand is put to; who puts it is named after "by", if at all.
      const by = /^.{0,60}?\bby\s/i.exec(t.slice(at + best.match.length, clause.end));
      side = by ? mentions.find((m) => m.start >= at + best.match.length + by[0].length && m.start <= at + best.match.length + by[0].length + 25)?.side : undefined;
    } else if (/\b(?:for|of|over)\s+$/i.test(before) && /ing\b/.test(best.match.split(/\s/)[0] ?? '')) {
      // "chided Zelensky for refusing…", "accused Kyiv of obstructing…": the doer is the one named just before.
      side = inClause[inClause.length - 1]?.side;
    } else if (best.cue.role === 'reporter') side = reporter;
    else if (relative) {
      // "a peace plan that endorses…": the subject is the noun the clause hangs on, a side only when one is named there.
      const antecedent = mentions.find((m) => m.end >= clause.start + relative.index - 3 && m.end <= clause.start + relative.index);
      side = antecedent?.side;
    } else if (subjectMentions[0] && !FIRST_PERSON.test(t.slice(subjectFrom, subjectMentions[0].start))) side = subjectMentions[0].side;
    else if (FIRST_PERSON.test(t.slice(subjectFrom, at)) || subjectMentions.length === 0) {
      // A passive ("was rejected by Kyiv") names its subject after the cue.
      const by = new RegExp(`^.{0,40}?\\bby\\b`, 'i').exec(t.slice(at, clause.end));
      const after = by ? mentions.find((m) => m.start >= at + by[0].length && m.start <= at + by[0].length + 25) : undefined;
      side = after?.side ?? reporter;
    }
    // "Both sides", or two sides joined as one subject, failing to agree or disagreeing: a dispute between them.
    const joint = JOINT_SUBJECT.test(t.slice(subjectFrom, at)) || subjectSides.length >= 2;
    if (stance === 'dispute' && joint) side = undefined;
    if (best.cue.stance === 'no-deal' && (joint || side === undefined)) {
      stance = 'dispute';
      side = undefined;
    } else if (stance === 'reject' && negated && joint) {
      stance = 'dispute';
      side = undefined;
    }
    // "He insisted that Ukraine abandon its bid": the concession is what the one who insists demands.
    if (best.cue.stance === 'concede' && stance === 'propose' && MANDATE_BEFORE.test(t.slice(Math.max(0, clause.start - 30), clause.start)) && BARE_CONCESSION.test(best.match) && /^\s*(?:the\s+)?[\p{Lu}][\p{L}'’-]*(?:\s+[\p{Lu}][\p{L}'’-]*){0,2}\s+$/u.test(before)) {
      stance = 'demand';
      side = reporter;
    }
    const reading: ClauseReading = { stance, cue: best.match, at };
    if (side !== undefined) reading.side = side;
    if (background) reading.background = true;
    if (stance === 'reject') {
      const end = at + best.match.length;
      let terms: RegExpExecArray | null = null;
      const owner = mentions.find((m) => m.start >= end && m.start <= end + 60 && m.start < clause.end && (terms = OWN_TERMS.exec(t.slice(m.end, m.end + 60))) !== null);
      // Or terms named with their author after them: "dismissed ceasefire conditions announced by Russian President
      // Vladimir Putin as «absurd»".
      const authored = owner ? null : TERMS_BY.exec(t.slice(end, Math.min(clause.end, end + 80)));
      const byAt = authored ? end + authored.index + authored[0].length : -1;
      const author = authored ? mentions.find((m) => m.start >= byAt && m.start <= byAt + 30) : undefined;
      const against = owner ?? author;
      const noun = (owner ? (terms as RegExpExecArray | null)?.[1] : authored?.[1]) ?? '';
      if (against) {
        reading.against = against.side;
        reading.againstStance = termsStance(noun);
      }
    }
    readings.push(reading);
  }
  return { readings, unknown: unknownAt !== undefined };
}

/**
 * Is one of the `asked` sides a voice of the sentence: the speaker's side, a side taking one of its stances, the side
 * stating it ("…, Peskov said"), or the side named as its subject (in its first words)? The cheap voices are asked
 * first: the clause readings, most of the cost, only when those do not tell (question tagging 13 % faster).
 */
export function voicedBy(text: string, opts: { speaker?: string; sides?: readonly Side[] }, asked: readonly string[]): boolean {
  const sides = opts.sides;
  if (!sides || sides.length === 0) return false;
  const bySpeaker = sideOfName(opts.speaker, sides);
  if (bySpeaker !== undefined && asked.includes(bySpeaker)) return true;
  const mentions = actorMentions(text, sides);
  const subject = subjectSide(text, mentions);
  if (subject !== undefined && asked.includes(subject)) return true;
  const read = readingSides(text, opts.speaker, sides);
  if (read.some((side) => side !== undefined && asked.includes(side))) return true;
  const reporter = reporterSide(text, mentions, undefined, sides);
  // A side that only reports another side's stance ("Medinsky denied …, according to two Ukrainian officials") does
  // not take it.
  const reportsAnother = read.length > 0 && read.every((side) => side !== undefined && side !== reporter);
  return reporter !== undefined && !reportsAnother && asked.includes(reporter);
}

/** The side that takes each of the sentence's stances, clause by clause (undefined where none can be told). */
function readingSides(text: string, speaker: string | undefined, sides: readonly Side[]): Array<string | undefined> {
  const out: Array<string | undefined> = [];
  // (A position told as history is no voice of the sentence's own.)
  for (const r of clauseReadings(text, { sides, ...(speaker !== undefined ? { speaker } : {}) }).readings) if (r.background !== true) out.push(r.side);
  return out;
}

/** A name set off by a comma before the role that says whom it serves: "Iryna Vereshchuk, " (then "Ukraine’s …"). */
const APPOSITIVE_BEFORE = /^\s*(?:[\p{Lu}][\p{L}.'’-]*\s+){0,3}[\p{Lu}][\p{L}.'’-]*,\s+(?:the\s+)?$/u;
/** The role after the side, closed by a comma before the verb: "’s Deputy Prime Minister, said". */
const APPOSITIVE_ROLE = /^(?:['’]s)?\s+(?:[\p{L}-]+\s+){0,4}?[\p{L}-]+,\s+(?!and\b)\p{Ll}/u;

/** The subject: a side named in the first words, alone (not "Kyiv and Moscow…", "talks between Ukraine and Russia"). */
function subjectSide(text: string, mentions: readonly SideMention[]): string | undefined {
  const first = mentions[0];
  if (first === undefined) return undefined;
  const opening = leadingWordsLength(text, 3);
  const wider = leadingWordsLength(text, 9);
  // Or a person introduced by the side they serve: "Iryna Vereshchuk, Ukraine’s Deputy Prime Minister, said …".
  const appositive = APPOSITIVE_BEFORE.test(text.slice(0, first.start)) && APPOSITIVE_ROLE.test(text.slice(first.end, first.end + 80));
  const leadsOff = appositive || /^\s*["“]?\s*(?:[\p{Lu}][\p{L}.'’-]*\s+){0,3}$/u.test(text.slice(0, first.start));
  // Another side joined to it ("Kyiv and Moscow", "Ukraine, Russia") shares the subject; one further on ("Kyiv has not
  // commented on the proposal from Putin") is the object.
  const joined = (m: { start: number }) => /^\s*(?:and|or|&|,|with)\s*$/i.test(text.slice(first.end, m.start));
  // A subject under an obligation ("Kiev must withdraw …", "Ukraine would have to cede …") is what is asked of it.
  const obliged = OBLIGED_NEXT.test(text.slice(first.end, first.end + 40));
  return leadsOff && !obliged && first.start < opening && !mentions.some((m) => m.side !== first.side && m.start < wider && joined(m)) ? first.side : undefined;
}
