"""``python -m bridge`` is ``tiktok-bridge``."""

import sys

from .cli import main

sys.exit(main())
