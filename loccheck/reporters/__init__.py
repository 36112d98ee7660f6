"""Reporters: each output format is its own module."""
