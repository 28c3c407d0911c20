// xoshiro128** 1.1 (Blackman and Vigna 2018): 128 bits of state, 32-bit output, period 2^128 - 1.
// The runner-up candidate generator; kept so the benchmark and the tests can compare it with sfc32.
import { DOUBLE_UNIT, TWO_POW_32, type Rng } from "./Rng.ts"

export class Xoshiro128StarStar implements Rng {
  private s0: number
  private s1: number
  private s2: number
  private s3: number

  /** Raw state as the reference C code holds it (s[0..3]); it must not be all zero. */
  constructor(s0: number, s1: number, s2: number, s3: number) {
    if ((s0 | s1 | s2 | s3) === 0) throw new RangeError("xoshiro128** state must not be all zero")
    this.s0 = s0 | 0
    this.s1 = s1 | 0
    this.s2 = s2 | 0
    this.s3 = s3 | 0
  }

  nextU32(): number {
    const s1 = this.s1
    const m = Math.imul(s1, 5)
    const result = Math.imul((m << 7) | (m >>> 25), 9)
    const t = s1 << 9
    this.s2 ^= this.s0
    this.s3 ^= s1
    this.s1 = s1 ^ this.s2
    this.s0 ^= this.s3
    this.s2 ^= t
    const s3 = this.s3
    this.s3 = (s3 << 11) | (s3 >>> 21)
    return result >>> 0
  }

  nextDouble(): number {
    for (;;) {
      const hi = this.nextU32() >>> 11
      const lo = this.nextU32()
      const k = hi * TWO_POW_32 + lo
      if (k !== 0) return k * DOUBLE_UNIT
    }
  }
}
