import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // One DynamoDB Local for the whole run; each test file makes its own table.
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Two cores: keep the Java process and the browser from starving each other.
    maxWorkers: 2,
    env: { ASTRO_TELEMETRY_DISABLED: '1', CDK_DISABLE_CLI_TELEMETRY: '1' },
  },
});
