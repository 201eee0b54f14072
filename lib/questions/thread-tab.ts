import { pageKey } from '../model';

/** What the relay knows of an open tab (a subset of `tabs.Tab`). */
export interface OpenTab {
  id?: number;
  url?: string;
  windowId?: number;
  active?: boolean;
  lastAccessed?: number;
}

/** A thread's address reduced to what names the thread: where, which path, which query, which app route. */
interface ThreadKey {
  where: string;
  query: URLSearchParams;
  route: string;
}

/**
 * Zulip's narrow names the topic; `/near/<id>` and `/with/<id>` only say which message to scroll to, and
 * `stream` is the older word for `channel` (both open the same view).
 */
function zulipRoute(hash: string): string {
  return hash
    .replace(/^#narrow\/stream\//, '#narrow/channel/')
    .replace(/\/(near|with)\/\d+\/?$/, '')
    .replace(/\/+$/, '');
}

/**
 * A fragment that routes a single-page app names the view (Zulip's `#narrow/…`, Google Chat's `#chat/space/…`,
 * `#/…`, `#!/…`: it has a path); any other (`#msg-12`, `#issue-1001`) only scrolls the page.
 */
function routeOf(hash: string): string {
  if (hash.startsWith('#narrow/')) return zulipRoute(hash);
  return hash.includes('/') ? hash.replace(/\/+$/, '') : '';
}

/**
 * Discord's message link (`/channels/<guild>/<channel>/<message>`) opens the channel scrolled to the message:
 * the channel's view is where a reply goes, whatever message it was scrolled to.
 */
function pathOf(where: string): string {
  return /^(discord\.com\/channels\/[^/]+\/[^/]+)\/\d+$/.exec(where)?.[1] ?? where;
}

function threadKey(url: string): ThreadKey | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    const key = pageKey(url);
    const q = key.indexOf('?');
    const where = pathOf(q === -1 ? key : key.slice(0, q));
    return { where, query: new URLSearchParams(q === -1 ? '' : key.slice(q + 1)), route: routeOf(u.hash) };
  } catch {
    return null;
  }
}

/**
 * Whether an open tab shows the thread at `threadUrl`, keyed the way `pageKey` keys pages (scheme, `www.`,
 * tracking parameters, query order and plain fragments aside) with what chat apps add: the tab may carry
 * extra query parameters (Slack's, Teams' `tenantId`, …) but none of the thread's may differ; an app route in
 * the fragment (Zulip's narrow, `#/…`) must name the same view (Zulip's `near`/`with` aside).
 */
export function isThreadTab(tabUrl: string, threadUrl: string): boolean {
  const tab = threadKey(tabUrl);
  const thread = threadKey(threadUrl);
  if (!tab || !thread || tab.where !== thread.where || tab.route !== thread.route) return false;
  for (const [name, value] of thread.query) if (!tab.query.getAll(name).includes(value)) return false;
  return true;
}

/**
 * The open tab to write a relayed answer in: one showing any of `threadUrls` (the thread's link first, then
 * the view it was harvested in). Among several, the one the user is looking at, else the one used last.
 * Undefined when none matches: then the relay opens a new tab.
 */
export function findThreadTab(tabs: readonly OpenTab[], threadUrls: readonly string[]): OpenTab | undefined {
  const matching = tabs.filter(
    (t) => t.id !== undefined && t.url !== undefined && threadUrls.some((u) => isThreadTab(t.url!, u)),
  );
  return matching.sort(
    (a, b) => Number(!!b.active) - Number(!!a.active) || (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0),
  )[0];
}
