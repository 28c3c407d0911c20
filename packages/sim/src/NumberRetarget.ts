// The mainnet retarget and the work per block in plain doubles, for the hot loop: @hashsim/chain's bigint
// versions cost ~2 us a retarget, which alone would exceed the aggregate engine's budget per path-day. Every
// intermediate here is an integer below 2^53 or an exact power-of-two scaling, so the result is the same
// compact bits as chain's nextWorkRequired (property-tested against it, and on every real mainnet retarget);
// anything outside the fast path's range (tiny targets, the powLimit cap) is delegated to chain itself.
import { MAX_TIMESPAN_S, MIN_TIMESPAN_S, nextWorkRequired, POW_LIMIT_BITS, TARGET_TIMESPAN_S, workForBits } from "@hashsim/chain"

const TWO_POW_24 = 16_777_216
const TWO_POW_16 = 65_536

/** 2^k for integer k in [-64, 320], exact (a table is much cheaper than Math.pow in the hot loop). */
const POW2_OFFSET = 64
const POW2 = new Float64Array(385)
for (let k = -POW2_OFFSET; k <= 320; k++) POW2[k + POW2_OFFSET] = 2 ** k
const pow2 = (k: number): number => POW2[k + POW2_OFFSET]!

/** floor(a / d) for non-negative integers a < 2^53 and d > 0 (a double quotient could round up to an integer). */
const floorDiv = (a: number, d: number): number => {
  let q = Math.floor(a / d)
  if (q * d > a) q -= 1
  else if ((q + 1) * d <= a) q += 1
  return q
}

/**
 * Compact bits of the epoch after one with `bits`, first and last block times: Bitcoin Core's
 * CalculateNextWorkRequired exactly (timespan clamped to [302400, 4838400], new = old * timespan / 1209600 with
 * integer division, capped at powLimit, encoded by GetCompact).
 */
export const retargetBits = (bits: number, firstBlockTime: number, lastBlockTime: number): number => {
  const size = bits >>> 24
  const mantissa = bits & 0x007fffff
  let span = lastBlockTime - firstBlockTime
  if (span < MIN_TIMESPAN_S) span = MIN_TIMESPAN_S
  if (span > MAX_TIMESPAN_S) span = MAX_TIMESPAN_S
  // Fast path: a normal-sized positive target whose result cannot reach powLimit's neighbourhood.
  if (size < 4 || size > 0x1c || (bits & 0x00800000) !== 0 || mantissa === 0) {
    return nextWorkRequired({ bits, firstBlockTime, lastBlockTime })
  }
  const product = mantissa * span // exact: < 2^23 * 2^23
  const exponentBits = 8 * (size - 3) // old target = mantissa * 2^exponentBits
  // New target V = product * 2^exponentBits / TIMESPAN (a real number); its compact mantissa is
  // floor(V / 256^(newSize-3)) because flooring V first and then dropping whole bytes is the same as flooring once.
  // The clamped timespan moves the target by at most a factor of 4, so the new size is the old one give or take
  // a byte; the loop below settles it.
  let newSize = size
  let m = 0
  for (let guard = 0; guard < 4; guard++) {
    const shift = exponentBits - 8 * (newSize - 3)
    m = shift >= 0 ? floorDiv(product * pow2(shift), TARGET_TIMESPAN_S) : floorDiv(product, TARGET_TIMESPAN_S * pow2(-shift))
    if (m >= TWO_POW_24) newSize += 1
    else if (m < TWO_POW_16 && newSize > 3) newSize -= 1
    else break
  }
  if (newSize < 4 || newSize > 0x1c) return nextWorkRequired({ bits, firstBlockTime, lastBlockTime })
  if ((m & 0x00800000) !== 0) {
    m = Math.floor(m / 256)
    newSize += 1
  }
  const out = ((newSize << 24) | m) >>> 0
  return newSize > 0x1d || (newSize === 0x1d && m > 0x00ffff) ? POW_LIMIT_BITS : out
}

/**
 * Expected hashes per block at `bits` as a double, for the block rate: 2^(256 - 8(size-3)) / mantissa, one
 * correctly rounded division. For targets below 2^192 (size <= 0x18; mainnet's are near 2^177) chain's exact
 * 2^256 / (target + 1), floored, is within one unit of that quotient, so the two doubles are equal or, when the
 * quotient sits within one unit of a rounding midpoint, one ulp (2^-52) apart — immaterial to a rate, and
 * deterministic. Larger targets (where the floor matters) go through chain's bigint, Number(workForBits(bits)).
 */
export const workOfBits = (bits: number): number => {
  const size = bits >>> 24
  const mantissa = bits & 0x007fffff
  if (size < 0x0c || size > 0x18 || (bits & 0x00800000) !== 0 || mantissa === 0) return Number(workForBits(bits))
  return pow2(256 - 8 * (size - 3)) / mantissa
}
