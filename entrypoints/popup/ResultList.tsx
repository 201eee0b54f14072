import { memo, type ComponentProps } from 'react';
import type { NoteEditor } from '@/components/NoteEditor';
import { useListThanks } from '@/components/sync/use-thanks';
import type { Note } from '@/lib/model';
import { ResultCard } from './ResultCard';
import { useRelayable } from './use-relayable';
import type { Hit } from './use-search';

type NoteEditorProps = ComponentProps<typeof NoteEditor>;

export interface ResultActions {
  open(note: Note): void;
  edit(id: string | null): void;
  remove(note: Note): void;
  save(note: Note, patch: Parameters<NoteEditorProps['onSave']>[0]): Promise<void>;
}

interface Props {
  hits: readonly Hit[];
  active: number;
  /** The note whose editor is open, if any. */
  editing: string | null;
  ownIds: ReadonlySet<string>;
  /** The query that matched nothing, when the list is empty because of it. */
  noMatchFor: string | null;
  /** Stable across renders (App keeps them in a ref), so a keystroke alone does not render the list again. */
  actions: ResultActions;
}

/**
 * The popup's list of notes. Memoised: each keystroke renders App once for the new text and once for the new
 * results; only the second changes the list, so the first skips its twenty cards. Each card is memoised too
 * (ResultCard): a new list renders only the cards whose note, marks, thanks or selection changed.
 */
export const ResultList = memo(function ResultList({ hits, active, editing, ownIds, noMatchFor, actions }: Props) {
  const thanks = useListThanks(hits.map((h) => h.note));
  const relay = useRelayable(hits.map((h) => h.note));
  return (
    <ul className="results" aria-label="Harvested notes">
      {noMatchFor !== null && <li className="muted">No notes match “{noMatchFor}”.</li>}
      {hits.map(({ note, matches }, i) => (
        <li key={note.id}>
          <ResultCard
            note={note}
            matches={matches}
            isActive={i === active}
            isEditing={editing === note.id}
            ownIds={ownIds}
            thanks={thanks.of(note.id)}
            onThank={thanks.toggle}
            relayAnswerId={relay.answerOf(note.id)}
            isRelayWritten={relay.isWritten(note.id)}
            onRelayWritten={relay.markWritten}
            actions={actions}
          />
        </li>
      ))}
    </ul>
  );
});
