import { Worker } from "node:worker_threads"
const w = new Worker(new URL("./boot.mjs", import.meta.url), { workerData: { n: 21, entry: new URL("./w.ts", import.meta.url).href } , execArgv: []})
w.on("message", (m) => { console.log("got", m); w.terminate() })
w.on("error", (e) => console.error("err", e))
