"""Sphinx extension: the book's title and author come from data (`lakip_lib.build` writes them
into the staging `_config.yml`), and some theme templates print them unescaped (navbar, footer,
the search page's <title>, a page's print title). Escape them once here and mark the result safe,
so that every template shows the text, never markup, and templates that escape do not escape
twice."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

KONTEKS = ("docstitle", "shorttitle", "project", "author", "copyright", "pagetitle")


def _lolos(app: Any, pagename: str, templatename: str, context: dict[str, Any],
           doctree: Any) -> None:
    for kunci in KONTEKS:
        nilai = context.get(kunci)
        if isinstance(nilai, str) and not isinstance(nilai, Markup):
            context[kunci] = escape(nilai)


def setup(app: Any) -> dict[str, Any]:
    # after the themes' own handlers (sphinx-book-theme sets author and pagetitle as plain text)
    app.connect("html-page-context", _lolos, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
