// @hashsim/economics: the economics kernel, pure functions over plain numbers (no Effect, no state): time units,
// money rounding, NPV, payback, depreciation, cost per BTC, hashprice, expected (FPPS) value, online hashrate.
// The ledger's monthly report and the simulator's outcome both compute with these, so they agree by construction.
export * from "./CostPerBtc.ts"
export * from "./Depreciation.ts"
export * from "./Fpps.ts"
export * from "./Hashprice.ts"
export * from "./Money.ts"
export * from "./Npv.ts"
export * from "./OnlineHashrate.ts"
export * from "./Payback.ts"
export * from "./Time.ts"
