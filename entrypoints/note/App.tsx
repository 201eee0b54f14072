import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { NoteCard } from '@/components/NoteCard';
import { NoteEditor } from '@/components/NoteEditor';
import { notes } from '@/lib/db';
import { sendToBackground } from '@/lib/messaging/messenger';
import type { Note } from '@/lib/model';

/**
 * One note on a page of its own, opened from a highlight's card: read it whole, edit it, delete it (with
 * undo), or go to its place on the source page. The same components as the popup, so it behaves the same.
 */
export function App({ noteId }: { noteId: string }) {
  const note = useLiveQuery(async () => (await notes.get(noteId)) ?? null, [noteId]);
  const [isEditing, setEditing] = useState(false);
  const [deleted, setDeleted] = useState<Note | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    if (note) document.title = `${note.takeaway || note.quote || note.page.title}`.slice(0, 80) + ' · Commonplace';
  }, [note]);

  const run = async (p: Promise<{ ok: boolean; error?: string }>) => {
    const r = await p;
    setError(r.ok ? '' : (r.error ?? 'Something went wrong'));
    return r.ok;
  };

  return (
    <main>
      <h1>Note</h1>
      {error && <p role="alert">{error}</p>}
      {deleted ? (
        <p role="status">
          Note deleted.{' '}
          <button
            type="button"
            onClick={async () => {
              if (await run(sendToBackground('restoreNote', { id: deleted.id }))) setDeleted(null);
            }}
          >
            Undo
          </button>
        </p>
      ) : note === null ? (
        <p role="status">This note does not exist or was deleted.</p>
      ) : note ? (
        <NoteCard
          note={note}
          isActive
          onOpen={() => void run(sendToBackground('openNote', { id: note.id }))}
          onEdit={() => setEditing(true)}
          onDelete={async () => {
            if (await run(sendToBackground('removeNote', { id: note.id }))) setDeleted(note);
          }}
        >
          {isEditing ? (
            <NoteEditor
              note={note}
              onCancel={() => setEditing(false)}
              onSave={async (patch) => {
                if (await run(sendToBackground('updateNote', { id: note.id, patch }))) setEditing(false);
              }}
            />
          ) : undefined}
        </NoteCard>
      ) : null}
    </main>
  );
}
