// Integer money: the one rounding rule (half-even, once, where an invoice is issued or a figure reported), USD cents
// of satoshis at a price (exact in bigint, and the same integers in doubles for the hot loop), and invoiced energy.

const E8 = 100_000_000
const E4 = 10_000

/** n / d rounded half-even, for bigints with d > 0. */
export const divHalfEven = (n: bigint, d: bigint): bigint => {
  const q = n / d
  const r = n % d
  const twice = 2n * (r < 0n ? -r : r)
  if (twice < d) return q
  if (twice > d) return n < 0n ? q - 1n : q + 1n
  return q % 2n === 0n ? q : n < 0n ? q - 1n : q + 1n
}

/** USD cents of `amountSats` at `priceUsdCents` per BTC, rounded half-even (the BtcSold proceeds rule), in bigint. */
export const satsToUsdCents = (amountSats: number, priceUsdCents: number): number =>
  Number(divHalfEven(BigInt(amountSats) * BigInt(priceUsdCents), 100_000_000n))

/** A finite number rounded half-even to an integer (invoices, and report outputs of float accumulations). */
export const roundHalfEven = (x: number): number => {
  const f = Math.floor(x)
  const diff = x - f
  // Written without data-dependent branches: the fraction is random, so a branch on it is mispredicted half the time.
  return f + (+(diff > 0.5) | (+(diff === 0.5) & (f & 1)))
}

/**
 * floor(a / d) for integers 0 <= a < 2^53 and d (1e4 or 1e8) given with `inverse` = 1 / d as a double: the estimate
 * a x inverse is within 1e-7 of the true quotient (two roundings of relative size 2^-53 on a quotient below 2^53 / d),
 * so its floor is off by at most one, and the exact integer checks (q x d is exact below 2^53) settle it. The same
 * integer as flooring a / d, without a division in the hot loop's dependency chain (a multiply is 3-4x quicker).
 */
const floorDiv = (a: number, d: number, inverse: number): number => {
  let q = Math.floor(a * inverse)
  if (q * d > a) q -= 1
  else if ((q + 1) * d <= a) q += 1
  return q
}
const INV_E8 = 1 / E8
const INV_E4 = 1 / E4

/**
 * satsToUsdCents in doubles: round-half-even(amountSats * priceUsdCents / 1e8) for non-negative safe integers
 * (price below 1e10 cents) whose result is below 2^52 cents ($45 trillion), computed exactly by splitting both
 * factors so no partial product passes 2^53 (no BigInt per day in the hot loop).
 */
export const centsOfSats = (amountSats: number, priceUsdCents: number): number => {
  // Fast path for prices below $900,000: amount = ah * 1e8 + al, and al * price < 9e15 stays exact.
  if (priceUsdCents < 90_000_000) {
    const ah = floorDiv(amountSats, E8, INV_E8)
    const x = (amountSats - ah * E8) * priceUsdCents
    const q = floorDiv(x, E8, INV_E8)
    const whole = ah * priceUsdCents + q
    const twiceR = 2 * (x - q * E8)
    return twiceR < E8 ? whole : twiceR > E8 ? whole + 1 : whole % 2 === 0 ? whole : whole + 1
  }
  const ah = floorDiv(amountSats, E8, INV_E8)
  const al = amountSats - ah * E8
  const ph = floorDiv(priceUsdCents, E4, INV_E4)
  const pl = priceUsdCents - ph * E4
  const x = al * ph
  const q1 = floorDiv(x, E4, INV_E4)
  const f = (x - q1 * E4) * E4 + al * pl
  const q2 = floorDiv(f, E8, INV_E8)
  const r = f - q2 * E8
  const whole = ah * priceUsdCents + q1 + q2
  const twice = 2 * r
  if (twice < E8) return whole
  if (twice > E8) return whole + 1
  return whole % 2 === 0 ? whole : whole + 1
}

/** Energy reported in events: kWh rounded to the watt-hour, so the log is readable and the invoice reproducible. */
export const kwhOfJoules = (joules: number): number => Math.round(joules / 3600) / 1000
