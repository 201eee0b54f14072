import type { BrowserContext, Page } from '@playwright/test';
import { upcomingOccurrence } from '../../../lib/pulse/schedule';
import type { PollInput } from '../../../lib/pulse/schema';
import { expect, launchWithExtension } from '../fixtures';
import { join, startEndpoint } from './community';

const DAY = 86_400_000;

/**
 * A poll's next occurrence whose window starts more than a day from now (today's date moves on), a moment a day
 * before that window (between two windows) and one half a day into it.
 */
export function pollWindow(timing: Pick<PollInput, 'cadence' | 'anchor' | 'openDays' | 'timeZone'>) {
  const occ = upcomingOccurrence(timing, Date.now() + 4 * DAY)!;
  return { occ, before: occ.opensAt - DAY, open: occ.opensAt + DAY / 2 };
}

/**
 * Ann (a member) and Fay (a facilitator), each in a Chromium profile of their own with the built extension,
 * joined to "Makers" on a real endpoint whose clock the test moves with the pages' injected clocks (never
 * backwards): real time while they join (invites expire by it), then whatever `setServerTime` says.
 */
export async function annAndFay() {
  const t0 = Date.now();
  let serverAt = t0;
  const endpoint = await startEndpoint(['member', 'facilitator'], () => serverAt + (Date.now() - t0));
  const ann = await launchWithExtension().catch(async (e: unknown) => {
    await endpoint.close();
    throw e;
  });
  const fay = await launchWithExtension().catch(async (e: unknown) => {
    await ann.close();
    await endpoint.close();
    throw e;
  });
  const close = async () => {
    await ann.close();
    await fay.close();
    await endpoint.close();
  };
  try {
    const annOptions = await ann.context.newPage();
    const fayOptions = await fay.context.newPage();
    await join(annOptions, ann.extensionId, endpoint.invites.member, 'Ann');
    await join(fayOptions, fay.extensionId, endpoint.invites.facilitator, 'Fay');
    return {
      endpoint,
      ann,
      fay,
      annOptions,
      fayOptions,
      setServerTime: (at: number) => void (serverAt = at),
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}

/**
 * A new tab whose clock reads `at` (Playwright's injected clock), once it has asked the endpoint for the open
 * polls: `open` is the questions the endpoint answered, so "none shown" is checked after the answer, not before.
 */
export async function newTabAt(context: BrowserContext, extensionId: string, at: number) {
  const tab = await context.newPage();
  await tab.clock.install({ time: at });
  const asked = tab.waitForResponse((r) => new URL(r.url()).pathname === '/v1/polls/open');
  await tab.goto(`chrome-extension://${extensionId}/newtab.html`);
  const body = (await (await asked).json()) as { open: { poll: { question: string } }[] };
  await expect(tab.getByRole('heading', { name: 'Unanswered questions' })).toBeVisible();
  await expect(tab.getByRole('region', { name: 'Rituals' })).toBeVisible();
  return { tab, open: body.open.map((o) => o.poll.question) };
}

/** The new tab's pulse poll card. */
export const pulseCard = (tab: Page) => tab.getByRole('region', { name: 'Pulse poll' });
