"""Every edition of a data folder — agency × year — in one build: planned, shared out into
shards, built in parallel over one warm pipeline; shards merged; the portal written.

An edition is the unit of work (DESIGN: "editions are independent units of work"): its pages,
PDF, data package and stamp depend on its own agency's data for its year (and on its own earlier
revisions), never on another edition. So editions may be built in any order, at once, or on
different machines, and a merge of shards publishes what one machine publishes.

One machine: the orchestrating process starts the Sphinx fork server as soon as it knows an
edition is to be built, imports what every notebook needs (`forkserver_sphinx.siapkan_sphinx`,
`eksekusi_notebook.hangatkan`), then forks one process per edition, at most `paralel` at a time;
each edition forks its notebooks from itself as a single build does, so a year's notebooks,
another year's Sphinx run and a third year's print overlap. A fork of a warm process costs
nothing to start; memory is bounded by `paralel`, not by the number of agencies.

Several machines (`--shard K/N`): the editions are ordered by expected work (`bobot`: pages and
photos, read without validating) and dealt greedily to the least loaded of N shards, a rule
every runner computes alike; `gabung` copies the shards' editions into one site and writes each
agency's edition index and the portal, exactly as the single build does.

Editions whose data folder is the checkout's own `data/` (frozen finals rebuilt from their tags
in a git worktree per commit: `lakip_lib.penerbitan`) are built one after another. Release tags
name a year, not an agency (`lakip-2024-final`): a kabupaten's finals are built with the current
commit, and `--require-tag` says so instead of refusing them (per-agency tags are not built yet).
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from lakip_lib import (
    folder_data,
    forkserver_sphinx,
    kabupaten,
    langkah_build,
    rilis,
    sidik_edisi,
    situs_terbit,
)
from lakip_lib.kabupaten import FolderInstansi
from lakip_lib.langkah_build import Lapor
from lakip_lib.masalah import ValidasiGagal, laporan
from lakip_lib.rilis import RilisGagal

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

FOLDER_INSTANSI = "instansi"  # <output>/instansi/<slug>: an agency's build folder (cache, Sphinx)


@dataclass(frozen=True)
class Pekerjaan:
    """One edition to build: an agency's fiscal year, and the work it is expected to take."""

    instansi: FolderInstansi
    tahun: int
    bobot_diketahui: int | None = None  # None: read from the data folder when first asked

    @property
    def bobot(self) -> int:
        """Expected work (`bobot`), read only when editions are ordered or dealt out: a single
        build with nothing changed never imports the dataset registry for it."""
        return bobot(self.instansi.akar, self.tahun) if self.bobot_diketahui is None else (
            self.bobot_diketahui)

    @property
    def nama(self) -> str:
        return f"{self.instansi.slug}/{self.tahun}" if self.instansi.slug else str(self.tahun)


@dataclass(frozen=True)
class Selesai:
    """What an edition's build reports back: its name, seconds, notebooks executed, pages, and
    where it is published (None: published from its tag's commit by the tagged code)."""

    nama: str
    detik: float
    notebook: int
    halaman: int
    situs: Path | None
    tahun: int | None = None
    peringatan: list[Any] | None = None  # the year's validation warnings (None: not validated)


def bobot(akar: Path, tahun: int) -> int:
    """Expected work of an edition, from what is read without validating: the book's fixed
    parts, one page per sasaran, and the photos of its appendix."""
    from lakip_lib import renstra_tahun
    from lakip_lib.schema import BY_NAME

    try:
        berkas = akar / renstra_tahun.path(akar, BY_NAME["sasaran"], tahun)  # the year's Renstra
        sasaran = max(0, len(berkas.read_text(encoding="utf-8").splitlines()) - 1)
    except (OSError, UnicodeDecodeError):
        sasaran = 0
    foto = sum(1 for _ in (akar / str(tahun) / "dokumentasi").glob("*"))
    return 10 + 2 * sasaran + foto


