/**
 * bench:chat — extraction accuracy per adapter on its fixtures (and under class-hash rotation), the chat
 * observer's cost per mutation batch on a 2,000-message channel against baselines, and the gzipped size the
 * adapters add to the content script. Last line: one JSON object of headline figures.
 */
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { ADAPTERS, genericAdapter } from '../lib/capture/chat';
import { FIELDS, rotateClassHashes, scoreAdapter, type Score } from './chat-accuracy';
import { observerCost } from './chat-observer';
import { isReal, readProvenance } from '../tests/fixtures/chat/provenance';

const pct = (r: number, t: number) => (t ? ((100 * r) / t).toFixed(1).padStart(6) : '     -');
const isQuick = process.argv.includes('--quick');

console.log(
  'Extraction accuracy (messages fully right; per field right/total) | after class-hash rotation | ' +
    'baseline: the generic ARIA reader on the same pages',
);
let right = 0;
let total = 0;
let rotatedRight = 0;
const rows: [string, Score, Score, Score | undefined][] = [
  ...ADAPTERS.map(
    (a) =>
      [a.id, scoreAdapter(a, a.id), scoreAdapter(a, a.id, rotateClassHashes), scoreAdapter(genericAdapter, a.id)] as [
        string,
        Score,
        Score,
        Score,
      ],
  ),
  [
    'generic',
    scoreAdapter(genericAdapter, 'generic'),
    scoreAdapter(genericAdapter, 'generic', rotateClassHashes),
    undefined,
  ],
];
let baselineRight = 0;
for (const [id, s, rot, base] of rows) {
  const fields = FIELDS.map((f) => `${f} ${pct(s.fields[f].right, s.fields[f].total)}%`).join('  ');
  console.log(
    `${id.padEnd(12)} ${String(s.right).padStart(2)}/${s.messages} ${pct(s.right, s.messages)}%  ${fields}  | rotated ${pct(rot.right, rot.messages)}%` +
      (base ? `  | generic reader ${pct(base.right, base.messages)}%` : ''),
  );
  if (id !== 'generic') {
    right += s.right;
    total += s.messages;
    rotatedRight += rot.right;
    baselineRight += base?.right ?? 0;
  }
}

// The same scores on real captures only (fixtures whose provenance line says "real"): what the adapters read on
// markup the apps actually shipped, per field.
const { entries } = readProvenance();
const onReal = (platform: string) => (f: { name: string }) => isReal(`${platform}/${f.name}.html`, entries);
const realFixtures = entries.filter((e) => e.kind === 'real').length;
console.log(
  `\nOn real captures only (${realFixtures} of ${entries.length} fixtures are real; the rest are reconstructed)`,
);
const realFieldAccuracy: Record<string, Record<string, number>> = {};
const fieldTotals = Object.fromEntries(FIELDS.map((f) => [f, { right: 0, total: 0 }]));
for (const a of ADAPTERS) {
  const s = scoreAdapter(a, a.id, undefined, onReal(a.id));
  const count = entries.filter((e) => e.kind === 'real' && e.fixture.startsWith(`${a.id}/`)).length;
  if (!s.messages) {
    console.log(`${a.id.padEnd(12)} no real capture`);
    continue;
  }
  realFieldAccuracy[a.id] = Object.fromEntries(
    FIELDS.filter((f) => s.fields[f].total).map((f) => [f, Number((s.fields[f].right / s.fields[f].total).toFixed(4))]),
  );
  for (const f of FIELDS) {
    fieldTotals[f]!.right += s.fields[f].right;
    fieldTotals[f]!.total += s.fields[f].total;
  }
  const fields = FIELDS.map((f) => `${f} ${pct(s.fields[f].right, s.fields[f].total)}%`).join('  ');
  console.log(
    `${a.id.padEnd(12)} ${count} real, ${String(s.right).padStart(2)}/${s.messages} ${pct(s.right, s.messages)}%  ${fields}`,
  );
}
const fieldAccuracyReal = Object.fromEntries(
  FIELDS.map((f) => [
    f,
    fieldTotals[f]!.total ? Number((fieldTotals[f]!.right / fieldTotals[f]!.total).toFixed(4)) : null,
  ]),
);

const size = isQuick ? 500 : 2000;
const batches = isQuick ? 40 : 150;
console.log(
  `\nObserver cost on a ${size}-message channel, ${batches} batches of 20 rows recycled ` +
    '(median ms per batch: record delivery + flush)',
);
const cost: Record<string, number> = {};
for (const mode of ['none', 'noop', 'bare', 'ours', 'none', 'noop', 'bare', 'ours'] as const) {
  const ms = await observerCost(mode, size, batches);
  cost[mode] = Math.min(cost[mode] ?? Infinity, ms);
}
console.log(`no observer ${cost.none!.toFixed(3)} ms`);
console.log(`no-op MutationObserver ${cost.noop!.toFixed(3)} ms`);
console.log(`observeMessages, empty onChange ${cost.bare!.toFixed(3)} ms`);
console.log(`observeMessages, onChange re-reads the added messages' ids ${cost.ours!.toFixed(3)} ms`);

const bundle = await build({
  entryPoints: ['lib/capture/chat/index.ts'],
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  write: false,
});
const code = bundle.outputFiles[0]!.contents;
const kbGz = gzipSync(code, { level: 9 }).length / 1024;
console.log(
  `\nContent-script cost of lib/capture/chat: ${(code.length / 1024).toFixed(1)} kB minified, ${kbGz.toFixed(2)} kB gzipped`,
);

console.log(
  JSON.stringify({
    bench: 'chat',
    adapters: ADAPTERS.length,
    accuracy: Number((right / total).toFixed(4)),
    accuracyClassRotated: Number((rotatedRight / total).toFixed(4)),
    genericReaderAccuracy: Number((baselineRight / total).toFixed(4)),
    messages: total,
    observerMsPerBatch: Number(cost.ours!.toFixed(3)),
    observerOverheadMsPerBatch: Number(cost.bare!.toFixed(3)),
    noopObserverMsPerBatch: Number(cost.noop!.toFixed(3)),
    noObserverMsPerBatch: Number(cost.none!.toFixed(3)),
    contentScriptKbGz: Number(kbGz.toFixed(2)),
    realFixtures,
    fieldAccuracyReal,
    realFieldAccuracy,
  }),
);
