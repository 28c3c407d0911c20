// Applies the run's fast-check seed (chosen once in the global setup) to every property in every test file.
import fc from "fast-check"
import { inject } from "vitest"

const numRuns = inject("fcNumRuns")
fc.configureGlobal({
  seed: inject("fcSeed"),
  ...(numRuns === undefined ? {} : { numRuns })
})
