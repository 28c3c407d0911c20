// Family "flags": values a flag cannot take are refused or clamped with a message, never ignored: `--until` past
// the horizon, `--workers` above the cores (clamped, said so) or 0, seeds outside 0..2^53-1 or in exponent form,
// bad shards and path counts, unknown engines and formats. Exit 2, the one command-level message, nothing written.
import { existsSync } from "node:fs"
import { availableParallelism } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { cangoScenario, expectRefused, filesIn, hashsim, scratch } from "./support.ts"

const root = scratch("flags")

const refused: ReadonlyArray<readonly [string, (out: string) => Array<string>, RegExp]> = [
  ["run --until past the horizon", (out) => ["run", cangoScenario, "--seed", "1", "--until", "2030-01-01", "--out", out], /--until 2030-01-01 is past the scenario's horizon \(until 2028-11-07T00:00:00Z\)/],
  ["run --until not a date", (out) => ["run", cangoScenario, "--seed", "1", "--until", "2025-02-30", "--out", out], /--until must be YYYY-MM-DD/],
  ["run --seed 1e3", (out) => ["run", cangoScenario, "--seed", "1e3", "--out", out], /--seed must be a decimal integer from 0 to 2\^53-1 \(9007199254740991\), got "1e3"/],
  ["run --seed 2^53", (out) => ["run", cangoScenario, "--seed", "9007199254740992", "--out", out], /--seed must be a decimal integer/],
  ["run --engine unknown", (out) => ["run", cangoScenario, "--seed", "1", "--engine", "quantum", "--out", out], /engine/],
  ["mc --workers 0", (out) => ["mc", cangoScenario, "--paths", "2", "--seed", "1", "--workers", "0", "--out", out], /--workers must be a whole number from 1, got 0/],
  ["mc --paths 0", (out) => ["mc", cangoScenario, "--paths", "0", "--seed", "1", "--out", out], /--paths must be a whole number from 1/],
  ["mc --seed -1", (out) => ["mc", cangoScenario, "--paths", "2", "--seed", "-1", "--out", out], /--seed/],
  ["mc --shard 3/2", (out) => ["mc", cangoScenario, "--paths", "2", "--seed", "1", "--shard", "3/2", "--out", out], /--shard 3\/2: shard number 3 is outside 1\.\.2/],
  ["replay --format xml", () => ["replay", cangoScenario, "--format", "xml"], /format/]
]

describe("flags", () => {
  it.concurrent.each(refused)("refuses %s (exit 2, nothing written)", async (name, args, message) => {
    const out = join(root, name.replace(/[^a-z0-9]+/gi, "-"))
    const result = await hashsim(args(out))
    expectRefused(result, 2, message)
    expect(existsSync(out)).toBe(false)
  })

  it("clamps --workers 1000 to the cores, says so, and writes the batch", async () => {
    const out = join(root, "workers-1000")
    const result = await hashsim(["mc", cangoScenario, "--paths", "2", "--seed", "1", "--workers", "1000", "--out", out])
    expect(result.code, result.stderr).toBe(0)
    expect(result.stderr).toContain(`--workers 1000 is more than this machine's ${availableParallelism()} cores; using ${availableParallelism()}`)
    expect(filesIn(out)).toEqual(["manifest.json", "outcomes.csv", "summary.json"])
  })
})
