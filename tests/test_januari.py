"""Every January without a programmer (issue 16): each point where an analyst got stuck or misled,
played on a scaffolded 2025 through `lakip` as the analyst runs it (no build needed here; the
end-to-end flow with the build is tests/test_setiap_januari.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from lakip_lib import book, cli, data

from .isian import baris, finalkan, isi_sel, tahun_terisi, tulis, tulis_narasi
from .test_buku_kerja import _impor_gagal, _template


@pytest.fixture
def isian_2025(salinan_data: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A scaffolded draft 2025 and its template, filled in as an analyst would."""
    return salinan_data, tahun_terisi(salinan_data, tmp_path)


def _impor(akar: Path, xlsx: Path, capsys) -> str:
    kode = cli.main(["--data", str(akar), "import", "2025", str(xlsx)])
    keluaran = capsys.readouterr()
    assert kode == 0, keluaran.err
    return keluaran.out


# 1. Empty means "not yet" -----------------------------------------------------------------------

def test_emptying_imported_values_removes_them_and_says_what_is_missing(isian_2025, capsys):
    akar, xlsx = isian_2025
    _impor(akar, xlsx, capsys)
    iku3 = isi_sel(xlsx, "realisasi", {"indikator": "IKU3"}, realisasi=None)
    anak = isi_sel(xlsx, "kasus_kekerasan", {"kelompok": "anak"}, jumlah=None)
    pk = isi_sel(xlsx, "pk_anggaran", {"sasaran": "S2"}, anggaran=None)
    cpr = isi_sel(xlsx, "target", {"indikator": "CPR"}, target=None)
    keluaran = _impor(akar, xlsx, capsys)
    assert (f'lembar "realisasi", baris {iku3}, kolom "Realisasi (satuan indikator)": Peringatan: '
            'nilai "2,29" yang sudah diimpor sebelumnya dikosongkan (indikator=IKU3, '
            "tahun=2025); nilai itu dihapus dan kini belum tersedia.") in keluaran
    assert f'lembar "kasus_kekerasan", baris {anak}, kolom "Jumlah kasus (kasus)"' in keluaran
    assert f'lembar "pk_anggaran", baris {pk}, kolom "Anggaran (Rp)"' in keluaran
    assert f'lembar "target", baris {cpr}, kolom "Target (satuan indikator)"' in keluaran
    d = data.muat(2025, akar)
    assert d["realisasi"].satu(indikator="IKU3", tahun=2025) is None
    assert d["kasus_kekerasan"].satu(tahun=2025, kelompok="anak") is None
    assert d["pk_anggaran"].satu(sasaran="S2") is None and d["target"].satu(indikator="CPR") is None


# 2. Nothing derived is asked for ---------------------------------------------------------------

def test_computed_figures_are_locked_grey_and_not_asked_for(isian_2025):
    _, xlsx = isian_2025
    ws = load_workbook(xlsx)["anggaran"]
    (nomor, p01), = [(n, b) for n, b in baris(ws) if b["kode"] == "P01"]
    total = ws.cell(row=nomor, column=5)
    assert ws.cell(row=1, column=5).value == "Anggaran (Rp)"
    assert total.protection.locked and total.fill.fgColor.rgb.endswith("E7E6E6")
    assert p01["anggaran"] is None  # the total is computed from the rows under it
    sub = next(n for n, b in baris(ws) if b["level"] == "subkegiatan")
    assert not ws.cell(row=sub, column=5).protection.locked
    ws = load_workbook(xlsx)["efisiensi"]  # a capaian the book computes is not asked for either
    (cpr, b), = [(n, b) for n, b in baris(ws) if b["kode_indikator"] == "CPR"]
    assert b["capaian_kinerja"] is None and ws.cell(row=cpr, column=4).protection.locked
    lain = next(n for n, b in baris(ws) if not b["kode_indikator"])
    assert not ws.cell(row=lain, column=4).protection.locked


# 3. One fact, typed once: tests/test_buku_kerja.py::test_idm_recap_is_counted_from_the_villages_not_typed

# 4. Plausibility -------------------------------------------------------------------------------

