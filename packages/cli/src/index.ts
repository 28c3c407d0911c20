// @hashsim/cli: the `hashsim` command. Its entry point is main.ts; this module exposes the pieces tests use.
export * from "./ExitCode.ts"
export * from "./Version.ts"