def rencana(akar: Path, tahun: Sequence[int] = ()) -> list[Pekerjaan]:
    """Every edition of the data folder (only the years in `tahun`, when given), by name."""
    return [Pekerjaan(fi, t) for fi in kabupaten.daftar(akar)
            for t in folder_data.tahun_tersedia(fi.akar) if not tahun or t in tahun]


def bagian(semua: Sequence[Pekerjaan], k: int, n: int) -> list[Pekerjaan]:
    """Shard k of n (1-based): the heaviest edition first, each to the least loaded shard (the
    lowest numbered among equals). Deterministic: every runner deals the same hands."""
    beban = [0] * n
    milik: list[list[Pekerjaan]] = [[] for _ in range(n)]
    for p in sorted(semua, key=lambda p: (-p.bobot, p.nama)):
        i = min(range(n), key=lambda j: (beban[j], j))
        beban[i] += p.bobot
        milik[i].append(p)
    return sorted(milik[k - 1], key=lambda p: p.nama)


def folder_build_instansi(fi: FolderInstansi, keluaran: Path) -> Path:
    return keluaran / FOLDER_INSTANSI / fi.slug if fi.slug else keluaran


def bangun_semua(akar: Path, keluaran: Path, pekerjaan: Sequence[Pekerjaan],
                 paralel: int | None = None, lapor: Lapor = print, **opsi: Any) -> list[Selesai]:
    """Build the given editions into <keluaran>/site (`opsi`: those of
    `penerbitan.bangun_edisi`), then each agency's edition index and, for a kabupaten, the
    portal. Raises BuildGagal naming every edition that failed (the others are published)."""
    keluaran = keluaran.resolve()
    situs = keluaran / "site"
    if opsi.get("wajib_tag") and any(p.instansi.slug for p in pekerjaan):
        lapor("Peringatan: --require-tag belum berlaku untuk folder data yang memuat beberapa "
              "instansi (tag rilis per instansi belum ada): edisi finalnya dibangun dengan komit "
              "sekarang.")
        opsi = {**opsi, "wajib_tag": False}
    beku = rilis.repositori(akar) is not None
    if beku:
        paralel = 1  # frozen finals: one git worktree per commit, one build at a time
    paralel = max(1, paralel or os.cpu_count() or 1)
    folder = sorted({folder_build_instansi(p.instansi, keluaran) for p in pekerjaan})
    with ExitStack() as gembok:
        for f in folder:
            gembok.enter_context(langkah_build.gembok_build(f))
        hasil = [] if beku or opsi.get("paksa") else _tetap(pekerjaan, keluaran, opsi)
        sisa = [p for p in pekerjaan if p.nama not in {s.nama for s in hasil}]
        if hasil:
            lapor("Tidak ada masukan yang berubah: edisi yang terbit sudah mutakhir."
                  if len(pekerjaan) == 1 else
                  f"{len(hasil)} edisi tidak berubah masukannya: tidak dibangun ulang.")
        if sisa and not beku:  # editions to build here: the Sphinx fork server's imports
            forkserver_sphinx.siapkan_sphinx()  # start before the build's own (the other core)
        if paralel == 1 or len(sisa) <= 1:
            dibangun, galat = _satu_per_satu(sisa, keluaran, lapor, opsi, len(pekerjaan))
        else:  # the machine's one Vega bundle made first, not by every build at once
            from lakip_lib import penyusun

            penyusun.bundel_vega(keluaran / "cache")
            dibangun, galat = _bersamaan(sisa, keluaran, paralel, lapor, opsi)
        hasil = sorted(hasil + dibangun, key=lambda s: s.nama)
        tulis_indeks(situs, akar)
    if galat:
        raise langkah_build.BuildGagal("\n".join(galat))
    return hasil


def tulis_indeks(situs: Path, akar: Path | None = None) -> None:
    """Each agency's edition index (editions.json, its root redirect) and, when the site holds
    several agencies, the portal."""
    if not situs.is_dir():
        return
    slug = rilis.slug_terbit(situs)
    if not slug:
        situs_terbit.tulis_indeks(situs)
        return
    for s in slug:
        situs_terbit.tulis_indeks(situs / s)
    from lakip_lib import portal

    portal.tulis(situs)


