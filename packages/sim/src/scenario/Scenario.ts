// Reading a scenario: the ledger validates the log (schema, order, chain, decider rules) and only a log without
// problems is compiled into a ScenarioPlan, so an invalid scenario is refused before any simulation starts.
import { type LogEntry, validateLogText } from "@hashsim/ledger"
import { compileScenario, ScenarioInvalidError } from "./ScenarioCompiler.ts"
import type { PlanEvent, ScenarioPlan } from "./ScenarioPlan.ts"

/** A decoded log entry as a plan event, its line being its `seq`. */
export const planEventOf = (entry: LogEntry): PlanEvent => ({ ...entry, line: entry.seq })

/** Validates and compiles the text of a scenario log; throws ScenarioInvalidError listing every problem. */
export const scenarioOfText = (text: string | Buffer): ScenarioPlan => {
  const events: Array<PlanEvent> = []
  const { problems } = validateLogText(text, { onEntry: (entry) => events.push(planEventOf(entry)) })
  if (problems.length > 0) throw new ScenarioInvalidError(problems)
  return compileScenario(events)
}
