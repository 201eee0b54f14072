import { test as base, chromium, type BrowserContext, type Worker } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/find-chromium';
import { startStaticServer, type StaticServer } from './static-server';

/** The built extension under test: `WXT_OUT_DIR` (as the build used) or WXT's default `.output`. */
export const EXTENSION_PATH = resolve(process.env.WXT_OUT_DIR ?? '.output', 'chrome-mv3');

/** Whether the build at `path` is a test build (`WXT_TEST_HOOKS=1`): its manifest's version name says so. */
export function isTestBuild(path = EXTENSION_PATH): boolean {
  const manifest = JSON.parse(readFileSync(join(path, 'manifest.json'), 'utf8')) as { version_name?: string };
  return manifest.version_name?.includes('test hooks') ?? false;
}

/** A fresh Chromium profile with the built extension (at `path`) loaded; `timezoneId` sets the pages' zone. */
export async function launchWithExtension(
  path = EXTENSION_PATH,
  options: { timezoneId?: string } = {},
): Promise<{
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
    ...options,
    args: ['--no-sandbox', ...CHROMIUM_ARGS, `--disable-extensions-except=${path}`, `--load-extension=${path}`],
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
    // The specs drive our UI inside its shadow root and read test-only marks: production builds close both.
    if (!isTestBuild()) {
      throw new Error(`${EXTENSION_PATH} is not a test build: build it with \`WXT_TEST_HOOKS=1 npx wxt build\``);
    }
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
