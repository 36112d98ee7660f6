"""Rule unknown-suppression."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator

from loccheck import suppress
from loccheck.checks.base import Check, PageContext, bad, good
from loccheck.model import Category, Finding, Severity

_PAGE = (
    '<html lang="ru"><head><meta charset="utf-8"></head><body>\n{}\n'
    "<p>Цена: 2 490 ₽</p>\n</body></html>"
)


class UnknownSuppression(Check):
    """A loccheck suppression names a rule that does not exist."""

    id = "unknown-suppression"
    category = Category.MARKUP
    severity = Severity.WARNING
    why = """A suppression with a misspelt rule id, or a misspelt directive such as
    `loccheck-disable-line`, silently suppresses nothing: the finding it was
    meant to hide keeps coming back, or worse, a later rename leaves stale
    suppressions nobody notices."""
    examples = (
        bad(_PAGE.format("<!-- loccheck-disable-next-line foreign-curency -->")),
        bad(_PAGE.format("<!-- loccheck-disable-line foreign-currency -->")),
        bad(_PAGE.format('<div data-loccheck-ignore="price-formats"></div>')),
        good(_PAGE.format("<!-- loccheck-disable-next-line foreign-currency -->")),
        good(_PAGE.format('<div data-loccheck-ignore="price-format"></div>')),
        good(_PAGE.format("<!-- loccheck-disable -->\n<!-- loccheck-enable -->")),
    )

    def check(self, ctx: PageContext) -> Iterator[Finding]:
        """Flag unknown rule ids and misspelt directives in the page's suppressions."""
        if "loccheck-" not in ctx.page.source:
            return
        directives = suppress.parse(ctx.page)[0]
        if not directives:
            return
        known = suppress.known_rule_ids(ctx.rule_paths)
        for directive in directives:
            if directive.form != "ignore" and directive.form not in suppress.FORMS:
                name = f"loccheck-{directive.form}"
                forms = [f"loccheck-{form}" for form in suppress.FORMS]
                yield self._finding(ctx, directive, name, forms, "directive")
            for rule_id in directive.ids:
                if rule_id not in known:
                    yield self._finding(ctx, directive, rule_id, known, "rule id")

    def _finding(
        self,
        ctx: PageContext,
        directive: suppress.Directive,
        name: str,
        choices: Iterable[str],
        what: str,
    ) -> Finding:
        close = difflib.get_close_matches(name, sorted(choices), n=1)
        hint = f' (did you mean "{close[0]}"?)' if close else ""
        return self.at(
            ctx,
            directive.line,
            name,
            f'Unknown {what} "{name}" in a loccheck suppression: it suppresses '
            f"nothing{hint}.",
            selector=directive.selector,
            scope="markup",
            found={what.replace(" ", "_"): name},
            suggestion=close[0] if close else None,
        )
