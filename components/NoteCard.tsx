import { forwardRef } from 'react';
import type { Note } from '@/lib/model';
import { noteCardText } from '@/lib/model/note-card-text';
import { HighlightedText } from './HighlightedText';

export type MatchRanges = Partial<Record<'quote' | 'takeaway' | 'page.title', readonly (readonly [number, number])[]>>;

interface Props {
  note: Note;
  matches?: MatchRanges;
  isActive: boolean;
  onOpen(): void;
  onEdit(): void;
  onDelete(): void;
  /** More actions shown with Open/Edit/Delete (a thank button on community notes). */
  actions?: React.ReactNode;
  children?: React.ReactNode;
}

/**
 * One harvested note in a list. Everything shown is text: notes from other members are untrusted. The popup's
 * pre-React paint renders the same card without React (lib/newest-snapshot/paint.ts): both take their words
 * from noteCardText, and a test holds their HTML equal.
 */
export const NoteCard = forwardRef<HTMLElement, Props>(function NoteCard(
  { note, matches, isActive, onOpen, onEdit, onDelete, actions, children },
  ref,
) {
  const text = noteCardText(note);
  return (
    <article ref={ref} id={`note-${note.id}`} className="note" aria-current={isActive} aria-label={text.label}>
      <p className="quote">
        <HighlightedText text={text.quote} ranges={matches?.quote} />
      </p>
      {text.takeaway && (
        <p style={{ margin: '0 0 4px' }}>
          <strong>Takeaway:</strong> <HighlightedText text={text.takeaway} ranges={matches?.takeaway} />
        </p>
      )}
      <div className="meta">
        <span className="chip">{note.kind}</span>
        {text.meta}
      </div>
      {children ?? (
        <div className="actions">
          <button type="button" onClick={onOpen}>
            Open
          </button>
          <button type="button" onClick={onEdit}>
            Edit
          </button>
          <button type="button" onClick={onDelete}>
            Delete
          </button>
          {actions}
        </div>
      )}
    </article>
  );
});
