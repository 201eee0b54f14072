import { buildProfiles } from './profile';
import type { Evidence, EvidenceKind } from './types';

/** One line of evidence on your own profile: what you did, where, the note, and whether only you see it. */
export interface OwnEvidenceLine {
  text: string;
  noteId: string;
  at: number;
  isPrivate: boolean;
}

export interface OwnTopic {
  topic: string;
  /** Decayed weight (90-day half-life), for ordering. */
  weight: number;
  evidence: OwnEvidenceLine[];
}

const DID: Record<EvidenceKind, string> = {
  confirmed: 'gave a confirmed answer',
  answered: 'answered a question',
  thanked: 'was thanked',
  reused: 'wrote a note others reused',
  credited: 'was credited in a thread',
};

/** How many topics and lines per topic the profile shows. */
const MAX_TOPICS = 12;
const MAX_LINES = 5;

/**
 * Your own expertise profile as you see it: your view includes your private evidence (marked, since nobody
 * else's view counts it), topics strongest first, each with its evidence newest first.
 */
export function ownProfile(evidence: readonly Evidence[], memberId: string, now: number): OwnTopic[] {
  const mine = evidence.filter((e) => e.memberId === memberId);
  const profile = buildProfiles(mine, { now, viewerId: memberId }).get(memberId);
  if (!profile) return [];
  return [...profile.topics]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_TOPICS)
    .map(([topic, weight]) => ({
      topic,
      weight,
      evidence: profile.evidence
        .filter((e) => e.topics.includes(topic))
        .slice(0, MAX_LINES)
        .map((e) => ({
          text: `${DID[e.kind]}${e.where ? ` in ${e.where}` : ''}`,
          noteId: e.noteId,
          at: e.at,
          isPrivate: e.isPrivate,
        })),
    }));
}
