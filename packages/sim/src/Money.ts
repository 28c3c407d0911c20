// Exact integer money for the hot loop, from the economics kernel (Effect-free, so the engine loads without the ledger).
export { centsOfSats, kwhOfJoules, roundHalfEven } from "@hashsim/economics"
