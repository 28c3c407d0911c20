// Integer money arithmetic: the one rounding rule (half-even, once, where an invoice is issued).

/** n / d rounded half-even, for bigints with d > 0. */
export const divHalfEven = (n: bigint, d: bigint): bigint => {
  const q = n / d
  const r = n % d
  const twice = 2n * (r < 0n ? -r : r)
  if (twice < d) return q
  if (twice > d) return n < 0n ? q - 1n : q + 1n
  return q % 2n === 0n ? q : n < 0n ? q - 1n : q + 1n
}

/** USD cents of `amountSats` at `priceUsdCents` per BTC, rounded half-even (the BtcSold proceeds rule). */
export const satsToUsdCents = (amountSats: number, priceUsdCents: number): number =>
  Number(divHalfEven(BigInt(amountSats) * BigInt(priceUsdCents), 100_000_000n))

/** A non-negative finite number rounded half-even to an integer (report outputs of float accumulations). */
export const roundHalfEven = (x: number): number => {
  const f = Math.floor(x)
  const diff = x - f
  if (diff > 0.5) return f + 1
  if (diff < 0.5) return f
  return f % 2 === 0 ? f : f + 1
}
