"""JSON written piece by piece: the same bytes as one dump of the whole."""

from __future__ import annotations

import io
import json
import random
from typing import Any

from formats_site import finding, run_result

from loccheck.model import Note
from loccheck.reporters.sarif import SarifReporter, sarif_log
from loccheck.reporters.stream import LazyArray, materialised, write_json
from loccheck.reporters.text import scrub


def _whole(value: Any) -> str:
    return scrub(json.dumps(materialised(value), ensure_ascii=False, indent=2))


def _written(value: Any) -> str:
    out = io.StringIO()
    write_json(out, value)
    return out.getvalue()


def _lazy(items: list[Any]) -> LazyArray:
    return LazyArray(lambda: iter(items))


_LEAVES = [0, -1.5, True, None, "", "a\nb", 'q"\\', "caf\udce9", "ёж", {}, []]


def _value(rng: random.Random, depth: int) -> Any:
    """A random JSON value in which some arrays are lazy."""
    if depth == 0 or rng.random() < 0.3:
        return rng.choice(_LEAVES)
    size = rng.randrange(4)
    if rng.random() < 0.4:
        return {f"k{i}\u00e9": _value(rng, depth - 1) for i in range(size)}
    items = [_value(rng, depth - 1) for _ in range(size)]
    return _lazy(items) if rng.random() < 0.5 else items


def test_written_piece_by_piece_it_is_one_dump_of_the_whole() -> None:
    rng = random.Random(7)
    values = [_value(rng, 4) for _ in range(400)]
    values += [_lazy([]), {"a": _lazy([])}, [_lazy([_lazy([{}])])]]
    for value in values:
        assert _written(value) == _whole(value)
    assert _written({"a": _lazy([])}) == '{\n  "a": []\n}'


def test_a_lazy_array_is_made_anew_each_time_it_is_read() -> None:
    made: list[int] = []

    def items() -> list[int]:
        made.append(1)
        return [1, 2]

    lazy = LazyArray(items)
    assert list(lazy) == list(lazy) == [1, 2]
    assert len(made) == 2


def test_the_sarif_log_is_written_as_one_dump_of_it() -> None:
    note = Note("caf\udce9.html", "unreadable", "caf\udce9.html: skipped.")
    result = run_result(
        [finding(), finding(page="caf\udce9.html", line=None, column=None)],
        notes=(note,),
    )
    out = io.StringIO()
    SarifReporter().render(result, out)
    expected = json.dumps(materialised(sarif_log(result)), ensure_ascii=False, indent=2)
    assert out.getvalue() == scrub(expected) + "\n"
    assert "\ufffd" in out.getvalue()
