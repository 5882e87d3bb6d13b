"""``python -m bridge`` is ``tiktok-bridge``."""

import sys

from .cli.main import main

sys.exit(main())
