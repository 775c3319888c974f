"""Every derived figure of one fiscal year, computed once from validated inputs.

Functions here take a `DataTahun` and return plain values or small frozen records; they never
format (that is `lakip_lib.format`) and never read files (that is `lakip_lib.data`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from lakip_lib import capaian as rumus
from lakip_lib.aturan import induk_kode
from lakip_lib.baris import BarisIndikator
from lakip_lib.capaian import Arah, Pita
from lakip_lib.data import DataTahun
from lakip_lib.schema import KOLOM_IDM, STATUS_IDM
from lakip_lib.tabel import sel_bernama

STATUS_DIHITUNG_MAJU = ("Mandiri", "Maju")


def skala(data: DataTahun) -> list[Pita]:
    return [Pita(b["kategori"], b["batas_bawah"], b["batas_atas"])
            for b in data["skala_kategori"].baris]


def indikator(data: DataTahun, kode: str) -> BarisIndikator:
    baris = data["indikator"].satu(kode=kode)
    if baris is None:
        raise KeyError(f"indikator {kode} tidak ada di data")
    return baris


def kode_berumus(data: DataTahun, rumus_: str) -> str | None:
    """The indicator computed by a formula (`desa_maju`, `cpr`, …), if the agency has one."""
    return next((i["kode"] for i in data["indikator"].baris if i["rumus"] == rumus_), None)


def arah(data: DataTahun, kode: str) -> Arah:
    return Arah(indikator(data, kode)["arah"])


# --- realisasi of an indicator in any year -------------------------------------------------

def jumlah_kasus(data: DataTahun, tahun: int) -> int | None:
    """All cases of a year; None when the year has no rows or lacks a group other years have
    (a missing row is missing, not zero)."""
    baris = data["kasus_kekerasan"].cari(tahun=tahun)
    kelompok = {b["kelompok"] for b in data["kasus_kekerasan"].baris}
    if not baris or {b["kelompok"] for b in baris} != kelompok:
        return None
    return sum(b["jumlah"] for b in baris)


def kasus_per_kelompok(data: DataTahun, tahun: int) -> dict[str, int]:
    return {b["kelompok"]: b["jumlah"] for b in data["kasus_kekerasan"].cari(tahun=tahun)}


def status_desa(data: DataTahun, tahun: int) -> dict[str, int | None] | None:
    """Villages per IDM status: the village list for the edition year, the IDM table otherwise.

    A blank cell of the IDM table stays None (missing, never a silent zero): see
    `jumlah_desa` and `status_kosong`.
    """
    if tahun == data.tahun and data["desa"].baris:
        status = data["desa"].kolom("status_idm")
        if any(s is None for s in status):
            return None  # a draft whose village statuses are not all known yet
        hitung = Counter(status)
        return {s: hitung.get(s, 0) for s in STATUS_IDM}
    baris = data["idm_status"].satu(tahun=tahun)
    if baris is None:
        return None
    return {s: sel_bernama(baris, KOLOM_IDM[s]) for s in STATUS_IDM}


def status_kosong(status: dict[str, int | None]) -> list[str]:
    """The statuses whose count is missing (a blank cell in the source)."""
    return [s for s, n in status.items() if n is None]


def jumlah_desa(status: dict[str, int | None] | None) -> int | None:
    """All villages of a year; None when the list is unknown or any status count is missing."""
    return None if status is None else jumlah(list(status.values()))


def realisasi(data: DataTahun, kode: str, tahun: int) -> Decimal | None:
    """The realisasi of an indicator in a year, computed from its parts where it has a formula."""
    cara = indikator(data, kode)["rumus"]
    if cara == "penurunan_kasus":
        sebelum, sekarang = jumlah_kasus(data, tahun - 1), jumlah_kasus(data, tahun)
        if sebelum is None or sekarang is None:
            return None
        return rumus.penurunan_kasus(sebelum, sekarang)
    if cara == "desa_maju":
        status = status_desa(data, tahun)
        semua = jumlah_desa(status)
        maju = jumlah([status[s] for s in STATUS_DIHITUNG_MAJU]) if status else None
        if semua is None or maju is None:
            return None  # a percentage on an incomplete base is not computed
        return rumus.persentase_desa_maju(maju, semua)
    if cara == "cpr" and tahun == data.tahun:
        total = total_cpr(data)
        return total.cpr if total else None
    baris = data["realisasi"].satu(indikator=kode, tahun=tahun)
    return baris["realisasi"] if baris else None


def ada_realisasi(data: DataTahun, kode: str, tahun: int) -> bool:
    """Whether an indicator has a realisasi in a year. For a figure read from realisasi.csv only
    whether its row exists is read (the value is a required cell), so what depends on this alone,
    such as the numbering of charts, does not depend on the value."""
    cara = indikator(data, kode)["rumus"]
    if cara in ("penurunan_kasus", "desa_maju") or (cara == "cpr" and tahun == data.tahun):
        return realisasi(data, kode, tahun) is not None
    return data["realisasi"].ada_baris(indikator=kode, tahun=tahun)


def realisasi_terakhir(data: DataTahun, kode: str) -> tuple[int | None, Decimal | None]:
    """The most recent year up to this edition's with a realisasi, and that realisasi."""
    for tahun in range(data.tahun, data.tahun - 10, -1):
        nilai = realisasi(data, kode, tahun)
        if nilai is not None:
            return tahun, nilai
    return None, None


