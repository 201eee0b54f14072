import type { NoteCard } from '@/lib/digest';
import { safeHref, type Formatters } from './format';

/** One note as a line: text only (titles come from other members), its page, who harvested and who is credited. */
export function NoteLine({
  note,
  fmt,
  now,
  children,
}: {
  note: NoteCard;
  fmt: Formatters;
  now: number;
  children?: React.ReactNode;
}) {
  const href = safeHref(note.url);
  const credited = note.contributors.map((p) => p.name).filter(Boolean);
  return (
    <li className="note-line">
      <span className="note-title">
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer" data-note-id={note.id}>
            {note.title}
          </a>
        ) : (
          note.title
        )}
      </span>
      <span className="note-meta">
        {note.author.name ? `${note.author.name} · ` : ''}
        {credited.length ? `credits ${credited.join(', ')} · ` : ''}
        {note.siteName ? `${note.siteName} · ` : ''}
        <time dateTime={new Date(note.createdAt).toISOString()}>{fmt.ago(note.createdAt, now)}</time>
      </span>
      {children}
    </li>
  );
}
