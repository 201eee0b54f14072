import type { Page } from '@playwright/test';

/**
 * The floor: first paint of an extension page with no script at all (the manifest, shown as text), in the
 * same browser. What navigation and a fresh renderer cost before any page of ours does anything.
 */
export async function measureFloor(page: Page, extensionId: string): Promise<number> {
  await page.goto(`chrome-extension://${extensionId}/manifest.json`);
  const fcp = await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime);
  return Number(await fcp.jsonValue());
}
