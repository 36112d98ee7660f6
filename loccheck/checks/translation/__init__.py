"""Translation artefacts: placeholders, keys, mojibake, look-alikes, typography."""
