"""The audit of the figures the source printed in its text (dilaporkan.csv): each key names one
fact, computed here as the book computes it and compared with the printed value.

A key is a prefix for the book's own totals (anggaran., pk_anggaran., iku., efisiensi., and each
indicator kind's own, e.g. cpr.: `rumus.penghitung`) or an indicator code of indikator.csv
followed by what was printed (KODE.realisasi, KODE.target, KODE.capaian, KODE.realisasi.2024,
KODE.target.2023, KODE.capaian.2023,
KODE.perubahan_persen, KODE.satuan: the unit a figure was printed with, "%" also for a name
that calls the indicator a percentage), or sasaran.KODE.uraian (a sasaran's name as printed,
against the Renstra's). Each counter returns (computed, arithmetic, the subject
in the reader's words[, the finding's class]).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from difflib import SequenceMatcher

from lakip_lib import fakta as f
from lakip_lib import format as fmt
from lakip_lib import kinerja, perhitungan, rumus
from lakip_lib.data_tahun import DataTahun
from lakip_lib.perhitungan import Arah
from lakip_lib.temuan import (
    Penghitung,
    Temuan,
    banding,
    presisi,
    rumus_capaian,
    selisih_kelas,
    teks_angka,
    teks_persen,
)


def cara_realisasi(data: DataTahun, kode: str, tahun: int | None = None) -> str:
    return rumus.dari(data, kode).cara(data, kode, tahun or data.tahun)



def normal(teks: str) -> str:
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
                f"({teks_persen(kinerja.nilai_keseluruhan(data))}).", "kategori kinerja keseluruhan")
    kategori = kunci.removeprefix("iku.jumlah_kategori.")
    sebaran = kinerja.jumlah_per_kategori(data)
    if kategori not in sebaran:
        raise KeyError(kunci)
    rincian = ", ".join(f"{h.nama} {h.kategori}" for h in iku)
    return (sebaran[kategori], f"Kategori per IKU: {rincian}.",
            f"jumlah IKU berkategori {kategori}")


def hitungan_capaian(h: kinerja.HasilIndikator) -> str:
    """The capaian's arithmetic; for a change in the wrong direction, the formula's own
    result and the bound the indicator's `penilaian` sets."""
    rumus_ = rumus_capaian(h.target, h.realisasi, h.arah)
    if h.dibatasi:
        return (f"{rumus_} = {teks_persen(perhitungan.capaian_rumus(h.target, h.realisasi, h.arah))}; "
                f"indikator perubahan: capaian paling rendah 0%, jadi {teks_persen(h.capaian)}")
    return f"{rumus_} = {teks_persen(h.capaian)}"


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
                f"({teks_angka(b)} − {teks_angka(a)}) ÷ {teks_angka(a)} × 100; selisihnya sendiri "
                f"{teks_angka(b - a)} poin.",
                f"{nama}: perubahan realisasi dari tahun lalu (%)", "kalimat")
    if perihal == "status_target":
        h = kinerja.hasil(data, kode)
        status = None if h.tercapai is None else ("tercapai" if h.tercapai else "belum tercapai")
        return (status, f"Capaian {teks_persen(h.capaian)} terhadap target {teks_angka(h.target)}; target "
                        "tercapai bila capaian paling sedikit 100%.",
                f"{nama}: tercapai tidaknya target", "kalimat")
    if perihal == "satuan":
        satuan = kinerja.indikator(data, kode)["satuan"]
        return (satuan, f"Satuan indikator ini menurut {data['indikator'].berkas}: {satuan}.",
                f"{nama}: satuan", "satuan")
    if perihal.startswith(("target.", "capaian.")):
        return _kunci_tahun_lain(data, kode, *perihal.split(".", 1))
    if perihal.startswith("realisasi."):
        tahun = int(perihal.split(".", 1)[1])
        return (kinerja.realisasi(data, kode, tahun), cara_realisasi(data, kode, tahun),
                f"{nama}: realisasi {tahun}")
    h = kinerja.hasil(data, kode)
    if perihal == "realisasi":
        diukur = rumus.dari(data, kode).diukur
        return (h.realisasi, cara_realisasi(data, kode), f"{nama}: realisasi",
                "konsistensi" if diukur else "hitungan")
    if perihal == "target":
        return h.target, "Target tahun ini menurut data.", f"{nama}: target", "konsistensi"
    if perihal == "capaian":
        cara = (hitungan_capaian(h)
                + (" (indikator turun: makin rendah makin baik)." if h.arah is Arah.TURUN else ".")
                if h.target is not None and h.realisasi is not None else "")
        return h.capaian, cara, f"{nama}: capaian", "hitungan"
    raise KeyError(kunci)


