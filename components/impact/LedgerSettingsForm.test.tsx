// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { CommonplaceDb } from '@/lib/db/schema';
import { ledgerSettings } from '@/lib/sync/ledger-settings';
import { memberships } from '@/lib/sync/membership';
import type { Fetcher } from '@/lib/sync/transport';
import { ENDPOINT } from '../../tests/property/sync-harness';
// Not a React hook: vitest hooks that start the real endpoint once for this file and reset it between tests.
import { useTestEndpoint as endpointForThisFile } from '../../tests/property/sync-endpoint';
import { LedgerSettingsForm } from './LedgerSettingsForm';

const env = endpointForThisFile();
const online: Fetcher = async (url, init) => env.server.request(url, init);
const dbs: CommonplaceDb[] = [];
afterEach(async () => {
  cleanup();
  await Promise.all(dbs.splice(0).map((d) => d.delete()));
});

/** A browser that joined "Makers" on the real endpoint (in-process, PGlite) with `role` there. */
async function browserAs(role: 'member' | 'facilitator' | 'admin') {
  const community = await env.server.createCommunity('Makers');
  const db = new CommonplaceDb(`ledger-settings-${Math.random()}`);
  dbs.push(db);
  const joined = await memberships(db, online).join({ endpoint: ENDPOINT, invite: community.code, displayName: 'Ada' });
  if (!joined.ok) throw new Error(joined.error);
  await env.server.db.query('UPDATE members SET role = $2 WHERE id = $1', [joined.value.memberId, role]);
  env.server.restart();
  const desk = ledgerSettings(db, online);
  const actions = {
    load: () => desk.load(community.id),
    save: (input: { k: number; timeZone: string }) => desk.save(community.id, input),
  };
  const stored = async () =>
    (
      await env.server.db.query<{ k: number; tz: string }>(
        'SELECT impact_min_people AS k, impact_time_zone AS tz FROM communities WHERE id = $1',
        [community.id],
      )
    ).rows[0];
  return { actions, stored };
}

const section = () => screen.findByRole('region', { name: 'Impact ledger settings: Makers' });

describe('LedgerSettingsForm, against the real endpoint', () => {
  it('an admin sets the ledger’s zone by keyboard, starting from this browser’s zone', async () => {
    const ada = await browserAs('admin');
    const user = userEvent.setup();
    render(<LedgerSettingsForm communityName="Makers" defaultTimeZone="Europe/Berlin" actions={ada.actions} />);
    const s = within(await section());
    expect(s.getByLabelText('Ledger settings now for Makers').textContent).toBe(
      'The ledger counts answers in calendar months in UTC; no figure counts fewer than 5 people.',
    );
    const zone = s.getByLabelText('Time zone of the ledger’s months') as HTMLInputElement;
    expect(zone.value).toBe('Europe/Berlin');
    expect(zone.getAttribute('aria-describedby')).toBeTruthy();
    // Keyboard only: focus moves from the zone to k to the button.
    await user.click(zone);
    await user.clear(zone);
    await user.type(zone, 'Australia/Lord_Howe');
    await user.tab();
    expect(document.activeElement).toBe(s.getByLabelText('Smallest group a figure may count (people)'));
    await user.tab();
    expect(document.activeElement).toBe(s.getByRole('button', { name: 'Save ledger settings' }));
    await user.keyboard('{Enter}');
    expect(
      await s.findByText(
        'Saved. The ledger counts answers in calendar months in Australia/Lord_Howe; no figure counts fewer than 5 people.',
      ),
    ).toBeTruthy();
    expect(await ada.stored()).toEqual({ k: 5, tz: 'Australia/Lord_Howe' });
  });

  it('says a bad zone or k in words and changes nothing, on the endpoint or here', async () => {
    const ada = await browserAs('admin');
    const user = userEvent.setup();
    render(<LedgerSettingsForm communityName="Makers" defaultTimeZone="UTC" actions={ada.actions} />);
    const s = within(await section());
    const zone = s.getByLabelText('Time zone of the ledger’s months');
    await user.clear(zone);
    await user.type(zone, 'Mars/Olympus_Mons{Enter}');
    expect((await s.findByRole('alert')).textContent).toBe(
      'Not saved: the time zone must be an IANA time zone. Nothing was changed.',
    );
    await user.clear(zone);
    await user.type(zone, 'Europe/London');
    const k = s.getByLabelText('Smallest group a figure may count (people)');
    await user.clear(k);
    await user.type(k, '3{Enter}');
    expect(await s.findByText('Not saved: the smallest group must be at least 5. Nothing was changed.')).toBeTruthy();
    expect(await ada.stored()).toEqual({ k: 5, tz: 'UTC' });
    expect(s.getByLabelText('Ledger settings now for Makers').textContent).toMatch(/months in UTC;/);
  });

  it('shows nothing to a facilitator or a member (only an admin sets the zone)', async () => {
    for (const role of ['facilitator', 'member'] as const) {
      const who = await browserAs(role);
      expect(await who.actions.load()).toEqual({ ok: true, value: null });
      let isLoaded = false;
      const actions = {
        ...who.actions,
        load: async () => {
          const r = await who.actions.load();
          isLoaded = true;
          return r;
        },
      };
      const { container } = render(
        <LedgerSettingsForm communityName="Makers" defaultTimeZone="UTC" actions={actions} />,
      );
      await waitFor(() => expect(isLoaded).toBe(true));
      expect(container.innerHTML).toBe('');
      cleanup();
    }
  });
});
