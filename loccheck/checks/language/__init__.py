"""Language rules: text not in the market's language, letters of a foreign script."""
