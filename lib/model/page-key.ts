/**
 * Tracking parameters that never change what a page shows. Removed from canonical URLs and page keys so the
 * same article shared from a newsletter and from a chat lands on the same notes.
 */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'mc_cid',
  'mc_eid',
  'igshid',
  'yclid',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'ref_src',
  'ref_url',
  'spm',
  'si',
  'oly_enc_id',
  'oly_anon_id',
  'vero_id',
  '__s',
  's_cid',
]);

export function isTrackingParam(name: string): boolean {
  const n = name.toLowerCase();
  return n.startsWith('utm_') || TRACKING_PARAMS.has(n);
}

/** The URL with tracking parameters and the fragment removed; otherwise as given. */
export function stripTracking(url: string): string {
  const u = new URL(url);
  for (const name of [...u.searchParams.keys()]) if (isTrackingParam(name)) u.searchParams.delete(name);
  u.hash = '';
  return u.toString();
}

/**
 * The key notes are stored and found under: one page, whatever URL it was reached by. Scheme, `www.`,
 * default ports, trailing slashes, fragments, tracking parameters and query order do not matter.
 */
export function pageKey(url: string): string {
  const u = new URL(stripTracking(url));
  const host = u.hostname.toLowerCase().replace(/^www\./, '');
  const port = u.port && u.port !== '80' && u.port !== '443' ? `:${u.port}` : '';
  let path = u.pathname.replace(/\/{2,}/g, '/');
  if (path.length > 1) path = path.replace(/\/+$/, '');
  if (path === '/') path = '';
  const params = [...u.searchParams.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  return `${host}${port}${path}${query}`;
}

/**
 * Whether `asked` is on the same site as the frame asking (`frameUrl`), `www.` aside. A page names its own
 * canonical URL, so a frame may ask for its page's notes under that name only when the name is on its own
 * site: a hostile page cannot claim another site's canonical URL and have that site's notes sent to it.
 */
export function isSameSite(frameUrl: string, asked: string): boolean {
  try {
    const host = (u: string) => new URL(u).hostname.toLowerCase().replace(/^www\./, '');
    return host(frameUrl) === host(asked);
  } catch {
    return false;
  }
}
