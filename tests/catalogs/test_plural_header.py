"""An unreadable Plural-Forms header is named in one readable line."""

from __future__ import annotations

from loccheck.catalogs.plurals import gettext_categories


def test_an_unreadable_header_is_quoted_whole_when_short() -> None:
    header = 'nplurals=3; plural=__import__("os");'
    categories, problem = gettext_categories(header, "ru")
    assert categories == ()
    assert problem == f'cannot read the Plural-Forms header "{header}"'


def test_a_long_unreadable_header_is_cut_in_its_note() -> None:
    header = "nplurals=3; plural=(n%10==1 ? 0 : 1)" + "+(n)" * 3000 + ";"
    categories, problem = gettext_categories(header, "uk")
    assert categories == ()
    assert problem is not None and len(problem) < 200
    assert problem.startswith('cannot read the Plural-Forms header "nplurals=3;')
    assert problem.endswith('…"')
