// `pnpm bench` for @hashsim/sim: the random layer, then the engines, then the hashprice network's step alone.
import { runRandomBench } from "./random.bench.ts"
import { runEngineBench } from "./engines.bench.ts"
import { runHashpriceNetworkBench } from "./hashpriceNetwork.bench.ts"

runRandomBench()
runEngineBench()
runHashpriceNetworkBench()
