// The hashsim version recorded in every log and Monte Carlo output, read from this package's manifest.
import manifest from "../package.json" with { type: "json" }

export const hashsimVersion: string = manifest.version
