// Chooses the one fast-check seed of a test run (FC_SEED when set, else a fresh one) and prints it,
// so any failing property can be replayed with `FC_SEED=<seed> pnpm test`.
import type { TestProject } from "vitest/node"

declare module "vitest" {
  export interface ProvidedContext {
    fcSeed: number
    fcNumRuns: number | undefined
  }
}

const parseIntEnv = (name: string): number | undefined => {
  const raw = process.env[name]
  if (raw === undefined || raw === "") return undefined
  const value = Number(raw)
  if (!Number.isSafeInteger(value)) throw new Error(`${name} must be an integer, got ${JSON.stringify(raw)}`)
  return value
}

export default function setup(project: TestProject): void {
  // The seed is chosen here, outside the simulator, so wall-clock randomness is allowed.
  const seed = parseIntEnv("FC_SEED") ?? (Math.random() * 0x7fffffff) | 0
  const numRuns = parseIntEnv("FC_NUM_RUNS")
  project.provide("fcSeed", seed)
  project.provide("fcNumRuns", numRuns)
  process.stdout.write(`fast-check seed ${seed} (replay with FC_SEED=${seed})${numRuns === undefined ? "" : `, ${numRuns} runs per property`}\n`)
}
