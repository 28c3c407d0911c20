// The engine alone, for Monte Carlo workers: PathSimulator and its outcome over a compiled ScenarioPlan, without
// the ledger (and so without Effect), which keeps a worker's start-up to the engine's own modules.
export * from "./outcome/PathOutcome.ts"
export * from "./PathSimulator.ts"
export type * from "./scenario/ScenarioPlan.ts"
export * from "./engine/JitFlags.ts"
