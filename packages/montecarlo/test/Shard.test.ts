import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { parseShard, selectShard, shardRange } from "../src/index.ts"

describe("shards", () => {
  it("parses k/N with k from 1 to N", () => {
    expect(parseShard("1/1")).toEqual({ index: 1, count: 1 })
    expect(parseShard("3/7")).toEqual({ index: 3, count: 7 })
    for (const bad of ["3/2", "0/2", "1/0", "a/b", "1", "1/2/3", "-1/2", "1.5/2", ""]) expect(() => parseShard(bad)).toThrow(/--shard/)
    expect(() => parseShard("3/2")).toThrow("--shard 3/2: shard number 3 is outside 1..2")
  })

  it("tiles 0..paths-1 with contiguous ranges, in order, without gaps or overlaps (empty shards allowed)", () => {
    fc.assert(fc.property(fc.nat({ max: 10_000 }), fc.integer({ min: 1, max: 50 }), (paths, count) => {
      let next = 0
      for (let index = 1; index <= count; index++) {
        const { start, end } = shardRange(paths, { index, count })
        expect(start).toBe(next)
        expect(end).toBeGreaterThanOrEqual(start)
        expect(end - start).toBeLessThanOrEqual(Math.ceil(paths / count))
        next = end
      }
      expect(next).toBe(paths)
    }))
    expect(shardRange(10, { index: 3, count: 3 })).toEqual({ start: 6, end: 10 })
  })

  it("takes the shard from JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID when only --shards is given", () => {
    expect(selectShard({ env: {} })).toEqual({ index: 1, count: 1 })
    expect(selectShard({ shard: "2/5", env: { JOB_COMPLETION_INDEX: "0" } })).toEqual({ index: 2, count: 5 })
    expect(selectShard({ shards: 5, env: { JOB_COMPLETION_INDEX: "0" } })).toEqual({ index: 1, count: 5 })
    expect(selectShard({ shards: 5, env: { JOB_COMPLETION_INDEX: "4" } })).toEqual({ index: 5, count: 5 })
    expect(selectShard({ shards: 4, env: { SLURM_ARRAY_TASK_ID: "12", SLURM_ARRAY_TASK_MIN: "10" } })).toEqual({ index: 3, count: 4 })
    expect(selectShard({ shards: 4, env: { SLURM_ARRAY_TASK_ID: "0", SLURM_ARRAY_TASK_MIN: "0" } })).toEqual({ index: 1, count: 4 })
    expect(() => selectShard({ shards: 5, env: { JOB_COMPLETION_INDEX: "5" } })).toThrow("JOB_COMPLETION_INDEX=5 selects shard 6, outside 1..5")
    expect(() => selectShard({ shards: 4, env: { SLURM_ARRAY_TASK_ID: "1", SLURM_ARRAY_TASK_MIN: "2" } })).toThrow(/outside 1..4/)
    expect(() => selectShard({ shards: 3, env: {} })).toThrow(/JOB_COMPLETION_INDEX/)
    expect(() => selectShard({ shards: 0, env: { JOB_COMPLETION_INDEX: "0" } })).toThrow(/--shards/)
    expect(() => selectShard({ shard: "1/2", shards: 2, env: {} })).toThrow(/not both/)
  })
})
