import fc from 'fast-check';
import type { Fault } from './sync-client';

/** One step of a run: what a user, the network, the server or the browser does. */
export type Step =
  | { t: 'create'; c: number }
  | { t: 'edit' | 'delete' | 'restore'; c: number; pick: number }
  | { t: 'thank'; c: number; pick: number; on: boolean }
  | { t: 'sync'; c: number; force: boolean }
  | { t: 'syncEveryone' }
  | { t: 'offline'; c: number; on: boolean }
  | { t: 'fault'; c: number; faults: Fault[] }
  | { t: 'restartServer' }
  /** The server is restored from the backup taken after everyone joined: it forgets later changes. */
  | { t: 'restoreBackup' }
  | { t: 'restartWorker'; c: number }
  /** The server compacts tombstones through `percent` of each community's head (the fence moves). */
  | { t: 'compact'; percent: number }
  | { t: 'clock'; c: number; days: number };

const c = fc.nat(15);
const pick = fc.nat(50);
const FAULTS: Fault[] = ['lostBefore', 'lostAfter', 'duplicate', 'replayOld', '429', '503', 'kill'];

export const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ t: fc.constant('create' as const), c }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('edit' as const), c, pick }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('delete' as const), c, pick }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('restore' as const), c, pick }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('thank' as const), c, pick, on: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ t: fc.constant('sync' as const), c, force: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('syncEveryone' as const) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('offline' as const), c, on: fc.boolean() }) },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('fault' as const),
      c,
      faults: fc.array(fc.constantFrom(...FAULTS), { minLength: 1, maxLength: 3 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('restartServer' as const) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('restartWorker' as const), c }) },
  {
    // Half the time through the head itself: a client that is behind at all then has to reset.
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('compact' as const),
      percent: fc.oneof(fc.constant(100), fc.integer({ min: 0, max: 100 })),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('clock' as const), c, days: fc.integer({ min: -5, max: 5 }) }) },
);

/** Who the clients are: a community each, and some are a second device of an earlier client's member. */
export const clientsArb = fc.array(
  fc.record({ community: fc.integer({ min: 0, max: 1 }), isSecondDevice: fc.boolean() }),
  {
    minLength: 2,
    maxLength: 5,
  },
);

export const scenarioArb = fc.record({
  clients: clientsArb,
  steps: fc.array(stepArb, { minLength: 12, maxLength: 36, size: 'max' }),
});

/** The same, plus now and then a restore of the server from a backup (what epochs are for). */
export const restoreScenarioArb = fc.record({
  clients: clientsArb,
  steps: fc.array(
    fc.oneof(
      { weight: 30, arbitrary: stepArb },
      { weight: 1, arbitrary: fc.constant({ t: 'restoreBackup' as const }) },
    ),
    { minLength: 12, maxLength: 36, size: 'max' },
  ),
});
export type Scenario = { clients: { community: number; isSecondDevice: boolean }[]; steps: Step[] };
