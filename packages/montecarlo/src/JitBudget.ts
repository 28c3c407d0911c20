// The engine's V8 inlining budget (ENGINE_V8_FLAGS, owned by @hashsim/sim's engine/JitFlags.ts, which says why and
// what it measured), set once per process: workers share V8's flags, and a flag is read at each compilation, so
// setting it before the engine's first path is enough.
import { setFlagsFromString } from "node:v8"
import { ENGINE_V8_FLAGS } from "@hashsim/sim/engine"

for (const flag of ENGINE_V8_FLAGS) setFlagsFromString(flag)
