"""Meta-lint of the rule catalogue: ids, docs, examples, markets named in examples."""

from __future__ import annotations

import re

from loccheck.checks import PAGE_CHECKS, SITE_CHECKS
from loccheck.markets import load_market
from loccheck.registry import load_registry

ID = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


def test_ids_are_unique_kebab_case() -> None:
    ids = [rule.id for rule in load_registry().rules()]
    assert len(ids) == len(set(ids))
    for rule_id in ids:
        assert ID.match(rule_id), rule_id


def test_every_rule_is_documented() -> None:
    for rule in load_registry().rules():
        info = rule.info()
        assert info.summary.endswith(".") and len(info.summary) < 100, rule.id
        assert len(info.why.split()) >= 12, f"{rule.id}: 'why' should explain the harm"
        assert info.category and info.severity


def test_examples_name_real_markets() -> None:
    for rule in load_registry().rules():
        for example in rule.examples:
            if example.market:
                assert load_market(example.market).id == example.market


def test_registry_lists_each_module_once() -> None:
    classes = [*PAGE_CHECKS, *SITE_CHECKS]
    assert len(classes) == len(set(classes))
    modules = {cls.__module__.rsplit(".", 1)[-1] for cls in classes}
    assert modules == {cls.id.replace("-", "_") for cls in classes}


def test_at_least_25_rules_with_yaml_rules_among_them() -> None:
    infos = [rule.info() for rule in load_registry().rules()]
    assert len(infos) >= 25
    kinds = {info.kind for info in infos}
    assert {"python", "existence", "substitution", "pattern"} <= kinds
    assert {"token-pattern", "attribute"} <= kinds
