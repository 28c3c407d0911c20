// One vitest run over every package's test/ and the cross-package test/; fast-check is seeded once for all of it,
// and the CLI bundle the spawning tests run is built once for all of it.
import { defineConfig } from "vitest/config"

export default defineConfig({
  test: {
    include: ["packages/*/test/**/*.test.ts", "test/**/*.test.ts"],
    globalSetup: ["test/support/fastCheckSeed.global.ts", "test/support/cliBundle.global.ts"],
    setupFiles: ["test/support/fastCheckSeed.setup.ts"],
    // Test files on every core. vitest's default (cores - 1) runs one file at a time on a 2-core machine, where the
    // tests that spawn the CLI leave the second core mostly to their children; VITEST_MAX_WORKERS=N overrides this.
    maxWorkers: "100%",
    testTimeout: 60_000,
    hookTimeout: 60_000
  }
})
