import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { TEST_DATABASE_URL } from '../../server/testing/harness';
import type { TestServer } from '../../tests/property/sync-harness';
import { startScaleOutServer } from '../../tests/property/sync-scale-harness';
import { restoreScenarioArb, scenarioArb, type Scenario } from '../../tests/property/sync-model';
import { playScenario } from '../../tests/property/sync-run';

/**
 * The fault property (sync.property.test.ts) against several endpoint processes on one PostgreSQL (issue 19):
 * each request goes to a random process, a server restart kills one process, a restore rewrites the tables
 * under the running ones. PostgreSQL only (TEST_DATABASE_URL, as `npm test` sets when it is installed).
 * SYNC_SCALE_RUNS (default 10 in CI, 3 otherwise) and SYNC_SCALE_PROCESSES (default 3); SYNC_PROPERTY_SEED
 * replays one run.
 */
const RUNS = Number(process.env.SYNC_SCALE_RUNS ?? (process.env.CI ? 10 : 3));
const PROCESSES = Number(process.env.SYNC_SCALE_PROCESSES ?? 3);
const SEED = process.env.SYNC_PROPERTY_SEED ? Number(process.env.SYNC_PROPERTY_SEED) : undefined;

let server: TestServer;
beforeAll(async () => {
  if (TEST_DATABASE_URL) server = await startScaleOutServer(TEST_DATABASE_URL, PROCESSES);
}, 300_000);
afterAll(async () => {
  await server?.close();
}, 60_000);

(TEST_DATABASE_URL ? describe : describe.skip)(`sync across ${PROCESSES} endpoint processes on one PostgreSQL`, () => {
  it(
    'replicas equal the server whichever process answers each request, while processes crash and restart',
    async () => {
      await fc.assert(fc.asyncProperty(scenarioArb, play), { numRuns: RUNS, seed: SEED, endOnFailure: true });
    },
    24 * 3600_000,
  );

  it(
    'after a restore under the running processes, clients re-send what was lost and converge again',
    async () => {
      await fc.assert(fc.asyncProperty(restoreScenarioArb, play), { numRuns: RUNS, seed: SEED, endOnFailure: true });
    },
    24 * 3600_000,
  );
});

const play = (scenario: Scenario) => playScenario(server, scenario);
