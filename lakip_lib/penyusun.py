"""The edition assembled by Jupyter Book: its sources (static pages, configuration, table of
contents, the Vega bundle served by the site itself), and each Sphinx run in a process forked
from a fork server that imported Sphinx once, with the tidying that makes an incremental run
write what a clean one does (static files, the search index).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from lakip_lib import cache, edisi, langkah_build, sphinx_situs
from lakip_lib.book import susunan
from lakip_lib.data_tahun import DataTahun
from lakip_lib.forkserver_sphinx import jalankan_jupyter_book, konteks_sphinx
from lakip_lib.json_terbit import json_terbit
from lakip_lib.langkah_build import BuildGagal


def folder_cache_mesin(cache_build: Path) -> Path:
    """This machine's cache of lakip ($XDG_CACHE_HOME/lakip, else ~/.cache/lakip), for what
    depends only on the installed packages, not on a book or its data; the build folder's cache
    `cache_build` when that one cannot be made or written."""
    xdg = Path(os.environ.get("XDG_CACHE_HOME", ""))
    try:  # a relative XDG_CACHE_HOME is ignored, as its specification says
        folder = (xdg if xdg.is_absolute() else Path.home() / ".cache") / "lakip"
        folder.mkdir(parents=True, exist_ok=True)
    except (OSError, RuntimeError):  # no home directory, or a read-only one
        return cache_build
    return folder if os.access(folder, os.W_OK | os.X_OK) else cache_build


def _berkas_bundel_vega(cache: Path) -> tuple[Path, str]:
    """Where the Vega bundle of the installed Altair and vl-convert is kept, and the Vega-Lite
    version it is made for: in the machine's cache (`folder_cache_mesin`), shared by every
    build folder, agency and clean build of this machine (making it costs vl-convert about two
    seconds of CPU, and it depends only on those two packages)."""
    import altair as alt
    import vl_convert as vlc

    versi = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
    # vl_convert's own stub omits __version__ and marks javascript_bundle's optional snippet as
    # required (both exist as used here at run time)
    nama = f"vega-{versi}-{vlc.__version__}.js"  # type: ignore[attr-defined]
    return folder_cache_mesin(cache) / nama, versi


_AWAL_BUNDEL, _AKHIR_BUNDEL = b"(function () {\n", b"\n})();\n"


def tulis_bundel_vega(path: Path, versi: str) -> None:
    import vl_convert as vlc

    path.parent.mkdir(parents=True, exist_ok=True)
    bundel = vlc.javascript_bundle(vl_version=versi)  # type: ignore[call-arg]  # stub: see above
    isi = _AWAL_BUNDEL.decode() + bundel + _AKHIR_BUNDEL.decode()
    sementara = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    sementara.write_text(isi, encoding="utf-8")
    sementara.replace(path)


def bundel_utuh(path: Path) -> bool:
    """Whether the cached bundle at `path` is one `tulis_bundel_vega` wrote, read back as
    untrusted (every edition publishes it): a regular file, not a link to another, wrapped
    whole (a file cut short by a full disk or a power cut is written again)."""
    try:
        if path.is_symlink() or not path.is_file():
            return False
        with path.open("rb") as f:
            awal = f.read(len(_AWAL_BUNDEL))
            f.seek(-len(_AKHIR_BUNDEL), os.SEEK_END)
            return awal == _AWAL_BUNDEL and f.read() == _AKHIR_BUNDEL
    except OSError:  # unreadable, or shorter than its wrapping
        return False


def bundel_vega(cache: Path) -> str:
    """The Vega + Vega-Lite + vega-embed bundle, served by the site itself (no CDN)."""
    path, versi = _berkas_bundel_vega(cache)
    if not bundel_utuh(path):
        tulis_bundel_vega(path, versi)
    return path.read_text(encoding="utf-8")


BUNDEL = "vega-bundle.js"  # in the edition's _static/, beside lakip.js that loads it


def pasang_bundel_vega(html: Path, cache_umum: Path) -> None:
    """Put the Vega bundle (`bundel_vega`) in the built edition's `_static/`. No page names it
    (lakip.js loads it when a chart comes near the screen), so it is not a Sphinx source: it
    is placed after the Sphinx run, and when this machine has none yet vl-convert writes it
    (about two seconds of CPU) beside that run instead of before it."""
    tujuan = html / "_static" / BUNDEL
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    cache.tulis_jika_berbeda(tujuan, bundel_vega(cache_umum))


def mulai_bundel_vega(cache: Path) -> subprocess.Popen[bytes] | None:
    """Write the Vega bundle in a process of its own (`bundel_vega` reads it), when missing."""
    path, versi = _berkas_bundel_vega(cache)
    if bundel_utuh(path):
        return None
    skrip = ("import sys; from pathlib import Path; from lakip_lib.penyusun import "
             "tulis_bundel_vega; tulis_bundel_vega(Path(sys.argv[1]), sys.argv[2])")
    return subprocess.Popen([sys.executable, "-c", skrip, str(path), versi],
                            cwd=langkah_build.AKAR_PROYEK, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


def siapkan_sumber(d: DataTahun, src: Path, cache_umum: Path, dengan_pdf: bool = True) -> str:
    """Static pages, assets, configuration and table of contents of the edition, written only
    where they changed. Returns a fingerprint of all of them."""
    for asal in sorted(p for p in langkah_build.HALAMAN.rglob("*")
                       if p.is_file() and p != susunan.BERKAS):
        cache.salin_jika_berbeda(asal, src / asal.relative_to(langkah_build.HALAMAN))
    (src / "_static" / BUNDEL).unlink(missing_ok=True)  # copied by Sphinx in earlier versions
    konfigurasi = yaml.safe_load(langkah_build.KONFIGURASI.read_text(encoding="utf-8"))
    i = d.instansi
    konfigurasi["title"] = f"LAKIP {d.tahun} · {i.nama_singkat} {i.kabupaten}"
    konfigurasi["author"] = i.nama
    tema = konfigurasi["sphinx"]["config"]["html_theme_options"]
    tema["announcement"] = edisi.pengumuman(d, dengan_pdf)
    tema["extra_footer"] = edisi.catatan_kaki(d)
    # canonical and Open Graph URLs of this edition's pages (lakip_lib.sphinx_situs)
    dasar = str(konfigurasi.get("html", {}).get("baseurl") or "").strip()
    if dasar:
        konfigurasi["html"]["baseurl"] = f"{dasar.rstrip('/')}/{d.tahun}/"
    if dengan_pdf and sphinx_situs.bisa_gambar_bagikan():
        konfigurasi["sphinx"]["config"]["lakip_gambar_bagikan"] = sphinx_situs.GAMBAR_BAGIKAN
    teks_konfigurasi = yaml.safe_dump(konfigurasi, allow_unicode=True, sort_keys=False)
    teks_toc = yaml.safe_dump(susunan.daftar_isi(d), sort_keys=False)
    cache.tulis_jika_berbeda(src / "_config.yml", teks_konfigurasi)
    cache.tulis_jika_berbeda(src / "_toc.yml", teks_toc)
    return cache.sidik({"halaman": {str(p.relative_to(langkah_build.HALAMAN)): cache.sha_berkas(p)
                                    for p in langkah_build.HALAMAN.rglob("*") if p.is_file()},
                        "konfigurasi": teks_konfigurasi, "toc": teks_toc, "pdf": dengan_pdf,
                        "vega": _berkas_bundel_vega(cache_umum)[0].name})


def tunggu_sphinx() -> None:
    """Start the fork server and wait until its imports are done (it forks a process only
    then): a `lakip serve` warming up, so that the first save's Sphinx run does not wait."""
    proses = konteks_sphinx().Process(target=os.getpid)
    proses.start()
    proses.join()


