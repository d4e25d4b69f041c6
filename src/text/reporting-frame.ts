/**
 * A sentence that only says a statement was made, not what it said: "This was reported by the head of the Ukrainian
 * delegation, Rustem Umerov.", "Umerov made the statement at a press conference following the meeting, according to
 * Censor.NET.", "The minister spoke to journalists after the talks, Suspilne reports." Wire and Ukrainian outlets
 * write one before or after the paragraph it frames. It names who spoke (ingestion reads it for that) but bears on no
 * question and tells a briefing's reader nothing.
 */
export function isReportingFrame(sentence: string): boolean {
  const t = sentence.trim();
  // Most sentences have none of the words a frame needs: one quick scan rules them out.
  if (t.length > 260 || !FRAME_WORD.test(t) || /["“”«»]|:\s|\b[Tt]hat\b/.test(t)) return false;
  // "This was reported by …", "It was announced on Telegram by …": the content is the paragraph it points to.
  if (PASSIVE_FRAME.test(t)) return true;
  const m = ACT_OF_SPEAKING.exec(t);
  if (!m) return false;
  // The subject before the act is a name or a role, not a clause of its own ("…, and Umerov made a statement").
  const subject = t.slice(0, m.index);
  if (subject.split(/\s+/).length > 14 || /[;]|,\s+(?:and|but|while|as)\s/iu.test(subject) || SPEECH_VERB.test(subject)) return false;
  // What follows says where, when and to whom, and who reports it; never a topic ("a statement on the peace plan").
  // A clause of its own after it carries news ("… after Russia rejected the proposal"); a closing attribution does not.
  const rest = t.slice(m.index + m[0].length).replace(TRAILING_SOURCE, '');
  return !TOPIC.test(rest) && !CLAUSE_VERB.test(rest);
}

const FRAME_WORD = /^(?:This|That|It|These|The) | this\b|statement|remark|comment|announcement|address|speech|briefing|journalist|reporter|press|media/;

// Case-insensitive patterns without Unicode classes are in plain mode (no `u` flag): V8 runs `\b` under `iu` an order
// of magnitude slower, and every sentence is read with them.
const PASSIVE_FRAME =
  /^(?:this|that|it|these|the (?:statement|announcement|news|information|report))\s+(?:was|were|has been|have been|had been|is)\s+(?:reported|announced|stated|said|noted|confirmed|posted|published|written|shared|declared|communicated)\s+(?:by|in|on|via|at)\b/i;

const ACT_OF_SPEAKING =
  /\b(?:made|makes|gave|gives|delivered|delivers|issued|issues|released|releases|published|publishes|posted|posts)\s+(?:a|an|the|his|her|their|its|this|these|that)\s+(?:(?:brief|short|joint|public|official|video|written|separate|similar|corresponding)\s+)?(?:statements?|remarks|comments?|announcement|address|speech|briefing)\b|\b(?:spoke|speaks|talked|talks)\s+(?:to|with)\s+(?:the\s+)?(?:journalists|reporters|the press|press|media|the media)\b|\b(?:announced|said|reported|stated|wrote|posted|confirmed|noted|declared)\s+this\b/i;

/** ", according to Censor.NET.", ", Suspilne reports." */
const TRAILING_SOURCE = /,\s+(?:according to [^,]{1,60}|[^,]{1,60}\s+(?:reports|reported|writes|wrote|said|says))\.?$/i;
const CLAUSE_VERB = /\b(?:\p{Ll}{3,}ed|was|were|is|are|has|have|had|will|would|could|can|did|does|said|says)\b/u;

const SPEECH_VERB = /\b(?:said|says|told|tells|stated|announced|added|noted|declared|wrote|writes)\b/i;

/** A topic after the act ("a statement on the peace plan", "remarks about security guarantees", "…, saying …"). */
const TOPIC =
  /\b(?:on|about|regarding|concerning|over|in which|where(?:in)?|saying|stating|calling|urging|announcing|noting|claiming|insisting|accusing|confirming|denying|welcoming|rejecting)\b(?!\s+(?:(?:the|his|her|their|its)\s+)?(?:sidelines|margins|eve|website|telegram|x|facebook|channel|official|social)\b|\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\s+\p{Lu}\p{Ll}+\s+\d|\s+\d)/iu;
