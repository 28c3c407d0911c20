// The plan `hashsim init` writes: the founding acquisition (scenarios/cango-2024.yaml, kept equal to it by a test),
// commented so a person can change the figures and run it.

export const planTemplate = `# A hashsim plan: the Cango 2024 acquisition (50 EH/s for $400M, hosted by Bitmain in the US).
# Write figures as you would say them: 50 EH/s, $400M, $0.075/kWh, 17.5 J/TH, 93%, 2025-03-01 (times are UTC).
# \`hashsim compile <plan> --out scenario.jsonl\` shows the events it becomes; \`hashsim run <plan> --seed 1 --out log.jsonl\`
# runs it. Sources of every figure: scenarios/README.md ("brief" = the founding brief, ../shared/seed-facts.md).
name: cango-2024
start: 2024-11-07
until: 2028-11-07              # four years, through the April 2028 halving (brief/issue)
discountRate: 10%              # a year, for NPV (assumption)
btcPrice: $75,600              # at the start (assumption: BTC traded near $75-76k on 2024-11-06/07)

# The network at the start: the real chain's state on 2024-11-07 (observed, ../shared/data/chain: the epoch from
# block 868,896, first block 2024-11-04T22:28:08Z, bits 1702c4e4; mainnet-retargets-870912-941472.csv line 2). Leave
# out height, bits and epochStart and \`hashsim compile\` takes the same from that data (it prints a note); stated
# here so the plan compiles to the same scenario without it. The hashrate stays the brief's.
network:
  height: 869194               # observed epoch, tip interpolated between its first and last block times (as compile does)
  bits: 1702c4e4               # observed: the epoch's bits (difficulty 101.65 T)
  epochStart: 2024-11-04T22:28:08Z   # observed: block 868,896's header time (1730759288)
  hashrate: 753.11 EH/s        # brief: the total, the fleet included (50 / 753.11 = 6.64%)

market:
  # Everyone else's machines answer to hashprice: classes switch off below their power cost, new machines arrive
  # after an order lag when hashprice exceeds the best machine's all-in cost (sourced defaults: scenarios/README.md).
  # Already on order at the start: what the model's own ordering rule would have ordered over the 120 days
  # before the start, on published hashprice and hashrate (scenarios/README.md, "The starting order pipeline").
  otherHashrate: { model: hashprice, onOrder: 181 EH/s }
  # 55% a year in all, split into a 45% diffusion and 6 jumps a year of log size N(-5%, 12%) (assumption, README).
  price: { model: jumpDiffusion, drift: 0.0, volatility: 45%, jumpsPerYear: 6, jumpMean: -5%, jumpSd: 12% }
  # A fee level that persists: log fees mean-revert to 0.07 BTC with a 1-year half-life (README).
  feePerBlock: { model: meanReverting, mean: 0.07 BTC, halfLife: 1 year, volatility: 63%, shape: 2 }
  uptime: { mean: 95%, sd: 2% }                                 # 32 EH/s x 95% = the brief's 30.4 EH/s
  # Monte Carlo, per path; the hashprice network has no drift of its own to perturb (its growth answers to price).
  uncertainty: { otherHashrateDriftSd: 0, priceDriftSd: 0.3, feeLevelSigma: 0.5 }

lots:
  - id: bitmain-32eh
    vendor: Bitmain
    hashrate: 32 EH/s
    machine: Antminer S21-class (assumed)
    efficiency: 17.5 J/TH      # assumption: Bitmain's S21 spec (200 TH/s at 3,500 W)
    price: $256M               # brief: cash, $8.00 per TH/s
    life: 4 years              # assumption: capex spread over 4 years for the all-in cost
    site: bitmain-us           # already deployed there (brief): online from the start
  - id: gtg-18eh
    vendor: Golden TechGen and other entities
    hashrate: 18 EH/s
    machine: Antminer S21-class (assumed)
    efficiency: 17.5 J/TH
    price: $144M               # brief: paid in new shares
    life: 4 years
    payment: { shares: 31578947, sharePrice: $4.56 }   # assumption: CANG's 2024 close (brief)

contracts:
  - id: bitmain-us-hosting
    host: Bitmain
    site: bitmain-us
    rate: $0.075/kWh           # assumption: US hosting for large clients, $0.07-0.08/kWh in 2024
    ends: 2028-11-07
    uptimeSla: 93%             # assumption: hosting SLAs are typically 90-95%
    slaCredit: $75/MWh         # paid per MWh of shortfall below the SLA
    curtailmentCredit: $0/MWh  # no curtailment planned at Bitmain's sites

pool: { mode: fpps, fee: 2.5% }  # assumption: a 50 EH/s customer negotiates below the public 2.5-4%
sales: hold                      # brief: none sold to the end of December 2024
operating: alwaysOn                # assumption: the hosted fleet runs whatever hashprice does

schedule:
  - { on: 2024-12-31, price: $98k }       # brief: 933.8 BTC valued at about $91.51M
  - { on: 2025-03-01, deploy: 6 EH/s, lot: gtg-18eh, site: bitmain-us }   # assumption: three tranches
  - { on: 2025-05-01, deploy: 6 EH/s, lot: gtg-18eh, site: bitmain-us }
  - { on: 2025-07-01, deploy: 6 EH/s, lot: gtg-18eh, site: bitmain-us }
`
