// sfc32 (Chris Doty-Humphrey's "small fast chaotic" generator, from PractRand): 128 bits of state, 32-bit
// output, period at least 2^32 from its counter. The generator of hashsim's streams (see Streams.ts for why).
import type { Rng } from "./Rng.ts"

// Local copies of Rng.ts's constants: an imported binding can compile to a getter call per draw when a
// consumer loads this module as CommonJS (measured: 5x slower doubles), a module-local const cannot.
const DOUBLE_UNIT = 1.1102230246251565e-16 // 2^-53
const TWO_POW_32 = 4294967296

export class Sfc32 implements Rng {
  // State in an Int32Array, not in four number fields: V8 then keeps every load and store an untagged int32.
  // Declared class fields start as `undefined`, and a field that held undefined boxes every later store of a
  // 32-bit value in a new heap number (measured: 209 M words/s with fields, 710 M/s with the array).
  private readonly s: Int32Array

  /** Raw state, as the reference C code holds it (a, b, c and the counter d), no warm-up. */
  constructor(a: number, b: number, c: number, d: number) {
    this.s = new Int32Array([a | 0, b | 0, c | 0, d | 0])
  }

  /** The same generator restarted from raw state (a NamedStream reuses one generator for every path). */
  reseed(a: number, b: number, c: number, d: number): void {
    const s = this.s
    s[0] = a | 0
    s[1] = b | 0
    s[2] = c | 0
    s[3] = d | 0
  }

  nextU32(): number {
    const s = this.s
    const a = s[0]!
    const b = s[1]!
    const c = s[2]!
    const d = s[3]!
    const t = (((a + b) | 0) + d) | 0
    s[3] = (d + 1) | 0
    s[0] = b ^ (b >>> 9)
    s[1] = (c + (c << 3)) | 0
    s[2] = (((c << 21) | (c >>> 11)) + t) | 0
    return t >>> 0
  }

  nextDouble(): number {
    for (;;) {
      const hi = this.nextU32() >>> 11
      const lo = this.nextU32()
      const k = hi * TWO_POW_32 + lo
      if (k !== 0) return k * DOUBLE_UNIT
    }
  }

  /** A copy with the same state: the copy and the original then produce the same sequence. */
  clone(): Sfc32 {
    const s = this.s
    return new Sfc32(s[0]!, s[1]!, s[2]!, s[3]!)
  }
}
