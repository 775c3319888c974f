"""Every derived figure of one fiscal year, computed once from validated inputs.

Functions here take a `DataTahun` and return plain values or small frozen records; they never
format (that is `lakip_lib.format`) and never read files (that is `lakip_lib.data`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from lakip_lib import perhitungan, rumus
from lakip_lib.aturan import induk_kode
from lakip_lib.baris import BarisAnggaran, BarisIndikator, BarisPembanding, BarisProgramKinerja
from lakip_lib.data_tahun import DataTahun, turunan
from lakip_lib.perhitungan import Arah, Penilaian, Pita, jumlah
from lakip_lib.tercatat import target_tahunan

__all__ = ["jumlah", "target_tahunan"]  # figures of their own modules, offered here too


def skala(data: DataTahun) -> list[Pita]:
    return [Pita(b["kategori"], b["batas_bawah"], b["batas_atas"])
            for b in data["skala_kategori"].baris]


def indikator(data: DataTahun, kode: str) -> BarisIndikator:
    baris = data["indikator"].satu(kode=kode)
    if baris is None:
        raise KeyError(f"indikator {kode} tidak ada di data")
    return baris


def arah(data: DataTahun, kode: str) -> Arah:
    return Arah(indikator(data, kode)["arah"])


def penilaian(data: DataTahun, kode: str) -> Penilaian:
    """How the indicator's capaian is read (indikator.csv `penilaian`; blank: a level)."""
    return Penilaian(indikator(data, kode)["penilaian"] or Penilaian.TINGKAT.value)


# --- realisasi of an indicator in any year -------------------------------------------------

def realisasi(data: DataTahun, kode: str, tahun: int) -> Decimal | None:
    """The realisasi of an indicator in a year, as its kind obtains it (measured, or computed
    from its parts: see `lakip_lib.rumus`)."""
    return rumus.dari(data, kode).realisasi(data, kode, tahun)


@turunan  # a page's planning depends on this answer, not on the figures a kind computes it from
def ada_realisasi(data: DataTahun, kode: str, tahun: int) -> bool:
    """Whether an indicator has a realisasi in a year. What depends on this alone, such as the
    numbering of charts, does not depend on the value: a page records one read of the answer
    (for a figure computed from parts, e.g. a change in case counts, not of the parts)."""
    return rumus.dari(data, kode).ada_realisasi(data, kode, tahun)


def realisasi_terakhir(data: DataTahun, kode: str) -> tuple[int | None, Decimal | None]:
    """The most recent year up to this edition's with a realisasi, and that realisasi."""
    for tahun in range(data.tahun, data.tahun - 10, -1):
        nilai = realisasi(data, kode, tahun)
        if nilai is not None:
            return tahun, nilai
    return None, None


def iku_bertarget_renstra(data: DataTahun) -> list[str]:
    """The IKU whose target is still the Renstra's (the Perjanjian Kinerja is not signed yet)."""
    return [b["indikator"] for b in data["target"].baris if b["dasar"] == "renstra"]


def target_renstra(data: DataTahun, kode: str, tahun: int) -> Decimal | None:
    baris = data["renstra_target"].satu(indikator=kode, tahun=tahun)
    return baris["target"] if baris else None


# --- IKU results ----------------------------------------------------------------------------

@dataclass(frozen=True)
class HasilIndikator:
    kode: str
    nama: str
    sasaran: str
    satuan: str
    arah: Arah
    desimal: int
    target: Decimal | None
    realisasi: Decimal | None
    capaian: Decimal | None
    kategori: str | None
    penilaian: Penilaian = Penilaian.TINGKAT
    dibatasi: bool = False  # the capaian is the bound 0% of a change in the wrong direction

    @property
    def tercapai(self) -> bool | None:
        if self.capaian is None:
            return None
        return self.capaian >= 100


def hasil(data: DataTahun, kode: str, target: Decimal | None = None,
          tahun: int | None = None) -> HasilIndikator:
    """Target, realisasi, capaian and kategori of one indicator (default: this year's target)."""
    ind = indikator(data, kode)
    tahun = tahun or data.tahun
    target = target if target is not None else target_tahunan(data, kode)
    nyata = realisasi(data, kode, tahun)
    arah_, cara = Arah(ind["arah"]), penilaian(data, kode)
    nilai = perhitungan.capaian(target, nyata, arah_, cara)
    return HasilIndikator(kode, ind["nama"], ind["induk"], ind["satuan"], arah_,
                          ind["desimal"], target, nyata, nilai,
                          perhitungan.kategori(nilai, skala(data)), cara,
                          perhitungan.dibatasi_nol(target, nyata, arah_, cara))


