"""Project configuration for the PbR Toolkit, imported as ``pbr_site``.

The folder is called ``site/`` (the design card's layout) but Python already owns the
name ``site``; pyproject.toml maps the import name ``pbr_site`` onto this folder.
"""
