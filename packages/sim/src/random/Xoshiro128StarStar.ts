// xoshiro128** 1.1 (Blackman and Vigna 2018): 128 bits of state, 32-bit output, period 2^128 - 1.
// The runner-up candidate generator; kept so the benchmark and the tests can compare it with sfc32.
import type { Rng } from "./Rng.ts"

// Local copies of Rng.ts's constants: an imported binding can compile to a getter call per draw when a
// consumer loads this module as CommonJS (measured: 5x slower doubles), a module-local const cannot.
const DOUBLE_UNIT = 1.1102230246251565e-16 // 2^-53
const TWO_POW_32 = 4294967296

/** An all-zero xoshiro state: the one state the generator never leaves. */
export class GeneratorStateInvalidError extends Error {
  readonly _tag = "GeneratorStateInvalidError"
  constructor(readonly generator: string) {
    super(`${generator}: the state must not be all zero`)
    this.name = "GeneratorStateInvalidError"
  }
}

export class Xoshiro128StarStar implements Rng {
  // Int32Array state for the same reason as Sfc32's: untagged int32 loads and stores.
  private readonly s: Int32Array

  /** Raw state as the reference C code holds it (s[0..3]); it must not be all zero. */
  constructor(s0: number, s1: number, s2: number, s3: number) {
    if ((s0 | s1 | s2 | s3) === 0) throw new GeneratorStateInvalidError("xoshiro128**")
    this.s = new Int32Array([s0 | 0, s1 | 0, s2 | 0, s3 | 0])
  }

  nextU32(): number {
    const s = this.s
    const s0 = s[0]!
    const s1 = s[1]!
    const m = Math.imul(s1, 5)
    const result = Math.imul((m << 7) | (m >>> 25), 9)
    const s2 = s[2]! ^ s0
    const s3 = s[3]! ^ s1
    s[1] = s1 ^ s2
    s[0] = s0 ^ s3
    s[2] = s2 ^ (s1 << 9)
    s[3] = (s3 << 11) | (s3 >>> 21)
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
