"""Settings split by environment: base, dev (local default), test, production."""
