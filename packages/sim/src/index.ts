// @hashsim/sim: see docs/ARCHITECTURE.md for what this package owns.
export {}