@dataclass
class ProsesSphinx:
    """One Jupyter Book run in a process forked from the fork server; its output in `log`."""

    proses: Any
    log: Path

    def tunggu(self) -> tuple[int, str]:
        self.proses.join()
        teks = self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""
        return self.proses.exitcode, teks

    def dibaca(self) -> int:
        """How many documents this run (re-)read, from Sphinx's own report."""
        teks = self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""
        cocok = re.search(r"(\d+) added, (\d+) changed", teks)
        return int(cocok[1]) + int(cocok[2]) if cocok else 0

    def hentikan(self) -> None:
        if self.proses.exitcode is None:
            self.proses.kill()
            self.proses.join()


def mulai_jupyter_book(src: Path, keluaran: Path, builder: str) -> ProsesSphinx:
    # myst-nb writes its stylesheet only when Sphinx finishes: pages written while an older
    # copy exists link it with "?v=<checksum>", pages of a clean build without. Removing the
    # old copy makes an incremental build write pages as a clean one does.
    for lama in (keluaran / builder / "_build" / builder / "_static").glob("mystnb.*.css"):
        lama.unlink()
    _statis_mutakhir(src, keluaran / builder / "_build" / builder)
    (keluaran / builder).mkdir(parents=True, exist_ok=True)
    log = keluaran / builder / "jupyter-book.log"
    argumen = ["build", str(src), "--path-output", str(keluaran / builder), "--builder", builder]
    proses = konteks_sphinx().Process(
        target=jalankan_jupyter_book, args=(argumen, str(log), dict(os.environ), os.getcwd()))
    proses.start()
    return ProsesSphinx(proses, log)


