// `hashsim sweep <plan> --vary <parameter>=<values> [--vary ...]`: a grid over a plan's own keys (every combination
// of the values), one Monte Carlo batch per point on the same master seed (common random numbers: the points differ
// only by the parameters), one row per point with the statistics a decision needs. Printed as a table; with --out a
// sealed folder: sweep.csv (or sweep.parquet), sweep.json and each point's mc folder under points/.
// This module is the command's descriptor (arguments, flags, help); the work is in SweepHandler.ts, imported only
// when the command runs, so `hashsim --help` and the other commands load none of it.
import { Effect } from "effect"
import { Argument, Command, Flag } from "effect/cli"

export const sweepConfig = {
  scenario: Argument.String("plan").pipe(Argument.withDescription("the plan (YAML) to vary")),
  vary: Flag.String("vary").pipe(Flag.atLeast(1), Flag.withDescription("<parameter>=<values>: a plan key path (contracts.rate, market.price.drift, lots.efficiency, pool.fee...) and values in the plan's units, a,b,c or from..to:count")),
  paths: Flag.String("paths").pipe(Flag.withDefault("1000"), Flag.withDescription("paths per point (default 1000)")),
  seed: Flag.String("seed").pipe(Flag.withDefault("1"), Flag.withDescription("master seed (default 1), the same for every point")),
  out: Flag.optional(Flag.String("out").pipe(Flag.withDescription("output folder: sweep.csv (or .parquet), sweep.json, points/NNN mc folders, manifest.json"))),
  format: Flag.Literals("format", ["csv", "parquet"]).pipe(Flag.withDefault("csv" as const), Flag.withDescription("the sweep table and the points' outcomes as csv (default) or parquet")),
  engine: Flag.Literals("engine", ["aggregate", "block"]).pipe(Flag.withDefault("aggregate" as const), Flag.withDescription("aggregate (default) or block")),
  workers: Flag.optional(Flag.Int("workers").pipe(Flag.withDescription("worker threads (default: all cores); outputs do not depend on it")))
}

export const sweepCommand = Command.make("sweep", sweepConfig, (args) =>
  Effect.flatMap(Effect.promise(() => import("./SweepHandler.ts")), (m) => m.sweepHandler(args))
).pipe(Command.withDescription("Sweep a grid of a plan's parameters, a Monte Carlo batch per point on the same seeds, one row per point"))
