// Runs the real `hashsim` (the bundle built for this test run) in a child process, as a user would, and captures
// what it printed.
import { spawnSync } from "node:child_process"
import { hashsimNodeArgs, repoRoot, stackTrace } from "@hashsim/testkit"

export { repoRoot, stackTrace }

export interface CliResult {
  readonly status: number | null
  readonly stdout: string
  readonly stderr: string
}

export const runCli = (args: ReadonlyArray<string>, options: { readonly cwd?: string; readonly env?: NodeJS.ProcessEnv } = {}): CliResult => {
  const result = spawnSync(process.execPath, hashsimNodeArgs(args), {
    cwd: options.cwd ?? repoRoot,
    env: { ...process.env, ...options.env },
    encoding: "utf8",
    timeout: 120_000
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}
