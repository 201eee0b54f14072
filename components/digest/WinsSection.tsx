import type { NoteCard } from '@/lib/digest';
import type { Formatters } from './format';
import { NoteListSection } from './NoteListSection';

/** The asynchronous "win of the week" thread: this week's wins. */
export function WinsSection(props: { wins: NoteCard[]; fmt: Formatters; now: number }) {
  return (
    <NoteListSection
      title="Win of the week"
      notes={props.wins}
      empty="No win shared yet this week — had one?"
      className="wins"
      fmt={props.fmt}
      now={props.now}
    />
  );
}
