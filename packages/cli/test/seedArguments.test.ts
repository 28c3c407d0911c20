// One seed rule for every command (README: a decimal integer from 0 to 2^53-1): `run` and `mc` refuse the same
// texts with the same message, before reading the scenario or writing anything.
import { existsSync, mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { runCli } from "./runCli.ts"

describe("--seed: run and mc refuse what is not a decimal integer 0..2^53-1, alike", () => {
  const scratch = mkdtempSync(join(tmpdir(), "hashsim-seed-"))
  const scenario = join(scratch, "scenario.jsonl")
  writeFileSync(scenario, "{}\n")
  const commands: Record<string, (seed: string, out: string) => Array<string>> = {
    run: (seed, out) => ["run", scenario, "--seed", seed, "--out", out],
    mc: (seed, out) => ["mc", scenario, "--paths", "10", "--seed", seed, "--out", out]
  }
  const cases = ["1e3", "-1", "9007199254740992", "2^53", " 1", "01", "1.0", ""]
  it.each(Object.keys(commands).flatMap((command) => cases.map((seed) => [command, seed] as const)))("%s --seed %j exits 2", (command, seed) => {
    const out = join(scratch, `${command}-${cases.indexOf(seed)}`)
    const { status, stderr } = runCli(commands[command]!(seed, out), { env: { JOB_COMPLETION_INDEX: "", SLURM_ARRAY_TASK_ID: "" } })
    expect(stderr).toContain(`--seed must be a decimal integer from 0 to 2^53-1 (9007199254740991), got ${JSON.stringify(seed)}`)
    expect(status).toBe(2)
    expect(existsSync(out)).toBe(false)
  })
})
