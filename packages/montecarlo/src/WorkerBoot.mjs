// Worker-thread entry in plain JavaScript: registers tsx's loader in this thread, then imports the TypeScript
// worker module. (Node 20 does not apply `--import tsx` from a Worker's execArgv before loading a .ts entry.)
import { workerData } from "node:worker_threads"
import { register } from "tsx/esm/api"

register()
await import(workerData.entryUrl)
