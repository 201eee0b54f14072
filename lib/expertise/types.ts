/** What kind of help a piece of evidence records, strongest last. */
export const EVIDENCE_KINDS = ['credited', 'reused', 'thanked', 'answered', 'confirmed'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** How much one piece of evidence weighs before decay: a confirmed answer says more than a credited message. */
export const KIND_WEIGHT: Readonly<Record<EvidenceKind, number>> = {
  credited: 0.5,
  reused: 1,
  thanked: 1,
  answered: 2,
  confirmed: 3,
};

/** One thing Commonplace holds that shows a member knows something; kept so the profile can show why. */
export interface Evidence {
  memberId: string;
  kind: EvidenceKind;
  /** The note it points at (the answer, the credited thread, the reused note). */
  noteId: string;
  at: number;
  /** Where it happened, in words ("#infra", a page title). */
  where: string;
  /** Tags and topic words of the question or note it is about (normalised). */
  topics: string[];
  /** From a private channel or a DM: counts only in the member's own view of their profile. */
  isPrivate: boolean;
}

/** One member's expertise: decayed weight per topic, and the evidence behind it. */
export interface Profile {
  memberId: string;
  /** Topic -> decayed weight. */
  topics: Map<string, number>;
  /** Decayed weight of all evidence together. */
  total: number;
  /** How many answers (answered or confirmed) the view counts, undecayed. */
  answers: number;
  evidence: Evidence[];
}

/** Half-life of evidence: help given 90 days ago weighs half of help given today. */
export const HALF_LIFE_DAYS = 90;
export const DAY_MS = 24 * 60 * 60 * 1000;
