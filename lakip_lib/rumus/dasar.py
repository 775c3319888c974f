"""What an indicator kind declares: the base class every module of the registry extends.

An indicator kind (column `rumus` of indikator.csv) says in one place how a realisasi is
obtained (read as measured, or computed from the parts in its own datasets), how the audit
explains that arithmetic, which rules validate its data, which rows the Excel workbook asks for,
and which numbered tables and figures the sasaran page shows for it. Reads go through the
year's tables (`DataTahun`), which record them for the notebook cache's keys.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Protocol

from lakip_lib.dataset import Dataset
from lakip_lib.temuan import Temuan, Tercetak
from lakip_lib.tercatat import realisasi_tercatat

if TYPE_CHECKING:
    from lakip_lib.baris import BarisIndikator
    from lakip_lib.data_tahun import DataTahun
    from lakip_lib.perhitungan import JumlahBerubah
    from lakip_lib.tabel import TabelBaris
    from lakip_lib.tampilan import Nilai
    from lakip_lib.tampilan_grafik import Grafik
    from lakip_lib.tampilan_tabel import Lajur, TabelTampilan

Lapor = Callable[..., None]  # aturan's `tambah(berkas, baris, kolom, pesan, tingkat)`


class Lembaran(Protocol):
    """What a kind's table uses of any page of the book that shows it (the appendix's)."""

    d: DataTahun

    @property
    def tahun(self) -> int: ...

    def tabel(self, kunci: str, judul: str, kolom: Iterable[Lajur],
              baris: Iterable[Iterable[Any]], sumber: str = ..., **kw: Any) -> TabelTampilan: ...

    def sumber_data(self, *dataset: str) -> str: ...


class Halaman(Lembaran, Protocol):
    """What a kind's supporting items use of the sasaran page that shows them."""

    def gambar(self, kunci: str, judul: str, buat: Callable[[], Any], alternatif: str,
               sumber: str = ...) -> Grafik: ...

    def nilai_fakta(self, fakta: str, teks: str) -> Nilai: ...

    def realisasi_indikator(self, kode: str, tahun: int) -> Nilai:
        """An indicator's realisasi of a year as the book shows it everywhere (its unit and
        decimals, its fact name)."""
        ...


@dataclass(frozen=True)
class Butir:
    """One numbered table or figure a kind adds to the sasaran page. Its plan entry and the
    function that draws it are one declaration, so the page's plan (numbering) and its
    content cannot drift apart; drawing it must show exactly that item."""

    bentuk: str  # "tabel" | "gambar"
    kunci: str
    buat: Callable[[Halaman], Any]

    @property
    def rencana(self) -> tuple[str, str]:
        return self.bentuk, self.kunci


@dataclass(frozen=True)
class ButirLampiran:
    """A numbered table the appendix shows of a kind's own data (e.g. the village list)."""

    kunci: str
    buat: Callable[[Lembaran], Any]

    @property
    def rencana(self) -> tuple[str, str]:
        return "tabel", self.kunci


@dataclass(frozen=True)
class UlasanReviu:
    """A section of the review (`book/reviu.py`) about a kind's own figures: its heading
    (static: the review's notebook is written from it), the key of its numbered table, whether
    a year shows it, and what it shows (a page's display objects)."""

    judul: str
    kunci: str
    ada: Callable[[DataTahun], bool]
    buat: Callable[[Lembaran], list[Any]]


@dataclass(frozen=True)
class LembarRumus:
    """A sheet of the Excel workbook that a kind's input dataset needs (see `buku_kerja.lembar.Lembar`)."""

    dataset: str
    terkunci: tuple[str, ...]
    petunjuk: str
    konfirmasi: bool = False
    info_indikator: bool = False  # the indicator's name and unit beside its code
    judul_kolom: tuple[tuple[str, str], ...] = ()  # (column, header the analyst reads)


@dataclass(frozen=True)
class Rekap:
    """A dataset a kind computes on import from its sheet's rows (one fact typed once, e.g. the
    IDM recap from the villages' statuses): its rows as text, or why none was computed (said at
    the sheet's column `kolom`)."""

    dataset: str
    baris: tuple[dict[str, str], ...] = ()
    peringatan: str = ""
    kolom: str = ""


