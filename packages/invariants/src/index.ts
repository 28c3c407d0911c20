// @hashsim/invariants: what every log must keep, each invariant a fold of its own (conservation, fleet, chain), the
// driver that runs them over a log, and the replay checks (report = outcome, snapshot + rest = full fold).
// Below the CLI; depends on chain, economics and ledger only.
export * from "./ChainInvariant.ts"
export * from "./ConservationInvariant.ts"
export * from "./FleetInvariant.ts"
export * from "./Invariant.ts"
export * from "./LogInvariants.ts"
export * from "./ReplayCheck.ts"
