"""`lakip template` / `lakip import`: the Excel round trip of one fiscal year."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from lakip_lib import buku_kerja, cli, data, tahun_baru

from .isian import baris, finalkan, isi_buku_kerja, tulis, tulis_narasi


def _isi(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def _template(akar: Path, tahun: int, folder: Path) -> Path:
    return buku_kerja.tulis_template(tahun, folder / f"isian-{tahun}.xlsx", akar)


def _impor_gagal(akar: Path, tahun: int, xlsx: Path, capsys) -> str:
    """Run `lakip import`, expect a refusal that leaves data/ untouched; return the report."""
    sebelum = _isi(akar)
    kode = cli.main(["--data", str(akar), "import", str(tahun), str(xlsx)])
    keluaran = capsys.readouterr()
    assert kode == 1, keluaran.out
    assert _isi(akar) == sebelum
    assert f"tidak diimpor; folder data/{tahun} tidak diubah" in keluaran.err
    assert "Traceback" not in keluaran.err
    return keluaran.err


def _ubah(xlsx: Path, lembar: str, nomor: int, **nilai: object) -> None:
    wb = load_workbook(xlsx)
    tulis(wb[lembar], nomor, nilai)
    wb.save(xlsx)


@pytest.fixture
def tahun_2025(salinan_data: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A scaffolded draft 2025 and its fresh template."""
    tahun_baru.buat(2025, salinan_data)
    return salinan_data, _template(salinan_data, 2025, tmp_path)


def test_template_has_instructions_and_one_sheet_per_table(tahun_2025):
    _, xlsx = tahun_2025
    wb = load_workbook(xlsx)
    assert wb.sheetnames == [buku_kerja.PETUNJUK, buku_kerja.EDISI,
                             *(lb.dataset for lb in buku_kerja.LEMBAR)]
    petunjuk = "\n".join(str(c.value) for c in wb[buku_kerja.PETUNJUK]["A"] if c.value)
    assert "Isian data LAKIP tahun 2025" in petunjuk
    assert "lakip import 2025" in petunjuk and "jangan diisi 0" in petunjuk
    desa = wb["desa"]
    assert [c.value for c in desa[1]] == ["Kecamatan", "Desa", "Status IDM"]
    assert len(baris(desa)) == 153
    assert desa.protection.sheet


def test_template_locks_keys_and_validates_the_other_columns(tahun_2025):
    _, xlsx = tahun_2025
    ws = load_workbook(xlsx)["anggaran"]
    kode, nama, jumlah = ws["A2"], ws["D2"], ws["E5"]
    assert kode.protection.locked and nama.protection.locked
    assert not jumlah.protection.locked
    assert not ws["A200"].protection.locked  # room below for rows the analyst adds
    validasi = {str(v.sqref).split(":")[0]: v for v in ws.data_validations.dataValidation}
    assert validasi["E2"].type == "whole" and validasi["E2"].formula1 == "0"
    status = {str(v.sqref).split(":")[0]: v
              for v in load_workbook(xlsx)["desa"].data_validations.dataValidation}["C2"]
    assert status.type == "list" and "Mandiri" in status.formula1
    assert "Pilih salah satu" in status.error


def test_template_prefills_this_years_rows(tahun_2025):
    _, xlsx = tahun_2025
    wb = load_workbook(xlsx)
    target = {b["indikator"]: (b["target"], b["dasar"]) for _, b in baris(wb["target"])}
    assert target["IKU1"] == (75, "renstra")
    assert target["PKA"] == (None, None)  # a supporting indicator's target, to fill in
    realisasi = [(b["indikator"], b["tahun"], b["realisasi"]) for _, b in baris(wb["realisasi"])]
    assert ("IKU1", 2025, None) in realisasi and ("IKU3", 2025, None) in realisasi
    assert {b["sasaran"] for _, b in baris(wb["pk_anggaran"])} == {"S1", "S2", "S3", "S4"}
    assert [b["kelompok"] for _, b in baris(wb["kasus_kekerasan"])] == ["perempuan", "anak"]


def test_template_refuses_to_overwrite_a_workbook(tahun_2025, capsys):
    akar, xlsx = tahun_2025
    sebelum = xlsx.read_bytes()
    kode = cli.main(["--data", str(akar), "template", "2025", "--output", str(xlsx)])
    assert kode == 1 and "tidak ditimpa" in capsys.readouterr().err
    assert xlsx.read_bytes() == sebelum


