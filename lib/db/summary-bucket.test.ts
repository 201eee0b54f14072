import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { noteSummary } from '../digest/note-summary';
import { seedStore } from '../testing/digest-seed';
import {
  BUCKET_COUNT,
  bucketEntries,
  bucketOf,
  decodeBucket,
  encodeBucket,
  type NoteSummaryRow,
  type SummaryBucketRow,
} from './summary-bucket';

const row = (over: Partial<NoteSummaryRow> & { id: string }): NoteSummaryRow => ({
  kind: 'insight',
  createdAt: 1,
  updatedAt: 2,
  seq: 1,
  ...over,
});

describe('summary buckets', () => {
  it('decode to exactly the summaries encoded: absent fields stay absent, a personal note keeps its null', () => {
    const text = fc.string({ maxLength: 12 });
    const entry = fc.record(
      {
        id: fc.uuid(),
        kind: fc.constantFrom('insight', 'question', 'answer', 'story', 'link'),
        createdAt: fc.integer({ min: 0, max: 2 ** 45 }),
        updatedAt: fc.integer({ min: 0, max: 2 ** 45 }),
        seq: fc.nat(),
        deletedAt: fc.integer({ min: 0, max: 2 ** 45 }),
        communityId: fc.option(text, { nil: null }),
        author: fc.record({ id: text, name: text }),
        links: fc.record({ answers: text }),
      },
      { requiredKeys: ['id', 'kind', 'createdAt', 'updatedAt', 'seq'] },
    );
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: (e) => e.id, maxLength: 40 }), (entries) => {
        const rows = JSON.parse(JSON.stringify(entries)) as NoteSummaryRow[]; // plain objects, as stored
        const bucket = encodeBucket(3, rows);
        const byId = (a: NoteSummaryRow, b: NoteSummaryRow) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
        expect(decodeBucket(bucket)).toStrictEqual([...rows].sort(byId));
        expect(bucket.n).toBe(rows.length);
        expect(bucket.seq).toBe(Math.max(0, ...rows.map((r) => r.seq)));
        // Only what was written after a number, for the incremental digest.
        const after = 5;
        expect(decodeBucket(bucket, [], after)).toStrictEqual(rows.filter((r) => r.seq > after).sort(byId));
      }),
      { numRuns: 200 },
    );
  });

  it('store real notes’ summaries in one string table, each repeated string once', () => {
    const notes = seedStore(400, Date.parse('2026-11-25T12:00:00Z'), 100, 7);
    const rows = notes.map((n, i) => ({ ...noteSummary(n), seq: i + 1 }));
    const bucket = encodeBucket(0, rows);
    expect(new Set(bucket.strings).size).toBe(bucket.strings.length);
    expect(bucketEntries(bucket).get(rows[17]!.id)).toEqual(rows[17]);
    expect(bucket.refs).toBeInstanceOf(Int32Array);
    expect(bucket.nums).toBeInstanceOf(Float64Array);
  });

  it('place a note by its id alone, and spread time-ordered ids over every bucket', () => {
    const notes = seedStore(12_800, Date.parse('2026-11-25T12:00:00Z'), 365, 3);
    const counts = new Array<number>(BUCKET_COUNT).fill(0);
    for (const n of notes) counts[bucketOf(n.id)]!++;
    expect(bucketOf(notes[0]!.id)).toBe(bucketOf(`${notes[0]!.id}`));
    const mean = notes.length / BUCKET_COUNT;
    expect(Math.min(...counts)).toBeGreaterThan(mean * 0.8);
    expect(Math.max(...counts)).toBeLessThan(mean * 1.2);
  });

  it('refuse a row that is not in the bucket layout, or whose columns disagree with its count', () => {
    const good = encodeBucket(1, [row({ id: 'a' }), row({ id: 'b' })]);
    expect(() => decodeBucket({ ...good, refs: [0, 1] as unknown as Int32Array })).toThrow(/bucket layout/);
    expect(() => decodeBucket({ ...good, n: 3 })).toThrow(/columns of another length/);
    // The 128-bucket layout's rows had no version: the same columns, never read as this layout's.
    const { v: _v, ...older } = good;
    expect(() => decodeBucket(older as SummaryBucketRow)).toThrow(/another layout/);
  });
});
