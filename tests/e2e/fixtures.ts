import { test as base, chromium, type BrowserContext, type Worker } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/find-chromium';
import { startStaticServer, type StaticServer } from './static-server';

/** The built extension under test: `WXT_OUT_DIR` (as the build used) or WXT's default `.output`. */
export const EXTENSION_PATH = resolve(process.env.WXT_OUT_DIR ?? '.output', 'chrome-mv3');

/** A fresh Chromium profile with the built extension loaded. */
export async function launchWithExtension(): Promise<{
  context: BrowserContext;
  sw: Worker;
  extensionId: string;
  close(): Promise<void>;
}> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: set CHROMIUM_PATH (see README).');
  const dir = mkdtempSync(join(tmpdir(), 'commonplace-e2e-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      ...CHROMIUM_ARGS,
      `--disable-extensions-except=${EXTENSION_PATH}`,
      `--load-extension=${EXTENSION_PATH}`,
    ],
  });
  let [sw] = context.serviceWorkers();
  sw ??= await context.waitForEvent('serviceworker');
  const extensionId = new URL(sw.url()).host;
  return {
    context,
    sw,
    extensionId,
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

interface Fixtures {
  context: BrowserContext;
  sw: Worker;
  extensionId: string;
  site: StaticServer;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const launched = await launchWithExtension();
    await use(launched.context);
    await launched.close();
  },
  sw: async ({ context }, use) => {
    let [sw] = context.serviceWorkers();
    sw ??= await context.waitForEvent('serviceworker');
    await use(sw);
  },
  extensionId: async ({ sw }, use) => use(new URL(sw.url()).host),
  // eslint-disable-next-line no-empty-pattern
  site: async ({}, use) => {
    const server = await startStaticServer();
    await use(server);
    await server.close();
  },
});
export const expect = test.expect;
