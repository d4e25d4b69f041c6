import type { EventStatus, QuestionStatus } from '../records/schema.js';

/** Where the review messages go (SITREP_REVIEW_CHANNEL). */
export interface ReviewTarget {
  platform: 'slack' | 'discord';
  channel: string;
  /** Slack: the channel's workspace, when the app is installed in several. */
  workspace?: string;
}

/** Someone acting on a draft, from a chat platform or the CLI. */
export interface ReviewActor {
  /** `slack:U123`, `discord:1234…`, `cli:alice`. */
  id: string;
  /** A display name, when the platform gives one (never used to ping). */
  name?: string;
}

/** Where an event's date came from, as the review message says it. */
export type DateSource = 'text' | 'published' | 'ingest-time';

/** A draft (or a reviewed event) as its review message shows it; renderers only format this. */
export interface ReviewView {
  eventId: string;
  story: { id: string; title: string };
  title: string;
  occurredAt: string;
  dateSource?: DateSource;
  facts: Array<{ id: string; text: string; speaker?: string; source: { name: string; url?: string }; alsoSources: Array<{ name: string; url?: string }> }>;
  signals: Array<{ question: string; label: string; status: QuestionStatus; text: string }>;
  sourceCount: number;
  status: EventStatus | 'deleted';
  /** The review decision, when one was made through sitrep (chat or CLI). */
  decision?: { action: 'approve' | 'reject'; actor: string; actorName?: string; at: string };
  /** The newest edit, if any. */
  lastEdit?: { actor: string; actorName?: string; at: string };
}

/** A short alert to a channel that follows a question whose published status changed. */
export interface FollowAlert {
  story: { id: string; title: string };
  question: { id: string; label: string };
  status: QuestionStatus;
  previous: QuestionStatus;
  /** The evidence line (the signal's text) and where it came from. */
  text: string;
  source?: { name: string; url?: string };
  eventId?: string;
  at: string;
}

/** A correction line as posted under a briefing. */
export interface CorrectionNote {
  at: string;
  text: string;
}
