// The fleet per site (installed TH/s, power drawn, scheduled and random curtailment) and the rates that follow
// from it and the market: the fleet's online TH/s, the network's hashes per second, the block rate and the
// fleet's share of blocks. The engines read `lambda` and `pFleet`; every change of their inputs calls `update`.
import type { EngineFaults } from "../engine/EngineFaults.ts"
import * as economics from "@hashsim/economics"

// Bound once: under tsx's module transform every use of an imported name is a getter call, too dear per day.
const { uncurtailedThs, HASHES_PER_THS } = economics

export class Fleet {
  readonly siteThs: Float64Array
  readonly sitePowerW: Float64Array
  /** Scheduled curtailment (plan events) and random curtailment (the market model) per site, as fractions. */
  readonly siteCurtailed: Float64Array
  readonly siteRandomCurtailed: Float64Array
  /** 1 where the fleet's operating policy has switched the site off for the day (a whole site, not a share). */
  readonly sitePolicyOff: Uint8Array
  onlineThs = 0
  /**
   * The operator's reported operating TH/s while a FleetOperationObserved is in force (-1: none): it is the online
   * hashrate (downtime and curtailment included), as the ledger's onlineThsAt says.
   */
  observedThs = -1
  /** Under an observation: observed / deployed TH/s, so a site draws its deployed power times this (0 otherwise). */
  observedScale = 0
  networkHs = 0
  /** Blocks per second of the whole network at the current work per block. */
  lambda = 0
  /** The fleet's share of the network's blocks. */
  pFleet = 0
  private readonly shareOfOthers: boolean
  private readonly rateIgnoresFleet: boolean

  constructor(
    nSites: number,
    /** Where everyone else's hashrate, the uptime and the work per block are read (fields, not arguments: a
     * double passed to a call that is not inlined is boxed). */
    private readonly market: { readonly otherThs: number; readonly uptimeFraction: number },
    private readonly chain: { readonly work: number },
    faults: EngineFaults | undefined
  ) {
    this.siteThs = new Float64Array(nSites)
    this.sitePowerW = new Float64Array(nSites)
    this.siteCurtailed = new Float64Array(nSites)
    this.siteRandomCurtailed = new Float64Array(nSites)
    this.sitePolicyOff = new Uint8Array(nSites)
    this.shareOfOthers = faults?.fleetShareOfOthers === true
    this.rateIgnoresFleet = faults?.rateIgnoresFleet === true
  }

  reset(): void {
    this.siteThs.fill(0)
    this.sitePowerW.fill(0)
    this.siteCurtailed.fill(0)
    this.siteRandomCurtailed.fill(0)
    this.sitePolicyOff.fill(0)
    this.observedThs = -1
    this.observedScale = 0
  }

  /** A site's curtailed fraction by its host: the larger of the scheduled and the random one. */
  hostCurtailedAt(s: number): number {
    const c = this.siteCurtailed[s]!
    const r = this.siteRandomCurtailed[s]!
    return c > r ? c : r
  }

  /** The share of a site's machines not running: all while its operating policy has it off, else its curtailment. */
  curtailedAt(s: number): number {
    return this.sitePolicyOff[s] === 1 ? 1 : this.hostCurtailedAt(s)
  }

  /** Machines of `jth` J/TH deployed (`ths` > 0) or removed (< 0) at site `s`. */
  deploy(s: number, ths: number, jth: number): void {
    this.siteThs[s] = Math.max(0, this.siteThs[s]! + ths)
    this.sitePowerW[s] = Math.max(0, this.sitePowerW[s]! + ths * jth)
  }

  /** The rates for the market's other hashrate and uptime and the chain's work per block. */
  update(): void {
    const otherThs = this.market.otherThs
    const uptime = this.market.uptimeFraction
    let online = 0
    if (this.observedThs >= 0) {
      let deployed = 0
      for (let s = 0; s < this.siteThs.length; s++) deployed += this.siteThs[s]!
      online = this.observedThs
      this.observedScale = deployed > 0 ? online / deployed : 0
    } else {
      for (let s = 0; s < this.siteThs.length; s++) online += uncurtailedThs(this.siteThs[s]!, this.curtailedAt(s))
      online *= uptime
    }
    this.onlineThs = online
    const network = otherThs + online
    this.pFleet = network > 0 ? online / network : 0
    if (this.shareOfOthers) this.pFleet = otherThs > 0 ? Math.min(1, online / otherThs) : 0
    this.networkHs = (this.rateIgnoresFleet ? otherThs : network) * HASHES_PER_THS
    this.lambda = this.networkHs / this.chain.work
  }

  /** After a retarget: the same hashes at the new work per block. */
  rework(): void {
    this.lambda = this.networkHs / this.chain.work
  }
}
