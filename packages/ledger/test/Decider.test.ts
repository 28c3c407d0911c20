import { nextWorkRequired, formatBits } from "@hashsim/chain"
import { describe, expect, it } from "vitest"
import { networkThs, onlineThs } from "../src/index.ts"
import { given } from "./givenWhenThen.ts"
import { at, bought, deployed, signed, started, T0 } from "./fixtures.ts"

const later = at("2024-11-08T00:00:00Z")
const day2 = at("2024-11-09T00:00:00Z")

describe("decider: the scenario", () => {
  it("accepts ScenarioStarted on an empty log and takes its network and price", () => {
    given().when(started()).thenAccepted((s) => {
      expect(s.network.tipHeight).toBe(870_911)
      expect(s.network.epochStartHeight).toBe(868_896)
      expect(s.priceUsdCents).toBe(7_500_000)
    })
  })
  it("rejects a second ScenarioStarted", () => {
    given(started()).when(started()).thenRejected("ScenarioAlreadyStartedError", "type")
  })
  it("rejects any event before ScenarioStarted", () => {
    given().when(bought()).thenRejected("ScenarioNotStartedError", "type")
  })
  it("rejects a horizon that is not after the start", () => {
    given().when(started({ until: T0 })).thenRejected("EventTimeBackwardsError", "data.until")
  })
  it("rejects start bits that encode no valid target", () => {
    given().when(started({ network: { height: 1, bits: "00000000", epochFirstBlockTimeS: 0, hashrateThs: 1 } }))
      .thenRejected("NetworkBitsInvalidError", "data.network.bits")
  })
  it("rejects time going backwards", () => {
    given(started(), later("PriceObserved", { priceUsdCents: 1 })).when(at(T0)("PriceObserved", { priceUsdCents: 2 }))
      .thenRejected("EventTimeBackwardsError", "at")
  })
  it("accepts events at the same time as the previous one", () => {
    given(started(), bought()).when(at(T0)("PriceObserved", { priceUsdCents: 2 })).thenAccepted((s) => expect(s.priceUsdCents).toBe(2))
  })
})

describe("decider: lots, contracts, sites", () => {
  it("rejects buying the same lot twice", () => {
    given(started(), bought()).when(bought()).thenRejected("LotDuplicateError", "data.lotId")
  })
  it("counts capex, shares and cash of a purchase", () => {
    given(started(), bought()).when(at(T0)("HashratePurchased", {
      lotId: "golden", vendor: "Golden TechGen", hashrateThs: 18_000_000, machineModel: "S21", efficiencyJth: 17.5,
      priceUsdCents: 14_400_000_000, lifeYears: 4, payment: { kind: "shares", shares: 31_578_947, sharePriceUsdCents: 456 }
    })).thenAccepted((s) => {
      expect(s.treasury.capexUsdCents).toBe(40_000_000_000)
      expect(s.treasury.sharesIssued).toBe(31_578_947)
      expect(s.treasury.usdCashCents).toBe(-25_600_000_000)
    })
  })
  it("rejects signing the same contract twice", () => {
    given(started(), signed()).when(signed("c1", "tx2")).thenRejected("ContractDuplicateError", "data.contractId")
  })
  it("rejects a second contract on a site whose contract runs", () => {
    given(started(), signed("c1", "tx1")).when(signed("c2", "tx1")).thenRejected("SiteAlreadyContractedError", "data.siteId")
  })
  it("accepts a new contract on a site once the old one has ended", () => {
    given(started(), signed("c1", "tx1", "2024-11-08T00:00:00Z"))
      .when(({ ...signed("c2", "tx1"), at: "2024-11-08T00:00:00Z" }))
      .thenAccepted((s) => expect(s.sites["tx1"]?.contractId).toBe("c2"))
  })
  it("rejects a contract that ends before it is signed", () => {
    given(started()).when(signed("c1", "tx1", T0)).thenRejected("EventTimeBackwardsError", "data.endsAt")
  })
})

