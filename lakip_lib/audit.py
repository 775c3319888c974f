"""The consistency audit: recompute every derived figure and compare it with what was printed.

Inputs are the validated data of one year; the "as reported" (`dilaporkan`) fields and files hold
what a source document printed. Each finding names where it is, the printed figure, the
computed one and the arithmetic. A printed figure matches when it equals the computed figure
rounded to the printed number of decimals; a difference smaller than one printed unit is
classified as rounding (`pembulatan`), anything else as an error of its kind.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from typing import TypedDict

from lakip_lib import fakta as f
from lakip_lib import format as fmt
from lakip_lib import kinerja, perhitungan, rumus
from lakip_lib.baris import BarisEfisiensi
from lakip_lib.csv_terbit import csv_aman
from lakip_lib.data_tahun import DataTahun
from lakip_lib.perhitungan import Arah
from lakip_lib.rumus.cpr import cpr_kecamatan, total_cpr
from lakip_lib.rumus.desa_maju import KOLOM_IDM, jumlah_desa, status_desa, status_kosong
from lakip_lib.rumus.penurunan_kasus import jumlah_kasus, kasus_per_kelompok
from lakip_lib.tabel import sel_bernama

JENIS = {
    "hitungan": "Salah hitung",
    "arah": "Rumus arah indikator keliru",
    "kategori": "Kategori tidak sesuai skala",
    "total": "Total tidak sama dengan jumlah rinciannya",
    "konsistensi": "Angka tercetak berbeda dari data",
    "ganda": "Satu angka tercetak berbeda di beberapa tempat",
    "basis": "Basis hitungan berbeda dari data",
    "kosong": "Sel turunan dibiarkan kosong",
    "kalimat": "Angka atau pernyataan dalam kalimat tidak sesuai data",
    "kelengkapan": "Data tidak lengkap",
    "pembulatan": "Pembulatan",
    "struktur": "Catatan struktur (bukan salah angka)",
}


# The transcription of the signed source: read by the audit and the review only, never an
# input of the edition's figures (the edition's data appendix leaves them out).
DATASET_SUMBER = ("iku_dilaporkan", "dilaporkan", "catatan_sumber")


@dataclass(frozen=True)
class Temuan:
    jenis: str
    lokasi: str
    perihal: str
    dilaporkan: str
    seharusnya: str
    hitungan: str
    fakta: str = ""  # the fact the printed figure is about (lakip_lib.fakta), if the book shows it
    turunan: bool = False  # right from the printed inputs: a difference, not a finding

    def __str__(self) -> str:
        return (f"[{JENIS[self.jenis]}] {self.lokasi} — {self.perihal}: tercetak "
                f"{self.dilaporkan}, seharusnya {self.seharusnya}. {self.hitungan}")


def _presisi(nilai: Decimal | None) -> int:
    return 0 if nilai is None else max(0, -int(nilai.as_tuple().exponent))


def _bulat(nilai: Decimal, desimal: int) -> Decimal:
    return nilai.quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP)


def selisih_jenis(dilaporkan: Decimal, dihitung: Decimal | None, jenis: str) -> str | None:
    """None when the printed figure is right at its own precision, else the finding's kind."""
    if dihitung is None:
        return "kelengkapan"
    desimal = _presisi(dilaporkan)
    if _bulat(dihitung, desimal) == dilaporkan:
        return None
    satu_satuan = Decimal(1).scaleb(-desimal)
    if abs(dihitung - dilaporkan) < satu_satuan:
        return "pembulatan"
    tanpa_nol = _presisi(dilaporkan.normalize()) if dilaporkan != 0 else 0
    if tanpa_nol < desimal and _bulat(dihitung, tanpa_nol) == dilaporkan:
        return "pembulatan"  # right at fewer decimals, printed with a trailing zero too many
    return jenis


def _a(nilai: Decimal | int | None, desimal: int = 2) -> str:
    return fmt.angka(nilai, desimal)


def _p(nilai: Decimal | None) -> str:
    return fmt.persen(nilai)


def _rumus_capaian(target: Decimal | None, realisasi: Decimal | None, arah: Arah) -> str:
    if arah is Arah.NAIK:
        return f"{_a(realisasi)} ÷ {_a(target)} × 100"
    return f"(2 × {_a(target)} − {_a(realisasi)}) ÷ {_a(target)} × 100"


# --- IKU as printed ---------------------------------------------------------------------------

def _temuan_iku(data: DataTahun) -> Iterator[Temuan]:
    t = data["iku_dilaporkan"] if data.ada("iku_dilaporkan") else None
    for b in t.baris if t else []:
        kode, lokasi = b["indikator"], b["lokasi"]
        nama = kinerja.indikator(data, kode)["nama"]
        target = (kinerja.target_akhir_renstra(data, kode) if b["dasar_target"] == "akhir_renstra"
                  else kinerja.target_tahunan(data, kode))
        h = kinerja.hasil(data, kode, target=target)
        akhir = b["dasar_target"] == "akhir_renstra"
        persen = "%" if h.satuan == "%" else ""
        yield from _banding(f"{nama}: target", lokasi, b["target"], h.target, "konsistensi",
                            "Target menurut data Perjanjian Kinerja/Renstra.",
                            fakta=f.indikator(kode, "target_renstra", data.periode_renstra[1])
                            if akhir else f.indikator(kode, "target"), satuan=persen)
        yield from _banding(f"{nama}: realisasi", lokasi, b["realisasi"], h.realisasi,
                            "hitungan", _cara_realisasi(data, kode),
                            fakta=f.indikator(kode, "realisasi", data.tahun), satuan=persen)
        if b["capaian"] is not None:
            tercetak = _CapaianTercetak(capaian=b["capaian"], target=b["target"],
                                        realisasi=b["realisasi"])
            yield from _temuan_capaian(lokasi, nama, tercetak, h, f.indikator(
                kode, "capaian_akhir_renstra" if akhir else "capaian"))
        if b["kategori"] is not None and h.kategori is not None and b["kategori"] != h.kategori:
            dari_tercetak = perhitungan.kategori(b["capaian"], kinerja.skala(data))
            yield Temuan("kategori", lokasi, f"{nama}: kategori", b["kategori"], h.kategori,
                         f"Capaian {_p(h.capaian)} masuk kategori {h.kategori} pada skala "
                         f"(Tabel skala ordinal); capaian yang tercetak "
                         f"({_a(b['capaian'], _presisi(b['capaian']))}%) masuk kategori "
                         f"{dari_tercetak}.",
                         f.indikator(kode, "kategori"), turunan=dari_tercetak == b["kategori"])


