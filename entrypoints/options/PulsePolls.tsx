import { useMemo } from 'react';
import { PollScheduler, type PollSchedulerActions } from '@/components/pulse/PollScheduler';
import { db } from '@/lib/db';
import { pollSchedule } from '@/lib/sync/poll-schedule';

const schedule = pollSchedule(db, (url, init) => fetch(url, init));
const zone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The pulse polls of one joined community, for its facilitators and admins. */
export function PulsePolls({ communityId, communityName }: { communityId: string; communityName: string }) {
  const actions = useMemo<PollSchedulerActions>(
    () => ({
      load: () => schedule.load(communityId),
      save: (id, input) => schedule.save(communityId, id, input),
      remove: (id) => schedule.remove(communityId, id),
      newId: () => crypto.randomUUID(),
    }),
    [communityId],
  );
  return <PollScheduler communityName={communityName} timeZone={zone()} now={Date.now} actions={actions} />;
}
