"""Simulator: scenarios, the simulator source and the embedded fake TikTok that the default ``run`` plays."""
