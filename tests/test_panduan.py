"""The README's guides for the analyst ("Panduan"), each played end to end with the commands it
names, in a copy of the data: a new head of agency (a fact of the year, entered in the
workbook's edisi sheet); a new indicator and sasaran in the middle of the Renstra
(`lakip change-renstra`); a new Renstra period (`lakip new-renstra`); activity photos and a
coat of arms of the year's own; each leaving every input of the 2024 edition as it was."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import yaml
from openpyxl import load_workbook

from lakip_lib import build, cli, data, edisi, gambar, kinerja, penerbitan

from .conftest import DATA, REPO
from .isian import baris, tulis

KEPALA_BARU = {"kepala.nama": "Dra. SITI RAHMAH, M.Si", "kepala.jabatan": "Kepala Dinas",
               "kepala.pangkat": "Pembina Tingkat I", "kepala.golongan": "IV/b",
               "kepala.nip": "19700512 199503 2 004"}


def _lakip(capsys, *argumen: str, kode: int = 0) -> str:
    hasil = cli.main(list(argumen))
    keluaran = capsys.readouterr()
    assert hasil == kode, keluaran.out + keluaran.err
    return keluaran.out + keluaran.err


def test_guide_new_head_of_agency_signs_from_the_year_entered(salinan_data: Path,
                                                              tmp_path: Path, capsys):
    akar = ["--data", str(salinan_data)]
    lama = data.muat(2024, salinan_data).instansi.kepala
    _lakip(capsys, *akar, "new-year", "2025")
    assert data.muat(2025, salinan_data).instansi.kepala == lama  # carried over to the new year
    xlsx = tmp_path / "isian-2025.xlsx"
    _lakip(capsys, *akar, "template", "2025", "--output", str(xlsx))
    wb = load_workbook(xlsx)
    ws = wb["edisi"]
    isian = {b["isian"]: (nomor, b) for nomor, b in baris(ws)}
    assert isian["kepala.nama"][1]["nilai"] == lama.nama  # the sheet shows who signs now
    for jalur, nilai in KEPALA_BARU.items():
        tulis(ws, isian[jalur][0], {"nilai": nilai})
    wb.save(xlsx)
    _lakip(capsys, *akar, "import", "2025", str(xlsx))

    baru = data.muat(2025, salinan_data).instansi.kepala
    assert (baru.nama, baru.nip, baru.pangkat, baru.golongan) == (
        "Dra. SITI RAHMAH, M.Si", "19700512 199503 2 004", "Pembina Tingkat I", "IV/b")
    assert data.muat(2024, salinan_data).instansi.kepala == lama  # 2024 is not re-signed
    assert (salinan_data / "instansi.yaml").read_bytes() == (DATA / "instansi.yaml").read_bytes()
    assert (salinan_data / "2024" / "edisi.yaml").read_bytes() == \
        (DATA / "2024" / "edisi.yaml").read_bytes()


def test_a_head_of_agency_in_instansi_yaml_still_signs_years_that_name_none(
        salinan_data: Path, capsys):
    """Data written before the head became a fact of the year stays valid."""
    edisi = salinan_data / "2024" / "edisi.yaml"
    isi = yaml.safe_load(edisi.read_text(encoding="utf-8"))
    kepala = isi.pop("kepala")
    teks = edisi.read_text(encoding="utf-8")
    edisi.write_text(teks[:teks.index("kepala:")] + teks[teks.index("penilaian:"):],
                     encoding="utf-8")
    tolak = _lakip(capsys, "--data", str(salinan_data), "validate", "2024", kode=1)
    assert 'data/instansi.yaml, kolom "kepala.nama": kunci wajib ini tidak ada atau kosong. ' \
           "Kepala instansi adalah fakta tahun itu: tulis di data/2024/edisi.yaml" in tolak
    instansi = salinan_data / "instansi.yaml"
    instansi.write_text(instansi.read_text(encoding="utf-8") + yaml.safe_dump(
        {"kepala": kepala}, allow_unicode=True), encoding="utf-8")
    assert data.muat(2024, salinan_data).instansi.kepala.nama == kepala["nama"]


def _tambah(berkas: Path, *baris: str) -> None:
    """Rows appended to a CSV file, as the analyst adds them in a spreadsheet or text editor."""
    berkas.write_text(berkas.read_text(encoding="utf-8") + "".join(b + "\n" for b in baris),
                      encoding="utf-8")


INDIKATOR_BARU = ("IKU5,iku,S5,Persentase Desa dengan Kelompok Usaha Perempuan,%,naik,2,langsung,,"
                  "Jumlah desa yang memiliki kelompok usaha perempuan ÷ jumlah desa × 100.,"
                  "Mengukur partisipasi ekonomi perempuan di desa.,Kepala Dinas,"
                  "Bidang Pemberdayaan Masyarakat dan Desa")


def test_guide_a_new_indicator_and_sasaran_in_the_middle_of_the_renstra(
        salinan_data: Path, tmp_path: Path, capsys):
    akar = ["--data", str(salinan_data)]
    asli = tmp_path / "asli" / "data"
    shutil.copytree(salinan_data, asli)
    _lakip(capsys, *akar, "new-year", "2025")
    tolak = _lakip(capsys, *akar, "change-renstra", "2024", kode=1)
    assert "Renstra tidak diubah: edisi 2024 sudah final" in tolak
    assert "lakip new-year 2025, lalu lakip change-renstra 2025" in tolak

    keluar = _lakip(capsys, *akar, "change-renstra", "2025")
    for nama in ("indikator", "renstra_target", "sasaran", "tujuan"):
        assert f"  - data/2025/{nama}.csv" in keluar
    assert "Berikutnya: sunting data/2025/indikator.csv" in keluar
    tahun = salinan_data / "2025"
    _tambah(tahun / "sasaran.csv", "S5,T1,Meningkatnya partisipasi ekonomi perempuan di desa")
    _tambah(tahun / "indikator.csv", INDIKATOR_BARU)
    _tambah(tahun / "renstra_target.csv", "IKU5,2025,20", "IKU5,2026,25")
    (tahun / "narasi" / "S5.md").write_text((tahun / "narasi" / "S1.md").read_text(
        encoding="utf-8"), encoding="utf-8")
    assert "IKU IKU5 belum memiliki target tahun 2025" in _lakip(capsys, *akar, "validate", "2025")

    xlsx = tmp_path / "isian-2025.xlsx"
    _lakip(capsys, *akar, "template", "2025", "--output", str(xlsx))
    wb = load_workbook(xlsx)  # the new indicator has its rows in the sheets already
    target = next(n for n, b in baris(wb["target"]) if b["indikator"] == "IKU5")
    tulis(wb["target"], target, {"target": 20, "dasar": "renstra"})
    realisasi = next(n for n, b in baris(wb["realisasi"])
                     if b["indikator"] == "IKU5" and b["tahun"] == 2025)
    tulis(wb["realisasi"], realisasi, {"realisasi": 22.5})
    wb.save(xlsx)
    _lakip(capsys, *akar, "import", "2025", str(xlsx))

    d = data.muat(2025, salinan_data)
    iku5 = next(h for h in kinerja.hasil_iku(d) if h.kode == "IKU5")
    assert (iku5.sasaran, iku5.target, iku5.realisasi, iku5.capaian) == (
        "S5", Decimal("20"), Decimal("22.5"), Decimal("112.5"))
    # 2024 reads the files it read before: its published edition cannot change
    assert penerbitan.berkas_berubah(asli, salinan_data, 2024) == []
    assert [h.kode for h in kinerja.hasil_iku(data.muat(2024, salinan_data))] == \
        ["IKU1", "IKU2", "IKU3", "IKU4"]
    _lakip(capsys, *akar, "new-year", "2026")  # the changed Renstra goes on
    assert (salinan_data / "2026" / "indikator.csv").read_bytes() == \
        (tahun / "indikator.csv").read_bytes()
    assert "IKU5,25,renstra" in (salinan_data / "2026" / "target.csv").read_text(encoding="utf-8")


def test_guide_a_new_renstra_period(salinan_data: Path, tmp_path: Path, capsys):
    akar = ["--data", str(salinan_data)]
    asli = tmp_path / "asli" / "data"
    shutil.copytree(salinan_data, asli)
    sidik_2024 = build.sidik_masukan(build.bahan_sidik(2024, salinan_data, True, tmp_path / "site"))
    _lakip(capsys, *akar, "new-year", "2025")
    _lakip(capsys, *akar, "new-year", "2026")
    tolak = _lakip(capsys, *akar, "new-year", "2027", kode=1)
    assert "tahun 2027 berada di luar periode Renstra 2021–2026. Tahun pertama Renstra baru " \
           "disiapkan dengan: lakip new-renstra 2027 --until <tahun akhir>" in tolak

    keluar = _lakip(capsys, *akar, "new-renstra", "2027", "--until", "2031")
    assert "tahun pertama Renstra 2027–2031 (edisi draf)" in keluar
    tahun = salinan_data / "2027"
    edisi = yaml.safe_load((tahun / "edisi.yaml").read_text(encoding="utf-8"))
    assert edisi["renstra"] == {"periode": [2027, 2031]} and edisi["rpjmd"]["periode"] == [2027, 2031]
    # the new Renstra: a supporting indicator dropped, a sasaran reworded, the targets entered
    indikator = tahun / "indikator.csv"
    indikator.write_text("".join(b for b in indikator.read_text(encoding="utf-8").splitlines(
        keepends=True) if not b.startswith("PKA,")), encoding="utf-8")
    sasaran = tahun / "sasaran.csv"
    sasaran.write_text(sasaran.read_text(encoding="utf-8").replace(
        "S4,T2,Meningkatnya status pembangunan desa", "S4,T2,Meningkatnya desa mandiri"),
        encoding="utf-8")
    _tambah(tahun / "renstra_target.csv", *(f"{kode},{t},{nilai}" for kode, nilai in (
        ("IKU1", 75), ("IKU2", 6), ("IKU3", "2.2"), ("IKU4", 50)) for t in range(2027, 2032)))
    _lakip(capsys, *akar, "validate", "2027")

    d = data.muat(2027, salinan_data)
    assert d.periode_renstra == (2027, 2031)
    assert d["sasaran"].satu(kode="S4")["uraian"] == "Meningkatnya desa mandiri"
    assert not d["indikator"].cari(kode="PKA")  # its earlier realisasi rows are not this Renstra's
    _lakip(capsys, *akar, "new-year", "2028")  # the new period goes on, with its own Renstra
    assert data.muat(2028, salinan_data).periode_renstra == (2027, 2031)
    assert "IKU1,75,renstra" in (salinan_data / "2028" / "target.csv").read_text(encoding="utf-8")
    # 2024 (and 2025, 2026) read exactly what they read before
    assert penerbitan.berkas_berubah(asli, salinan_data, 2024) == []
    assert data.muat(2026, salinan_data).periode_renstra == (2021, 2026)
    # every input of the 2024 edition is byte for byte what it was: its build stops at once
    assert build.sidik_masukan(build.bahan_sidik(2024, salinan_data, True, tmp_path / "site")) == sidik_2024
    assert data.muat(2024, salinan_data)["sasaran"].satu(kode="S4")["uraian"] == \
        "Meningkatnya status pembangunan desa"


CONTOH = REPO / "tests" / "fixtures" / "instansi_contoh"


def test_guide_photos_and_a_coat_of_arms_of_the_years_own(salinan_data: Path, tmp_path: Path,
                                                          capsys):
    akar = ["--data", str(salinan_data)]
    asli = tmp_path / "asli" / "data"
    shutil.copytree(salinan_data, asli)
    _lakip(capsys, *akar, "new-year", "2025")
    foto = salinan_data / "2025" / "dokumentasi"
    foto.mkdir()
    shutil.copy(CONTOH / "2026" / "dokumentasi" / "posyandu.png", foto / "posyandu.png")
    (foto / "rapat.jpg").write_text("<html>bukan foto</html>", encoding="utf-8")
    (foto / "keterangan.csv").write_text(
        "berkas,keterangan\nposyandu.png,Kunjungan ke posyandu\nrapat.jpg,Rapat koordinasi PUG\n"
        "balai.png,Musyawarah desa di balai\n", encoding="utf-8")
    tolak = _lakip(capsys, *akar, "validate", "2025", kode=1)
    assert ('data/2025/dokumentasi/keterangan.csv, baris 3, kolom "berkas": berkas "rapat.jpg" '
            "bukan gambar PNG atau JPEG.") in tolak
    assert ('baris 4, kolom "berkas": berkas gambar "balai.png" tidak ditemukan di folder '
            "data/2025/dokumentasi.") in tolak

    # the photo is judged by its bytes, not its name: a PNG saved as rapat.jpg is a PNG
    shutil.copy(CONTOH / "2026" / "dokumentasi" / "penyuluhan.png", foto / "rapat.jpg")
    shutil.copy(CONTOH / "2026" / "dokumentasi" / "posyandu.png", foto / "balai.png")
    # the coat of arms from 2025 on: a new file beside the old, named in 2025's edisi.yaml
    shutil.copy(CONTOH / "lambang.png", salinan_data / "lambang-2025.png")
    edisi_yaml = salinan_data / "2025" / "edisi.yaml"
    teks = edisi_yaml.read_text(encoding="utf-8")
    edisi_yaml.write_text(teks + 'lambang: "../lambang-2025.png"\n', encoding="utf-8")
    tolak = _lakip(capsys, *akar, "validate", "2025", kode=1)
    assert 'data/2025/edisi.yaml, kolom "lambang": "../lambang-2025.png" harus berupa nama ' \
           "berkas di dalam folder data" in tolak
    edisi_yaml.write_text(teks + 'lambang: "lambang-2025.png"\n', encoding="utf-8")
    _lakip(capsys, *akar, "validate", "2025")

    d = data.muat(2025, salinan_data)
    assert d.instansi.lambang == "lambang-2025.png"
    assert [b["berkas"] for b in d.foto()] == ["posyandu.png", "rapat.jpg", "balai.png"]
    terbit = {p: gambar.nama_terbit((salinan_data / p).read_bytes())
              for p in edisi.berkas_data(d) if p.endswith((".png", ".jpg"))}
    assert terbit["2025/dokumentasi/rapat.jpg"].endswith(".png")  # published as what it is
    assert "lambang-2025.png" in terbit
    _lakip(capsys, *akar, "new-year", "2026")  # the coat of arms goes on with the year
    assert data.muat(2026, salinan_data).instansi.lambang == "lambang-2025.png"
    assert data.muat(2024, salinan_data).instansi.lambang is None
    assert penerbitan.berkas_berubah(asli, salinan_data, 2024) == []


def test_a_page_that_read_the_shared_renstra_runs_again_once_the_year_has_its_own(
        salinan_data: Path, capsys):
    """The execution cache keys a page on what its reads return now: a read of the shared
    indikator.csv says nothing once the year reads its own copy (a stale page otherwise)."""
    from lakip_lib import cache
    from lakip_lib.data_tahun import SEMUA

    _lakip(capsys, "--data", str(salinan_data), "new-year", "2025")

    def kunci() -> str:
        d = data.muat(2025, salinan_data)
        return cache.kunci_eksekusi(REPO / "notebooks" / "bab2_perencanaan.ipynb",
                                    {"tahun": 2025}, None, [("indikator.csv", SEMUA)], d, {})

    sebelum = kunci()
    _lakip(capsys, "--data", str(salinan_data), "new-year", "2026")
    keluar = _lakip(capsys, "--data", str(salinan_data), "change-renstra", "2025")
    assert "Tahun sesudahnya yang sudah ada masih memakai Renstra bersama: 2026." in keluar
    assert not (salinan_data / "2026" / "indikator.csv").exists()
    _tambah(salinan_data / "2025" / "sasaran.csv", "S5,T1,Sasaran baru")
    _tambah(salinan_data / "2025" / "indikator.csv", INDIKATOR_BARU)
    assert kunci() != sebelum
