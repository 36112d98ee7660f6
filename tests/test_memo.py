"""The bounded text memo that the page-wide passes share."""

from __future__ import annotations

from loccheck.memo import REPEATED_TEXTS, each_memoised


def test_misses_are_computed_once_and_hits_read_from_the_memo() -> None:
    memo: dict[str, int] = {}
    computed: list[str] = []

    def length(text: str) -> int:
        computed.append(text)
        return len(text)

    assert each_memoised(memo, ["ab", "c"], length) == [2, 1]
    assert each_memoised(memo, ["c", "def", "ab"], length) == [1, 3, 2]
    assert computed == ["ab", "c", "def"]
    assert memo == {"ab": 2, "c": 1, "def": 3}


def test_a_full_memo_is_emptied_before_it_grows_past_its_bound() -> None:
    memo = {str(n): n for n in range(REPEATED_TEXTS)}
    assert each_memoised(memo, ["1", "new"], len) == [1, 3]
    assert memo == {"new": 3}  # emptied, then the miss stored
