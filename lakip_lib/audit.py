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
from dataclasses import asdict, replace
from decimal import Decimal
from typing import TypedDict

from lakip_lib import fakta as f
from lakip_lib import format as fmt
from lakip_lib import kinerja, perhitungan, rumus
from lakip_lib.audit_dilaporkan import (
    cara_realisasi,
    fakta_kunci,
    hitungan_capaian,
    normal,
    perihal_kunci,
    temuan_dilaporkan,
)
from lakip_lib.baris import BarisEfisiensi
from lakip_lib.csv_terbit import csv_aman
from lakip_lib.data_tahun import DataTahun
from lakip_lib.perhitungan import Arah
from lakip_lib.tabel import sel_bernama
from lakip_lib.temuan import (
    KELAS,
    Temuan,
    Tercetak,
    atau,
    banding,
    bulat,
    desimal,
    presisi,
    presisi_kolom,
    rumus_capaian,
    selisih_kelas,
    target_di_capaian,
    teks_angka,
    teks_persen,
)

# The transcription of the signed source: read by the audit and the review only, never an
# input of the edition's figures (the edition's data appendix leaves them out).
DATASET_SUMBER = ("iku_dilaporkan", "dilaporkan", "catatan_sumber")


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
        yield from banding(f"{nama}: target", lokasi, b["target"], h.target, "konsistensi",
                            "Target menurut data Perjanjian Kinerja/Renstra.",
                            fakta=f.indikator(kode, "target_renstra", data.periode_renstra[1])
                            if akhir else f.indikator(kode, "target"), satuan=persen)
        yield from banding(f"{nama}: realisasi", lokasi, b["realisasi"], h.realisasi,
                            "hitungan", cara_realisasi(data, kode),
                            fakta=f.indikator(kode, "realisasi", data.tahun), satuan=persen)
        if b["capaian"] is not None:
            tercetak = _CapaianTercetak(capaian=b["capaian"], target=b["target"],
                                        realisasi=b["realisasi"])
            yield from _temuan_capaian(lokasi, nama, tercetak, h, f.indikator(
                kode, "capaian_akhir_renstra" if akhir else "capaian"))
        if b["kategori"] is not None and h.kategori is not None and b["kategori"] != h.kategori:
            dari_tercetak = perhitungan.kategori(b["capaian"], kinerja.skala(data))
            yield Temuan("kategori", lokasi, f"{nama}: kategori", b["kategori"], h.kategori,
                         f"Capaian {teks_persen(h.capaian)} masuk kategori {h.kategori} pada skala "
                         f"(Tabel skala ordinal); capaian yang tercetak "
                         f"({teks_angka(b['capaian'], presisi(b['capaian']))}%) masuk kategori "
                         f"{dari_tercetak}.",
                         f.indikator(kode, "kategori"), akibat_masukan=dari_tercetak == b["kategori"])


class _CapaianTercetak(TypedDict):
    capaian: Decimal
    target: Decimal | None
    realisasi: Decimal | None


