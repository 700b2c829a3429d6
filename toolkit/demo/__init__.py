"""Demo content for the self-assessment tool: the questionnaire, its success factors,
result bands and three sample services used to tune and test the thresholds."""