def test_implausible_values_warn_in_a_draft_and_stop_a_final_unless_confirmed(isian_2025, capsys):
    akar, xlsx = isian_2025
    idg = isi_sel(xlsx, "realisasi", {"indikator": "IKU1"}, realisasi=0.7412)  # typed 74,12 as %
    cpr = isi_sel(xlsx, "target", {"indikator": "CPR"}, target=0.772)
    keluaran = _impor(akar, xlsx, capsys)
    assert (f'lembar "realisasi", baris {idg}, kolom "Realisasi (satuan indikator)": Peringatan: '
            "nilai 0,7412 sekitar 99 kali lebih kecil daripada 73,27 (realisasi tahun 2024); "
            "mungkin salah satuan, misalnya persen yang diketik sebagai pecahan (0,7412 untuk "
            "74,12). Bila angka ini memang benar, "
            "tulis alasannya di kolom konfirmasi.") in keluaran
    assert (f'lembar "target", baris {cpr}, kolom "Target (satuan indikator)": Peringatan: nilai '
            "0,772 sekitar 100 kali lebih kecil daripada 76,9 (target tahun 2024)") in keluaran

    tulis_narasi(akar / "2025")
    finalkan(xlsx, "Final, Januari 2026", date(2025, 2, 14))
    laporan = _impor_gagal(akar, 2025, xlsx, capsys)
    assert f'lembar "realisasi", baris {idg}, kolom "Realisasi (satuan indikator)": nilai 0,7412' \
           in laporan and "Ditemukan 2 galat" in laporan
    isi_sel(xlsx, "realisasi", {"indikator": "IKU1"}, realisasi=74.12)
    isi_sel(xlsx, "target", {"indikator": "CPR"},
         konfirmasi="Target PK memang 0,772 (angka pecahan), sudah dicek dengan Bappeda.")
    _impor(akar, xlsx, capsys)
    assert data.muat(2025, akar)["konfirmasi"].baris == [
        {"tabel": "target", "kunci": "CPR",
         "alasan": "Target PK memang 0,772 (angka pecahan), sudah dicek dengan Bappeda."}]
    (xlsx.parent / "baru").mkdir()
    target = dict(baris(load_workbook(_template(akar, 2025, xlsx.parent / "baru"))["target"]))
    assert target[cpr]["konfirmasi"].startswith("Target PK memang")  # the next template keeps it
    assert (target[cpr]["nama_indikator"], target[cpr]["satuan_indikator"]) == (
        "Contraceptive Prevalence Rate (CPR)", "%")  # what the code means, and its unit


def test_a_percentage_outside_0_to_100_and_a_count_dropping_to_zero_are_flagged(isian_2025,
                                                                                capsys):
    akar, xlsx = isian_2025
    isi_sel(xlsx, "target", {"indikator": "CPR"}, target=772)
    isi_sel(xlsx, "kasus_kekerasan", {"kelompok": "anak"}, jumlah=0)
    keluaran = _impor(akar, xlsx, capsys)
    assert "nilai 772 berada di luar 0–100 padahal satuannya persen." in keluaran
    assert "nilai turun menjadi 0 dari 13 (jumlah kasus anak tahun 2024)." in keluaran


# 5. Comparison data ----------------------------------------------------------------------------

def test_comparison_data_has_a_sheet_and_the_book_states_its_year(isian_2025, capsys):
    akar, xlsx = isian_2025
    pembanding = {(b["indikator"], b["wilayah"]): b
                  for _, b in baris(load_workbook(xlsx)["pembanding"])}
    tabalong = pembanding[("IKU1", "Kabupaten Tabalong")]
    assert (tabalong["tahun"], tabalong["nilai"], tabalong["satuan"]) == (2025, None, "indeks")
    isi_sel(xlsx, "pembanding", {"wilayah": "Kabupaten Tabalong", "indikator": "IKU1"}, nilai=73.1)
    _impor(akar, xlsx, capsys)
    teks = " ".join(o.markdown for o in book.bab3_sasaran.Sasaran(data.muat(2025, akar), "S1").pembanding()
                    if hasattr(o, "markdown"))
    assert ("lebih tinggi daripada Kabupaten Tabalong dan lebih rendah daripada Kabupaten Hulu "
            "Sungai Tengah. Angka Kabupaten Hulu Sungai Tengah adalah data tahun 2024, tahun "
            "terakhir yang tersedia.") in teks


# 7. Smaller points -----------------------------------------------------------------------------

def test_a_workbook_of_another_year_is_named_as_such(isian_2025, capsys):
    akar, xlsx = isian_2025
    laporan = _impor_gagal(akar, 2024, xlsx, capsys)
    assert ("buku kerja ini dibuat untuk tahun 2025, bukan 2024. Impor dengan: lakip import 2025 "
            "isian-2025.xlsx") in laporan
    assert "baris berkunci" not in laporan


def test_decimal_comma_text_and_empty_choices_are_explained(isian_2025, capsys):
    akar, xlsx = isian_2025
    idg = isi_sel(xlsx, "realisasi", {"indikator": "IKU1"}, realisasi="74,6")
    ipk = isi_sel(xlsx, "target", {"indikator": "PKA"}, dasar=None)
    laporan = _impor_gagal(akar, 2025, xlsx, capsys)
    assert (f'baris {idg}, kolom "Realisasi (satuan indikator)": sel berisi teks "74,6": koma '
            "desimal tidak dibaca sebagai angka oleh Excel di komputer ini (pemisah desimalnya "
            "titik). Ketik 74.6") in laporan
    assert (f'lembar "target", baris {ipk}, kolom "Dasar target": sel kosong, padahal wajib diisi '
            "(pilih salah satu: pk, renstra, renja).") in laporan


