// A sink that ignores every fact: the base a caller extends to record only what it needs (tests, a custom report).
import type { RewardBasisCode, SimSink } from "./SimSink.ts"

export class NullSink implements SimSink {
  planEvent(_eventIndex: number): void {}
  marketStepped(_tS: number, _priceUsdCents: number, _otherHashrateThs: number, _uptimeFraction: number): void {}
  blockFound(_tS: number, _height: number, _fleet: boolean, _subsidySats: number, _feesSats: number): void {}
  blocksMined(_tS: number, _firstHeight: number, _lastHeight: number, _fleetBlocks: number, _subsidySats: number, _feesSats: number): void {}
  difficultyAdjusted(_tS: number, _height: number, _oldBits: number, _newBits: number, _firstBlockTimeS: number, _lastBlockTimeS: number): void {}
  halvingReached(_tS: number, _height: number, _subsidySats: number): void {}
  rewardCredited(_tS: number, _amountSats: number, _poolFeeSats: number, _basis: RewardBasisCode, _height: number, _priceUsdCents: number): void {}
  hostingFeeCharged(_tS: number, _contractIndex: number, _dayIndex: number, _energyKwh: number, _amountUsdCents: number, _takeOrPayKwh: number): void {}
  fleetSwitched(_tS: number, _siteIndex: number, _running: boolean, _hashpriceUsdPerPhDay: number, _thresholdUsdPerPhDay: number): void {}
  curtailmentCredited(_tS: number, _contractIndex: number, _dayIndex: number, _curtailedKwh: number, _amountUsdCents: number): void {}
  slaCredited(_tS: number, _contractIndex: number, _dayIndex: number, _shortfallKwh: number, _amountUsdCents: number): void {}
  btcSold(_tS: number, _amountSats: number, _priceUsdCents: number, _proceedsUsdCents: number): void {}
  curtailmentStarted(_tS: number, _siteIndex: number, _fraction: number): void {}
  curtailmentEnded(_tS: number, _siteIndex: number): void {}
  capexSpent(_tS: number, _lotIndex: number, _priceUsdCents: number): void {}
  dayClosed(_tS: number, _dayIndex: number): void {}
  pathEnded(_tS: number, _fleetShare: number, _heldSats: number, _endPriceUsdCents: number): void {}
}
