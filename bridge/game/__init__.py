"""Game layer: gift streaks, the rules engine and the ledger, on top of the daemon's event stream."""
