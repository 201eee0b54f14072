import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Vitest 5 prints failures with Map.groupBy, which Node 20 lacks: without this a failing run crashes the reporter.
if (!('groupBy' in Map)) {
  Object.defineProperty(Map, 'groupBy', {
    value<K, V>(items: Iterable<V>, key: (item: V, index: number) => K) {
      const out = new Map<K, V[]>();
      let i = 0;
      for (const item of items) {
        const k = key(item, i++);
        const list = out.get(k);
        if (list) list.push(item);
        else out.set(k, [item]);
      }
      return out;
    },
  });
}

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: [
      'lib/**/*.test.{ts,tsx}',
      'components/**/*.test.{ts,tsx}',
      'server/**/*.test.ts',
      'tests/unit/**/*.test.{ts,tsx}',
      'entrypoints/**/*.test.{ts,tsx}',
    ],
    exclude: ['node_modules', '.output', 'tests/e2e/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
