#!/usr/bin/env python
"""Django's command-line utility. `pbr_site` is the site/ folder (see pyproject.toml)."""

import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pbr_site.settings.dev")
    try:
        from django.core.management import execute_from_command_line
    except ImportError as exc:
        raise ImportError(
            "Django is not installed in this Python. Run `make install` (or `make run`), "
            "which creates .venv and installs requirements.txt."
        ) from exc
    execute_from_command_line(sys.argv)
