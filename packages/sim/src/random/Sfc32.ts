// sfc32 (Chris Doty-Humphrey's "small fast chaotic" generator, PractRand): 128 bits of state, 32-bit output,
// period at least 2^32 thanks to its counter. The generator hashsim's streams use (see Streams.ts for why).
import { DOUBLE_UNIT, TWO_POW_32, type Rng } from "./Rng.ts"

export class Sfc32 implements Rng {
  private a: number
  private b: number
  private c: number
  private d: number

  /** Raw state, exactly as the reference C code holds it (a, b, c and the counter d), no warm-up. */
  constructor(a: number, b: number, c: number, d: number) {
    this.a = a | 0
    this.b = b | 0
    this.c = c | 0
    this.d = d | 0
  }

  nextU32(): number {
    const a = this.a
    const b = this.b
    const c = this.c
    const d = this.d
    const t = (((a + b) | 0) + d) | 0
    this.d = (d + 1) | 0
    this.a = b ^ (b >>> 9)
    this.b = (c + (c << 3)) | 0
    this.c = (((c << 21) | (c >>> 11)) + t) | 0
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
    return new Sfc32(this.a, this.b, this.c, this.d)
  }
}