class _CapaianTercetak(TypedDict):
    capaian: Decimal
    target: Decimal | None
    realisasi: Decimal | None


def _temuan_capaian(lokasi: str, nama: str, b: _CapaianTercetak, h: kinerja.HasilIndikator,
                    fakta: str = "") -> Iterator[Temuan]:
    """A printed capaian against the computed one. When it is the right result of the printed
    target and realisasi, the difference comes from those inputs (reported on their own): it is
    kept as a difference for the book's markers, not counted as a finding."""
    jenis = selisih_jenis(b["capaian"], h.capaian, "hitungan")
    if jenis is None or h.target is None or h.realisasi is None:
        return
    target, nyata = _atau(b["target"], h.target), _atau(b["realisasi"], h.realisasi)
    dari_tercetak = perhitungan.capaian(target, nyata, h.arah)
    menurut_tercetak = selisih_jenis(b["capaian"], dari_tercetak, "x") \
        if dari_tercetak is not None else "x"
    turunan = menurut_tercetak is None
    dari_masukan = jenis == "hitungan" and menurut_tercetak == "pembulatan"
    if dari_masukan:
        jenis = "pembulatan"  # its cause is a printed input; on its own it is only rounded
    arah_lain = Arah.NAIK if h.arah is Arah.TURUN else Arah.TURUN
    salah_arah = perhitungan.capaian(target, nyata, arah_lain)
    if jenis == "hitungan" and salah_arah is not None \
            and selisih_jenis(b["capaian"], salah_arah, "x") is None:
        jenis = "arah"
    makin = "rendah" if h.arah is Arah.TURUN else "tinggi"
    tercetak = f"{_a(b['capaian'], _presisi(b['capaian']))}%"  # as printed, its own decimals
    yield Temuan(jenis, lokasi, f"{nama}: capaian", tercetak, _p(h.capaian),
                 f"{_rumus_capaian(h.target, h.realisasi, h.arah)} = {_p(h.capaian)}"
                 + (f" (indikator {h.arah.value}: makin {makin} makin baik)." if jenis == "arah"
                    else ".")
                 + (" Angka tercetak benar menurut target dan realisasi yang tercetak; selisihnya "
                    "berasal dari angka masukan itu." if turunan else "")
                 + (f" Dari target dan realisasi yang tercetak: {_p(dari_tercetak)}, dibulatkan "
                    "keliru; selebihnya selisih berasal dari angka masukan itu."
                    if dari_masukan else ""),
                 fakta, turunan=turunan)


def _atau(tercetak: Decimal | None, data_: Decimal | None) -> Decimal | None:
    return tercetak if tercetak is not None else data_


def _cara_realisasi(data: DataTahun, kode: str, tahun: int | None = None) -> str:
    return rumus.dari(data, kode).cara(data, kode, tahun or data.tahun)


def _banding(perihal: str, lokasi: str, dilaporkan: Decimal | None, dihitung: Decimal | None,
             jenis: str, hitungan: str, desimal: int = 2, fakta: str = "",
             satuan: str = "") -> Iterator[Temuan]:
    if dilaporkan is None:
        return
    hasil = selisih_jenis(dilaporkan, dihitung, jenis)
    if hasil is not None:
        presisi = _presisi(dilaporkan)  # the printed figure keeps its printed decimals
        yield Temuan(hasil, lokasi, perihal, _a(dilaporkan, presisi) + satuan,
                     _a(dihitung, max(desimal, presisi)) + satuan if dihitung is not None
                     else fmt.BELUM_TERSEDIA, hitungan, fakta)


# --- scalar figures printed in the text ---------------------------------------------------------
# A key of dilaporkan.csv names one fact: a prefix for the book's own totals (anggaran.,
# pk_anggaran., iku., kasus., cpr., idm., efisiensi.) or an indicator code of indikator.csv
# followed by what was printed (KODE.realisasi, KODE.target, KODE.capaian, KODE.realisasi.2024,
# KODE.perubahan_persen). Each counter returns (computed, arithmetic, the subject in the reader's
# words[, kind]).

Penghitung = Callable[[DataTahun, str], tuple]


def _normal(teks: str) -> str:
    kata = " ".join(teks.lower().replace("milyar", "miliar").split())
    if "hampir" in kata or "belum" in kata:
        return "belum tercapai" if ("tercapai" in kata or "memenuhi" in kata) else kata
    return "tercapai" if kata in ("memenuhi target", "melampaui target") else kata


def _terbilang(nilai: int | None) -> str | None:
    return None if nilai is None else fmt.terbilang_rupiah(nilai)


def _kunci_anggaran(data: DataTahun, kunci: str) -> tuple[object, ...]:
    t = kinerja.total_anggaran(data)
    hasil: dict[str, tuple[object, ...]] = {
        "anggaran.total": (t.anggaran, "Jumlah anggaran seluruh sub kegiatan.", "jumlah anggaran"),
        "anggaran.realisasi": (t.realisasi, "Jumlah realisasi seluruh sub kegiatan.",
                               "jumlah realisasi anggaran"),
        "anggaran.penyerapan": (t.penyerapan, f"{fmt.angka(t.realisasi, 0)} ÷ "
                                f"{fmt.angka(t.anggaran, 0)} × 100.", "penyerapan anggaran"),
        "anggaran.total_terbilang": (_terbilang(t.anggaran),
                                     f"Terbilang dari {fmt.rupiah(t.anggaran)}.",
                                     "jumlah anggaran dalam huruf"),
        "anggaran.realisasi_terbilang": (_terbilang(t.realisasi),
                                         f"Terbilang dari {fmt.rupiah(t.realisasi)}.",
                                         "jumlah realisasi anggaran dalam huruf"),
    }
    return hasil[kunci]


