"""`desa_maju`: the percentage of villages whose IDM status is Maju or Mandiri, from the village
list of the edition year (desa.csv) and the yearly IDM recap (idm_status.csv)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from functools import partial
from typing import TYPE_CHECKING, Any

from lakip_lib import charts, perhitungan
from lakip_lib import fakta as f
from lakip_lib import format as fmt
from lakip_lib.dataset import Dataset, Kolom, Tipe
from lakip_lib.masalah import PERINGATAN
from lakip_lib.rumus.dasar import (
    Butir,
    ButirLampiran,
    Halaman,
    Lapor,
    Lembaran,
    LembarRumus,
    Rekap,
    Rumus,
    UlasanReviu,
)
from lakip_lib.tabel import sel_bernama
from lakip_lib.tampilan import teks
from lakip_lib.tampilan_tabel import Lajur
from lakip_lib.temuan import Temuan, Tercetak, banding, desimal, teks_angka

if TYPE_CHECKING:
    from lakip_lib.baris import BarisIdmStatus
    from lakip_lib.data_tahun import DataTahun

STATUS_IDM = ("Mandiri", "Maju", "Berkembang", "Tertinggal", "Sangat Tertinggal")
KOLOM_IDM = {s: s.lower().replace(" ", "_") for s in STATUS_IDM}  # status → idm_status column
STATUS_DIHITUNG_MAJU = ("Mandiri", "Maju")
IDM_STATUS = Dataset(
    "idm_status", "idm_status.csv",
    "Jumlah desa menurut status Indeks Desa Membangun per tahun.",
    (
        Kolom("tahun", Tipe.TAHUN),
        *(Kolom(KOLOM_IDM[s], Tipe.BULAT, boleh_negatif=False, wajib=(s != "Sangat Tertinggal"),
                judul=f"Desa {s} (desa)", keterangan=f"Jumlah desa berstatus {s}")
          for s in STATUS_IDM),
        Kolom("jumlah_dilaporkan", Tipe.BULAT, wajib=False, dilaporkan=True,
              judul="Jumlah desa tercetak", keterangan="Jumlah desa seluruhnya"),
    ),
    ("tahun",),
    riwayat=True,
)
DESA = Dataset(
    "desa", "{tahun}/desa.csv", "Daftar desa dengan kecamatan dan status IDM tahun berjalan.",
    (
        Kolom("kecamatan", acuan=("kecamatan", "kecamatan")),
        Kolom("desa", judul="Desa", keterangan="Nama desa"),
        Kolom("status_idm", wajib=False, wajib_final=True, pilihan=STATUS_IDM, judul="Status IDM",
              keterangan="Status Indeks Desa Membangun desa tahun ini"),
    ),
    ("kecamatan", "desa"),
)


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
    return None if status is None else perhitungan.jumlah(status.values())


def desa_per_kecamatan(data: DataTahun) -> dict[str, dict[str, int]]:
    """Village counts per kecamatan and IDM status for the edition year."""
    hasil: dict[str, dict[str, int]] = {}
    for kec in data["kecamatan"].kolom("kecamatan"):
        hitung: Counter[str] = Counter(b["status_idm"] for b in data["desa"].cari(kecamatan=kec)
                                       if b["status_idm"] is not None)
        hasil[kec] = {s: hitung.get(s, 0) for s in STATUS_IDM}
    return hasil


def _ada_dua_cara(data: DataTahun) -> bool:
    return any(b["rumus"] == "desa_maju" for b in data["indikator"].baris) \
        and bool(data["idm_status"].baris)


def _dua_cara(h: Lembaran) -> list[Any]:
    """The review's Desa Maju series two ways: Maju only (what the signed report measured)
    beside Maju + Mandiri (the formula the report states, which the edition uses)."""
    baris = []
    for t in sorted({b["tahun"] for b in h.d["idm_status"].baris} | {h.tahun}):
        status = status_desa(h.d, t)
        semua = jumlah_desa(status)
        maju, mandiri = (status or {}).get("Maju"), (status or {}).get("Mandiri")
        baris.append((str(t), fmt.angka(maju, 0) if maju is not None else fmt.BELUM_TERSEDIA,
                      fmt.angka(mandiri, 0) if mandiri is not None
                      else fmt.BELUM_TERSEDIA,
                      fmt.angka(semua, 0) if semua is not None else fmt.TIDAK_LENGKAP,
                      fmt.persen(perhitungan.persentase(maju, semua)
                                 if maju is not None and semua else None),
                      fmt.persen(perhitungan.persentase(maju + mandiri, semua)
                                 if maju is not None and mandiri is not None and semua
                                 else None)))
    return [
        teks("Rumus indikator desa maju dalam laporan menghitung desa berstatus Maju atau "
             "Mandiri, dan edisi ini memakai rumus itu. Angka yang tercetak di laporan menghitung "
             "desa berstatus Maju saja. Tabel berikut menyandingkan kedua deret."),
        h.tabel("desa-maju", "Persentase Desa Maju Menurut Dua Cara Menghitung",
                [Lajur("Tahun", True), Lajur("Desa Maju", True), Lajur("Desa Mandiri", True),
                 Lajur("Jumlah desa", True), Lajur("Maju saja", True),
                 Lajur("Maju + Mandiri, dipakai edisi", True)], baris,
                sumber=h.sumber_data("idm_status", "desa")),
    ]


class DesaMaju(Rumus):
    nama = "desa_maju"
    datasets = (IDM_STATUS, DESA)
    awalan_dilaporkan = ("idm.",)
    lembar = (LembarRumus("desa", ("kecamatan", "desa"),
                          "Status IDM setiap desa tahun ini. Rekap jumlah desa per status "
                          "dihitung dari lembar ini (tidak diisi)."),)
    ulasan_reviu = UlasanReviu("## Persentase desa maju: dua cara menghitung", "desa-maju",
                               _ada_dua_cara, _dua_cara)

    def realisasi(self, data: DataTahun, kode: str, tahun: int) -> Decimal | None:
        status = status_desa(data, tahun)
        semua = jumlah_desa(status)
        maju = perhitungan.jumlah([status[s] for s in STATUS_DIHITUNG_MAJU]) if status else None
        if semua is None or maju is None:
            return None  # a percentage on an incomplete base is not computed
        return perhitungan.persentase_desa_maju(maju, semua)

    def cara(self, data: DataTahun, kode: str, tahun: int) -> str:
        s = status_desa(data, tahun)
        semua = jumlah_desa(s)
        if s is None or semua is None:  # no village list or IDM row of that year, or a gap
            return f"Jumlah desa tahun {tahun} tidak lengkap; persentase tidak dihitung."
        maju = sum(s[x] or 0 for x in STATUS_DIHITUNG_MAJU)
        return (f"({s.get('Maju')} desa Maju + {s.get('Mandiri')} desa Mandiri) ÷ "
                f"{semua} desa × 100 = {maju} ÷ {semua} × 100.")

    def periksa_indikator(self, data: DataTahun, kode: str, tambah: Lapor) -> None:
        if not data["desa"].baris or any(s is None for s in data["desa"].kolom("status_idm")):
            tambah(data["desa"].berkas, None, "status_idm",
                   f"status IDM tahun {data.tahun} belum lengkap; realisasi {kode} belum dapat "
                   "dihitung.", PERINGATAN)

    def periksa_data(self, data: DataTahun, tambah: Lapor) -> None:
        """The IDM recap of the edition year and the village list are two records of one fact."""
        t, desa = data["idm_status"], data["desa"]
        status = desa.kolom("status_idm")
        if not status or any(s is None for s in status):
            return
        hitung = Counter(status)
        for baris, nomor in zip(t.baris, t.nomor, strict=True):
            if baris["tahun"] != data.tahun:
                continue
            for s, kolom in KOLOM_IDM.items():
                if (sel_bernama(baris, kolom) or 0) != hitung.get(s, 0):
                    tambah(t.berkas, nomor, kolom,
                           f'nilai "{sel_bernama(baris, kolom)}" berbeda dari jumlah desa berstatus {s} di '
                           f"{desa.berkas} ({hitung.get(s, 0)}). Samakan keduanya.")

    def rekap_impor(self, dataset: str, baris: list[dict[str, str]], nomor: list[int | None],
                    tahun: int) -> Rekap | None:
        """The year's row of idm_status.csv, counted from the villages' statuses of the desa
        sheet. No row while a village has no status yet (the recap would be wrong)."""
        if dataset != DESA.nama:
            return None
        kosong = [f"{b['kecamatan']}/{b['desa']} (baris {n})"
                  for b, n in zip(baris, nomor, strict=True) if not b["status_idm"]]
        if baris and not kosong:
            hitung = Counter(b["status_idm"] for b in baris)
            return Rekap(IDM_STATUS.nama, ({"tahun": str(tahun), **{
                kolom: str(hitung.get(s, 0)) for s, kolom in KOLOM_IDM.items()}},))
        if len(kosong) < len(baris):  # all blank: the rules already say statuses are missing
            contoh = ", ".join(kosong[:5]) + (", …" if len(kosong) > 5 else "")
            return Rekap(IDM_STATUS.nama, (), f"rekap IDM tahun {tahun} belum dihitung karena "
                         f"{len(kosong)} desa belum berstatus: {contoh}.", "status_idm")
        return Rekap(IDM_STATUS.nama)

    def lampiran(self, data: DataTahun) -> list[ButirLampiran]:
        return [ButirLampiran("desa", _tabel_daftar_desa)] if data["desa"].baris else []

    def temuan(self, data: DataTahun) -> Iterator[Temuan]:
        """The printed total of villages of every year, and this year's IDM recap against the
        village list."""
        for b in data["idm_status"].baris:
            yield from _temuan_jumlah(data, b)
        dari_daftar = status_desa(data, data.tahun)
        baris = data["idm_status"].satu(tahun=data.tahun)
        if dari_daftar and baris:
            for nama_status, kolom in KOLOM_IDM.items():
                tercatat = sel_bernama(baris, kolom)
                if tercatat is not None and tercatat != dari_daftar[nama_status]:
                    yield Temuan("konsistensi", _LOKASI, f"desa {nama_status} tahun {data.tahun}",
                                 str(tercatat), str(dari_daftar[nama_status]),
                                 "Hitungan dari daftar desa per kecamatan.")

    def tercetak(self, data: DataTahun) -> Iterator[Tercetak]:
        for b in data["idm_status"].baris:
            if b["jumlah_dilaporkan"] is not None:
                yield Tercetak(f.baris("idm", str(b["tahun"]), "jumlah"), _LOKASI,
                               f"jumlah desa tahun {b['tahun']}", Decimal(b["jumlah_dilaporkan"]))

    def hitung_dilaporkan(self, data: DataTahun, kunci: str) -> tuple[object, ...]:
        return _kunci_idm(data, kunci)

    def fakta_dilaporkan(self, data: DataTahun, kunci: str) -> str:
        tahun = kunci.rsplit(".", 1)[-1]
        return f.baris("idm", tahun, "jumlah") if tahun.isdigit() else ""

    def pendukung(self, kode: list[str]) -> list[Butir]:
        kode_desa = kode[0]
        return [Butir("tabel", "idm", lambda h: _tabel_idm(h, kode_desa)),
                Butir("gambar", "idm", lambda h: _grafik_idm(h, kode_desa)),
                Butir("tabel", "desa-kecamatan", _tabel_kecamatan)]


# --- the audit ----------------------------------------------------------------------------------

_LOKASI = "Bab III, tabel status desa menurut IDM"


def _temuan_jumlah(data: DataTahun, b: BarisIdmStatus) -> Iterator[Temuan]:
    """A year's printed total of villages: missing when a status count is blank."""
    status = status_desa(data, b["tahun"]) if b["tahun"] != data.tahun else \
        {s: sel_bernama(b, k) for s, k in KOLOM_IDM.items()}
    kosong = status_kosong(status or {})
    semua = jumlah_desa(status)
    perihal = f"jumlah desa tahun {b['tahun']}"
    fakta = f.baris("idm", str(b["tahun"]), "jumlah")
    if kosong:
        ada = sum(n for n in (status or {}).values() if n is not None)
        yield Temuan("kelengkapan", _LOKASI, perihal,
                     teks_angka(b["jumlah_dilaporkan"], 0) if b["jumlah_dilaporkan"] is not None
                     else "kosong", fmt.TIDAK_LENGKAP,
                     f"Sel desa {', '.join(kosong)} kosong di sumber; jumlah status yang "
                     f"terisi {ada}. Jumlah dan persentase tahun ini tidak dihitung.", fakta)
        return
    yield from banding(perihal, _LOKASI, desimal(b["jumlah_dilaporkan"]), desimal(semua), "total",
                       f"Jumlah desa semua status = {semua}.", 0, fakta)


