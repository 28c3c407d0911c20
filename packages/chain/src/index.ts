// @hashsim/chain: Bitcoin consensus arithmetic, exact to Bitcoin Core. Pure TypeScript, no dependencies.
export * from "./ChainErrors.ts"
export * from "./Compact.ts"
export * from "./Constants.ts"
export * from "./Difficulty.ts"
export * from "./Hashrate.ts"
export * from "./Retarget.ts"
export * from "./Subsidy.ts"
export * from "./Work.ts"