def _kunci_iku(data: DataTahun, kunci: str) -> tuple[object, ...]:
    iku = kinerja.hasil_iku(data)
    if kunci == "iku.jumlah_sasaran":
        return (len({h.sasaran for h in iku}), "Banyaknya sasaran yang memiliki IKU.",
                "jumlah sasaran strategis")
    if kunci == "iku.jumlah_indikator":
        return len(iku), "Banyaknya IKU dalam Perjanjian Kinerja.", "jumlah IKU"
    if kunci == "iku.kategori_keseluruhan":
        return (kinerja.kategori_keseluruhan(data),
                f"Kategori dari {kinerja.aturan_kesimpulan(data).uraian} "
                f"({_p(kinerja.nilai_keseluruhan(data))}).", "kategori kinerja keseluruhan")
    kategori = kunci.removeprefix("iku.jumlah_kategori.")
    sebaran = kinerja.jumlah_per_kategori(data)
    if kategori not in sebaran:
        raise KeyError(kunci)
    rincian = ", ".join(f"{h.nama} {h.kategori}" for h in iku)
    return (sebaran[kategori], f"Kategori per IKU: {rincian}.",
            f"jumlah IKU berkategori {kategori}")


def _kunci_indikator(data: DataTahun, kunci: str) -> tuple[object, ...]:
    kode, perihal = kunci.split(".", 1)
    nama = kinerja.indikator(data, kode)["nama"]
    if perihal == "perubahan_persen":
        a = kinerja.realisasi(data, kode, data.tahun - 1)
        b = kinerja.realisasi(data, kode, data.tahun)
        if a is None or b is None:
            return (None, "Realisasi dua tahun berturut-turut tidak tersedia.",
                    f"{nama}: perubahan realisasi dari tahun lalu (%)", "kalimat")
        return (perhitungan.selisih_persen(a, b),
                f"({_a(b)} − {_a(a)}) ÷ {_a(a)} × 100; selisihnya sendiri {_a(b - a)} poin.",
                f"{nama}: perubahan realisasi dari tahun lalu (%)", "kalimat")
    if perihal == "status_target":
        h = kinerja.hasil(data, kode)
        status = None if h.tercapai is None else ("tercapai" if h.tercapai else "belum tercapai")
        return (status, f"Capaian {_p(h.capaian)} terhadap target {_a(h.target)}; target "
                        "tercapai bila capaian paling sedikit 100%.",
                f"{nama}: tercapai tidaknya target", "kalimat")
    if perihal.startswith("realisasi."):
        tahun = int(perihal.split(".", 1)[1])
        return (kinerja.realisasi(data, kode, tahun), _cara_realisasi(data, kode, tahun),
                f"{nama}: realisasi {tahun}")
    h = kinerja.hasil(data, kode)
    if perihal == "realisasi":
        diukur = rumus.dari(data, kode).diukur
        return (h.realisasi, _cara_realisasi(data, kode), f"{nama}: realisasi",
                "konsistensi" if diukur else "hitungan")
    if perihal == "target":
        return h.target, "Target tahun ini menurut data.", f"{nama}: target", "konsistensi"
    if perihal == "capaian":
        cara = (_rumus_capaian(h.target, h.realisasi, h.arah)
                + (" (indikator turun: makin rendah makin baik)." if h.arah is Arah.TURUN else ".")
                if h.target is not None and h.realisasi is not None else "")
        return h.capaian, cara, f"{nama}: capaian", "hitungan"
    raise KeyError(kunci)


def _kunci_kasus(data: DataTahun, kunci: str) -> tuple[object, ...]:
    if kunci == "kasus.perubahan":
        a, b = jumlah_kasus(data, data.tahun - 1), jumlah_kasus(data, data.tahun)
        return ((b - a) if a is not None and b is not None else None,
                f"{b} kasus tahun {data.tahun} − {a} kasus tahun {data.tahun - 1}.",
                "pertambahan jumlah kasus dari tahun lalu", "kalimat")
    tahun = int(kunci.rsplit(".", 1)[1])
    kelompok = kasus_per_kelompok(data, tahun)
    return (jumlah_kasus(data, tahun),
            " + ".join(f"{v} kasus {k}" for k, v in kelompok.items()) + ".",
            f"jumlah kasus tahun {tahun}")


def _kunci_cpr(data: DataTahun, kunci: str) -> tuple[object, ...]:
    total = total_cpr(data)
    if total is None:
        return None, "Data CPR per kecamatan tidak tersedia.", kunci
    kecamatan = f"{fmt.terbilang(len(data['cpr_kecamatan'].baris))} kecamatan"
    return {
        "cpr.total_pus": (total.pus, f"Jumlah PUS {kecamatan}.", "jumlah pasangan usia subur"),
        "cpr.total_kb_aktif": (total.kb_aktif, f"Jumlah peserta KB aktif {kecamatan}.",
                               "jumlah peserta KB aktif"),
    }[kunci]


def _kunci_idm(data: DataTahun, kunci: str) -> tuple[object, ...]:
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
        return (kinerja.jumlah([sekarang.get("Maju"), sekarang.get("Mandiri")]),
                f"{sekarang.get('Maju')} desa Maju + {sekarang.get('Mandiri')} desa Mandiri.",
                "desa berstatus minimal Maju", "kalimat")
    th = int(kunci.rsplit(".", 1)[1])
    return (jumlah_desa(status_desa(data, th)),
            f"Jumlah desa semua status tahun {th}.", f"jumlah desa tahun {th}")


def _kunci_efisiensi(data: DataTahun, kunci: str) -> tuple[object, ...]:
    prog = [b for b in kinerja.efisiensi(data)
            if b.kode_anggaran and kinerja.adalah_program(b.kode_anggaran)]
    if kunci == "efisiensi.rata_capaian":
        nilai = [b.capaian_kinerja for b in prog if b.capaian_kinerja is not None]
        return (sum(nilai, Decimal(0)) / len(nilai) if nilai else None,
                f"Rata-rata capaian kinerja {len(nilai)} baris program pada tabel efisiensi.",
                "rata-rata capaian kinerja program")
    serap = [p.penyerapan for p in kinerja.program(data) if p.penyerapan is not None]
    return (sum(serap, Decimal(0)) / len(serap) if serap else None,
            f"Rata-rata penyerapan {len(serap)} program menurut tabel realisasi anggaran.",
            "rata-rata penyerapan anggaran program")


