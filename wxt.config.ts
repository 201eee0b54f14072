import { defineConfig } from 'wxt';
import { iconPaths } from './lib/manifest/icons';
import { inlinePageCss } from './scripts/inline-page-css';
import { EXTENSION_PAGES_CSP } from './lib/build/csp';
import { FRAMED_PAGES } from './lib/messaging/sender';

/** Test builds (`WXT_TEST_HOOKS=1`) carry the page-facing test hooks; see lib/build/test-hooks.ts. */
const isTestBuild = process.env.WXT_TEST_HOOKS === '1';

/**
 * The manifest is a function of the target browser: Firefox needs a gecko id, Chrome must not see one.
 * Every permission is explained in the README; keep the two lists in step.
 */
export default defineConfig({
  // WXT_OUT_DIR lets several builds (a benchmark, an E2E run) live side by side without overwriting each other.
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/module-react'],
  vite: () => ({ plugins: [inlinePageCss()] }),
  manifest: ({ browser }) => ({
    name: 'Commonplace',
    // A test build says so where the E2E fixture (and anyone in chrome://extensions) can see it.
    ...(isTestBuild && browser !== 'firefox' ? { version_name: '0.1.0 test hooks' } : {}),
    description: 'Harvest know-how where you read it, and find your community’s harvest in a keystroke.',
    // Rendered from public/icon/commonplace.svg by `npm run icons`.
    icons: iconPaths(),
    // MV2 (Firefox) names the toolbar button browser_action; WXT adds the popup to whichever key is there.
    [browser === 'firefox' ? 'browser_action' : 'action']: { default_icon: iconPaths(), default_title: 'Commonplace' },
    // offscreen (Chrome only): the search host, one warm index that the popup and new tab query.
    permissions: [
      'storage',
      'unlimitedStorage',
      'contextMenus',
      'alarms',
      // tabs: "Relay answer" finds the thread's tab already open by its address (content-script matches alone
      // do not show a tab's URL to the background).
      'tabs',
      ...(browser === 'firefox' ? [] : ['offscreen']),
    ],
    commands: {
      'harvest-selection': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Harvest the current selection',
      },
      'next-highlight': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: 'Go to the next highlight on the page and show its note',
      },
      'previous-highlight': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Go to the previous highlight on the page and show its note',
      },
    },
    // use_dynamic_url (Chrome): reachable only at a per-session URL, so a page cannot probe for the extension
    // by fetching them, nor frame them without being given that URL.
    web_accessible_resources: [
      {
        resources: FRAMED_PAGES,
        matches: ['http://*/*', 'https://*/*'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    // Firefox's build is MV2, where the policy is a plain string.
    content_security_policy: browser === 'firefox' ? EXTENSION_PAGES_CSP : { extension_pages: EXTENSION_PAGES_CSP },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'commonplace@commonplace.dev',
              strict_min_version: '140.0',
              // What leaves the browser, and only to the community endpoint a user joins: the pages' words they
              // harvest, those pages' addresses, and in chat apps who said it.
              data_collection_permissions: {
                required: ['websiteContent', 'browsingActivity', 'personalCommunications'],
              },
            },
          },
        }
      : {}),
  }),
  webExt: { disabled: true },
  // `npm run zip`: the store packages, and for Firefox Add-ons the sources its reviewers rebuild from.
  zip: {
    excludeSources: ['reports/**', 'test-results/**', 'playwright-report/**', '.data/**', '.vitest/**'],
  },
});
