"""Run loccheck as ``python -m loccheck``."""

from loccheck.cli import main

main()
