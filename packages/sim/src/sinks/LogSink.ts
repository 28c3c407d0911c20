// Turns a run's sink calls into ledger events, built by the catalogue's typed constructor, and hands them in
// order to the ledger's LogWriter, which numbers, hash-chains and seals them: the complete log, byte for byte
// what any hashsim tool would write.
import { formatBits } from "@hashsim/chain"
import { event, formatAtS, type LedgerEvent, LogWriter, type Source } from "@hashsim/ledger"
import type { ScenarioPlan } from "../scenario/ScenarioPlan.ts"
import type { RewardBasisCode, SimSink } from "./SimSink.ts"

const BASIS_NAMES = ["block", "blocks", "fpps"] as const

export class LogSink implements SimSink {
  private readonly writer = new LogWriter()
  private readonly plan: ScenarioPlan
  private readonly source: Source

  constructor(plan: ScenarioPlan, source: Source) {
    this.plan = plan
    this.source = source
  }

  private emit(tS: number, e: LedgerEvent): void {
    this.writer.append({ ...e, at: formatAtS(Math.floor(tS)), source: this.source })
  }

  planEvent(eventIndex: number): void {
    this.writer.append(this.plan.events[eventIndex]!)
  }

  marketStepped(tS: number, priceUsdCents: number, otherHashrateThs: number, uptimeFraction: number): void {
    this.emit(tS, event("MarketStepped", { priceUsdCents, otherHashrateThs, uptimeFraction }))
  }

  blockFound(tS: number, height: number, fleet: boolean, subsidySats: number, feesSats: number, blockTimeS: number): void {
    this.emit(tS, event("BlockFound", { height, blockTimeS, fleet, subsidySats, feesSats }))
  }

  blocksMined(tS: number, firstHeight: number, lastHeight: number, fleetBlocks: number, subsidySats: number, feesSats: number): void {
    this.emit(tS, event("BlocksMined", { firstHeight, lastHeight, fleetBlocks, subsidySats, feesSats }))
  }

  difficultyAdjusted(tS: number, height: number, oldBits: number, newBits: number, firstBlockTimeS: number, lastBlockTimeS: number): void {
    this.emit(tS, event("DifficultyAdjusted", {
      height,
      oldBits: formatBits(oldBits),
      newBits: formatBits(newBits),
      firstBlockTimeS,
      lastBlockTimeS
    }))
  }

  halvingReached(tS: number, height: number, subsidySats: number): void {
    this.emit(tS, event("HalvingReached", { height, subsidySats }))
  }

  rewardCredited(tS: number, amountSats: number, poolFeeSats: number, basis: RewardBasisCode, height: number): void {
    this.emit(tS, event("RewardCredited", {
      amountSats,
      poolFeeSats,
      basis: BASIS_NAMES[basis],
      ...(height >= 0 ? { height } : {})
    }))
  }

  hostingFeeCharged(tS: number, contractIndex: number, dayIndex: number, energyKwh: number, amountUsdCents: number, takeOrPayKwh: number): void {
    this.emit(tS, event("HostingFeeCharged", {
      ...this.invoiceOf(contractIndex, dayIndex),
      energyKwh,
      amountUsdCents,
      ...(takeOrPayKwh > 0 ? { takeOrPayKwh } : {})
    }))
  }

  fleetSwitched(tS: number, siteIndex: number, running: boolean, hashpriceUsdPerPhDay: number, thresholdUsdPerPhDay: number): void {
    this.emit(tS, event("FleetSwitched", {
      siteId: this.plan.siteIds[siteIndex]!,
      running,
      hashpriceUsdPerPhDay: Math.max(0, hashpriceUsdPerPhDay),
      thresholdUsdPerPhDay: Math.max(0, thresholdUsdPerPhDay)
    }))
  }

  curtailmentCredited(tS: number, contractIndex: number, dayIndex: number, curtailedKwh: number, amountUsdCents: number): void {
    this.emit(tS, event("CurtailmentCredited", { ...this.invoiceOf(contractIndex, dayIndex), curtailedKwh, amountUsdCents }))
  }

  slaCredited(tS: number, contractIndex: number, dayIndex: number, shortfallKwh: number, amountUsdCents: number): void {
    this.emit(tS, event("SlaCredited", { ...this.invoiceOf(contractIndex, dayIndex), shortfallKwh, amountUsdCents }))
  }

  /** The contract and day a daily invoice or credit is for. */
  private invoiceOf(contractIndex: number, dayIndex: number): { readonly contractId: string; readonly day: string } {
    return { contractId: this.plan.contracts[contractIndex]!.contractId, day: this.plan.calendar.dayLabels[dayIndex]! }
  }

  btcSold(tS: number, amountSats: number, priceUsdCents: number, proceedsUsdCents: number): void {
    this.emit(tS, event("BtcSold", { amountSats, priceUsdCents, proceedsUsdCents }))
  }

  curtailmentStarted(tS: number, siteIndex: number, fraction: number): void {
    this.emit(tS, event("CurtailmentStarted", { siteId: this.plan.siteIds[siteIndex]!, fraction }))
  }

  curtailmentEnded(tS: number, siteIndex: number): void {
    this.emit(tS, event("CurtailmentEnded", { siteId: this.plan.siteIds[siteIndex]! }))
  }

  // Facts the log already holds (the purchase is its plan event) or that are folds of it (days, the end).
  capexSpent(_tS: number, _lotIndex: number, _priceUsdCents: number): void {}
  dayClosed(_tS: number, _dayIndex: number): void {}
  pathEnded(_tS: number, _fleetShare: number, _heldSats: number, _endPriceUsdCents: number): void {}

  /** Seals the log and returns its text (each line ends in a newline). */
  finish(): string {
    this.writer.seal()
    return this.writer.text()
  }
}
