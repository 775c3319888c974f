"""A corpus of bad inputs: each gets a clear Indonesian message naming file, row and column,
exit code 1, no traceback, and nothing published."""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from lakip_lib import cli, rumus

from .conftest import sel, ubah_sel


@dataclass(frozen=True)
class Kasus:
    nama: str
    rusak: Callable[[Path], None]
    berkas: str
    baris: int | None
    kolom: str | None
    potongan: str


def _sel(berkas: str, baris: int, kolom: str, nilai: str) -> Callable[[Path], None]:
    return lambda d: ubah_sel(d / berkas, baris, kolom, nilai)


def _tambah_baris(berkas: str, baris: str) -> Callable[[Path], None]:
    def rusak(d: Path) -> None:
        p = d / berkas
        p.write_text(p.read_text(encoding="utf-8") + baris + "\n", encoding="utf-8")
    return rusak


def _tulis(berkas: str, isi: str | bytes) -> Callable[[Path], None]:
    def rusak(d: Path) -> None:
        p = d / berkas
        if isinstance(isi, bytes):
            p.write_bytes(isi)
        else:
            p.write_text(isi, encoding="utf-8")
    return rusak


def _ganti(berkas: str, lama: str, baru: str) -> Callable[[Path], None]:
    def rusak(d: Path) -> None:
        p = d / berkas
        teks = p.read_text(encoding="utf-8")
        assert lama in teks
        p.write_text(teks.replace(lama, baru, 1), encoding="utf-8")
    return rusak


def _lambang(rujukan: str, buat: Callable[[Path], None] = lambda d: None) -> Callable[[Path], None]:
    """instansi.yaml names a cover image `rujukan`; `buat` puts a file (or a link) in place."""
    def rusak(d: Path) -> None:
        buat(d)
        p = d / "instansi.yaml"
        p.write_text(p.read_text(encoding="utf-8") + f"lambang: {rujukan}\n", encoding="utf-8")
    return rusak


_PNG = b"\x89PNG\r\n\x1a\n"
INSTANSI = "data/instansi.yaml"
DOKUMENTASI = "data/2024/dokumentasi/keterangan.csv"


def _foto(berkas: str, buat: Callable[[Path], None] = lambda d: None) -> Callable[[Path], None]:
    """A dokumentasi folder whose one photo is `berkas`; `buat` puts a file in place."""
    def rusak(d: Path) -> None:
        (d / "2024" / "dokumentasi").mkdir()
        buat(d)
        (d / DOKUMENTASI.removeprefix("data/")).write_text(
            f"berkas,keterangan\n{berkas},Rapat koordinasi\n", encoding="utf-8")
    return rusak


def _hapus(berkas: str) -> Callable[[Path], None]:
    return lambda d: (d / berkas).unlink()


def _anggaran_plus(baris: int, kolom: str, tambah: int) -> Callable[[Path], None]:
    def rusak(d: Path) -> None:
        p = d / "2024" / "anggaran.csv"
        ubah_sel(p, baris, kolom, str(int(sel(p, baris, kolom) or sel(p, baris, "anggaran")) + tambah))
    return rusak


def _windows_1252(d: Path) -> None:
    p = d / "2024" / "desa.csv"
    p.write_bytes(p.read_text(encoding="utf-8").replace("AJUNG", "AJUNG É").encode("cp1252"))


def _bom_dan_koma(d: Path) -> None:
    p = d / "realisasi.csv"
    ubah_sel(p, 3, "realisasi", "70,57")
    p.write_bytes(b"\xef\xbb\xbf" + p.read_bytes())


def _besar(d: Path) -> None:
    p = d / "pembanding.csv"
    with p.open("a", encoding="utf-8") as f:
        f.write(("x" * 1000 + "\n") * 21_000)


def _kolom_hilang(d: Path) -> None:
    p = d / "2024" / "cpr_kecamatan.csv"
    rows = list(csv.reader(p.open(encoding="utf-8")))
    with p.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows([r[:2] + r[3:] for r in rows])


