/**
 * The digest's incremental engine, not a table: it keeps the stored DigestIndex (kv rows of DIGEST_KEYS)
 * advanced by the note summaries written since it last looked, and stores the ready digest a new tab paints first. The
 * tables it reads have their own modules (notes, sync-state, digest-settings).
 */
import {
  advanceIndex,
  ARCHIVE_AGE_MS,
  computeDigest,
  dayString,
  facilitatorsOf,
  identityFromRows,
  localDay,
  meIdsOf,
  neededQuestionIds,
  parseSchedules,
  reopenedQuestions,
  settingsKey,
  STORIES_SHOWN,
  trendWeekStarts,
  type Digest,
  type DigestIndex,
  type DigestSettings,
  type DigestThank,
  type Identity,
} from '../digest';
import { Dexie } from 'dexie';
import type { Note } from '../model';
import { DIGEST_KEYS } from './digest-keys';
import { questionEventsRepository } from './question-events';
import { thanksRepository } from './thanks';
import type { NoteSummaryRow } from './summary-bucket';
import {
  confirmSummaryCount,
  digestCounters,
  readSummaryIndex,
  summariesAfter,
  type UncountedRead,
} from './summary-reads';
import type { CommonplaceDb } from './schema';
import { traceMark } from './trace-mark';

export { DIGEST_KEYS } from './digest-keys';

/** The ready digest as stored: painted by a new tab at once when day, zone and settings match its own. */
export interface StoredDigest {
  fingerprint: string;
  settingsKey: string;
  /** When the computation that produced it started: changes after this may be missing. */
  computedAt: number;
  digest: Digest;
}

export interface DigestRequest {
  now: number;
  timeZone: string;
  settings: Omit<DigestSettings, 'archiveShown'>;
  /** `settingsKey` of the settings as stored; computed from `settings` when absent. */
  key?: string;
}

/** The request both the background and the new tab compute with, from identity and stored ritual schedules. */
export function digestRequest(identity: Identity, rawRituals: unknown, now: number, timeZone: string): DigestRequest {
  const meIds = meIdsOf(identity);
  const facilitators = facilitatorsOf(identity);
  return {
    now,
    timeZone,
    settings: {
      meIds,
      rituals: parseSchedules(rawRituals),
      ...(Object.keys(facilitators).length ? { facilitators } : {}),
    },
    key: settingsKey(meIds, rawRituals),
  };
}

/**
 * What a long-lived caller (the service worker) keeps between runs: the index it last computed, so a run
 * neither reads nor rewrites the biggest row each time. Losing it is harmless: the stored index, re-folded
 * from its own write number, gives the same result.
 */
export interface DigestMemo {
  index?: DigestIndex;
  indexWrittenAt?: number;
}

/** With a memo, the index row is rewritten at most this often (or when a week got cached). */
const INDEX_WRITE_EVERY_MS = 60_000;
const ARCHIVE_SAMPLE = 24;
const ARCHIVE_TOP_THANKED = 24;

/** Who the user is in each community, from the sync state rows lib/db/sync-state.ts writes. */
export async function readIdentity(db: CommonplaceDb): Promise<Identity> {
  const [rows, settings] = await Promise.all([
    db.kv.where('key').startsWith('sync:member:').toArray(),
    db.kv.get('sync:settings'),
  ]);
  return identityFromRows(
    rows.map((r) => r.value),
    settings?.value,
  );
}

/** The stored ready digest, whatever day or settings it was computed for. */
export async function storedDigest(db: CommonplaceDb): Promise<StoredDigest | null> {
  const row = (await db.kv.get(DIGEST_KEYS.ready))?.value as StoredDigest | undefined;
  return row?.digest && typeof row.settingsKey === 'string' ? row : null;
}

/**
 * Changes whenever anything the digest reads changed: note writes (numbered, so a pulled note stamped earlier
 * counts too), removals (a dropped note changes no `updatedAt`), thanks, events, settings, day. Also returns the
 * counters the run's index is checked against.
 */
