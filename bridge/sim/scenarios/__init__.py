"""Built-in simulator scenarios (TOML data files)."""