A = "data/2024/anggaran.csv"
KASUS = [
    Kasus("koma desimal", _sel("realisasi.csv", 5, "realisasi", "73,27"), "data/realisasi.csv", 5,
          "realisasi", "Gunakan titik sebagai pemisah desimal: 73.27"),
    Kasus("pemisah ribuan titik", _sel("2024/anggaran.csv", 4, "anggaran", "156.590.000"), A, 4,
          "anggaran", "Tulis tanpa pemisah: 156590000"),
    Kasus("pemisah ribuan koma", _sel("2024/anggaran.csv", 4, "anggaran", "156,590,000"), A, 4,
          "anggaran", "pemisah ribuan"),
    Kasus("awalan Rp", _sel("2024/anggaran.csv", 4, "realisasi", "Rp145359077"), A, 4,
          "realisasi", 'memuat "Rp"'),
    Kasus("tanda persen", _sel("2024/target.csv", 3, "target", "5.5%"), "data/2024/target.csv",
          3, "target", "memuat tanda %"),
    Kasus("format angka Indonesia", _sel("2024/target.csv", 2, "target", "1.074,04"),
          "data/2024/target.csv", 2, "target", "1074.04"),
    Kasus("sel kosong", _sel("2024/cpr_kecamatan.csv", 3, "pus", ""),
          "data/2024/cpr_kecamatan.csv", 3, "pus", "kosong"),
    Kasus("sel berisi spasi", _sel("2024/cpr_kecamatan.csv", 3, "kb_aktif", "  "),
          "data/2024/cpr_kecamatan.csv", 3, "kb_aktif", "hanya berisi spasi"),
    Kasus("teks di kolom angka", _sel("2024/target.csv", 2, "target", "tinggi"),
          "data/2024/target.csv", 2, "target", "bukan angka"),
    Kasus("teks di kolom bilangan bulat", _sel("2024/cpr_kecamatan.csv", 2, "pus", "banyak"),
          "data/2024/cpr_kecamatan.csv", 2, "pus", "bukan bilangan bulat"),
    Kasus("desimal di kolom bilangan bulat", _sel("kasus_kekerasan.csv", 2, "jumlah", "3.5"),
          "data/kasus_kekerasan.csv", 2, "jumlah", "bukan bilangan bulat"),
    Kasus("uang negatif", _sel("2024/anggaran.csv", 4, "anggaran", "-156590000"), A, 4,
          "anggaran", "negatif"),
    Kasus("jumlah kasus negatif", _sel("kasus_kekerasan.csv", 3, "jumlah", "-1"),
          "data/kasus_kekerasan.csv", 3, "jumlah", "negatif"),
    Kasus("realisasi melebihi anggaran", _anggaran_plus(4, "realisasi", 20_000_000), A, 4,
          "realisasi", "melebihi anggaran"),
    Kasus("total tidak sama dengan rincian", _sel("2024/anggaran.csv", 3, "anggaran", "1"), A, 3,
          "anggaran", "berbeda dari jumlah rinciannya"),
    Kasus("pagu tidak sama dengan jumlah", _ganti("2024/edisi.yaml", "97000169679", "97000169670"),
          "data/2024/edisi.yaml", None, "pagu_anggaran", "selisih"),
    Kasus("baris ganda CPR", _tambah_baris("2024/cpr_kecamatan.csv", "JUAI,1,1,"),
          "data/2024/cpr_kecamatan.csv", 10, "kecamatan", "baris ganda"),
    Kasus("baris ganda desa", _tambah_baris("2024/desa.csv", "TEBING TINGGI,AJUNG,Berkembang"),
          "data/2024/desa.csv", 155, "kecamatan, desa", "sudah dipakai di baris"),
    Kasus("sasaran tidak dikenal", _sel("2024/pk_anggaran.csv", 2, "sasaran", "S7"),
          "data/2024/pk_anggaran.csv", 2, "sasaran", '"S7" tidak dikenal'),
    Kasus("kecamatan tidak dikenal (desa)", _sel("2024/desa.csv", 2, "kecamatan", "JUAY"),
          "data/2024/desa.csv", 2, "kecamatan", 'Mungkin maksud Anda "JUAI"'),
    Kasus("kecamatan tidak dikenal (CPR)", _sel("2024/cpr_kecamatan.csv", 4, "kecamatan", "AWAYN"),
          "data/2024/cpr_kecamatan.csv", 4, "kecamatan", "tidak dikenal"),
    Kasus("indikator tidak dikenal", _sel("realisasi.csv", 2, "indikator", "IKU9"),
          "data/realisasi.csv", 2, "indikator", '"IKU9" tidak dikenal'),
    Kasus("status IDM tidak dikenal", _sel("2024/desa.csv", 3, "status_idm", "Maju Sekali"),
          "data/2024/desa.csv", 3, "status_idm", "Pilihan yang sah"),
    Kasus("arah tidak dikenal", _sel("indikator.csv", 3, "arah", "naik turun"),
          "data/indikator.csv", 3, "arah", "naik, turun"),
    Kasus("tahun di luar Renstra", _sel("renstra_target.csv", 4, "tahun", "2030"),
          "data/renstra_target.csv", 4, "tahun", "di luar periode Renstra"),
    Kasus("tahun dua angka", _sel("realisasi.csv", 2, "tahun", "21"), "data/realisasi.csv", 2,
          "tahun", "bukan tahun"),
    Kasus("berkas wajib hilang", _hapus("2024/target.csv"), "data/2024/target.csv", None, None,
          "tidak ditemukan"),
    Kasus("profil instansi hilang", _hapus("instansi.yaml"), "data/instansi.yaml", None, None,
          "tidak ditemukan"),
    Kasus("pengodean Windows-1252", _windows_1252, "data/2024/desa.csv", 153, None, "UTF-8"),
    Kasus("BOM dengan koma desimal", _bom_dan_koma, "data/realisasi.csv", 3, "realisasi",
          "70.57"),
    Kasus("YAML rusak", _ganti("2024/edisi.yaml", "label: ", "label: : ["),
          "data/2024/edisi.yaml", 3, None, "YAML tidak sah"),
    Kasus("YAML bukan pemetaan", _tulis("2024/edisi.yaml", "- satu\n- dua\n"),
          "data/2024/edisi.yaml", None, None, "pasangan kunci: nilai"),
    Kasus("kolom hilang", _kolom_hilang, "data/2024/cpr_kecamatan.csv", 1, "kb_aktif",
          "tidak ada di baris judul"),
    Kasus("kolom tambahan", _ganti("kecamatan.csv", "kecamatan\n", "kecamatan,catatan\n"),
          "data/kecamatan.csv", 1, "catatan", "tidak dikenal"),
    Kasus("nama kolom ganda", _ganti("tujuan.csv", "kode,uraian", "kode,uraian,uraian"),
          "data/tujuan.csv", 1, "uraian", "lebih dari sekali"),
    Kasus("jumlah kolom baris salah", _tambah_baris("kecamatan.csv", "BARU,LEBIH"),
          "data/kecamatan.csv", 10, None, "seharusnya 1 kolom"),
    Kasus("berkas sangat besar", _besar, "data/pembanding.csv", None, None, "terlalu besar"),
    Kasus("berkas kosong", _tulis("2024/skala_kategori.csv", ""),
          "data/2024/skala_kategori.csv", None, None, "berkas kosong"),
    Kasus("skala bercelah", _sel("2024/skala_kategori.csv", 4, "batas_bawah", "66"),
          "data/2024/skala_kategori.csv", 4, "batas_bawah", "celah"),
    Kasus("skala terbalik", _sel("2024/skala_kategori.csv", 3, "batas_atas", "40"),
          "data/2024/skala_kategori.csv", 3, "batas_atas", "lebih besar dari batas bawah"),
    Kasus("KB aktif melebihi PUS", _sel("2024/cpr_kecamatan.csv", 2, "kb_aktif", "9999"),
          "data/2024/cpr_kecamatan.csv", 2, "kb_aktif", "melebihi jumlah PUS"),
    Kasus("tahun edisi salah", _ganti("2024/edisi.yaml", "tahun: 2024", "tahun: 2025"),
          "data/2024/edisi.yaml", None, "tahun", "harus sama dengan nama foldernya"),
    Kasus("tanggal terbit bukan tanggal",
          _ganti("2024/edisi.yaml", "tanggal_terbit: 2025-01 ", "tanggal_terbit: Januari 2025 "),
          "data/2024/edisi.yaml", None, "tanggal_terbit", "TTTT-BB-HH"),
    Kasus("pagu dengan pemisah ribuan", _ganti("2024/edisi.yaml", "97000169679", "97.000.169.679"),
          "data/2024/edisi.yaml", None, "pagu_anggaran", "tanpa pemisah ribuan"),
    Kasus("induk kode tidak ada", _sel("2024/program_kinerja.csv", 4, "kode", "S1.P9.K1.S1"),
          "data/2024/program_kinerja.csv", 4, "kode", "tidak ada di berkas ini"),
    Kasus("level tidak sesuai", _sel("2024/anggaran.csv", 2, "level", "kegiatan"), A, 2, "level",
          "harus berlevel"),
    Kasus("rincian tanpa anggaran", _sel("2024/anggaran.csv", 4, "anggaran", ""), A, 4,
          "anggaran", "rincian terbawah wajib diisi"),
    Kasus("IKU tanpa target PK", _ganti("2024/target.csv", "IKU2,5.5,pk\n", ""),
          "data/2024/target.csv", None, "indikator", "belum memiliki target"),
    Kasus("NIP kepala kosong", _ganti("2024/edisi.yaml", '  nip: "19650328 198603 1 008"', "  nip:"),
          "data/2024/edisi.yaml", None, "kepala.nip", "tidak ada atau kosong"),
    Kasus("kode program tanpa sasaran", _sel("2024/program_kinerja.csv", 4, "kode", "S2.P9"),
          "data/2024/program_kinerja.csv", 4, "kode", 'harus diawali kode sasarannya "S1."'),
    Kasus("lambang bukan gambar", _lambang("lambang.png", _tulis("lambang.png", "<svg onload=x>")),
          INSTANSI, None, "lambang", 'berkas "lambang.png" bukan gambar PNG atau JPEG'),
    Kasus("lambang terlalu besar", _lambang("besar.png", _tulis("besar.png", _PNG + bytes(2 << 20))),
          INSTANSI, None, "lambang", 'berkas gambar "besar.png" terlalu besar'),
    Kasus("lambang di luar folder data", _lambang("../lambang.png", _tulis("../lambang.png", _PNG)),
          INSTANSI, None, "lambang", "harus berupa nama berkas di dalam folder data"),
    Kasus("lambang jalur mutlak", _lambang("/etc/passwd"), INSTANSI, None, "lambang",
          "bukan jalur mutlak"),
    Kasus("lambang tautan simbolik",
          _lambang("tautan.png", lambda d: (d / "tautan.png").symlink_to(d / "2024" / "target.csv")),
          INSTANSI, None, "lambang", "tautan simbolik"),
    Kasus("lambang tidak ada", _lambang("hilang.png"), INSTANSI, None, "lambang",
          'berkas gambar "hilang.png" tidak ditemukan'),
    Kasus("atasan unit tidak ada", _ganti("instansi.yaml", 'atasan: "Sekretaris"', 'atasan: "Sekda"'),
          INSTANSI, None, "struktur[3].atasan", '"Sekda" harus nama unit lain'),
    Kasus("foto dokumentasi bukan gambar",
          _foto("rapat.jpg", _tulis("2024/dokumentasi/rapat.jpg", "bukan foto")),
          DOKUMENTASI, 2, "berkas", 'berkas "rapat.jpg" bukan gambar PNG atau JPEG'),
    Kasus("foto dokumentasi di folder lain", _foto("../edisi.yaml"), DOKUMENTASI, 2, "berkas",
          "harus berupa nama berkas di folder dokumentasi itu sendiri"),
]


