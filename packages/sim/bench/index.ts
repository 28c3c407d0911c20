// `pnpm bench` for @hashsim/sim: the random layer, then the engines.
import { runRandomBench } from "./random.bench.ts"
import { runEngineBench } from "./engines.bench.ts"

runRandomBench()
runEngineBench()
