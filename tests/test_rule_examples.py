"""Every rule's bad examples raise it; its good examples do not (examples are tests)."""

from __future__ import annotations

import pytest

from loccheck.model import Example
from loccheck.registry import load_registry
from loccheck.testing import run_example

CASES = [
    pytest.param(
        rule.id,
        example,
        id=f"{rule.id}[{'bad' if example.bad else 'good'}-{index}"
        f"-{example.market or 'auto'}]",
    )
    for rule in load_registry().rules()
    for index, example in enumerate(rule.examples)
]


@pytest.mark.parametrize(("rule_id", "example"), CASES)
def test_example(rule_id: str, example: Example) -> None:
    findings = run_example(example, rule_id)
    if example.bad:
        assert findings, f"bad example did not raise {rule_id}"
    else:
        assert not findings, f"good example raised {rule_id}: {findings[0].message}"


def test_every_rule_has_bad_and_good_examples() -> None:
    for rule in load_registry().rules():
        kinds = {example.bad for example in rule.examples}
        assert kinds == {True, False}, f"{rule.id} needs bad and good examples"
