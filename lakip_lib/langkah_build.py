"""What every step of a build shares: where the book's sources lie in the checkout (notebooks,
static pages, the Jupyter Book configuration), how a step reports its progress (`Lapor`) and
how it fails (`BuildGagal`, whose message is for the analyst).

The paths are read as attributes of this module at call time, so a test can point the build at
a copy of the sources.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

AKAR_PROYEK = Path(__file__).resolve().parent.parent
NOTEBOOKS = AKAR_PROYEK / "notebooks"
HALAMAN = AKAR_PROYEK / "book"
KONFIGURASI = AKAR_PROYEK / "_config.yml"

Lapor = Callable[[str], None]


class BuildGagal(Exception):
    """A build step failed; the message is for the analyst."""