def tunggu_jupyter_book(proses: ProsesSphinx, keluaran: Path, builder: str) -> Path:
    """Wait for one Sphinx process; its output folder, or BuildGagal with the end of its log."""
    kode, keluaran_teks = proses.tunggu()
    if kode != 0:
        if any(t in keluaran_teks for t in ("No space left", "Disk quota", "File too large")):
            raise BuildGagal(f"ruang disk tidak cukup untuk menyusun buku di {keluaran}. "
                             "Kosongkan ruang disk, lalu jalankan ulang.")
        ekor = "\n".join(keluaran_teks.strip().splitlines()[-15:])
        raise BuildGagal(f"Jupyter Book gagal menyusun buku:\n{ekor}")
    folder = keluaran / builder / "_build" / builder
    _rapikan_indeks_pencarian(folder / "searchindex.js")
    return folder


def _rapikan_indeks_pencarian(path: Path) -> None:
    """Drop the search terms an incremental Sphinx run leaves with no page (it prunes the pages
    of re-read documents but keeps their words as empty lists), so that the index is the one a
    clean build writes."""
    awal, akhir = "Search.setIndex(", ")"
    if not path.is_file():
        return
    indeks = json.loads(path.read_text(encoding="utf-8")[len(awal):-len(akhir)])
    for kunci in ("terms", "titleterms"):
        indeks[kunci] = {k: v for k, v in indeks.get(kunci, {}).items() if v != []}
    cache.tulis_jika_berbeda(path, awal + json_terbit(indeks, sort_keys=True) + akhir)


def salin_statis(sumber: Path, tujuan: Path) -> bool:
    """Copy our static files (stylesheet, scripts, the chart bundle) where they differ; returns
    whether any did."""
    salinan = [cache.salin_jika_berbeda(asal, tujuan / asal.relative_to(sumber))
               for asal in sorted(p for p in sumber.rglob("*") if p.is_file())]
    return any(salinan)


def _statis_mutakhir(src: Path, folder: Path) -> None:
    """Before an incremental Sphinx run: when one of our static files changed, put it in place
    and mark every page out of date. Sphinx itself copies static files only when it rewrites
    some page ("no targets are out of date" skips its finishing step), and pages link each file
    with a checksum of the copy it finds (`lakip.css?v=…`): a stylesheet edited alone would
    otherwise never reach the edition, or reach it under pages naming the old checksum."""
    if folder.is_dir() and salin_statis(src / "_static", folder / "_static"):
        for halaman in folder.rglob("*.html"):
            os.utime(halaman, (0, 0))
