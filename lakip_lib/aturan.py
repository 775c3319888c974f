"""Domain rules across rows and files, run after every cell has parsed.

Each rule reports through `tambah(berkas, baris, kolom, pesan, tingkat)`; a rule never stops the
others. Missing realisasi is a warning (a draft edition shows "belum tersedia"), not an error.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from lakip_lib import gambar, perhitungan, rumus
from lakip_lib.data_tahun import DataTahun, baris_mentah
from lakip_lib.format import angka, angka_persis
from lakip_lib.format import rupiah as format_rupiah
from lakip_lib.masalah import GALAT, PERINGATAN
from lakip_lib.schema import PANDUAN_NARASI
from lakip_lib.tabel import TabelBaris

if TYPE_CHECKING:
    from lakip_lib.baris import BarisAnggaran

Lapor = Callable[..., None]


def periksa(data: DataTahun, tambah: Lapor) -> None:
    for aturan in (_skala_tanpa_celah, _anggaran_hierarki, _anggaran_sesuai_pagu,
                   _hierarki_program_kinerja, _target_iku_ada, rumus.periksa,
                   _narasi_ditulis, _narasi_tanpa_angka, _masuk_akal, _foto_dokumentasi,
                   _hitungan_dalam_jumlah):
        aturan(data, tambah)


def _skala_tanpa_celah(data: DataTahun, tambah: Lapor) -> None:
    t = data["skala_kategori"]
    pita = list(zip(t.baris, t.nomor, strict=True))
    if not pita:
        tambah(t.berkas, None, None, "skala kategori kosong; isi paling sedikit satu kategori.")
        return
    if pita[0][0]["batas_bawah"] is not None:
        tambah(t.berkas, pita[0][1], "batas_bawah",
               "kategori pertama harus tanpa batas bawah (kosongkan) agar semua nilai tercakup.")
    if pita[-1][0]["batas_atas"] is not None:
        tambah(t.berkas, pita[-1][1], "batas_atas",
               "kategori terakhir harus tanpa batas atas (kosongkan) agar semua nilai tercakup.")
    for (sebelum, _), (baris, nomor) in pairwise(pita):
        if baris["batas_bawah"] != sebelum["batas_atas"]:
            tambah(t.berkas, nomor, "batas_bawah",
                   f'nilai "{baris["batas_bawah"]}" harus sama dengan batas atas kategori '
                   f'sebelumnya ({sebelum["batas_atas"]}) agar tidak ada celah atau tumpang tindih.')
    for baris, nomor in pita:
        bawah, atas = baris["batas_bawah"], baris["batas_atas"]
        if bawah is not None and atas is not None and bawah >= atas:
            tambah(t.berkas, nomor, "batas_atas",
                   f"batas atas ({atas}) harus lebih besar dari batas bawah ({bawah}).")


def induk_kode(kode: str) -> str | None:
    """`P01.K02.S03` → `P01.K02`; a top-level code has no parent."""
    return kode.rsplit(".", 1)[0] if "." in kode else None


def _hierarki(t: TabelBaris[Any], tambah: Lapor) -> None:
    """Each code's parent exists and sits at a higher level (a sub kegiatan may hang directly
    under its programme where the source lists no kegiatan)."""
    tingkat = {"program": 1, "kegiatan": 2, "subkegiatan": 3}
    level = {b["kode"]: b["level"] for b in t.baris}
    akar = 1 if t.dataset.nama == "program_kinerja" else 0  # S1.P1: the sasaran prefix
    for baris, nomor in zip(t.baris, t.nomor, strict=True):
        k = baris["kode"]
        induk = induk_kode(k) if k.count(".") > akar else None
        if induk is None:
            if baris["level"] != "program":
                tambah(t.berkas, nomor, "level",
                       f'kode "{k}" tanpa induk harus berlevel "program", bukan '
                       f'"{baris["level"]}".')
        elif induk not in level:
            tambah(t.berkas, nomor, "kode",
                   f'kode "{k}" menunjuk induk "{induk}" yang tidak ada di berkas ini.')
        elif tingkat[level[induk]] >= tingkat[baris["level"]]:
            tambah(t.berkas, nomor, "level",
                   f'level "{baris["level"]}" tidak boleh berada di bawah "{induk}" yang '
                   f'berlevel "{level[induk]}".')


def _anggaran_hierarki(data: DataTahun, tambah: Lapor) -> None:
    t = data["anggaran"]
    _hierarki(t, tambah)
    punya_anak = {induk_kode(k) for k in t.kolom("kode")}
    kosong: dict[str, list[int]] = {"anggaran": [], "realisasi": []}
    for baris, nomor in zip(t.baris, t.nomor, strict=True):
        if baris["kode"] in punya_anak:
            _total_sama_dengan_rincian(t, baris, nomor, tambah)
            continue
        for kolom in ("anggaran", "realisasi"):
            if baris[kolom] is None and data.edisi.draf:
                kosong[kolom].append(nomor)
            elif baris[kolom] is None:
                tambah(t.berkas, nomor, kolom,
                       "rincian terbawah wajib diisi (rupiah bulat, misalnya 156590000).")
        if baris["anggaran"] is not None and baris["realisasi"] is not None \
                and baris["realisasi"] > baris["anggaran"]:
            tambah(t.berkas, nomor, "realisasi",
                   f"realisasi {format_rupiah(baris['realisasi'])} melebihi anggaran "
                   f"{format_rupiah(baris['anggaran'])}. Periksa kembali kedua angka.")
    for kolom, nomor_kosong in kosong.items():
        if nomor_kosong:
            contoh = ", ".join(map(str, nomor_kosong[:5])) + (", …" if len(nomor_kosong) > 5 else "")
            tambah(t.berkas, None, kolom,
                   f"{len(nomor_kosong)} rincian belum diisi (baris {contoh}); buku draf menandainya "
                   '"belum tersedia".', PERINGATAN)


def _total_sama_dengan_rincian(t: TabelBaris[BarisAnggaran], baris: BarisAnggaran, nomor: int,
                               tambah: Lapor) -> None:
    """A total written for a programme or kegiatan must equal the sum of the bottom lines beneath
    it (the book computes every total from them, `kinerja.anggaran`); a blank total between them
    is no part, and a blank bottom line leaves no sum to compare with (missing is not zero; the
    blank is reported by itself)."""
    punya_anak = {induk_kode(b["kode"]) for b in t.baris}
    for kolom in ("anggaran", "realisasi"):
        dinyatakan = baris[kolom]
        rincian = perhitungan.jumlah([b[kolom] for b in t.baris
                                      if b["kode"].startswith(baris["kode"] + ".")
                                      and b["kode"] not in punya_anak])
        if dinyatakan is not None and rincian is not None and dinyatakan != rincian:
            tambah(t.berkas, nomor, kolom,
                   f"total yang dituliskan {format_rupiah(dinyatakan)} berbeda dari jumlah "
                   f"rinciannya {format_rupiah(rincian)} (selisih "
                   f"{format_rupiah(dinyatakan - rincian)}). Kosongkan sel ini agar total "
                   "dihitung otomatis, atau perbaiki rinciannya.")


def _anggaran_sesuai_pagu(data: DataTahun, tambah: Lapor) -> None:
    t = data["anggaran"]
    punya_anak = {induk_kode(k) for k in t.kolom("kode")}
    daun = [b for b in t.baris if b["kode"] not in punya_anak]
    pagu = data.edisi.pagu_anggaran
    if data.edisi.draf and (pagu is None or any(b["anggaran"] is None for b in daun)):
        return  # a draft's budget may still be incomplete; the warnings above list the gaps
    if pagu is None:
        return  # a final edition without a ceiling is reported with edisi.yaml's problems
    jumlah = sum(b["anggaran"] or 0 for b in daun)
    if jumlah != pagu:
        tambah(data.nama_berkas(f"{data.tahun}/edisi.yaml"), None, "pagu_anggaran",
               f"pagu {format_rupiah(pagu)} berbeda dari jumlah anggaran seluruh rincian di "
               f"{t.berkas} ({format_rupiah(jumlah)}; selisih {format_rupiah(pagu - jumlah)}).")


def _hierarki_program_kinerja(data: DataTahun, tambah: Lapor) -> None:
    t = data["program_kinerja"]
    _hierarki(t, tambah)
    for baris, nomor in zip(t.baris, t.nomor, strict=True):
        if not baris["kode"].startswith(baris["sasaran"] + "."):
            tambah(t.berkas, nomor, "kode",
                   f'kode "{baris["kode"]}" harus diawali kode sasarannya "{baris["sasaran"]}.".')


def _hitungan_dalam_jumlah(data: DataTahun, tambah: Lapor) -> None:
    """A programme's target or realisasi counted in villages (or kecamatan) cannot exceed the
    villages of the year's list (desa.csv, kecamatan.csv): one base for every count (the source
    counted 154 villages in five programme rows where the list has 153)."""
    t = data["program_kinerja"]
    for baris, nomor in zip(t.baris, t.nomor, strict=True):
        satuan = (baris["satuan"] or "").strip().lower()
        if satuan not in ("desa", "kecamatan") or not data.ada(satuan):
            continue
        daftar = data.tabel(satuan)
        if not daftar.baris:
            continue  # an agency without that list: nothing to count against
        for kolom in ("target", "realisasi"):
            nilai = baris[kolom]
            if nilai is not None and nilai > len(daftar.baris):
                tambah(t.berkas, nomor, kolom,
                       f"{angka_persis(nilai)} {satuan} melebihi jumlah {satuan} menurut "
                       f"{daftar.berkas} ({len(daftar.baris)}). Hitung atas {satuan} yang "
                       "tercantum di sana; angka yang tercetak di dokumen sumber disimpan di "
                       f"kolom {kolom}_dilaporkan.")


def _target_iku_ada(data: DataTahun, tambah: Lapor) -> None:
    """Every IKU has this year's target; a final edition's targets are the signed Perjanjian
    Kinerja's (a draft may still show the Renstra's, and says so)."""
    t = data["target"]
    tingkat = PERINGATAN if data.edisi.draf else GALAT
    nomor = dict(zip((b["indikator"] for b in t.baris), t.nomor, strict=True))
    for ind in data["indikator"].baris:
        kode, target = ind["kode"], t.satu(indikator=ind["kode"])
        if ind["jenis"] == "iku" and target is None:
            tambah(t.berkas, None, "indikator",
                   f"IKU {kode} belum memiliki target tahun {data.tahun}. Tambahkan barisnya "
                   "dengan target dari Perjanjian Kinerja (dasar: pk).", tingkat)
        elif ind["jenis"] == "iku" and target is not None and target["dasar"] != "pk":
            tambah(t.berkas, nomor[kode], "dasar",
                   f"target IKU {kode} masih dari Renstra; "
                   + ("ganti dengan target Perjanjian Kinerja setelah ditandatangani (dasar: pk)."
                      if data.edisi.draf else "edisi final memakai target Perjanjian Kinerja: isi "
                      "target PK dan ubah dasar menjadi pk."), tingkat)


def _foto_dokumentasi(data: DataTahun, tambah: Lapor) -> None:
    """Each activity photo listed is a small PNG or JPEG in the dokumentasi folder itself."""
    if not data.ada("dokumentasi"):
        return
    t = data["dokumentasi"]
    folder = data.akar / str(data.tahun) / "dokumentasi"
    total = 0
    for baris, nomor in zip(t.baris, t.nomor, strict=True):
        if "/" in baris["berkas"]:
            tambah(t.berkas, nomor, "berkas", f'"{baris["berkas"]}" harus berupa nama berkas di '
                   "folder dokumentasi itu sendiri, tanpa folder lain.")
        elif pesan := gambar.masalah(folder, baris["berkas"],
                                     f"folder data/{data.tahun}/dokumentasi"):
            tambah(t.berkas, nomor, "berkas", pesan)
        else:
            total += (folder / baris["berkas"]).stat().st_size
    if total > gambar.FOTO_TOTAL_MAKS:
        tambah(t.berkas, None, "berkas", f"foto dokumentasi seluruhnya "
               f"{angka(Decimal(total) / 2**20, 1)} MiB; batas {gambar.FOTO_TOTAL_MAKS // 2**20} "
               "MiB per edisi (semua foto dimuat di satu halaman Lampiran). Perkecil fotonya atau "
               "pilih lebih sedikit.")


def _narasi_ditulis(data: DataTahun, tambah: Lapor) -> None:
    """A final edition publishes no placeholder left by `lakip new-year`."""
    for nama, isi in data.semua_narasi().items():
        sisa = isi.count(PANDUAN_NARASI)
        if sisa:
            tambah(data.nama_berkas(f"{data.tahun}/narasi/{nama}.md"), None, None,
                   f"{sisa} bagian masih berisi petunjuk pengisian; ganti dengan uraian Anda "
                   "sebelum edisi berstatus final.", PERINGATAN if data.edisi.draf else GALAT)


_BOLEH_BERANGKA = re.compile(  # digits that are not figures: years, regulation numbers
    r"\b(?:19|20)\d\d\b|\b(?:Nomor|No\.|Pasal|Ayat|Bab|Lampiran)\s+[\dIVXL]+[a-z]?\b", re.I)


def _narasi_tanpa_angka(data: DataTahun, tambah: Lapor) -> None:
    """Narratives state no figures (figures come from data, so they cannot go stale); years and
    regulation numbers are not figures. Headings are left alone."""
    tingkat = PERINGATAN if data.edisi.draf else GALAT
    for nama, isi in data.semua_narasi().items():
        for nomor, baris in enumerate(isi.splitlines(), start=1):
            if baris.lstrip().startswith("#") or PANDUAN_NARASI in baris:
                continue
            angka = re.search(r"(?<![\w/])\d[\d.,]*", _BOLEH_BERANGKA.sub("", baris))
            if angka:
                tambah(data.nama_berkas(f"{data.tahun}/narasi/{nama}.md"), nomor, None,
                       f'uraian memuat angka "{angka.group(0).rstrip(".,")}". Angka dihitung '
                       "dari data dan ditampilkan buku; tulis uraian tanpa angka (tahun dan "
                       "nomor peraturan boleh).", tingkat)


_KALI_JANGGAL = Decimal(20)  # a value this many times larger or smaller than last year's


def _janggal(nilai: Decimal, satuan: str, pembanding: Decimal | None, uraian: str) -> str | None:
    """Why a value is implausible for its unit or against a reference value, or None."""
    if satuan.strip() == "%" and not Decimal(0) <= nilai <= Decimal(100):
        return f"nilai {angka_persis(nilai)} berada di luar 0–100 padahal satuannya persen."
    if pembanding is None or pembanding == 0:
        return None
    if nilai == 0:
        return f"nilai turun menjadi 0 dari {angka_persis(pembanding)} ({uraian})."
    rasio = nilai / pembanding
    if rasio >= _KALI_JANGGAL or rasio <= 1 / _KALI_JANGGAL:
        kali = rasio if rasio >= 1 else 1 / rasio
        arah = "lebih besar" if rasio >= 1 else "lebih kecil"
        return (f"nilai {angka_persis(nilai)} sekitar {kali:.0f} kali {arah} daripada "
                f"{angka_persis(pembanding)} ({uraian}); mungkin salah satuan, misalnya persen "
                "yang diketik sebagai pecahan (0,7412 untuk 74,12).")
    return None


def _target_tahun_lalu(data: DataTahun) -> dict[str, Decimal]:
    """Last year's targets, read leniently from its file (a reference for plausibility only;
    an unreadable value is simply no reference)."""
    try:
        baris = baris_mentah(data.akar / str(data.tahun - 1) / "target.csv")
    except (OSError, ValueError):  # unreadable: no reference (that year's own check says why)
        return {}
    hasil = {}
    for _, b in baris:
        try:
            hasil[b.get("indikator", "")] = Decimal(b.get("target", ""))
        except ArithmeticError:
            continue
    return hasil


def _masuk_akal(data: DataTahun, tambah: Lapor) -> None:
    """Plausibility of this year's inputs against last year and their unit: a warning in a
    draft, an error in a final edition unless konfirmasi.csv holds the analyst's reason."""
    yakin = {(b["tabel"], b["kunci"]) for b in data["konfirmasi"].baris} \
        if data.ada("konfirmasi") else set()
    tingkat = PERINGATAN if data.edisi.draf else GALAT
    tahun = data.tahun
    indikator = {b["kode"]: b for b in data["indikator"].baris}

    def periksa(t: TabelBaris[Any], kunci: str, nomor: int, kolom: str, alasan: str | None) -> None:
        if alasan and (t.dataset.nama, kunci) not in yakin:
            tambah(t.berkas, nomor, kolom, f"{alasan} Bila angka ini memang benar, tulis "
                   "alasannya di kolom konfirmasi.", tingkat)

    r = data["realisasi"]
    for b, nomor in zip(r.baris, r.nomor, strict=True):
        if b["tahun"] == tahun and b["realisasi"] is not None and b["indikator"] in indikator:
            lalu = r.satu(indikator=b["indikator"], tahun=tahun - 1)
            periksa(r, f"{b['indikator']}/{tahun}", nomor, "realisasi", _janggal(
                b["realisasi"], indikator[b["indikator"]]["satuan"],
                lalu["realisasi"] if lalu else None, f"realisasi tahun {tahun - 1}"))
    t = data["target"]
    target_lalu = _target_tahun_lalu(data)
    for bt, nomor in zip(t.baris, t.nomor, strict=True):
        renstra = data["renstra_target"].satu(indikator=bt["indikator"], tahun=tahun)
        lalu = r.satu(indikator=bt["indikator"], tahun=tahun - 1)
        acuan, uraian = ((renstra["target"], f"target Renstra {tahun}") if renstra else
                         (target_lalu[bt["indikator"]], f"target tahun {tahun - 1}")
                         if bt["indikator"] in target_lalu else
                         (lalu["realisasi"], f"realisasi tahun {tahun - 1}") if lalu else
                         (None, ""))
        if bt["indikator"] in indikator:
            periksa(t, bt["indikator"], nomor, "target",
                    _janggal(bt["target"], indikator[bt["indikator"]]["satuan"], acuan, uraian))
    for a in rumus.angka_tahun_ini(data):
        periksa(a.tabel, a.kunci, a.nomor, a.kolom,
                _janggal(a.nilai, a.satuan, a.pembanding, a.uraian))


def nol_jika_kosong(nilai: Decimal | None) -> Decimal:
    return nilai if nilai is not None else Decimal(0)