def _temuan_capaian(lokasi: str, nama: str, b: _CapaianTercetak, h: kinerja.HasilIndikator,
                    fakta: str = "") -> Iterator[Temuan]:
    """A printed capaian against the computed one. When it is the right result of the printed
    target and realisasi, the difference comes from those inputs (reported on their own): it is
    kept as a difference for the book's markers, not counted as a finding."""
    kelas = selisih_kelas(b["capaian"], h.capaian, "hitungan")
    if kelas is None or h.target is None or h.realisasi is None:
        return
    target, nyata = atau(b["target"], h.target), atau(b["realisasi"], h.realisasi)
    dari_tercetak = perhitungan.capaian(target, nyata, h.arah, h.penilaian)
    menurut_tercetak = selisih_kelas(b["capaian"], dari_tercetak, "x") \
        if dari_tercetak is not None else "x"
    akibat_masukan = menurut_tercetak is None
    dari_masukan = kelas == "hitungan" and menurut_tercetak == "pembulatan"
    if dari_masukan:
        kelas = "pembulatan"  # its cause is a printed input; on its own it is only rounded
    arah_lain = Arah.NAIK if h.arah is Arah.TURUN else Arah.TURUN
    salah_arah = perhitungan.capaian(target, nyata, arah_lain, h.penilaian)
    if kelas == "hitungan" and salah_arah is not None \
            and selisih_kelas(b["capaian"], salah_arah, "x") is None:
        kelas = "arah"
    makin = "rendah" if h.arah is Arah.TURUN else "tinggi"
    tercetak = f"{teks_angka(b['capaian'], presisi(b['capaian']))}%"  # as printed, its own decimals
    yield target_di_capaian(Temuan(kelas, lokasi, f"{nama}: capaian", tercetak, teks_persen(h.capaian),
                 hitungan_capaian(h)
                 + (f" (indikator {h.arah.value}: makin {makin} makin baik)." if kelas == "arah"
                    else ".")
                 + (" Angka tercetak benar menurut target dan realisasi yang tercetak; selisihnya "
                    "berasal dari angka masukan itu." if akibat_masukan else "")
                 + (f" Dari target dan realisasi yang tercetak: {teks_persen(dari_tercetak)}, dibulatkan "
                    "keliru; selebihnya selisih berasal dari angka masukan itu."
                    if dari_masukan else ""),
                 fakta, akibat_masukan=akibat_masukan), b["capaian"], target)


# --- tables with printed derived columns --------------------------------------------------------

def _temuan_anggaran(data: DataTahun) -> Iterator[Temuan]:
    per_kode = {b.kode: b for b in kinerja.anggaran(data)}
    kolom = presisi_kolom(b["penyerapan_dilaporkan"] for b in data["anggaran"].baris)
    for b in data["anggaran"].baris:
        h = per_kode[b["kode"]]
        lokasi = f"Tabel 3.31, {b['kode']} {b['nama']}"
        yield from banding("anggaran", lokasi, desimal(b["anggaran_dilaporkan"]), desimal(h.anggaran),
                            "total", "Jumlah anggaran rinciannya.", 0,
                            f.anggaran(h.kode, "anggaran"))
        yield from banding("realisasi", lokasi, desimal(b["realisasi_dilaporkan"]),
                            desimal(h.realisasi), "total", "Jumlah realisasi rinciannya.", 0,
                            f.anggaran(h.kode, "realisasi"))
        yield from banding("penyerapan", lokasi, b["penyerapan_dilaporkan"], h.penyerapan,
                            "hitungan", f"{fmt.angka(h.realisasi, 0)} ÷ "
                            f"{fmt.angka(h.anggaran, 0)} × 100 = {teks_persen(h.penyerapan)}.",
                            fakta=f.anggaran(h.kode, "penyerapan"), desimal_kolom=kolom)


def _temuan_efisiensi(data: DataTahun) -> Iterator[Temuan]:
    for i, (mentah, h) in enumerate(zip(data["efisiensi"].baris, kinerja.efisiensi(data),
                                        strict=True), start=1):
        lokasi = f"Tabel 3.41, {h.nama} ({h.indikator})"
        if mentah["kode_indikator"] or mentah["kode_program"]:
            fakta = f.indikator(mentah["kode_indikator"], "capaian") if mentah["kode_indikator"] \
                else f.baris("program", str(mentah["kode_program"]), "capaian")
            for t in banding("capaian kinerja", lokasi, mentah["capaian_dilaporkan"],
                             h.capaian_kinerja, "konsistensi", f"Capaian {h.indikator} yang dihitung "
                             f"buku ini ({teks_persen(h.capaian_kinerja)}), sama dengan tabelnya di "
                             "Bab III.", fakta=fakta):
                yield target_di_capaian(t, mentah["capaian_dilaporkan"], h.target)
        if h.kode_anggaran is None:
            continue
        yield from banding("penyerapan", lokasi, mentah["penyerapan_dilaporkan"], h.penyerapan,
                            "konsistensi", "Penyerapan menurut Tabel 3.31.",
                            fakta=f.anggaran(h.kode_anggaran, "penyerapan"))
        yield from _efisiensi_tercetak(mentah, h, lokasi, f.baris("efisiensi", str(i), "efisiensi"))


