import { deserialize, serialize } from 'node:v8';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeNote } from '../testing/make-note';
import type { Note } from '../model';
import { rankSimilar } from './find-similar';
import { SimilarityIndex } from './similarity-index';
import { joinRows, splitRows } from './split-rows';

const WORDS =
  'index query planner cache warm cold page quote thread answer question harvest note tag react hooks café naïve 日本語 ünïcode'.split(
    ' ',
  );
const ID = (i: number) => `0190b000-0000-7000-8000-${String(i).padStart(12, '0')}`;
const noteArb = fc.record({
  id: fc.nat(30),
  quote: fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 12 }).map((w) => w.join(' ')),
  takeaway: fc.array(fc.constantFrom(...WORDS), { maxLength: 4 }).map((w) => w.join(' ')),
  page: fc.nat(3),
  thread: fc.option(fc.constantFrom('C1', 'C2', 'Ç3'), { nil: undefined }),
  kind: fc.constantFrom('insight' as const, 'question' as const, 'answer' as const),
  isDeleted: fc.boolean(),
});
function build(n: {
  id: number;
  quote: string;
  takeaway: string;
  page: number;
  thread?: string | undefined;
  kind: Note['kind'];
  isDeleted: boolean;
}) {
  const url = `https://example.org/p/${n.page}`;
  return makeNote({
    id: ID(n.id),
    quote: n.quote,
    takeaway: n.takeaway,
    kind: n.kind,
    page: { url, canonicalUrl: url, title: 'P' },
    pageKey: `example.org/p/${n.page}`,
    updatedAt: 1000 + n.id,
    ...(n.thread
      ? {
          chat: {
            platform: 'slack',
            channel: n.thread,
            messages: [{ id: `root-${n.thread}`, text: 'q', isRoot: true }],
          },
        }
      : {}),
    ...(n.isDeleted ? { deletedAt: 2000 } : {}),
  });
}

const opArb = fc.oneof(
  noteArb.map((n) => ({ op: 'upsert' as const, note: n })),
  fc.nat(30).map((id) => ({ op: 'remove' as const, id })),
);

type Op = typeof opArb extends fc.Arbitrary<infer T> ? T : never;

/** Applies `o` to the index and to `notes`, the live notes the index should now hold. */
function applyOp(index: SimilarityIndex, notes: Map<string, Note>, o: Op): void {
  if (o.op === 'upsert') {
    const n = build(o.note);
    index.upsert(n);
    if (n.deletedAt === undefined) notes.set(n.id, n);
    else notes.delete(n.id);
  } else {
    index.remove(ID(o.id));
    notes.delete(ID(o.id));
  }
}

/** `index` holds as many notes as one built from `live`, and ranks every draft exactly as that one does. */
function expectAsRebuilt(index: SimilarityIndex, live: Iterable<Note>, drafts: Note[]): void {
  const rebuilt = SimilarityIndex.build(live);
  expect(index.size).toBe(rebuilt.size);
  expect(index.fingerprint()).toEqual(rebuilt.fingerprint());
  for (const d of drafts) {
    const draft = { quote: d.quote, takeaway: d.takeaway, pageKey: d.pageKey, kind: d.kind, chat: d.chat };
    const want = rankSimilar(rebuilt, draft, { limit: 10, minWordScore: 0.3 });
    expect(rankSimilar(index, draft, { limit: 10, minWordScore: 0.3 })).toEqual(want);
  }
}

