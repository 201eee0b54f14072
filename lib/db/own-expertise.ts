import { collectEvidence } from '../expertise/evidence';
import { ownProfile, type OwnTopic } from '../expertise/own-profile';
import type { CommonplaceDb } from './schema';

/** Your expertise profile in one community, from its notes, question events and thanks in this browser. */
export async function loadOwnProfile(
  db: CommonplaceDb,
  communityId: string,
  memberId: string,
  now: number,
): Promise<OwnTopic[]> {
  const [notes, events, thanks] = await Promise.all([
    db.notes.where('communityId').equals(communityId).toArray(),
    db.questionEvents.where('communityId').equals(communityId).toArray(),
    db.thanks.where('communityId').equals(communityId).toArray(),
  ]);
  const evidence = collectEvidence({ notes: notes.filter((n) => n.deletedAt === undefined), events, thanks });
  return ownProfile(evidence, memberId, now);
}