describe("decider: deploying and removing machines", () => {
  it("accepts deploying up to what the lot holds, in parts", () => {
    given(started(), bought("a", 10), signed(), deployed(3, "a")).when(deployed(7, "a"))
      .thenAccepted((s) => expect(s.lots["a"]?.deployedThs).toBe(10))
  })
  it("rejects deploying more than the lot holds undeployed", () => {
    given(started(), bought("a", 10), signed(), deployed(3, "a")).when(deployed(7.5, "a"))
      .thenRejected("LotOverDeployedError", "data.hashrateThs", /7\.5 TH\/s of lot a, which has 7 TH\/s undeployed/)
  })
  it("allows float parts that sum to the lot (0.1 + 0.2 of 0.3)", () => {
    given(started(), bought("a", 0.3), signed(), deployed(0.1, "a")).when(deployed(0.2, "a")).thenAccepted()
  })
  it("rejects deploying an unknown lot", () => {
    given(started(), signed()).when(deployed(1, "nope")).thenRejected("LotUnknownError", "data.lotId")
  })
  it("rejects deploying to an unknown site", () => {
    given(started(), bought("a", 10), signed()).when(deployed(1, "a", "nowhere")).thenRejected("SiteUnknownError", "data.siteId")
  })
  it("rejects removing more than is deployed at the site", () => {
    given(started(), bought("a", 10), signed("c1", "tx1"), signed("c2", "tx2"), deployed(4, "a", "tx1"), deployed(4, "a", "tx2"))
      .when(later("MachinesRemoved", { lotId: "a", siteId: "tx1", hashrateThs: 5 }))
      .thenRejected("SiteOverRemovedError", "data.hashrateThs")
  })
  it("accepts removing what is deployed, and the lot can be deployed again", () => {
    given(started(), bought("a", 10), signed(), deployed(10, "a"))
      .when(later("MachinesRemoved", { lotId: "a", siteId: "tx1", hashrateThs: 10 }))
      .thenAccepted((s) => {
        expect(s.lots["a"]?.deployedThs).toBe(0)
        expect(onlineThs(s)).toBe(0)
      })
  })
  it("rejects removing an unknown lot", () => {
    given(started(), signed()).when(later("MachinesRemoved", { lotId: "x", siteId: "tx1", hashrateThs: 1 }))
      .thenRejected("LotUnknownError", "data.lotId")
  })
})

describe("decider: curtailment and market", () => {
  it("curtailment switches part of a site off; ending it restores it", () => {
    const g = given(started(), bought("a", 100), signed(), deployed(100, "a"), later("CurtailmentStarted", { siteId: "tx1", fraction: 0.25 }))
    expect(onlineThs(g.state)).toBe(75)
    g.when(day2("CurtailmentEnded", { siteId: "tx1" })).thenAccepted((s) => expect(onlineThs(s)).toBe(100))
  })
  it("rejects curtailing an unknown site", () => {
    given(started()).when(later("CurtailmentStarted", { siteId: "x", fraction: 0.5 })).thenRejected("SiteUnknownError", "data.siteId")
  })
  it("rejects ending a curtailment that is not active", () => {
    given(started(), signed()).when(later("CurtailmentEnded", { siteId: "tx1" })).thenRejected("CurtailmentNotActiveError", "data.siteId")
  })
  it("a market step sets price, uptime and everyone else's hashrate", () => {
    given(started(), bought("a", 100), signed(), deployed(100, "a"))
      .when(later("MarketStepped", { priceUsdCents: 9_000_000, otherHashrateThs: 1_000, uptimeFraction: 0.5 }))
      .thenAccepted((s) => {
        expect(s.priceUsdCents).toBe(9_000_000)
        expect(onlineThs(s)).toBe(50)
        expect(networkThs(s)).toBe(1_050)
      })
  })
})

