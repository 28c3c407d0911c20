// A named random stream of every path, its name hashed once when the simulator is built: per path, `open(seed)`
// reseeds the stream's one generator in place, by StreamSeed.ts's derivation (the reproducibility contract), done
// in 32-bit halves instead of BigInt so a path's streams cost no allocation (the BigInt form took ~4% of a path).
// Tested equal to streamState for every stream name over many seeds.
import { Sfc32 } from "./Sfc32.ts"
import { checkSeed, GOLDEN_GAMMA, mix64 } from "./Seed.ts"
import { fnv1a64 } from "./StreamSeed.ts"
import { SFC32_WARMUP } from "./Streams.ts"

const TWO_POW_32 = 4294967296
const hi32 = (x: bigint): number => Number((x >> 32n) & 0xffffffffn)
const lo32 = (x: bigint): number => Number(x & 0xffffffffn)
// splitmix64's finaliser constants and its steps 1 and 2 (i x GOLDEN_GAMMA mod 2^64), as 32-bit halves.
const M1_HI = 0xbf58476d
const M1_LO = 0x1ce4e5b9
const M2_HI = 0x94d049bb
const M2_LO = 0x133111eb
const G1 = GOLDEN_GAMMA & 0xffffffffffffffffn
const G2 = (2n * GOLDEN_GAMMA) & 0xffffffffffffffffn
const G1_HI = hi32(G1)
const G1_LO = lo32(G1)
const G2_HI = hi32(G2)
const G2_LO = lo32(G2)

// The 64-bit word being mixed, as unsigned 32-bit halves (module state: nothing allocated per call).
let zHi = 0
let zLo = 0

/** z = z x (mHi, mLo) mod 2^64. The low words' full 64-bit product from 16-bit pieces (each exact in a double). */
const mulBy = (mHi: number, mLo: number): void => {
  const a0 = zLo & 0xffff
  const a1 = zLo >>> 16
  const b0 = mLo & 0xffff
  const b1 = mLo >>> 16
  const p00 = a0 * b0
  const p01 = a0 * b1
  const p10 = a1 * b0
  const mid = (p00 >>> 16) + (p01 & 0xffff) + (p10 & 0xffff)
  const lo = (((mid & 0xffff) << 16) | (p00 & 0xffff)) >>> 0
  const carry = a1 * b1 + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16)
  zHi = (carry + Math.imul(zHi, mLo) + Math.imul(zLo, mHi)) >>> 0
  zLo = lo
}

/** z ^= z >>> s, for 0 < s < 32. */
const xorShift = (s: number): void => {
  zLo = (zLo ^ ((zLo >>> s) | (zHi << (32 - s)))) >>> 0
  zHi = (zHi ^ (zHi >>> s)) >>> 0
}

/** Seed.ts's mix64, on z. */
const mix = (): void => {
  xorShift(30)
  mulBy(M1_HI, M1_LO)
  xorShift(27)
  mulBy(M2_HI, M2_LO)
  xorShift(31)
}

/** z = key + (gHi, gLo) mod 2^64. */
const setSum = (kHi: number, kLo: number, gHi: number, gLo: number): void => {
  const lo = kLo + gLo
  const carry = lo >= TWO_POW_32 ? 1 : 0
  zLo = lo >>> 0
  zHi = (kHi + gHi + carry) >>> 0
}

// mix64(seed) of the last seed opened: every stream of a path shares it.
let lastSeed = -1
let seedMixHi = 0
let seedMixLo = 0

export class NamedStream {
  /** The stream's generator: the same object on every path, reseeded by `open`. */
  readonly rng = new Sfc32(0, 0, 0, 0)
  /** mix64(FNV-1a-64(name)), as 32-bit halves. */
  private readonly nameHi: number
  private readonly nameLo: number

  constructor(readonly name: string) {
    const m = mix64(fnv1a64(name))
    this.nameHi = hi32(m)
    this.nameLo = lo32(m)
  }

  /** The generator of this stream for path seed `seed`, as rngFor(seed, name) makes it (warm-up included). */
  open(seed: number): Sfc32 {
    if (seed !== lastSeed) {
      checkSeed(seed)
      zHi = Math.floor(seed / TWO_POW_32)
      zLo = seed >>> 0
      mix()
      seedMixHi = zHi
      seedMixLo = zLo
      lastSeed = seed
    }
    const kHi = (seedMixHi ^ this.nameHi) >>> 0
    const kLo = (seedMixLo ^ this.nameLo) >>> 0
    setSum(kHi, kLo, G1_HI, G1_LO)
    mix()
    const aLo = zLo
    const aHi = zHi
    setSum(kHi, kLo, G2_HI, G2_LO)
    mix()
    const rng = this.rng
    rng.reseed(aLo, aHi, zLo, zHi)
    for (let i = 0; i < SFC32_WARMUP; i++) rng.nextU32()
    return rng
  }
}
