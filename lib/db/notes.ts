import { uuidv7 } from 'uuidv7';
import {
  NOTE_SCHEMA_VERSION,
  NoteDraftSchema,
  NotePatchSchema,
  NoteSchema,
  WebUrlSchema,
  err,
  ok,
  pageKey,
  stripTracking,
  type MoveResult,
  type Note,
  type NoteDraft,
  type NotePatch,
  type Person,
  type Result,
} from '../model';
import type { CommonplaceDb } from './schema';
import { dropUnsentDelete, outboxTables, trackNoteChange } from './outbox';

/**
 * The notes repository: the only code that writes notes. Every write validates first, so bad input changes
 * nothing. Deletes are tombstones (`deletedAt`): undo clears them, sync carries them.
 */
export function notesRepository(db: CommonplaceDb, now: () => number = Date.now) {
  const live = (n: Note) => n.deletedAt === undefined;
  /** Stores a change, queueing it for sync in the same transaction when the note is a community's. */
  const putTracked = async (type: 'edit' | 'delete', next: Note): Promise<Result<Note>> => {
    const tracked = await trackNoteChange(db, type, next, next.updatedAt);
    if (tracked.ok) await db.notes.put(tracked.value);
    return tracked;
  };

  const build = (draft: NoteDraft, t: number, author?: Person): Note =>
    NoteSchema.parse({
      ...draft,
      schemaVersion: NOTE_SCHEMA_VERSION,
      id: uuidv7(),
      pageKey: pageKey(draft.page.canonicalUrl || draft.page.url),
      tags: [...new Set(draft.tags)],
      createdAt: t,
      updatedAt: t,
      ...(author ? { author } : {}),
    });

  return {
    async create(input: unknown, author?: Person): Promise<Result<Note>> {
      const parsed = NoteDraftSchema.safeParse(input);
      if (!parsed.success) return err(describeIssues(parsed.error.issues));
      const t = now();
      const built = build(parsed.data, t, author);
      return db.transaction('rw', outboxTables(db), async () => {
        const tracked = await trackNoteChange(db, 'create', built, t);
        if (tracked.ok) await db.notes.add(tracked.value);
        return tracked;
      });
    },

    /**
     * Several notes in one step (harvest-back: a thread's replies): every draft is validated first and all are
     * written in one transaction, so one bad draft or a refused write saves none of them.
     */
    async createMany(inputs: unknown): Promise<Result<Note[]>> {
      if (!Array.isArray(inputs) || inputs.length === 0 || inputs.length > 500) {
        return err('Expected between 1 and 500 notes');
      }
      const drafts: NoteDraft[] = [];
      for (const [i, input] of inputs.entries()) {
        const parsed = NoteDraftSchema.safeParse(input);
        if (!parsed.success) return err(`Note ${i + 1}: ${describeIssues(parsed.error.issues)}`);
        drafts.push(parsed.data);
      }
      const t = now();
      const built = drafts.map((d) => build(d, t));
      return db
        .transaction('rw', outboxTables(db), async () => {
          const out: Note[] = [];
          for (const note of built) {
            const tracked = await trackNoteChange(db, 'create', note, t);
            if (!tracked.ok) throw new RefusedBatch(tracked.error);
            out.push(tracked.value);
          }
          await db.notes.bulkAdd(out);
          return ok(out);
        })
        .catch((e: unknown) => (e instanceof RefusedBatch ? err(e.message) : Promise.reject(e)));
    },

    async update(id: string, patchInput: unknown): Promise<Result<Note>> {
      const parsed = NotePatchSchema.safeParse(patchInput);
      if (!parsed.success) return err(describeIssues(parsed.error.issues));
      const patch: NotePatch = parsed.data;
      return db.transaction('rw', outboxTables(db), async () => {
        const note = await db.notes.get(id);
        if (!note || !live(note)) return err('No such note');
        const next: Note = {
          ...note,
          ...patch,
          ...(patch.tags ? { tags: [...new Set(patch.tags)] } : {}),
          updatedAt: Math.max(now(), note.updatedAt + 1),
        };
        return putTracked('edit', next);
      });
    },

    /** Marks the note deleted; `restore` undoes it. */
    async remove(id: string): Promise<Result<Note>> {
      return db.transaction('rw', outboxTables(db), async () => {
        const note = await db.notes.get(id);
        if (!note || !live(note)) return err('No such note');
        const t = Math.max(now(), note.updatedAt + 1);
        const next: Note = { ...note, deletedAt: t, updatedAt: t };
        return putTracked('delete', next);
      });
    },

    async restore(id: string): Promise<Result<Note>> {
      return db.transaction('rw', outboxTables(db), async () => {
        const note = await db.notes.get(id);
        if (!note || live(note)) return err('Nothing to undo');
        const { deletedAt: _gone, ...rest } = note;
        const next: Note = { ...rest, updatedAt: Math.max(now(), note.updatedAt + 1) };
        await dropUnsentDelete(db, id);
        return putTracked('edit', next);
      });
    },

    /**
     * Moves notes to the page at `url` (the page moved): they then paint and are found there. A community
     * note moves for everyone, so it is a synced change, and only its author's; others' notes stay put (and
     * are counted, so the user hears which did not move).
     */
    async moveToPage(ids: string[], url: string): Promise<Result<MoveResult>> {
      const parsed = WebUrlSchema.safeParse(url);
      if (!parsed.success) return err('The new address must be an http(s) URL');
      const target = stripTracking(parsed.data);
      return db.transaction('rw', outboxTables(db), async () => {
        let [moved, othersSkipped] = [0, 0];
        for (const id of ids) {
          const note = await db.notes.get(id);
          if (!note || !live(note)) continue;
          const page = { ...note.page, url: target, canonicalUrl: target };
          const next = { ...note, page, pageKey: pageKey(target), updatedAt: Math.max(now(), note.updatedAt + 1) };
          const tracked = await trackNoteChange(db, 'replace', next, next.updatedAt);
          if (!tracked.ok) {
            othersSkipped++;
            continue;
          }
          await db.notes.put(tracked.value);
          moved++;
        }
        if (moved) return ok({ moved, skipped: othersSkipped });
        return err(othersSkipped ? 'Only their authors can move community notes' : 'No such notes');
      });
    },

    async get(id: string): Promise<Note | undefined> {
      const note = await db.notes.get(id);
      return note && live(note) ? note : undefined;
    },

    /** Notes saved for the page at `url` (any URL of the same page): one indexed lookup. */
    async forPage(url: string): Promise<Note[]> {
      const rows = await db.notes.where('pageKey').equals(pageKey(url)).toArray();
      return rows.filter(live);
    },

    /** Newest first, without reading the whole table. */
    async newest(limit: number): Promise<Note[]> {
      const out: Note[] = [];
      await db.notes
        .orderBy('createdAt')
        .reverse()
        .until(() => out.length >= limit)
        .each((n) => {
          if (live(n)) out.push(n);
        });
      return out;
    },

    /** Tags in use, most used first: suggestions in the capture panel. Reads the tags index only. */
    async tagCounts(limit = 50): Promise<{ tag: string; count: number }[]> {
      const counts = new Map<string, number>();
      await db.notes.orderBy('tags').eachKey((k) => {
        const tag = String(k);
        counts.set(tag, (counts.get(tag) ?? 0) + 1);
      });
      return [...counts]
        .map(([tag, count]) => ({ tag, count }))
        .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag))
        .slice(0, limit);
    },
  };
}
export type NotesRepository = ReturnType<typeof notesRepository>;

/** Aborts a batch's transaction (rolling back what it queued) with the refusal the caller gets back. */
class RefusedBatch extends Error {}

function describeIssues(issues: { path: PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
}