def test_unchanged_workbook_changes_no_file(salinan_data: Path, tmp_path: Path):
    xlsx = _template(salinan_data, 2024, tmp_path)
    sebelum = _isi(salinan_data)
    hasil = buku_kerja.impor(2024, xlsx, salinan_data)
    assert hasil.ditulis == [] and len(hasil.tetap) == len(buku_kerja.LEMBAR) + 2  # + edisi, IDM recap
    assert _isi(salinan_data) == sebelum


def test_one_changed_cell_rewrites_one_file_and_keeps_reported_figures(salinan_data: Path,
                                                                       tmp_path: Path, capsys):
    xlsx = _template(salinan_data, 2024, tmp_path)
    _ubah(xlsx, "cpr_kecamatan", 2, pus=3300)
    kode = cli.main(["--data", str(salinan_data), "import", "2024", str(xlsx)])
    assert kode == 0
    assert "1 berkas diperbarui" in capsys.readouterr().out
    cpr = (salinan_data / "2024" / "cpr_kecamatan.csv").read_text().splitlines()
    assert cpr[1] == "JUAI,3300,2504,77.00"  # cpr_dilaporkan kept from the source transcription


def test_filled_workbook_writes_the_year(tahun_2025, capsys):
    akar, xlsx = tahun_2025
    isi_buku_kerja(xlsx)
    realisasi_lain = [b for b in (akar / "realisasi.csv").read_text().splitlines()
                      if ",2025," not in b]
    kode = cli.main(["--data", str(akar), "import", "2025", str(xlsx)])
    keluaran = capsys.readouterr().out
    assert kode == 0, keluaran
    assert "data/realisasi.csv" in keluaran and "lakip build 2025" in keluaran
    d = data.muat(2025, akar)
    assert d["realisasi"].satu(indikator="IKU1", tahun=2025)["realisasi"] == Decimal("74.6")
    assert {b["status_idm"] for b in d["desa"].baris} == {"Mandiri", "Maju", "Berkembang"}
    assert all(b["anggaran"] for b in d["anggaran"].baris if b["level"] == "subkegiatan")
    assert [b for b in (akar / "realisasi.csv").read_text().splitlines()
            if ",2025," not in b] == realisasi_lain  # other years stay as they were


def test_rows_left_empty_are_not_written(tahun_2025):
    akar, xlsx = tahun_2025
    _ubah(xlsx, "realisasi", 2, realisasi=74.6)
    buku_kerja.impor(2025, xlsx, akar)
    d = data.muat(2025, akar)
    assert [(b["indikator"], b["realisasi"]) for b in d["realisasi"].cari(tahun=2025)] == [
        ("IKU1", Decimal("74.6"))]
    assert d["pk_anggaran"].baris == []


def test_not_an_xlsx_is_refused(tahun_2025, tmp_path: Path, capsys):
    akar, _ = tahun_2025
    palsu = tmp_path / "isian.xlsx"
    palsu.write_text("kecamatan,desa\nJUAI,SIRAP\n", encoding="utf-8")
    laporan = _impor_gagal(akar, 2025, palsu, capsys)
    assert "isian.xlsx: berkas ini bukan buku kerja Excel (.xlsx)" in laporan


def test_missing_workbook_is_refused(tahun_2025, tmp_path: Path, capsys):
    akar, _ = tahun_2025
    laporan = _impor_gagal(akar, 2025, tmp_path / "tidak-ada.xlsx", capsys)
    assert "berkas ini tidak ditemukan" in laporan


def test_renamed_sheet_is_named_in_the_error(tahun_2025, capsys):
    akar, xlsx = tahun_2025
    wb = load_workbook(xlsx)
    wb["desa"].title = "Desa 2025"
    wb.save(xlsx)
    laporan = _impor_gagal(akar, 2025, xlsx, capsys)
    assert 'lembar "desa" tidak ada. Nama lembar tidak boleh diubah. Lembar "Desa 2025"' in laporan
    assert 'lembar "Desa 2025" tidak dikenal' in laporan


def test_text_in_a_number_cell_names_sheet_row_and_column(tahun_2025, capsys):
    akar, xlsx = tahun_2025
    _ubah(xlsx, "cpr_kecamatan", 3, pus="4.940 jiwa")
    laporan = _impor_gagal(akar, 2025, xlsx, capsys)
    assert ('lembar "cpr_kecamatan", baris 3, kolom "PUS (pasangan)": sel berisi teks "4.940 jiwa", '
            "bukan angka") in laporan
    assert laporan.count("baris 3, kolom") == 1  # one message per cell


