import Dexie, { type ObservabilitySet } from 'dexie';
import type { Note } from '../model';
import type { QuestionBoard } from '../questions';
import { mutatedKeys, type MutatedKeys } from './mutated-keys';
import { KIND_READ_CHUNK, notesOfKinds } from './notes-of-kinds';
import { BOARD_KINDS, questionBoardOf } from './question-board';
import type { CommonplaceDb } from './schema';
import { digestCounters, noteIdsWrittenAfter } from './summary-reads';

/**
 * The background's question board, kept between computations (issue 19): every stored question and answer is
 * read once (at worker start), then only the notes written since are read again. At 100k notes the full read
 * after every harvest was 2,000-row chunk transactions for seconds, each one a Save could queue behind.
 *
 * What it hears of writes (`notesChanged`, from Dexie's storagemutated event and the pages' reports) may arrive
 * after a page asks for the board (the new tab asks it, issue 19): so each board first catches up by write
 * number, rereading every note the notes middleware numbered since the last board (summary-reads.ts,
 * `noteIdsWrittenAfter`: adds, deletes, kind and link changes; an edit of words only takes no number and is
 * reread when its event arrives).
 *
 * When the notes kept cannot be trusted, the next board reads them all again:
 * - nothing read yet (a new worker), or a read of changed notes failed;
 * - a write named a range of keys, not keys (`clear()`, `deleteRange`, Dexie's `all`): `distrust()`;
 * - rows written around Dexie (a seeding script's raw IndexedDB), which no event reports: after each refresh
 *   the kind index's count of questions and answers (keys counted, no row read) is compared with the notes kept,
 *   and a difference with no write still to read means rows were added or removed behind our back. (A raw edit
 *   of an existing question is not seen; only seeding scripts write around Dexie, and they add rows.)
 */
export interface QuestionBoardKeeper {
  /** These notes were written (created, edited, deleted, kind changed; committed): the next board rereads them. */
  notesChanged(ids: Iterable<string>): void;
  /** Any note may have changed: the next board reads every question and answer again. */
  distrust(): void;
  /** The board now, from the notes kept with the changed ones reread (or all read, when not trusted). */
  board(now: number): Promise<QuestionBoard>;
}

export function questionBoardKeeper(db: CommonplaceDb, chunk = KIND_READ_CHUNK): QuestionBoardKeeper {
  /** Every stored note of BOARD_KINDS by id, tombstones included (as the kind index holds them); null: untrusted. */
  let kept: Map<string, Note> | null = null;
  /** Written since they were last read; kept across a failed read, so no write is forgotten. */
  const changed = new Set<string>();
  /** Bumped by distrust(): a read under way when it came installs nothing. */
  let generation = 0;
  /** The write number every note write through Dexie up to which is in `kept` (read before the notes were). */
  let seenSeq = 0;
  const kinds: ReadonlySet<string> = new Set(BOARD_KINDS);

  async function readAll(): Promise<Map<string, Note>> {
    const at = generation;
    // Writes reported so far are in what this read sees; those reported during it are read again next time.
    changed.clear();
    // Before the notes: a write during their read has a later number, and the next board rereads its note.
    const { seq } = await digestCounters(db);
    const notes = await notesOfKinds(db, BOARD_KINDS, chunk);
    const rows = new Map(notes.map((n) => [n.id, n]));
    if (at === generation) {
      kept = rows;
      seenSeq = seq;
    }
    return rows;
  }

  /** Adds the notes numbered since the last board to `changed`; false when rereading them all is as cheap or due. */
  async function catchUp(): Promise<boolean> {
    // A summary row that cannot be decoded (another layout) says nothing: read them all.
    const got = await noteIdsWrittenAfter(db, seenSeq).catch(() => null);
    if (!got) return false;
    const { ids, seq } = got;
    // Numbered below what we saw: the store's counters were rebuilt, nothing kept can be placed in its order.
    if (seq < seenSeq || ids.size > chunk) return false;
    for (const id of ids) changed.add(id);
    seenSeq = seq;
    return true;
  }

  async function readChanged(rows: Map<string, Note>): Promise<void> {
    const ids = [...changed];
    changed.clear();
    try {
      for (let at = 0; at < ids.length; at += chunk) {
        const part = ids.slice(at, at + chunk);
        const got = await db.notes.bulkGet(part);
        part.forEach((id, i) => {
          const n = got[i];
          if (n && kinds.has(n.kind)) rows.set(id, n);
          else rows.delete(id);
        });
      }
    } catch (e) {
      kept = null; // some notes may be half applied: read them all next time
      throw e;
    }
  }

  /** Whether the kind index holds as many questions and answers as `rows` (see the interface's comment). */
  async function isCountRight(rows: Map<string, Note>): Promise<boolean> {
    const counts = await db.transaction('r', db.notes, () =>
      Promise.all(BOARD_KINDS.map((k) => db.notes.where('kind').equals(k).count())),
    );
    // A write committed after our read and not yet reported is read next time, and checked then.
    return counts.reduce((a, b) => a + b, 0) === rows.size || changed.size > 0;
  }

  return {
    notesChanged(ids) {
      for (const id of ids) changed.add(id);
    },
    distrust() {
      generation++;
      kept = null;
    },
    async board(now) {
      let rows = kept;
      if (rows && !(await catchUp())) rows = null;
      if (rows) {
        await readChanged(rows);
        if (!(await isCountRight(rows))) rows = null;
      }
      rows ??= await readAll();
      return questionBoardOf(db, inKindIndexOrder(rows.values()), now);
    },
  };
}

/** Kind, then id: the order the kind index gives (and loadQuestionBoard reads), so results come in the same order. */
function inKindIndexOrder(notes: Iterable<Note>): Note[] {
  const key = (n: Note) => n.kind;
  return [...notes].sort((a, b) =>
    key(a) !== key(b) ? (key(a) < key(b) ? -1 : 1) : a.id === b.id ? 0 : a.id < b.id ? -1 : 1,
  );
}

/** What a committed write changed that the question board reads: its notes, and whether question events changed. */
export interface BoardWrites {
  notes: MutatedKeys;
  isEventsChanged: boolean;
}

/**
 * Calls `onWrite` after every committed write to this database's notes or question events, in this context or
 * any other of the extension (Dexie's `storagemutated`, carried between contexts by its BroadcastChannel).
 * Returns the unsubscribe.
 */
export function watchBoardWrites(db: CommonplaceDb, onWrite: (w: BoardWrites) => void): () => void {
  const listener = (parts: ObservabilitySet) => {
    const notes = mutatedKeys(parts, db.name, 'notes');
    const events = mutatedKeys(parts, db.name, 'questionEvents');
    if (notes !== null || events !== null) onWrite({ notes, isEventsChanged: events !== null });
  };
  Dexie.on('storagemutated', listener);
  return () => Dexie.on.storagemutated.unsubscribe(listener);
}
