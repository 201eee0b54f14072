import type { NoteKind } from '../model';
import type { Cell } from './cell';
import type { ImpactOutcome, ImpactSource } from './types';
import type { ReportQuarter } from './quarter';

/** A ledger cell as the report shows it: the endpoint's aggregate without its member count (kept in `people`). */
export interface TimeSaved {
  entries: number;
  minutesSaved: number;
  medianMinutes: number;
  wins: number;
  stories: number;
}

/** One figure per month of the quarter, oldest first. */
export interface MonthCell<T> {
  label: string;
  cell: Cell<T>;
}

/** A story a sponsor reads: the win or story note, and the harvested note that made it happen. */
export interface ReportStory {
  outcome: ImpactOutcome;
  /** The win or story note's words (member text: untrusted, rendered as text). */
  title: string;
  /** The harvested note that led to it. */
  madeFrom: string;
  /** Display names, only for members who consent to be named; otherwise null. */
  by: string | null;
  madeFromBy: string | null;
}

/**
 * The quarterly impact report as data: aggregates only. Every count of people is a `Cell`, hidden below `k`;
 * names appear only for members in the ledger's `named` list.
 */
export interface ImpactReport {
  communityName: string;
  period: ReportQuarter;
  generatedAt: number;
  k: number;
  timeSaved:
    | { isAvailable: false; reason: string }
    | {
        isAvailable: true;
        /** The community's zone the ledger's months are cut in (an admin's setting on the endpoint). */
        timeZone: string;
        /** Whether that is the report's zone: then the ledger's months are exactly the report's months. */
        isSameZone: boolean;
        total: Cell<TimeSaved>;
        byMonth: MonthCell<TimeSaved>[];
        bySource: { source: ImpactSource; cell: Cell<TimeSaved> }[];
      };
  harvest: Cell<number>;
  duplicatesAvoided: { total: Cell<number>; byMonth: MonthCell<number>[] };
  /** Median milliseconds from a question to its first answer, for questions answered in the period. */
  timeToAnswer: { total: Cell<number>; byMonth: MonthCell<number>[] };
  depth: {
    byKind: { kind: NoteKind; cell: Cell<number> }[];
    /** Snippets, templates and stories over those plus bare links. */
    deepShare: Cell<number>;
    byMonth: MonthCell<number>[];
  };
  diversity: {
    contributors: Cell<number>;
    firstTime: Cell<number>;
    /** Share of the period's notes written by its most active contributor. */
    topShare: Cell<number>;
    byMonth: MonthCell<number>[];
  };
  stories: ReportStory[];
}
