import { spawnSync } from "node:child_process"
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { hashsimNodeArgs } from "@hashsim/testkit"
import { describe, expect, it } from "vitest"

const root = new URL("../../../", import.meta.url).pathname
const hashsim = (...args: Array<string>) => {
  const result = spawnSync(process.execPath, hashsimNodeArgs(args), { cwd: root, encoding: "utf8", env: { ...process.env, JOB_COMPLETION_INDEX: "", SLURM_ARRAY_TASK_ID: "" } })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe("hashsim mc refuses bad arguments before any work, with a clear message", () => {
  const scratch = mkdtempSync(join(tmpdir(), "hashsim-mc-cli-"))
  const scenario = join(scratch, "scenario.jsonl")
  writeFileSync(scenario, "{}\n")
  const out = join(scratch, "out")

  it.each([
    [["--paths", "0", "--seed", "1"], /--paths must be a whole number from 1, got "0"/],
    [["--paths", "-5", "--seed", "1"], /--paths must be a whole number from 1, got "-5"/],
    [["--paths", "2.5", "--seed", "1"], /--paths/],
    [["--paths", "10", "--seed", "-1"], /--seed must be a decimal integer from 0 to 2\^53-1/],
    [["--paths", "10", "--seed", "9007199254740992"], /--seed/],
    [["--paths", "10", "--seed", "1", "--shard", "3/2"], /--shard 3\/2: shard number 3 is outside 1..2/],
    [["--paths", "10", "--seed", "1", "--shard", "0/2"], /--shard must look like k\/N/],
    [["--paths", "10", "--seed", "1", "--shards", "3"], /JOB_COMPLETION_INDEX/],
    [["--paths", "10", "--seed", "1", "--workers", "0"], /--workers must be a whole number from 1/]
  ])("%j exits 2", (flags, message) => {
    const { code, stderr } = hashsim("mc", scenario, "--out", out, ...flags)
    expect(stderr).toMatch(message)
    expect(code).toBe(2)
    expect(existsSync(out)).toBe(false)
  })

  it("exits 1 for a scenario it cannot read", () => {
    const { code, stderr } = hashsim("mc", join(scratch, "missing.jsonl"), "--paths", "10", "--seed", "1", "--out", out)
    expect(stderr).toMatch(/missing\.jsonl: cannot read the scenario/)
    expect(code).toBe(1)
  })
})

describe("hashsim merge refuses what is not one batch's complete set of shards", () => {
  it("exits 1 for a folder that is not a shard", () => {
    const scratch = mkdtempSync(join(tmpdir(), "hashsim-merge-cli-"))
    mkdirSync(join(scratch, "a"))
    const { code, stderr } = hashsim("merge", join(scratch, "a"), "--out", join(scratch, "m"))
    expect(stderr).toMatch(/a: not a Monte Carlo output folder \(no manifest\.json; run `hashsim mc --shard k\/N/)
    expect(code).toBe(1)
  })

  it("exits 2 without a shard folder", () => {
    expect(hashsim("merge", "--out", "x").code).toBe(2)
  })
})