def _kunci_idm(data: DataTahun, kunci: str) -> tuple[object, ...]:
    """dilaporkan.csv's idm.naik_ke_mandiri, idm.minimal_maju and idm.<tahun>."""
    tahun = data.tahun
    sekarang = status_desa(data, tahun) or {}
    if kunci == "idm.naik_ke_mandiri":
        lalu = status_desa(data, tahun - 1) or {}
        mandiri, mandiri_lalu = sekarang.get("Mandiri"), lalu.get("Mandiri")
        if mandiri is None or mandiri_lalu is None:
            return None, "Jumlah desa Mandiri dua tahun tidak lengkap.", "tambahan desa Mandiri"
        gerak = ", ".join(f"{s} {n - m:+d}" for s, n in sekarang.items()
                          if n is not None and (m := lalu.get(s)) is not None and n != m)
        return (mandiri - mandiri_lalu,
                f"Desa Mandiri {mandiri} tahun {tahun} − "
                f"{mandiri_lalu} tahun {tahun - 1}. Perubahan per status: {gerak}.",
                "tambahan desa Mandiri", "kalimat")
    if kunci == "idm.minimal_maju":
        return (perhitungan.jumlah([sekarang.get("Maju"), sekarang.get("Mandiri")]),
                f"{sekarang.get('Maju')} desa Maju + {sekarang.get('Mandiri')} desa Mandiri.",
                "desa berstatus minimal Maju", "kalimat")
    th = int(kunci.rsplit(".", 1)[1])
    return (jumlah_desa(status_desa(data, th)),
            f"Jumlah desa semua status tahun {th}.", f"jumlah desa tahun {th}")


