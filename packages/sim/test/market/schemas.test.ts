// The market schemas (in the ledger's catalogue) accept the sourced defaults and reject what the models would reject.
import { describe, expect, it } from "vitest"
import { Result, Schema } from "effect"
import {
  HashpriceNetworkModel as HashpriceNetworkSchema, JumpDiffusionModel as JumpDiffusionPriceSchema,
  MeanRevertingFeesModel as MeanRevertingFeesSchema, OperatingPolicy as OperatingPolicySchema
} from "@hashsim/ledger"
import { HASHPRICE_NETWORK_DEFAULTS } from "../../src/market/HashpriceNetworkDefaults.ts"
import { JUMP_DIFFUSION_REFERENCE } from "../../src/market/JumpDiffusionPrice.ts"
import { MEAN_REVERTING_FEES_REFERENCE } from "../../src/market/MeanRevertingFees.ts"

const ok = (schema: Schema.Codec<unknown, unknown>, value: unknown): boolean =>
  Result.isSuccess(Schema.decodeUnknownResult(schema)(value))

describe("market schemas", () => {
  it("accept the reference parameters", () => {
    expect(ok(HashpriceNetworkSchema as Schema.Codec<unknown, unknown>, { model: "hashprice", ...HASHPRICE_NETWORK_DEFAULTS })).toBe(true)
    expect(ok(JumpDiffusionPriceSchema as Schema.Codec<unknown, unknown>, { model: "jumpDiffusion", ...JUMP_DIFFUSION_REFERENCE })).toBe(true)
    expect(ok(MeanRevertingFeesSchema as Schema.Codec<unknown, unknown>, { model: "meanReverting", ...MEAN_REVERTING_FEES_REFERENCE, shape: 2 })).toBe(true)
    expect(ok(OperatingPolicySchema as Schema.Codec<unknown, unknown>, { kind: "hashpriceFloor", floorUsdPerPhDay: 25 })).toBe(true)
  })
  it("reject shares that do not sum to 1, a fractional lag and a negative volatility", () => {
    const net = { model: "hashprice", ...HASHPRICE_NETWORK_DEFAULTS }
    expect(ok(HashpriceNetworkSchema as Schema.Codec<unknown, unknown>, { ...net, entrants: [{ powerUsdPerKwh: 0.04, shareOfOrders: 0.5 }] })).toBe(false)
    expect(ok(HashpriceNetworkSchema as Schema.Codec<unknown, unknown>, { ...net, orderLagDays: 1.5 })).toBe(false)
    expect(ok(JumpDiffusionPriceSchema as Schema.Codec<unknown, unknown>, { model: "jumpDiffusion", ...JUMP_DIFFUSION_REFERENCE, volatilityPerYear: -1 })).toBe(false)
  })
})
