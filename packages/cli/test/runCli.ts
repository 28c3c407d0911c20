// Runs the real `hashsim` entry point in a child process (as a user would) and captures what it printed.
import { spawnSync } from "node:child_process"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..")
const main = join(repoRoot, "packages/cli/src/main.ts")

export interface CliResult {
  readonly status: number | null
  readonly stdout: string
  readonly stderr: string
}

export const runCli = (args: ReadonlyArray<string>, options: { readonly cwd?: string; readonly env?: NodeJS.ProcessEnv } = {}): CliResult => {
  const result = spawnSync(process.execPath, ["--import", "tsx", main, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: { ...process.env, ...options.env },
    encoding: "utf8",
    timeout: 120_000
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}
