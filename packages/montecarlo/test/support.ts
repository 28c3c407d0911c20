// Helpers shared by the montecarlo tests: a scratch folder per test and a batch over the fake runner.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Cause, Effect, Exit } from "effect"
import { runBatch, type BatchOptions, type BatchResult } from "../src/index.ts"
import type { FakeRunnerOptions } from "./FakeRunner.ts"

export const scratchDir = (): string => mkdtempSync(join(tmpdir(), "hashsim-mc-test-"))

export const fakeSpec = (options: FakeRunnerOptions) => ({
  moduleUrl: new URL("./FakeRunner.ts", import.meta.url).href,
  exportName: "fakeRunner",
  options
})

export const identity = (paths: number, masterSeed = 20241107) => ({
  hashsimVersion: "0.0.0-test",
  scenarioSha256: "5a".repeat(32),
  engine: "fake",
  masterSeed,
  paths
})

export const fakeBatch = (overrides: Partial<BatchOptions> & Pick<BatchOptions, "outDir">, paths = 200, months = 4): Promise<BatchResult> =>
  Effect.runPromise(runBatch({ runner: fakeSpec({ months }), identity: identity(paths), workers: 1, ...overrides }))

/** Every file in a folder with its bytes, for byte-for-byte comparisons. */
export const folderBytes = (dir: string): Record<string, string> =>
  Object.fromEntries(readdirSync(dir).sort().map((name) => [name, readFileSync(join(dir, name), "latin1")]))

/** The typed error a failed exit carries (undefined for success, a defect or an interruption). */
export const failureOf = (exit: Exit.Exit<unknown, unknown>): unknown => {
  if (Exit.isSuccess(exit)) return undefined
  const found = Cause.findErrorOption(exit.cause)
  return found._tag === "Some" ? found.value : undefined
}