def test_a_date_in_a_number_cell_is_explained(tahun_2025, capsys):
    akar, xlsx = tahun_2025
    _ubah(xlsx, "realisasi", 2, realisasi=datetime(2025, 7, 4))
    laporan = _impor_gagal(akar, 2025, xlsx, capsys)
    assert 'lembar "realisasi", baris 2, kolom "Realisasi (satuan indikator)": sel berisi tanggal' in laporan


def test_deleted_key_row_is_reported(tahun_2025, capsys):
    akar, xlsx = tahun_2025
    wb = load_workbook(xlsx)
    hilang = wb["desa"]["B3"].value
    wb["desa"].delete_rows(3)
    wb.save(xlsx)
    laporan = _impor_gagal(akar, 2025, xlsx, capsys)
    assert f'lembar "desa", kolom "Kecamatan, Desa": baris berkunci (kecamatan=JUAI, desa={hilang}) ' \
           "tidak ada lagi" in laporan


def test_changed_header_is_reported(tahun_2025, capsys):
    akar, xlsx = tahun_2025
    _ubah(xlsx, "anggaran", 1, anggaran="pagu")
    laporan = _impor_gagal(akar, 2025, xlsx, capsys)
    assert 'lembar "anggaran", baris 1: baris 1 harus berisi judul kolom' in laporan


def test_rule_errors_point_at_the_sheet(tahun_2025, capsys):
    akar, xlsx = tahun_2025
    _ubah(xlsx, "cpr_kecamatan", 2, pus=100, kb_aktif=250)
    laporan = _impor_gagal(akar, 2025, xlsx, capsys)
    assert ('lembar "cpr_kecamatan", baris 2, kolom "Peserta KB aktif (orang)": peserta KB '
            "aktif (250) melebihi jumlah PUS (100)") in laporan
    assert "Ditemukan 1 galat" in laporan


def test_every_problem_is_reported_at_once(tahun_2025, capsys):
    akar, xlsx = tahun_2025
    _ubah(xlsx, "cpr_kecamatan", 3, pus="banyak")
    _ubah(xlsx, "anggaran", 5, anggaran=-5)
    _ubah(xlsx, "target", 2, dasar="janji")
    _ubah(xlsx, "desa", 4, status_idm="Maju Sekali")
    laporan = _impor_gagal(akar, 2025, xlsx, capsys)
    assert 'lembar "desa", baris 4, kolom "Status IDM": nilai "Maju Sekali" tidak dikenal' in laporan
    assert "Ditemukan 4 galat" in laporan
    assert 'lembar "cpr_kecamatan", baris 3, kolom "PUS (pasangan)"' in laporan
    assert 'lembar "anggaran", baris 5, kolom "Anggaran (Rp)": nilai "-5" negatif' in laporan
    assert 'lembar "target", baris 2, kolom "Dasar target": nilai "janji" tidak dikenal' in laporan


def test_import_needs_the_scaffolded_year(salinan_data: Path, tmp_path: Path, capsys):
    xlsx = _template(salinan_data, 2024, tmp_path)
    kode = cli.main(["--data", str(salinan_data), "import", "2026", str(xlsx)])
    assert kode == 1 and "lakip new-year 2026" in capsys.readouterr().err


def test_idm_recap_is_counted_from_the_villages_not_typed(tahun_2025, capsys):
    akar, xlsx = tahun_2025
    assert "idm_status" not in load_workbook(xlsx).sheetnames  # one fact, typed once
    isi_buku_kerja(xlsx)
    buku_kerja.impor(2025, xlsx, akar)
    rekap = data.muat(2025, akar)["idm_status"].satu(tahun=2025)
    assert (rekap["mandiri"], rekap["maju"], rekap["berkembang"]) == (39, 76, 38)
    _ubah(xlsx, "desa", 3, status_idm=None)  # one village left blank: no recap rather than a wrong one
    hasil = buku_kerja.impor(2025, xlsx, akar)
    assert data.muat(2025, akar)["idm_status"].satu(tahun=2025) is None
    assert any('lembar "desa", kolom "Status IDM": Peringatan: rekap IDM tahun 2025 belum '
               "dihitung karena 1 desa belum berstatus: JUAI/" in str(m) for m in hasil.peringatan)


