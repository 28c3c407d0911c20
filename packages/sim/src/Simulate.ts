// The simulator's two entry points over one engine run: the complete log of a path (for `hashsim run`), and
// the PathOutcome alone (for Monte Carlo, no events built). Same plan + seed + engine, same numbers in both.
import type { Source } from "@hashsim/ledger"
import { LogSink } from "./sinks/LogSink.ts"
import { copyOutcome, type PathOutcome } from "./outcome/PathOutcome.ts"
import { PathSimulator, type SimulatorOptions } from "./PathSimulator.ts"
import type { EngineKind, ScenarioPlan } from "./scenario/ScenarioPlan.ts"

/**
 * The model's version, recorded in every generated event's `source`. Bump it whenever the same scenario and
 * seed would give different bytes (a change of the model, not of the code around it), and say why in the commit.
 */
export const MODEL_VERSION = 5

export interface LogOptions extends SimulatorOptions {
  /** The hashsim version to record in `source` (the CLI passes its own). */
  readonly version?: string
  /** Stop at this time (seconds) instead of the scenario's horizon (`run --until`). */
  readonly untilS?: number
}

/** The outcome of path `seed` (a fresh object; reuse a PathSimulator to avoid allocating per path). */
export const simulateOutcome = (plan: ScenarioPlan, seed: number, engine: EngineKind = "aggregate"): PathOutcome =>
  copyOutcome(new PathSimulator(plan).run(seed, engine))

/** The complete log of path `seed` (sealed JSONL text) and its outcome. */
export const simulateLog = (
  plan: ScenarioPlan,
  seed: number,
  engine: EngineKind = "block",
  options: LogOptions = {}
): { readonly text: string; readonly outcome: PathOutcome } => {
  const source: Source = {
    by: "hashsim",
    ...(options.version === undefined ? {} : { version: options.version }),
    modelVersion: MODEL_VERSION,
    seed: String(seed),
    engine
  }
  const sink = new LogSink(plan, source)
  const outcome = copyOutcome(new PathSimulator(plan, options).run(seed, engine, sink))
  return { text: sink.finish(), outcome }
}
