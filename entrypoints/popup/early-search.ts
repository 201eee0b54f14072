import { portSender } from '@/lib/search-host/port';
import { connectSearchHost, type HostPort } from '@/lib/search-host/shared-port';
import { handover } from './handover';
import { repaintEarlyList } from './early-paint';
import { readByIds } from './read-newest';

/**
 * Answers what is typed into the early box before React is up, straight from the warm search host (Chrome's
 * offscreen document) over its port, so the first keystrokes never wait for React's boot. Only the latest
 * query's answer is shown; once React is up it searches itself (with highlights) and this stops. Where there
 * is no host (Firefox, or not created yet) nothing happens here and React answers when it is up.
 */
export function searchBeforeReact(root: HTMLElement, box: HTMLInputElement): () => void {
  let port: HostPort | undefined;
  const send = portSender(() => (port = connectSearchHost()));
  let latest = 0;
  const onInput = async () => {
    const query = box.value;
    const seq = ++latest;
    if (handover.isReactUp || import.meta.env.FIREFOX) return;
    try {
      const q = query.trim();
      const hits = q ? await send('searchNotes', { query: q, limit: handover.limit }) : null;
      const rows = hits ? await readByIds(hits.map((h) => h.id)) : handover.newest;
      if (!rows || seq !== latest || handover.isReactUp) return;
      repaintEarlyList(root, rows);
      handover.rows = rows;
      handover.query = query;
      performance.mark('commonplace:results', { detail: query });
    } catch {
      // No host yet: React's client asks the background to create it.
    }
  };
  box.addEventListener('input', () => void onInput());
  return () => port?.disconnect();
}
