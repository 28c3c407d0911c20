import { Cause, Exit } from "effect"
import { CliError } from "effect/cli"
import { describe, expect, it } from "vitest"
import { exitCodeOf, InputRejectedError, UsageError } from "../src/ExitCode.ts"

describe("exitCodeOf", () => {
  it("maps success, failed input, usage errors and interrupts to 0, 1, 2 and 130", () => {
    expect(exitCodeOf(Exit.succeed(undefined))).toBe(0)
    expect(exitCodeOf(Exit.fail(new InputRejectedError({ message: "bad line" })))).toBe(1)
    expect(exitCodeOf(Exit.fail(new UsageError({ message: "--paths must be positive" })))).toBe(2)
    expect(exitCodeOf(Exit.failCause(Cause.interrupt()))).toBe(130)
  })

  it("treats a help request as success and a parse error shown with help as a usage error", () => {
    expect(exitCodeOf(Exit.fail(new CliError.ShowHelp({ commandPath: ["hashsim"], errors: [] })))).toBe(0)
    const unknown = new CliError.UnknownSubcommand({ subcommand: "bogus", parent: ["hashsim"], suggestions: [] })
    expect(exitCodeOf(Exit.fail(new CliError.ShowHelp({ commandPath: ["hashsim"], errors: [unknown] })))).toBe(2)
  })

  it("counts a defect as a failure, never as success", () => {
    expect(exitCodeOf(Exit.die(new Error("boom")))).toBe(1)
  })
})
