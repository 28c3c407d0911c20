// `run` and `mc` decide alike: a scenario one refuses, the other refuses before any path, with the same problems
// and message, exit 1, nothing written (one decision function, ScenarioAcceptance.ts).
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { repoRoot, runCli } from "./runCli.ts"

const reference = readFileSync(join(repoRoot, "scenarios/cango-2024.jsonl"), "utf8")

describe("run and mc accept the same scenarios", () => {
  const dir = mkdtempSync(join(tmpdir(), "hashsim-accept-"))
  const cases: ReadonlyArray<readonly [string, string]> = [
    // The simulator cannot simulate it (the compiler's refusal) ...
    ["pplns.jsonl", reference.replace('"mode":"fpps"', '"mode":"pplns"')],
    // ... and the ledger's decider refuses it (a fee span past the horizon).
    ["span.jsonl", reference + '{"at":"2028-11-01T00:00:00Z","type":"FeesObserved","v":1,"data":{"fromAt":"2028-11-01T00:00:00Z","untilAt":"2029-01-01T00:00:00Z","meanFeePerBlockSats":1000000,"reference":"x"}}\n']
  ]
  for (const [name, text] of cases) {
    it(`${name}: the same refusal from both, before anything is simulated`, () => {
      const scenario = join(dir, name)
      writeFileSync(scenario, text)
      const run = runCli(["run", scenario, "--seed", "1", "--out", join(dir, `${name}.log`)])
      const mc = runCli(["mc", scenario, "--paths", "4", "--seed", "1", "--workers", "1", "--out", join(dir, `${name}.mc`)])
      expect(run.status).toBe(1)
      expect(mc.status).toBe(1)
      expect(run.stderr).toMatch(new RegExp(`^${scenario.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:\\d+: `, "m"))
      expect(mc.stderr).toBe(run.stderr)
      expect(existsSync(join(dir, `${name}.log`))).toBe(false)
      expect(existsSync(join(dir, `${name}.mc`))).toBe(false)
    })
  }
})