@pytest.mark.parametrize("kasus", KASUS, ids=[k.nama for k in KASUS])
def test_bad_input_gets_a_clear_message(kasus: Kasus, salinan_data: Path, capsys):
    periksa_kasus(kasus, salinan_data, capsys)


def periksa_kasus(kasus: Kasus, salinan_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`lakip validate` on the broken copy exits 1 with the case's message at its place."""
    kasus.rusak(salinan_data)
    kode = cli.main(["--data", str(salinan_data), "validate", "2024"])
    keluaran = capsys.readouterr()
    assert kode == 1, keluaran.out + keluaran.err
    assert "Traceback" not in keluaran.err
    tempat = kasus.berkas
    if kasus.baris is not None:
        tempat += f", baris {kasus.baris}"
    if kasus.kolom is not None:
        tempat += f', kolom "{kasus.kolom}"'
    baris = [b for b in keluaran.err.splitlines() if b.startswith(tempat + ":")]
    assert baris, keluaran.err
    assert any(kasus.potongan in b for b in baris), baris


def test_corpus_has_at_least_40_cases():
    assert len(KASUS) >= 40


def test_an_unknown_rumus_is_reported_in_the_same_run_as_the_other_bad_cells(
        salinan_data: Path, capsys):
    """A bad number and a rumus that names no registered kind, in one file: one `lakip
    validate` names both, so the analyst fixes them together."""
    ubah_sel(salinan_data / "indikator.csv", 2, "desimal", "dua")
    ubah_sel(salinan_data / "indikator.csv", 3, "rumus", "tebakan")
    kode = cli.main(["--data", str(salinan_data), "validate", "2024"])
    keluaran = capsys.readouterr().err
    assert kode == 1, keluaran
    baris = keluaran.splitlines()
    assert any(b.startswith('data/indikator.csv, baris 2, kolom "desimal": ') for b in baris), \
        keluaran
    assert ('data/indikator.csv, baris 3, kolom "rumus": nilai "tebakan" tidak dikenal. '
            f'Pilihan yang sah: {", ".join(rumus.SEMUA)}.') in baris, keluaran


def test_bad_input_publishes_nothing_and_keeps_the_edition(salinan_data: Path, tmp_path: Path,
                                                           capsys):
    situs = tmp_path / "_build" / "site" / "2024"
    situs.mkdir(parents=True)
    (situs / "index.html").write_text("edisi lama")
    ubah_sel(salinan_data / "realisasi.csv", 5, "realisasi", "73,27")
    kode = cli.main(["--data", str(salinan_data), "build", "2024", "--output",
                     str(tmp_path / "_build")])
    assert kode == 1 and "73,27" in capsys.readouterr().err
    assert (situs / "index.html").read_text() == "edisi lama"
    assert not (tmp_path / "_build" / "jb").exists()
