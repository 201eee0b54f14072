import type { Note } from '../../lib/model';
import { checkWorld } from './sync-checks';
import { makeClient, type TestClient, type WireLog } from './sync-client';
import type { TestServer } from './sync-harness';
import type { Scenario, Step } from './sync-model';

/**
 * Every change a user made that the repository accepted: the checks prove none of it was lost. Deletes are
 * listed too (with no takeaway): a write the same device deleted afterwards need not survive.
 */
export interface Written {
  client: number;
  noteId: string;
  takeaway: string;
  op: 'create' | 'edit' | 'restore' | 'delete';
}

export interface World {
  server: TestServer;
  clients: TestClient[];
  communities: string[];
  log: WireLog;
  written: Written[];
  /** Which community each created note belongs to. */
  noteCommunity: Map<string, string>;
}

let unique = 0;

export async function setUp(server: TestServer, scenario: Scenario): Promise<World> {
  await server.reset();
  const log: WireLog = { push: [], pulls: [], generation: 0 };
  const a = await server.createCommunity('Alpha');
  const b = await server.createCommunity('Beta');
  const communities = [a, b];
  const clients: TestClient[] = [];
  const primaries: (TestClient | undefined)[] = [undefined, undefined];
  for (const [i, spec] of scenario.clients.entries()) {
    const client = makeClient(server, log);
    const home = communities[spec.community]!;
    const primary = primaries[spec.community];
    if (spec.isSecondDevice && primary) await client.joinAsDeviceOf(primary, home.id);
    else {
      await client.join(home.code, `Member ${i}`);
      primaries[spec.community] ??= client;
    }
    clients.push(client);
  }
  await server.backup();
  return { server, clients, communities: communities.map((x) => x.id), log, written: [], noteCommunity: new Map() };
}

async function mine(w: World, c: TestClient, isLive: boolean): Promise<Note[]> {
  const m = (await c.state.membership(c.communityId))!;
  const all = await c.db.notes.where('communityId').equals(c.communityId).sortBy('id');
  return all.filter((n) => n.author?.id === m.memberId && (n.deletedAt === undefined) === isLive);
}

async function others(c: TestClient): Promise<Note[]> {
  const m = (await c.state.membership(c.communityId))!;
  const all = await c.db.notes.where('communityId').equals(c.communityId).sortBy('id');
  return all.filter((n) => n.author?.id !== m.memberId && n.deletedAt === undefined);
}

const at = <T>(list: T[], i: number): T | undefined => (list.length ? list[i % list.length] : undefined);

export async function runStep(w: World, step: Step): Promise<void> {
  const c = 'c' in step ? w.clients[step.c % w.clients.length]! : undefined;
  const ci = 'c' in step ? step.c % w.clients.length : -1;
  switch (step.t) {
    case 'create': {
      const takeaway = `t${++unique}`;
      const made = await c!.notes.create({
        kind: 'insight',
        quote: 'q',
        takeaway,
        tags: ['p'],
        selectors: [],
        page: { url: 'https://example.org/', canonicalUrl: 'https://example.org/', title: 'E' },
        communityId: c!.communityId,
      });
      if (!made.ok) throw new Error(made.error);
      w.noteCommunity.set(made.value.id, c!.communityId);
      w.written.push({ client: ci, noteId: made.value.id, takeaway, op: 'create' });
      return;
    }
    case 'edit': {
      const note = at(await mine(w, c!, true), step.pick);
      if (!note) return;
      const takeaway = `t${++unique}`;
      const res = await c!.notes.update(note.id, { takeaway });
      if (res.ok) w.written.push({ client: ci, noteId: note.id, takeaway, op: 'edit' });
      return;
    }
    case 'delete': {
      const note = at(await mine(w, c!, true), step.pick);
      if (!note) return;
      const res = await c!.notes.remove(note.id);
      if (res.ok) w.written.push({ client: ci, noteId: note.id, takeaway: '', op: 'delete' });
      return;
    }
    case 'restore': {
      const note = at(await mine(w, c!, false), step.pick);
      if (!note) return;
      const res = await c!.notes.restore(note.id);
      if (res.ok) w.written.push({ client: ci, noteId: note.id, takeaway: res.value.takeaway, op: 'restore' });
      return;
    }
    case 'thank': {
      const note = at(await others(c!), step.pick);
      if (note) await setThanksVia(c!, note.id, step.on);
      return;
    }
    case 'sync':
      await c!.engine.syncAll(step.force);
      return afterKill(c!);
    case 'syncEveryone':
      await Promise.all(w.clients.map((x) => x.engine.syncAll(true)));
      for (const x of w.clients) afterKill(x);
      return;
    case 'offline':
      return c!.setOffline(step.on);
    case 'fault':
      c!.faults.push(...step.faults);
      return;
    case 'restartServer':
      return w.server.restart();
    case 'restoreBackup':
      w.log.generation++;
      return w.server.restore();
    case 'restartWorker':
      return c!.restartWorker();
    case 'clock':
      return c!.jumpClock(step.days * 86_400_000);
    case 'compact':
      return compactEach(w, step.percent);
  }
}

/** Moves each community's fence to `percent` of its head (ignoring the retention rule, so fences move often). */
async function compactEach(w: World, percent: number) {
  const { compactThrough } = await import('../../server/src/sync/compact');
  for (const id of w.communities) {
    const { rows } = await w.server.db.query<{ v: number }>('SELECT last_version AS v FROM communities WHERE id = $1', [
      id,
    ]);
    await compactThrough(w.server.db, id, Math.floor((Number(rows[0]?.v ?? 0) * percent) / 100));
  }
}

async function setThanksVia(c: TestClient, noteId: string, on: boolean) {
  const { setThanks } = await import('../../lib/sync/thanks');
  await setThanks(c.db, noteId, on, c.now());
}

/** A killed worker is restarted by the browser on the next event. */
function afterKill(c: TestClient) {
  if (c.isKilled) c.restartWorker();
}

/** The network and server recover; every client syncs until nothing is left to send. */
export async function heal(w: World): Promise<void> {
  for (const c of w.clients) {
    c.setOffline(false);
    c.faults.length = 0;
    c.restartWorker();
  }
  // Rounds until one in which nobody pushed: then every pull saw the final state.
  for (let round = 0; round < 6; round++) {
    let pushed = 0;
    for (const c of w.clients) {
      for (const o of await c.engine.syncAll(true)) {
        if (o.status === 'failed') throw new Error(`sync failed after healing: ${o.error.message}`);
        if (o.status === 'synced') pushed += o.pushed;
      }
    }
    if (pushed === 0 && round > 0) return;
  }
  throw new Error('no quiescence after 6 rounds of healing');
}

/** One scenario against `server`: set up, every step, healing, then every property the sync issue names. */
export async function playScenario(server: TestServer, scenario: Scenario): Promise<void> {
  const world = await setUp(server, scenario);
  try {
    for (const step of scenario.steps) await runStep(world, step);
    await heal(world);
    await checkWorld(world);
  } finally {
    await Promise.all(world.clients.map((c) => c.close()));
  }
}
