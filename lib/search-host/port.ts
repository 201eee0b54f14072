import { SEARCH_PORT, type AnswerOf, type RequestOf, type ToSearchHost } from '../messaging/protocol';

/** The part of a runtime Port both ends use (so tests can pass an in-memory pair). */
export interface PortLike {
  postMessage(message: unknown): void;
  onMessage: { addListener(fn: (message: never) => void): void };
  onDisconnect: { addListener(fn: () => void): void };
}

type Keys = keyof ToSearchHost;
type Data<K extends Keys> = RequestOf<ToSearchHost, K>;
type Answer<K extends Keys> = AnswerOf<ToSearchHost, K>;
interface Request {
  id: number;
  type: Keys;
  data: unknown;
}
interface Reply {
  id: number;
  res?: unknown;
  err?: string;
  /** How long the host's handler took (ms), so a page can tell the host's work from the hop to it and back. */
  ms?: number;
  /**
   * When the host's thread took the request (`recv`) and posted this reply (`sent`), on the clock every context
   * of the browser shares (timeOrigin + now): the page splits the hop into the way there and the way back.
   */
  recv?: number;
  sent?: number;
}

/** A request as the host takes it: anything else on the port (a malformed or hostile message) is ignored. */
const isRequest = (m: unknown): m is Request =>
  typeof m === 'object' &&
  m !== null &&
  typeof (m as Request).id === 'number' &&
  typeof (m as Request).type === 'string';
/** A reply as a page takes it: one without a numeric id matches no request, so it is ignored too. */
const isReply = (m: unknown): m is Reply => typeof m === 'object' && m !== null && typeof (m as Reply).id === 'number';

/** A time every context of this browser reads alike (each context's `now` counts from its own origin). */
const clock = () => performance.timeOrigin + performance.now();

/**
 * One measure per answer on the asking page's timeline, `commonplace:host`, from the request sent to the answer
 * received, with the host's own handling time as its detail (bench:popup splits a keystroke with it: the hop
 * is the rest), and the hop's two ways: request posted → the host's thread takes it (`toHostMs`: that thread
 * busy or waiting for a core), reply posted → this page's thread takes it (`backMs`: this thread busy, with
 * React's render of the typed text for one). Only answers that carry the host's time are measured.
 */
function measureHop(type: Keys, sentAt: number, reply: Reply) {
  if (reply.ms === undefined) return;
  const end = performance.now();
  const at = (t: number | undefined) => (t === undefined ? NaN : t - performance.timeOrigin);
  performance.measure('commonplace:host', {
    start: sentAt,
    end,
    detail: { type, hostMs: reply.ms, toHostMs: at(reply.recv) - sentAt, backMs: end - at(reply.sent) },
  });
}

/**
 * Requests to the search host over one long-lived port. Unlike `runtime.sendMessage`, which every
 * extension context receives (waking the service worker on each keystroke), a port's messages go to the
 * host alone. If the host is missing or goes away, pending and later calls fail until the next call
 * connects again, so the caller can have the background create the host and retry.
 */
export function portSender(connect: () => PortLike) {
  let port: PortLike | null = null;
  let next = 0;
  const waiting = new Map<number, { type: Keys; sentAt: number; resolve(v: unknown): void; reject(e: Error): void }>();
  function open(): PortLike {
    const p = connect();
    p.onMessage.addListener((reply: unknown) => {
      if (!isReply(reply)) return;
      const w = waiting.get(reply.id);
      if (!w) return;
      waiting.delete(reply.id);
      measureHop(w.type, w.sentAt, reply);
      if (reply.err !== undefined) w.reject(new Error(reply.err));
      else w.resolve(reply.res);
    });
    p.onDisconnect.addListener(() => {
      if (port === p) port = null;
      for (const w of waiting.values()) w.reject(new Error('The search host is not there.'));
      waiting.clear();
    });
    return p;
  }
  return <K extends Keys>(type: K, data: Data<K>): Promise<Answer<K>> => {
    port ??= open();
    const id = ++next;
    const sentAt = performance.now();
    const sent = new Promise<Answer<K>>((resolve, reject) =>
      waiting.set(id, { type, sentAt, resolve: resolve as (v: unknown) => void, reject }),
    );
    port.postMessage({ id, type, data } satisfies Request);
    return sent;
  };
}

type Handler = (message: { data: never }) => unknown;

/**
 * The host's end: answers each port request with the handler registered for its type (the same handlers
 * the host registers for runtime messages). Returns `on`, shaped like the messaging layer's.
 */
export function portServer(onConnect: (listener: (port: PortLike & { name: string }) => void) => void) {
  const handlers = new Map<Keys, Handler>();
  onConnect((port) => {
    if (port.name !== SEARCH_PORT) return;
    port.onMessage.addListener(async (req: unknown) => {
      if (!isRequest(req)) return;
      const handler = handlers.get(req.type);
      const recv = clock();
      const t0 = performance.now();
      try {
        if (!handler) throw new Error(`No search host handler for ${req.type}`);
        const res = await handler({ data: req.data as never });
        port.postMessage({ id: req.id, res, ms: performance.now() - t0, recv, sent: clock() } satisfies Reply);
      } catch (e) {
        port.postMessage({ id: req.id, err: e instanceof Error ? e.message : String(e) } satisfies Reply);
      }
    });
  });
  return {
    on(type: Keys, handler: Handler) {
      handlers.set(type, handler);
      return () => void handlers.delete(type);
    },
  };
}
