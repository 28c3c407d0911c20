// @hashsim/testkit (private, for tests only): the helpers several packages' tests share, so no test imports another
// package's test/ folder. Statistics (goodness of fit with stated significance), generated valid scenarios for
// the cross-package properties, small engine-test scenarios as JSONL text, and the command line of the built CLI. Depends on chain only, so any
// package's tests may use it without a cycle.
export * from "./ScenarioArbitrary.ts"
export * from "./Stats.ts"
export * from "./TestScenarioText.ts"
export * from "./HashsimCli.ts"
export * from "./Median.ts"
