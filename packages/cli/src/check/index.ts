// The invariant checks as library code: `hashsim check` and the properties of the top-level test/ share them.
export * from "./CheckFile.ts"
export * from "./LogInvariants.ts"
export * from "./ReplayCheck.ts"