def _efisiensi_tercetak(mentah: BarisEfisiensi, h: kinerja.HasilEfisiensi, lokasi: str,
                        fakta: str) -> Iterator[Temuan]:
    """The printed efficiency against the book's. When it is right from the printed capaian
    and absorption, the difference is a consequence of those inputs (their own findings), not
    a miscalculation: marked, not counted again."""
    for t in banding("efisiensi", lokasi, mentah["efisiensi_dilaporkan"], h.efisiensi,
                      "hitungan", f"{teks_angka(h.capaian_kinerja)} ÷ {teks_angka(h.penyerapan)} × 100 = "
                      f"{teks_angka(h.efisiensi)}.", fakta=fakta):
        capaian = atau(mentah["capaian_dilaporkan"], h.capaian_kinerja)
        dari_tercetak = perhitungan.efisiensi(capaian, atau(mentah["penyerapan_dilaporkan"],
                                                             h.penyerapan))
        akibat_masukan = (t.kelas != "kelengkapan" and dari_tercetak is not None
                          and mentah["efisiensi_dilaporkan"] is not None
                          and selisih_kelas(mentah["efisiensi_dilaporkan"], dari_tercetak, "x")
                          is None)
        yield replace(t, akibat_masukan=True, hitungan=t.hitungan + " Angka tercetak benar menurut "
                      "capaian dan penyerapan yang tercetak; selisihnya berasal dari angka "
                      "masukan itu.") if akibat_masukan else t


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
                    yield from banding(f"{h.indikator}: {ukuran}", lokasi,
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
                                 target=atau(mentah["target_dilaporkan"], h.target),
                                 realisasi=atau(mentah["realisasi_dilaporkan"], h.realisasi)),
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
            yield from banding(f"{b['aspek']}: kondisi", "Tabel 1.2 (aspek strategis)",
                                b["kondisi_dilaporkan"], k.nilai, "ganda",
                                f"Realisasi tahun {data.tahun} di tabel program Bab III "
                                f"({k.kode_program}), yang dihitung dari data.",
                                fakta=f.baris("program", k.kode_program, "realisasi"))


def _temuan_target(data: DataTahun) -> Iterator[Temuan]:
    for ind in data["indikator"].cari(jenis="iku"):
        kode = ind["kode"]
        renstra = kinerja.target_renstra(data, kode, data.tahun)
        pk = kinerja.target_tahunan(data, kode)
        if renstra is not None and pk is not None and renstra != pk:
            yield Temuan("struktur", "Tabel 2.2 dan Tabel 2.4",
                         f"{ind['nama']}: target {data.tahun}",
                         f"{teks_angka(pk)} (Perjanjian Kinerja)",
                         f"{teks_angka(pk)} (Perjanjian Kinerja); Renstra {teks_angka(renstra)}",
                         "Target Perjanjian Kinerja berbeda dari target Renstra tahun yang sama. "
                         "Capaian dihitung terhadap target Perjanjian Kinerja; buku menyebut "
                         "target Renstra di sampingnya.")


