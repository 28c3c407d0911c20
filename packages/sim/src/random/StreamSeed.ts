// Derives a generator's 128-bit starting state from (path seed, stream name) by hashing, at setup time only.
// Part of the reproducibility contract: the same seed and name give the same state, bit for bit, everywhere.
//
// Derivation (all arithmetic mod 2^64, BigInt):
//   nameHash = FNV-1a-64 over the UTF-8 bytes of the name (offset 0xcbf29ce484222325, prime 0x100000001b3)
//   key      = mix64(seed) XOR mix64(nameHash)
//   w_i      = mix64(key + i * 0x9e3779b97f4a7c15) for i = 1, 2   (two steps of splitmix64 from key)
//   state    = [low32(w_1), high32(w_1), low32(w_2), high32(w_2)]
// where mix64 is the splitmix64 finaliser (Stafford's variant 13):
//   z ^= z >>> 30; z *= 0xbf58476d1ce4e5b9; z ^= z >>> 27; z *= 0x94d049bb133111eb; z ^= z >>> 31.
// Hashing (rather than counting streams 0, 1, 2, ...) is what lets a new stream be added without shifting others.
// The seed rule and splitmix64 are Seed.ts's.

import { checkSeed, mix64, splitmix64At } from "./Seed.ts"

const MASK64 = (1n << 64n) - 1n
const FNV_OFFSET = 0xcbf29ce484222325n
const FNV_PRIME = 0x100000001b3n

/** FNV-1a, 64-bit, over the UTF-8 bytes of `text`. */
export const fnv1a64 = (text: string): bigint => {
  let h = FNV_OFFSET
  for (const byte of new TextEncoder().encode(text)) {
    h = ((h ^ BigInt(byte)) * FNV_PRIME) & MASK64
  }
  return h
}

/** The 64-bit key of (seed, name): mix64(seed) XOR mix64(FNV-1a-64(name)). */
export const streamKey = (seed: number, name: string): bigint => {
  checkSeed(seed)
  return mix64(BigInt(seed)) ^ mix64(fnv1a64(name))
}

/** Four 32-bit words (unsigned) of starting state for the stream `name` of path seed `seed`. */
export const streamState = (seed: number, name: string): readonly [number, number, number, number] => {
  const key = streamKey(seed, name)
  const w1 = splitmix64At(key, 1)
  const w2 = splitmix64At(key, 2)
  return [
    Number(w1 & 0xffffffffn),
    Number(w1 >> 32n),
    Number(w2 & 0xffffffffn),
    Number(w2 >> 32n)
  ]
}
