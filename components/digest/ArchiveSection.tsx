import type { NoteCard } from '@/lib/digest';
import type { Formatters } from './format';
import { NoteListSection } from './NoteListSection';

/** One older note, resurfaced for today. */
export function ArchiveSection(props: { note: NoteCard | null; fmt: Formatters; now: number }) {
  return (
    <NoteListSection
      title="From the archive"
      notes={props.note ? [props.note] : []}
      empty="Older notes will resurface here."
      className="archive"
      fmt={props.fmt}
      now={props.now}
    />
  );
}
