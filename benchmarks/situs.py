"""Front-end benchmark: the published 2024 site as a phone sees it, with Lighthouse.

Serves a built site on 127.0.0.1 under a sub-path (`/lakip/`, as GitHub Pages serves a
project site) with gzip, then runs Lighthouse (mobile, its default throttling) --runs times on
three pages: the cover, a sasaran page and the budget chapter. Prints the median and min–max of
the four category scores and of first contentful paint, largest contentful paint, total blocking
time and the bytes transferred, per page.

Lighthouse is not part of package.json (it is large and only this benchmark uses it): install it
once, e.g. `npm install --no-save lighthouse@12.8.2`, or point --lighthouse at its command.
Chromium is Debian's (`CHROME_PATH=/usr/bin/chromium`, flags `--headless --no-sandbox`).

Usage: python benchmarks/situs.py [--site _build/site] [--runs 3] [--lighthouse PATH]
Without --site, 2024 is built first (HTML only) into a temporary folder.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

RUMAH = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RUMAH))

from lakip_lib import peramban  # noqa: E402

HALAMAN = {"sampul": "sampul.html", "sasaran": "sasaran_s1.html", "anggaran": "bab3_anggaran.html"}
AWALAN = "/lakip/"  # the sub-path a GitHub Pages project site lives under
KATEGORI = ("performance", "accessibility", "best-practices", "seo")
AUDIT = {"FCP (ms)": "first-contentful-paint", "LCP (ms)": "largest-contentful-paint",
         "TBT (ms)": "total-blocking-time", "bytes": "total-byte-weight"}
DIKOMPRES = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv", ".map", ".ico"}


class _Gzip(http.server.SimpleHTTPRequestHandler):
    """A static server under AWALAN that compresses text as Pages' CDN does."""

    def log_message(self, *args: object) -> None:
        pass

    def translate_path(self, path: str) -> str:
        return super().translate_path("/" + path[len(AWALAN):])

    def send_head(self):  # type: ignore[no-untyped-def]
        if not self.path.startswith(AWALAN):  # e.g. /favicon.ico: not the site's
            self.send_error(404)
            return None
        path = Path(self.translate_path(self.path.split("?")[0]))
        if path.is_dir():
            path = path / "index.html"
        if (path.suffix not in DIKOMPRES or "gzip" not in self.headers.get("Accept-Encoding", "")
                or not path.is_file()):
            return super().send_head()
        isi = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(isi)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(isi)


@contextmanager
def server_gzip(folder: Path) -> Iterator[str]:
    with peramban.server(folder, _Gzip) as url:
        yield url + AWALAN


def lighthouse(perintah: str, url: str) -> dict[str, float]:
    """One Lighthouse run (mobile, default throttling); scores 0–100 and the audits' values."""
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    with tempfile.TemporaryDirectory(prefix="lh-") as profil:
        keluaran = subprocess.run(
            [perintah, url, "--output=json", "--output-path=stdout", "--quiet",
             f"--chrome-flags=--headless --no-sandbox --user-data-dir={profil}"],
            capture_output=True, text=True, env=env, check=False)
    if keluaran.returncode != 0:
        raise RuntimeError(f"lighthouse {url} gagal:\n{keluaran.stderr[-2000:]}")
    laporan = json.loads(keluaran.stdout)
    hasil = {k: round(laporan["categories"][k]["score"] * 100) for k in KATEGORI}
    hasil.update({nama: laporan["audits"][kode]["numericValue"] for nama, kode in AUDIT.items()})
    return hasil


def ringkas(nilai: list[float]) -> str:
    m = statistics.median(nilai)
    if len(nilai) == 1:
        return f"{m:,.0f}"
    return f"{m:,.0f} ({min(nilai):,.0f}–{max(nilai):,.0f})"


def bangun_situs(folder: Path) -> Path:
    subprocess.run([sys.executable, "-m", "lakip_lib.cli", "build", "2024", "--no-pdf",
                    "--output", str(folder)], check=True, cwd=RUMAH,
                   env={**os.environ, "PYTHONPATH": str(RUMAH)}, stdout=subprocess.DEVNULL)
    return folder / "site"


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--site", type=Path, help="a built site folder (the one holding 2024/)")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--lighthouse", default=shutil.which("lighthouse")
                   or str(RUMAH / "node_modules" / ".bin" / "lighthouse"))
    a = p.parse_args()
    if not Path(a.lighthouse).exists() and not shutil.which(a.lighthouse):
        print("Lighthouse tidak ditemukan: npm install --no-save lighthouse@12.8.2", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="lakip-situs-") as tmp:
        situs = a.site or bangun_situs(Path(tmp))
        with server_gzip(situs) as url:
            hasil: dict[str, list[dict[str, float]]] = {h: [] for h in HALAMAN}
            for _ in range(a.runs):  # pages interleaved, so a busy moment hits all of them
                for nama, berkas in HALAMAN.items():
                    hasil[nama].append(lighthouse(a.lighthouse, f"{url}2024/{berkas}"))
    kolom = [*KATEGORI, *AUDIT]
    print(f"Lighthouse mobile, median (min–max) of {a.runs} runs, gzip server under {AWALAN}")
    print("| page | " + " | ".join(kolom) + " |")
    print("|---" * (len(kolom) + 1) + "|")
    for nama, daftar in hasil.items():
        print(f"| {nama} | " + " | ".join(ringkas([r[k] for r in daftar]) for k in kolom) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
