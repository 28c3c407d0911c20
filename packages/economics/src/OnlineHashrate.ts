// Online hashrate: deployed x (1 - the site's curtailed fraction) x the fleet's uptime. Two forms of one rule,
// because callers sum in different places: per placement, or curtailed sums first and uptime once.

/** Deployed TH/s left running by curtailment: deployed x (1 - curtailed fraction). */
export const uncurtailedThs = (deployedThs: number, curtailedFraction: number): number => deployedThs * (1 - curtailedFraction)

/** TH/s online of `uncurtailed` TH/s at `uptimeFraction`. */
export const withUptimeThs = (uncurtailed: number, uptimeFraction: number): number => uncurtailed * uptimeFraction

/** Online TH/s of one placement: deployed x (1 - curtailed) x uptime. */
export const onlineThsOf = (deployedThs: number, curtailedFraction: number, uptimeFraction: number): number =>
  withUptimeThs(uncurtailedThs(deployedThs, curtailedFraction), uptimeFraction)
