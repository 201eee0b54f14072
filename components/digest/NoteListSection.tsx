import type { NoteCard } from '@/lib/digest';
import type { Formatters } from './format';
import { NoteLine } from './NoteLine';
import { Section } from './Section';

/** A titled list of notes: win of the week and stories share it. */
export function NoteListSection({
  title,
  notes,
  empty,
  className,
  fmt,
  now,
}: {
  title: string;
  notes: NoteCard[];
  empty: string;
  className: string;
  fmt: Formatters;
  now: number;
}) {
  return (
    <Section title={title} className={className}>
      {notes.length === 0 ? (
        <p className="empty">{empty}</p>
      ) : (
        <ul>
          {notes.map((n) => (
            <NoteLine key={n.id} note={n} fmt={fmt} now={now} />
          ))}
        </ul>
      )}
    </Section>
  );
}
