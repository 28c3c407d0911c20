// @hashsim/sim: the seeded simulator — scenarios compiled to plans, the block and aggregate engines over one
// economics core, complete logs and per-path outcomes. See docs/ARCHITECTURE.md.
export * from "./random/index.ts"
export * from "./Calendar.ts"
export * from "./LogSink.ts"
export * from "./Money.ts"
export * from "./NumberRetarget.ts"
export * from "./PathOutcome.ts"
export * from "./PathSimulator.ts"
export * from "./Scenario.ts"
export * from "./ScenarioCompiler.ts"
export * from "./ScenarioPlan.ts"
export * from "./Simulate.ts"
export * from "./SimSink.ts"
