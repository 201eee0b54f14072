import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startTestServer, type TestServer } from '../../tests/property/sync-harness';
import { restoreScenarioArb, scenarioArb, type Scenario } from '../../tests/property/sync-model';
import { playScenario } from '../../tests/property/sync-run';

/**
 * The real endpoint (in-process, PGlite) and the real client engine, 2–5 clients in two communities, random
 * user actions, offline periods, injected faults, restarts and clock jumps; then healing, then every property
 * the sync issue names. SYNC_PROPERTY_RUNS sets the number of runs (default 200 when CI is set, 30 otherwise), SYNC_PROPERTY_SEED replays one. The error is put in the report so CI's one-line summary names the broken property.
 */
const RUNS = Number(process.env.SYNC_PROPERTY_RUNS ?? (process.env.CI ? 200 : 30));
const SEED = process.env.SYNC_PROPERTY_SEED ? Number(process.env.SYNC_PROPERTY_SEED) : undefined;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 300_000);
afterAll(async () => {
  await server?.close();
});

describe('sync converges without losing anything, whatever the network does', () => {
  it(
    'replicas equal the server; nothing lost, nothing twice; deletes stay; communities stay apart',
    async () => {
      await fc.assert(fc.asyncProperty(scenarioArb, play), {
        numRuns: RUNS,
        seed: SEED,
        endOnFailure: true,
        includeErrorInReport: true,
        examples: EXAMPLES,
      });
    },
    24 * 3600_000,
  );

  // A server restored from a backup reuses version numbers; cursors carry a history token so it notices.
  it(
    'after the server is restored from a backup, clients re-send what it lost and converge again',
    async () => {
      await fc.assert(fc.asyncProperty(restoreScenarioArb, play), {
        numRuns: RUNS,
        seed: SEED,
        endOnFailure: true,
        includeErrorInReport: true,
        examples: RESTORE_EXAMPLES,
      });
    },
    24 * 3600_000,
  );
});

const TWO_DEVICES = [
  { community: 0, isSecondDevice: false },
  { community: 0, isSecondDevice: true },
];

/**
 * Scenarios replayed on every run. 2026-12-05 (seed -582405241, found by the restore property and shrunk): the
 * first device edited a note twice, neither edit reaching the server, while the second device deleted the note and
 * the server compacted its tombstone. The reset after compaction keeps the note's last words as a draft; the
 * check demanded the first edit's words too, though the user had replaced them. The check now counts a write kept
 * when the same device's later write (or delete) of the same note is: both scenarios below failed before.
 */
const EXAMPLES: [Scenario][] = [
  [
    {
      clients: TWO_DEVICES,
      steps: [
        { t: 'create', c: 0 },
        { t: 'syncEveryone' },
        { t: 'edit', c: 0, pick: 0 },
        { t: 'fault', c: 0, faults: ['lostBefore'] },
        { t: 'syncEveryone' },
        { t: 'delete', c: 1, pick: 0 },
        { t: 'compact', percent: 100 },
        { t: 'sync', c: 3, force: false },
        { t: 'create', c: 0 },
        { t: 'fault', c: 0, faults: ['lostBefore'] },
        { t: 'edit', c: 0, pick: 0 },
        { t: 'compact', percent: 100 },
        { t: 'clock', c: 0, days: 0 },
        { t: 'compact', percent: 100 },
        { t: 'syncEveryone' },
        { t: 'restartServer' },
        { t: 'compact', percent: 100 },
        { t: 'edit', c: 0, pick: 0 },
      ],
    },
  ],
  // The same seed's other shape: the first device edited the note (unsent), then deleted it itself; the reset
  // after compaction rightly keeps no draft of words the user deleted.
  [
    {
      clients: TWO_DEVICES,
      steps: [
        { t: 'create', c: 0 },
        { t: 'syncEveryone' },
        { t: 'fault', c: 0, faults: ['lostBefore'] },
        { t: 'edit', c: 0, pick: 0 },
        { t: 'syncEveryone' },
        { t: 'delete', c: 0, pick: 0 },
        { t: 'delete', c: 1, pick: 0 },
        { t: 'sync', c: 1, force: false },
        { t: 'compact', percent: 100 },
        { t: 'fault', c: 0, faults: ['lostBefore'] },
        { t: 'syncEveryone' },
      ],
    },
  ],
];

/**
 * Counterexamples found, shrunk, replayed on every run. 2026-12-04 (seed 392670587): a member pulled a
 * delete, the server was restored from a backup, the author's later undo was re-sent; the member's reset pull
 * kept its tombstone from the lost history, so its replica lacked a note the server had.
 */
const RESTORE_EXAMPLES: [Scenario][] = [
  // 2026-12-05 (seed -1012765777): one member, two devices. The server was restored from a backup; the
  // first device's delete went up after it and was compacted; the second device, resetting after the restore,
  // re-sent its copy of the note as lost, and with the tombstone gone the server took it: the deleted note
  // came back on the server while the first device kept its tombstone. A compacted delete is now still final.
  [
    {
      clients: [
        { community: 0, isSecondDevice: false },
        { community: 0, isSecondDevice: true },
      ],
      steps: [
        { t: 'create', c: 0 },
        { t: 'syncEveryone' },
        { t: 'create', c: 1 },
        { t: 'sync', c: 15, force: false },
        { t: 'thank', c: 0, pick: 0, on: false },
        { t: 'compact', percent: 100 },
        { t: 'delete', c: 0, pick: 0 },
        { t: 'edit', c: 1, pick: 0 },
        { t: 'compact', percent: 100 },
        { t: 'create', c: 0 },
        { t: 'restoreBackup' },
        { t: 'sync', c: 0, force: false },
        { t: 'compact', percent: 100 },
        { t: 'edit', c: 0, pick: 0 },
        { t: 'restartServer' },
        { t: 'clock', c: 0, days: 0 },
      ],
    },
  ],
  [
    {
      clients: [
        { community: 0, isSecondDevice: false },
        { community: 0, isSecondDevice: false },
        { community: 0, isSecondDevice: false },
      ],
      steps: [
        { t: 'create', c: 0 },
        { t: 'create', c: 2 },
        { t: 'syncEveryone' },
        { t: 'delete', c: 0, pick: 0 },
        { t: 'sync', c: 0, force: false },
        { t: 'restore', c: 0, pick: 0 },
        { t: 'edit', c: 0, pick: 0 },
        { t: 'sync', c: 11, force: false },
        { t: 'clock', c: 0, days: 0 },
        { t: 'restoreBackup' },
        { t: 'restartServer' },
        { t: 'create', c: 5 },
        { t: 'create', c: 5 },
        { t: 'create', c: 8 },
        { t: 'syncEveryone' },
        { t: 'restore', c: 0, pick: 0 },
      ],
    },
  ],
];

const play = (scenario: Scenario) => playScenario(server, scenario);
