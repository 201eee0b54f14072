/**
 * Export and import at scale: N notes → JSON export → importFile (parse, validate, duplicate check against
 * the same N already stored) and → Hypothesis rows → importFile; then writeImport into IndexedDB
 * (fake-indexeddb in Node) in batches. Baseline: JSON.stringify/parse alone, the floor any format pays.
 * Usage: npm run bench:transfer [-- notes=50000]
 */
import 'fake-indexeddb/auto';
import { writeImport } from '../lib/db/import';
import { CommonplaceDb } from '../lib/db/schema';
import { exportJson } from '../lib/export/json-export';
import { importFile } from '../lib/import';
import { makeNote } from '../lib/testing/make-note';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.split('=') as [string, string]));
const N = Number(args.notes ?? 50_000);
const notes = Array.from({ length: N }, (_, i) => {
  const url = `https://site${i % 997}.example/post/${i}`;
  return makeNote({
    quote: `Quoted sentence number ${i} about caching, retries and idempotency keys.`,
    takeaway: i % 3 ? `Takeaway ${i}` : '',
    tags: [`t${i % 50}`],
    page: { url, canonicalUrl: url, title: `Post ${i}` },
    selectors: [{ type: 'TextQuoteSelector', exact: `Quoted sentence number ${i}` }],
  });
});
const time = <T>(fn: () => T): [T, number] => {
  const t = performance.now();
  const r = fn();
  return [r, performance.now() - t];
};
const r = (x: number) => Math.round(x);

const [file, exportMs] = time(() => exportJson(notes));
const [, baselineMs] = time(() => JSON.parse(JSON.stringify(notes)));
const [fresh, importMs] = time(() => importFile(file));
const [again, dupCheckMs] = time(() => importFile(file, { existing: notes }));
if (!fresh.ok || fresh.value.notes.length !== N) throw new Error('round trip lost notes');
if (!again.ok || again.value.duplicates !== N) throw new Error('duplicate check missed notes');
const rows = JSON.stringify({
  total: N,
  rows: notes.map((n, i) => ({
    id: `h${i}`,
    uri: n.page.url,
    text: n.takeaway,
    tags: n.tags,
    created: new Date(n.createdAt).toISOString(),
    user: 'acct:bench@hypothes.is',
    target: [{ source: n.page.url, selector: [{ type: 'TextQuoteSelector', exact: n.quote }] }],
    document: { title: [n.page.title] },
  })),
});
const [hyp, hypothesisMs] = time(() => importFile(rows));
if (!hyp.ok || hyp.value.notes.length !== N) throw new Error('hypothesis import lost notes');

const db = new CommonplaceDb('bench-transfer');
let progressCalls = 0;
const t0 = performance.now();
const written = await writeImport(db, fresh.value.notes, [], { batchSize: 500, onProgress: () => progressCalls++ });
const writeMs = performance.now() - t0;
await db.delete();

console.log(`notes ${N}: export ${r(exportMs)} ms (JSON round trip floor ${r(baselineMs)} ms)`);
console.log(`import ours ${r(importMs)} ms, with duplicate check vs ${N} stored ${r(dupCheckMs)} ms`);
console.log(
  `import Hypothesis rows ${r(hypothesisMs)} ms; writeImport ${written.written} in ${progressCalls - 1} batches ${r(writeMs)} ms`,
);
console.log(
  JSON.stringify({
    bench: 'transfer',
    notes: N,
    exportMs: r(exportMs),
    jsonFloorMs: r(baselineMs),
    importMs: r(importMs),
    importWithDupCheckMs: r(dupCheckMs),
    hypothesisImportMs: r(hypothesisMs),
    writeMs: r(writeMs),
    batches: progressCalls - 1,
  }),
);
