import type { Story } from '../records/schema.js';
import { anyKeyword, countKeyword, hasKeyword, patternMatches, questionTags } from './keywords.js';
import { splitSentences } from './sentences.js';

/** How an article relates to a story. `score` is in [0, 1]. */
export type Relevance =
  | { relevant: true; score: number; matched: string[] }
  | { relevant: false; score: number; reason: string; matched: string[]; excluded: string[] };

/** Minimum relevance score for an article to be kept. */
export const RELEVANCE_THRESHOLD = 0.5;

/** A sentence about an attack and its toll. */
const ATTACK = /\b(?:missiles?|drones?|strikes?|struck|attack(?:s|ed)?|shelling|killed|wounded|injured|explosions?|blasts?|air raid|casualties|debris)\b/i;

/** Capitalised keywords are names (places, people, institutions): the anchors of a story; the rest are its topic words. */
function isName(keyword: string): boolean {
  return /^\p{Lu}/u.test(keyword);
}

function weight(count: number): number {
  return count > 0 ? 1 + Math.log(count) : 0;
}

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
): Relevance {
  const head = title ?? '';
  const all = `${head}\n${text}`;
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
  const sentences = sentenceTexts ?? splitSentences(text).map((s) => s.text);
  const questionSentences = sentences.filter((s) => tagsOf(s).length > 0).length;
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
  const topical =
    topicDistinct > 0 ||
    story.questions.some((q) => q.keywords.some((k) => !isName(k) && hasKeyword(all, k)) || (q.patterns ?? []).some((p) => patternMatches(p, all)));
  if (topics.length > 0 && !topical)
    return { relevant: false, score, reason: `not about the story's subject (only names: ${matched.slice(0, 4).join(', ')})`, matched, excluded };
  // A report of the war's attacks that names the diplomacy once ("Moscow continues to invest in strikes more than in
  // diplomacy," Zelensky said) is about the attacks: the subject must run through more than one sentence of it.
  if (topics.length > 0 && sentences.length >= 5) {
    const onSubject = (s: string) => anyKeyword(s, topics) || tagsOf(s).length > 0;
    let subjectLines = head && onSubject(head) ? 1 : 0;
    for (const s of sentences) if (subjectLines <= 1 && onSubject(s)) subjectLines++;
    if (subjectLines <= 1 && sentences.filter((s) => ATTACK.test(s)).length >= 3)
      return { relevant: false, score, reason: `about the war's attacks, not the story's subject (named in ${subjectLines} sentence)`, matched, excluded };
  }
  if (score < RELEVANCE_THRESHOLD) return { relevant: false, score, reason: `relevance ${score} below ${RELEVANCE_THRESHOLD}`, matched, excluded };
  return { relevant: true, score, matched };
}