def _kunci_pk(data: DataTahun, kunci: str) -> tuple[object, ...]:
    rincian = data["pk_anggaran"].baris
    return (sum(b["anggaran"] for b in rincian),
            " + ".join(fmt.rupiah(b["anggaran"]) for b in rincian) + ".",
            "jumlah anggaran dalam Perjanjian Kinerja")


PENGHITUNG: dict[str, tuple[str, Penghitung]] = {
    "anggaran.": ("total", _kunci_anggaran),
    "iku.": ("konsistensi", _kunci_iku),
    "kasus.": ("hitungan", _kunci_kasus),
    "cpr.": ("hitungan", _kunci_cpr),
    "idm.": ("hitungan", _kunci_idm),
    "efisiensi.": ("hitungan", _kunci_efisiensi),
    "pk_anggaran.": ("total", _kunci_pk),
}


def _penghitung(data: DataTahun, kunci: str) -> tuple[str, Penghitung] | None:
    cocok = next((v for awalan, v in PENGHITUNG.items() if kunci.startswith(awalan)), None)
    if cocok is None and data["indikator"].satu(kode=kunci.split(".", 1)[0]) is not None:
        return "hitungan", _kunci_indikator
    return cocok


def _temuan_dilaporkan(data: DataTahun) -> Iterator[Temuan]:
    if not data.ada("dilaporkan"):
        return
    for b in data["dilaporkan"].baris:
        kunci, tercetak, lokasi = b["kunci"], b["nilai"], b["lokasi"]
        cari = _penghitung(data, kunci)
        try:
            if cari is None:
                raise KeyError(kunci)
            jenis, hitung = cari
            dihitung, cara, perihal, *jenis_khusus = hitung(data, kunci)
        except (KeyError, ValueError):
            yield Temuan("kelengkapan", lokasi, f"angka berkunci {kunci}", tercetak, "—",
                         f'Kunci "{kunci}" di {data["dilaporkan"].berkas} tidak dikenal oleh '
                         "pemeriksaan konsistensi.")
            continue
        jenis = jenis_khusus[0] if jenis_khusus else jenis
        if hitung is _kunci_indikator and kunci.endswith(".capaian"):
            jenis = _jenis_capaian(data, kunci.split(".", 1)[0], tercetak)
        yield from _banding_nilai(kunci, perihal, lokasi, tercetak, dihitung, jenis, cara,
                                  _fakta_kunci(data, kunci))


def _perihal_kunci(data: DataTahun, kunci: str) -> str:
    """A dilaporkan.csv key's subject in the reader's words."""
    cari = _penghitung(data, kunci)
    try:
        return str(cari[1](data, kunci)[2]) if cari else kunci
    except (KeyError, ValueError):
        return kunci


def _fakta_kunci(data: DataTahun, kunci: str) -> str:
    """The fact a dilaporkan.csv key is about, when the book shows that fact."""
    bagian = kunci.split(".")
    tetap = {
        "anggaran.total": f.anggaran("total", "anggaran"),
        "anggaran.realisasi": f.anggaran("total", "realisasi"),
        "anggaran.penyerapan": f.anggaran("total", "penyerapan"),
        "iku.kategori_keseluruhan": f.KATEGORI_KESELURUHAN,
        "cpr.total_pus": f.baris("cpr", "total", "pus"),
        "cpr.total_kb_aktif": f.baris("cpr", "total", "kb_aktif"),
        "pk_anggaran.total": f.baris("pk_anggaran", "total", "anggaran"),
    }
    if kunci in tetap:
        return tetap[kunci]
    if kunci.startswith("iku.jumlah_kategori."):
        return f.kategori_jumlah(kunci.removeprefix("iku.jumlah_kategori."))
    if bagian[0] in ("kasus", "idm") and bagian[-1].isdigit():
        return f.baris(bagian[0], bagian[-1], "jumlah")
    if data["indikator"].satu(kode=bagian[0]) is not None and len(bagian) >= 2:
        if bagian[1] == "realisasi":
            tahun = int(bagian[2]) if len(bagian) > 2 else data.tahun
            return f.indikator(bagian[0], "realisasi", tahun)
        if bagian[1] in ("target", "capaian") and len(bagian) == 2:
            return f.indikator(bagian[0], bagian[1])
    return ""


def _jenis_capaian(data: DataTahun, kode: str, tercetak: str) -> str:
    """"arah" when the printed capaian is what the opposite direction's formula gives."""
    h = kinerja.hasil(data, kode)
    lain = Arah.NAIK if h.arah is Arah.TURUN else Arah.TURUN
    salah_arah = perhitungan.capaian(h.target, h.realisasi, lain)
    try:
        cocok = salah_arah is not None and selisih_jenis(Decimal(tercetak), salah_arah, "x") is None
    except ArithmeticError:
        cocok = False
    return "arah" if cocok else "hitungan"


def _banding_nilai(kunci: str, perihal: str, lokasi: str, tercetak: str, dihitung: object,
                   jenis: str, cara: str, fakta: str = "") -> Iterator[Temuan]:
    if isinstance(dihitung, (int, Decimal)) and not isinstance(dihitung, bool):
        try:
            angka = Decimal(tercetak)
        except ArithmeticError:
            angka = None
        if angka is not None:
            if jenis == "total" and isinstance(dihitung, int):
                jenis = "konsistensi" if kunci.startswith("anggaran.") else jenis
            yield from _banding(perihal, lokasi, angka, Decimal(dihitung), jenis, cara,
                                0 if isinstance(dihitung, int) else 2, fakta)
            return
    if dihitung is None:
        yield Temuan("kelengkapan", lokasi, perihal, tercetak, fmt.BELUM_TERSEDIA, cara, fakta)
    elif _normal(str(tercetak)) != _normal(str(dihitung)):
        if jenis not in ("kalimat",):
            jenis = "konsistensi" if kunci.startswith("iku.") else "hitungan"
        yield Temuan(jenis, lokasi, perihal, str(tercetak), str(dihitung), cara, fakta)


# --- tables with printed derived columns --------------------------------------------------------

