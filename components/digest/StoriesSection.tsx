import type { NoteCard } from '@/lib/digest';
import type { Formatters } from './format';
import { NoteListSection } from './NoteListSection';

/** Stories, failures included: where trust is built. */
export function StoriesSection(props: { stories: NoteCard[]; fmt: Formatters; now: number }) {
  return (
    <NoteListSection
      title="Stories"
      notes={props.stories}
      empty="No stories yet. A failure told well helps everyone."
      className="stories"
      fmt={props.fmt}
      now={props.now}
    />
  );
}
