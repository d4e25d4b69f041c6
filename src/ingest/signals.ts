import type { Fact, QuestionStatus, Signal, Story } from '../records/schema.js';
import { factId } from '../records/fact-id.js';
import { CHANGE_VERB, fitText } from './facts.js';

/** A stated position or outcome one source reports… */
const AFFIRM = /\b(?:agree[sd]?|accept(?:s|ed)?|confirm(?:s|ed)?|ready to|willing to|prepared to|approv(?:e|es|ed)|signed)\b/i;
/** …and another source denies. */
const DENY = /\b(?:den(?:y|ies|ied)|disput(?:e|es|ed)|contradict(?:s|ed)?|no agreement|not agreed|did not agree|(?:is|was) not true|false|refus(?:e|es|ed)|dismiss(?:es|ed)?|reject(?:s|ed)?)\b/i;
/** A single fact that reports disagreement itself. */
const CONFLICT = /\b(?:conflicting (?:accounts|reports|claims)|disputed|contradicted|disagree(?:s|d|ment)?|at odds)\b/i;
/** Sentences that say what is not known. */
const UNKNOWN = /\b(?:unclear|not clear|no outline|unknown|uncertain(?:ty|ties)?|remains? to be seen|without specifying|no (?:mention|details?) of|little clarity|not (?:yet )?(?:known|decided|specified))\b/i;

/**
 * Propose one signal per question the facts bear on: `contested` when sources disagree (one affirms what another
 * denies, or a fact reports a dispute), `moved` when a position changes (agreed, proposed, offered, accepted,
 * rejected…), `open` otherwise. Each signal points at its evidence fact and lists what is still unknown.
 */
export function proposeSignals(facts: readonly Fact[], story: Story): Signal[] {
  const signals: Signal[] = [];
  for (const q of story.questions) {
    const tagged = facts.map((f, i) => ({ f, id: factId(f, i) })).filter(({ f }) => f.questions?.includes(q.id));
    if (tagged.length === 0) continue;
    const sourcesOf = (f: Fact) => new Set([f.source, ...(f.alsoSources ?? [])]);
    const affirming = tagged.filter(({ f }) => AFFIRM.test(f.text) && !DENY.test(f.text));
    const denying = tagged.filter(({ f }) => DENY.test(f.text));
    const crossSource = affirming.find((a) => denying.some((d) => ![...sourcesOf(d.f)].some((s) => sourcesOf(a.f).has(s))));
    const conflict = tagged.find(({ f }) => CONFLICT.test(f.text));
    const changed = tagged.find(({ f }) => CHANGE_VERB.test(f.text) && !UNKNOWN.test(f.text));

    let status: QuestionStatus = 'open';
    let evidence = tagged[0];
    if (crossSource || conflict) {
      status = 'contested';
      evidence = conflict ?? crossSource;
    } else if (changed) {
      status = 'moved';
      evidence = changed;
    } else {
      evidence = tagged.find(({ f }) => !UNKNOWN.test(f.text)) ?? tagged[0];
    }
    if (!evidence) continue;
    const unknowns = tagged
      .filter(({ f }) => UNKNOWN.test(f.text))
      .map(({ f }) => fitText(f.text, 200))
      .filter((u, i, all) => all.indexOf(u) === i)
      .slice(0, 3);
    const signal: Signal = { question: q.id, status, text: fitText(evidence.f.text), fact: evidence.id };
    if (unknowns.length > 0) signal.unknowns = unknowns;
    signals.push(signal);
  }
  return signals;
}
