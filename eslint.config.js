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
      'lib/rituals/**',
      'lib/questions/**',
      'lib/expertise/**',
      'lib/pulse/**',
      'lib/impact/**',
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
    // Test data lives in lib/testing (and server/testing), marked test-only as WXT marks its fake objects:
    // production code may not import it. Its own files, tests, benchmarks and scripts may.
    files: ['entrypoints/**', 'lib/**', 'components/**', 'server/src/**'],
    ignores: ['**/*.test.ts', '**/*.test.tsx', '**/*.test-d.ts', 'lib/testing/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportDeclaration[source.value=/(^|\\/)testing(\\/|$)/]',
          message: 'lib/testing and server/testing are test data: production code may not import them.',
        },
        {
          selector: 'ImportExpression[source.value=/(^|\\/)testing(\\/|$)/]',
          message: 'lib/testing and server/testing are test data: production code may not import them.',
        },
      ],
    },
  },
  {
    // One logger for the extension (lib/log.ts): one prefix style, levels, expected failures at debug.
    // scripts/, bench/, server/ (its own JSON request log) and tests print as command-line tools do.
    files: ['entrypoints/**', 'lib/**', 'components/**'],
    ignores: ['lib/log.ts', '**/*.test.ts', '**/*.test.tsx', 'lib/testing/**'],
    rules: { 'no-console': 'error' },
  },
  {
    // The popup's first paint, before React: it must load none of what it exists to paint before.
    files: ['entrypoints/popup/early/**'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['dexie', 'zod', ...UI, '!@/components/theme.css'],
              message: 'The popup paints here before React, Dexie and zod load: none of them (or components/) here.',
            },
            {
              // Modules that load Dexie, zod or the query parser's segmenter as they are evaluated; their
              // types are free. The early reads are lib/db/read-newest (raw IndexedDB).
              regex: '^(@/|(\\.\\./)+)lib/(db(/(?!read-newest$|open-existing$).*)?|model(/index|/note)?|search/query)$',
              allowTypeImports: true,
              message:
                'This module loads Dexie, zod or the query segmenter: import a zod-free module instead ' +
                '(lib/db/read-newest, lib/model/note-kinds, lib/model/note-card-text, lib/search/query-help).',
            },
          ],
        },
      ],
    },
  },
  {
    // The popup's first script (a classic script of its own, run before any module): the snapshot's reader and
    // painter, and nothing else, so it stays a few kB that paint at once.
    files: ['entrypoints/popup-first-paint/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex:
                '^(?!(@/lib/newest-snapshot/(paint|snapshot)|@/lib/search/query-help|wxt/utils/define-unlisted-script)$)',
              message:
                'The first paint loads the snapshot and its painter only (lib/newest-snapshot): everything else waits for early.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    // What the first script bundles whole: plain DOM and the kinds' list.
    files: ['lib/newest-snapshot/paint.ts', 'lib/newest-snapshot/snapshot.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!(\\.\\./model/(note-kinds|note-card-text)|\\./snapshot)$)',
              allowTypeImports: true,
              message: "The popup's first script bundles this module whole: it may load only the kinds' list.",
            },
          ],
        },
      ],
    },
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
