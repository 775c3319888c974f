"""The PDF printer as a process of its own, started when a build begins.

Playwright's driver and Chromium take about half a second to start; started with the build, they
start while the notebooks execute, and the print begins as soon as the singlehtml build is done
(while the html build may still be writing). The process gets one print job (`pdf.Pesanan`) as
JSON on its standard input and answers with the print's counts as JSON on its standard output;
an empty input (the build ended without a print) ends it. It dies with the build (Linux
PR_SET_PDEATHSIG), so a killed build leaves no printer writing into a later build's folder.
"""

from __future__ import annotations

import ctypes
import json
import signal
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from lakip_lib import pdf
from lakip_lib.peramban import chromium

AKAR_PROYEK = Path(__file__).resolve().parent.parent
_PR_SET_PDEATHSIG = 1


class CetakGagal(Exception):
    """The printer process failed; the message carries the end of its error output."""


class Pencetak:
    """A printer process: `cetak` hands it the job, `hasil` waits for the counts."""

    def __init__(self) -> None:
        self.proses = subprocess.Popen(
            [sys.executable, "-m", "lakip_lib.pencetak"], cwd=AKAR_PROYEK, text=True,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def cetak(self, pesanan: pdf.Pesanan) -> None:
        assert self.proses.stdin is not None
        isi = {k: str(v) if isinstance(v, Path) else v for k, v in asdict(pesanan).items()}
        try:
            self.proses.stdin.write(json.dumps(isi))
            self.proses.stdin.close()
        except BrokenPipeError:  # it ended already: `hasil` reports why
            pass
        self.proses.stdin = None  # closed: `communicate` must not touch it

    def hasil(self) -> dict[str, Any]:
        keluaran, galat = self.proses.communicate()
        if self.proses.returncode != 0:
            ekor = "\n".join(galat.strip().splitlines()[-15:])
            raise CetakGagal(f"Chromium gagal mencetak PDF (kode keluar "
                             f"{self.proses.returncode}):\n{ekor}")
        hasil: dict[str, Any] = json.loads(keluaran)
        return hasil

    def hentikan(self) -> None:
        """End it without a print (nothing to print, or the build failed)."""
        if self.proses.returncode is None:
            self.proses.kill()
            self.proses.communicate()


def _mati_bersama_induk() -> None:
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: a killed build's printer finishes its job
        pass


def main() -> int:
    _mati_bersama_induk()
    with chromium() as b:
        masukan = sys.stdin.read()  # waits, browser started, until the build sends the job
        if not masukan.strip():
            return 0
        isi = json.loads(masukan)
        pesanan = pdf.Pesanan(Path(isi["folder_html"]), isi["gaya"], isi["info"],
                              Path(isi["tujuan"]), isi["peta_lama"])
        hasil = pdf.cetak_di(b, pesanan)
    json.dump(hasil, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
