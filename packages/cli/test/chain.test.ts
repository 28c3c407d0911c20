import { describe, expect, it } from "vitest"
import { runCli } from "./runCli.ts"

describe("hashsim chain", () => {
  it("retarget prints the real new bits of height 810432 and its difficulty", () => {
    const result = runCli(["chain", "retarget", "--bits", "1704ed7f", "--first", "1695114421", "--last", "1696319769"])
    expect(result.stderr).toBe("")
    expect(result.status).toBe(0)
    expect(result.stdout).toBe("bits 1704e90f\ndifficulty 57321508229258.04\n")
  })

  it("answers bad bits with a usage error naming the flag (exit 2)", () => {
    const result = runCli(["chain", "retarget", "--bits", "nothex", "--first", "1", "--last", "2"])
    expect(result.status).toBe(2)
    expect(result.stderr).toContain("--bits")
  })

  it("lists the planned commands in --help", () => {
    const result = runCli(["--help"])
    expect(result.status).toBe(0)
    for (const command of ["validate", "replay", "run", "mc", "merge", "report", "check", "chain"]) {
      expect(result.stdout).toMatch(new RegExp(`^\\s+${command}\\s`, "m"))
    }
  })
})
