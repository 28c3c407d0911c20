// @hashsim/plan: plans in human units (YAML) compiled to the catalogue's plan events, the units they are written
// in, the start network from chain data or a hashrate, and plausibility warnings on any scenario.
export * from "./ChainDataFiles.ts"
export * from "./CurtailmentRule.ts"
export * from "./PlanCompiler.ts"
export * from "./PlanProblem.ts"
export * from "./ScenarioText.ts"
export * from "./StartNetwork.ts"
export * from "./Units.ts"
export * from "./Plausibility.ts"
export * from "./PlanTemplate.ts"
export * from "./PlanParameters.ts"
