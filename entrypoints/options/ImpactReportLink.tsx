import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '@/lib/db';
import { reportCommunities } from '@/lib/db/impact-report';

/** For a community this browser facilitates: the way to its quarterly impact report (a page of its own). */
export function ImpactReportLink({ communityId, communityName }: { communityId: string; communityName: string }) {
  const isFacilitator = useLiveQuery(
    async () => (await reportCommunities(db)).some((m) => m.communityId === communityId),
    [communityId],
  );
  if (!isFacilitator) return null;
  return (
    <p>
      <a href={`report.html?community=${encodeURIComponent(communityId)}`} target="_blank" rel="noopener">
        Quarterly impact report for {communityName}
      </a>
    </p>
  );
}