describe("decider: treasury", () => {
  const credited = later("RewardCredited", { amountSats: 100_000_000, poolFeeSats: 1_000_000, basis: "fpps" })
  it("rejects selling more BTC than is held", () => {
    given(started(), credited).when(day2("BtcSold", { amountSats: 100_000_001, priceUsdCents: 10_000_000, proceedsUsdCents: 10_000_000 }))
      .thenRejected("BtcOversoldError", "data.amountSats")
  })
  it("accepts selling what is held, proceeds half-even", () => {
    // 150,000,005 sats x 2 cents / 1e8 = 3.0000001 -> 3; 50,000,000 x 1 cent / 1e8 = 0.5 -> 0 (half to even)
    given(started(), credited, later("RewardCredited", { amountSats: 50_000_005, poolFeeSats: 0, basis: "fpps" }))
      .when(day2("BtcSold", { amountSats: 150_000_005, priceUsdCents: 2, proceedsUsdCents: 3 }))
      .thenAccepted((s) => {
        expect(s.treasury.btcHeldSats).toBe(0)
        expect(s.treasury.saleProceedsUsdCents).toBe(3)
      })
    given(started(), credited).when(day2("BtcSold", { amountSats: 50_000_000, priceUsdCents: 1, proceedsUsdCents: 1 }))
      .thenRejected("SaleProceedsMismatchError", "data.proceedsUsdCents", /expected 0/)
  })
  it("rejects fees and credits for an unknown contract", () => {
    for (const type of ["HostingFeeCharged", "CurtailmentCredited", "SlaCredited"] as const) {
      const data = type === "HostingFeeCharged"
        ? { contractId: "zz", day: "2024-11-07", energyKwh: 1, amountUsdCents: 1 }
        : type === "CurtailmentCredited"
          ? { contractId: "zz", day: "2024-11-07", curtailedKwh: 1, amountUsdCents: 1 }
          : { contractId: "zz", day: "2024-11-07", shortfallKwh: 1, amountUsdCents: 1 }
      given(started(), signed()).when(later(type, data as never)).thenRejected("ContractUnknownError", "data.contractId")
    }
  })
})

