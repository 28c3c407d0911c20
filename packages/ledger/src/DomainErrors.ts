// The typed reasons `decide` rejects an event. Each names the field at fault (a dotted path into the envelope,
// e.g. `data.hashrateThs`) and says why in a sentence a user can act on.
import { Data } from "effect"

interface Fields {
  readonly field: string
  readonly message: string
}

/** Any event before ScenarioStarted. */
export class ScenarioNotStartedError extends Data.TaggedError("ScenarioNotStartedError")<Fields> {}
/** A second ScenarioStarted. */
export class ScenarioAlreadyStartedError extends Data.TaggedError("ScenarioAlreadyStartedError")<Fields> {}
/** `at` earlier than the previous event's. */
export class EventTimeBackwardsError extends Data.TaggedError("EventTimeBackwardsError")<Fields> {}
/** Any event after LogSealed, or a seal whose count is wrong. */
export class LogSealError extends Data.TaggedError("LogSealError")<Fields> {}
/** A lotId that no HashratePurchased introduced. */
export class LotUnknownError extends Data.TaggedError("LotUnknownError")<Fields> {}
/** A lotId bought twice. */
export class LotDuplicateError extends Data.TaggedError("LotDuplicateError")<Fields> {}
/** Deploying more TH/s than the lot has undeployed. */
export class LotOverDeployedError extends Data.TaggedError("LotOverDeployedError")<Fields> {}
/** Removing more TH/s of a lot from a site than is deployed there. */
export class SiteOverRemovedError extends Data.TaggedError("SiteOverRemovedError")<Fields> {}
/** A contractId that no HostingContractSigned introduced. */
export class ContractUnknownError extends Data.TaggedError("ContractUnknownError")<Fields> {}
/** A contractId signed twice. */
export class ContractDuplicateError extends Data.TaggedError("ContractDuplicateError")<Fields> {}
/** A siteId that no hosting contract names. */
export class SiteUnknownError extends Data.TaggedError("SiteUnknownError")<Fields> {}
/** A second contract for a site whose contract has not ended. */
export class SiteAlreadyContractedError extends Data.TaggedError("SiteAlreadyContractedError")<Fields> {}
/** CurtailmentEnded at a site that is not curtailed. */
export class CurtailmentNotActiveError extends Data.TaggedError("CurtailmentNotActiveError")<Fields> {}
/** Selling more BTC than the treasury holds. */
export class BtcOversoldError extends Data.TaggedError("BtcOversoldError")<Fields> {}
/** A sale whose proceeds are not amount x price / 1e8 rounded half-even. */
export class SaleProceedsMismatchError extends Data.TaggedError("SaleProceedsMismatchError")<Fields> {}
/** bits that encode no valid target. */
export class NetworkBitsInvalidError extends Data.TaggedError("NetworkBitsInvalidError")<Fields> {}
/** A retarget at a height that is not the next retarget height. */
export class RetargetHeightInvalidError extends Data.TaggedError("RetargetHeightInvalidError")<Fields> {}
/** A retarget whose inputs disagree with the network state (oldBits, the epoch's first block time). */
export class RetargetInputMismatchError extends Data.TaggedError("RetargetInputMismatchError")<Fields> {}
/** A retarget whose newBits is not the exact retarget of its inputs. */
export class RetargetBitsMismatchError extends Data.TaggedError("RetargetBitsMismatchError")<Fields> {}
/** A block (or a period of blocks) past the end of the epoch without the retarget first. */
export class RetargetMissingError extends Data.TaggedError("RetargetMissingError")<Fields> {}
/** A block height that does not follow the network tip. */
export class BlockHeightOrderError extends Data.TaggedError("BlockHeightOrderError")<Fields> {}
/** A subsidy that is not the schedule's at that height. */
export class BlockSubsidyMismatchError extends Data.TaggedError("BlockSubsidyMismatchError")<Fields> {}
/** A period summary whose counts cannot be (more fleet blocks than blocks, or a period across a halving). */
export class BlocksMinedRangeError extends Data.TaggedError("BlocksMinedRangeError")<Fields> {}
/** HalvingReached at a height that is not a halving height, or not ahead of the tip. */
export class HalvingHeightInvalidError extends Data.TaggedError("HalvingHeightInvalidError")<Fields> {}
/** An observed span that is not [at, untilAt) inside the horizon, or that overlaps the previous one of its kind. */
export class ObservedSpanInvalidError extends Data.TaggedError("ObservedSpanInvalidError")<Fields> {}
/** An observed value out of its range (fees above MAX_MONEY, an operating hashrate above what is deployed). */
export class ObservedValueRangeError extends Data.TaggedError("ObservedValueRangeError")<Fields> {}

/** An event at or after the scenario's horizon (`until` is exclusive), or a horizon longer than the tools bound. */
export class EventAfterHorizonError extends Data.TaggedError("EventAfterHorizonError")<Fields> {}
/** A purchase that takes the fleet or the capex past the bounds that keep every total exact (Bounds.ts). */
export class TotalOutOfBoundsError extends Data.TaggedError("TotalOutOfBoundsError")<Fields> {}

export type DomainError =
  | EventAfterHorizonError
  | TotalOutOfBoundsError
  | ScenarioNotStartedError
  | ScenarioAlreadyStartedError
  | EventTimeBackwardsError
  | LogSealError
  | LotUnknownError
  | LotDuplicateError
  | LotOverDeployedError
  | SiteOverRemovedError
  | ContractUnknownError
  | ContractDuplicateError
  | SiteUnknownError
  | SiteAlreadyContractedError
  | CurtailmentNotActiveError
  | BtcOversoldError
  | SaleProceedsMismatchError
  | NetworkBitsInvalidError
  | RetargetHeightInvalidError
  | RetargetInputMismatchError
  | RetargetBitsMismatchError
  | RetargetMissingError
  | BlockHeightOrderError
  | BlockSubsidyMismatchError
  | BlocksMinedRangeError
  | HalvingHeightInvalidError
  | ObservedSpanInvalidError
  | ObservedValueRangeError
