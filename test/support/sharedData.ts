// Real mainnet data in ../shared/data beside the repository. Outside CI a missing file skips the tests that need it
// (and says so); under CI=true a missing file is a failure, never a skip.
import { existsSync } from "node:fs"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..")
export const sharedDataDir = join(repoRoot, "..", "shared", "data")

/** The paths of shared data files, or undefined (with a note on stderr) when one is absent outside CI. */
export const sharedDataFiles = (relative: ReadonlyArray<string>): ReadonlyArray<string> | undefined => {
  const paths = relative.map((r) => join(sharedDataDir, r))
  const missing = paths.filter((p) => !existsSync(p))
  if (missing.length === 0) return paths
  if (process.env["CI"] === "true") throw new Error(`${missing.join(", ")} missing; CI must run with ../shared beside the repository`)
  process.stderr.write(`skipping: ${missing.join(", ")} absent (tests on real mainnet data need ../shared/data)\n`)
  return undefined
}
