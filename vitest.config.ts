import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Unit and component tests run in parallel; browser and LibreOffice suites (test/e2e, test/docx)
// are heavier, so they get long timeouts. All of them run in one `vitest run`.
export default defineConfig({
  plugins: [react()],
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    // A page under a loaded CI machine may take seconds to reach a state: polls wait up to 15 s
    // (they return as soon as the state is reached).
    expect: { poll: { timeout: 15_000 } },
    setupFiles: ['test/setup.ts'],
    globalSetup: ['test/global-setup.ts'],
  },
});
