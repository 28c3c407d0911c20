#!/usr/bin/env node
// The `hashsim` command: assembles the subcommands and maps how they end to the exit codes of the CLI contract.
// Submodules, not the package's barrel: the barrel loads every platform service (HTTP, sockets...) at start-up.
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as NodeServices from "@effect/platform-node/NodeServices"
import { escapeControls } from "@hashsim/ledger"
import { Effect } from "effect"
import { Command } from "effect/cli"
import { chainCommand } from "./commands/ChainCommand.ts"
import { checkCommand } from "./commands/CheckCommand.ts"
import { mcCommand } from "./commands/McCommand.ts"
import { mergeCommand } from "./commands/MergeCommand.ts"
import { replayCommand } from "./commands/ReplayCommand.ts"
import { reportCommand } from "./commands/ReportCommand.ts"
import { runCommand } from "./commands/RunCommand.ts"
import { validateCommand } from "./commands/ValidateCommand.ts"
import { exitCodeOf, reportFailure } from "./ExitCode.ts"
import { hashsimVersion } from "./Version.ts"

// Every byte the CLI prints passes one filter: control and bidi characters that came from input (ids, names, paths)
// are escaped (SafeText), so a scenario cannot drive the terminal or disguise a message; newlines, tabs and the
// progress line's carriage return stay.
for (const stream of [process.stdout, process.stderr]) {
  const write = stream.write.bind(stream) as (chunk: unknown, ...rest: Array<unknown>) => boolean
  stream.write = ((chunk: unknown, ...rest: Array<unknown>) =>
    write(typeof chunk === "string" ? escapeControls(chunk, "layout") : chunk, ...rest)) as typeof stream.write
}

const hashsim = Command.make("hashsim").pipe(
  Command.withDescription("Event-sourced simulator of Bitcoin mining hosting contracts"),
  Command.withSubcommands([
    validateCommand,
    replayCommand,
    runCommand,
    mcCommand,
    mergeCommand,
    reportCommand,
    checkCommand,
    chainCommand
  ])
)

const program = Command.run(hashsim, { version: hashsimVersion }).pipe(
  Effect.exit,
  Effect.tap(reportFailure),
  Effect.map(exitCodeOf),
  Effect.provide(NodeServices.layer)
)

NodeRuntime.runMain(
  Effect.flatMap(program, (code) => Effect.sync(() => { process.exitCode = code })),
  { disableErrorReporting: true }
)
