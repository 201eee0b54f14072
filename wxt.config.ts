import { defineConfig } from 'wxt';
import { iconPaths } from './lib/manifest/icons';
import { inlinePageCss } from './scripts/inline-page-css';

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
    web_accessible_resources: [
      { resources: ['capture.html', 'highlight-card.html'], matches: ['http://*/*', 'https://*/*'] },
    ],
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
