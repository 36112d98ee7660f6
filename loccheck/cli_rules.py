"""The rule commands: ``loccheck rules``, ``explain`` and ``test-rules``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from loccheck.checks.base import Rule
from loccheck.declarative.kinds.token_pattern import TokenPattern
from loccheck.declarative.loader import user_rules
from loccheck.declarative.spec import RuleFileError
from loccheck.markets import load_market
from loccheck.model import RuleInfo
from loccheck.registry import Registry, RegistryError, load_registry
from loccheck.ruledocs import render_rule, write_docs
from loccheck.testing import run_example

_RULES_OPTION = click.option(
    "--rules",
    "rule_dirs",
    multiple=True,
    metavar="DIR",
    type=click.Path(path_type=Path),
    help="Also load your own YAML rules from DIR (repeatable).",
)


def _registry(rule_dirs: tuple[Path, ...]) -> Registry:
    try:
        return load_registry(tuple(str(p) for p in rule_dirs))
    except RegistryError as exc:
        raise click.UsageError(str(exc)) from exc


def _row(info: RuleInfo) -> dict[str, object]:
    return {
        "id": info.id,
        "category": info.category.value,
        "severity": info.severity.value,
        "kind": info.kind,
        "markets": list(info.markets),
        "summary": info.summary,
        "source": info.source,
    }


@click.command("rules")
@_RULES_OPTION
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    help="A table for people, or JSON for tools.",
)
@click.option("--category", metavar="NAME", help="Only rules of this category.")
@click.option(
    "--write-docs",
    metavar="DIR",
    type=click.Path(path_type=Path, file_okay=False),
    help="Write one Markdown page per rule, and an index, into DIR.",
)
def rules_command(
    rule_dirs: tuple[Path, ...],
    output_format: str,
    category: str | None,
    write_docs: Path | None,
) -> None:
    """List every rule: id, category, severity, kind, markets, summary."""
    infos = [rule.info() for rule in _registry(rule_dirs).rules()]
    if category is not None:
        known = sorted({info.category.value for info in infos})
        if category not in known:
            raise click.BadParameter(
                f"unknown category {category!r} (known: {', '.join(known)})",
                param_hint="--category",
            )
        infos = [info for info in infos if info.category.value == category]
    if write_docs is not None:
        written = write_docs_folder(write_docs, infos)
        click.echo(f"wrote {written} rule pages and an index to {write_docs}")
        return
    if output_format == "json":
        json.dump(
            [_row(info) for info in infos], sys.stdout, ensure_ascii=False, indent=2
        )
        sys.stdout.write("\n")
        return
    width = max(len(info.id) for info in infos)
    for info in infos:
        markets = ",".join(info.markets) or "all"
        click.echo(
            f"{info.id:<{width}}  {info.category.value:<11} {info.severity.value:<7} "
            f"{info.kind:<13} {markets:<14} {info.summary}"
        )
    click.echo(f"\n{len(infos)} rules")


def write_docs_folder(folder: Path, infos: list[RuleInfo]) -> int:
    """Write the docs and return how many rule pages there are."""
    try:
        return len(write_docs(folder, infos)) - 1
    except OSError as exc:
        raise click.UsageError(f"{folder}: cannot write docs: {exc}") from exc


@click.command("explain")
@click.argument("rule_id", metavar="ID")
@_RULES_OPTION
def explain_command(rule_id: str, rule_dirs: tuple[Path, ...]) -> None:
    """Show a rule's documentation and examples."""
    registry = _registry(rule_dirs)
    rule = registry.get(rule_id)
    if rule is None:
        close = sorted(i for i in registry.ids() if rule_id in i or i in rule_id)
        hint = f" (did you mean {', '.join(close[:3])}?)" if close else ""
        raise click.BadParameter(f"unknown rule id {rule_id!r}{hint}", param_hint="ID")
    click.echo(render_rule(rule.info()), nl=False)


@click.command("test-rules")
@click.argument("folder", required=False, type=click.Path(path_type=Path, exists=True))
def test_rules_command(folder: Path | None) -> None:
    """Run every rule's examples (FOLDER: only the YAML rules in it).

    Each bad example must raise its rule and each good example must not.
    Exit code 0 when all pass, 1 when some fail, 2 when a rule file is broken.
    """
    paths = (str(folder),) if folder else ()
    try:
        registry = load_registry(paths)
        selected = (
            [rule.id for rule in user_rules(paths)]
            if folder
            else sorted(registry.ids())
        )
    except (RegistryError, RuleFileError) as exc:
        raise click.UsageError(str(exc)) from exc
    failures = 0
    for rule_id in selected:
        rule = registry.get(rule_id)
        assert rule is not None
        problems = _run_examples(rule, paths)
        if not rule.examples:
            problems.append("has no examples")
        failures += bool(problems)
        status = "FAIL" if problems else "ok  "
        click.echo(f"{status} {rule_id} ({len(rule.examples)} examples)")
        for problem in problems:
            click.echo(f"     {problem}")
    click.echo(f"\n{len(selected) - failures} passed, {failures} failed")
    sys.exit(1 if failures else 0)


def _compile_problems(rule: type[Rule]) -> list[str]:
    """Compile a token-pattern rule for each of its languages now, so that a
    pattern spaCy rejects is reported as such (at scan time it would only
    leave notes on pages)."""
    matcher = getattr(rule, "matcher", None)
    if not isinstance(matcher, TokenPattern):
        return []
    try:
        for market in rule.info().markets:
            matcher.matcher(load_market(market).language)
    except RuleFileError as exc:
        return [str(exc)]
    return []


def _run_examples(rule: type[Rule], paths: tuple[str, ...]) -> list[str]:
    info = rule.info()
    problems = _compile_problems(rule)
    if problems:
        return problems
    numbers = {"bad": 0, "good": 0}
    for example in info.examples:
        label = "bad" if example.bad else "good"
        numbers[label] += 1
        index = numbers[label]
        findings = run_example(example, info.id, paths)
        if example.bad and not findings:
            problems.append(f"{label} example {index} did not raise the rule")
        elif not example.bad and findings:
            problems.append(f"{label} example {index} raised it: {findings[0].message}")
    return problems
