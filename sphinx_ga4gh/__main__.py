"""``python -m sphinx_ga4gh``: the ``sphinx-ga4gh`` command."""

import sys

from .cli import main

sys.exit(main())
