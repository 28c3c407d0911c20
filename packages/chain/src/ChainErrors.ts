// Typed errors for input the consensus arithmetic refuses: a wrong number is worse than no number.

abstract class ChainInputError extends Error {
  abstract readonly _tag: string
  constructor(readonly field: string, message: string) {
    super(`${field}: ${message}`)
  }
}

/** nBits that is not an unsigned 32-bit integer, or that encodes no usable target. */
export class BitsInvalidError extends ChainInputError {
  readonly _tag = "BitsInvalidError"
  override readonly name = "BitsInvalidError"
}

/** A target outside [0, 2^256). */
export class TargetInvalidError extends ChainInputError {
  readonly _tag = "TargetInvalidError"
  override readonly name = "TargetInvalidError"
}

/** A block height that is not a non-negative safe integer. */
export class HeightInvalidError extends ChainInputError {
  readonly _tag = "HeightInvalidError"
  override readonly name = "HeightInvalidError"
}

/** A block timestamp that is not an integer number of seconds. */
export class TimestampInvalidError extends ChainInputError {
  readonly _tag = "TimestampInvalidError"
  override readonly name = "TimestampInvalidError"
}

/** A difficulty or hashrate that is not a finite number in range. */
export class DifficultyInvalidError extends ChainInputError {
  readonly _tag = "DifficultyInvalidError"
  override readonly name = "DifficultyInvalidError"
}

export const requireBits = (bits: number, field = "bits"): number => {
  if (!Number.isInteger(bits) || bits < 0 || bits > 0xffffffff) {
    throw new BitsInvalidError(field, `expected an unsigned 32-bit integer, got ${String(bits)}`)
  }
  return bits
}

export const requireHeight = (height: number, field = "height"): number => {
  if (!Number.isSafeInteger(height) || height < 0) {
    throw new HeightInvalidError(field, `expected a non-negative integer, got ${String(height)}`)
  }
  return height
}

export const requireTimestamp = (time: number, field: string): number => {
  if (!Number.isSafeInteger(time)) {
    throw new TimestampInvalidError(field, `expected an integer number of seconds, got ${String(time)}`)
  }
  return time
}