def _temuan_anggaran(data: DataTahun) -> Iterator[Temuan]:
    per_kode = {b.kode: b for b in kinerja.anggaran(data)}
    for b in data["anggaran"].baris:
        h = per_kode[b["kode"]]
        lokasi = f"Tabel 3.31, {b['kode']} {b['nama']}"
        yield from _banding("anggaran", lokasi, _d(b["anggaran_dilaporkan"]), _d(h.anggaran),
                            "total", "Jumlah anggaran rinciannya.", 0,
                            f.anggaran(h.kode, "anggaran"))
        yield from _banding("realisasi", lokasi, _d(b["realisasi_dilaporkan"]),
                            _d(h.realisasi), "total", "Jumlah realisasi rinciannya.", 0,
                            f.anggaran(h.kode, "realisasi"))
        yield from _banding("penyerapan", lokasi, b["penyerapan_dilaporkan"], h.penyerapan,
                            "hitungan", f"{fmt.angka(h.realisasi, 0)} ÷ "
                            f"{fmt.angka(h.anggaran, 0)} × 100 = {_p(h.penyerapan)}.",
                            fakta=f.anggaran(h.kode, "penyerapan"))


def _d(nilai: int | None) -> Decimal | None:
    return None if nilai is None else Decimal(nilai)


def _temuan_efisiensi(data: DataTahun) -> Iterator[Temuan]:
    for i, (mentah, h) in enumerate(zip(data["efisiensi"].baris, kinerja.efisiensi(data),
                                        strict=True), start=1):
        lokasi = f"Tabel 3.41, {h.nama} ({h.indikator})"
        if mentah["kode_indikator"] or mentah["kode_program"]:
            fakta = f.indikator(mentah["kode_indikator"], "capaian") if mentah["kode_indikator"] \
                else f.baris("program", str(mentah["kode_program"]), "capaian")
            yield from _banding("capaian kinerja", lokasi, mentah["capaian_dilaporkan"],
                                h.capaian_kinerja, "konsistensi",
                                f"Capaian {h.indikator} yang dihitung buku ini "
                                f"({_p(h.capaian_kinerja)}), sama dengan tabelnya di Bab III.",
                                fakta=fakta)
        if h.kode_anggaran is None:
            continue
        yield from _banding("penyerapan", lokasi, mentah["penyerapan_dilaporkan"], h.penyerapan,
                            "konsistensi", "Penyerapan menurut Tabel 3.31.",
                            fakta=f.anggaran(h.kode_anggaran, "penyerapan"))
        yield from _efisiensi_tercetak(mentah, h, lokasi, f.baris("efisiensi", str(i), "efisiensi"))


def _efisiensi_tercetak(mentah: BarisEfisiensi, h: kinerja.HasilEfisiensi, lokasi: str,
                        fakta: str) -> Iterator[Temuan]:
    """The printed efficiency against the book's. When it is right from the printed capaian
    and absorption, the difference is a consequence of those inputs (their own findings), not
    a miscalculation: marked, not counted again."""
    for t in _banding("efisiensi", lokasi, mentah["efisiensi_dilaporkan"], h.efisiensi,
                      "hitungan", f"{_a(h.capaian_kinerja)} ÷ {_a(h.penyerapan)} × 100 = "
                      f"{_a(h.efisiensi)}.", fakta=fakta):
        capaian = _atau(mentah["capaian_dilaporkan"], h.capaian_kinerja)
        dari_tercetak = perhitungan.efisiensi(capaian, _atau(mentah["penyerapan_dilaporkan"],
                                                             h.penyerapan))
        turunan = (t.jenis != "kelengkapan" and dari_tercetak is not None
                   and mentah["efisiensi_dilaporkan"] is not None
                   and selisih_jenis(mentah["efisiensi_dilaporkan"], dari_tercetak, "x") is None)
        yield replace(t, turunan=True, hitungan=t.hitungan + " Angka tercetak benar menurut "
                      "capaian dan penyerapan yang tercetak; selisihnya berasal dari angka "
                      "masukan itu.") if turunan else t


def _temuan_program_kinerja(data: DataTahun) -> Iterator[Temuan]:
    for s in data["sasaran"].kolom("kode"):
        for mentah, h in zip(data["program_kinerja"].cari(sasaran=s),
                             kinerja.program_kinerja(data, s), strict=True):
            lokasi = f"{mentah['tabel_sumber'] or 'Tabel program'} ({s}), {h.kode} {h.nama}"
            kode = mentah["kode_indikator"]
            if kode:
                for ukuran, nilai, fakta in (
                        ("target", h.target, f.indikator(kode, "target")),
                        ("realisasi", h.realisasi, f.indikator(kode, "realisasi", data.tahun))):
                    yield from _banding(f"{h.indikator}: {ukuran}", lokasi,
                                        sel_bernama(mentah, f"{ukuran}_dilaporkan"), nilai, "konsistensi",
                                        f"{ukuran.capitalize()} indikator ini menurut data buku "
                                        "(sama dengan Bab III).", fakta=fakta)
            if h.target is not None and h.realisasi is None:
                yield Temuan("kelengkapan", lokasi, f"{h.indikator}: realisasi", "kosong",
                             "diisi", "Indikator ini memiliki target tetapi tidak ada realisasinya.")
                continue
            if mentah["capaian_dilaporkan"] is None or h.capaian is None:
                continue
            yield from _temuan_capaian(
                lokasi, h.indikator,
                _CapaianTercetak(capaian=mentah["capaian_dilaporkan"],
                                 target=_atau(mentah["target_dilaporkan"], h.target),
                                 realisasi=_atau(mentah["realisasi_dilaporkan"], h.realisasi)),
                kinerja.HasilIndikator(h.kode, h.nama, s, h.satuan or "", h.arah, 2, h.target,
                                       h.realisasi, h.capaian, None),
                f.indikator(kode, "capaian") if kode else f.baris("program", h.kode, "capaian"))