# --- the sasaran page ---------------------------------------------------------------------------

def _tahun(h: Halaman) -> list[int]:
    tahun = [b["tahun"] for b in h.d["idm_status"].baris]
    return tahun if h.tahun in tahun else [*tahun, h.tahun]


def _baris_idm(h: Halaman, kode: str) -> tuple[list[tuple[Any, ...]], list[str]]:
    """The rows of the IDM table and the notes on the source's blank cells."""
    baris: list[tuple[Any, ...]] = []
    catatan = []
    for t in _tahun(h):
        status = status_desa(h.d, t)
        if status is None:
            baris.append((str(t), *([fmt.BELUM_TERSEDIA] * (len(STATUS_IDM) + 2))))
            continue
        kosong = status_kosong(status)
        semua = jumlah_desa(status)
        if kosong:
            catatan.append(f"{t}: sel {', '.join(kosong)} kosong pada sumber")
        baris.append((str(t), *("kosong" if status[s] is None else
                                h.nilai_fakta(f.baris("idm", str(t), s), str(status[s]))
                                for s in STATUS_IDM),
                      h.nilai_fakta(f.baris("idm", str(t), "jumlah"),
                               str(semua) if semua is not None else fmt.TIDAK_LENGKAP),
                      h.nilai_fakta(f.indikator(kode, "realisasi", t),
                               fmt.persen(RUMUS.realisasi(h.d, kode, t))
                               if semua is not None else fmt.TIDAK_DIHITUNG)))
    return baris, catatan