def _kunci_tahun_lain(data: DataTahun, kode: str, ukuran: str, tahun_: str) -> tuple[object, ...]:
    """A target or capaian of another year (a sentence comparing with last year): from the
    Renstra's target and that year's realisasi; a claim the data cannot check is one of its own
    class (`tak_teruji`), not a gap in the data."""
    tahun = int(tahun_)
    nama = kinerja.indikator(data, kode)["nama"]
    target = kinerja.target_renstra(data, kode, tahun)
    if ukuran == "target":
        return ((target, f"Target Renstra tahun {tahun}.", f"{nama}: target {tahun}", "kalimat")
                if target is not None else
                (None, f"Data tidak memuat target tahun {tahun} untuk indikator ini.",
                 f"{nama}: target {tahun}", "tak_teruji"))
    h = kinerja.hasil(data, kode)
    nyata = kinerja.realisasi(data, kode, tahun)
    nilai = perhitungan.capaian(target, nyata, h.arah, h.penilaian)
    if nilai is None:
        kurang = " dan ".join(k for k, v in (("target", target), ("realisasi", nyata)) if v is None)
        return (None, f"Data tidak memuat {kurang} tahun {tahun} untuk indikator ini.",
                f"{nama}: capaian {tahun}", "tak_teruji")
    return (nilai, f"{rumus_capaian(target, nyata, h.arah)} = {teks_persen(nilai)}.",
            f"{nama}: capaian {tahun}", "kalimat")


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


def _kunci_sasaran(data: DataTahun, kunci: str) -> tuple[object, ...]:
    _, kode, perihal = kunci.split(".", 2)
    sasaran = data["sasaran"].satu(kode=kode)
    if sasaran is None or perihal != "uraian":
        raise KeyError(kunci)
    return (sasaran["uraian"], f"Uraian sasaran {kode} dalam Renstra ({data['sasaran'].berkas}).",
            f"Sasaran {kode}: nama", "nama")


PENGHITUNG: dict[str, tuple[str, Penghitung]] = {
    "anggaran.": ("total", _kunci_anggaran),
    "sasaran.": ("nama", _kunci_sasaran),
    "iku.": ("konsistensi", _kunci_iku),
    **rumus.penghitung(),
    "efisiensi.": ("hitungan", _kunci_efisiensi),
    "pk_anggaran.": ("total", _kunci_pk),
}


def _penghitung(data: DataTahun, kunci: str) -> tuple[str, Penghitung] | None:
    cocok = next((v for awalan, v in PENGHITUNG.items() if kunci.startswith(awalan)), None)
    if cocok is None and data["indikator"].satu(kode=kunci.split(".", 1)[0]) is not None:
        return "hitungan", _kunci_indikator
    return cocok


def temuan_dilaporkan(data: DataTahun) -> Iterator[Temuan]:
    if not data.ada("dilaporkan"):
        return
    for b in data["dilaporkan"].baris:
        kunci, tercetak, lokasi = b["kunci"], b["nilai"], b["lokasi"]
        cari = _penghitung(data, kunci)
        try:
            if cari is None:
                raise KeyError(kunci)
            kelas, hitung = cari
            dihitung, cara, perihal, *kelas_khusus = hitung(data, kunci)
        except (KeyError, ValueError):
            yield Temuan("kelengkapan", lokasi, f"angka berkunci {kunci}", tercetak, "—",
                         f'Kunci "{kunci}" di {data["dilaporkan"].berkas} tidak dikenal oleh '
                         "pemeriksaan konsistensi.")
            continue
        kelas = kelas_khusus[0] if kelas_khusus else kelas
        if hitung is _kunci_indikator and kunci.endswith(".capaian"):
            kelas = _kelas_capaian(data, kunci.split(".", 1)[0], tercetak)
        if hitung is _kunci_indikator and kunci.endswith(".perubahan_persen") \
                and _selisih_poin(data, kunci.split(".", 1)[0], tercetak):
            kelas = "ejaan"
            cara += (" Angka tercetak sama dengan selisihnya dalam poin: yang keliru kata "
                     "persen, bukan hitungannya.")
        yield from _banding_nilai(kunci, perihal, lokasi, tercetak, dihitung, kelas, cara,
                                  fakta_kunci(data, kunci))


def perihal_kunci(data: DataTahun, kunci: str) -> str:
    """A dilaporkan.csv key's subject in the reader's words."""
    cari = _penghitung(data, kunci)
    try:
        return str(cari[1](data, kunci)[2]) if cari else kunci
    except (KeyError, ValueError):
        return kunci


