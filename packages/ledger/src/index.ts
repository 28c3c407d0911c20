// @hashsim/ledger: the event catalogue, the log format and store, the decider and the projections.
export * from "./AtomicFile.ts"
export * from "./Catalogue.ts"
export * from "./Envelope.ts"
export * from "./LogWriter.ts"
export * from "./Time.ts"
export * from "./Units.ts"
