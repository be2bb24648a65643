import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // End-to-end tests start Chromium and Java (EPUBCheck).
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
