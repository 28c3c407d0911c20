// `hashsim run` says it shows one path, and with --context N where that path's NPV sits among N paths; its table
// has the BTC price, sold and held columns and the treasury's lines.
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { runCli } from "./runCli.ts"

describe("hashsim run in context", () => {
  const dir = mkdtempSync(join(tmpdir(), "hashsim-run-context-"))
  it("says the run is one path, and places its NPV among N paths with --context", () => {
    const plain = runCli(["run", "scenarios/cango-2024.yaml", "--seed", "3", "--engine", "aggregate", "--until", "2025-06-01", "--out", join(dir, "a.jsonl")])
    expect(plain.status).toBe(0)
    expect(plain.stdout).toContain("This is one random path (seed 3), not a forecast")
    expect(plain.stdout.split("\n")[0]).toMatch(/BTC price\s+BTC sold\s+BTC held$/)
    expect(plain.stdout).toMatch(/BTC held [\d.]+, worth \$[\d,]+ at the end price \$[\d,]+/)
    expect(plain.stdout).toMatch(/position -?\$[\d,]+ \(cash \+ BTC held at the end price - capex\)/)
    const ctx = runCli(["run", "scenarios/cango-2024.yaml", "--seed", "3", "--engine", "aggregate", "--until", "2025-06-01", "--out", join(dir, "b.jsonl"), "--context", "40"])
    expect(ctx.status).toBe(0)
    const m = /Among 40 paths of the same scenario .* is at the ([\d.]+)th percentile/.exec(ctx.stdout)
    expect(m).not.toBeNull()
    // A percentile of 40 paths is a multiple of 2.5.
    expect((Number(m![1]) * 40) / 100).toBeCloseTo(Math.round((Number(m![1]) * 40) / 100), 9)
    expect(runCli(["run", "scenarios/cango-2024.yaml", "--seed", "3", "--out", join(dir, "c.jsonl"), "--context", "0"]).status).toBe(2)
  }, 120_000)
})
