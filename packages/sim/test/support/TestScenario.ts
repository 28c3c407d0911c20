// Small scenarios built in code for the engine tests, compiled (the text is @hashsim/testkit's), and the null sink.
import { type TestScenarioOptions, testScenarioText } from "@hashsim/testkit"
import { scenarioOfText } from "../../src/scenario/Scenario.ts"
import type { ScenarioPlan } from "../../src/scenario/ScenarioPlan.ts"

export { NullSink } from "../../src/sinks/NullSink.ts"
export { EQUILIBRIUM_INTERVAL_S, type TestScenarioOptions, testScenarioText } from "@hashsim/testkit"

export const testScenario = (o: TestScenarioOptions): ScenarioPlan => scenarioOfText(testScenarioText(o).text)

