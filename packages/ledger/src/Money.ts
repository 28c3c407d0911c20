// Integer money arithmetic: the one rounding rule (half-even, once, where an invoice is issued) is the economics
// kernel's; re-exported here for the ledger's users.
export { divHalfEven, roundHalfEven, satsToUsdCents } from "@hashsim/economics"
