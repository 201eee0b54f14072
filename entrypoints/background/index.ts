import { registerDigestUpkeep } from './digest-upkeep';
import { registerQuestionUpkeep } from './question-upkeep';
import { registerHandlers, registerPageWrites } from './handlers';
import { registerRelay } from './relay';
import { registerHighlightNav } from './highlight-nav';
import { onCommand, onContextMenuClick, registerHarvestEntryPoints } from './harvest';
import { rebuildSearchIndex, registerSearchUpkeep } from './search-upkeep';
import { registerSync } from './sync';
import { createSimilarity } from './similarity';
import { db } from '@/lib/db';
import { liveTagCounts } from '@/lib/db/tag-counts';

export default defineBackground(() => {
  const similarity = createSimilarity();
  const tagCounts = liveTagCounts(db);
  registerHandlers(similarity, tagCounts);
  registerRelay();
  registerHarvestEntryPoints();
  registerHighlightNav();
  const search = registerSearchUpkeep((id) => {
    similarity.noteChanged(id);
    tagCounts.changed([id]);
  });
  registerSync();
  const digest = registerDigestUpkeep();
  const questions = registerQuestionUpkeep();
  registerPageWrites((ids) => {
    search.notesChanged(ids);
    digest.changed();
    questions.notesChanged(ids);
  });
  // The same handlers the context menu and the shortcut call, reachable from the service worker's console
  // (and from end-to-end tests, which cannot click browser chrome).
  // Benchmarks rebuild the saved search index after seeding notes straight into IndexedDB.
  Object.assign(globalThis, {
    commonplace: { onContextMenuClick, onCommand, rebuildSearchIndex },
  });
});
