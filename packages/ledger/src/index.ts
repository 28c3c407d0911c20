// @hashsim/ledger: see docs/ARCHITECTURE.md for what this package owns.
export {}
