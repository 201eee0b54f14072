import { useMemo } from 'react';
import { MyExpertise, type MyExpertiseActions } from '@/components/expertise/MyExpertise';
import { db } from '@/lib/db';
import { loadOwnProfile } from '@/lib/db/own-expertise';
import { expertiseSettings } from '@/lib/sync/expertise';

const settings = expertiseSettings(db, (url, init) => fetch(url, init));

/** Your who-knows-what profile and switch in one joined community, wired to this browser's store and the endpoint. */
export function Expertise(props: { communityId: string; communityName: string; memberId: string; isSyncing: boolean }) {
  const { communityId, memberId } = props;
  const actions = useMemo<MyExpertiseActions>(
    () => ({
      loadProfile: () => loadOwnProfile(db, communityId, memberId, Date.now()),
      loadSetting: () => settings.load(communityId),
      setOptedOut: (isOptedOut) => settings.set(communityId, isOptedOut),
    }),
    [communityId, memberId],
  );
  // Sync paused: this browser does not talk to the community's endpoint, so the switch waits for it.
  const paused = props.isSyncing
    ? undefined
    : 'Sync is paused for this community: turn on “Sync this community” to change this.';
  return <MyExpertise communityName={props.communityName} actions={actions} pausedReason={paused} />;
}
