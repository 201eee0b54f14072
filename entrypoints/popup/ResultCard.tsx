import { memo } from 'react';
import { NoteCard, type MatchRanges } from '@/components/NoteCard';
import { NoteEditor } from '@/components/NoteEditor';
import type { Note } from '@/lib/model';
import { isSameCardNote, isSameRanges } from '@/lib/model/same-card';
import { NoteThanks } from './NoteThanks';
import { NoteRelay } from './NoteRelay';
import { noteCardText } from '@/lib/model/note-card-text';
import type { ResultActions } from './ResultList';

interface Props {
  note: Note;
  matches?: MatchRanges;
  isActive: boolean;
  isEditing: boolean;
  ownIds: ReadonlySet<string>;
  thanks: { count: number; isThankedByMe: boolean };
  /** Stable for the list's life, like `actions`. */
  onThank(noteId: string, next: boolean): unknown;
  /** The answer this member may relay to the question's thread (a question card only). */
  relayAnswerId: string | undefined;
  isRelayWritten: boolean;
  /** Stable for the list's life, like `onThank`. */
  onRelayWritten(questionId: string): void;
  actions: ResultActions;
}

const MARKED = ['quote', 'takeaway', 'page.title'] as const;

/**
 * Equal when the card would draw the same: a keystroke whose list keeps a note (or only moves it, or only
 * moves the selection elsewhere) renders nothing of that card again. An open editor holds the note itself, so
 * it renders again whenever the row is read afresh.
 */
function isSameCard(a: Props, b: Props): boolean {
  return (
    a.isActive === b.isActive &&
    a.isEditing === b.isEditing &&
    a.ownIds === b.ownIds &&
    a.onThank === b.onThank &&
    a.relayAnswerId === b.relayAnswerId &&
    a.isRelayWritten === b.isRelayWritten &&
    a.onRelayWritten === b.onRelayWritten &&
    a.actions === b.actions &&
    a.thanks.count === b.thanks.count &&
    a.thanks.isThankedByMe === b.thanks.isThankedByMe &&
    (a.isEditing ? a.note === b.note : isSameCardNote(a.note, b.note)) &&
    MARKED.every((k) => isSameRanges(a.matches?.[k], b.matches?.[k]))
  );
}

/** One card of the popup's list, rendered only when what it draws changed. */
export const ResultCard = memo(function ResultCard({
  note,
  matches,
  isActive,
  isEditing,
  ownIds,
  thanks,
  onThank,
  relayAnswerId,
  isRelayWritten,
  onRelayWritten,
  actions,
}: Props) {
  const text = noteCardText(note);
  return (
    <NoteCard
      note={note}
      matches={matches}
      isActive={isActive}
      onOpen={() => actions.open(note)}
      onEdit={() => actions.edit(note.id)}
      onDelete={() => actions.remove(note)}
      actions={
        <>
          {note.communityId ? (
            <NoteThanks
              note={note}
              ownMemberIds={ownIds}
              thanks={thanks}
              onToggle={(next) => void onThank(note.id, next)}
            />
          ) : undefined}
          {note.kind === 'question' && (
            <NoteRelay
              questionId={note.id}
              title={text.takeaway || text.quote}
              answerId={relayAnswerId}
              isWritten={isRelayWritten}
              onWritten={onRelayWritten}
            />
          )}
        </>
      }
    >
      {isEditing ? (
        <NoteEditor
          note={note}
          onCancel={() => actions.edit(null)}
          onSave={(patch) => void actions.save(note, patch)}
        />
      ) : undefined}
    </NoteCard>
  );
}, isSameCard);
