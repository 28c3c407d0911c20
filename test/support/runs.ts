// How many runs a cross-package property makes: its own modest default (each run simulates a path), or
// FC_NUM_RUNS when set (`pnpm test:deep`), so the deep run scales these properties with the rest; and a time
// limit that grows with it (a deep run of 10,000 paths outlasts vitest's default minute).
import { inject } from "vitest"

export const propertyRuns = (defaultRuns: number): number => inject("fcNumRuns") ?? defaultRuns

/** The time limit of a test holding one property of up to `propertyRuns(...)` runs (30 ms a run, at least a minute). */
export const propertyTimeoutMs = (): number => Math.max(60_000, (inject("fcNumRuns") ?? 0) * 30)
