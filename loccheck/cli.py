"""The ``loccheck`` command line: option parsing and output plumbing only."""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from loccheck import __version__
from loccheck.baseline import BaselineError, apply_baseline, load_baseline
from loccheck.baseline import write_baseline as save_baseline
from loccheck.catalogs.load import normalise_source_locale
from loccheck.config import FAIL_ON, Config, ConfigError, find_config, load_config
from loccheck.engine import ScanOptions, scan
from loccheck.glossary import GlossaryError, load_glossary, merge
from loccheck.markets import UnknownLocaleError, load_market
from loccheck.model import BaselineEntry, RunResult, Severity
from loccheck.registry import Registry, RegistryError, load_registry
from loccheck.reporters.base import ReportOptions, reporters

_MAX_NOTES_ON_TERMINAL = 30

SCAN_HELP = """Audit the exported storefront at PATH (a folder or one HTML file).

Translation catalogs in the folder (or PATH itself, when it is one) are
checked too: Shopify locales, i18next/vue-i18n JSON, gettext PO, XLIFF,
Rails and Symfony YAML, CSV.

\b
Examples:
  loccheck scan site/                         summary on the terminal
  loccheck scan site/ --locale ru-RU          every page is for ru-RU
  loccheck scan site/ --format json --output report.json
  loccheck scan site/ --format json:out/r.json --format text
  loccheck scan site/ --exclude 'drafts/**' --fail-on warning
  loccheck scan site/ --write-baseline .loccheck-baseline.json
  loccheck scan site/ --baseline .loccheck-baseline.json --format json:r.json
  loccheck scan theme/locales --source-locale de   catalogs written in German

\b
Exit codes: 0 no new finding at or above --fail-on (findings in --baseline
            do not count; --write-baseline always exits 0); 1 some;
            2 usage or input error (missing path, bad config, unknown locale,
            unreadable baseline).
"""


class FormatSpec(click.ParamType):  # type: ignore[type-arg]  # click>=8.2 only
    """``NAME`` or ``NAME:PATH``; NAME must be a known reporter."""

    name = "format"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> tuple[str, str | None]:
        """Split and validate a format spec."""
        if isinstance(value, tuple):
            return value
        name, _, path = str(value).partition(":")
        known = reporters()
        if name not in known:
            self.fail(
                f"unknown format {name!r} (known: {', '.join(sorted(known))})",
                param,
                ctx,
            )
        return name, path or None

    def get_metavar(
        self, param: click.Parameter, ctx: click.Context | None = None
    ) -> str:
        """Show the known format names in --help."""
        return f"[{'|'.join(sorted(reporters()))}][:PATH]"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="loccheck")
def main() -> None:
    """loccheck: audit a storefront for a foreign market before it goes live."""


def _config(path: Path, config_file: Path | None) -> Config:
    found = config_file or find_config(path.resolve())
    return load_config(found) if found else Config()


def _severities(
    config: Config, registry: Registry
) -> tuple[frozenset[str], tuple[tuple[str, Severity], ...]]:
    known = registry.ids()
    disabled: set[str] = set()
    severities: list[tuple[str, Severity]] = []
    for rule, setting in sorted(config.rules.items()):
        if rule not in known:
            raise ConfigError(f'{config.path}: key "rules.{rule}": unknown rule id')
        if setting == "off":
            disabled.add(rule)
        else:
            severities.append((rule, Severity(setting)))
    return frozenset(disabled), tuple(severities)


def _check_rule_ids(ids: tuple[str, ...], option: str, registry: Registry) -> None:
    unknown = sorted(set(ids) - registry.ids())
    if unknown:
        raise click.BadParameter(f"unknown rule id {unknown[0]!r}", param_hint=option)


