// Finds and reads the real chain data (`mainnet-retargets-*.csv`, `mainnet-headers-*.csv`) for a plan's start:
// from HASHSIM_CHAIN_DATA, else `../shared/data/chain` beside the hashsim checkout the CLI runs from.
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join, resolve } from "node:path"
import { type ChainData, chainDataOfCsv } from "./StartNetwork.ts"

/** The chain data folder to use, or undefined when none is at hand. `repoRoot` is the hashsim checkout. */
export const chainDataDir = (repoRoot: string, env: Readonly<Record<string, string | undefined>> = process.env): string | undefined => {
  const candidates = [env.HASHSIM_CHAIN_DATA, join(repoRoot, "..", "shared", "data", "chain")].filter((d): d is string => d !== undefined && d !== "")
  return candidates.map((d) => resolve(d)).find((d) => existsSync(d))
}

/** Reads every retarget and header table in a folder (an empty result when it holds none). */
export const loadChainData = (dir: string): ChainData | undefined => {
  const names = readdirSync(dir).filter((n) => n.endsWith(".csv")).sort()
  const retargets = names.filter((n) => n.startsWith("mainnet-retargets-")).map((n) => readFileSync(join(dir, n), "utf8"))
  const headers = names.filter((n) => n.startsWith("mainnet-headers-")).map((n) => readFileSync(join(dir, n), "utf8"))
  return retargets.length === 0 ? undefined : chainDataOfCsv(dir, retargets, headers)
}