async function fingerprint(db: CommonplaceDb, req: DigestRequest, day: string) {
  const [noteKey, counters, thanks, thankKey, eventKey, questionEvents, questionEventKey] = await Promise.all([
    db.notes.orderBy('updatedAt').lastKey(),
    digestCounters(db),
    db.thanks.count(),
    db.thanks.orderBy('createdAt').lastKey(),
    db.events.toCollection().lastKey(),
    // A "no, that didn't answer it" reopens a question (lib/digest/reopened.ts).
    db.questionEvents.count(),
    db.questionEvents.orderBy('at').lastKey(),
  ]);
  const { seq, removals } = counters;
  const q = [questionEvents, questionEventKey];
  return {
    fp: JSON.stringify([day, req.timeZone, noteKey, seq, removals, thanks, thankKey, eventKey, q, req.settings]),
    counters,
  };
}

/**
 * Computes and stores the ready digest without reading every note: nothing when the fingerprint matches the
 * stored one; otherwise the persisted index advanced by the note summaries written since (indexed on `seq`),
 * the weeks not cached yet (indexed on `createdAt`), and the few notes the sections point at.
 * Saves ready digest, index and archive pick. Runs in the background after changes, in a page only when the
 * stored digest is for another day, zone or settings.
 */
export async function loadDigest(
  db: CommonplaceDb,
  req: DigestRequest,
  memo?: DigestMemo,
  options: { isCounted?: boolean } = {},
): Promise<Digest> {
  const { digest, store } = await prepareDigest(db, req, memo, options);
  if (await store()) return digest;
  // Built on summaries the notes' count did not confirm (see `prepareDigest`): computed again, counting them.
  const counted = await prepareDigest(db, req, memo, { isCounted: true });
  await counted.store();
  return counted.digest;
}

/**
 * `loadDigest` in two steps: the digest, and `store` that saves it (with the index and archive pick, and
 * updates `memo`). A page shows the digest first and stores it after painting it: the write (the index is the
 * biggest row) is a cache, and a later run stores it again when this one never does.
 * A cold run checks the summaries against the fingerprint the notes middleware keeps rather than counting the
 * notes (summary-reads.ts); `store` then counts them first and, when the count does not confirm the read (notes
 * written around Dexie, or through it meanwhile), stores nothing and resolves false: the caller computes again
 * with `isCounted`, whose run counts the notes up front.
 */
export async function prepareDigest(
  db: CommonplaceDb,
  req: DigestRequest,
  memo?: DigestMemo,
  options: { isCounted?: boolean } = {},
): Promise<{ digest: Digest; store: () => Promise<boolean> }> {
  const startedAt = req.now;
  const day = dayString(localDay(req.now, req.timeZone));
  traceMark('digest-prepare');
  const [{ fp, counters }, cached] = await Promise.all([fingerprint(db, req, day), storedDigest(db)]);
  traceMark('digest-fingerprint');
  const key = req.key ?? settingsKey(req.settings.meIds, req.settings.rituals);
  if (cached?.fingerprint === fp && cached.settingsKey === key)
    return { digest: cached.digest, store: async () => true };

  const [indexRow, shownRow] = await Promise.all([
    memo?.index ? undefined : db.kv.get(DIGEST_KEYS.index),
    db.kv.get(DIGEST_KEYS.shown),
  ]);
  const stored = memo?.index ?? (indexRow?.value as DigestIndex | undefined);
  const shown = (shownRow?.value ?? {}) as Record<string, string>;
  // An index from before a removal may still count the removed note (its author's first harvest, the last
  // harvest of its community): such an index is rebuilt, never advanced. So is one numbered past the store's
  // writes (from a store rebuilt since) or from before write numbers. While the bucket rows may be of another
  // layout, none is read: the index is built from the notes until the background has filled them again.
  const isCurrent =
    stored?.v === 1 &&
    stored.removals === counters.removals &&
    stored.seq !== undefined &&
    stored.seq <= counters.seq &&
    counters.isLayoutCurrent;
  const { digest, next, isIndexDirty, uncounted } = isCurrent
    ? await incremental(db, req, stored, shown, day)
    : await fromSummaries(db, req, shown, day, counters.removals, options.isCounted);
  const ready: StoredDigest = { fingerprint: fp, settingsKey: key, computedAt: startedAt, digest };
  const rows: { key: string; value: unknown }[] = [{ key: DIGEST_KEYS.ready, value: ready }];
  // The index is the biggest row: write it only when notes changed or a week was newly cached.
  const isWriteDue =
    !memo?.indexWrittenAt ||
    req.now - memo.indexWrittenAt >= INDEX_WRITE_EVERY_MS ||
    !isCurrent ||
    !sameKeys(next.weeks, stored.weeks);
  if (isIndexDirty && isWriteDue) rows.push({ key: DIGEST_KEYS.index, value: next });
  if (digest.archive && shown[digest.archive.id] !== day) {
    rows.push({ key: DIGEST_KEYS.shown, value: { ...shown, [digest.archive.id]: day } });
  }
  const store = async () => {
    if (uncounted && !(await confirmSummaryCount(db, uncounted))) return false;
    await db.transaction('rw', db.kv, async () => {
      // A run that started later (a page that just saved an answer) already stored a newer digest: keep it.
      const newer = await storedDigest(db);
      await db.kv.bulkPut(newer && newer.computedAt > startedAt ? rows.slice(1) : rows);
    });
    if (memo) {
      memo.index = next;
      if (isIndexDirty && isWriteDue) memo.indexWrittenAt = req.now;
    }
    return true;
  };
  return { digest, store };
}

