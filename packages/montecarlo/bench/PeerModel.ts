// The numpy peer's model (../shared/bench/numpy-peer.py) as a hashsim scenario: cango-2024 as shipped, with the
// market the peer implements and cango-2024 had before issue 13: everyone else's hashrate and the BTC price as
// GBMs (drift 0.35 and 0, volatility 0.15 and 0.55 a year, the peer's numbers), fees Gamma(2) around a constant
// 0.07 BTC mean, the same uptime and per-path uncertainty. Same draws per path-day as the peer's, so the engine's
// ns per path-day on it compares with the peer's like for like.
export const peerMarket = {
  otherHashrate: { model: "gbm", driftPerYear: 0.35, volatilityPerYear: 0.15 },
  price: { model: "gbm", driftPerYear: 0, volatilityPerYear: 0.55 },
  feePerBlock: { meanSats: 7_000_000, shape: 2 },
  uptime: { meanFraction: 0.95, sdFraction: 0.02 },
  uncertainty: { otherHashrateDriftSd: 0.15, priceDriftSd: 0.3, feeLevelSigma: 0.5 }
} as const

/** The scenario text `text` (JSONL) with its ScenarioStarted's market replaced by the peer's. */
export const onPeerModel = (text: string): string => {
  const lines = text.split("\n")
  const i = lines.findIndex((l) => l.includes('"type":"ScenarioStarted"'))
  if (i < 0) throw new Error("no ScenarioStarted line")
  const started = JSON.parse(lines[i]!) as { data: { market: Record<string, unknown> } }
  started.data.market = { ...started.data.market, ...peerMarket }
  lines[i] = JSON.stringify(started)
  return lines.join("\n")
}
