// The market models (plain TypeScript, no Effect: the engine worker may load them). Their schemas are in the
// ledger catalogue (@hashsim/ledger, Catalogue.ts), which the scenario compiler decodes with; the engine never imports it.
export * from "./Hashprice.ts"
export * from "./HashpriceNetwork.ts"
export * from "./HashpriceNetworkDefaults.ts"
export * from "./JumpDiffusionPrice.ts"
export * from "./MeanRevertingFees.ts"
export * from "./OperatingPolicy.ts"
export * from "./MarketParameterInvalidError.ts"
export * from "./StartingOrders.ts"
