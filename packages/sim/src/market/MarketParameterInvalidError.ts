// The error a market model throws when built with a parameter outside its domain (a caller's bug: scenarios are
// checked by the schemas of the ledger catalogue before a model is built).
export class MarketParameterInvalidError extends Error {
  readonly _tag = "MarketParameterInvalidError"
  constructor(
    readonly model: string,
    readonly parameter: string,
    readonly value: unknown
  ) {
    super(`${model}: ${parameter} out of range: ${String(value)}`)
    this.name = "MarketParameterInvalidError"
  }
}

/** Throws unless `value` is finite and within [min, max] (bounds inclusive unless `openMin`). */
export const checkRange = (
  model: string,
  parameter: string,
  value: number,
  min: number,
  max: number,
  openMin = false
): void => {
  const ok = Number.isFinite(value) && (openMin ? value > min : value >= min) && value <= max
  if (!ok) throw new MarketParameterInvalidError(model, parameter, value)
}
