import { portSender } from '@/lib/search-host/port';
import { connectSearchHost, type HostPort } from '@/lib/search-host/shared-port';
import { handover } from './handover';
import { repaintEarlyList } from './early-paint';
import { readByIds } from './read-newest';

/**
 * Answers what is typed into the early box before React is up, straight from the search host's shared worker,
 * so the first keystrokes never wait for React's boot. Only the latest query's answer is shown; once React is
 * up it searches itself (with highlights) and this stops. On Firefox (no search host) nothing happens here and
 * React answers when it is up.
 */
export function searchBeforeReact(root: HTMLElement, box: HTMLInputElement): () => void {
  let port: HostPort | undefined;
  const send = portSender(() => (port = connectSearchHost()));
  // Connected as the list paints, so the first keystroke finds the port open.
  if (!import.meta.env.FIREFOX) void send('searchTopTags', { limit: 1 }).catch(() => undefined);
  let latest = 0;
  const onInput = async () => {
    const query = box.value;
    const seq = ++latest;
    if (handover.isReactUp || import.meta.env.FIREFOX) return;
    try {
      const q = query.trim();
      const t0 = performance.now();
      const hits = q ? await send('searchNotes', { query: q, limit: handover.limit }) : null;
      const t1 = performance.now();
      const rows = hits ? await readByIds(hits.map((h) => h.id)) : handover.newest;
      // Read by bench:popup, like use-search's: the host's answer, then the rows it names.
      if (hits) performance.measure('commonplace:search', { start: t0, end: t1, detail: q });
      if (hits) performance.measure('commonplace:rows', { start: t1, end: performance.now(), detail: q });
      if (!rows || seq !== latest || handover.isReactUp) return;
      repaintEarlyList(root, rows);
      handover.rows = rows;
      handover.query = query;
      performance.mark('commonplace:results', { detail: query });
    } catch {
      // The worker failed: React's client, once up, asks the background for the host and tries again.
    }
  };
  box.addEventListener('input', () => void onInput());
  return () => port?.disconnect();
}