def fakta_kunci(data: DataTahun, kunci: str) -> str:
    """The fact a dilaporkan.csv key is about, when the book shows that fact."""
    bagian = kunci.split(".")
    tetap = {
        "anggaran.total": f.anggaran("total", "anggaran"),
        "anggaran.realisasi": f.anggaran("total", "realisasi"),
        "anggaran.penyerapan": f.anggaran("total", "penyerapan"),
        "iku.kategori_keseluruhan": f.KATEGORI_KESELURUHAN,
        "pk_anggaran.total": f.baris("pk_anggaran", "total", "anggaran"),
    }
    if kunci in tetap:
        return tetap[kunci]
    if fakta_rumus := rumus.fakta_dilaporkan(data, kunci):
        return fakta_rumus
    if kunci.startswith("iku.jumlah_kategori."):
        return f.kategori_jumlah(kunci.removeprefix("iku.jumlah_kategori."))
    if data["indikator"].satu(kode=bagian[0]) is not None and len(bagian) >= 2:
        if bagian[1] == "realisasi":
            tahun = int(bagian[2]) if len(bagian) > 2 else data.tahun
            return f.indikator(bagian[0], "realisasi", tahun)
        if bagian[1] in ("target", "capaian") and len(bagian) == 2:
            return f.indikator(bagian[0], bagian[1])
    return ""


def _selisih_poin(data: DataTahun, kode: str, tercetak: str) -> bool:
    """Whether a change printed as a percentage is the change in points at its printed
    precision (IDG 70,03 → 73,27 printed as "naik 3 persen": 3,24 points)."""
    a = kinerja.realisasi(data, kode, data.tahun - 1)
    b = kinerja.realisasi(data, kode, data.tahun)
    try:
        angka = Decimal(tercetak)
    except ArithmeticError:
        return False
    return a is not None and b is not None and selisih_kelas(angka, b - a, "x") is None


def _kelas_capaian(data: DataTahun, kode: str, tercetak: str) -> str:
    """"arah" when the printed capaian is what the opposite direction's formula gives."""
    h = kinerja.hasil(data, kode)
    lain = Arah.NAIK if h.arah is Arah.TURUN else Arah.TURUN
    salah_arah = perhitungan.capaian(h.target, h.realisasi, lain, h.penilaian)
    try:
        cocok = salah_arah is not None and selisih_kelas(Decimal(tercetak), salah_arah, "x") is None
    except ArithmeticError:
        cocok = False
    return "arah" if cocok else "hitungan"


def _banding_nilai(kunci: str, perihal: str, lokasi: str, tercetak: str, dihitung: object,
                   kelas: str, cara: str, fakta: str = "") -> Iterator[Temuan]:
    if isinstance(dihitung, (int, Decimal)) and not isinstance(dihitung, bool):
        try:
            angka = Decimal(tercetak)
        except ArithmeticError:
            angka = None
        if angka is not None:
            if kelas == "total" and isinstance(dihitung, int):
                kelas = "konsistensi" if kunci.startswith("anggaran.") else kelas
            yield from banding(perihal, lokasi, angka, Decimal(dihitung), kelas, cara,
                                0 if isinstance(dihitung, int) else 2, fakta)
            return
    if dihitung is None and kelas == "tak_teruji":
        yield Temuan(kelas, lokasi, perihal, _seperti_tercetak(tercetak), TAK_TERUJI, cara, fakta)
    elif dihitung is None:
        yield Temuan("kelengkapan", lokasi, perihal, tercetak, fmt.BELUM_TERSEDIA, cara, fakta)
    elif normal(str(tercetak)) != normal(str(dihitung)):
        if (salah := salah_ketik(str(tercetak), str(dihitung))) is not None:
            kelas = "ejaan"
            cara += " Kata yang salah tulis: " + ", ".join(
                f"{a} (seharusnya {b})" for a, b in salah) + "; nilai yang disebutkan sama."
        elif kelas not in KELAS_KATA:
            kelas = "konsistensi" if kunci.startswith("iku.") else "hitungan"
        yield Temuan(kelas, lokasi, perihal, str(tercetak), str(dihitung), cara, fakta)


def _seperti_tercetak(tercetak: str) -> str:
    """A printed number in the reader's notation, its printed decimals kept; words as they are."""
    try:
        angka = Decimal(tercetak)
    except ArithmeticError:
        return tercetak
    return teks_angka(angka, presisi(angka))


TAK_TERUJI = "tidak dapat diperiksa"
KELAS_KATA = ("kalimat", "satuan", "nama")  # a word against the data's: its class as given
MIRIP_KATA = 0.8  # a word this close to the right one (difflib ratio) is a slip of spelling


def salah_ketik(tercetak: str, benar: str) -> list[tuple[str, str]] | None:
    """The misspelt words, as printed and as they should read, when `tercetak` says what
    `benar` says with slips of spelling only: the same words in the same order, each differing
    one close to the right word (Delapn for Delapan; Milyar is read as Miliar). None when a
    word is another word (a different amount in words is arithmetic, not spelling)."""
    a, b = tercetak.split(), benar.split()
    if len(a) != len(b):
        return None
    beda = [(x, y) for x, y in zip(a, b, strict=True) if normal(x) != normal(y)]
    if not beda or any(SequenceMatcher(None, x.lower(), y.lower()).ratio() < MIRIP_KATA
                       for x, y in beda):
        return None
    return beda
