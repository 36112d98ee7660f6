"""Language machinery: scripts, masking, lexicons, the language detector."""
