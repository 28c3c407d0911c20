// The JIT's inlining budget for the engine's day loop, raised once per process (workers share V8's flags). V8
// inlines small callees into an optimised function until their bytecode adds up to 920 bytes; the day loop calls
// its parts (market, books, pool, outcome) through more than that, and every call it does not inline costs a frame
// and boxes the doubles passed across it. At 3,000 the whole day is inlined: measured 238 -> 212 CPU ns per
// path-day on cango-2024 with the numpy peer's market (docs/PERFORMANCE.md). Outputs cannot change: inlining is
// an optimisation V8 undoes on its own whenever it must. The flag is read at each compilation, so setting it
// before the engine's first path is enough.
import { setFlagsFromString } from "node:v8"

setFlagsFromString("--max-inlined-bytecode-size-cumulative=3000")
