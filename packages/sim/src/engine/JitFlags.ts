// The V8 inlining budget the engine's day loop is built for, as command-line flags (applied by whoever runs the
// engine in bulk: Monte Carlo's workers, montecarlo/src/JitBudget.ts, and the engine benches). Plain data: the
// simulator itself loads no Node API.
//
// Why: V8 inlines small callees into an optimised function until their bytecode adds up to a budget (920 bytes by
// default, 460 for one callee, 4,600 absolute). The day loop calls its parts (market, books, pool, outcome,
// treasury) through far more than that, and every call it does not inline costs a frame and boxes the doubles
// passed across it. With these budgets the whole day is compiled as one function. Measured (CPU ns per path-day,
// median of per-process medians, alternated; docs/PERFORMANCE.md "Inlining budget"): 2ec81f3's cango-2024 199 -> 167,
// the numpy peer's model 195 -> 178, cango-2024 as shipped 546 -> 486, against 3,000 cumulative alone. Larger
// budgets were slower on the shipped scenario (15,000 cumulative: 683), so these are not "as high as possible".
// Outputs cannot change: inlining is an optimisation V8 undoes on its own whenever it must.
export const ENGINE_V8_FLAGS = [
  "--max-inlined-bytecode-size-cumulative=10000",
  "--max-inlined-bytecode-size=1000",
  "--max-inlined-bytecode-size-absolute=20000"
] as const
