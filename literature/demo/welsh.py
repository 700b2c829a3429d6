"""Welsh wording of the literature demo content, keyed by the English source string."""

WELSH = {}
