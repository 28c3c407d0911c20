#!/usr/bin/env node
// The `hashsim` command: assembles the subcommands and maps how they end to the exit codes of the CLI contract.
// Submodules, not the package's barrel: the barrel loads every platform service (HTTP, sockets...) at start-up.
// Each command module is a thin descriptor (arguments, flags, help) that imports the module doing its work only
// when it runs, so `--help` and each command load only what they need (the built CLI splits them into chunks).
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as NodeServices from "@effect/platform-node/NodeServices"
import { escapeControls } from "@hashsim/ledger/safe-text"
import { Effect } from "effect"
import { Command } from "effect/cli"
import { chainCommand } from "./commands/ChainCommand.ts"
import { checkCommand } from "./commands/CheckCommand.ts"
import { importCommand } from "./commands/ImportCommand.ts"
import { compileCommand, initCommand } from "./commands/CompileCommand.ts"
import { mcCommand } from "./commands/McCommand.ts"
import { compareCommand } from "./commands/CompareCommand.ts"
import { sweepCommand } from "./commands/SweepCommand.ts"
import { breakevenCommand } from "./commands/BreakevenCommand.ts"
import { mergeCommand } from "./commands/MergeCommand.ts"
import { replayCommand } from "./commands/ReplayCommand.ts"
import { reportCommand } from "./commands/ReportCommand.ts"
import { runCommand } from "./commands/RunCommand.ts"
import { validateCommand } from "./commands/ValidateCommand.ts"
import { exitCodeOf, reportFailure } from "./ExitCode.ts"
import { hashsimVersion } from "./Version.ts"

// One example a command, shown by `hashsim <command> --help` (kept here so the command modules stay as they are).
const example = (command: string, description: string) => Command.withExamples([{ command, description }])
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
    initCommand.pipe(example("hashsim init --out plan.yaml", "write the founding acquisition as a plan to edit")),
    compileCommand.pipe(example("hashsim compile plan.yaml --out scenario.jsonl", "the events a plan stands for")),
    validateCommand.pipe(example("hashsim validate --strict scenarios/cango-2024.yaml", "check a plan or log; warnings fail too")),
    replayCommand.pipe(example("hashsim replay run.jsonl --format csv", "the monthly report of a complete log")),
    runCommand.pipe(example("hashsim run scenarios/cango-2024.yaml --seed 1 --out run.jsonl", "one seeded path, its complete log and report")),
    mcCommand.pipe(example("hashsim mc scenarios/cango-2024.yaml --paths 10000 --seed 1 --out mc", "a Monte Carlo batch on every core")),
    compareCommand.pipe(example("hashsim compare scenarios/cango-2024.yaml scenarios/cango-2024-self-hosted.yaml --paths 1000 --seed 1", "two scenarios on the same path seeds, path by path")),
    sweepCommand.pipe(example("hashsim sweep scenarios/cango-2024.yaml --vary 'contracts.rate=$0.035/kWh..$0.075/kWh:5' --paths 1000 --seed 1", "a grid over a plan's keys, a batch per point")),
    breakevenCommand.pipe(example("hashsim breakeven scenarios/cango-2024.yaml --solve contracts.rate --target npv", "the hosting rate at which the median NPV is zero")),
    mergeCommand.pipe(example("hashsim merge mc-1 mc-2 mc-3 --out mc", "join the shards of `mc --shard k/N`")),
    reportCommand.pipe(example("hashsim report run.jsonl --out report.html", "an HTML report of a run (or of an mc folder, with --scenario)")),
    checkCommand.pipe(example("hashsim check --strict --seeds 3 scenarios/cango-2024.yaml", "the invariants CI checks")),
    chainCommand.pipe(example("hashsim chain bits --hashrate \"753 EH/s\"", "consensus arithmetic: retarget, subsidy, bits")),
    importCommand.pipe(example("hashsim import chain ../shared/data/chain/*.csv --scenario plan.jsonl --out hindcast.jsonl", "a plan plus real chain data: one scenario with the observed history"))
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
