import { useMemo } from 'react';
import { LedgerSettingsForm, type LedgerSettingsActions } from '@/components/impact/LedgerSettingsForm';
import { db } from '@/lib/db';
import { ledgerSettings } from '@/lib/sync/ledger-settings';

const desk = ledgerSettings(db, (url, init) => fetch(url, init));

/** The impact ledger's settings (k and the months' time zone) of one joined community, for its admins. */
export function LedgerSettings({ communityId, communityName }: { communityId: string; communityName: string }) {
  const actions = useMemo<LedgerSettingsActions>(
    () => ({ load: () => desk.load(communityId), save: (input) => desk.save(communityId, input) }),
    [communityId],
  );
  return (
    <LedgerSettingsForm
      communityName={communityName}
      defaultTimeZone={Intl.DateTimeFormat().resolvedOptions().timeZone}
      actions={actions}
    />
  );
}
