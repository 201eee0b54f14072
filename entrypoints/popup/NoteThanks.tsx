import { ThankButton } from '@/components/sync/ThankButton';
import type { Note } from '@/lib/model';

/** The thank toggle on a community note; none on your own notes (or personal ones). */
export function NoteThanks({
  note,
  ownMemberIds,
  thanks,
  onToggle,
}: {
  note: Note;
  ownMemberIds: ReadonlySet<string>;
  thanks: { count: number; isThankedByMe: boolean };
  onToggle(next: boolean): void;
}) {
  const isOwn = !note.author || ownMemberIds.has(note.author.id);
  return <ThankButton count={thanks.count} isThankedByMe={thanks.isThankedByMe} isOwn={isOwn} onToggle={onToggle} />;
}
