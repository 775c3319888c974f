"""The fork server every Sphinx run of a build is forked from (`penyusun` starts the runs): the
modules it imports once (`MODUL_SPHINX`), its start, and the body of a Sphinx process forked
from it (`jalankan_jupyter_book`, here so that the server imports nothing of the book). Light to
import, so that a build starts the server before it imports the book (its imports then run
beside the build's own, on the other core).
"""

from __future__ import annotations

import functools
import os
from typing import Any

# What a Sphinx run of the book imports (Jupyter Book, Sphinx, MyST-NB, the theme and the
# extensions of _config.yml): about a second, paid by every Sphinx process started afresh.
# The second line on are what a run imports when it sets up (Sphinx's built-in builders,
# domains and writers, MyST-NB's Sphinx extension with its execution cache and SQLAlchemy, the
# parts of Jupyter Book that build): measured at about half of a one-page rebuild's CPU time.
MODUL_SPHINX = ["jupyter_book.cli.main", "sphinx.application", "sphinx.builders.html",
                "myst_nb", "sphinx_book_theme",
                "sphinx_external_toc", "sphinx.ext.intersphinx", "lakip_lib.sphinx_aman",
                "lakip_lib.sphinx_id", "lakip_lib.sphinx_situs", "lakip_lib.sphinx_cepat",
                "lakip_lib.forkserver_sphinx",
                "sphinx_design", "jupyter_book.sphinx", "jupyter_book.config",
                "myst_nb.sphinx_ext", "myst_parser.sphinx_ext.main", "sphinx_design.extension",
                "sphinx_external_toc.collectors", "sphinx_external_toc.events",
                "sphinx_external_toc.parsing", "sphinx_jupyterbook_latex", "sphinx.ext.doctest",
                "sphinx.builders.latex", "sphinx.builders.texinfo", "sphinx.builders.manpage",
                "sphinx.builders.epub3", "sphinx.builders.text", "sphinx.builders.xml",
                "sphinx.domains.c", "sphinx.domains.cpp", "sphinx.domains.python",
                "sphinx.domains.changeset", "sphinx.domains.math", "sphinx.domains.javascript",
                "sphinx.domains.rst", "sphinx.domains.std",
                "docutils.parsers.rst.directives.admonitions",
                "docutils.parsers.rst.directives.tables", "docutils.parsers.rst.directives.misc",
                "babel.numbers", "jinja2.ext"]


def konteks_sphinx() -> Any:
    """Sphinx runs are forked from a fork server that imported MODUL_SPHINX once (the server
    outlives a build: `lakip serve` and a build of several years pay the imports once). The
    server is a fresh single-threaded process, so forking from it is safe."""
    import multiprocessing  # here: a build with nothing changed starts no process

    konteks = multiprocessing.get_context("forkserver")
    konteks.set_forkserver_preload(MODUL_SPHINX)
    return konteks


def siapkan_sphinx() -> None:
    """Start the fork server now, so that its imports happen beside the build's own work."""
    from multiprocessing import forkserver

    konteks_sphinx()
    forkserver.ensure_running()


PROSES_SPHINX = min(2, os.cpu_count() or 1)  # processes of one Sphinx run (its `-j`)


def jalankan_jupyter_book(argumen: list[str], log: str, lingkungan: dict[str, str], cwd: str
                          ) -> None:
    """The body of a Sphinx process: the build's environment and folder (the fork server's may
    be older), output to the log, then Jupyter Book's own command line."""
    os.environ.clear()
    os.environ.update(lingkungan)
    os.chdir(cwd)
    fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.dup2(fd, 1)
    os.dup2(fd, 2)
    os.close(fd)
    import jupyter_book.sphinx
    from jupyter_book.cli.main import main

    # Jupyter Book's command line has no option for Sphinx's parallel jobs; with two, Sphinx
    # reads the documents of a clean build in two processes and writes the pages in a second
    # process while this one indexes them for search (the same output: Sphinx merges them)
    jupyter_book.sphinx.build_sphinx = functools.partial(
        jupyter_book.sphinx.build_sphinx, jobs=PROSES_SPHINX)
    main(argumen)