def hasil_iku(data: DataTahun) -> list[HasilIndikator]:
    return [hasil(data, b["kode"]) for b in data["indikator"].cari(jenis="iku")]


def iku_sasaran(data: DataTahun, sasaran: str) -> list[HasilIndikator]:
    return [hasil(data, b["kode"]) for b in data["indikator"].cari(jenis="iku", induk=sasaran)]


def jumlah_per_kategori(data: DataTahun) -> dict[str, int]:
    """How many IKU fall in each category of the scale (every category listed, zeros included)."""
    hitung = Counter(h.kategori for h in hasil_iku(data) if h.kategori)
    return {p.kategori: hitung.get(p.kategori, 0) for p in skala(data)}


def aturan_kesimpulan(data: DataTahun) -> perhitungan.AturanKesimpulan:
    """How this year derives its overall category, as declared in edisi.yaml (`penilaian`)."""
    return perhitungan.AturanKesimpulan.dari(data.edisi.penilaian or {})


def nilai_keseluruhan(data: DataTahun) -> Decimal | None:
    """The figure the overall category is read from, by the year's declared rule."""
    return aturan_kesimpulan(data).nilai(
        [h.capaian for h in hasil_iku(data) if h.capaian is not None])


def kategori_keseluruhan(data: DataTahun) -> str | None:
    """The overall category: the category of `nilai_keseluruhan` on the year's scale."""
    return perhitungan.kategori(nilai_keseluruhan(data), skala(data))


@dataclass(frozen=True)
class TitikRiwayat:
    tahun: int
    target: Decimal | None
    realisasi: Decimal | None
    capaian: Decimal | None


def riwayat(data: DataTahun, kode: str) -> list[TitikRiwayat]:
    """Realisasi and capaian against the Renstra target for every Renstra year up to this one."""
    awal, _ = data.periode_renstra
    hasil_: list[TitikRiwayat] = []
    for tahun in range(awal, data.tahun + 1):
        target = target_renstra(data, kode, tahun)
        nyata = realisasi(data, kode, tahun)
        hasil_.append(TitikRiwayat(tahun, target, nyata, perhitungan.capaian(
            target, nyata, arah(data, kode), penilaian(data, kode))))
    return hasil_


def target_akhir_renstra(data: DataTahun, kode: str) -> Decimal | None:
    return target_renstra(data, kode, data.periode_renstra[1])


# --- budget -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class TotalAnggaran:
    """Budget and spending; None where a draft has not filled every part in yet."""

    anggaran: int | None
    realisasi: int | None

    @property
    def penyerapan(self) -> Decimal | None:
        if self.anggaran is None or self.realisasi is None:
            return None
        return perhitungan.penyerapan(self.realisasi, self.anggaran)

    @property
    def sisa(self) -> int | None:
        if self.anggaran is None or self.realisasi is None:
            return None
        return self.anggaran - self.realisasi


@dataclass(frozen=True)
class HasilAnggaran(TotalAnggaran):
    kode: str = ""
    level: str = ""
    nama: str = ""
    sasaran: str | None = None


def anggaran(data: DataTahun) -> list[HasilAnggaran]:
    """Every programme, kegiatan and sub kegiatan with totals summed from the leaves."""
    baris = data["anggaran"].baris
    punya_anak = {induk_kode(b["kode"]) for b in baris}
    daun_di: dict[str, list[BarisAnggaran]] = {}  # code → the leaves at or beneath it, in one pass
    for d in baris:
        if d["kode"] not in punya_anak:
            kode: str | None = d["kode"]
            while kode is not None:
                daun_di.setdefault(kode, []).append(d)
                kode = induk_kode(kode)

    def total(kode: str, kolom: Literal["anggaran", "realisasi"]) -> int | None:
        return jumlah([d[kolom] for d in daun_di.get(kode, [])])

    return [HasilAnggaran(total(b["kode"], "anggaran"), total(b["kode"], "realisasi"),
                          b["kode"], b["level"], b["nama"], b["sasaran"])
            for b in baris]


def program(data: DataTahun) -> list[HasilAnggaran]:
    return [b for b in anggaran(data) if b.level == "program"]


def total_anggaran(data: DataTahun) -> TotalAnggaran:
    prog = program(data)
    return TotalAnggaran(jumlah([p.anggaran for p in prog]), jumlah([p.realisasi for p in prog]))


@turunan  # a sasaran's page shows its own totals: a line of another sasaran does not re-run it
def anggaran_sasaran(data: DataTahun, sasaran: str) -> TotalAnggaran:
    prog = [p for p in program(data) if p.sasaran == sasaran]
    return TotalAnggaran(jumlah([p.anggaran for p in prog]), jumlah([p.realisasi for p in prog]))