def _temuan_aspek(data: DataTahun) -> Iterator[Temuan]:
    """A strategic aspect's printed condition that is a programme indicator: against the
    realisasi its programme table shows (Bab I and Bab III printed two values for it)."""
    kondisi = {k.aspek: k for k in kinerja.aspek_strategis(data)}
    for b in data["aspek_strategis"].baris:
        k = kondisi[b["aspek"]]
        if k.kode_program:
            yield from _banding(f"{b['aspek']}: kondisi", "Tabel 1.2 (aspek strategis)",
                                b["kondisi_dilaporkan"], k.nilai, "ganda",
                                f"Realisasi tahun {data.tahun} di tabel program Bab III "
                                f"({k.kode_program}), yang dihitung dari data.",
                                fakta=f.baris("program", k.kode_program, "realisasi"))


def _temuan_cpr(data: DataTahun) -> Iterator[Temuan]:
    for mentah, h in zip(data["cpr_kecamatan"].baris, cpr_kecamatan(data), strict=True):
        yield from _banding(f"CPR {h.kecamatan}", "Bab III, tabel CPR per kecamatan",
                            mentah["cpr_dilaporkan"], h.cpr, "hitungan",
                            f"{h.kb_aktif} ÷ {h.pus} × 100 = {_p(h.cpr)}.",
                            fakta=f.baris("cpr", h.kecamatan, "cpr"))


def _temuan_idm(data: DataTahun) -> Iterator[Temuan]:
    lokasi = "Bab III, tabel status desa menurut IDM"
    for b in data["idm_status"].baris:
        status = status_desa(data, b["tahun"]) if b["tahun"] != data.tahun else \
            {s: sel_bernama(b, k) for s, k in KOLOM_IDM.items()}
        kosong = status_kosong(status or {})
        semua = jumlah_desa(status)
        perihal = f"jumlah desa tahun {b['tahun']}"
        if kosong:
            ada = sum(n for n in (status or {}).values() if n is not None)
            yield Temuan("kelengkapan", lokasi, perihal,
                         _a(b["jumlah_dilaporkan"], 0) if b["jumlah_dilaporkan"] is not None
                         else "kosong", fmt.TIDAK_LENGKAP,
                         f"Sel desa {', '.join(kosong)} kosong di sumber; jumlah status yang "
                         f"terisi {ada}. Jumlah dan persentase tahun ini tidak dihitung.",
                         f.baris("idm", str(b["tahun"]), "jumlah"))
            continue
        yield from _banding(perihal, lokasi, _d(b["jumlah_dilaporkan"]), _d(semua), "total",
                            f"Jumlah desa semua status = {semua}.", 0,
                            f.baris("idm", str(b["tahun"]), "jumlah"))
    dari_daftar = status_desa(data, data.tahun)
    baris = data["idm_status"].satu(tahun=data.tahun)
    if dari_daftar and baris:
        for nama_status, kolom in KOLOM_IDM.items():
            tercatat = sel_bernama(baris, kolom)
            if tercatat is not None and tercatat != dari_daftar[nama_status]:
                yield Temuan("konsistensi", lokasi,
                             f"desa {nama_status} tahun {data.tahun}", str(tercatat),
                             str(dari_daftar[nama_status]), "Hitungan dari daftar desa per kecamatan.")


def _temuan_target(data: DataTahun) -> Iterator[Temuan]:
    for ind in data["indikator"].cari(jenis="iku"):
        kode = ind["kode"]
        renstra = kinerja.target_renstra(data, kode, data.tahun)
        pk = kinerja.target_tahunan(data, kode)
        if renstra is not None and pk is not None and renstra != pk:
            yield Temuan("konsistensi", "Tabel 2.2 dan Tabel 2.4",
                         f"{ind['nama']}: target {data.tahun}", f"{_a(pk)} (Perjanjian Kinerja)",
                         f"{_a(renstra)} (Renstra)",
                         "Target Perjanjian Kinerja berbeda dari target Renstra tahun yang sama.")


def _temuan_pk_anggaran(data: DataTahun) -> Iterator[Temuan]:
    for b in data["pk_anggaran"].baris:
        prog = kinerja.anggaran_sasaran(data, b["sasaran"])
        cakupan = _cakupan_pk(data, b["sasaran"], b["anggaran"])
        if prog.anggaran != b["anggaran"] and cakupan:
            yield Temuan("struktur", "Lampiran Perjanjian Kinerja",
                         f"anggaran sasaran {b['sasaran']}", fmt.rupiah(b["anggaran"]),
                         f"{fmt.rupiah(b['anggaran'])} untuk sasaran {', '.join(cakupan)}",
                         f"Baris ini mencakup program sasaran {', '.join(cakupan)} (sasaran "
                         f"{', '.join(cakupan[1:])} tidak punya baris sendiri); jumlahnya benar.",
                         f.baris("pk_anggaran", b["sasaran"], "anggaran"))
            continue
        if prog.anggaran is not None and prog.anggaran != b["anggaran"]:
            yield Temuan("konsistensi", "Lampiran Perjanjian Kinerja",
                         f"anggaran sasaran {b['sasaran']}", fmt.rupiah(b["anggaran"]),
                         fmt.rupiah(prog.anggaran),
                         "Jumlah anggaran program pendukung sasaran ini pada Tabel 3.31 "
                         f"(selisih {fmt.rupiah(b['anggaran'] - prog.anggaran)}).",
                         f.baris("pk_anggaran", b["sasaran"], "anggaran"))


# --- the same fact printed in several places ---------------------------------------------------

@dataclass(frozen=True)
class _Tercetak:
    fakta: str
    lokasi: str
    perihal: str
    nilai: Decimal | str  # a number as printed (its decimals kept) or a word


