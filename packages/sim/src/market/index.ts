// The market models (plain TypeScript, no Effect: the engine worker may load them). Their schemas are in
// schemas.ts, imported by the scenario compiler, not from here.
export * from "./Hashprice.ts"
export * from "./HashpriceNetwork.ts"
export * from "./HashpriceNetworkDefaults.ts"
export * from "./JumpDiffusionPrice.ts"
export * from "./MeanRevertingFees.ts"
export * from "./OperatingPolicy.ts"
export * from "./MarketParameterInvalidError.ts"