@dataclass(frozen=True)
class HasilEfisiensi:
    kode_anggaran: str | None
    nama: str
    indikator: str
    capaian_kinerja: Decimal | None
    penyerapan: Decimal | None
    efisiensi: Decimal | None
    kode_indikator: str | None = None  # a book indicator whose capaian the row shows
    kode_program: str | None = None  # a programme row (program_kinerja) whose capaian it shows
    target: Decimal | None = None  # that indicator's or programme row's target


def efisiensi(data: DataTahun) -> list[HasilEfisiensi]:
    """Capaian kinerja against absorption computed from the budget table (not as printed)."""
    per_kode = {b.kode: b for b in anggaran(data)}
    hasil_: list[HasilEfisiensi] = []
    for b in data["efisiensi"].baris:
        serap = per_kode[b["kode_anggaran"]].penyerapan if b["kode_anggaran"] else None
        target: Decimal | None = None
        if b["kode_indikator"]:  # a book indicator: its one computed capaian
            h = hasil(data, b["kode_indikator"])
            capaian_, target = h.capaian, h.target
        elif b["kode_program"]:  # a programme row of Bab III: the capaian its table shows
            p = program_kinerja_kode(data, b["kode_program"])
            capaian_, target = p.capaian, p.target
        else:
            capaian_ = b["capaian_kinerja"]
        hasil_.append(HasilEfisiensi(b["kode_anggaran"], b["nama"], b["indikator"], capaian_,
                                     serap, perhitungan.efisiensi(capaian_, serap),
                                     b["kode_indikator"], b["kode_program"], target))
    return hasil_


# --- supporting tables ------------------------------------------------------------------------

@dataclass(frozen=True)
class HasilProgramKinerja:
    sasaran: str
    kode: str
    level: str
    nama: str
    indikator: str
    satuan: str | None
    target: Decimal | None
    realisasi: Decimal | None
    arah: Arah
    capaian: Decimal | None
    kode_indikator: str | None = None  # a book indicator whose figures the row shows


def program_kinerja(data: DataTahun, sasaran: str) -> list[HasilProgramKinerja]:
    return [_hasil_program(data, b) for b in data["program_kinerja"].cari(sasaran=sasaran)]


def program_kinerja_kode(data: DataTahun, kode: str) -> HasilProgramKinerja:
    """One programme row by its code (the key of program_kinerja.csv), as its table shows it;
    only that row is read."""
    baris = data["program_kinerja"].satu(kode=kode)
    if baris is None:
        raise KeyError(f"program {kode} tidak ada di data")
    return _hasil_program(data, baris)


def _hasil_program(data: DataTahun, b: BarisProgramKinerja) -> HasilProgramKinerja:
    if b["kode_indikator"]:  # a book indicator: its figures, computed once
        h = hasil(data, b["kode_indikator"])
        target, nyata, a, nilai = h.target, h.realisasi, h.arah, h.capaian
    else:
        target, nyata, a = b["target"], b["realisasi"], Arah(b["arah"])
        nilai = perhitungan.capaian(target, nyata, a)
    return HasilProgramKinerja(b["sasaran"], b["kode"], b["level"], b["nama"], b["indikator"],
                               b["satuan"], target, nyata, a, nilai, b["kode_indikator"])


@dataclass(frozen=True)
class KondisiAspek:
    """The condition of one strategic aspect: computed from an indicator when linked to one."""

    aspek: str
    nilai: Decimal | None
    satuan: str
    desimal: int | None
    ukuran: str | None  # "realisasi" | "capaian" of a linked indicator, None for an input
    indikator: str | None
    kode_program: str | None = None  # a programme row whose realisasi is the condition


def aspek_strategis(data: DataTahun) -> list[KondisiAspek]:
    hasil_ = []
    for b in data["aspek_strategis"].baris:
        kode = b["indikator"]
        if b["kode_program"]:  # a programme's indicator: its realisasi as its table shows it
            p = program_kinerja_kode(data, b["kode_program"])
            hasil_.append(KondisiAspek(b["aspek"], p.realisasi, p.satuan or "", None,
                                       "realisasi", None, p.kode))
            continue
        if kode is None:
            hasil_.append(KondisiAspek(b["aspek"], b["kondisi"], b["satuan"] or "", None, None,
                                       None))
            continue
        ukuran = b["ukuran"] or "realisasi"
        if ukuran == "capaian":
            hasil_.append(KondisiAspek(b["aspek"], hasil(data, kode).capaian, "%", 2, ukuran,
                                       kode))
        else:  # the realisasi alone: the target behind a capaian is not read
            ind = indikator(data, kode)
            hasil_.append(KondisiAspek(b["aspek"], realisasi(data, kode, data.tahun),
                                       ind["satuan"], ind["desimal"], ukuran, kode))
    return hasil_


