import { existsSync } from 'node:fs';

/** Where Chromium or Chrome usually lives, in the order we prefer them. */
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
];

/** CHROMIUM_PATH when set, else the first usual install location that exists; null when there is none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

export const HOW_TO_GET_CHROMIUM = `No Chromium or Chrome was found.
  Set CHROMIUM_PATH=/path/to/chromium, or install one:
    Debian/Ubuntu:  sudo apt-get install -y --no-install-recommends chromium
    Fedora:         sudo dnf install chromium
    macOS:          brew install --cask chromium   (or install Google Chrome)
  Branded Google Chrome ignores --load-extension since v137; prefer Chromium for tests.`;

/** Flags for a quiet, scriptable Chromium on machines without outside network. */
export const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
