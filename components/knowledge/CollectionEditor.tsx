import { useState } from 'react';
import { notesInOrder, type Collection } from '../../lib/collections';
import type { Note } from '../../lib/model';

export interface CollectionEditorProps {
  collection: Collection;
  notes: Note[];
  onRename: (name: string) => void;
  onAddNote: (noteId: string) => void;
  onRemoveNote: (noteId: string) => void;
  onMove: (noteId: string, to: number) => void;
}

const label = (n: Note) => (n.takeaway || n.quote || n.page.title).slice(0, 100);

/** Hand ordering with buttons (keyboard-first: every move is a button with a name, no drag needed). */
export function CollectionEditor({
  collection,
  notes,
  onRename,
  onAddNote,
  onRemoveNote,
  onMove,
}: CollectionEditorProps) {
  const [name, setName] = useState(collection.name);
  const [pick, setPick] = useState('');
  const inOrder = notesInOrder(collection, notes);
  const candidates = notes.filter((n) => !collection.noteIds.includes(n.id) && n.deletedAt === undefined);
  return (
    <div>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onRename(name);
        }}
      >
        <label>
          Collection name <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
        </label>
        <button type="submit">Rename</button>
      </form>
      <ol aria-label={`Notes in ${collection.name}`}>
        {inOrder.map((n, i) => (
          <li key={n.id}>
            <span>{label(n)}</span>{' '}
            <button
              type="button"
              aria-label={`Move up: ${label(n)}`}
              disabled={i === 0}
              onClick={() => onMove(n.id, i - 1)}
            >
              ↑
            </button>
            <button
              type="button"
              aria-label={`Move down: ${label(n)}`}
              disabled={i === inOrder.length - 1}
              onClick={() => onMove(n.id, i + 1)}
            >
              ↓
            </button>
            <button type="button" aria-label={`Remove from collection: ${label(n)}`} onClick={() => onRemoveNote(n.id)}>
              Remove
            </button>
          </li>
        ))}
      </ol>
      <label>
        Add a note
        <select value={pick} onChange={(e) => setPick(e.target.value)}>
          <option value="">Choose a note…</option>
          {candidates.slice(0, 500).map((n) => (
            <option key={n.id} value={n.id}>
              {label(n)}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        disabled={!pick}
        onClick={() => {
          onAddNote(pick);
          setPick('');
        }}
      >
        Add to collection
      </button>
    </div>
  );
}
