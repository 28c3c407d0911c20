// @hashsim/history: real chain data (retarget and headers CSVs, monthly fees, bitcoin-cli JSON lines) read and
// checked to the line, and turned into the observed events of a scenario (`hashsim import chain`).
export * from "./Cells.ts"
export * from "./ChainData.ts"
export * from "./Csv.ts"
export * from "./DataProblem.ts"
export * from "./Fees.ts"
export * from "./Headers.ts"
export * from "./JsonLines.ts"
export * from "./Records.ts"
export * from "./RetargetCsv.ts"
export * from "./ScenarioImport.ts"