def adalah_program(kode: str) -> bool:
    """A programme is a budget line at the top of the code hierarchy (no parent code)."""
    return induk_kode(kode) is None


@dataclass(frozen=True)
class EfisiensiProgram:
    """A whole programme's efficiency, both its figures known (a point of the scatter chart)."""
    program: str  # the programme's name in the budget table
    capaian: Decimal
    penyerapan: Decimal
    efisiensi: Decimal | None


def efisiensi_program(data: DataTahun) -> list[EfisiensiProgram]:
    """The efficiency rows of whole programmes whose capaian and absorption are both known."""
    nama = {b.kode: b.nama for b in anggaran(data)}
    return [EfisiensiProgram(nama[b.kode_anggaran], b.capaian_kinerja, b.penyerapan, b.efisiensi)
            for b in efisiensi(data) if b.kode_anggaran and adalah_program(b.kode_anggaran)
            and b.capaian_kinerja is not None and b.penyerapan is not None]


def ketercapaian_iku(data: DataTahun) -> tuple[list[HasilIndikator], list[HasilIndikator]]:
    """The IKU whose target was met and those whose target was not (an IKU without a
    realisasi is in neither)."""
    hasil = hasil_iku(data)
    return [h for h in hasil if h.tercapai], [h for h in hasil if h.tercapai is False]


def kode_indikator_sasaran(data: DataTahun, sasaran: str) -> list[str]:
    """The indicators of a sasaran: its IKU, then its supporting indicators."""
    return kode_indikator(data, sasaran, "iku") + kode_indikator(data, sasaran, "pendukung")


@turunan  # planning numbers a sasaran's items by its indicators' codes, not by their rows
def kode_indikator(data: DataTahun, sasaran: str,
                   jenis: Literal["iku", "pendukung"]) -> list[str]:
    """The codes of a sasaran's IKU or of its supporting indicators, in file order."""
    return [b["kode"] for b in data["indikator"].cari(jenis=jenis, induk=sasaran)]


def pembanding_sasaran(data: DataTahun, sasaran: str) -> list[BarisPembanding]:
    """The comparison figures (other regions, the province, the nation) of a sasaran's
    indicators, in file order: the indicator column says which rows are the sasaran's and
    only those rows are read whole (another sasaran's figures do not re-run its page)."""
    kode = set(kode_indikator_sasaran(data, sasaran))
    t = data["pembanding"]
    baris = {k: iter(t.cari(indikator=k)) for k in kode}
    return [next(baris[k]) for k in t.kolom("indikator") if k in kode]


def terbaru_per_wilayah(baris: Iterable[BarisPembanding]) -> list[BarisPembanding]:
    """Each region's latest figure (a region is compared once, with its newest data)."""
    terbaru: dict[str, BarisPembanding] = {}
    for b in baris:
        if b["wilayah"] not in terbaru or b["tahun"] > terbaru[b["wilayah"]]["tahun"]:
            terbaru[b["wilayah"]] = b
    return list(terbaru.values())


@dataclass(frozen=True)
class PerbandinganWilayah:
    """How an IKU's realisasi of the year stands against other regions' latest figures."""
    lebih_tinggi: list[str]  # regions whose figure is higher than the agency's
    lebih_rendah: list[str]  # regions whose figure is lower
    lama: list[BarisPembanding]  # rows compared with an earlier year's figure (their newest)


def perbandingan_wilayah(baris: Iterable[BarisPembanding], h: HasilIndikator,
                         tahun: int) -> PerbandinganWilayah | None:
    """The IKU's realisasi against each region's latest realisasi up to `tahun`; None when
    the IKU has no realisasi or no region has a figure to compare."""
    lain = terbaru_per_wilayah(b for b in baris if b["indikator"] == h.kode
                               and b["jenis"] == "realisasi" and b["tahun"] <= tahun)
    if h.realisasi is None or not lain:
        return None
    return PerbandinganWilayah([b["wilayah"] for b in lain if b["nilai"] > h.realisasi],
                               [b["wilayah"] for b in lain if b["nilai"] < h.realisasi],
                               [b for b in lain if b["tahun"] != tahun])


def penyerapan_terendah(program_: list[HasilAnggaran]) -> HasilAnggaran | None:
    """The programme that absorbed the smallest share of its budget (None when no programme's
    absorption is known)."""
    diketahui = [p for p in program_ if p.penyerapan is not None]
    return min(diketahui, key=lambda p: p.penyerapan or Decimal(0)) if diketahui else None
