import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    // A private TMPDIR for the run; fails the run if a test leaves anything in it.
    globalSetup: ["test/global-setup.ts"],
  },
});
