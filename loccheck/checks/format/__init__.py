"""Format rules: dates, times, decimal separators and units of another country."""
