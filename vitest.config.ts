import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    // Two test files at a time, where Vitest would run one on two cores: most of an end-to-end test is spent
    // waiting for the processes it starts (the command, Chromium, EPUBCheck's Java), which take the cores.
    maxWorkers: 2,
    minWorkers: 1,
    // End-to-end tests start Chromium and Java (EPUBCheck).
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