def target_renstra(data: DataTahun, kode: str, tahun: int) -> Decimal | None:
    baris = data["renstra_target"].satu(indikator=kode, tahun=tahun)
    return baris["target"] if baris else None


def target_tahunan(data: DataTahun, kode: str) -> Decimal | None:
    baris = data["target"].satu(indikator=kode)
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
    nilai = rumus.capaian(target, nyata, Arah(ind["arah"]))
    return HasilIndikator(kode, ind["nama"], ind["induk"], ind["satuan"], Arah(ind["arah"]),
                          ind["desimal"], target, nyata, nilai, rumus.kategori(nilai, skala(data)))


def hasil_iku(data: DataTahun) -> list[HasilIndikator]:
    return [hasil(data, b["kode"]) for b in data["indikator"].cari(jenis="iku")]


def iku_sasaran(data: DataTahun, sasaran: str) -> list[HasilIndikator]:
    return [hasil(data, b["kode"]) for b in data["indikator"].cari(jenis="iku", induk=sasaran)]


def jumlah_per_kategori(data: DataTahun) -> dict[str, int]:
    """How many IKU fall in each category of the scale (every category listed, zeros included)."""
    hitung = Counter(h.kategori for h in hasil_iku(data) if h.kategori)
    return {p.kategori: hitung.get(p.kategori, 0) for p in skala(data)}


def aturan_kesimpulan(data: DataTahun) -> rumus.AturanKesimpulan:
    """How this year derives its overall category, as declared in edisi.yaml (`penilaian`)."""
    return rumus.AturanKesimpulan.dari(data.edisi.penilaian or {})


def nilai_keseluruhan(data: DataTahun) -> Decimal | None:
    """The figure the overall category is read from, by the year's declared rule."""
    return aturan_kesimpulan(data).nilai(
        [h.capaian for h in hasil_iku(data) if h.capaian is not None])


def kategori_keseluruhan(data: DataTahun) -> str | None:
    """The overall category: the category of `nilai_keseluruhan` on the year's scale."""
    return rumus.kategori(nilai_keseluruhan(data), skala(data))


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
        hasil_.append(TitikRiwayat(tahun, target, nyata,
                                   rumus.capaian(target, nyata, arah(data, kode))))
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
        return rumus.penyerapan(self.realisasi, self.anggaran)

    @property
    def sisa(self) -> int | None:
        if self.anggaran is None or self.realisasi is None:
            return None
        return self.anggaran - self.realisasi


def jumlah(nilai: list[int | None]) -> int | None:
    """Sum of parts; None when any part is still missing (never a silent zero)."""
    return None if any(n is None for n in nilai) else sum(n for n in nilai if n is not None)


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
    daun = [b for b in baris if b["kode"] not in punya_anak]

    def total(kode: str, kolom: Literal["anggaran", "realisasi"]) -> int | None:
        return jumlah([d[kolom] for d in daun
                       if d["kode"] == kode or d["kode"].startswith(kode + ".")])

    return [HasilAnggaran(total(b["kode"], "anggaran"), total(b["kode"], "realisasi"),
                          b["kode"], b["level"], b["nama"], b["sasaran"])
            for b in baris]