@dataclass(frozen=True)
class AngkaTahunIni:
    """A figure of this year in a kind's own dataset and its reference (last year's), for the
    plausibility check of `aturan` (a value 20 times larger or smaller is asked to be
    confirmed)."""

    tabel: TabelBaris[Any]
    kunci: str  # the row's key as konfirmasi.csv names it
    nomor: int
    kolom: str
    nilai: Decimal
    satuan: str
    pembanding: Decimal | None
    uraian: str  # what the reference is, in the reader's words


class Rumus:
    """An indicator kind. The defaults describe a measured indicator read from realisasi.csv."""

    nama = ""  # the value of column `rumus` in indikator.csv
    diukur = False  # this year's realisasi is typed in realisasi.csv (not computed from parts)
    datasets: tuple[Dataset, ...] = ()  # the kind's own data files (joined in schema.DATASETS)
    lembar: tuple[LembarRumus, ...] = ()  # the workbook sheets of the kind's own datasets
    awalan_dilaporkan: tuple[str, ...] = ()  # its keys of dilaporkan.csv, e.g. "cpr."
    ulasan_reviu: UlasanReviu | None = None  # its section of the review, if it has one

    def realisasi(self, data: DataTahun, kode: str, tahun: int) -> Decimal | None:
        """The realisasi of indicator `kode` in `tahun`; None when it is not known (yet)."""
        return realisasi_tercatat(data, kode, tahun)

    def ada_realisasi(self, data: DataTahun, kode: str, tahun: int) -> bool:
        """Whether there is a realisasi, reading as little as possible (planning and numbering
        depend on this only, not on the value)."""
        return self.realisasi(data, kode, tahun) is not None

    def cara(self, data: DataTahun, kode: str, tahun: int) -> str:
        """The audit's arithmetic for the realisasi, in the reader's words."""
        return f"Realisasi tahun {tahun} menurut data."

    def berubah(self, data: DataTahun, kode: str, tahun: int) -> JumlahBerubah | None:
        """The counts behind a change indicator (last year's, this year's), for the sentence
        that says the plain fact; None when the kind counts nothing or a count is missing."""
        return None

    def periksa_indikator(self, data: DataTahun, kode: str, tambah: Lapor) -> None:
        """Validation rules for one IKU of this kind (e.g. its parts are there this year)."""

    def periksa_data(self, data: DataTahun, tambah: Lapor) -> None:
        """Validation rules on the kind's own datasets, run for every year."""

    def baris_buku_kerja(self, data: DataTahun, dataset: str) -> list[dict[str, Any]]:
        """The rows (keys) the workbook's sheet of `dataset` must offer this year."""
        return []

    def indikator(self, data: DataTahun) -> list[BarisIndikator]:
        """The agency's indicators of this kind."""
        return [i for i in data["indikator"].baris if i["rumus"] == self.nama]

    def pendukung(self, kode: list[str]) -> list[Butir]:
        """The supporting tables and figures the sasaran page shows for its indicators `kode`
        of this kind, in order."""
        return []

    def angka_tahun_ini(self, data: DataTahun) -> Iterator[AngkaTahunIni]:
        """This year's figures of the kind's own datasets, each with its reference."""
        return iter(())

    def rekap_impor(self, dataset: str, baris: list[dict[str, str]], nomor: list[int | None],
                    tahun: int) -> Rekap | None:
        """What the kind computes from the imported sheet of `dataset` (its rows as text, with
        their sheet row numbers); None for a sheet it computes nothing from."""
        return None

    def lampiran(self, data: DataTahun) -> list[ButirLampiran]:
        """The appendix's tables of the kind's own data, whether or not an indicator of the
        year uses the kind (none while that data is empty)."""
        return []

    def temuan(self, data: DataTahun) -> Iterator[Temuan]:
        """The audit's findings on the printed derived figures of the kind's own datasets."""
        return iter(())

    def tercetak(self, data: DataTahun) -> Iterator[Tercetak]:
        """The printed figures of the kind's own datasets that name a fact (the audit checks
        that each fact is printed with one value everywhere)."""
        return iter(())

    def hitung_dilaporkan(self, data: DataTahun, kunci: str) -> tuple[object, ...]:
        """A dilaporkan.csv key of this kind (`awalan_dilaporkan`) computed: (value, arithmetic,
        subject in the reader's words[, the finding's class]); KeyError for an unknown key."""
        raise KeyError(kunci)

    def fakta_dilaporkan(self, data: DataTahun, kunci: str) -> str:
        """The fact a dilaporkan.csv key of this kind is about, when the book shows it."""
        return ""
