import { describe, expect, it } from 'vitest';
import { hostBackend } from './backends';
import { SEARCH_PORT } from '../messaging/protocol';
import { portSender, portServer, type PortLike } from './port';

/** An in-memory runtime: `connect` reaches the listening host, if any, asynchronously as Chrome does. */
function fakeRuntime() {
  let listener: ((port: PortLike & { name: string }) => void) | null = null;
  const end = () => {
    const msg: ((m: never) => void)[] = [];
    const gone: (() => void)[] = [];
    return {
      msg,
      gone,
      port: {
        name: SEARCH_PORT,
        postMessage: (_message: unknown): void => undefined,
        onMessage: { addListener: (fn: (m: never) => void) => void msg.push(fn) },
        onDisconnect: { addListener: (fn: () => void) => void gone.push(fn) },
      },
    };
  };
  return {
    listen: (fn: typeof listener) => void (listener = fn),
    stop: () => void (listener = null),
    connect(): PortLike {
      const a = end();
      const b = end();
      a.port.postMessage = (m) => void setTimeout(() => b.msg.forEach((f) => f(structuredClone(m) as never)));
      b.port.postMessage = (m) => void setTimeout(() => a.msg.forEach((f) => f(structuredClone(m) as never)));
      const host = listener;
      setTimeout(() => (host ? host(b.port) : a.gone.forEach((f) => f())));
      return a.port;
    },
  };
}

describe('search host port', () => {
  it('answers requests by type, passes errors back, and connects again after the host appears', async () => {
    const runtime = fakeRuntime();
    const send = portSender(() => runtime.connect());
    // No host yet: the call fails, so the client can have one created.
    await expect(send('searchNotes', { query: 'x', limit: 1 })).rejects.toThrow('not there');
    const server = portServer((fn) => runtime.listen(fn));
    server.on('searchNotes', (({ data }: { data: { query: string } }) => [{ id: data.query, score: 1 }]) as never);
    server.on('searchTopTags', (() => {
      throw new Error('index broken');
    }) as never);
    const [a, b] = await Promise.all([
      send('searchNotes', { query: 'first', limit: 1 }),
      send('searchNotes', { query: 'second', limit: 1 }),
    ]);
    expect([a, b]).toEqual([[{ id: 'first', score: 1 }], [{ id: 'second', score: 1 }]]);
    // Each answer carries the host's own time, measured on the asking page beside the whole round trip.
    const hops = performance.getEntriesByName('commonplace:host') as PerformanceMeasure[];
    expect(hops).toHaveLength(2);
    for (const hop of hops) {
      const { type, hostMs, toHostMs, backMs } = hop.detail as { type: string } & Record<
        'hostMs' | 'toHostMs' | 'backMs',
        number
      >;
      expect(type).toBe('searchNotes');
      expect(hostMs).toBeGreaterThanOrEqual(0);
      // The way there, the host's work and the way back: each within the round trip, and together no more.
      for (const part of [hostMs, toHostMs, backMs]) expect(part).toBeLessThanOrEqual(hop.duration);
      expect(toHostMs).toBeGreaterThanOrEqual(0);
      expect(backMs).toBeGreaterThanOrEqual(0);
      expect(toHostMs + hostMs + backMs).toBeLessThanOrEqual(hop.duration + 0.01);
    }
    await expect(send('searchTopTags', { limit: 3 })).rejects.toThrow('index broken');
  });

  it('through hostBackend: a missing host is created through the background, then answers', async () => {
    const runtime = fakeRuntime();
    const toHost = portSender(() => runtime.connect());
    let startHost: (p: PortLike & { name: string }) => void = () => undefined;
    portServer((fn) => (startHost = fn)).on('searchNotes', (() => [{ id: 'n1', score: 1 }]) as never);
    // What the background does on ensureSearchHost: the host starts listening.
    const ensure = async () => runtime.listen(startHost);
    const backend = hostBackend(toHost, ensure);
    expect(await backend.search('q', 5)).toEqual([{ id: 'n1', score: 1 }]);
  });

  it('a malformed message on either end is ignored: the port goes on answering', async () => {
    const runtime = fakeRuntime();
    let hostPort: (PortLike & { name: string }) | undefined;
    portServer((fn) => runtime.listen((p) => fn((hostPort = p)))).on('searchNotes', (({
      data,
    }: {
      data: { query: string };
    }) => [{ id: data.query }]) as never);
    let pagePort: PortLike | undefined;
    const send = portSender(() => (pagePort = runtime.connect()));
    expect(await send('searchNotes', { query: 'first', limit: 1 })).toEqual([{ id: 'first' }]);
    const answered: unknown[] = [];
    pagePort!.onMessage.addListener((m: never) => void answered.push(m));
    for (const m of [null, 'searchNotes', 42, { id: 'x', type: 'searchNotes' }, { id: 7 }, { id: 8, type: 1 }])
      pagePort!.postMessage(m);
    // A request of a type the host does not answer is answered with an error, never silence.
    pagePort!.postMessage({ id: 9, type: 'constructor', data: null });
    await new Promise((r) => setTimeout(r, 10));
    expect(answered).toEqual([{ id: 9, err: 'No search host handler for constructor' }]);
    // Nor do malformed replies break the page's end.
    for (const m of [null, 'x', { id: 'nope' }, { res: [] }]) hostPort!.postMessage(m);
    await new Promise((r) => setTimeout(r, 10));
    expect(await send('searchNotes', { query: 'second', limit: 1 })).toEqual([{ id: 'second' }]);
  });
});
