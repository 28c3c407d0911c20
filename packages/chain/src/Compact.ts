// The compact nBits encoding of a 256-bit target, exactly as Bitcoin Core's arith_uint256 SetCompact / GetCompact.
import { BitsInvalidError, requireBits, TargetInvalidError } from "./ChainErrors.ts"
import { TWO_POW_256 } from "./Constants.ts"

export interface DecodedTarget {
  readonly target: bigint
  readonly negative: boolean
  readonly overflow: boolean
}

const MASK_256 = TWO_POW_256 - 1n

/**
 * Core's SetCompact: the low 23 bits are the mantissa, the top byte the size in bytes. Like Core's uint256, the
 * target wraps modulo 2^256 when the encoding overflows (then `overflow` is true).
 */
export const compactToTarget = (bits: number): DecodedTarget => {
  requireBits(bits)
  const size = bits >>> 24
  let word = bits & 0x007fffff
  let target: bigint
  if (size <= 3) {
    word >>>= 8 * (3 - size)
    target = BigInt(word)
  } else {
    target = (BigInt(word) << BigInt(8 * (size - 3))) & MASK_256
  }
  const negative = word !== 0 && (bits & 0x00800000) !== 0
  const overflow = word !== 0 && (size > 34 || (word > 0xff && size > 33) || (word > 0xffff && size > 32))
  return { target, negative, overflow }
}

const byteLength = (value: bigint): number => {
  let bits = 0
  for (let v = value; v > 0n; v >>= 1n) bits++
  return Math.ceil(bits / 8)
}

/** Core's GetCompact for a non-negative target: never sets the 0x00800000 sign bit (it grows the size instead). */
export const targetToCompact = (target: bigint): number => {
  if (typeof target !== "bigint" || target < 0n || target >= TWO_POW_256) {
    throw new TargetInvalidError("target", `expected a bigint in [0, 2^256), got ${String(target)}`)
  }
  let size = byteLength(target)
  let compact = size <= 3 ? Number(target << BigInt(8 * (3 - size))) : Number(target >> BigInt(8 * (size - 3)))
  if ((compact & 0x00800000) !== 0) {
    compact >>>= 8
    size++
  }
  return ((size << 24) | compact) >>> 0
}

/** The target of bits that a valid block header could carry: positive, not negative, not overflowing. */
export const validTargetOf = (bits: number, field = "bits"): bigint => {
  const { target, negative, overflow } = compactToTarget(bits)
  if (negative || overflow || target === 0n) {
    const why = negative ? "negative" : overflow ? "overflowing" : "zero"
    throw new BitsInvalidError(field, `0x${formatBits(bits)} encodes a ${why} target`)
  }
  return target
}

/** nBits as the 8 lowercase hex digits block explorers and our logs use. */
export const formatBits = (bits: number): string => (bits >>> 0).toString(16).padStart(8, "0")

/** Parses 8 hex digits (an optional 0x prefix allowed) into nBits. */
export const parseBits = (text: string, field = "bits"): number => {
  const match = /^(?:0x)?([0-9a-fA-F]{1,8})$/.exec(text.trim())
  if (match === null || match[1] === undefined) {
    throw new BitsInvalidError(field, `expected up to 8 hex digits, got ${JSON.stringify(text)}`)
  }
  return Number.parseInt(match[1], 16)
}
