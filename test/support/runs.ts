// How many runs a cross-package property makes: its own modest default (each run simulates a path), or
// FC_NUM_RUNS when set (`pnpm test:deep`), so the deep run scales these properties with the rest.
import { inject } from "vitest"

export const propertyRuns = (defaultRuns: number): number => inject("fcNumRuns") ?? defaultRuns
