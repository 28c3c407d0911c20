// `hashsim breakeven <plan> --solve <parameter> --target <metric>[=value]`: the value of one of the plan's
// parameters at which a target holds (median NPV = 0, probability of payback by the horizon = 50%, median all-in
// cost per BTC = the BTC price), found by a root finder over batches on the same master seed (common random numbers
// make the statistic a deterministic function of the parameter), with its standard error from the batch size: the
// statistic's standard error at the root divided by its sensitivity to the parameter.
// This module is the command's descriptor (arguments, flags, help); the work is in BreakevenHandler.ts, imported only
// when the command runs, so `hashsim --help` and the other commands load none of it.
import { Effect } from "effect"
import { Argument, Command, Flag } from "effect/cli"

export const breakevenConfig = {
  scenario: Argument.String("plan").pipe(Argument.withDescription("the plan (YAML)")),
  solve: Flag.String("solve").pipe(Flag.withDescription("the plan key path to solve for (contracts.rate, lots.price, btcPrice, market.price.drift...)")),
  target: Flag.String("target").pipe(Flag.withDescription("npv[=<usd>] (median NPV, default $0), payback[=<share>] (P(payback by the horizon), default 50%), cost[=<usd>] (median all-in cost per BTC, default btcPrice)")),
  bracket: Flag.optional(Flag.String("bracket").pipe(Flag.withDescription("<from>..<to> in the parameter's units; default: found by expansion from the plan's value"))),
  paths: Flag.String("paths").pipe(Flag.withDefault("1000"), Flag.withDescription("paths per evaluation (default 1000); the standard error shrinks as 1/sqrt(paths)")),
  seed: Flag.String("seed").pipe(Flag.withDefault("1"), Flag.withDescription("master seed (default 1), the same for every evaluation")),
  engine: Flag.Literals("engine", ["aggregate", "block"]).pipe(Flag.withDefault("aggregate" as const), Flag.withDescription("aggregate (default) or block")),
  workers: Flag.optional(Flag.Int("workers").pipe(Flag.withDescription("worker threads (default: all cores)")))
}

export const breakevenCommand = Command.make("breakeven", breakevenConfig, (args) =>
  Effect.flatMap(Effect.promise(() => import("./BreakevenHandler.ts")), (m) => m.breakevenHandler(args))
).pipe(Command.withDescription("Solve for the value of a plan parameter at which a target holds (median NPV = 0, payback 50%, cost per BTC = price)"))
