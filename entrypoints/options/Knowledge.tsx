import { useLiveQuery } from 'dexie-react-hooks';
import { useId } from 'react';
import { CollectionsPanel, TagWikiPanel, TransferPanel } from '@/components/knowledge';
import { db, notes as notesRepo } from '@/lib/db';
import { sendToBackground } from '@/lib/messaging/messenger';
import { collectionsRepository } from '@/lib/db/collections';
import { writeImport } from '@/lib/db/import';
import type { Note } from '@/lib/model';

const collections = collectionsRepository(db);
const liveNotes = () => db.notes.filter((n) => n.deletedAt === undefined).toArray();

/** Collections, wiki pages, export and import: knowledge that never gets locked in. */
export function Knowledge() {
  const id = useId();
  const notes = useLiveQuery(liveNotes, []) ?? [];
  const list = useLiveQuery(() => collections.list(), []) ?? [];
  const tags = useLiveQuery(() => notesRepo.tagCounts(50), []) ?? [];
  const ignore = () => undefined;
  return (
    <>
      <section aria-labelledby={`${id}-k`} className="group">
        <h2 id={`${id}-k`}>Knowledge</h2>
        <CollectionsPanel
          collections={list}
          notes={notes}
          onCreate={(name) => void collections.create(name).then(ignore)}
          onRename={(cid, name) => void collections.rename(cid, name).then(ignore)}
          onDelete={(cid) => void collections.remove(cid).then(ignore)}
          onAddNote={(cid, nid) => void collections.addNotes(cid, [nid]).then(ignore)}
          onRemoveNote={(cid, nid) => void collections.removeNotes(cid, [nid]).then(ignore)}
          onMove={(cid, nid, to) => void collections.moveNote(cid, nid, to).then(ignore)}
        />
        <TagWikiPanel notes={notes} tags={tags.map((t) => t.tag)} />
      </section>
      <section aria-labelledby={`${id}-tx`} className="group">
        <h2 id={`${id}-tx`}>Import and export</h2>
        <p className="muted">Take your knowledge with you, or bring it in from another tool.</p>
        <TransferPanel
          loadNotes={liveNotes}
          loadCollections={() => db.collections.toArray()}
          writeImport={async (imported: Note[], cols, opts) => {
            const result = await writeImport(db, imported, cols, opts);
            // The background indexes them for search and refreshes the digest, as for its own writes.
            await sendToBackground('notesWritten', { ids: imported.slice(0, result.written).map((n) => n.id) });
            return result;
          }}
        />
      </section>
    </>
  );
}
