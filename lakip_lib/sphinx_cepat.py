"""Sphinx extension: the page templates are compiled once, not in every Sphinx run.

Jinja compiles each template a run renders (the theme's layout, sidebars and components) from
its source in every Sphinx process: about a quarter of the CPU of a one-page rebuild. A Jinja
bytecode cache beside Sphinx's own environment (<doctrees>/jinja) keeps the compiled code from
one run to the next; a template whose source changed is compiled again (the cache checks a
checksum of the source), and what is rendered does not change. The folder is the build's own,
like the environment pickle Sphinx already reads back from it.

The search index stems every word of every page a run writes with the Porter stemmer (pure
Python, about a quarter of a rebuild's CPU) although the book repeats its words: each distinct
word is stemmed once per run (the stem depends on the word alone, so the index is the same).

Imported by the Sphinx fork server (`forkserver_sphinx.MODUL_SPHINX`), this module also compiles the CSS
selectors the theme's navigation uses (`SELEKTOR_TEMA`: soupsieve compiles its own parser's
patterns on first use, a tenth of a one-page rebuild's CPU), so that every run forked from the
server finds them compiled.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def _pasang(app: Any) -> None:
    """Give the HTML builder's template environment a bytecode cache (once it exists)."""
    from jinja2 import FileSystemBytecodeCache

    lingkungan = getattr(getattr(app.builder, "templates", None), "environment", None)
    if lingkungan is None:  # a builder without Jinja templates
        return
    folder = Path(app.doctreedir) / "jinja"
    folder.mkdir(parents=True, exist_ok=True)
    lingkungan.bytecode_cache = FileSystemBytecodeCache(str(folder))


# the selectors pydata-sphinx-theme's toctree code passes to BeautifulSoup's select()
SELEKTOR_TEMA = ("li", ".toc-h1", ".toc-h2", "details > a.reference", "details > p.caption",
                 *(f"li.toctree-l{i} > details" for i in range(1, 7)))


def hangatkan_selektor() -> None:
    import soupsieve

    for selektor in SELEKTOR_TEMA:
        soupsieve.compile(selektor)


_STEM: dict[str, str] = {}  # word → its stem, in this Sphinx process


def _stem_sekali() -> None:
    """Memoise the English search language's stem (the one Sphinx uses for Indonesian, which
    has no stemmer of its own), once per process."""
    from sphinx.search.en import SearchEnglish

    asli = SearchEnglish.stem
    if getattr(asli, "__name__", "") == "_stem_diingat":
        return

    def _stem_diingat(self: Any, word: str) -> str:
        hasil = _STEM.get(word)
        if hasil is None:
            hasil = _STEM[word] = asli(self, word)
        return hasil

    SearchEnglish.stem = _stem_diingat  # type: ignore[method-assign]


def setup(app: Any) -> dict[str, Any]:
    _stem_sekali()
    app.connect("builder-inited", _pasang)
    return {"parallel_read_safe": True, "parallel_write_safe": True}


hangatkan_selektor()  # at import: in the fork server, once for every Sphinx run forked from it
