import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexFromSummaries } from '../digest';
import { noteSummary } from '../digest/note-summary';
import { seedStore } from '../testing/digest-seed';
import type { LoggedSummary } from './note-summaries';
import { bucketOf, decodeBucket, encodeBucket, type NoteSummaryRow, type SummaryBucketRow } from './summary-bucket';
import { indexFromBuckets } from './summary-fold';
import { mergeSummaries } from './summary-reads';
import { foldFingerprint } from './live-fingerprint';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const DAY = 86_400_000;

/** The store's layout: each summary in the bucket its id hashes to. */
function toBuckets(rows: readonly NoteSummaryRow[]): SummaryBucketRow[] {
  const by = new Map<number, NoteSummaryRow[]>();
  for (const r of rows) by.set(bucketOf(r.id), [...(by.get(bucketOf(r.id)) ?? []), r]);
  return [...by].sort((a, b) => a[0] - b[0]).map(([b, list]) => encodeBucket(b, list));
}

/** What the cold digest folded before: every bucket decoded into objects, the log merged in. */
function decoded(buckets: readonly SummaryBucketRow[], log: LoggedSummary[]): NoteSummaryRow[] {
  const base: NoteSummaryRow[] = [];
  for (const row of buckets) decodeBucket(row, base);
  return mergeSummaries(base, log);
}

const text = fc.constantFrom('', 'ana', 'bo', 'cy', 'Ana B.', 'c1', 'c2');
// Times around the twelve trend weeks before NOW, and before them, so every week and the edges get notes.
const time = fc.integer({ min: NOW - 100 * DAY, max: NOW + DAY });
const entry = fc.record(
  {
    id: fc.uuid(),
    kind: fc.constantFrom('insight', 'question', 'answer', 'story', 'snippet', 'link', 'win'),
    createdAt: time,
    updatedAt: time,
    seq: fc.nat({ max: 1000 }),
    deletedAt: time,
    communityId: fc.option(text, { nil: null }),
    author: fc.record({ id: text, name: text }),
    links: fc.record({ answers: fc.constantFrom('q1', 'q2', 'q3') }),
  },
  { requiredKeys: ['id', 'kind', 'createdAt', 'updatedAt', 'seq'] },
);

describe('indexFromBuckets', () => {
  it('equals indexFromSummaries over the decoded, merged summaries, counts them, and fingerprints the live ones', () => {
    const logged = fc.oneof(
      entry,
      fc.record({ id: fc.uuid(), seq: fc.nat({ max: 1000 }), gone: fc.constant(1 as const) }),
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(entry, { selector: (e) => e.id, maxLength: 60 }),
        fc.array(logged, { maxLength: 20 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        fc.constantFrom(['ana'], ['me', 'ana'], []),
        fc.constantFrom('UTC', 'Europe/Berlin', 'Pacific/Auckland'),
        (entries, extra, picks, meIds, zone) => {
          const rows = JSON.parse(JSON.stringify(entries)) as NoteSummaryRow[]; // plain objects, as stored
          // Log rows for notes in the buckets (an edit or a removal since compaction) as well as new notes.
          const log = JSON.parse(JSON.stringify(extra)) as LoggedSummary[];
          picks.forEach((p, i) => {
            const at = rows.length ? rows[p % rows.length]!.id : undefined;
            if (at && log[i]) log[i] = { ...log[i], id: at };
          });
          const buckets = toBuckets(rows);
          const merged = decoded(buckets, log);
          const { index, count, live, sum } = indexFromBuckets(buckets, log, meIds, NOW, zone);
          expect(index).toStrictEqual(indexFromSummaries(merged, meIds, NOW, zone));
          expect(count).toBe(merged.length);
          // The live ones' fingerprint, as the notes middleware keeps it (live-fingerprint.ts).
          const kept = foldFingerprint(
            { count: 0, sum: 0 },
            merged.map((r) => [undefined, r] as const),
          );
          expect({ live, sum }).toEqual({ live: kept.count, sum: kept.sum });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('equals it on a seeded store of realistic notes', () => {
    const notes = seedStore(3000, NOW, 365, 11);
    const rows = notes.map((n, i) => ({ ...noteSummary(n), seq: i + 1 }));
    const log: LoggedSummary[] = [
      { id: rows[5]!.id, seq: 3001, gone: 1 },
      { ...rows[9]!, seq: 3002, deletedAt: NOW },
      { ...rows[12]!, id: 'new-note', seq: 3003, createdAt: NOW - DAY },
    ];
    const buckets = toBuckets(rows);
    const { index, count } = indexFromBuckets(buckets, log, ['me'], NOW, 'Europe/Berlin');
    expect(index).toStrictEqual(indexFromSummaries(decoded(buckets, log), ['me'], NOW, 'Europe/Berlin'));
    expect(count).toBe(3000);
    expect(Object.keys(index.weeks)).toHaveLength(11);
  });

  it('refuses a row that is not in the bucket layout', () => {
    const good = encodeBucket(0, [{ id: 'a', kind: 'insight', createdAt: 1, updatedAt: 1, seq: 1 }]);
    const bad = { ...good, refs: [0, 1] as unknown as Int32Array };
    expect(() => indexFromBuckets([bad], [], [], NOW, 'UTC')).toThrow(/bucket layout/);
  });
});
