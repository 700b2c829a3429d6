"""Welsh wording of the demo pages, keyed by the English source string (filled in later)."""

WELSH = {}
