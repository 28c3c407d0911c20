// The checks of `hashsim check` on files: what runs the simulator (seeded runs, re-runs) lives here; the invariants
// and replay checks themselves are @hashsim/invariants'.
export * from "./CheckFile.ts"
