import type { Collection } from '../collections';
import type { Note } from '../model';
import { outboxTables, trackNoteChange } from './outbox';
import type { CommonplaceDb } from './schema';
import { syncState } from './sync-state';

export interface ImportProgress {
  written: number;
  total: number;
}

export interface WriteImportOptions {
  /** Notes per transaction: big enough to be fast, small enough to keep the UI responsive. */
  batchSize?: number;
  onProgress?: (p: ImportProgress) => void;
  /** Cancel: checked between batches, so a batch is either fully written or not at all. */
  signal?: AbortSignal;
  now?: () => number;
}

export interface WriteImportResult {
  written: number;
  isCancelled: boolean;
}

/**
 * Writes an import preview's notes (already validated and de-duplicated by lib/import) in batches, each in
 * one transaction, so a 50k import shows progress and a cancel never leaves half a batch. Collections are
 * written with the last batch, so they never point at notes a cancel left out. A note for a joined community
 * that is ours (or names no author) is queued for sync in its batch's transaction, like any other write;
 * others' community notes are stored as the cached copies they are (their author shares them).
 */
export async function writeImport(
  db: CommonplaceDb,
  notes: Note[],
  collections: Collection[] = [],
  { batchSize = 500, onProgress, signal, now = Date.now }: WriteImportOptions = {},
): Promise<WriteImportResult> {
  const me = new Map((await syncState(db).memberships()).map((m) => [m.communityId, m.memberId]));
  const isSynced = (n: Note) =>
    n.communityId != null && me.has(n.communityId) && (!n.author || n.author.id === me.get(n.communityId));
  let written = 0;
  onProgress?.({ written, total: notes.length });
  for (let i = 0; i < notes.length || (i === 0 && collections.length); i += batchSize) {
    if (signal?.aborted) return { written, isCancelled: true };
    const batch = notes.slice(i, i + batchSize);
    const isLast = i + batchSize >= notes.length;
    await db.transaction('rw', [...outboxTables(db), db.collections], async () => {
      const rows: Note[] = [];
      for (const note of batch) {
        if (!isSynced(note)) rows.push(note);
        else rows.push(unwrap(await trackNoteChange(db, 'create', note, now())));
      }
      await db.notes.bulkAdd(rows);
      if (isLast && collections.length) await db.collections.bulkPut(collections);
    });
    written += batch.length;
    onProgress?.({ written, total: notes.length });
    // Yield to the event loop so progress paints and a cancel click is seen before the next batch.
    await new Promise((r) => setTimeout(r, 0));
  }
  return { written, isCancelled: false };
}

function unwrap(r: { ok: true; value: Note } | { ok: false; error: string }): Note {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}