def test_a_duplicate_key_points_at_rows_the_analyst_can_find(isian_2025, capsys):
    akar, xlsx = isian_2025
    wb = load_workbook(xlsx)
    ws = wb["realisasi"]
    iku1 = next(n for n, b in baris(ws) if b["indikator"] == "IKU1")
    akhir = max(n for n, _ in baris(ws))
    for i, (indikator, tahun) in enumerate((("IKU1", 2025), ("IKU1", 2024)), start=1):
        tulis(ws, akhir + i, {"indikator": indikator, "tahun": tahun, "realisasi": 70})
    wb.save(xlsx)
    laporan = _impor_gagal(akar, 2025, xlsx, capsys)
    assert (f'lembar "realisasi", baris {akhir + 1}, kolom "Kode indikator, Tahun": baris ganda: '
            f"kunci (indikator=IKU1, tahun=2025) sudah dipakai di baris {iku1} lembar ini.") \
        in laporan
    assert (f'lembar "realisasi", baris {akhir + 2}, kolom "Kode indikator, Tahun": baris ganda: '
            "kunci (indikator=IKU1, tahun=2024) sudah dipakai di data/realisasi.csv baris 5 "
            "(tahun lain, tidak ada di lembar ini).") in laporan


def test_every_column_says_what_to_type_when_selected(isian_2025):
    _, xlsx = isian_2025
    wb = load_workbook(xlsx)
    for lembar in ("realisasi", "desa", "anggaran", "pembanding"):
        ws = wb[lembar]
        kolom = {str(v.sqref).split(":")[0][0] for v in ws.data_validations.dataValidation
                 if v.showInputMessage and v.prompt}
        assert len(kolom) == ws.max_column, lembar
    petunjuk = "\n".join(str(c.value) for c in wb["Petunjuk"]["A"] if c.value)
    assert "wajib" not in petunjuk and "tabel_sumber" not in petunjuk


def test_a_final_edition_needs_pk_targets_and_narratives_without_figures(isian_2025, capsys):
    akar, xlsx = isian_2025
    tulis_narasi(akar / "2025", "Capaian naik menjadi 74,6 berkat Perda Nomor 6 Tahun 2014.")
    finalkan(xlsx, "Final, Januari 2026", date(2025, 2, 14))
    nomor = isi_sel(xlsx, "target", {"indikator": "IKU2"}, dasar="renstra")
    laporan = _impor_gagal(akar, 2025, xlsx, capsys)
    assert (f'lembar "target", baris {nomor}, kolom "Dasar target": target IKU IKU2 masih dari '
            "Renstra; edisi final memakai target Perjanjian Kinerja") in laporan
    assert ('data/2025/narasi/S1.md, baris 3: uraian memuat angka "74,6". Angka dihitung dari data '
            "dan ditampilkan buku; tulis uraian tanpa angka (tahun dan nomor peraturan boleh).") \
        in laporan


def test_a_draft_says_its_targets_are_still_the_renstras(isian_2025, capsys):
    akar, xlsx = isian_2025
    _impor(akar, xlsx, capsys)
    teks = book.ikhtisar.Ikhtisar(data.muat(2025, akar)).iku()[0].markdown
    assert "Perjanjian Kinerja tahun 2025 belum ditandatangani: target indikator kinerja utama " \
           "yang ditampilkan masih target Renstra dan bersifat sementara." in teks
    assert "Perjanjian Kinerja tahun 2025 memuat" not in teks


def test_audit_of_a_year_without_a_source_document_reports_nothing_of_2024(isian_2025, capsys):
    akar, _ = isian_2025
    assert cli.main(["--data", str(akar), "audit", "2025"]) == 0
    keluaran = capsys.readouterr().out
    assert keluaran.startswith("Tahun 2025 belum memiliki dokumen sumber yang ditranskripsi")
    assert "2018" not in keluaran


def test_new_year_points_to_the_workbook(salinan_data: Path, capsys):
    assert cli.main(["--data", str(salinan_data), "new-year", "2025"]) == 0
    assert capsys.readouterr().out.rstrip().endswith(
        "Berikutnya: lakip template 2025 (buku kerja Excel untuk mengisinya), lalu lakip import "
        "2025 lakip-isian-2025.xlsx, lalu lakip build 2025")
    assert ('Isinya: hal yang menghambat, atau yang membuat realisasi belum mencapai target. '
            'Contoh: bagian "Hambatan" di data/2024/narasi/S1.md.') in \
        (salinan_data / "2025" / "narasi" / "S1.md").read_text()
