import type { NoteRows } from '../db/note-rows';
import type { SearchIndexRepository } from '../db/search-index';
import type { AnswerOf, RequestOf, ToSearchHost } from '../messaging/protocol';
import type { SearchIndex } from '../search';
import { logger } from '../log';

const log = logger('search host');

type Handler<K extends keyof ToSearchHost> = (message: {
  data: RequestOf<ToSearchHost, K>;
}) => AnswerOf<ToSearchHost, K> | Promise<AnswerOf<ToSearchHost, K>>;
export type On = <K extends keyof ToSearchHost>(type: K, handler: Handler<K>) => () => void;

/**
 * The search host: the saved index opened once (snapshot plus change log), warmed, and kept current as the
 * background reports note writes; pages send it queries and get the notes back, their rows read here (`rows`,
 * kept until any note is written) on the host's own thread: the popup's main thread, which also renders, then
 * runs no IndexedDB read (a task per row) between the answer and its paint. Living in one long-lived context,
 * the ~10 MB index is decoded once per browser session instead of on every popup open. Returns a function that
 * removes its listeners.
 */
export function registerSearchHost(repo: SearchIndexRepository, on: On, rows: NoteRows): () => void {
  let warmed: unknown = null;
  /**
   * The current index (a rebuild replaces it), its lazy lookups built once so no keystroke pays for them,
   * and its search path rehearsed (see rehearse).
   */
  const index = async () => {
    const i = await repo.open();
    if (warmed !== i) {
      i.warm();
      warmed = i;
      rehearse(i, () => warmed === i);
    }
    return i;
  };
  void index().catch(log.failed('could not open the index'));
  const offs = [
    on('searchNotes', async ({ data }) =>
      rows.read((await index()).search(data.query, { limit: data.limit }).map((h) => h.id)),
    ),
    on('searchIndexChanged', async ({ data }) => {
      // Before anything is awaited: a page that wrote a note asks again once this answers (over the same port),
      // and must find the rows read afresh even if Dexie's notice of the write has not reached this thread yet.
      rows.forget();
      await index();
      await repo.refresh(data.ids);
    }),
    on('searchTopTags', async ({ data }) => (await index()).topTags(data.limit)),
    on('compactSearchIndex', async ({ data }) => {
      if (data.rebuild) await repo.rebuild();
      else await repo.compact();
      await index();
    }),
  ];
  return () => offs.forEach((off) => off());
}

/**
 * Runs the index's rehearsal queries (hits thrown away) so the first real keystrokes find the search code
 * compiled: at 100k notes the first searches take 10-27 ms cold, 2-6 ms after. One query per task, so a page's
 * query arriving meanwhile waits for one search at most; stops when `isCurrent` turns false (a rebuild).
 */
function rehearse(index: SearchIndex, isCurrent: () => boolean) {
  const queries = index.rehearsalQueries();
  const step = (k: number) => {
    if (k >= queries.length || !isCurrent()) return;
    index.search(queries[k]!, { limit: 20 });
    setTimeout(() => step(k + 1), 0);
  };
  setTimeout(() => step(0), 0);
}
