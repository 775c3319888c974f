"""The book's outline (`book/susunan.yml`): the parts in reading order, the pages each entry
becomes in a year, and the numbering of their tables and figures.

Every part class registers itself here under its module's and notebook's name
(`Bagian.__init_subclass__` in `dasar`). This module knows a part only by what it asks of one
(`BentukBagian` below, a protocol the base class `dasar.Bagian` meets), so it imports no part
nor the base class, and the base class can number its items from here without a circle. The
outline file holds what is the book's, not a part's: the reading order, the chapters' numbering
prefixes, and which pages repeat, depend on the year or stand apart.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, ClassVar, Protocol

from lakip_lib import data, riwayat
from lakip_lib.book import nomor
from lakip_lib.data_tahun import DataTahun
from lakip_lib.yaml_aman import baca_yaml

BERKAS = Path(__file__).resolve().parents[2] / "book" / "susunan.yml"


class BentukBagian(Protocol):
    """The shape of a part as the outline, the notebooks and the build use it (`dasar.Bagian`,
    the base of every part, has it)."""

    notebook: str
    BLOK: ClassVar[tuple[tuple[str, tuple[str, ...]], ...]]

    def __init__(self, d: DataTahun) -> None: ...

    @classmethod
    def satu_dari(cls, d: DataTahun, kunci: str) -> BentukBagian: ...

    @property
    def tahun(self) -> int: ...

    @property
    def berkas(self) -> str: ...

    @property
    def kunci_bagian(self) -> str: ...

    @property
    def parameter(self) -> dict[str, Any]: ...

    @property
    def judul_halaman(self) -> str | None: ...

    def rencana(self) -> nomor.Rencana: ...


BAGIAN: dict[str, type[BentukBagian]] = {}  # notebook (and module) name → its part class

# What `per:` repeats a page over, and what `jika:` asks of the year.
PER: dict[str, Callable[[DataTahun], list[str]]] = {
    "sasaran": lambda d: d["sasaran"].kolom("kode"),
}
JIKA: dict[str, Callable[[DataTahun], bool]] = {
    "foto": lambda d: bool(d.foto()),
    "revisi": riwayat.ada,
}
KUNCI = ("notebook", "halaman", "bab", "per", "jika", "bagian", "terpisah")
HALAMAN_BUILD = (riwayat.HALAMAN,)  # pages the build writes itself (lakip_lib.riwayat)


class SusunanSalah(ValueError):
    """The outline file is not what this module reads (a maintainer's mistake, named)."""


@dataclass(frozen=True)
class Entri:
    """One entry of the outline."""

    nama: str  # the notebook's or the page's name
    notebook: bool  # False: a page the build writes itself
    bab: str = ""  # numbering prefix of its tables and figures
    per: str | None = None
    jika: str | None = None
    bagian: tuple[Entri, ...] = ()  # its sections in the table of contents
    terpisah: bool = False  # a document of its own: built, outside the contents and the print


def daftarkan(kelas: type[BentukBagian]) -> None:
    """Record a part class under its notebook's name (called once per class); one part per
    name (a module holds one part)."""
    lama = BAGIAN.get(kelas.notebook)
    if lama is not None and lama.__qualname__ != kelas.__qualname__:
        raise TypeError(f"{kelas.__qualname__} and {lama.__qualname__} are both part "
                        f"{kelas.notebook}: one part class per module")
    BAGIAN[kelas.notebook] = kelas


def baca(teks: str) -> tuple[Entri, ...]:
    """An outline's text, read strictly; a mistake raises SusunanSalah naming the entry."""
    try:
        isi = baca_yaml(teks)
    except Exception as e:  # a YAML syntax error or a refused construct
        raise SusunanSalah(f"book/susunan.yml tidak dapat dibaca: {e}") from e
    entri = _daftar(isi, "", "")
    if not entri[0].notebook or entri[0].per or entri[0].jika:
        raise SusunanSalah("book/susunan.yml: entri pertama harus satu notebook tanpa per/jika "
                           "(halaman depan buku)")
    nama = [e.nama for e in _rata(entri)]
    if ganda := sorted({n for n in nama if nama.count(n) > 1}):
        raise SusunanSalah(f"book/susunan.yml: {', '.join(ganda)} tercantum lebih dari sekali")
    return entri


def _daftar(isi: Any, bab: str, tempat: str) -> tuple[Entri, ...]:
    if not isinstance(isi, list) or not isi:
        raise SusunanSalah(f"book/susunan.yml{tempat}: diharapkan daftar entri, mis. "
                           "- {notebook: sampul}")
    return tuple(_entri(e, bab, f"{tempat}, entri {i}") for i, e in enumerate(isi, start=1))


def _entri(e: Any, bab_induk: str, tempat: str) -> Entri:
    def salah(pesan: str) -> SusunanSalah:
        return SusunanSalah(f"book/susunan.yml{tempat}: {pesan}")

    if not isinstance(e, dict):
        raise salah("diharapkan {notebook: nama} atau {halaman: nama}")
    if asing := [str(k) for k in e if k not in KUNCI]:
        raise salah(f"kunci {', '.join(asing)} tidak dikenal (yang boleh: {', '.join(KUNCI)})")
    if ("notebook" in e) == ("halaman" in e):
        raise salah("tulis tepat satu dari notebook: atau halaman:")
    notebook = "notebook" in e
    nama = e["notebook" if notebook else "halaman"]
    if not isinstance(nama, str) or not re.fullmatch(r"[a-z0-9_]+", nama):
        raise salah(f"nama {nama!r} tidak sah (huruf kecil, angka, garis bawah)")
    if notebook and nama not in BAGIAN:
        raise salah(f"notebook {nama} tidak punya bagian di lakip_lib/book "
                    f"(yang ada: {', '.join(sorted(BAGIAN))})")
    if not notebook and nama not in HALAMAN_BUILD:
        raise salah(f"halaman {nama} tidak ditulis oleh build (yang ada: {', '.join(HALAMAN_BUILD)})")
    if not notebook and set(e) - {"halaman", "jika"}:
        raise salah("halaman hanya boleh diberi jika:")
    bab = e.get("bab", bab_induk)
    if not isinstance(bab, str):
        raise salah(f'bab {bab!r} harus teks, mis. bab: "3"')
    for kunci, pilihan in (("per", PER), ("jika", JIKA)):
        if kunci in e and e[kunci] not in pilihan:
            raise salah(f"{kunci}: {e[kunci]!r} tidak dikenal (yang boleh: {', '.join(pilihan)})")
    if e.get("terpisah", False) is not True and "terpisah" in e:
        raise salah("terpisah: hanya boleh bernilai true")
    bagian = _daftar(e["bagian"], bab, f"{tempat} bagian") if "bagian" in e else ()
    return Entri(nama, notebook, bab, e.get("per"), e.get("jika"), bagian,
                 "terpisah" in e)


@cache
def susunan() -> tuple[Entri, ...]:
    """The book's outline as the repository's book/susunan.yml states it."""
    return baca(BERKAS.read_text(encoding="utf-8"))


def _rata(entri: tuple[Entri, ...]) -> Iterator[Entri]:
    """Every entry in reading order, sections right after their chapter."""
    for e in entri:
        yield e
        yield from _rata(e.bagian)


def bab(notebook: str, entri: tuple[Entri, ...] | None = None) -> str:
    """The numbering prefix the outline gives a notebook's part."""
    return next((e.bab for e in _rata(entri or susunan()) if e.nama == notebook), "")


def _bagian(d: DataTahun, e: Entri) -> list[BentukBagian]:
    """The parts an entry becomes in a year: none, one, or one per sasaran."""
    if e.jika and not JIKA[e.jika](d):
        return []
    if e.per:
        return [BAGIAN[e.nama].satu_dari(d, k) for k in PER[e.per](d)]
    return [BAGIAN[e.nama](d)]


def _berkas(d: DataTahun, e: Entri) -> list[str]:
    """The pages an entry becomes in a year, by file name."""
    if not e.notebook:
        return [e.nama] if not e.jika or JIKA[e.jika](d) else []
    return [b.berkas for b in _bagian(d, e)]


def bagian(nama: str, tahun: int, butir: str | None = None, *,
           dimuat: DataTahun | None = None) -> BentukBagian:
    """The part notebook `nama` shows (`butir`: the item of a page made once per item, a
    sasaran's code). Of the year the build loaded and validated once and hands to the notebook
    (`dimuat`); run on its own (Jupyter, nbval), the notebook loads data/<tahun> here."""
    d = dimuat if dimuat is not None else data.muat(tahun)
    if d.tahun != tahun:
        raise ValueError(f"notebook {nama}: tahun {tahun}, tetapi data yang diberikan tahun "
                         f"{d.tahun}")
    kelas = BAGIAN[nama]
    return kelas(d) if butir is None else kelas.satu_dari(d, butir)


def satu_per_notebook(d: DataTahun) -> list[tuple[BentukBagian, Entri]]:
    """One part of each notebook of the outline, with its entry, in reading order, whatever
    the year's `jika:` says; a repeated page's of its first item: what a notebook is written
    from (`lakip_lib.book.notebook`)."""
    return [(BAGIAN[e.nama].satu_dari(d, PER[e.per](d)[0]) if e.per else BAGIAN[e.nama](d), e)
            for e in _rata(susunan()) if e.notebook]


def urutan(d: DataTahun, entri: tuple[Entri, ...] | None = None) -> list[BentukBagian]:
    """Every part of the book (every executed notebook) in reading order."""
    return [b for e in _rata(entri or susunan()) if e.notebook for b in _bagian(d, e)]


def daftar_isi(d: DataTahun, entri: tuple[Entri, ...] | None = None) -> dict[str, Any]:
    """The Jupyter Book table of contents of the year's edition."""
    entri = entri or susunan()

    def halaman(e: Entri) -> list[dict[str, Any]]:
        if e.terpisah:
            return []  # built as a page of its own (orphan), linked from the edition's pages
        bawah = [h for b in e.bagian for h in halaman(b)]
        return [{"file": f, **({"sections": bawah} if bawah else {})} for f in _berkas(d, e)]

    akar, *bab_ = entri
    return {"format": "jb-book", "root": _berkas(d, akar)[0],
            "chapters": [h for e in bab_ for h in halaman(e)]}


@lru_cache(maxsize=16)
def penomoran(d: DataTahun, bab: str | None = None,
              entri: tuple[Entri, ...] | None = None) -> nomor.Nomor:
    """(part, "tabel" | "gambar", key) → number such as "3.12": every part's declared items,
    counted per chapter in reading order. Computed once per loaded year and chapter, not per
    item. With `bab`, only that chapter's parts are planned (numbers restart per chapter, so a
    notebook never needs, nor records as its inputs, what another chapter shows)."""
    return nomor.nomori((b.kunci_bagian, e.bab, b.rencana())
                        for e in _rata(entri or susunan())
                        if e.notebook and (bab is None or e.bab == bab) for b in _bagian(d, e))
