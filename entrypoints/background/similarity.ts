import { db } from '@/lib/db';
import type { Note } from '@/lib/model';
import { SimilarityIndex, findSimilar, type SimilarNote, type SimilarityDraft } from '@/lib/similarity';

/**
 * "It may already exist": the similarity index lives in the service worker, built on the first harvest
 * after a start (not at start-up, which stays cheap) and kept current from the notes hook, so the capture
 * panel's question never scans every note.
 */
export function createSimilarity() {
  let index: Promise<SimilarityIndex> | null = null;
  const changed = new Set<string>();

  const build = async () => {
    const live: Note[] = [];
    await db.notes.each((n) => {
      if (n.deletedAt === undefined) live.push(n);
    });
    return SimilarityIndex.build(live);
  };

  async function current(): Promise<SimilarityIndex> {
    const built = await (index ??= build());
    if (changed.size) {
      const ids = [...changed];
      changed.clear();
      const rows = await db.notes.bulkGet(ids);
      rows.forEach((n, i) => (n && n.deletedAt === undefined ? built.upsert(n) : built.remove(ids[i]!)));
    }
    return built;
  }

  return {
    /** Called for every note write (see search-upkeep's hook). */
    noteChanged(id: string) {
      if (index) changed.add(id);
    },
    async find(draft: SimilarityDraft): Promise<SimilarNote[]> {
      return findSimilar(await current(), draft, { limit: 3 });
    },
  };
}
export type Similarity = ReturnType<typeof createSimilarity>;
