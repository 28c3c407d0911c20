// Turns a run's sink calls into ledger events and hands them, in order, to the ledger's LogWriter, which
// numbers, hash-chains and seals them: the complete log, byte for byte what any hashsim tool would write.
import { formatBits } from "@hashsim/chain"
import { formatAtS, LogWriter, type PlannedEntry, type Source } from "@hashsim/ledger"
import type { ScenarioPlan } from "./ScenarioPlan.ts"
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

  private emit(tS: number, type: string, data: unknown): void {
    this.writer.append({ at: formatAtS(Math.floor(tS)), type, v: 1, source: this.source, data } as unknown as PlannedEntry)
  }

  planEvent(eventIndex: number): void {
    const e = this.plan.events[eventIndex]!
    this.writer.append({
      at: e.at,
      type: e.type,
      v: e.v,
      ...(e.source === undefined ? {} : { source: e.source }),
      data: e.data
    } as unknown as PlannedEntry)
  }

  marketStepped(tS: number, priceUsdCents: number, otherHashrateThs: number, uptimeFraction: number): void {
    this.emit(tS, "MarketStepped", { priceUsdCents, otherHashrateThs, uptimeFraction })
  }

  blockFound(tS: number, height: number, fleet: boolean, subsidySats: number, feesSats: number): void {
    this.emit(tS, "BlockFound", { height, blockTimeS: Math.floor(tS), fleet, subsidySats, feesSats })
  }

  blocksMined(tS: number, firstHeight: number, lastHeight: number, fleetBlocks: number, subsidySats: number, feesSats: number): void {
    this.emit(tS, "BlocksMined", { firstHeight, lastHeight, fleetBlocks, subsidySats, feesSats })
  }

  difficultyAdjusted(tS: number, height: number, oldBits: number, newBits: number, firstBlockTimeS: number, lastBlockTimeS: number): void {
    this.emit(tS, "DifficultyAdjusted", {
      height,
      oldBits: formatBits(oldBits),
      newBits: formatBits(newBits),
      firstBlockTimeS,
      lastBlockTimeS
    })
  }

  halvingReached(tS: number, height: number, subsidySats: number): void {
    this.emit(tS, "HalvingReached", { height, subsidySats })
  }

  rewardCredited(tS: number, amountSats: number, poolFeeSats: number, basis: RewardBasisCode, height: number): void {
    this.emit(tS, "RewardCredited", {
      amountSats,
      poolFeeSats,
      basis: BASIS_NAMES[basis],
      ...(height >= 0 ? { height } : {})
    })
  }

  hostingFeeCharged(tS: number, contractIndex: number, dayIndex: number, energyKwh: number, amountUsdCents: number): void {
    this.emit(tS, "HostingFeeCharged", {
      ...this.invoiceOf(contractIndex, dayIndex),
      energyKwh,
      amountUsdCents
    })
  }

  curtailmentCredited(tS: number, contractIndex: number, dayIndex: number, curtailedKwh: number, amountUsdCents: number): void {
    this.emit(tS, "CurtailmentCredited", {
      ...this.invoiceOf(contractIndex, dayIndex),
      curtailedKwh,
      amountUsdCents
    })
  }

  slaCredited(tS: number, contractIndex: number, dayIndex: number, shortfallKwh: number, amountUsdCents: number): void {
    this.emit(tS, "SlaCredited", {
      ...this.invoiceOf(contractIndex, dayIndex),
      shortfallKwh,
      amountUsdCents
    })
  }

  /** The contract and day a daily invoice or credit is for. */
  private invoiceOf(contractIndex: number, dayIndex: number): { readonly contractId: string; readonly day: string } {
    return { contractId: this.plan.contracts[contractIndex]!.contractId, day: this.plan.calendar.dayLabels[dayIndex]! }
  }

  btcSold(tS: number, amountSats: number, priceUsdCents: number, proceedsUsdCents: number): void {
    this.emit(tS, "BtcSold", { amountSats, priceUsdCents, proceedsUsdCents })
  }

  curtailmentStarted(tS: number, siteIndex: number, fraction: number): void {
    this.emit(tS, "CurtailmentStarted", { siteId: this.plan.siteIds[siteIndex]!, fraction })
  }

  curtailmentEnded(tS: number, siteIndex: number): void {
    this.emit(tS, "CurtailmentEnded", { siteId: this.plan.siteIds[siteIndex]! })
  }

  /** Seals the log and returns its text (each line ends in a newline). */
  finish(): string {
    this.writer.seal()
    return this.writer.text()
  }
}