def test_edition_sheet_finalises_the_year_and_keeps_the_yaml_comments(tahun_2025):
    akar, xlsx = tahun_2025
    edisi = {b["isian"]: b["nilai"] for _, b in baris(load_workbook(xlsx)["edisi"])}
    assert edisi["label"] == "Draf" and edisi["status"] == "draf" and edisi["pagu_anggaran"] is None
    isi_buku_kerja(xlsx)
    tulis_narasi(akar / "2025")
    pagu = finalkan(xlsx, "Final, Januari 2026", date(2025, 2, 14))
    hasil = buku_kerja.impor(2025, xlsx, akar)
    assert "2025/edisi.yaml" in hasil.ditulis
    d = data.muat(2025, akar)
    assert (d.edisi.status, d.edisi.label, d.edisi.pagu_anggaran) == (
        "final", "Final, Januari 2026", pagu)
    assert d.edisi.perjanjian_kinerja.tanggal == date(2025, 2, 14)
    yaml = (akar / "2025" / "edisi.yaml").read_text()
    assert f"pagu_anggaran: {pagu}   # isi dengan pagu DPA" in yaml
    assert yaml.startswith("# Edisi tahun anggaran 2025")


def test_final_edition_with_a_wrong_pagu_points_at_the_edition_sheet(tahun_2025, capsys):
    akar, xlsx = tahun_2025
    isi_buku_kerja(xlsx)
    pagu = finalkan(xlsx, "Final, Januari 2026", date(2025, 2, 14))
    nomor = next(n for n, b in baris(load_workbook(xlsx)["edisi"]) if b["isian"] == "pagu_anggaran")
    _ubah(xlsx, "edisi", nomor, nilai=pagu + 1000)
    _ubah(xlsx, "edisi", 4, nilai="31 Januari 2026")
    laporan = _impor_gagal(akar, 2025, xlsx, capsys)
    assert f'lembar "edisi", baris {nomor}, kolom "nilai": pagu ' in laporan
    assert "selisih Rp1.000" in laporan
    assert 'lembar "edisi", baris 4, kolom "nilai": nilai "31 Januari 2026" bukan tanggal' in laporan


def test_a_final_edition_cannot_keep_narrative_placeholders(tahun_2025, capsys):
    akar, xlsx = tahun_2025
    isi_buku_kerja(xlsx)
    finalkan(xlsx, "Final, Januari 2026", date(2025, 2, 14))
    laporan = _impor_gagal(akar, 2025, xlsx, capsys)
    assert ("data/2025/narasi/S1.md: 4 bagian masih berisi petunjuk pengisian; ganti dengan "
            "uraian Anda sebelum edisi berstatus final.") in laporan


def test_ratio_counts_round_trip_through_the_workbook(tmp_path: Path, capsys):
    """The fixture agency's ratio indicator (AKB, rumus `rasio`): the template asks this year's
    counts on the sheet its kind declares; a zero denominator is refused at its sheet, row and
    column; a changed count rewrites only that year's row of rasio.csv."""
    akar = tmp_path / "instansi_contoh"
    shutil.copytree(Path(__file__).resolve().parent / "fixtures" / "instansi_contoh", akar)
    xlsx = _template(akar, 2026, tmp_path)
    ws = load_workbook(xlsx)["rasio"]
    assert [c.value for c in ws[1]] == [
        "Kode indikator", "Nama indikator", "Satuan", "Tahun",
        "Pembilang (jumlah, misalnya kematian bayi)", "Penyebut (jumlah, misalnya kelahiran hidup)"]
    ((nomor, b),) = baris(ws)
    assert (b["indikator"], b["nama_indikator"], b["tahun"], b["pembilang"], b["penyebut"]) == (
        "AKB", "Angka Kematian Bayi", 2026, 127, 9137)
    _ubah(xlsx, "rasio", nomor, penyebut=0)
    assert ('lembar "rasio", baris 2, kolom "Penyebut (jumlah, misalnya kelahiran hidup)": '
            "penyebut AKB tahun 2026 bernilai 0") in _impor_gagal(akar, 2026, xlsx, capsys)
    sebelum = (akar / "rasio.csv").read_text(encoding="utf-8").splitlines()
    _ubah(xlsx, "rasio", nomor, penyebut=9200)
    assert cli.main(["--data", str(akar), "import", "2026", str(xlsx)]) == 0
    assert "1 berkas diperbarui" in capsys.readouterr().out
    assert (akar / "rasio.csv").read_text(encoding="utf-8").splitlines() == [
        *sebelum[:-1], "AKB,2026,127,9200"]
