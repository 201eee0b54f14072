import type { CommonplaceDb, EventRow } from './schema';

/**
 * The events table's one module: what was worth counting (a note opened, a duplicate avoided), which the digest
 * and the rituals measure reuse from. Events are appended, never edited.
 */
export function eventsRepository(db: CommonplaceDb) {
  return {
    /** Appends one event. */
    record: (event: Omit<EventRow, 'id'>) => db.events.add(event),
    /** Every event at or after `at` (ms), oldest first. */
    since: (at: number) => db.events.where('at').aboveOrEqual(at).toArray(),
  };
}
