"""The published site: an edition put in place in one atomic exchange, the site root's redirect
to the latest final edition, and the list of published editions (editions.json, editions.js)
the edition switcher reads.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from lakip_lib import csp, rilis, sphinx_situs, tukar
from lakip_lib.json_terbit import json_terbit


def terbitkan(html: Path, situs: Path, tahun: int | str) -> Path:
    """Replace <situs>/<tahun> with a copy of the new build in one atomic exchange
    (`tukar.ganti_folder`: at no instant is the edition missing), then drop the old one. What
    Sphinx keeps for itself is not copied (`sphinx_situs.bukan_terbitan`)."""
    situs.mkdir(parents=True, exist_ok=True)
    tujuan = situs / str(tahun)
    baru = situs / f".{tahun}.baru"
    lama = situs / f".{tahun}.lama"
    tukar.pulihkan(tujuan, lama)
    if baru.exists():
        shutil.rmtree(baru)  # left by a killed publication
    try:
        shutil.copytree(html, baru, ignore=lambda folder, nama: sphinx_situs.bukan_terbitan(
            Path(folder), nama, html))
        tukar.ganti_folder(baru, tujuan, lama)
    except OSError:
        shutil.rmtree(baru, ignore_errors=True)  # e.g. the disk filled up while copying
        raise
    tulis_indeks(situs)
    return tujuan


def tulis_indeks(situs: Path) -> None:
    """The site root sends the reader to the latest final edition (the latest draft only when
    no edition is final yet); editions.json lists every published edition for the switcher."""
    terbit = sorted(int(p.name) for p in situs.iterdir() if p.is_dir() and p.name.isdigit())
    if not terbit:
        return
    daftar = []
    for tahun in reversed(terbit):
        stempel = rilis.stempel(situs / str(tahun))
        daftar.append({"tahun": tahun, "label": stempel.get("label", ""),
                       "status": stempel.get("status", "final"), "revisi": stempel.get("revisi", 0),
                       "url": f"{tahun}/index.html", "halaman": halaman_html(situs / str(tahun))})
        daftar += _revisi_digantikan(situs, tahun)
    terbaru = next((e for e in daftar if e["status"] != "draf"), daftar[0])["tahun"]
    tulis_pengalihan(situs / "index.html", f"{terbaru}/index.html", f"LAKIP {terbaru}")
    isi = json_terbit(daftar, indent=1)  # no literal <, >, &
    tukar.tulis_atomik(situs / "editions.json", isi + "\n")
    # The same list as a script: a page opened from disk (file://) cannot fetch() a JSON file,
    # but it can load a script.
    tukar.tulis_atomik(situs / "editions.js", f"window.lakipEdisi = {isi};\n")
    tukar.tulis_atomik(situs / "robots.txt", sphinx_situs.robots(situs))


def halaman_html(folder: Path) -> list[str]:
    """The pages of a published edition (the switcher opens the same page when it exists)."""
    return sorted(p.name for p in folder.glob("*.html"))


def _revisi_digantikan(situs: Path, tahun: int) -> list[dict[str, Any]]:
    """editions.json entries of the superseded revisions of a year published beside it, newest
    first (only those older than the revision at <situs>/<tahun>)."""
    kini = rilis.revisi_terbit(situs / str(tahun)) or 0
    hasil = []
    for k in range(kini - 1, -1, -1):
        folder = situs / rilis.folder_revisi(tahun, k)
        isi = rilis.stempel(folder)
        if not isi or isi.get("revisi", 0) != k:
            continue
        hasil.append({"tahun": tahun, "label": isi.get("label", ""), "status": "final",
                      "revisi": k, "digantikan": True, "url": f"{folder.name}/index.html",
                      "halaman": halaman_html(folder)})
    return hasil


def tulis_pengalihan(path: Path, tujuan: str, judul: str) -> None:
    """A redirect page (Indonesian, with a visible link for readers without refresh)."""
    tukar.tulis_atomik(path, csp.pasang(
        '<!DOCTYPE html>\n<html lang="id"><head><meta charset="utf-8">'
        f'<meta http-equiv="refresh" content="0; url={tujuan}"><title>{judul}</title></head>'
        f'<body><p>Menuju <a href="{tujuan}">{judul}</a>.</p></body></html>\n'))
