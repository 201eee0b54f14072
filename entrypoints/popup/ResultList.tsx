import { memo, type ComponentProps } from 'react';
import { NoteCard } from '@/components/NoteCard';
import { NoteEditor } from '@/components/NoteEditor';
import { useListThanks } from '@/components/sync/use-thanks';
import type { Note } from '@/lib/model';
import { NoteThanks } from './NoteThanks';
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
 * results; only the second changes the list, so the first skips its twenty cards.
 */
export const ResultList = memo(function ResultList({ hits, active, editing, ownIds, noMatchFor, actions }: Props) {
  const thanks = useListThanks(hits.map((h) => h.note));
  return (
    <ul className="results" aria-label="Harvested notes">
      {noMatchFor !== null && <li className="muted">No notes match “{noMatchFor}”.</li>}
      {hits.map(({ note, matches }, i) => (
        <li key={note.id}>
          <NoteCard
            note={note}
            matches={matches}
            isActive={i === active}
            onOpen={() => actions.open(note)}
            onEdit={() => actions.edit(note.id)}
            onDelete={() => actions.remove(note)}
            actions={
              note.communityId ? (
                <NoteThanks
                  note={note}
                  ownMemberIds={ownIds}
                  thanks={thanks.of(note.id)}
                  onToggle={(next) => void thanks.toggle(note.id, next)}
                />
              ) : undefined
            }
          >
            {editing === note.id ? (
              <NoteEditor
                note={note}
                onCancel={() => actions.edit(null)}
                onSave={(patch) => void actions.save(note, patch)}
              />
            ) : undefined}
          </NoteCard>
        </li>
      ))}
    </ul>
  );
});
