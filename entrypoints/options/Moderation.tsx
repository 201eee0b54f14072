import { useCallback } from 'react';
import { ModerationSection } from '@/components/moderation/ModerationSection';
import { db } from '@/lib/db';
import { moderationDesk } from '@/lib/sync/moderation-desk';
import { syncNow } from './account';

const desk = moderationDesk(db, (url, init) => fetch(url, init));

/** The moderation section of one joined community, wired to the endpoint and this browser's copy. */
export function Moderation({ communityId, communityName }: { communityId: string; communityName: string }) {
  const load = useCallback(() => desk.load(communityId), [communityId]);
  return (
    <ModerationSection
      communityName={communityName}
      load={load}
      removeNote={(noteId) => desk.removeNote(communityId, noteId)}
      removeMemberNotes={(memberId) => desk.removeMemberNotes(communityId, memberId)}
      afterRemoval={syncNow}
    />
  );
}
