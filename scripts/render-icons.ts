/**
 * `npm run icons`: renders public/icon/commonplace.svg (our mark, the source of truth) into the PNG sizes the
 * manifest declares, in real Chromium, so each size is the browser's own rasterisation of the same vector.
 * The PNGs are committed; run this again after editing the SVG.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ICON_SIZES } from '../lib/manifest/icons';
import { findChromium, HOW_TO_GET_CHROMIUM } from './find-chromium';

const dir = join(import.meta.dirname, '../public/icon');
const svg = readFileSync(join(dir, 'commonplace.svg'), 'utf8');

const executablePath = findChromium();
if (!executablePath) {
  console.error(HOW_TO_GET_CHROMIUM);
  process.exit(1);
}
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const size of ICON_SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}img{display:block}</style>` +
        `<img src="${src}" width="${size}" height="${size}" alt="">`,
    );
    await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    writeFileSync(join(dir, `${size}.png`), await page.screenshot({ omitBackground: true }));
    await page.close();
    console.log(`public/icon/${size}.png`);
  }
} finally {
  await browser.close();
}
