// A small deterministic stand-in for the simulator: every value is a function of the path seed alone, some are
// missing, one is a date, and there are monthly columns, so batches exercise every code path without the sim.
import type { OutcomeColumn, PathRunner } from "../src/PathRunner.ts"

export interface FakeRunnerOptions {
  readonly months: number
  /** Busy-waits this long per path (to test interruption). */
  readonly slowMs?: number
  /** Throws on this path index (to test worker failure). */
  readonly failOnPath?: number
}

/** mulberry32 keyed by both halves of a 53-bit seed. */
const generator = (seed: number): (() => number) => {
  let a = (seed >>> 0) ^ Math.floor(seed / 2 ** 32) ^ 0x6d2b79f5
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const fakeColumns = (months: number): Array<OutcomeColumn> => {
  const monthNames = Array.from({ length: months }, (_, m) => `2025-${String(m + 1).padStart(2, "0")}`)
  return [
    { name: "minedSats", kind: "number" },
    { name: "fleetShareEnd", kind: "number" },
    { name: "paybackDate", kind: "date" },
    { name: "npvUsdCents", kind: "number" },
    ...monthNames.map((m) => ({ name: `minedSats:${m}`, kind: "number" as const })),
    ...monthNames.map((m) => ({ name: `netMarginUsdCents:${m}`, kind: "number" as const }))
  ]
}

/** The fake's value row for a seed, as `run` writes it. */
export const fakeValues = (seed: number, months: number): Array<number> => {
  const u = generator(seed)
  const monthly = Array.from({ length: months }, () => Math.floor(u() * 5e9))
  const margins = Array.from({ length: months }, () => Math.round((u() - 0.4) * 1e9))
  const share = u() * 0.1
  const pays = u() < 0.7
  const payDay = 20089 + Math.floor(u() * 700)
  return [monthly.reduce((a, b) => a + b, 0), share, pays ? payDay : Number.NaN, Math.round((u() - 0.5) * 1e11), ...monthly, ...margins]
}

export const fakeRunner = (options: unknown): PathRunner => {
  const { months, slowMs, failOnPath } = options as FakeRunnerOptions
  return {
    columns: fakeColumns(months),
    run(pathIndex, pathSeed, out) {
      if (pathIndex === failOnPath) throw new Error(`fake failure on path ${pathIndex}`)
      if (slowMs !== undefined) {
        const until = performance.now() + slowMs
        while (performance.now() < until) { /* busy */ }
      }
      const values = fakeValues(pathSeed, months)
      for (let j = 0; j < values.length; j++) out[j] = values[j] as number
    }
  }
}
