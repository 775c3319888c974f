"""A hostile copy of data/: names and labels that try to inject script, break a chart's <script>
or a spreadsheet formula. Built once per session (tests/test_keamanan.py) and read as a reader
would: every payload must show as text, nothing may run."""

from __future__ import annotations

import re
from pathlib import Path

from .conftest import ubah_sel

XSS = '<img src=x onerror="window.__xss=1">'
SKRIP = "<script>window.__xss=1</script>"
PECAH_SKRIP = "</script><!--<script>"
RUMUS = "=HYPERLINK(\"http://contoh.invalid\")"

NAMA_SINGKAT = f"DP3{XSS}"
KABUPATEN = f"Kabupaten {SKRIP}"
LABEL = f"Final {XSS} {PECAH_SKRIP}"
URAIAN_S1 = f"Kesetaraan *gender* {XSS}"
NAMA_IKU1 = f"IDG {SKRIP} {PECAH_SKRIP} [tautan](file:///etc/passwd)"
PROGRAM = f"{RUMUS} {XSS}"
# A real 64 × 64 PNG with a page after its end: an image to a decoder, a page if served as HTML.
PNG_HTML = ((Path(__file__).parent / "fixtures" / "instansi_contoh" / "lambang.png").read_bytes()
            + f"<html><body>{SKRIP}</body></html>".encode())


def _yaml(path: Path, kunci: str, nilai: str) -> None:
    teks = path.read_text(encoding="utf-8")
    baru, n = re.subn(rf"^({kunci}:).*$", lambda m: f"{m.group(1)} '{nilai}'", teks, count=1,
                      flags=re.MULTILINE)
    assert n == 1, kunci
    path.write_text(baru, encoding="utf-8")


def rusak(data: Path) -> None:
    """Put the payloads where they reach the title, navbar, footer, print header, sentences,
    charts, editions.json and the data package; and a logo named like a page."""
    _yaml(data / "instansi.yaml", "nama_singkat", NAMA_SINGKAT)
    _yaml(data / "instansi.yaml", "kabupaten", KABUPATEN)
    _yaml(data / "instansi.yaml", "nama", f"Dinas {XSS}")
    _yaml(data / "2024" / "edisi.yaml", "label", LABEL)
    ubah_sel(data / "sasaran.csv", 2, "uraian", URAIAN_S1)
    ubah_sel(data / "indikator.csv", 2, "nama", NAMA_IKU1)
    ubah_sel(data / "2024" / "anggaran.csv", 2, "nama", PROGRAM)
    (data / "logo.html").write_bytes(PNG_HTML)  # a "logo" that is also a page with a script
    with (data / "instansi.yaml").open("a", encoding="utf-8") as f:
        f.write("logo: logo.html\n")
