// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/**
 * STYLE.md's "what may import what", enforced. Patterns match both relative and `@/` imports.
 * @param {string[]} groups
 * @param {string} message
 */
const forbid = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
});

const ENTRYPOINTS = ['**/entrypoints/**', '@/entrypoints/*'];
const DB = ['**/lib/db', '**/lib/db/**', '@/lib/db', '@/lib/db/*'];
const BROWSER = ['wxt/browser', 'wxt/utils/*', 'webextension-polyfill', '@webext-core/*'];
const UI = ['react', 'react-dom', 'react-dom/*', '**/components/**', '@/components/*'];

export default tseslint.config(
  { ignores: ['node_modules', '.output', '.wxt', '.data', '.corpus', 'reports', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.tsx', 'components/**/*.ts', 'entrypoints/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      ...forbid(ENTRYPOINTS, 'Nothing imports entrypoints/: move shared code to lib/ or components/.'),
    },
  },
  {
    files: ['components/**'],
    rules: forbid([...ENTRYPOINTS, ...BROWSER], 'Components get data via props and hooks; no browser.* here.'),
  },
  {
    files: [
      'lib/anchoring/**',
      'lib/search/**',
      'lib/digest/**',
      'lib/capture/**',
      'lib/model/**',
      'lib/highlight/**',
      'lib/similarity/**',
      'lib/export/**',
      'lib/import/**',
      'lib/collections/**',
      'lib/manifest/**',
      'lib/questions/**',
    ],
    ignores: ['**/*.test.ts', '**/*.test.tsx', '**/*.bench.ts'],
    rules: forbid(
      [...ENTRYPOINTS, ...DB, ...BROWSER, ...UI],
      'This part of lib/ is pure: no browser.*, no lib/db, no UI. Callers pass data in.',
    ),
  },
  {
    files: ['lib/sync/merge*.ts', 'lib/sync/protocol.ts'],
    rules: forbid([...ENTRYPOINTS, ...DB, ...BROWSER, ...UI], 'Sync protocol and merge rules are pure.'),
  },
  {
    files: ['server/**'],
    rules: forbid(
      [...ENTRYPOINTS, ...DB, ...BROWSER, ...UI, '**/lib/search/**', '**/lib/anchoring/**', '**/lib/capture/**'],
      'The server imports lib/model and the sync protocol only.',
    ),
  },
  {
    files: ['entrypoints/content/**'],
    rules: forbid(
      [
        ...DB,
        'dexie',
        'fuse.js',
        'react',
        'react-dom',
        'react-dom/*',
        '@mozilla/readability',
        '**/components/**',
        '@/components/*',
      ],
      'The content script runs on every page: no IndexedDB (it would be the page’s), no React, Fuse or Readability.',
    ),
  },
  {
    files: ['**/*.{js,mjs,cjs}', 'scripts/**', 'tests/**', 'server/**', 'bench/**'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        fetch: 'readonly',
        Buffer: 'readonly',
      },
    },
  },
);
