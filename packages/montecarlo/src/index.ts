// @hashsim/montecarlo: batches of seeded paths on worker threads, shards and their merge, outcome tables and
// summaries. The simulator plugs in through PathRunner (see SimPathRunner.ts for the real one).
export * from "./Batch.ts"
export * from "./BatchFolder.ts"
export * from "./ColumnStats.ts"
export * from "./OutcomeCell.ts"
export * from "./OutcomesFile.ts"
export * from "./PathRunner.ts"
export * from "./PathSeed.ts"
export * from "./Shard.ts"
export * from "./Summary.ts"
export * from "./WorkerPool.ts"
export * from "./Merge.ts"
