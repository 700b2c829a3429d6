"""Demo content for the literature review: taxonomy, bibliography, digests and glossary."""