def _tetap(pekerjaan: Sequence[Pekerjaan], keluaran: Path, opsi: dict[str, Any]
           ) -> list[Selesai]:
    """The editions whose published copy was built from today's inputs (checked by the input
    fingerprint alone: nothing imported, nothing started), reported as done."""
    hasil = []
    for p in pekerjaan:
        situs = p.instansi.situs(keluaran / "site")
        if sidik_edisi.mutakhir(p.tahun, p.instansi.akar, folder_build_instansi(p.instansi, keluaran),
                          opsi.get("dengan_pdf", True), situs):
            terbit = situs / str(p.tahun)
            hasil.append(Selesai(p.nama, 0.0, 0, sum(1 for _ in terbit.glob("*.html")), terbit))
    return hasil


def _bangun_satu(p: Pekerjaan, keluaran: Path, lapor: Lapor, opsi: dict[str, Any]) -> Selesai:
    from lakip_lib import build, penerbitan

    mulai = time.perf_counter()
    hasil = penerbitan.bangun_edisi(
        p.tahun, p.instansi.akar, folder_build_instansi(p.instansi, keluaran), lapor=lapor,
        folder_situs=p.instansi.situs(keluaran / "site"), **opsi)
    if isinstance(hasil, build.HasilBuild):
        return Selesai(p.nama, hasil.detik, len(hasil.notebook), hasil.halaman, hasil.situs,
                       p.tahun, hasil.peringatan)
    return Selesai(p.nama, time.perf_counter() - mulai, 0, 0, None)


def _pesan_gagal(p: Pekerjaan, e: Exception) -> str:
    if isinstance(e, ValidasiGagal):
        return f"Edisi {p.nama}: data tidak valid:\n{laporan(e.masalah)}"
    return f"Edisi {p.nama}: {e}"


_GAGAL = (langkah_build.BuildGagal, RilisGagal, ValidasiGagal, OSError)


def _satu_per_satu(pekerjaan: Sequence[Pekerjaan], keluaran: Path, lapor: Lapor,
                   opsi: dict[str, Any], semua: int) -> tuple[list[Selesai], list[str]]:
    """The editions one after another in this process (`semua`: how many the build has)."""
    hasil, galat = [], []
    for p in pekerjaan:
        try:
            hasil.append(_bangun_satu(p, keluaran, _berawalan(lapor, p, semua), opsi))
        except _GAGAL as e:
            galat.append(_pesan_gagal(p, e))
    return hasil, galat


def _berawalan(lapor: Lapor, p: Pekerjaan, jumlah: int) -> Lapor:
    """Lines of an edition's report prefixed with its name when several are built."""
    return lapor if jumlah == 1 else (lambda teks: lapor(f"[{p.nama}] {teks}"))


def _pakai_forkserver_induk() -> None:
    """In an edition process forked from the orchestrator: start Sphinx runs from the
    orchestrator's fork server. multiprocessing checks that the server lives with waitpid(),
    which only the process that started it may call (a forked child gets ChildProcessError);
    the orchestrator keeps the server alive until every edition is done, so the check is
    skipped here."""
    from multiprocessing import forkserver

    def ada() -> None:
        return None

    forkserver._forkserver.ensure_running = ada  # type: ignore[method-assign]
    forkserver.ensure_running = ada


def _anak(kirim: Connection, p: Pekerjaan, keluaran: Path, jumlah: int,
          opsi: dict[str, Any]) -> None:
    _pakai_forkserver_induk()
    try:
        kirim.send(_bangun_satu(p, keluaran, _berawalan(print, p, jumlah), opsi))
    except _GAGAL as e:
        kirim.send(_pesan_gagal(p, e))
    except Exception as e:  # an unexpected error: its name and message, for the report
        kirim.send(f"Edisi {p.nama}: galat tak terduga {type(e).__name__}: {e}")
    finally:
        kirim.close()


