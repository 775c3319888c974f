"""The PDF printers, processes of their own, started when a build begins.

Playwright's driver and Chromium take about half a second to start; started with the build, they
start while the notebooks execute, and the print begins as soon as the HTML pages are built. A
process gets print jobs (`pdf.Pesanan`), one JSON line each, on its standard input and answers
each with the print's counts, one JSON line on its standard output; the end of its input (the
build ended, with or without a print) ends it. A build has two: the edition prints in one, the
review beside it in the other (two prints side by side took about three quarters of the time of
one after the other, measured on a loaded 2-core machine). Each dies with the build (Linux
PR_SET_PDEATHSIG), so a killed build leaves no printer writing into a later build's folder."""

from __future__ import annotations

import ctypes
import json
import signal
import subprocess
import sys
import tempfile
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
    """Printer processes, `jumlah` of them (by default two: the edition and the review print
    side by side, each in its own browser, on the machine's two cores): `cetak` hands a job to
    the next process in turn, `hasil` waits for the counts of the jobs in the order given."""

    def __init__(self, jumlah: int = 2) -> None:
        self.proses = [_Proses() for _ in range(jumlah)]
        self.diberikan = 0
        self.antrean: list[_Proses] = []  # per job handed and not yet answered, its process

    def cetak(self, pesanan: pdf.Pesanan) -> None:
        """Hand out a job (a process prints its jobs in the order given)."""
        proses = self.proses[self.diberikan % len(self.proses)]
        self.diberikan += 1
        proses.cetak(pesanan)
        self.antrean.append(proses)

    def hasil(self) -> dict[str, Any]:
        """The counts of the earliest job not yet answered; CetakGagal when its process ended
        instead."""
        return self.antrean.pop(0).hasil()

    def hentikan(self) -> None:
        """End them all (their jobs done, nothing to print, or the build failed)."""
        for proses in self.proses:
            proses.hentikan()


class _Proses:
    """A printer process: `cetak` hands it a job, `hasil` waits for the counts."""

    def __init__(self) -> None:
        # its error output goes to a file: only read when it fails, it can never fill a pipe
        # while the build waits for an answer on the other one
        self.galat = tempfile.TemporaryFile(mode="w+", encoding="utf-8")
        self.proses = subprocess.Popen(
            [sys.executable, "-m", "lakip_lib.pencetak"], cwd=AKAR_PROYEK, text=True,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.galat)

    def cetak(self, pesanan: pdf.Pesanan) -> None:
        """Hand it a job (it prints jobs in the order given)."""
        assert self.proses.stdin is not None
        isi = {k: str(v) if isinstance(v, Path) else v for k, v in asdict(pesanan).items()}
        try:
            self.proses.stdin.write(json.dumps(isi) + "\n")
            self.proses.stdin.flush()
        except BrokenPipeError:  # it ended already: `hasil` reports why
            pass

    def hasil(self) -> dict[str, Any]:
        """The counts of the next job it finishes; CetakGagal when it ended instead."""
        assert self.proses.stdout is not None
        baris = self.proses.stdout.readline()
        if not baris:
            self.proses.wait()
            self.galat.seek(0)
            ekor = "\n".join(self.galat.read().strip().splitlines()[-15:])
            raise CetakGagal(f"Chromium gagal mencetak PDF (kode keluar "
                             f"{self.proses.returncode}):\n{ekor}")
        hasil: dict[str, Any] = json.loads(baris)
        return hasil

    def hentikan(self) -> None:
        """End it (its jobs done, nothing to print, or the build failed)."""
        if self.proses.returncode is None:
            self.proses.kill()
            self.proses.communicate()
        self.galat.close()


def _mati_bersama_induk() -> None:
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: a killed build's printer finishes its job
        pass


def main() -> int:
    _mati_bersama_induk()
    with chromium() as b:
        siap = b.new_page()  # the first job's browser context, opened while the build runs
        for baris in sys.stdin:  # waits, browser started, until the build sends a job
            if not baris.strip():
                break
            isi = json.loads(baris)
            pesanan = pdf.Pesanan(Path(isi["folder_html"]), Path(isi["dokumen"]), isi["gaya"],
                                  isi["info"], Path(isi["tujuan"]), isi["peta_lama"])
            sys.stdout.write(json.dumps(pdf.cetak_di(b, pesanan, siap)) + "\n")
            siap = None
            sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
