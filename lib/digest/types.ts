import type { Note, NoteKind, Person } from '../model';
import type { QuestionEvent } from '../questions/events';

/** A thank as the digest reads it (the same shape as lib/db's ThankRow; the digest may not import lib/db). */
export interface DigestThank {
  id: string;
  noteId: string;
  memberId: string;
  memberName?: string;
  communityId: string;
  createdAt: number;
}

/** An event as the digest reads it: 'note-opened', 'duplicate-avoided', ... */
export interface DigestEvent {
  type: string;
  noteId?: string;
  at: number;
}

export const RITUAL_KINDS = ['ama', 'huddle', 'show-and-tell', 'win-thread'] as const;
export type RitualKind = (typeof RITUAL_KINDS)[number];
/**
 * How often a ritual comes back. The first four keep the anchor's weekday (weekly, bi-weekly) or day of month
 * (monthly, quarterly); `monthly-weekday` is "the first Thursday", "the last Friday": the anchor's weekday, in the
 * week of the month `nth` names.
 */
export const CADENCES = ['weekly', 'biweekly', 'monthly', 'quarterly', 'monthly-weekday'] as const;
export type Cadence = (typeof CADENCES)[number];
/** Which week of the month a `monthly-weekday` ritual falls in: 1 to 4, or -1 for the last. */
export const WEEKS_OF_MONTH = [1, 2, 3, 4, -1] as const;
export type WeekOfMonth = (typeof WEEKS_OF_MONTH)[number];

/** One recurring gathering of a community. `anchor` is one occurrence (`YYYY-MM-DD`); the rest follow the cadence. */
export interface Ritual {
  id: string;
  kind: RitualKind;
  title: string;
  cadence: Cadence;
  anchor: string;
  /** Only with `monthly-weekday`: which week; the anchor must be that week's weekday (the rule is one date). */
  nth?: WeekOfMonth;
}

/** The key rituals and health are grouped under: a community id, or this for personal notes. */
export const PERSONAL = 'personal';

export interface DigestSettings {
  /** The user's member ids (one per community) plus the id personal notes are filed under. */
  meIds: readonly string[];
  /** Edited schedules by community key; communities without one get the default rhythm. */
  rituals?: Readonly<Record<string, readonly Ritual[]>>;
  /** Note id -> the local day (`YYYY-MM-DD`) the archive last showed it. */
  archiveShown?: Readonly<Record<string, string>>;
  /**
   * Community -> the user's member id there, for the communities the user facilitates: their "no, that didn't
   * answer it" counts on any question there, not only on their own (lib/questions/replay.ts `mayConfirm`).
   */
  facilitators?: Readonly<Record<string, readonly string[]>>;
}

/** Everything the digest needs about one note to show it: text only, never markup. */
export interface NoteCard {
  id: string;
  kind: NoteKind;
  title: string;
  url: string;
  siteName: string;
  author: Person;
  contributors: Person[];
  communityId: string | null;
  createdAt: number;
}

export interface OpenQuestion extends NoteCard {
  ageDays: number;
}

export interface HarvestGroup {
  kind: NoteKind;
  notes: NoteCard[];
}

export interface RitualOccurrence {
  ritual: Ritual;
  /** `YYYY-MM-DD` in the user's zone, today or later. */
  nextDay: string;
  nextAt: number;
  feeds: NoteCard[];
}

export interface CommunityRituals {
  communityId: string;
  rituals: RitualOccurrence[];
}

export interface PersonToThank {
  person: Person;
  thanks: number;
  opens: number;
  /** The harvest the thank button thanks. */
  note: NoteCard;
  isThanked: boolean;
}

export interface ThankReceived {
  from: string;
  note: NoteCard;
  at: number;
}

export type MetricId =
  'activeContributors' | 'topShare' | 'firstTime' | 'medianAnswerMs' | 'duplicatesAvoided' | 'depth';

/** A health metric: its value over the last four weeks and one point per week for the last twelve (oldest first). */
export interface Metric {
  id: MetricId;
  unit: 'count' | 'share' | 'duration';
  value: number | null;
  trend: (number | null)[];
}

export type GhostReason = 'questions-waiting-14d' | 'no-harvest-7d';

export interface Digest {
  day: string;
  timeZone: string;
  weekStart: number;
  /** Start of each of the last 12 weeks, oldest first (the x axis of every trend). */
  weekStarts: number[];
  isEmpty: boolean;
  harvest: { total: number; groups: HarvestGroup[] };
  unanswered: { total: number; questions: OpenQuestion[] };
  wins: NoteCard[];
  rituals: CommunityRituals[];
  people: { toThank: PersonToThank[]; received: ThankReceived[] };
  stories: NoteCard[];
  archive: NoteCard | null;
  health: Metric[];
  ghostTown: GhostReason[];
}

/** What one week contributed; persisted for completed weeks so trends need no rescan. */
export interface WeekStats {
  notes: number;
  deep: number;
  links: number;
  authors: Record<string, number>;
}

/**
 * Aggregates over the live notes folded in, kept in the store between new tabs and advanced by the note summaries
 * written after `seq` (lib/db numbers them); `cursor` is the newest `updatedAt` seen. Keyed by note id, so
 * re-folding a note is harmless; a removal makes the store rebuild it (`removals`).
 */
export interface DigestIndex {
  v: 1;
  timeZone: string;
  cursor: number;
  /**
   * The store's count of removals (writes that took back a live note's contribution) when the index was built:
   * at another count the index may hold a deleted note, so it is rebuilt. Absent in indexes from before it.
   */
  removals?: number;
  /** The last note summary write folded in (the store numbers them): the next run folds those after it. */
  seq?: number;
  lastCreatedAt: number;
  authors: Record<string, { name: string; first: number }>;
  questions: Record<string, { c: number; cm: string | null }>;
  answers: Record<string, { q: string; c: number }>;
  communities: Record<string, number>;
  /** Completed weeks' stats by week start instant. */
  weeks: Record<string, WeekStats>;
}

export interface DigestInput {
  /**
   * Without `index`: every note (the full scan). With `index`: at least the notes created in weeks missing from
   * `index.weeks` (always the current one), the open questions `unansweredIds` names, the newest stories,
   * archive candidates and the notes `thanks`/`events` point at.
   */
  notes: readonly Note[];
  thanks: readonly DigestThank[];
  events: readonly DigestEvent[];
  settings: DigestSettings;
  now: number;
  timeZone: string;
  index?: DigestIndex;
  /**
   * Question events: at least every event of each question that got a "no, that didn't answer it" (the full
   * scan may pass all). With `index`, `notes` must hold those questions too (their askers decide whose "no"
   * counts). See reopened.ts.
   */
  questionEvents?: readonly DigestQuestionEvent[];
}

/** A question event as this browser stores it: pulled ones carry the role their member had. */
export type DigestQuestionEvent = QuestionEvent & { byRole?: 'member' | 'facilitator' | 'admin' };

export interface DigestResult {
  digest: Digest;
  /** The index advanced by `notes`, with completed weeks filled in: persist it for the next new tab. */
  index: DigestIndex;
}
