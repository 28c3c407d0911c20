// Units of simulated time: the economics kernel's (Effect-free, so the engine still loads without the ledger).
export { SECONDS_PER_DAY, SECONDS_PER_YEAR } from "@hashsim/economics"
