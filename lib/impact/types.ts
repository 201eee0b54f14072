/**
 * The impact ledger's shapes, shared by the ledger (what members answer, stored through the endpoint) and the
 * report (what a facilitator reads). The server enforces the privacy these types describe: a member reads only
 * their own entries; a facilitator reads aggregates in which no cell counts fewer than `k` people (never below 5).
 */

/** Where the note that helped was opened from. */
export type ImpactSource = 'search' | 'digest' | 'poll-match' | 'relay';

/** "Did this save you time?": about 5, 30 or 120 minutes, or 0 for "no". */
export const MINUTES_SAVED_CHOICES = [0, 5, 30, 120] as const;
export type MinutesSaved = (typeof MINUTES_SAVED_CHOICES)[number];

/** "Did it turn into a win or a story?" */
export type ImpactOutcome = 'win' | 'story';

/** One member's answer about one opened note. Idempotent by `id` (chosen by the client). */
export interface ImpactEntry {
  id: string;
  communityId: string;
  noteId: string;
  memberId: string;
  source: ImpactSource;
  /** When the note was opened (ISO 8601). */
  openedAt: string;
  /** When the member answered the prompt (ISO 8601). */
  answeredAt: string;
  minutesSaved: MinutesSaved | null;
  outcome: ImpactOutcome | null;
  /** The win or story note it turned into, when the member linked one. */
  outcomeNoteId: string | null;
}

/** One cell of an aggregate: shown only when `members >= k`; otherwise the whole cell is null. */
export interface LedgerCell {
  /** Distinct members behind the cell. */
  members: number;
  entries: number;
  minutesSaved: number;
  /** Median minutes saved per entry that saved time. */
  medianMinutes: number;
  wins: number;
  stories: number;
}

/** What a facilitator may read of the ledger for a period: aggregates only. */
export interface LedgerSummary {
  communityId: string;
  /** Inclusive start, exclusive end (ISO 8601): whole local months in `timeZone`. */
  from: string;
  to: string;
  /**
   * The community's IANA zone the months are cut in (`byMonth[].month` is a local `YYYY-MM` there). One per
   * community, set by an admin, never by the reader: the privacy argument needs bins no request can move.
   */
  timeZone: string;
  /** The smallest number of people a shown cell may count (configurable, never below 5). */
  k: number;
  total: LedgerCell | null;
  byMonth: Array<{ month: string; cell: LedgerCell | null }>;
  bySource: Array<{ source: ImpactSource; cell: LedgerCell | null }>;
  /** Notes that turned into a win or story, with the outcome note (no member ids). */
  outcomes: Array<{ noteId: string; outcome: ImpactOutcome; outcomeNoteId: string | null }>;
  /** Members who consent to be named in reports, as of now (withdrawn consent removes the name). */
  named: Array<{ memberId: string; displayName: string }>;
}