describe('a saved similarity index', () => {
  it('loads to the same answers as the index rebuilt from the same notes, after any edits before and after loading', () => {
    fc.assert(
      fc.property(
        fc.array(noteArb, { maxLength: 25 }),
        fc.array(opArb, { maxLength: 25 }),
        fc.array(opArb, { maxLength: 25 }),
        fc.array(noteArb, { minLength: 1, maxLength: 5 }),
        (initial, before, after, drafts) => {
          const notes = new Map<string, Note>();
          const apply = (index: SimilarityIndex, o: Op) => applyOp(index, notes, o);
          const kept = SimilarityIndex.build(initial.map(build));
          for (const n of initial.map(build)) {
            if (n.deletedAt === undefined) notes.set(n.id, n);
            else notes.delete(n.id);
          }
          for (const o of before) apply(kept, o);
          // Through V8's serializer, as Chromium's IndexedDB stores it.
          const loaded = SimilarityIndex.load(deserialize(serialize(kept.save())));
          const check = (index: SimilarityIndex) => expectAsRebuilt(index, notes.values(), drafts.map(build));
          check(loaded);
          // A loaded index then edited (its saved slots replaced and removed), and saved and loaded again.
          for (const o of after) apply(loaded, o);
          check(loaded);
          check(SimilarityIndex.load(deserialize(serialize(loaded.save()))));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('loads base + delta as a fresh index answers, through delta saves, whole saves and sliced saves edited between slices', () => {
    const round = <T>(x: T): T => deserialize(serialize(x)) as T;
    /** A base as IndexedDB gives it back: cut into parts of `bytes`, each stored and read on its own. */
    const roundSplit = <T>(x: T, bytes: number): T => {
      const { shape, parts } = splitRows(x, bytes);
      return joinRows(round(shape), parts.map(round)) as T;
    };
    const actionArb = fc.record({
      ops: fc.array(opArb, { maxLength: 8 }),
      save: fc.constantFrom('delta' as const, 'whole' as const, 'sliced' as const, 'reload' as const),
      // For a sliced save: the slice size, and edits made at each pause between slices.
      slice: fc.integer({ min: 1, max: 6 }),
      during: fc.array(opArb, { maxLength: 6 }),
    });
    fc.assert(
      fc.property(
        fc.array(noteArb, { maxLength: 25 }),
        fc.array(actionArb, { minLength: 1, maxLength: 6 }),
        fc.array(noteArb, { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 8, max: 512 }),
        (initial, actions, drafts, partBytes) => {
          const notes = new Map<string, Note>();
          const apply = (index: SimilarityIndex, o: Op) => applyOp(index, notes, o);
          const check = (index: SimilarityIndex) => expectAsRebuilt(index, notes.values(), drafts.map(build));
          let live = SimilarityIndex.build(initial.map(build));
          for (const n of initial.map(build)) {
            if (n.deletedAt === undefined) notes.set(n.id, n);
            else notes.delete(n.id);
          }
          live.startWholeSave();
          let base = roundSplit(live.save(), partBytes);
          let delta = round(live.saveDelta());
          for (const { ops, save, slice, during } of actions) {
            for (const o of ops) apply(live, o);
            if (save === 'delta' || save === 'reload') delta = round(live.saveDelta());
            if (save === 'whole') {
              live.startWholeSave();
              base = roundSplit(live.save(), partBytes);
              delta = round(live.saveDelta());
            }
            if (save === 'sliced') {
              live.startWholeSave();
              const steps = live.saveInSlices(slice);
              let pause = 0;
              for (let step = steps.next(); ; step = steps.next()) {
                if (step.done) {
                  base = roundSplit(step.value, partBytes);
                  break;
                }
                const o = during[pause++];
                if (o) apply(live, o);
              }
              delta = round(live.saveDelta());
            }
            // What a new service worker loads: the base and the delta saved beside it.
            const loaded = SimilarityIndex.load(base, delta);
            check(loaded);
            check(live);
            if (save === 'reload') {
              live = loaded; // a new worker goes on from what it loaded: its next delta still holds the old one's
              delta = round(live.saveDelta());
              check(SimilarityIndex.load(base, delta));
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps answering and saving after a loaded index takes new notes', () => {
    const a = build({
      id: 1,
      quote: 'index query planner cache',
      takeaway: '',
      page: 0,
      kind: 'insight',
      isDeleted: false,
    });
    const b = build({
      id: 2,
      quote: 'warm cold page quote',
      takeaway: '',
      page: 1,
      kind: 'question',
      isDeleted: false,
    });
    const loaded = SimilarityIndex.load(SimilarityIndex.build([a]).save());
    loaded.upsert(b);
    expect(rankSimilar(loaded, { quote: 'warm cold page quote' }).map((m) => m.id)).toEqual([b.id]);
    expect(SimilarityIndex.load(loaded.save()).size).toBe(2);
  });

  it('refuses data it did not write', () => {
    expect(() => SimilarityIndex.load({ format: 3 } as never)).toThrow(RangeError);
    expect(() => SimilarityIndex.load({ format: 2 } as never)).toThrow(RangeError);
    const saved = SimilarityIndex.build([
      build({ id: 1, quote: 'index query planner', takeaway: '', page: 0, kind: 'insight', isDeleted: false }),
    ]).save();
    expect(() => SimilarityIndex.load({ ...saved, termData: saved.termData.map(() => 99) })).toThrow(RangeError);
  });
});
