import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'tests/unit/**/*.test.{ts,tsx}',
      'tests/integration/**/*.test.ts',
      'tests/robustness/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 30_000,
    // Two cores: keep the pool small so timing-sensitive integration tests stay calm.
    maxWorkers: 2,
  },
});
