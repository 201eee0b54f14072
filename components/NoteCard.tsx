import { forwardRef } from 'react';
import type { Note } from '@/lib/model';
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

const site = (n: Note) => n.page.siteName ?? hostOf(n.page.url);
function hostOf(url: string) {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** One harvested note in a list. Everything shown is text: notes from other members are untrusted. */
export const NoteCard = forwardRef<HTMLElement, Props>(function NoteCard(
  { note, matches, isActive, onOpen, onEdit, onDelete, actions, children },
  ref,
) {
  const label = note.quote.slice(0, 80) || note.page.title;
  return (
    <article ref={ref} id={`note-${note.id}`} className="note" aria-current={isActive} aria-label={label}>
      <p className="quote">
        <HighlightedText text={note.quote || note.page.title} ranges={matches?.quote} />
      </p>
      {note.takeaway && (
        <p style={{ margin: '0 0 4px' }}>
          <strong>Takeaway:</strong> <HighlightedText text={note.takeaway} ranges={matches?.takeaway} />
        </p>
      )}
      <div className="meta">
        <span className="chip">{note.kind}</span> {site(note)}
        {note.author ? ` · by ${note.author.name}` : ''}
        {note.sync?.isRejected
          ? ` · rejected: ${note.sync.rejectReason ?? 'the community refused this change'}`
          : ''} · {new Date(note.createdAt).toLocaleDateString()}
        {note.tags.length > 0 && ` · ${note.tags.map((t) => `#${t}`).join(' ')}`}
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
