"""Save the facts loccheck derives from every CLDR locale (``loccheck/cldr_saved.py``).

Run after upgrading Babel, or after changing how a saved fact is derived:

    python scripts/save_cldr_facts.py

A process whose Babel is the version saved reads the facts from the file;
any other derives them. ``tests/test_cldr_saved.py`` fails while the file
and a fresh derivation differ.
"""

from __future__ import annotations

import json
from pathlib import Path

from loccheck.cldr_saved import SAVED_FILE, save_document


def main() -> None:
    """Derive every fact and write the file."""
    target = Path(__file__).resolve().parent.parent / "loccheck" / SAVED_FILE
    document = save_document()
    text = json.dumps(document, ensure_ascii=False, sort_keys=True, indent=1)
    target.write_text(text + "\n", encoding="utf-8")
    print(f"{target.name}: {len(document['facts'])} facts, Babel {document['babel']}")


if __name__ == "__main__":
    main()
