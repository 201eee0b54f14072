import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startTestServer, type TestServer } from '../../tests/property/sync-harness';
import { checkWorld } from '../../tests/property/sync-checks';
import { restoreScenarioArb, scenarioArb, type Scenario } from '../../tests/property/sync-model';
import { heal, runStep, setUp } from '../../tests/property/sync-run';

/**
 * The real endpoint (in-process, PGlite) and the real client engine, 2–5 clients in two communities, random
 * user actions, offline periods, injected faults, restarts and clock jumps; then healing, then every property
 * the sync issue names. SYNC_PROPERTY_RUNS sets the number of runs (default 200 when CI is set, 30 otherwise), SYNC_PROPERTY_SEED replays one.
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
      await fc.assert(fc.asyncProperty(scenarioArb, play), { numRuns: RUNS, seed: SEED, endOnFailure: true });
    },
    24 * 3600_000,
  );

  // A server restored from a backup reuses version numbers; cursors carry a history token so it notices.
  it(
    'after the server is restored from a backup, clients re-send what it lost and converge again',
    async () => {
      await fc.assert(fc.asyncProperty(restoreScenarioArb, play), { numRuns: RUNS, seed: SEED, endOnFailure: true });
    },
    24 * 3600_000,
  );
});

async function play(scenario: Scenario): Promise<void> {
  const world = await setUp(server, scenario);
  try {
    for (const step of scenario.steps) await runStep(world, step);
    await heal(world);
    await checkWorld(world);
  } finally {
    await Promise.all(world.clients.map((c) => c.close()));
  }
}