/** The usual run: the stored index advanced by the summaries written since it last looked, plus the few notes shown. */
async function incremental(
  db: CommonplaceDb,
  req: DigestRequest,
  stored: DigestIndex,
  shown: Record<string, string>,
  day: string,
  isFresh = false,
) {
  const meIds = req.settings.meIds;
  const weekStarts = trendWeekStarts(req.now, req.timeZone);
  const index = stored;
  const weeksBefore = { ...stored.weeks };
  // Summaries written since the index last looked, in write order: clocks play no part (a pulled note keeps its
  // author's stamp). A fresh index holds every note already.
  const changed = isFresh ? [] : await summariesAfter(db, index.seq ?? 0);
  advanceIndex(index, changed, meIds, req.timeZone);
  index.seq = maxSeq(changed, index.seq ?? 0);

  const current = weekStarts.length - 1;
  const missing = weekStarts.filter((ws, i) => i === current || !index.weeks[ws]);
  // The reads that do not depend on each other run at once; only the questions shown wait for the reopened ones.
  const [recent, { questionEvents, reopenedNotes }, stories, thanks, events, mine, archive] = await Promise.all([
    db.notes
      .where('createdAt')
      .aboveOrEqual(Math.min(...missing))
      .toArray(),
    reopenedReads(db),
    db.notes
      .where('[kind+createdAt]')
      .between(['story', Dexie.minKey], ['story', Dexie.maxKey])
      .reverse()
      .limit(STORIES_SHOWN * 2)
      .toArray(),
    db.thanks.where('createdAt').aboveOrEqual(weekStarts[current]!).toArray(),
    db.events.where('at').aboveOrEqual(weekStarts[0]!).toArray(),
    db.thanks
      .where('memberId')
      .anyOf([...meIds])
      .toArray(),
    archiveCandidates(db, req.now - ARCHIVE_AGE_MS, day, shown),
  ]);
  traceMark('digest-reads');
  const byId = new Map(reopenedNotes.map((x) => [x.id, x]));
  const facilitators = req.settings.facilitators ?? {};
  const reopened = reopenedQuestions(index, questionEvents, (id) => byId.get(id), facilitators, req.now);
  const questions = await db.notes.bulkGet(neededQuestionIds(index, reopened));
  // Only this week's opens name notes the digest shows (people to thank); older ones are counted, not shown.
  const opens = events.filter((e) => e.at >= weekStarts[current]!);
  const referenced = new Set([...thanks, ...opens].map((r) => r.noteId).filter((id): id is string => !!id));
  const loaded = [...recent, ...stories, ...archive.notes, ...questions.filter(isNote), ...reopenedNotes];
  for (const n of loaded) referenced.delete(n.id);
  const extra = (await db.notes.bulkGet([...referenced])).filter(isNote);
  traceMark('digest-shown-read');

  const { digest, index: next } = computeDigest({
    notes: [...loaded, ...extra],
    thanks: dedupe([...thanks, ...mine, ...archive.thanks]),
    events,
    settings: { ...req.settings, archiveShown: shown },
    now: req.now,
    timeZone: req.timeZone,
    index,
    questionEvents,
  });
  traceMark('digest-computed');
  const isIndexDirty = isFresh || changed.length > 0 || !sameKeys(next.weeks, weeksBefore);
  return { digest, next, isIndexDirty, uncounted: undefined as UncountedRead | undefined };
}