def _tabel_idm(h: Halaman, kode: str) -> Any:
    baris, catatan = _baris_idm(h, kode)
    keterangan = ("Sel kosong pada sumber tidak dihitung sebagai 0: jumlah tahun itu tidak "
                  "lengkap dan persentasenya tidak dihitung (" + "; ".join(catatan) + ")."
                  if catatan else "")
    return h.tabel("idm", "Jumlah Desa menurut Status Indeks Desa Membangun",
                   [Lajur("Tahun"), *(Lajur(s, True) for s in STATUS_IDM),
                    Lajur("Jumlah", True), Lajur("Desa Maju + Mandiri", True)], baris,
                   sumber=h.sumber_data("idm_status", "desa"), catatan=keterangan)


def _grafik_idm(h: Halaman, kode: str) -> Any:
    baris, _ = _baris_idm(h, kode)
    rekaman: list[dict[str, object]] = []
    for t in _tahun(h):
        status = status_desa(h.d, t)
        if status:
            rekaman += [{"tahun": str(t), "status": s, "nilai": status[s],
                         "teks": f"{status[s]} desa", "urut": i}
                        for i, s in enumerate(STATUS_IDM) if status[s] is not None]
    alternatif = "Jumlah desa menurut status IDM per tahun: " + "; ".join(
        f"{b[0]}: Mandiri {b[1]}, Maju {b[2]}, Berkembang {b[3]}" for b in baris) + "."
    return h.gambar("idm", "Status Desa menurut IDM per Tahun",
                    partial(charts.bertumpuk, rekaman, "tahun", "status", "Tahun",
                            "Jumlah desa", STATUS_IDM, charts.STATUS_WARNA), alternatif)


def _tabel_kecamatan(h: Halaman) -> Any:
    return h.tabel("desa-kecamatan", f"Status Desa per Kecamatan Tahun {h.tahun}",
                   [Lajur("Kecamatan"), *(Lajur(s, True) for s in STATUS_IDM),
                    Lajur("Jumlah", True)],
                   [(k, *(h.nilai_fakta(f.baris("desa", k, s), str(v[s])) for s in STATUS_IDM),
                     h.nilai_fakta(f.baris("desa", k, "jumlah"), str(sum(v.values()))))
                    for k, v in desa_per_kecamatan(h.d).items()], sumber=h.sumber_data("desa"))



def _tabel_daftar_desa(h: Lembaran) -> Any:
    baris = [(b["kecamatan"], b["desa"], b["status_idm"] or fmt.BELUM_TERSEDIA)
             for b in h.d["desa"].baris]
    return h.tabel("desa", f"Daftar Desa dan Status IDM Tahun {h.tahun}",
                   [Lajur("Kecamatan"), Lajur("Desa"), Lajur("Status IDM")],
                   sorted(baris), sumber=h.sumber_data("desa"))


RUMUS = DesaMaju()
