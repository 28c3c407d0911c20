// `pnpm test:browser`: the report opened in headless Chromium (Debian's package). Kept out of `pnpm test`, which
// needs only Node.js: browser checks are named *.spec.ts, which the main config does not collect.
import { defineConfig } from "vitest/config"

export default defineConfig({
  test: {
    include: ["test/browser/**/*.spec.ts"],
    // The reports are made by the CLI bundle, built from the current sources before the check.
    globalSetup: ["test/support/cliBundle.global.ts"],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    // One browser at a time on a 2-core machine.
    fileParallelism: false
  }
})
