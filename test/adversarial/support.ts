// Shared by the adversarial suite: the real CLI in a child process (async, so cases of a family run side by side),
// scratch folders, small fixtures made once per file, and the checks every case makes (exit code, the message's
// `file:line: field`, the files left behind).
import { spawn, type ChildProcess } from "node:child_process"
import { createHash } from "node:crypto"
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { hashsimNodeArgs, repoRoot, stackTrace } from "@hashsim/testkit"
import { expect } from "vitest"

export { repoRoot }
export const cangoScenario = join(repoRoot, "scenarios/cango-2024.jsonl")

export interface CliResult {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly stdout: string
  readonly stderr: string
}

const cleanEnv = (): NodeJS.ProcessEnv => {
  const env = { ...process.env }
  for (const k of ["JOB_COMPLETION_INDEX", "SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_MIN", "HASHSIM_FAULT_AT", "HASHSIM_DEBUG"]) delete env[k]
  return env
}

/** Starts the CLI; `onStderr` sees stderr as it grows (to act at a chosen point). */
export const startCli = (args: ReadonlyArray<string>, env: NodeJS.ProcessEnv = {}): { readonly child: ChildProcess; readonly done: Promise<CliResult>; readonly stderrSoFar: () => string } => {
  const child = spawn(process.execPath, hashsimNodeArgs(args), { cwd: repoRoot, env: { ...cleanEnv(), ...env } })
  let stdout = ""
  let stderr = ""
  child.stdout?.on("data", (d: Buffer) => { stdout += d.toString() })
  child.stderr?.on("data", (d: Buffer) => { stderr += d.toString() })
  const done = new Promise<CliResult>((resolvePromise) => child.on("close", (code, signal) => resolvePromise({ code, signal, stdout, stderr })))
  return { child, done, stderrSoFar: () => stderr }
}

export const hashsim = (args: ReadonlyArray<string>, env: NodeJS.ProcessEnv = {}): Promise<CliResult> => startCli(args, env).done

/** Waits until the child's stderr matches `pattern` (or it exits). */
export const waitForStderr = async (run: ReturnType<typeof startCli>, pattern: RegExp, timeoutMs = 60_000): Promise<void> => {
  const until = Date.now() + timeoutMs
  let exited = false
  void run.done.then(() => { exited = true })
  while (!pattern.test(run.stderrSoFar())) {
    if (exited) throw new Error(`the child exited before ${pattern}: ${run.stderrSoFar()}`)
    if (Date.now() > until) throw new Error(`timed out waiting for ${pattern}: ${run.stderrSoFar()}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

export const scratch = (name: string): string => mkdtempSync(join(tmpdir(), `hashsim-adv-${name}-`))

/** Every file under a folder (names, sorted), to assert what a refused command left behind. */
export const filesIn = (dir: string): Array<string> => readdirSync(dir, { recursive: true }).map(String).sort()

/** The checks every case makes: the exit code, the message's `file:line: field` (or the one message), no stack trace. */
export const expectRefused = (result: CliResult, code: number, message: RegExp): void => {
  expect({ code: result.code, stderr: result.stderr }).toMatchObject({ code, stderr: expect.stringMatching(message) })
  expect(result.stderr).not.toMatch(stackTrace)
  expect(result.stderr).not.toMatch(/internal error/)
}

export const lines = (file: string): Array<string> => readFileSync(file, "utf8").replace(/\n$/, "").split("\n")
export const writeLines = (file: string, all: ReadonlyArray<string>): string => {
  writeFileSync(file, `${all.join("\n")}\n`)
  return file
}

/** Rewrites a Monte Carlo folder's manifest seals over its current files (an attacker who recomputes the digests). */
export const reseal = (dir: string): void => {
  const manifestFile = join(dir, "manifest.json")
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as { files: Record<string, { bytes: number; sha256: string }> }
  for (const name of Object.keys(manifest.files)) {
    const bytes = readFileSync(join(dir, name))
    manifest.files[name] = { bytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") }
  }
  writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`)
}

/** A CSV edit: row `row` (1 = first data row), column named `column`, set to `value`. */
export const editCell = (file: string, row: number, column: string, value: string): void => {
  const all = lines(file)
  const header = (all[0] as string).split(",")
  const cells = (all[row] as string).split(",")
  cells[header.indexOf(column)] = value
  all[row] = cells.join(",")
  writeLines(file, all)
}
