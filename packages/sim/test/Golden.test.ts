// The golden complete log: cango-2024 to 2025-01-01, seed 1, block engine. A change in its bytes is a change of
// the model: regenerate it (UPDATE_GOLDEN=1), bump MODEL_VERSION and add the new hash below, and say why in the
// commit. The hash table makes a regenerated golden without a version bump fail.
import { createHash } from "node:crypto"
import { readFileSync, writeFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { scenarioOfText } from "../src/scenario/Scenario.ts"
import { planUntil } from "../src/scenario/ScenarioCompiler.ts"
import { MODEL_VERSION, simulateLog } from "../src/Simulate.ts"

const GOLDEN_SHA256_BY_MODEL_VERSION: Readonly<Record<number, string>> = {
  1: "c012e570cf7e1a9979f4761e3871af20fea7c4ff58f386b68cde06af4429eae5",
  // 2: the hashprice-driven network, jump-diffusion price, mean-reverting fees and an operating policy (issue 13).
  2: "ca3127761a84e120b4f77e6e8d758ae6019bf9d9dba98fa020b3945f795bf46c",
  // 3: and cango-2024 starts from the real chain state (bits 1702c4e4, tip 869194); the model follows observed
  // stretches (issue 12).
  3: "d59b2b6e300f9e744708e7f2ec0169749d54f5ec295c1729e322424459df15e7",
  // 4: everyone else's hashrate is re-based at each observed retarget (issue 12's hand-over). This golden scenario
  // observes nothing: its events are model 3's but for `source.modelVersion` (and so the hash chain).
  4: "8292d63a2ad81a720fa0575d66d08c4ece3483c19691e08c495bfb2bfeec247a"
}

const goldenPath = fileURLToPath(new URL("./golden/cango-2024-seed1-block-until-2025-01-01.jsonl", import.meta.url))
const scenarioPath = fileURLToPath(new URL("../../../scenarios/cango-2024.jsonl", import.meta.url))

describe("golden complete log", () => {
  it("cango-2024, seed 1, block engine, to 2025-01-01: the same bytes as committed", () => {
    const plan = planUntil(scenarioOfText(readFileSync(scenarioPath)), Date.parse("2025-01-01T00:00:00Z") / 1000, "2025-01-01T00:00:00Z")
    const { text } = simulateLog(plan, 1, "block")
    if (process.env["UPDATE_GOLDEN"] === "1") writeFileSync(goldenPath, text)
    const golden = readFileSync(goldenPath, "utf8")
    expect(text).toBe(golden)
    expect(createHash("sha256").update(golden).digest("hex")).toBe(GOLDEN_SHA256_BY_MODEL_VERSION[MODEL_VERSION])
  })
})
