// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { CommonplaceDb } from '@/lib/db/schema';
import { memberships } from '@/lib/sync/membership';
import type { Fetcher } from '@/lib/sync/transport';
import { weeklySummary } from '@/lib/sync/weekly-summary';
import { ENDPOINT } from '../../tests/property/sync-harness';
// Not a React hook: vitest hooks that start the real endpoint once for this file and reset it between tests.
import { useTestEndpoint as endpointForThisFile } from '../../tests/property/sync-endpoint';
import { WeeklySummaryEmail } from './WeeklySummaryEmail';

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
  const db = new CommonplaceDb(`weekly-${Math.random()}`);
  dbs.push(db);
  const joined = await memberships(db, online).join({ endpoint: ENDPOINT, invite: community.code, displayName: 'Fay' });
  if (!joined.ok) throw new Error(joined.error);
  await env.server.db.query('UPDATE members SET role = $2 WHERE id = $1', [joined.value.memberId, role]);
  env.server.restart();
  const desk = weeklySummary(db, online);
  const actions = { load: () => desk.load(community.id), save: (e: string | null) => desk.save(community.id, e) };
  const stored = async () =>
    (
      await env.server.db.query<{ email: string }>('SELECT email FROM weekly_summary_recipients WHERE member_id = $1', [
        joined.value.memberId,
      ])
    ).rows.map((r) => r.email);
  return { actions, stored, membership: joined.value };
}

const section = () => screen.findByRole('region', { name: 'Weekly summary by e-mail: Makers' });

describe('WeeklySummaryEmail, against the real endpoint', () => {
  it('a facilitator opts in by keyboard, reads the saved state, and opts out again', async () => {
    const fay = await browserAs('facilitator');
    const user = userEvent.setup();
    render(<WeeklySummaryEmail communityName="Makers" actions={fay.actions} />);
    const s = within(await section());
    expect(s.getByRole('status').textContent).toBe('Now: off. No weekly summary is sent to you.');
    // The test endpoint has no SMTP settings: the address is kept, and the page says no mail goes out yet.
    expect(s.getByText(/no summary is sent until its operator sets them/)).toBeTruthy();
    const field = s.getByLabelText('E-mail address for the weekly summary');
    expect((field as HTMLInputElement).disabled).toBe(true);

    await user.click(s.getByRole('switch', { name: 'Send me the weekly summary' }));
    await user.type(field, ' fay@example.org {Enter}');
    expect(await s.findByText('Saved. Now: the summary of each week goes to fay@example.org on Monday.')).toBeTruthy();
    expect(await fay.stored()).toEqual(['fay@example.org']);

    // Read back by a fresh page.
    cleanup();
    render(<WeeklySummaryEmail communityName="Makers" actions={fay.actions} />);
    const again = within(await section());
    expect(again.getByRole('status').textContent).toBe(
      'Now: the summary of each week goes to fay@example.org on Monday.',
    );
    expect((again.getByLabelText('E-mail address for the weekly summary') as HTMLInputElement).value).toBe(
      'fay@example.org',
    );
    expect((again.getByRole('switch', { name: 'Send me the weekly summary' }) as HTMLInputElement).checked).toBe(true);

    await user.click(again.getByRole('switch', { name: 'Send me the weekly summary' }));
    await user.click(again.getByRole('button', { name: 'Save weekly summary setting' }));
    expect(await again.findByText('Saved. Now: off. No weekly summary is sent to you.')).toBeTruthy();
    expect(await fay.stored()).toEqual([]);
  });

  it('refuses a bad address in words, sends nothing, and keeps what was saved', async () => {
    const admin = await browserAs('admin');
    expect((await admin.actions.save('admin@example.org')).ok).toBe(true);
    const user = userEvent.setup();
    render(<WeeklySummaryEmail communityName="Makers" actions={admin.actions} />);
    const s = within(await section());
    const field = s.getByLabelText('E-mail address for the weekly summary');
    for (const bad of ['not an address', 'a@example.org\r\nBcc: victim@example.org', '']) {
      await user.clear(field);
      if (bad) await user.type(field, bad.replace(/\r\n/g, ''));
      await user.click(s.getByRole('button', { name: 'Save weekly summary setting' }));
      expect((await s.findByRole('alert')).textContent).toMatch(/^Not saved: the address must be an e-mail address/);
      expect(field.getAttribute('aria-invalid')).toBe('true');
      expect(await admin.stored()).toEqual(['admin@example.org']);
    }
    expect(s.getByRole('status').textContent).toBe(
      'Now: the summary of each week goes to admin@example.org on Monday.',
    );
    // A line break typed or pasted into the address never reaches the endpoint either.
    expect(await admin.actions.save('a@example.org\r\nBcc: victim@example.org')).toMatchObject({ ok: false });
    expect(await admin.stored()).toEqual(['admin@example.org']);
  });

  it('shows nothing to a member (the endpoint answers 403), and the endpoint refuses one who calls anyway', async () => {
    const mo = await browserAs('member');
    const { container } = render(<WeeklySummaryEmail communityName="Makers" actions={mo.actions} />);
    expect(await mo.actions.load()).toEqual({ ok: true, value: null });
    expect(container.innerHTML).toBe('');
    const refused = await mo.actions.save('mo@example.org');
    expect(refused).toEqual({
      ok: false,
      error: 'Not saved: Only facilitators and admins receive the weekly summary by e-mail',
    });
    expect(await mo.stored()).toEqual([]);
  });
});
