import { ThankButton } from '@/components/sync/ThankButton';
import { useThanks } from '@/components/sync/use-thanks';
import type { Note } from '@/lib/model';

/** The thank toggle on a community note; none on your own notes (or personal ones). */
export function NoteThanks({ note, ownMemberIds }: { note: Note; ownMemberIds: ReadonlySet<string> }) {
  const thanks = useThanks(note.id);
  const isOwn = !note.author || ownMemberIds.has(note.author.id);
  return (
    <ThankButton count={thanks.count} isThankedByMe={thanks.isThankedByMe} isOwn={isOwn} onToggle={thanks.toggle} />
  );
}
