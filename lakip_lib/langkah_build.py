"""What every step of a build shares: where the book's sources lie in the checkout (notebooks,
static pages, the Jupyter Book configuration), how a step reports its progress (`Lapor`) and
how it fails (`BuildGagal`, whose message is for the analyst), and the lock that keeps one build
at a time in a build folder (`gembok_build`).

The paths are read as attributes of this module at call time, so a test can point the build at
a copy of the sources.
"""

from __future__ import annotations

import fcntl
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

AKAR_PROYEK = Path(__file__).resolve().parent.parent
NOTEBOOKS = AKAR_PROYEK / "notebooks"
HALAMAN = AKAR_PROYEK / "book"
KONFIGURASI = AKAR_PROYEK / "_config.yml"

Lapor = Callable[[str], None]


class BuildGagal(Exception):
    """A build step failed; the message is for the analyst."""


_GEMBOK_DIPEGANG: set[Path] = set()  # build folders this process (or the one it was forked
# from: `lakip_lib.bangun_semua` builds several editions of one folder at once) holds the lock of


@contextmanager
def gembok_build(folder: Path) -> Iterator[None]:
    """One build at a time per build folder: a second one refuses with a clear message."""
    folder.mkdir(parents=True, exist_ok=True)
    if folder.resolve() in _GEMBOK_DIPEGANG:
        yield
        return
    # the file keeps its old name: a build by an older commit in this folder still sees the lock
    with (folder / ".kunci").open("w") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildGagal(f"Build lain sedang berjalan di {folder}. Tunggu hingga selesai, "
                             "lalu jalankan ulang.") from None
        _GEMBOK_DIPEGANG.add(folder.resolve())
        try:
            yield
        finally:
            _GEMBOK_DIPEGANG.discard(folder.resolve())
            fcntl.flock(f, fcntl.LOCK_UN)
