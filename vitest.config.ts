import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const src = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// Tests run against TypeScript sources; only the CLI end-to-end tests need the build output.
export default defineConfig({
  resolve: {
    alias: {
      '@palisade/engine': src('./packages/engine/src/index.ts'),
      '@palisade/stdlib': src('./packages/stdlib/src/index.ts'),
    },
  },
  test: {
    include: ['packages/*/src/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
  },
});
