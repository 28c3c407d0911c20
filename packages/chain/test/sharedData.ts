// Finds real mainnet data in ../shared/data beside the repository. Outside CI a missing folder skips the tests
// that need it (and says so); under CI=true it is a failure, never a skip.
import { existsSync } from "node:fs"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..")
export const sharedDataDir = join(repoRoot, "..", "shared", "data")

/** The path of a shared data file, or undefined (with a note on stderr) when it is absent outside CI. */
export const sharedDataFile = (relative: string): string | undefined => {
  const path = join(sharedDataDir, relative)
  if (existsSync(path)) return path
  if (process.env["CI"] === "true") throw new Error(`${path} is missing; CI must run with ../shared beside the repository`)
  process.stderr.write(`skipping: ${path} is absent (tests on real mainnet data need ../shared/data)\n`)
  return undefined
}
