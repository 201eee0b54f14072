import pg from 'pg';

/** What a listener to one NOTIFY channel gets: each payload, and a reset whenever notices may have been lost. */
export interface ChannelHandlers {
  onMessage(payload: string): void;
  /** The connection dropped or was (re)established: anything learnt from notices may be stale. */
  onReset(): void;
}

export interface Subscription {
  /**
   * Resolves true once every notice from a transaction that committed before this call has been handed to
   * onMessage; false when the channel is not listening (then nothing learnt from it may be trusted). Calls
   * that arrive together share one round trip.
   */
  fence(): Promise<boolean>;
  close(): void;
}

const RECONNECT_MS = [100, 500, 2000, 5000];
export const LISTENER_NAME = 'commonplace-listener';

/**
 * One dedicated connection per pool that LISTENs on a channel, shared by every subscriber. PostgreSQL hands a
 * NOTIFY to listeners only after the notifying transaction commits, and sends the notices it holds for a
 * session before it answers that session's next query: so once `SELECT 1` on this connection returns, every
 * commit that finished before it was sent has been heard (the fence). Reconnects with backoff; each drop and
 * each new LISTEN resets the subscribers.
 */
export function channelListener(connectionString: string, channel: string, options?: string) {
  const subscribers = new Set<ChannelHandlers>();
  let client: pg.Client | undefined;
  let isListening = false;
  let isClosed = false;
  let attempt = 0;
  let running: Promise<boolean> | undefined;
  let next: Promise<boolean> | undefined;

  const reset = () => {
    for (const s of subscribers) s.onReset();
  };
  const drop = (c: pg.Client) => {
    if (client !== c) return;
    client = undefined;
    isListening = false;
    reset();
    c.end().catch(() => undefined);
    if (!isClosed) setTimeout(connect, RECONNECT_MS[Math.min(attempt++, RECONNECT_MS.length - 1)]).unref();
  };
  const connect = () => {
    if (isClosed || client) return;
    // Named, so an operator (and a test) can tell it from the pool's connections in pg_stat_activity.
    const c = new pg.Client({ connectionString, application_name: LISTENER_NAME, ...(options ? { options } : {}) });
    client = c;
    c.on('error', () => drop(c));
    c.on('end', () => drop(c));
    c.on('notification', (n) => {
      if (n.channel !== channel) return;
      for (const s of subscribers) s.onMessage(n.payload ?? '');
    });
    c.connect()
      .then(() => c.query(`LISTEN ${channel}`))
      .then(() => {
        if (client !== c) return;
        attempt = 0;
        // Whatever committed while nobody listened went unheard: start from nothing.
        reset();
        isListening = true;
      })
      .catch(() => drop(c));
  };

  /** One `SELECT 1` for every caller that arrived before it is sent; later callers wait for the next one. */
  const fence = (): Promise<boolean> => {
    if (next) return next;
    const after = running ?? Promise.resolve(true);
    const mine: Promise<boolean> = after.then(async () => {
      next = undefined;
      running = mine;
      const c = client;
      if (!c || !isListening) return false;
      try {
        await c.query('SELECT 1');
        return client === c && isListening;
      } catch {
        return false;
      } finally {
        if (running === mine) running = undefined;
      }
    });
    next = mine;
    return mine;
  };

  return {
    subscribe(handlers: ChannelHandlers): Subscription {
      subscribers.add(handlers);
      connect();
      return { fence, close: () => subscribers.delete(handlers) };
    },
    async close() {
      isClosed = true;
      isListening = false;
      const c = client;
      client = undefined;
      await c?.end().catch(() => undefined);
    },
  };
}
