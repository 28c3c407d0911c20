// Exact integer money in doubles for the hot loop: USD cents of satoshis at a price, rounded half-even once
// (the same integers as @hashsim/ledger's bigint rule, without a BigInt per day), and half-even rounding.

const E8 = 100_000_000
const E4 = 10_000

const floorDiv = (a: number, d: number): number => {
  let q = Math.floor(a / d)
  if (q * d > a) q -= 1
  else if ((q + 1) * d <= a) q += 1
  return q
}

/**
 * round-half-even(amountSats * priceUsdCents / 1e8) for non-negative safe integers (price below 1e10 cents)
 * whose result is below 2^52 cents ($45 trillion), computed exactly by splitting both factors so no partial
 * product passes 2^53.
 */
export const centsOfSats = (amountSats: number, priceUsdCents: number): number => {
  // Fast path for prices below $900,000: amount = ah * 1e8 + al, and al * price < 9e15 stays exact.
  if (priceUsdCents < 90_000_000) {
    const ah = floorDiv(amountSats, E8)
    const x = (amountSats - ah * E8) * priceUsdCents
    const q = floorDiv(x, E8)
    const whole = ah * priceUsdCents + q
    const twiceR = 2 * (x - q * E8)
    return twiceR < E8 ? whole : twiceR > E8 ? whole + 1 : whole % 2 === 0 ? whole : whole + 1
  }
  const ah = floorDiv(amountSats, E8)
  const al = amountSats - ah * E8
  const ph = floorDiv(priceUsdCents, E4)
  const pl = priceUsdCents - ph * E4
  const x = al * ph
  const q1 = floorDiv(x, E4)
  const f = (x - q1 * E4) * E4 + al * pl
  const q2 = floorDiv(f, E8)
  const r = f - q2 * E8
  const whole = ah * priceUsdCents + q1 + q2
  const twice = 2 * r
  if (twice < E8) return whole
  if (twice > E8) return whole + 1
  return whole % 2 === 0 ? whole : whole + 1
}

/** A finite number rounded half-even to an integer (invoices: hosting fees and credits). */
export const roundHalfEven = (x: number): number => {
  const f = Math.floor(x)
  const diff = x - f
  // Written without data-dependent branches: the fraction is random, so a branch on it is mispredicted half the time.
  return f + (+(diff > 0.5) | (+(diff === 0.5) & (f & 1)))
}

/** Energy reported in events: kWh rounded to the watt-hour, so the log is readable and the invoice reproducible. */
export const kwhOfJoules = (joules: number): number => Math.round(joules / 3600) / 1000
