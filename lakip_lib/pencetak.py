"""The PDF printer, a process of its own, started when a build's notebooks are done.

Chromium's headless shell takes about 0,15 s (0,3 s of CPU) to start; started beside the Sphinx
run (one core) rather than beside the notebooks (every core), the print begins as soon as the
HTML pages are built. The process gets print jobs (`pdf.Pesanan`), one JSON line each, on its
standard input, starts printing each as it arrives, all at once in one browser (each page has a
renderer process of its own, so the edition and the review print side by side on two cores), and
answers each with the print's counts, one JSON line on its standard output, in the order the
jobs came. One browser printing both took about two thirds of the CPU of a browser each (the
browser's start and its own processes once), measured on a loaded 2-core machine. The end of its
input (the build has no more jobs) closes the browser, removes its profile and ends the process.
It dies with the build (Linux PR_SET_PDEATHSIG), so a killed build leaves no printer writing
into a later build's folder; the profile it leaves is in the build's work folder, emptied by the
next printer there."""

from __future__ import annotations

import asyncio
import ctypes
import json
import signal
import subprocess
import sys
import tempfile
import threading
from contextlib import suppress
from dataclasses import asdict
from pathlib import Path
from typing import Any

from lakip_lib import pdf
from lakip_lib.cdp import chromium_pipa

AKAR_PROYEK = Path(__file__).resolve().parent.parent
_PR_SET_PDEATHSIG = 1


class CetakGagal(Exception):
    """The printer process failed; the message carries the end of its error output."""


class Pencetak:
    """The printer process: `cetak` hands it a job, `hasil` waits for the counts of the jobs
    in the order given."""

    def __init__(self, profil: Path | None = None) -> None:
        """`profil`: the folder for the browser's profile (a temporary folder if none)."""
        # its error output goes to a file: only read when it fails, it can never fill a pipe
        # while the build waits for an answer on the other one
        self.galat = tempfile.TemporaryFile(mode="w+", encoding="utf-8")
        self.proses = subprocess.Popen(
            [sys.executable, "-m", "lakip_lib.pencetak", *([str(profil)] if profil else [])],
            cwd=AKAR_PROYEK, text=True, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=self.galat)
        self._dipesan = self._dijawab = 0

    def cetak(self, pesanan: pdf.Pesanan) -> None:
        """Hand it a job (it starts printing it at once, beside the jobs still printing)."""
        assert self.proses.stdin is not None
        isi = {k: str(v) if isinstance(v, Path) else v for k, v in asdict(pesanan).items()}
        try:
            self.proses.stdin.write(json.dumps(isi) + "\n")
            self.proses.stdin.flush()
        except BrokenPipeError:  # it ended already: `hasil` reports why
            pass
        self._dipesan += 1

    def hasil(self) -> dict[str, Any]:
        """The counts of the earliest job not yet answered; CetakGagal when the process ended
        instead."""
        assert self.proses.stdout is not None
        baris = self.proses.stdout.readline()
        if not baris:
            self.proses.wait()
            self.galat.seek(0)
            ekor = "\n".join(self.galat.read().strip().splitlines()[-15:])
            raise CetakGagal(f"Chromium gagal mencetak PDF (kode keluar "
                             f"{self.proses.returncode}):\n{ekor}")
        hasil: dict[str, Any] = json.loads(baris)
        self._dijawab += 1
        return hasil

    def selesai(self) -> None:
        """No more jobs: it closes its browser and ends, beside what the build does next."""
        assert self.proses.stdin is not None
        with suppress(BrokenPipeError):
            self.proses.stdin.close()

    def hentikan(self) -> None:
        """End it: a printer told `selesai` with every job answered gets a few seconds to
        close its browser (removing the profile); one still printing (the build failed) is
        killed."""
        assert self.proses.stdin is not None and self.proses.stdout is not None
        if self._dipesan == self._dijawab and self.proses.stdin.closed:
            with suppress(subprocess.TimeoutExpired):
                self.proses.wait(_PAMIT)
        if self.proses.poll() is None:
            self.proses.kill()
        self.proses.wait()
        with suppress(BrokenPipeError):
            self.proses.stdin.close()
        self.proses.stdout.close()
        self.galat.close()


def _mati_bersama_induk() -> None:
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: a killed build's printer finishes its job
        pass


_PAMIT = 10  # seconds a printer with no more jobs has to close its browser and end


def main() -> int:
    _mati_bersama_induk()
    asyncio.run(_layani(Path(sys.argv[1]) if len(sys.argv) > 1 else None))
    return 0


SIAP = 2  # blank pages opened ahead while the build runs: one per document


async def _layani(profil: Path | None) -> None:
    """Start each job as its line arrives (the build sends both before waiting for either);
    answer in the order they came. A failed print ends the process (its traceback on the
    error output): the task group cancels the rest."""
    loop = asyncio.get_running_loop()
    masuk: asyncio.Queue[str] = asyncio.Queue()

    def baca() -> None:  # a daemon thread: a read that blocks never holds the process open
        for baris in sys.stdin:
            loop.call_soon_threadsafe(masuk.put_nowait, baris)
        loop.call_soon_threadsafe(masuk.put_nowait, "")

    threading.Thread(target=baca, daemon=True).start()
    async with chromium_pipa(profil) as b, asyncio.TaskGroup() as kelompok:
        siap = list(await asyncio.gather(*(b.halaman_baru() for _ in range(SIAP))))
        dicetak: asyncio.Queue[asyncio.Task[dict[str, Any]] | None] = asyncio.Queue()

        async def jawab() -> None:
            while (tugas := await dicetak.get()) is not None:
                sys.stdout.write(json.dumps(await tugas) + "\n")
                sys.stdout.flush()

        kelompok.create_task(jawab())
        while baris := (await masuk.get()).strip():
            isi = json.loads(baris)
            pesanan = pdf.Pesanan(Path(isi["folder_html"]), Path(isi["dokumen"]), isi["gaya"],
                                  isi["info"], Path(isi["tujuan"]), isi["peta_lama"])
            dicetak.put_nowait(kelompok.create_task(
                pdf.cetak_di(b, pesanan, siap.pop() if siap else None)))
        dicetak.put_nowait(None)


if __name__ == "__main__":
    sys.exit(main())
