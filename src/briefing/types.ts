import type { QuestionStatus } from '../records/schema.js';
import type { Stance } from './stance.js';

/** A source as shown to readers. */
export interface BriefingSource {
  name: string;
  url?: string;
  publishedAt?: string;
}

/** One bullet of "what happened", traceable to its record and facts. */
export interface Development {
  text: string;
  eventId: string;
  factIds: string[];
  sources: Array<{ name: string; url?: string }>;
  /** When the event happened (ISO). */
  occurredAt: string;
  /** Number of independent sources behind the event. */
  sourceCount: number;
  /** Who the fact is attributed to (renderers name them when the text does not). */
  speaker?: string;
  /** Facts of other events or articles that report the same thing (`eventId#factId`). */
  alsoReportedIn?: string[];
}

export interface QuestionEvidence {
  eventId: string;
  factId?: string;
  text: string;
  source: string;
  url?: string;
  at: string;
  /** The question's status once this evidence is counted. */
  status: QuestionStatus;
  /** What the evidence says about the question (absent: nothing new). */
  stance?: Stance;
  /** Whose stance it is (a side id of the story). */
  side?: string;
}

export interface QuestionState {
  id: string;
  label: string;
  question: string;
  status: QuestionStatus;
  /** One line: the latest weightiest evidence (this window's when it has any), in the record's words. */
  summary: string;
  /** Where the summary comes from. */
  summarySource?: { name: string; url?: string };
  summaryAt?: string;
  summaryEventId?: string;
  summaryFactId?: string;
  /** Who said the summary's sentence, when its fact names a speaker (shown when the sentence does not: "He also said …"). */
  summarySpeaker?: string;
  /**
   * The summary is from before the window and before the status last changed: no report since the change reads as a
   * sentence to quote, and the line would pass for the change's reason (renderers give status and date alone).
   */
  summaryBeforeChange?: boolean;
  /** When the status last changed (ISO), or null when nothing is known yet. */
  lastChangedAt: string | null;
  /** True when the status changed inside the briefing window. */
  changedInWindow: boolean;
  /** Status before the window (for "since your last briefing"). */
  previousStatus?: QuestionStatus;
  unknowns?: string[];
  /** Newest first. */
  evidence: QuestionEvidence[];
  /** The id of an earlier question of the briefing whose line is this same sentence (renderers point to it). */
  sameAs?: string;
}

export interface WatchItem {
  text: string;
  eventId: string;
  factId?: string;
  due?: string;
  source?: string;
  /** Who said it, when the fact was attributed (renderers name them when the text does not: "…," he stressed). */
  speaker?: string;
  /** Reported before the window (a reminder of an earlier report, not this window's news). */
  earlier?: boolean;
}

/** The platform-neutral briefing. Renderers only format it; they never add content. */
export interface Briefing {
  story: { id: string; title: string };
  generatedAt: string;
  window: { from: string; to: string; fallback: boolean };
  headline: string;
  developments: Development[];
  questions: QuestionState[];
  watch: WatchItem[];
  sources: BriefingSource[];
  /** Set when a single question was asked for (`/sitrep brief territory`). */
  focus?: string;
  /** Counts behind the briefing, for "N more" hints. */
  stats: { eventsInWindow: number; developmentsOmitted: number };
}
