import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'tests/unit/**/*.test.{ts,tsx}',
      'tests/integration/**/*.test.ts',
      'tests/robustness/**/*.test.ts',
    ],
    environment: 'node',
    // The built CLI and bench runner, once for every file that spawns them.
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 30_000,
    // Two cores: keep the pool small so timing-sensitive integration tests stay calm.
    maxWorkers: 2,
  },
});
