// The conservation invariant: BTC held = credited - sold and never negative; USD cash moves exactly by capex, fees,
// credits and sales; every satoshi credited traces to a fleet block found solo (that block's subsidy + fees), to a
// day's solo blocks (aggregate engine), or to an FPPS payout while the pool was FPPS and something was online;
// sale proceeds and hosting fees follow their rounding rules.
import { satsToUsdCents, SECONDS_PER_DAY } from "@hashsim/economics"
import { inForce, lookup, onlineThs, onlineThsAt } from "@hashsim/ledger"
import { type Invariant, type InvariantEvent, Violations } from "./Invariant.ts"

interface PendingBlock {
  readonly grossSats: number
  readonly line: number
}

interface ConservationState {
  readonly violations: Violations
  dayIndex: number
  creditedSats: number
  soldSats: number
  cashCents: number
  readonly soloBlocks: Map<number, PendingBlock>
  /** The aggregate engine credits a day's solo blocks at the day's close: these are the day's BlocksMined. */
  blocksGrossSats: number
  blocksSoloThroughout: boolean
  blocksLine: number
  fppsSince: boolean
  onlineSinceFpps: boolean
}

const step = (s: ConservationState, ev: InvariantEvent): ConservationState => {
  const { entry: e, line, before, after } = ev
  const fail = (message: string): void => s.violations.fail(line, message)
  if (ev.day !== s.dayIndex) {
    s.dayIndex = ev.day
    if (s.blocksSoloThroughout && s.blocksGrossSats > 0) {
      s.violations.fail(s.blocksLine, `${s.blocksGrossSats} sats of fleet blocks mined solo that day were never credited`)
    }
    s.blocksGrossSats = 0
    s.blocksLine = 0
    s.blocksSoloThroughout = before.pool.mode === "solo"
  }
  switch (e.type) {
    case "HashratePurchased":
      if (e.data.payment.kind === "cash") s.cashCents -= e.data.priceUsdCents
      break
    case "PoolConfigured":
      if (e.data.mode !== "solo") s.blocksSoloThroughout = false
      break
    case "BlockFound": {
      const d = e.data
      if (d.fleet && before.pool.mode === "solo") s.soloBlocks.set(d.height, { grossSats: d.subsidySats + d.feesSats, line })
      break
    }
    case "BlocksMined": {
      const d = e.data
      s.blocksGrossSats += d.subsidySats + d.feesSats
      if (d.fleetBlocks > 0) s.blocksLine = line
      break
    }
    case "RewardCredited": {
      const d = e.data
      s.creditedSats += d.amountSats
      const gross = d.amountSats + d.poolFeeSats
      if (d.basis === "block") {
        const b = d.height === undefined ? undefined : s.soloBlocks.get(d.height)
        if (b === undefined) {
          fail(`a block credit for height ${d.height ?? "(none)"}, where the log shows no uncredited fleet block found solo`)
        } else {
          s.soloBlocks.delete(d.height!)
          if (gross !== b.grossSats) fail(`credit + pool fee = ${gross} sats, but block ${d.height} (line ${b.line}) paid ${b.grossSats}`)
        }
      } else if (d.basis === "blocks") {
        if (s.blocksSoloThroughout ? gross !== s.blocksGrossSats : gross > s.blocksGrossSats) {
          fail(`credit + pool fee = ${gross} sats, but the fleet's blocks mined that day paid ${s.blocksGrossSats}`)
        }
        s.blocksGrossSats = 0
      } else if (d.basis === "fpps") {
        if (!s.fppsSince && before.pool.mode !== "fpps") fail("an FPPS payout while the pool was never FPPS since the last one")
        else if (!s.onlineSinceFpps && d.amountSats + d.poolFeeSats > 0) fail("an FPPS payout for a period in which nothing was online")
        s.fppsSince = false
        s.onlineSinceFpps = false
      }
      break
    }
    case "BtcSold": {
      const d = e.data
      s.soldSats += d.amountSats
      s.cashCents += d.proceedsUsdCents
      if (d.proceedsUsdCents !== satsToUsdCents(d.amountSats, d.priceUsdCents)) {
        fail(`proceeds ${d.proceedsUsdCents} are not ${d.amountSats} sats x ${d.priceUsdCents} / 1e8 half-even`)
      }
      break
    }
    case "HostingFeeCharged": {
      const d = e.data
      s.cashCents -= d.amountUsdCents
      const contract = lookup(before.contracts, d.contractId)
      if (contract !== undefined) {
        // Energy drawn plus what a take-or-pay minimum bills beyond it.
        const billedKwh = d.energyKwh + (d.takeOrPayKwh ?? 0)
        const exact = (billedKwh * contract.ratePerMwhUsdCents) / 1000
        if (Math.abs(d.amountUsdCents - exact) > 0.5 + 1e-9 * Math.max(1, exact)) {
          fail(`fee ${d.amountUsdCents} cents is not ${billedKwh} kWh x ${contract.ratePerMwhUsdCents} cents/MWh rounded to the cent`)
        }
      }
      break
    }
    case "CurtailmentCredited":
    case "SlaCredited":
      s.cashCents += e.data.amountUsdCents
      break
    default:
      break
  }
  if (after.pool.mode === "fpps") s.fppsSince = true
  if (onlineThs(after) > 0) s.onlineSinceFpps = true
  // An observed operating hashrate (FleetOperationObserved) that ends before the day does: what is online after it.
  const span = inForce(after.observed.fleetOperation, ev.atS)
  if (span !== null && span.untilS < (ev.day + 1) * SECONDS_PER_DAY && onlineThsAt(after, span.untilS) > 0) s.onlineSinceFpps = true
  // BTC held = credited - sold, never negative; cash = the sum of what moves it.
  const held = after.treasury.btcHeldSats
  if (held !== s.creditedSats - s.soldSats) fail(`BTC held ${held} sats, but credited - sold = ${s.creditedSats - s.soldSats}`)
  if (s.creditedSats - s.soldSats < 0) fail(`sold ${s.soldSats} sats with only ${s.creditedSats} credited: BTC held is negative`)
  if (after.treasury.usdCashCents !== s.cashCents) {
    fail(`USD cash ${after.treasury.usdCashCents} cents, but capex, fees, credits and sales sum to ${s.cashCents}`)
  }
  return s
}

export const conservationInvariant: Invariant<ConservationState> = {
  name: "conservation",
  initialState: () => ({
    violations: new Violations("conservation"),
    dayIndex: Number.NaN,
    creditedSats: 0,
    soldSats: 0,
    cashCents: 0,
    soloBlocks: new Map(),
    blocksGrossSats: 0,
    blocksSoloThroughout: true,
    blocksLine: 0,
    fppsSince: false,
    onlineSinceFpps: false
  }),
  step,
  result: (s) => {
    if (s.blocksSoloThroughout && s.blocksGrossSats > 0) {
      s.violations.fail(s.blocksLine, `${s.blocksGrossSats} sats of fleet blocks mined solo on the last day were never credited`)
    }
    // Every fleet block found solo was credited.
    for (const [height, b] of s.soloBlocks) s.violations.fail(b.line, `fleet block ${height}, found solo, was never credited`)
    return s.violations.list
  }
}
