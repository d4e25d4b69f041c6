import type { Briefing } from '../briefing/types.js';
import { bulletOf, lineOutdated } from './question-line.js';

/** What a renderer is asked to draw: a briefing cut down to what fits, and whether source links fit too. */
export interface FitChoice {
  briefing: Briefing;
  links: boolean;
  /** Questions whose line is drawn short (status and date only): their evidence is older than the window. */
  brief: ReadonlySet<string>;
}

/** Bullets that go in before anything else optional (the first thing to watch, a timeline). */
const LEAD_BULLETS = 4;
/** Longest "+N more" hint a renderer writes (what one more bullet may take away). */
const HINT_ALLOWANCE = 100;

/**
 * The most of a briefing that renders within `limit` characters, without cutting any line: the headline, the open
 * questions and the sources always; then whole development bullets (one that does not fit is skipped and a shorter
 * one may still fit, so short facts make more bullets): the first four in rank order, then a focused
 * question's timeline and this window's first thing to watch, then the other bullets by worth per character
 * ({@link byValuePerCharacter}) and the other things to watch, then the evidence of questions with nothing new in the window
 * (until then their line gives status and date only), then source links. What is left out is counted in the "+N more" hint.
 */
export function fitBriefing(b: Briefing, render: (choice: FitChoice) => string, limit: number): string {
  const focus = b.focus !== undefined ? b.questions.find((q) => q.id === b.focus) : undefined;
  // A question with nothing new in the window gets a short line until everything newer is in.
  const stale = b.questions.filter((q) => q !== focus && q.summaryAt !== undefined && q.summaryAt < b.window.from).map((q) => q.id);
  // A line older than its question's status (the report that changed it reads as no sentence to quote) would be
  // taken for the reason of the change: such a question keeps its short line, status and date, whatever the room.
  const outdated = new Set(b.questions.filter((q) => q !== focus && lineOutdated(q)).map((q) => q.id));
  const state = { devs: [] as Briefing['developments'], watch: [] as Briefing['watch'], evidence: 0, links: false, brief: new Set([...stale, ...outdated]) as ReadonlySet<string> };
  const build = (s: typeof state): string => {
    const trimmed: Briefing = {
      ...b,
      developments: s.devs,
      watch: s.watch,
      questions: b.questions.map((q) => (q === focus ? { ...q, evidence: q.evidence.slice(0, s.evidence) } : q)),
      stats: { ...b.stats, developmentsOmitted: b.stats.developmentsOmitted + (b.developments.length - s.devs.length) },
    };
    return render({ briefing: trimmed, links: s.links, brief: s.brief });
  };
  // Everything fits: nothing to choose.
  const all = build({ devs: b.developments, watch: b.watch, evidence: focus?.evidence.length ?? 0, links: true, brief: outdated });
  if (all.length <= limit) return all;
  let best = build(state);
  const tryWith = (next: typeof state): boolean => {
    const out = build(next);
    if (out.length > limit) return false;
    Object.assign(state, next);
    best = out;
    return true;
  };
  const order = new Map(b.developments.map((d, i) => [d, i]));
  const addDevelopments = (list: Briefing['developments']) => {
    for (const d of list) {
      // A bullet adds at least its text, less the "+N more" line it may retire: skip without rendering when even that is too much.
      // A bullet that shows a question line's fact also shortens that line to a pointer: always worth a try.
      const points = focus === undefined && b.questions.some((q) => bulletOf(q, [d]) === 0);
      if (!points && best.length + d.text.length - HINT_ALLOWANCE > limit) continue;
      tryWith({ ...state, devs: [...state.devs, d].sort((x, y) => (order.get(x) ?? 0) - (order.get(y) ?? 0)) });
    }
  };
  // The top bullets, then the first thing to watch and a focused question's timeline, then the other bullets.
  addDevelopments(b.developments.slice(0, LEAD_BULLETS));
  if (focus) for (let n = 1; n <= focus.evidence.length; n++) if (!tryWith({ ...state, evidence: n })) break;
  // The window's first thing to watch is news; one reported before the window is a reminder, after every bullet.
  const fresh = b.watch.find((w) => w.earlier !== true);
  if (fresh) tryWith({ ...state, watch: [fresh] });
  addDevelopments(byValuePerCharacter(b.developments.slice(LEAD_BULLETS), LEAD_BULLETS));
  // A bullet that turned a question line into a pointer freed room that a bullet skipped before it may now use.
  if (focus === undefined && b.questions.some((q) => bulletOf(q, state.devs) >= 0)) addDevelopments(b.developments.filter((d) => !state.devs.includes(d)));
  for (const w of b.watch) if (!state.watch.includes(w) && best.length + w.text.length <= limit) tryWith({ ...state, watch: b.watch.filter((x) => x === w || state.watch.includes(x)) });
  for (const id of stale.filter((x) => !outdated.has(x))) {
    const brief = new Set(state.brief);
    brief.delete(id);
    tryWith({ ...state, brief });
  }
  tryWith({ ...state, links: true });
  // With nothing added the briefing may still be too long (hostile text): the caller's last guard cuts it.
  return best;
}

/**
 * The bullets past the lead ones in the order a knapsack's greedy fill takes them: worth per character, a bullet's
 * worth falling with its rank (1/rank). A long fact ranked sixth no longer keeps out two short ones ranked seventh and
 * eighth that together say more in the same room; the briefing still draws them in rank order.
 */
function byValuePerCharacter(list: Briefing['developments'], before: number): Briefing['developments'] {
  return list
    .map((d, i) => ({ d, cost: (before + i + 1) * Math.max(1, d.text.length) }))
    .sort((x, y) => x.cost - y.cost)
    .map((x) => x.d);
}
