import { portSender } from '@/lib/search-host/port';
import { connectSearchHost, type HostPort } from '@/lib/search-host/shared-port';
import { handover } from './handover';
import { repaintEarlyList } from './paint';

/**
 * Answers what is typed into the early box before React is up, straight from the search host's shared worker,
 * so the first keystrokes never wait for React's boot. Only the latest query's answer is shown; once React is
 * up it searches itself (with highlights) and this stops. On Firefox (no search host) nothing happens here and
 * React answers when it is up.
 *
 * Each keystroke does as little as it can: a space after a word asks nothing new; the host answers with the
 * notes' rows (read on its thread, kept there until the notes change), so this page reads none; and an answer
 * with the same notes as the list on screen leaves the list as it is (no DOM change, so no layout or paint).
 */
export function searchBeforeReact(root: HTMLElement, box: HTMLInputElement): () => void {
  let port: HostPort | undefined;
  const send = portSender(() => (port = connectSearchHost()));
  // Connected as the list paints, so the first keystroke finds the port open.
  // Only a warm-up: a host that is not there fails the first query, which React's client then recovers.
  if (!import.meta.env.FIREFOX) void send('searchTopTags', { limit: 1 }).catch(() => undefined);
  let shownIds = (handover.newest ?? []).map((n) => n.id).join(' ');
  let latest = 0;
  // The query last asked for (trimmed): a space typed after a word asks nothing new.
  let asked = '';
  const onInput = async () => {
    const q = box.value.trim();
    if (handover.isReactUp || import.meta.env.FIREFOX) return;
    if (q === asked) return; // the list shown, or on its way, answers it already
    asked = q;
    const mine = ++latest;
    try {
      const t0 = performance.now();
      const rows = q ? await send('searchNotes', { query: q, limit: handover.limit }) : handover.newest;
      // Read by bench:popup, like use-search's: the host's answer, rows and all.
      if (q) performance.measure('commonplace:search', { start: t0, end: performance.now(), detail: q });
      if (!rows || mine !== latest || handover.isReactUp) return;
      const ids = rows.map((n) => n.id).join(' ');
      if (ids !== shownIds) repaintEarlyList(root, rows);
      shownIds = ids;
      handover.rows = rows;
      handover.query = q;
      performance.mark('commonplace:results', { detail: q });
    } catch {
      if (mine === latest) asked = ''; // asked again at the next keystroke
      // The worker failed: React's client, once up, asks the background for the host and tries again.
    }
  };
  box.addEventListener('input', () => void onInput());
  // Typed into the box painted from the snapshot before this listened: answered now.
  if (box.value.trim()) void onInput();
  return () => port?.disconnect();
}
