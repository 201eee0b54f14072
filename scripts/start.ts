/**
 * `npm start`: builds the extension, starts the community endpoint (PGlite in ./.data unless DATABASE_URL is
 * set) and opens Chromium with the extension loaded. `npm start -- --demo` also seeds a demo community.
 * Without a display it says so and prints how to load the extension by hand; the endpoint keeps running.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { CHROMIUM_ARGS, findChromium, HOW_TO_GET_CHROMIUM } from './find-chromium';

const args = process.argv.slice(2);
const extensionDir = resolve('.output/chrome-mv3');

console.log('Building the extension…');
if (spawnSync('npx', ['--no-install', 'wxt', 'build'], { stdio: 'inherit' }).status !== 0) process.exit(1);

const children: ChildProcess[] = [];
const stopAll = () => {
  for (const c of children) c.kill('SIGTERM');
};
process.on('SIGINT', stopAll);
process.on('SIGTERM', stopAll);

const server = spawn('npx', ['--no-install', 'tsx', 'server/src/index.ts', ...args], { stdio: 'inherit' });
children.push(server);
server.on('exit', (code) => {
  if (code) console.error(`The community endpoint stopped (exit ${code}).`);
  process.exitCode = code ?? 0;
});

const hasDisplay = process.platform === 'darwin' || !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY;
const chromium = findChromium();
const byHand = `Load it by hand: open chrome://extensions, turn on Developer mode, click “Load unpacked” and pick
  ${extensionDir}
(Firefox: \`npm run build:firefox\`, then about:debugging → This Firefox → Load Temporary Add-on → pick
  ${resolve('.output/firefox-mv2/manifest.json')})`;

if (!chromium) {
  console.log(`\n${HOW_TO_GET_CHROMIUM}\n\n${byHand}\n`);
} else if (!hasDisplay) {
  console.log(`\nNo display here (DISPLAY is not set), so no browser window can open.\n${byHand}\n`);
} else {
  const profile = resolve('.data/chromium-profile');
  mkdirSync(profile, { recursive: true });
  const browser = spawn(
    chromium,
    [
      ...CHROMIUM_ARGS,
      `--user-data-dir=${profile}`,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      'https://en.wikipedia.org/wiki/Community_of_practice',
    ],
    { stdio: 'ignore' },
  );
  children.push(browser);
  browser.on('exit', () => {
    console.log('Chromium closed; stopping the endpoint.');
    stopAll();
  });
  console.log(`\nChromium is open with Commonplace loaded (profile in ${profile}). Ctrl+C stops everything.\n`);
}
