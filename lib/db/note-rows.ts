import { Dexie } from 'dexie';
import type { Note } from '../model';
import { readByIds } from './read-newest';

/** The rows of a search's answer, read once until the notes change (see noteRows). */
export type NoteRows = ReturnType<typeof noteRows>;

/**
 * The live notes of `ids` for a context that lists the same notes again and again (the search host answering
 * the popup: the lists of a word typed letter by letter mostly share their notes), reading from IndexedDB only
 * the rows it has not read since the notes last changed. Every write to the notes table, from any context of the extension (Dexie
 * announces each one to every page and worker of the origin, the background's sync and harvests included), forgets all
 * rows read, so a row shown is never older than the last write; a read that was under way when a write landed
 * answers its call but is not kept.
 */
export function noteRows(dbName = 'commonplace', { maxRows = 2_000 } = {}) {
  /** In the order last used: the least recently used go first once more than `maxRows` are kept. */
  const rows = new Map<string, Note>();
  let generation = 0;
  const table = `idb://${dbName}/notes/`;
  const forget = () => {
    rows.clear();
    generation++;
  };
  Dexie.on('storagemutated', (parts) => {
    if (Object.keys(parts).some((k) => k === 'all' || k.startsWith(table))) forget();
  });
  return {
    /** The live notes of `ids` in that order (a missing or deleted one left out), as readByIds. */
    async read(ids: readonly string[]): Promise<Note[]> {
      const missing = ids.filter((id) => !rows.has(id));
      const read = new Map<string, Note>();
      if (missing.length > 0) {
        const at = generation;
        for (const note of (await readByIds(missing, dbName)) ?? []) read.set(note.id, note);
        if (at === generation) for (const [id, note] of read) rows.set(id, note);
      }
      const answer = ids.flatMap((id) => read.get(id) ?? rows.get(id) ?? []);
      // A host lives as long as the browser: kept rows are bounded, this answer's marked as the latest used.
      for (const note of answer) {
        if (rows.delete(note.id)) rows.set(note.id, note);
      }
      for (const id of rows.keys()) {
        if (rows.size <= maxRows) break;
        rows.delete(id);
      }
      return answer;
    },
    /** Forgets every row (after a write it was told of, before Dexie's announcement of it arrives). */
    forget,
  };
}
