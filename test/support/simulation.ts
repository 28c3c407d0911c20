// Runs a generated scenario through the real pipeline — the ledger validates and compiles it, the simulator writes
// its complete log, the ledger validates that log — and hands the properties every piece.
import { type LogEntry, validateLogText } from "../../packages/ledger/src/index.ts"
import { type EngineKind, type PathOutcome, type ScenarioPlan, scenarioOfText, simulateLog } from "../../packages/sim/src/index.ts"

export interface SimulatedRun {
  readonly plan: ScenarioPlan
  readonly text: string
  readonly outcome: PathOutcome
  /** The log's entries as the ledger decoded them, LogSealed included. */
  readonly entries: ReadonlyArray<LogEntry>
  /** Problems the ledger found in the complete log (`line: field: message`). */
  readonly problems: ReadonlyArray<string>
}

export const simulate = (scenarioText: string, seed: number, engine: EngineKind): SimulatedRun => {
  const plan = scenarioOfText(scenarioText)
  const { text, outcome } = simulateLog(plan, seed, engine, { version: "test" })
  const entries: Array<LogEntry> = []
  const { problems } = validateLogText(text, { onEntry: (e) => entries.push(e) })
  return { plan, text, outcome, entries, problems: problems.map((p) => `${p.line}: ${p.field}: ${p.message}`) }
}
