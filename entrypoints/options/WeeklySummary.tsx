import { useMemo } from 'react';
import { WeeklySummaryEmail, type WeeklySummaryActions } from '@/components/impact/WeeklySummaryEmail';
import { db } from '@/lib/db';
import { weeklySummary } from '@/lib/sync/weekly-summary';

const desk = weeklySummary(db, (url, init) => fetch(url, init));

/** The weekly facilitator summary by e-mail for one joined community (facilitators and admins only). */
export function WeeklySummary({ communityId, communityName }: { communityId: string; communityName: string }) {
  const actions = useMemo<WeeklySummaryActions>(
    () => ({ load: () => desk.load(communityId), save: (email) => desk.save(communityId, email) }),
    [communityId],
  );
  return <WeeklySummaryEmail communityName={communityName} actions={actions} />;
}