def _temuan_pk_anggaran(data: DataTahun) -> Iterator[Temuan]:
    for b in data["pk_anggaran"].baris:
        prog = kinerja.anggaran_sasaran(data, b["sasaran"])
        cakupan = _cakupan_pk(data, b["sasaran"], b["anggaran"])
        if prog.anggaran != b["anggaran"] and cakupan:
            yield Temuan("struktur", "Lampiran Perjanjian Kinerja",
                         f"anggaran sasaran {b['sasaran']}", fmt.rupiah(b["anggaran"]),
                         f"{fmt.rupiah(b['anggaran'])} untuk sasaran {', '.join(cakupan)}",
                         f"Baris ini mencakup program sasaran {', '.join(cakupan)} (sasaran "
                         f"{', '.join(cakupan[1:])} tidak punya baris sendiri); jumlahnya benar.")
            continue
        if prog.anggaran is not None and prog.anggaran != b["anggaran"]:
            yield Temuan("konsistensi", "Lampiran Perjanjian Kinerja",
                         f"anggaran sasaran {b['sasaran']}", fmt.rupiah(b["anggaran"]),
                         fmt.rupiah(prog.anggaran),
                         "Jumlah anggaran program pendukung sasaran ini pada Tabel 3.31 "
                         f"(selisih {fmt.rupiah(b['anggaran'] - prog.anggaran)}). Buku "
                         "menampilkan baris Perjanjian Kinerja sebagaimana ditandatangani.")


# --- the same fact printed in several places ---------------------------------------------------


def _semua_tercetak(data: DataTahun) -> Iterator[Tercetak]:
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
                    yield Tercetak(fakta, b["lokasi"], f"{nama}: {ukuran}", sel_bernama(b, ukuran))
    if data.ada("dilaporkan"):
        for b in data["dilaporkan"].baris:
            fakta = fakta_kunci(data, b["kunci"])
            if fakta:
                try:
                    nilai: Decimal | str = Decimal(b["nilai"])
                except ArithmeticError:
                    nilai = b["nilai"]
                yield Tercetak(fakta, b["lokasi"], perihal_kunci(data, b["kunci"]), nilai)
    for b in data["program_kinerja"].baris:
        if b["kode_indikator"]:
            lokasi = f"{b['tabel_sumber'] or 'Tabel program'} ({b['sasaran']}), {b['kode']}"
            kode = b["kode_indikator"]
            for ukuran, fakta in (("target", f.indikator(kode, "target")),
                                  ("realisasi", f.indikator(kode, "realisasi", data.tahun)),
                                  ("capaian", f.indikator(kode, "capaian"))):
                kolom = "capaian_dilaporkan" if ukuran == "capaian" else f"{ukuran}_dilaporkan"
                if sel_bernama(b, kolom) is not None:
                    yield Tercetak(fakta, lokasi, f"{b['indikator']}: {ukuran}", sel_bernama(b, kolom))
    for b in data["aspek_strategis"].baris:
        if b["kode_program"] and b["kondisi_dilaporkan"] is not None:
            yield Tercetak(f.baris("program", b["kode_program"], "realisasi"),
                            "Tabel 1.2 (aspek strategis)", f"{b['aspek']}: kondisi",
                            b["kondisi_dilaporkan"])
    for b in data["efisiensi"].baris:
        lokasi = f"Tabel 3.41, {b['nama']} ({b['indikator']})"
        if b["kode_indikator"] and b["capaian_dilaporkan"] is not None:
            yield Tercetak(f.indikator(b["kode_indikator"], "capaian"), lokasi,
                            f"{b['indikator']}: capaian", b["capaian_dilaporkan"])
        elif b["kode_program"] and b["capaian_dilaporkan"] is not None:
            yield Tercetak(f.baris("program", b["kode_program"], "capaian"), lokasi,
                            f"{b['indikator']}: capaian", b["capaian_dilaporkan"])
        if b["kode_anggaran"] and b["penyerapan_dilaporkan"] is not None:
            yield Tercetak(f.anggaran(b["kode_anggaran"], "penyerapan"), lokasi,
                            f"penyerapan {b['nama']}", b["penyerapan_dilaporkan"])
    for b in data["anggaran"].baris:
        if b["penyerapan_dilaporkan"] is not None:
            yield Tercetak(f.anggaran(b["kode"], "penyerapan"), f"Tabel 3.31, {b['kode']}",
                            f"penyerapan {b['nama']}", b["penyerapan_dilaporkan"])
    yield from rumus.tercetak(data)


