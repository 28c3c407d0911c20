// Consensus arithmetic speed: how many retargets and work computations per second (bigint), median of 5 runs.
import { nextWorkRequired, workForBits } from "../src/index.ts"

const median = (xs: Array<number>): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN

const opsPerSecond = (n: number, f: (i: number) => unknown): number => {
  const runs: Array<number> = []
  for (let r = 0; r < 5; r++) {
    const start = process.hrtime.bigint()
    for (let i = 0; i < n; i++) f(i)
    runs.push(n / (Number(process.hrtime.bigint() - start) / 1e9))
  }
  return median(runs)
}

const retargets = opsPerSecond(100_000, (i) => nextWorkRequired({ bits: 0x17053894, firstBlockTime: 1_700_000_000, lastBlockTime: 1_701_200_000 + i }))
const work = opsPerSecond(100_000, (i) => workForBits(0x17053894 + (i & 0xff)))
console.log(`chain: nextWorkRequired ${(retargets / 1e3).toFixed(0)}k/s, workForBits ${(work / 1e3).toFixed(0)}k/s (median of 5)`)
