import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { TestClient, WireLog } from './sync-client';
import { startTestServer, type TestServer } from './sync-harness';

/**
 * The real endpoint (in-process, PGlite) for one test file: started once, reset before each test with a fresh
 * wire log (`onReset` resets the file's own state too), and every client pushed to `clients` closed at the end.
 */
export function useTestEndpoint(onReset?: () => void) {
  const env = {
    server: undefined as unknown as TestServer,
    log: { push: [], pulls: [], generation: 0 } as WireLog,
    clients: [] as TestClient[],
  };
  beforeAll(async () => {
    env.server = await startTestServer();
  }, 300_000);
  afterAll(async () => {
    await Promise.all(env.clients.map((c) => c.close()));
    await env.server?.close();
  });
  beforeEach(async () => {
    await env.server.reset();
    env.log = { push: [], pulls: [], generation: 0 };
    onReset?.();
  });
  return env;
}
