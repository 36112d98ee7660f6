"""Currency rules: foreign or ambiguous currencies, structured prices, formats."""