describe("decider: the chain", () => {
  // The epoch 868,896-870,911 started at 1,730,000,000; the tip is 870,911, so the next retarget is 870,912.
  const first = 1_730_000_000
  const last = first + 1_209_000
  const newBits = formatBits(nextWorkRequired({ bits: 0x17030ecd, firstBlockTime: first, lastBlockTime: last }))
  const retarget = (over: Partial<{ height: number; oldBits: string; newBits: string; firstBlockTimeS: number; lastBlockTimeS: number }> = {}) =>
    later("DifficultyAdjusted", { height: 870_912, oldBits: "17030ecd", newBits, firstBlockTimeS: first, lastBlockTimeS: last, ...over })

  it("accepts the exact retarget at the next retarget height", () => {
    given(started()).when(retarget()).thenAccepted((s) => {
      expect(formatBits(s.network.bits)).toBe(newBits)
      expect(s.network.epochStartHeight).toBe(870_912)
    })
  })
  it("rejects a retarget at a height that is not a retarget height", () => {
    given(started()).when(retarget({ height: 870_913 })).thenRejected("RetargetHeightInvalidError", "data.height", /not a retarget height/)
  })
  it("rejects a retarget at a retarget height that is not the next one", () => {
    given(started()).when(retarget({ height: 872_928 })).thenRejected("RetargetHeightInvalidError", "data.height", /next retarget is at 870912/)
  })
  it("rejects newBits that are not the exact retarget", () => {
    const off = formatBits(Number.parseInt(newBits, 16) + 1)
    given(started()).when(retarget({ newBits: off })).thenRejected("RetargetBitsMismatchError", "data.newBits")
  })
  it("rejects oldBits other than the epoch's", () => {
    given(started()).when(retarget({ oldBits: "17030ecc" })).thenRejected("RetargetInputMismatchError", "data.oldBits")
  })
  it("rejects a first block time other than the epoch's known one", () => {
    given(started()).when(retarget({ firstBlockTimeS: first + 1 })).thenRejected("RetargetInputMismatchError", "data.firstBlockTimeS")
  })
  it("rejects a block past the epoch's end before its retarget", () => {
    given(started()).when(later("BlockFound", { height: 870_912, blockTimeS: last + 600, fleet: true, subsidySats: 312_500_000, feesSats: 0 }))
      .thenRejected("RetargetMissingError", "data.height")
  })
  it("accepts the retarget's first block after it, and learns its time for the next retarget", () => {
    given(started(), retarget()).when(later("BlockFound", { height: 870_912, blockTimeS: last + 600, fleet: true, subsidySats: 312_500_000, feesSats: 1 }))
      .thenAccepted((s) => {
        expect(s.network.epochFirstBlockTimeS).toBe(last + 600)
        expect(s.network.fleetBlocks).toBe(1)
      })
  })
  it("rejects a block at or below the tip", () => {
    given(started()).when(later("BlockFound", { height: 870_911, blockTimeS: 1, fleet: false, subsidySats: 312_500_000, feesSats: 0 }))
      .thenRejected("BlockHeightOrderError", "data.height")
  })
  it("rejects a block subsidy off the schedule", () => {
    given(started()).when(later("BlockFound", { height: 870_912 - 1 + 0, blockTimeS: 1, fleet: true, subsidySats: 625_000_000, feesSats: 0 }))
      .thenRejected("BlockHeightOrderError", "data.height")
    given(started(), retarget()).when(later("BlockFound", { height: 870_913, blockTimeS: 1, fleet: true, subsidySats: 625_000_000, feesSats: 0 }))
      .thenRejected("BlockSubsidyMismatchError", "data.subsidySats")
  })
  const mined = (over: Partial<{ firstHeight: number; lastHeight: number; fleetBlocks: number; subsidySats: number; feesSats: number }>) =>
    later("BlocksMined", { firstHeight: 870_912, lastHeight: 871_055, fleetBlocks: 10, subsidySats: 3_125_000_000, feesSats: 5, ...over })
  it("accepts a period of blocks that follows the tip and stays in the epoch", () => {
    given(started(), retarget()).when(mined({})).thenAccepted((s) => {
      expect(s.network.tipHeight).toBe(871_055)
      expect(s.network.fleetBlocks).toBe(10)
    })
  })
  it("accepts an empty period (lastHeight = firstHeight - 1)", () => {
    given(started(), retarget()).when(mined({ lastHeight: 870_911, fleetBlocks: 0, subsidySats: 0, feesSats: 0 })).thenAccepted()
  })
  it("rejects a period that does not start right after the tip", () => {
    given(started(), retarget()).when(mined({ firstHeight: 870_913 })).thenRejected("BlockHeightOrderError", "data.firstHeight")
  })
  it("rejects a period across the retarget", () => {
    given(started()).when(mined({})).thenRejected("RetargetMissingError", "data.lastHeight")
  })
  it("rejects more fleet blocks than blocks", () => {
    given(started(), retarget()).when(mined({ lastHeight: 870_913, fleetBlocks: 3, subsidySats: 937_500_000 }))
      .thenRejected("BlocksMinedRangeError", "data.fleetBlocks")
  })
  it("rejects a period subsidy other than fleet blocks x the schedule", () => {
    given(started(), retarget()).when(mined({ subsidySats: 3_125_000_001 })).thenRejected("BlockSubsidyMismatchError", "data.subsidySats")
  })
  it("rejects a period across a halving", () => {
    const nearHalving = started({ network: { height: 1_049_999 - 100, bits: "17030ecd", epochFirstBlockTimeS: 1, hashrateThs: 1 } })
    given(nearHalving).when(later("BlocksMined", { firstHeight: 1_049_900, lastHeight: 1_050_001, fleetBlocks: 0, subsidySats: 0, feesSats: 0 }))
      .thenRejected("BlocksMinedRangeError", "data.lastHeight", /halving/)
  })
  it("accepts HalvingReached at a halving height with the new subsidy, and rejects others", () => {
    const nearHalving = started({ network: { height: 1_049_999, bits: "17030ecd", epochFirstBlockTimeS: 1, hashrateThs: 1 } })
    given(nearHalving).when(later("HalvingReached", { height: 1_050_000, subsidySats: 156_250_000 }))
      .thenAccepted((s) => expect(s.network.subsidySats).toBe(156_250_000))
    given(nearHalving).when(later("HalvingReached", { height: 1_050_001, subsidySats: 156_250_000 }))
      .thenRejected("HalvingHeightInvalidError", "data.height")
    given(nearHalving).when(later("HalvingReached", { height: 1_050_000, subsidySats: 312_500_000 }))
      .thenRejected("BlockSubsidyMismatchError", "data.subsidySats")
  })
})

describe("decider: the seal", () => {
  it("accepts a seal with the event count at the last event's time, and nothing after it", () => {
    const g = given(started(), bought(), at(T0)("LogSealed", { eventCount: 2, lastHash: "0".repeat(64) }))
    g.when(later("PriceObserved", { priceUsdCents: 1 })).thenRejected("LogSealError", "type")
  })
  it("rejects a seal with the wrong count or time", () => {
    given(started(), bought()).when(at(T0)("LogSealed", { eventCount: 3, lastHash: "0".repeat(64) })).thenRejected("LogSealError", "data.eventCount")
    given(started(), bought()).when(later("LogSealed", { eventCount: 2, lastHash: "0".repeat(64) })).thenRejected("LogSealError", "at")
  })
})
