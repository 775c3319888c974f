"""Sphinx extension: the page templates are compiled once, not in every Sphinx run.

Jinja compiles each template a run renders (the theme's layout, sidebars and components) from
its source in every Sphinx process: about a quarter of the CPU of a one-page rebuild. A Jinja
bytecode cache beside Sphinx's own environment (<doctrees>/jinja) keeps the compiled code from
one run to the next; a template whose source changed is compiled again (the cache checks a
checksum of the source), and what is rendered does not change. The folder is the build's own,
like the environment pickle Sphinx already reads back from it.
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


def setup(app: Any) -> dict[str, Any]:
    app.connect("builder-inited", _pasang)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