def _bersamaan(pekerjaan: Sequence[Pekerjaan], keluaran: Path, paralel: int, lapor: Lapor,
               opsi: dict[str, Any]) -> tuple[list[Selesai], list[str]]:
    """Each edition in a process forked from this warm one, `paralel` at a time, heaviest
    first (the last to start are the shortest)."""
    from lakip_lib import eksekusi_notebook

    eksekusi_notebook.hangatkan()
    forkserver_sphinx.siapkan_sphinx()
    hasil: list[Selesai] = []
    galat: list[str] = []
    for _, jawaban in _bercabang(sorted(pekerjaan, key=lambda p: (-p.bobot, p.nama)),
                                 keluaran, paralel, opsi):
        if isinstance(jawaban, Selesai):
            hasil.append(jawaban)
        else:
            galat.append(jawaban)
    return sorted(hasil, key=lambda s: s.nama), galat


def _bercabang(antre: list[Pekerjaan], keluaran: Path, paralel: int, opsi: dict[str, Any]
               ) -> Iterator[tuple[Pekerjaan, Selesai | str]]:
    import multiprocessing.connection  # here: a build with nothing changed forks nothing

    konteks = multiprocessing.get_context("fork")
    berjalan: dict[Connection, tuple[Any, Pekerjaan]] = {}
    jumlah = len(antre)
    antre = list(antre)
    try:
        while antre or berjalan:
            while antre and len(berjalan) < paralel:
                p = antre.pop(0)
                terima, kirim = konteks.Pipe(duplex=False)
                proses = konteks.Process(target=_anak, args=(kirim, p, keluaran, jumlah, opsi))
                proses.start()
                kirim.close()
                berjalan[terima] = (proses, p)
            for siap in multiprocessing.connection.wait(list(berjalan)):
                selesai = cast("Connection", siap)
                proses, p = berjalan.pop(selesai)
                try:
                    jawaban: Selesai | str = selesai.recv()
                except EOFError:
                    jawaban = (f"Edisi {p.nama}: proses build berhenti tanpa hasil (kode keluar "
                               f"{proses.exitcode}).")
                proses.join()
                yield p, jawaban
    finally:
        for proses, _ in berjalan.values():
            proses.terminate()


def gabung(bagian_: Sequence[Path], keluaran: Path, lapor: Lapor = print) -> Path:
    """Assemble the sites of several shard builds (<shard>/site) into <keluaran>/site, then write
    each agency's edition index and the portal. An edition found in two shards must be the same
    byte for byte (the same edition built twice), else nothing is merged."""
    situs = keluaran.resolve() / "site"
    salinan: dict[Path, Path] = {}
    for b in bagian_:
        asal = b / "site"
        if not asal.is_dir():
            raise langkah_build.BuildGagal(f"{b} bukan folder build: {asal} tidak ada.")
        for edisi in _folder_edisi(asal):
            relatif = edisi.relative_to(asal)
            if relatif in salinan and not _sama(salinan[relatif], edisi):
                raise langkah_build.BuildGagal(
                    f"Edisi {relatif} ada di {salinan[relatif].parents[0]} dan {b} dengan isi "
                    "berbeda; tidak ada yang digabung.")
            salinan.setdefault(relatif, edisi)
    for relatif, edisi in sorted(salinan.items()):
        lapor(f"  {relatif}")
        situs_terbit.terbitkan(edisi, (situs / relatif).parent, relatif.name)
    tulis_indeks(situs)
    return situs


def _folder_edisi(situs: Path) -> list[Path]:
    """The published editions under a site root: every folder holding a build stamp."""
    return sorted(p.parent for p in situs.rglob(rilis.STEMPEL))


def _sama(a: Path, b: Path) -> bool:
    berkas_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    berkas_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    return berkas_a == berkas_b and all(
        (a / p).read_bytes() == (b / p).read_bytes() for p in berkas_a)