def program(data: DataTahun) -> list[HasilAnggaran]:
    return [b for b in anggaran(data) if b.level == "program"]


def total_anggaran(data: DataTahun) -> TotalAnggaran:
    prog = program(data)
    return TotalAnggaran(jumlah([p.anggaran for p in prog]), jumlah([p.realisasi for p in prog]))


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


def efisiensi(data: DataTahun) -> list[HasilEfisiensi]:
    """Capaian kinerja against absorption computed from the budget table (not as printed)."""
    per_kode = {b.kode: b for b in anggaran(data)}
    hasil_: list[HasilEfisiensi] = []
    for b in data["efisiensi"].baris:
        serap = per_kode[b["kode_anggaran"]].penyerapan if b["kode_anggaran"] else None
        capaian_ = (hasil(data, b["kode_indikator"]).capaian if b["kode_indikator"]
                    else b["capaian_kinerja"])  # a book indicator: its one computed capaian
        hasil_.append(HasilEfisiensi(b["kode_anggaran"], b["nama"], b["indikator"], capaian_,
                                     serap, rumus.efisiensi(capaian_, serap),
                                     b["kode_indikator"]))
    return hasil_


# --- supporting tables ------------------------------------------------------------------------

@dataclass(frozen=True)
class HasilCpr:
    kecamatan: str
    pus: int | None
    kb_aktif: int | None

    @property
    def cpr(self) -> Decimal | None:
        if self.pus is None or self.kb_aktif is None:
            return None
        return rumus.cpr(self.kb_aktif, self.pus)


def cpr_kecamatan(data: DataTahun) -> list[HasilCpr]:
    return [HasilCpr(b["kecamatan"], b["pus"], b["kb_aktif"])
            for b in data["cpr_kecamatan"].baris]


def total_cpr(data: DataTahun) -> HasilCpr | None:
    baris = cpr_kecamatan(data)
    if not baris:
        return None
    return HasilCpr("Kabupaten", jumlah([b.pus for b in baris]), jumlah([b.kb_aktif for b in baris]))


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
    hasil_ = []
    for b in data["program_kinerja"].cari(sasaran=sasaran):
        if b["kode_indikator"]:  # a book indicator: its target and realisasi, computed once
            h = hasil(data, b["kode_indikator"])
            target, nyata, a = h.target, h.realisasi, h.arah
        else:
            target, nyata, a = b["target"], b["realisasi"], Arah(b["arah"])
        hasil_.append(HasilProgramKinerja(b["sasaran"], b["kode"], b["level"], b["nama"],
                                          b["indikator"], b["satuan"], target, nyata, a,
                                          rumus.capaian(target, nyata, a), b["kode_indikator"]))
    return hasil_


def desa_per_kecamatan(data: DataTahun) -> dict[str, dict[str, int]]:
    """Village counts per kecamatan and IDM status for the edition year."""
    hasil_: dict[str, dict[str, int]] = {}
    for kec in data["kecamatan"].kolom("kecamatan"):
        hitung: Counter[str] = Counter(b["status_idm"] for b in data["desa"].cari(kecamatan=kec)
                                       if b["status_idm"] is not None)
        hasil_[kec] = {s: hitung.get(s, 0) for s in STATUS_IDM}
    return hasil_


@dataclass(frozen=True)
class KondisiAspek:
    """The condition of one strategic aspect: computed from an indicator when linked to one."""

    aspek: str
    nilai: Decimal | None
    satuan: str
    desimal: int | None
    ukuran: str | None  # "realisasi" | "capaian" of a linked indicator, None for an input
    indikator: str | None


def aspek_strategis(data: DataTahun) -> list[KondisiAspek]:
    hasil_ = []
    for b in data["aspek_strategis"].baris:
        kode = b["indikator"]
        if kode is None:
            hasil_.append(KondisiAspek(b["aspek"], b["kondisi"], b["satuan"] or "", None, None,
                                       None))
            continue
        h = hasil(data, kode)
        ukuran = b["ukuran"] or "realisasi"
        if ukuran == "capaian":
            hasil_.append(KondisiAspek(b["aspek"], h.capaian, "%", 2, ukuran, kode))
        else:
            hasil_.append(KondisiAspek(b["aspek"], h.realisasi, h.satuan, h.desimal, ukuran,
                                       kode))
    return hasil_