def _sama(a: Decimal | str, b: Decimal | str) -> bool:
    """Two printed figures state the same value: words alike, numbers equal at the coarser of
    their two printed precisions (54,9 and 54,90 agree; 98,62 and 98,6 agree)."""
    if isinstance(a, str) or isinstance(b, str):
        return normal(str(a)) == normal(str(b))
    desimal = min(presisi(a), presisi(b))
    return bulat(a, desimal) == bulat(b, desimal)


def _teks_tercetak(nilai: Decimal | str) -> str:
    return nilai if isinstance(nilai, str) else teks_angka(nilai, presisi(nilai))


def _temuan_ganda(data: DataTahun) -> Iterator[Temuan]:
    """Every pair of places that print one fact with two different values."""
    per_fakta: dict[str, list[Tercetak]] = {}
    for t in _semua_tercetak(data):
        per_fakta.setdefault(t.fakta, []).append(t)
    menurut_data = {t.fakta: t.seharusnya for t in _perbandingan_dasar(data) if t.fakta}
    for fakta, cetak in per_fakta.items():
        kelompok: list[list[Tercetak]] = []
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
            nilai = atau(sel_bernama(b, f"{ukuran}_dilaporkan"), sel_bernama(b, ukuran))
            if nilai is not None and nilai > ada:
                data_ = sel_bernama(b, ukuran)
                yield Temuan("basis", lokasi, f"{b['indikator']}: {ukuran}",
                             f"{teks_angka(nilai, 0)} {satuan}",
                             f"{teks_angka(data_, 0)} {satuan}" if data_ is not None and data_ <= ada
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
                             teks_persen(h.capaian), f"{rumus_capaian(h.target, h.realisasi, h.arah)} = "
                             f"{teks_persen(h.capaian)}.")
    if not any(b["efisiensi_dilaporkan"] is not None for b in data["efisiensi"].baris):
        return
    for mentah, e in zip(data["efisiensi"].baris, kinerja.efisiensi(data), strict=True):
        if mentah["efisiensi_dilaporkan"] is None and e.efisiensi is not None:
            yield Temuan("kosong", f"Tabel 3.41, {e.nama} ({e.indikator})", "efisiensi",
                         "kosong", teks_angka(e.efisiensi),
                         f"{teks_angka(e.capaian_kinerja)} ÷ {teks_angka(e.penyerapan)} × 100.")


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
    _temuan_iku, temuan_dilaporkan, _temuan_target, _temuan_anggaran, _temuan_efisiensi,
    _temuan_program_kinerja, rumus.temuan, _temuan_pk_anggaran, _temuan_aspek,
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
    only follow from a printed input (`akibat_masukan`), in a stable order (none without a source
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
    return [t for t in perbandingan_ if not t.akibat_masukan]


def ringkasan(temuan: list[Temuan]) -> dict[str, int]:
    hitung = {j: 0 for j in KELAS}
    for t in temuan:
        hitung[t.kelas] += 1
    return {j: n for j, n in hitung.items() if n}


def sebagai_teks(temuan: list[Temuan], tahun: int) -> str:
    baris = [f"Pemeriksaan konsistensi data tahun {tahun}: {len(temuan)} temuan."]
    for kelas, n in ringkasan(temuan).items():
        baris.append(f"  {KELAS[kelas]}: {n}")
    baris.append("")
    baris.extend(f"{i}. {t}" for i, t in enumerate(temuan, start=1))
    return "\n".join(baris)


def sebagai_csv(temuan: list[Temuan]) -> str:
    """The findings as CSV for Excel; a cell that would run as a formula opens as text."""
    kolom = ["kelas", "lokasi", "perihal", "dilaporkan", "seharusnya", "hitungan"]
    judul = ["jenis", *kolom[1:]]  # the header analysts read keeps its word for the class
    return csv_aman([judul, *([str(asdict(t)[k]) for k in kolom] for t in temuan)])
