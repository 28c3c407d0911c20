// Builds the CLI bundle (packages/cli/dist/hashsim.mjs) from the current sources once per test run, before any test
// file starts, so the tests that spawn `hashsim` (through @hashsim/testkit's hashsimNodeArgs) never run a stale
// dist/. The build is scripts/build-cli.mjs itself, the one `pnpm install` and `pnpm build` run; if it fails, the
// run fails here with its output.
import { spawnSync } from "node:child_process"
import { existsSync } from "node:fs"
import { join } from "node:path"
import { hashsimBundle, repoRoot } from "@hashsim/testkit"

export default function setup(): void {
  const build = spawnSync(process.execPath, [join(repoRoot, "scripts/build-cli.mjs")], { cwd: repoRoot, encoding: "utf8" })
  if (build.status !== 0 || !existsSync(hashsimBundle)) {
    const why = build.error?.message ?? `exit ${build.status ?? build.signal}`
    throw new Error(`building the CLI bundle for the tests failed (node scripts/build-cli.mjs: ${why}):\n${build.stdout}${build.stderr}`)
  }
}
