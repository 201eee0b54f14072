import { expect, test as plain } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ICON_SIZES } from '../../lib/manifest/icons';
import { manifestGrants, readmeGrants, type ManifestGrants } from '../../lib/manifest/permissions';
import { EXTENSION_PATH, test } from './fixtures';

const OUT = resolve(process.env.WXT_OUT_DIR ?? '.output');
const README = readFileSync('README.md', 'utf8');

/** Width and height from a PNG's IHDR chunk; throws when the file is not a PNG. */
function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  if (bytes.subarray(1, 4).toString('latin1') !== 'PNG' || bytes.subarray(12, 16).toString('latin1') !== 'IHDR')
    throw new Error(`${path} is not a PNG`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

interface BuiltManifest extends ManifestGrants {
  icons?: Record<string, string>;
  action?: { default_icon?: Record<string, string> };
  browser_action?: { default_icon?: Record<string, string> };
}

const builds = [
  { browser: 'chrome' as const, dir: EXTENSION_PATH },
  { browser: 'firefox' as const, dir: join(OUT, 'firefox-mv2') },
];

for (const { browser, dir } of builds) {
  plain.describe(`the ${browser} build's manifest`, () => {
    plain.skip(browser === 'firefox' && !existsSync(join(dir, 'manifest.json')), 'run `npm run build:firefox`');
    const manifest = () => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as BuiltManifest;

    plain(
      'declares an icon of every size, for the extension and its toolbar button, and each file is that size',
      () => {
        const m = manifest();
        const action = m.action ?? m.browser_action;
        for (const icons of [m.icons, action?.default_icon]) {
          expect(Object.keys(icons ?? {}).map(Number)).toEqual([...ICON_SIZES]);
          for (const size of ICON_SIZES) {
            const file = join(dir, icons![String(size)]!);
            expect(existsSync(file), file).toBe(true);
            expect(pngSize(file)).toEqual({ width: size, height: size });
          }
        }
      },
    );

    plain('asks for exactly the permissions the README explains', () => {
      expect(manifestGrants(manifest())).toEqual(readmeGrants(README, browser));
    });
  });
}

test('the options, popup and new tab pages show our icon as their favicon', async ({ context, extensionId }) => {
  const page = await context.newPage();
  for (const name of ['options', 'popup', 'newtab']) {
    await page.goto(`chrome-extension://${extensionId}/${name}.html`);
    const hrefs = await page
      .locator('link[rel="icon"]')
      .evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
    expect(hrefs.length, name).toBeGreaterThan(0);
    for (const href of hrefs) {
      const width = await page.evaluate(async (src) => {
        const img = new Image();
        img.src = src;
        await img.decode();
        return img.naturalWidth;
      }, href);
      expect(width, href).toBeGreaterThan(0);
    }
  }
});
