// Which slice of a batch's paths one process runs: shard k of N (k from 1, as vitest's and Playwright's --shard)
// is the contiguous range [floor((k-1)P/N), floor(kP/N)) of path indices; an empty shard is legal.
// Job-array schedulers pick k through JOB_COMPLETION_INDEX (Kubernetes, from 0) or SLURM_ARRAY_TASK_ID.
import { Data } from "effect"

export interface Shard {
  /** 1-based shard number. */
  readonly index: number
  readonly count: number
}

export interface PathRange {
  /** First path index (inclusive). */
  readonly start: number
  /** One past the last path index (exclusive). */
  readonly end: number
}

/** The whole batch as one shard. */
export const wholeBatch: Shard = { index: 1, count: 1 }

/** A problem with a shard specification, worded for the person who typed it. */
export class ShardSpecInvalidError extends Data.TaggedError("ShardSpecInvalidError")<{ readonly message: string }> {}

const positiveInt = /^[1-9][0-9]*$/

/** Parses `k/N` with 1 <= k <= N. */
export const parseShard = (text: string): Shard => {
  const parts = text.trim().split("/")
  const [k, n] = parts
  if (parts.length !== 2 || k === undefined || n === undefined || !positiveInt.test(k) || !positiveInt.test(n)) {
    throw new ShardSpecInvalidError({ message: `--shard must look like k/N with whole numbers from 1 (e.g. 2/7), got "${text}"` })
  }
  const index = Number(k)
  const count = Number(n)
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(count) || index > count) {
    throw new ShardSpecInvalidError({ message: `--shard ${text}: shard number ${k} is outside 1..${n}` })
  }
  return { index, count }
}

/** The path indices shard `shard` runs out of `paths`. */
export const shardRange = (paths: number, shard: Shard): PathRange => ({
  start: Math.floor(((shard.index - 1) * paths) / shard.count),
  end: Math.floor((shard.index * paths) / shard.count)
})

export interface ShardSelection {
  readonly shard?: string | undefined
  readonly shards?: number | undefined
  readonly env: Readonly<Record<string, string | undefined>>
}

/**
 * The shard to run: `--shard k/N` if given; otherwise, with `--shards N`, the job-array index from
 * JOB_COMPLETION_INDEX (k = index + 1) or SLURM_ARRAY_TASK_ID (k = id - SLURM_ARRAY_TASK_MIN + 1);
 * otherwise the whole batch.
 */
export const selectShard = (selection: ShardSelection): Shard => {
  const { shard, shards, env } = selection
  if (shard !== undefined) {
    if (shards !== undefined) throw new ShardSpecInvalidError({ message: "give either --shard k/N or --shards N, not both" })
    return parseShard(shard)
  }
  if (shards === undefined) return wholeBatch
  if (!Number.isSafeInteger(shards) || shards < 1) throw new ShardSpecInvalidError({ message: `--shards must be a whole number from 1, got ${shards}` })
  const fromEnv = (name: string): number => {
    const raw = env[name] ?? ""
    if (!/^[0-9]+$/.test(raw.trim())) throw new ShardSpecInvalidError({ message: `${name}="${raw}" is not a non-negative whole number` })
    return Number(raw.trim())
  }
  let index: number
  let source: string
  if (env["JOB_COMPLETION_INDEX"] !== undefined && env["JOB_COMPLETION_INDEX"] !== "") {
    index = fromEnv("JOB_COMPLETION_INDEX") + 1
    source = `JOB_COMPLETION_INDEX=${env["JOB_COMPLETION_INDEX"]}`
  } else if (env["SLURM_ARRAY_TASK_ID"] !== undefined && env["SLURM_ARRAY_TASK_ID"] !== "") {
    const min = env["SLURM_ARRAY_TASK_MIN"] === undefined || env["SLURM_ARRAY_TASK_MIN"] === "" ? 0 : fromEnv("SLURM_ARRAY_TASK_MIN")
    index = fromEnv("SLURM_ARRAY_TASK_ID") - min + 1
    source = `SLURM_ARRAY_TASK_ID=${env["SLURM_ARRAY_TASK_ID"]} (SLURM_ARRAY_TASK_MIN=${min})`
  } else {
    throw new ShardSpecInvalidError({ message: "--shards N needs JOB_COMPLETION_INDEX (Kubernetes Indexed Job) or SLURM_ARRAY_TASK_ID (Slurm array) in the environment, or use --shard k/N" })
  }
  if (index < 1 || index > shards) throw new ShardSpecInvalidError({ message: `${source} selects shard ${index}, outside 1..${shards}` })
  return { index, count: shards }
}

/** `k/N` as typed on the command line. */
export const formatShard = (shard: Shard): string => `${shard.index}/${shard.count}`
