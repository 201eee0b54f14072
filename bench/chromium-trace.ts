/**
 * What the popup's trace diagnostics (popup-frames.ts, popup-load-trace.ts) share: their arguments, a Chromium
 * trace over one stretch of work, and the profile bench:popup seeded and kept, opened with the built extension.
 */
import { chromium, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { resolve } from 'node:path';
import { CHROMIUM_ARGS, findChromium } from '../scripts/find-chromium';
import { EXTENSION_PATH } from '../tests/e2e/fixtures';

/** The value of a `name=value` argument. */
export const argOf = (name: string) => process.argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);

/** One event of a Chromium trace (the fields the diagnostics read). */
export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** The thread's own time inside the event (µs): less than `dur` when the thread waited for a core. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; frame?: string; data?: Record<string, unknown> };
}

/** Traces `during` with `categories` on, and returns what it returned with every event the trace collected. */
export async function traced<T>(
  cdp: CDPSession,
  categories: readonly string[],
  during: () => Promise<T>,
): Promise<{ value: T; events: TraceEvent[] }> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: [...categories] },
  });
  const value = await during();
  await cdp.send('Tracing.end');
  await done;
  return { value, events };
}

/**
 * The profile bench:popup kept (`profile=<dir>`, `label=ours|before`) opened with the built extension, its
 * service worker up and three seconds given to its start-up work; `id` is the extension's host.
 */
export async function openKeptProfile(
  label = argOf('label') ?? 'ours',
  extension = EXTENSION_PATH,
): Promise<{ ctx: BrowserContext; id: string }> {
  const profile = argOf('profile');
  if (!profile) throw new Error('profile=<dir> (a profile bench:popup seeded and kept)');
  const ctx = await chromium.launchPersistentContext(resolve(profile, label), {
    executablePath: findChromium() ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      ...CHROMIUM_ARGS,
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
    ],
  });
  const sw = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'));
  await new Promise((r) => setTimeout(r, 3000));
  return { ctx, id: new URL(sw.url()).host };
}

/** The popup with React up and the first keystroke's box cleared: where the keystroke diagnostics start typing. */
export async function openPopupReactUp(page: Page, extensionId: string): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await page.waitForFunction(() => performance.getEntriesByName('commonplace:react-start').length > 0, null, {
    timeout: 30_000,
  });
  await page.waitForTimeout(800);
  await page.keyboard.press('Escape');
  await page.waitForTimeout(300);
}