def _semua_tercetak(data: DataTahun) -> Iterator[_Tercetak]:
    """Every printed figure of the source that names a fact, wherever the data records it."""
    akhir = data.periode_renstra[1]
    if data.ada("iku_dilaporkan"):
        for b in data["iku_dilaporkan"].baris:
            kode, nama = b["indikator"], kinerja.indikator(data, b["indikator"])["nama"]
            ke_akhir = b["dasar_target"] == "akhir_renstra"
            for ukuran, fakta in (
                    ("target", f.indikator(kode, "target_renstra", akhir) if ke_akhir
                     else f.indikator(kode, "target")),
                    ("realisasi", f.indikator(kode, "realisasi", data.tahun)),
                    ("capaian", f.indikator(kode, "capaian_akhir_renstra" if ke_akhir
                                            else "capaian")),
                    ("kategori", "" if ke_akhir else f.indikator(kode, "kategori"))):
                if sel_bernama(b, ukuran) is not None and fakta:
                    yield _Tercetak(fakta, b["lokasi"], f"{nama}: {ukuran}", sel_bernama(b, ukuran))
    if data.ada("dilaporkan"):
        for b in data["dilaporkan"].baris:
            fakta = _fakta_kunci(data, b["kunci"])
            if fakta:
                try:
                    nilai: Decimal | str = Decimal(b["nilai"])
                except ArithmeticError:
                    nilai = b["nilai"]
                yield _Tercetak(fakta, b["lokasi"], _perihal_kunci(data, b["kunci"]), nilai)
    for b in data["program_kinerja"].baris:
        if b["kode_indikator"]:
            lokasi = f"{b['tabel_sumber'] or 'Tabel program'} ({b['sasaran']}), {b['kode']}"
            kode = b["kode_indikator"]
            for ukuran, fakta in (("target", f.indikator(kode, "target")),
                                  ("realisasi", f.indikator(kode, "realisasi", data.tahun)),
                                  ("capaian", f.indikator(kode, "capaian"))):
                kolom = "capaian_dilaporkan" if ukuran == "capaian" else f"{ukuran}_dilaporkan"
                if sel_bernama(b, kolom) is not None:
                    yield _Tercetak(fakta, lokasi, f"{b['indikator']}: {ukuran}", sel_bernama(b, kolom))
    for b in data["aspek_strategis"].baris:
        if b["kode_program"] and b["kondisi_dilaporkan"] is not None:
            yield _Tercetak(f.baris("program", b["kode_program"], "realisasi"),
                            "Tabel 1.2 (aspek strategis)", f"{b['aspek']}: kondisi",
                            b["kondisi_dilaporkan"])
    for b in data["efisiensi"].baris:
        lokasi = f"Tabel 3.41, {b['nama']} ({b['indikator']})"
        if b["kode_indikator"] and b["capaian_dilaporkan"] is not None:
            yield _Tercetak(f.indikator(b["kode_indikator"], "capaian"), lokasi,
                            f"{b['indikator']}: capaian", b["capaian_dilaporkan"])
        elif b["kode_program"] and b["capaian_dilaporkan"] is not None:
            yield _Tercetak(f.baris("program", b["kode_program"], "capaian"), lokasi,
                            f"{b['indikator']}: capaian", b["capaian_dilaporkan"])
        if b["kode_anggaran"] and b["penyerapan_dilaporkan"] is not None:
            yield _Tercetak(f.anggaran(b["kode_anggaran"], "penyerapan"), lokasi,
                            f"penyerapan {b['nama']}", b["penyerapan_dilaporkan"])
    for b in data["anggaran"].baris:
        if b["penyerapan_dilaporkan"] is not None:
            yield _Tercetak(f.anggaran(b["kode"], "penyerapan"), f"Tabel 3.31, {b['kode']}",
                            f"penyerapan {b['nama']}", b["penyerapan_dilaporkan"])
    for b in data["idm_status"].baris:
        if b["jumlah_dilaporkan"] is not None:
            yield _Tercetak(f.baris("idm", str(b["tahun"]), "jumlah"),
                            "Bab III, tabel status desa menurut IDM",
                            f"jumlah desa tahun {b['tahun']}", Decimal(b["jumlah_dilaporkan"]))


def _sama(a: Decimal | str, b: Decimal | str) -> bool:
    """Two printed figures state the same value: words alike, numbers equal at the coarser of
    their two printed precisions (54,9 and 54,90 agree; 98,62 and 98,6 agree)."""
    if isinstance(a, str) or isinstance(b, str):
        return _normal(str(a)) == _normal(str(b))
    desimal = min(_presisi(a), _presisi(b))
    return _bulat(a, desimal) == _bulat(b, desimal)


def _teks_tercetak(nilai: Decimal | str) -> str:
    return nilai if isinstance(nilai, str) else _a(nilai, _presisi(nilai))


def _temuan_ganda(data: DataTahun) -> Iterator[Temuan]:
    """Every pair of places that print one fact with two different values."""
    per_fakta: dict[str, list[_Tercetak]] = {}
    for t in _semua_tercetak(data):
        per_fakta.setdefault(t.fakta, []).append(t)
    menurut_data = {t.fakta: t.seharusnya for t in _perbandingan_dasar(data) if t.fakta}
    for fakta, cetak in per_fakta.items():
        kelompok: list[list[_Tercetak]] = []
        for t in cetak:
            sama = next((k for k in kelompok if _sama(k[0].nilai, t.nilai)), None)
            if sama is None:
                kelompok.append([t])
            else:
                sama.append(t)
        for i, a in enumerate(kelompok):
            for b in kelompok[i + 1:]:
                di_a = "; ".join(dict.fromkeys(t.lokasi for t in a))
                di_b = "; ".join(dict.fromkeys(t.lokasi for t in b))
                yield Temuan("ganda", f"{di_a} dan {di_b}", a[0].perihal,
                             f"{_teks_tercetak(a[0].nilai)} ({di_a}) dan "
                             f"{_teks_tercetak(b[0].nilai)} ({di_b})",
                             menurut_data.get(fakta, "sama di semua tempat"),
                             "Satu angka yang sama dicetak dengan dua nilai berbeda; angka menurut "
                             "data ada di kolom seharusnya.")


# --- a count that uses a base other than the data's ---------------------------------------------