/**
 * The first run (no index yet, after install or a big import) and the run after a removal: the index is built
 * from every note's summary (a few hundred bucket rows, lib/db/summary-bucket.ts, folded straight from their
 * columns: lib/db/summary-fold.ts), not from the full notes, whose reading and decoding was the cold digest's
 * whole cost (the notes only while the buckets are being filled); then the usual run reads this week's notes and
 * the few shown.
 */
async function fromSummaries(
  db: CommonplaceDb,
  req: DigestRequest,
  shown: Record<string, string>,
  day: string,
  removals: number,
  isCounted = false,
) {
  const { index, seq, uncounted } = await readSummaryIndex(db, req.settings.meIds, req.now, req.timeZone, isCounted);
  index.removals = removals;
  index.seq = seq;
  return { ...(await incremental(db, req, index, shown, day, true)), uncounted };
}

/** The naive way, kept for the benchmark's side-by-side: read every note, thank and event, compute from scratch. */
export async function loadDigestByFullScan(db: CommonplaceDb, req: DigestRequest): Promise<Digest> {
  const [notes, thanks, events, questionEvents] = await Promise.all([
    db.notes.toArray(),
    db.thanks.toArray(),
    db.events.toArray(),
    questionEventsRepository(db).all(),
  ]);
  const { settings, now, timeZone } = req;
  return computeDigest({ notes, thanks, events, settings, now, timeZone, questionEvents }).digest;
}

/**
 * Older notes worth resurfacing: today's pick once there is one (the choice is made once a day); else the
 * most-thanked ones and a run of notes from a day-seeded point in time (no count or offset over every note).
 */
async function archiveCandidates(db: CommonplaceDb, olderThan: number, day: string, shown: Record<string, string>) {
  const todays = Object.keys(shown).filter((id) => shown[id] === day);
  if (todays.length > 0) {
    const [notes, thanks] = await Promise.all([
      db.notes.bulkGet(todays),
      db.thanks.where('noteId').anyOf(todays).toArray(),
    ]);
    if (notes.some((n) => n && n.deletedAt === undefined)) return { notes: notes.filter(isNote), thanks };
  }
  // The thanks' keys only (one getAllKeys), not their rows nor a cursor over the noteId index (issue 19); the
  // top notes' thanks are then got by those keys.
  const keys = await thanksRepository(db).keysPerNote();
  const top = [...keys]
    .sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)) // ties in note id order, as the index gave them
    .slice(0, ARCHIVE_TOP_THANKED)
    .map(([id]) => id);
  const first = Number((await db.notes.orderBy('createdAt').firstKey()) ?? olderThan);
  const from = first >= olderThan ? olderThan : first + ((hash(day) % 10_000) / 10_000) * (olderThan - first);
  const [picked, sample, thanks] = await Promise.all([
    db.notes.bulkGet(top),
    db.notes.where('createdAt').between(from, olderThan).limit(ARCHIVE_SAMPLE).toArray(),
    db.thanks.bulkGet(top.flatMap((id) => keys.get(id)!)),
  ]);
  return { notes: [...picked.filter(isNote), ...sample], thanks: thanks.filter((t) => t !== undefined) };
}

/** The questions someone said "no, that didn't answer it" to: their events and notes (the askers) are replayed. */
async function reopenedReads(db: CommonplaceDb) {
  const questionEvents = await questionEventsRepository(db).ofReopened();
  const reopenedNotes = (await db.notes.bulkGet([...new Set(questionEvents.map((e) => e.questionId))])).filter(isNote);
  return { questionEvents, reopenedNotes };
}

function maxSeq(rows: readonly NoteSummaryRow[], from: number): number {
  let max = from;
  for (const r of rows) if (r.seq > max) max = r.seq;
  return max;
}

function sameKeys(a: object, b: object | undefined): boolean {
  if (!b) return false;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => k in b);
}

const isNote = (n: Note | undefined): n is Note => n !== undefined;

function dedupe(rows: DigestThank[]): DigestThank[] {
  return [...new Map(rows.map((r) => [r.id, r])).values()];
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}
