import { useMemo } from 'react';
import { WebhookSettings } from '@/components/sync/WebhookSettings';
import { db } from '@/lib/db';
import { ritualWebhooks } from '@/lib/sync/ritual-webhook';

const hooks = ritualWebhooks(db, (url, init) => fetch(url, init));

/** The ritual webhook of one joined community, for its admins. */
export function RitualWebhook({ communityId, communityName }: { communityId: string; communityName: string }) {
  const actions = useMemo(
    () => ({
      load: () => hooks.load(communityId, 'admin'),
      save: (platform: Parameters<typeof hooks.set>[1]['platform'], url: string) =>
        hooks.set(communityId, { platform, url, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone }),
      remove: () => hooks.remove(communityId),
    }),
    [communityId],
  );
  return <WebhookSettings communityName={communityName} actions={actions} />;
}