def _temuan_basis(data: DataTahun) -> Iterator[Temuan]:
    """A target or realisasi printed in villages (or kecamatan) above the number the data has:
    a base that is not the number of villages. Judged for any programme indicator whose unit
    names one of the counted entities, on the printed figure (`*_dilaporkan` when the data
    counts on its own base, which validation requires: aturan._hitungan_dalam_jumlah)."""
    jumlah = {"desa": len(data["desa"].baris), "kecamatan": len(data["kecamatan"].baris)}
    for b in data["program_kinerja"].baris:
        satuan = (b["satuan"] or "").strip().lower()
        if satuan not in jumlah or not jumlah[satuan]:
            continue
        ada = jumlah[satuan]
        lokasi = f"{b['tabel_sumber'] or 'Tabel program'} ({b['sasaran']}), {b['kode']} {b['nama']}"
        for ukuran in ("target", "realisasi"):
            nilai = _atau(sel_bernama(b, f"{ukuran}_dilaporkan"), sel_bernama(b, ukuran))
            if nilai is not None and nilai > ada:
                data_ = sel_bernama(b, ukuran)
                yield Temuan("basis", lokasi, f"{b['indikator']}: {ukuran}",
                             f"{_a(nilai, 0)} {satuan}",
                             f"{_a(data_, 0)} {satuan}" if data_ is not None and data_ <= ada
                             else f"paling banyak {ada} {satuan}",
                             f"Menurut data tahun {data.tahun} ada {ada} {satuan} "
                             f"({data.tabel(satuan).berkas}); angka ini memakai jumlah yang lain.",
                             f.baris("program", b["kode"], ukuran))


# --- derived cells the source left blank --------------------------------------------------------

def _temuan_kosong(data: DataTahun) -> Iterator[Temuan]:
    """A derived cell printed blank although its inputs are there (every row of the tables with
    derived columns). Only for a table whose derived column the data transcribes at all: an
    edition without a printed source has nothing left blank."""
    if not any(b["capaian_dilaporkan"] is not None for b in data["program_kinerja"].baris):
        return
    for s_ in data["sasaran"].kolom("kode"):
        for mentah, h in zip(data["program_kinerja"].cari(sasaran=s_),
                             kinerja.program_kinerja(data, s_), strict=True):
            if mentah["capaian_dilaporkan"] is None and h.capaian is not None:
                yield Temuan("kosong", f"{mentah['tabel_sumber'] or 'Tabel program'} ({s_}), "
                             f"{h.kode} {h.nama}", f"{h.indikator}: capaian", "kosong",
                             _p(h.capaian), f"{_rumus_capaian(h.target, h.realisasi, h.arah)} = "
                             f"{_p(h.capaian)}.")
    if not any(b["efisiensi_dilaporkan"] is not None for b in data["efisiensi"].baris):
        return
    for mentah, e in zip(data["efisiensi"].baris, kinerja.efisiensi(data), strict=True):
        if mentah["efisiensi_dilaporkan"] is None and e.efisiensi is not None:
            yield Temuan("kosong", f"Tabel 3.41, {e.nama} ({e.indikator})", "efisiensi",
                         "kosong", _a(e.efisiensi),
                         f"{_a(e.capaian_kinerja)} ÷ {_a(e.penyerapan)} × 100.")


# --- a PK budget line that covers more than one sasaran -----------------------------------------

def _cakupan_pk(data: DataTahun, sasaran: str, anggaran_: int) -> list[str] | None:
    """The sasaran whose programmes add up to a PK line: its own plus sasaran that have no PK
    line of their own; None when no such set adds up."""
    tanpa_baris = [s for s in data["sasaran"].kolom("kode")
                   if data["pk_anggaran"].satu(sasaran=s) is None]
    for n in range(1, len(tanpa_baris) + 1):
        for lain in itertools.combinations(tanpa_baris, n):
            cakupan = [sasaran, *lain]
            total = kinerja.jumlah([kinerja.anggaran_sasaran(data, s).anggaran for s in cakupan])
            if total == anggaran_:
                return cakupan
    return None


PEMERIKSA: tuple[Callable[[DataTahun], Iterator[Temuan]], ...] = (
    _temuan_iku, _temuan_dilaporkan, _temuan_target, _temuan_anggaran, _temuan_efisiensi,
    _temuan_program_kinerja, _temuan_cpr, _temuan_idm, _temuan_pk_anggaran, _temuan_aspek,
)
PEMERIKSA_SILANG: tuple[Callable[[DataTahun], Iterator[Temuan]], ...] = (
    _temuan_ganda, _temuan_basis, _temuan_kosong,
)


def _perbandingan_dasar(data: DataTahun) -> list[Temuan]:
    return [t for pemeriksa in PEMERIKSA for t in pemeriksa(data)]


def ada_sumber(data: DataTahun) -> bool:
    """Whether a source document of the year was transcribed (its printed figures are in the
    year's iku_dilaporkan.csv / dilaporkan.csv): without one there is nothing to audit, and the
    multi-year files' printed figures belong to an earlier year's document."""
    return data.ada("iku_dilaporkan") or data.ada("dilaporkan")


def perbandingan(data: DataTahun) -> list[Temuan]:
    """Every printed figure that differs from the book's, findings and the differences that
    only follow from a printed input (`turunan`), in a stable order (none without a source
    document)."""
    if not ada_sumber(data):
        return []
    return [*_perbandingan_dasar(data),
            *(t for pemeriksa in PEMERIKSA_SILANG for t in pemeriksa(data))]


def periksa(data: DataTahun) -> list[Temuan]:
    """Every finding of the year, in a stable order."""
    return hanya_temuan(perbandingan(data))


def hanya_temuan(perbandingan_: list[Temuan]) -> list[Temuan]:
    """The findings among `perbandingan`'s differences (those that only follow from a printed
    input are marked in the book but are not findings)."""
    return [t for t in perbandingan_ if not t.turunan]


def ringkasan(temuan: list[Temuan]) -> dict[str, int]:
    hitung = {j: 0 for j in JENIS}
    for t in temuan:
        hitung[t.jenis] += 1
    return {j: n for j, n in hitung.items() if n}


def sebagai_teks(temuan: list[Temuan], tahun: int) -> str:
    baris = [f"Pemeriksaan konsistensi data tahun {tahun}: {len(temuan)} temuan."]
    for jenis, n in ringkasan(temuan).items():
        baris.append(f"  {JENIS[jenis]}: {n}")
    baris.append("")
    baris.extend(f"{i}. {t}" for i, t in enumerate(temuan, start=1))
    return "\n".join(baris)


def sebagai_csv(temuan: list[Temuan]) -> str:
    """The findings as CSV for Excel; a cell that would run as a formula opens as text."""
    kolom = ["jenis", "lokasi", "perihal", "dilaporkan", "seharusnya", "hitungan"]
    return csv_aman([kolom, *([str(asdict(t)[k]) for k in kolom] for t in temuan)])
