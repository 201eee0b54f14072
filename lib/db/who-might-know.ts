import { whoMightKnow, type HelperView } from '../expertise/panel';
import { expertiseOptOutsRepository } from './expertise-opt-outs';
import type { CommonplaceDb } from './schema';

/**
 * "Who might know" for the new tab's open questions: the questions' communities' notes, question events and
 * thanks from the store, the opt-out lists kept at sync, through `whoMightKnow` (lib/expertise).
 */
export async function loadWhoMightKnow(
  db: CommonplaceDb,
  questionIds: readonly string[],
  now: number,
): Promise<Record<string, HelperView[]>> {
  if (questionIds.length === 0) return {};
  const questions = (await db.notes.bulkGet([...questionIds])).filter((n) => n !== undefined);
  const communities = [...new Set(questions.flatMap((q) => (q.communityId ? [q.communityId] : [])))];
  if (communities.length === 0) return {};
  const [notes, events, thanks, optedOut] = await Promise.all([
    db.notes.where('communityId').anyOf(communities).toArray(),
    db.questionEvents.where('communityId').anyOf(communities).toArray(),
    db.thanks.where('communityId').anyOf(communities).toArray(),
    expertiseOptOutsRepository(db).all(),
  ]);
  return whoMightKnow({
    notes: notes.filter((n) => n.deletedAt === undefined),
    events,
    thanks,
    questionIds,
    optedOut,
    now,
  });
}
