/**
 * Where one keystroke's time goes in the popup once React is up, from the page's own timeline: keydown → the
 * search effect starts (React renders the typed text and runs its effect) → the search host answers (the hop to
 * its worker and back, and the host's own work, which it reports) → the rows it named are read from IndexedDB
 * (builds before the host answered with the rows; since then `rows` is 0, the host's read being in `host`)
 * → React renders and commits the new list (`commonplace:results`) → the next frame is drawn (layout, paint).
 * The hop is split into its way there and its way back (`toHost`, `back`: the
 * rest of it is the page's promise callbacks after the answer arrived). `wait` is what is left between those steps (tasks of other work queued before ours). Keystrokes whose query
 * was overtaken before its list was shown are left out: their time is the next one's.
 */
export interface Split {
  input: number;
  hop: number;
  /** The hop's way there: request posted → the host's thread takes it (that thread busy, or waiting for a core). */
  toHost: number;
  /** The hop's way back: reply posted → the page's thread takes it (the page busy meanwhile). */
  back: number;
  host: number;
  rows: number;
  render: number;
  wait: number;
  frame: number;
  total: number;
}

export interface Timeline {
  keys: number[];
  frames: number[];
  search: { query: string; at: number; ms: number }[];
  host: { at: number; ms: number; hostMs: number; toHostMs: number; backMs: number }[];
  rows: { query: string; at: number; ms: number }[];
  render: { query: string; at: number; ms: number }[];
  shown: { query: string; at: number }[];
}

export function splitKeystrokes(query: string, t: Timeline): Split[] {
  const out: Split[] = [];
  t.keys.forEach((k, i) => {
    const q = query.slice(0, i + 1).trim();
    const next = t.keys[i + 1] ?? Infinity;
    const search = t.search.find((s) => s.query === q && s.at >= k && s.at < next);
    const shown = t.shown.find((s) => s.query === q && s.at >= k);
    if (!search || !shown) return;
    const host = t.host.find((h) => h.at >= search.at && h.at + h.ms <= search.at + search.ms + 0.5);
    const rows = t.rows.find((r) => r.query === q && r.at >= search.at);
    const render = t.render.find((r) => r.query === q && r.at >= search.at);
    const frame = t.frames.find((f) => f >= shown.at);
    if (!host || !render || frame === undefined) return;
    const input = search.at - k;
    const total = shown.at - k;
    out.push({
      input,
      hop: search.ms - host.hostMs,
      toHost: host.toHostMs,
      back: host.backMs,
      host: host.hostMs,
      rows: rows?.ms ?? 0,
      render: render.ms,
      wait: total - input - search.ms - (rows?.ms ?? 0) - render.ms,
      frame: frame - shown.at,
      total,
    });
  });
  return out;
}