@main.command("scan", help=SCAN_HELP)
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "--locale", "locale", metavar="TAG", help="Market for every page, e.g. ru-RU."
)
@click.option(
    "--source-locale",
    metavar="TAG",
    help="Language of the translation catalogs' source strings (default: "
    "what the files say, else en).",
)
@click.option(
    "--config",
    "config_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Config file (default: loccheck.toml or pyproject.toml found upward).",
)
@click.option(
    "--exclude", multiple=True, metavar="GLOB", help="Leave matching pages out."
)
@click.option(
    "--format",
    "formats",
    multiple=True,
    type=FormatSpec(),
    help="Output format NAME or NAME:PATH (repeatable).",
)
@click.option(
    "--excel",
    is_flag=True,
    help="csv: start with a byte-order mark and end lines with CRLF for Excel.",
)
@click.option(
    "--output",
    "-o",
    metavar="FILE",
    help="Where a format without a path goes ('-' = stdout).",
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    default=None,
    help="Lowest severity that makes the exit code 1 (default: error).",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes (default: number of cores).",
)
@click.option(
    "--host",
    "hosts",
    multiple=True,
    metavar="HOST",
    help="The shop's own host name, so absolute links map to local files.",
)
@click.option(
    "--glossary",
    "glossaries",
    multiple=True,
    metavar="FILE",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Terms never flagged: one per line, or YAML by market.",
)
@click.option(
    "--rules",
    "rule_dirs",
    multiple=True,
    metavar="DIR",
    type=click.Path(path_type=Path),
    help="A folder (or file) of your own YAML rules (repeatable).",
)
@click.option("--disable", multiple=True, metavar="ID", help="Turn a rule off.")
@click.option(
    "--enable",
    multiple=True,
    metavar="ID",
    help="Turn on a rule the config turned off.",
)
@click.option(
    "--baseline",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Known findings (from --write-baseline): reported, but only new ones fail.",
)
@click.option(
    "--write-baseline",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Record this run's findings as the baseline in FILE (exit code 0).",
)
def scan_command(
    path: Path,
    locale: str | None,
    source_locale: str | None,
    config_file: Path | None,
    exclude: tuple[str, ...],
    formats: tuple[tuple[str, str | None], ...],
    output: str | None,
    fail_on: str | None,
    jobs: int | None,
    hosts: tuple[str, ...],
    glossaries: tuple[Path, ...],
    disable: tuple[str, ...],
    rule_dirs: tuple[Path, ...],
    enable: tuple[str, ...],
    baseline: Path | None,
    write_baseline: Path | None,
    excel: bool,
) -> None:
    """Run a scan; see SCAN_HELP."""
    if not path.exists():
        raise click.BadParameter(f"{path}: no such file or folder", param_hint="PATH")
    try:
        config = _config(path, config_file)
        rule_paths = tuple(str(p) for p in (*config.rule_paths, *rule_dirs))
        registry = load_registry(rule_paths)
        disabled, severities = _severities(config, registry)
        market = locale or config.locale
        market_id = load_market(market).id if market else None
        source_tag = normalise_source_locale(source_locale)
        glossary = merge(load_glossary(p) for p in (*config.glossary, *glossaries))
        known = _baseline(baseline, config, write_baseline is not None)
    except (
        ConfigError,
        UnknownLocaleError,
        GlossaryError,
        RegistryError,
        BaselineError,
    ) as exc:
        raise click.UsageError(str(exc)) from exc
    _check_rule_ids(disable, "--disable", registry)
    _check_rule_ids(enable, "--enable", registry)
    options = ScanOptions(
        locale=market_id,
        markets=config.markets,
        exclude=tuple(config.exclude) + exclude,
        disabled=frozenset((disabled | set(disable)) - set(enable)),
        severities=severities,
        hosts=tuple(config.hosts) + hosts,
        glossary=glossary,
        rule_paths=rule_paths,
        source_locale=source_tag,
    )
    result = scan(path, str(path), options, jobs or config.jobs, _progress())
    result = apply_baseline(result, known) if known is not None else result
    _print_notes(result)
    if write_baseline is not None:
        try:
            count = save_baseline(result, write_baseline)
        except BaselineError as exc:
            raise click.UsageError(str(exc)) from exc
        click.echo(f"loccheck: {write_baseline}: {count} findings recorded", err=True)
    threshold = _severity(fail_on or config.fail_on or "error")
    report_options = ReportOptions(fail_on=threshold, excel=excel)
    _write_reports(result, formats or config.formats, output, report_options)
    failed = write_baseline is None and result.worst_at_or_above(threshold)
    sys.exit(1 if failed else 0)


def _baseline(
    given: Path | None, config: Config, writing: bool
) -> tuple[BaselineEntry, ...] | None:
    """Read --baseline, else the config's; a configured one may be created now."""
    path = given or config.baseline
    if path is None or (writing and given is None and not path.exists()):
        return None
    return load_baseline(path)


def _severity(threshold: str) -> Severity | None:
    return None if threshold == "never" else Severity(threshold)


def _progress() -> Any:
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        if total > 20:
            end = "\n" if done >= total else ""
            click.echo(f"\rchecked {done}/{total} pages", err=True, nl=False)
            if end:
                click.echo("", err=True)

    return show


def _print_notes(result: RunResult) -> None:
    for note in result.notes[:_MAX_NOTES_ON_TERMINAL]:
        click.echo(f"loccheck: {note.message}", err=True)
    hidden = len(result.notes) - _MAX_NOTES_ON_TERMINAL
    if hidden > 0:
        click.echo(f"loccheck: … and {hidden} more notes in the report", err=True)


def _write_reports(
    result: RunResult,
    formats: tuple[tuple[str, str | None], ...],
    output: str | None,
    report_options: ReportOptions,
) -> None:
    specs = list(formats) or [("text", None)]
    to_stdout = [name for name, target in specs if (target or output or "-") == "-"]
    if len(to_stdout) > 1:
        raise click.UsageError(
            "only one format can go to stdout; give the others a PATH"
        )
    known = reporters()
    for name, target in specs:
        destination = target or output or "-"
        reporter = known[name]()
        if destination == "-":
            reporter.render(result, sys.stdout, _for_terminal(report_options))
            continue
        out_path = Path(destination)
        try:
            out_path.parent.mkdir(parents=True, exist_ok=True)
            with out_path.open("w", encoding="utf-8", newline="\n") as handle:
                reporter.render(result, handle, report_options)
        except OSError as exc:
            raise click.UsageError(
                f"{destination}: cannot write report: {exc.strerror}"
            ) from exc


def _for_terminal(options: ReportOptions) -> ReportOptions:
    """Colour stdout when it is a terminal, unless NO_COLOR is set (no-color.org)."""
    color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    return replace(options, color=color)


def _add_rule_commands() -> None:
    from loccheck.cli_rules import explain_command, rules_command, test_rules_command

    for command in (rules_command, explain_command, test_rules_command):
        main.add_command(command)


_add_rule_commands()
