import type { CommonplaceDb, QuestionEventRow } from './schema';

/**
 * The questionEvents table's one module: what happened to each question (answer linked, relayed, confirmed), as
 * this browser knows it. Sync writes it inside its own transactions; these calls join them.
 */
export function questionEventsRepository(db: CommonplaceDb) {
  return {
    /** Every event of one question, in no particular order. */
    ofQuestion: (questionId: string) => db.questionEvents.where('questionId').equals(questionId).toArray(),
    /**
     * Every event of the questions someone said "no, that didn't answer it" to: the few the digest replays
     * (lib/digest/reopened.ts). No index on the type (a schema change for a small table): one read of the table,
     * filtered here (a cursor step per event, then a second read by question, cost more on a cold new tab).
     */
    async ofReopened(): Promise<QuestionEventRow[]> {
      const all = await db.questionEvents.toArray();
      const ids = new Set(all.filter((e) => e.type === 'confirmed' && !e.isAnswered).map((e) => e.questionId));
      return ids.size ? all.filter((e) => ids.has(e.questionId)) : [];
    },
    /** Every event of every question (the question board reads them all). */
    all: () => db.questionEvents.toArray(),
    /** Stores or replaces one event by its id. */
    put: (row: QuestionEventRow) => db.questionEvents.put(row),
    /** Stores or replaces events by their ids. */
    putMany: (rows: QuestionEventRow[]) => db.questionEvents.bulkPut(rows),
    /** Drops one event (a mutation the server refused for good). */
    remove: (id: string) => db.questionEvents.delete(id),
    /** Drops every event of one question (it was deleted for everyone). */
    removeOfQuestion: (questionId: string) => db.questionEvents.where('questionId').equals(questionId).delete(),
  };
}
