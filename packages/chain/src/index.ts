// @hashsim/chain: Bitcoin consensus arithmetic, exact to Bitcoin Core.
export {}
