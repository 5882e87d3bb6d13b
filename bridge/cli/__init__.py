"""The ``tiktok-bridge`` command line: ``run`` and its tools (replay, record, tail, status, services)."""
