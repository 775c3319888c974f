"""Every January, end to end, the way an analyst does it: new-year → template → fill the workbook
in "Excel" → import → build both years; the published 2024 edition is not touched."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from lakip_lib import build, cli, data, situs_terbit

from .browser import peramban, server
from .halaman import teks
from .isian import finalkan, isi_buku_kerja, isi_sel, tulis_narasi


def _isi(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def test_every_january(salinan_data: Path, tmp_path: Path, capsys):
    """The analyst's January, with the slips the issue saw, each answered by a message."""
    build = tmp_path / "_build"

    def lakip(*argumen: str, kode: int = 0) -> str:
        hasil = cli.main(["--data", str(salinan_data), *argumen])
        keluaran = capsys.readouterr()
        assert hasil == kode, keluaran.err + keluaran.out
        return keluaran.out + keluaran.err

    lakip("build", "2024", "--output", str(build))
    situs = build / "site"
    terbit_2024 = _isi(situs / "2024")

    assert "lalu lakip import 2025 lakip-isian-2025.xlsx" in lakip("new-year", "2025")
    tulis_narasi(salinan_data / "2025", "Layanan pengaduan kini buka setiap hari di tiap kecamatan.")
    xlsx = tmp_path / "isian-2025.xlsx"
    lakip("template", "2025", "--output", str(xlsx))
    wb = load_workbook(xlsx)
    assert "idm_status" not in wb.sheetnames and "pembanding" in wb.sheetnames  # 3, 5
    isi_buku_kerja(xlsx)
    idg = isi_sel(xlsx, "realisasi", {"indikator": "IKU1"}, realisasi="74,12")  # 7: text, comma
    cpr = isi_sel(xlsx, "target", {"indikator": "CPR"}, target=0.772)  # 4: a percentage slip
    isi_sel(xlsx, "pembanding", {"indikator": "IKU1", "wilayah": "Kabupaten Tabalong"}, nilai=73.1)

    tolak = lakip("import", "2025", str(xlsx), kode=1)
    assert (f'lembar "realisasi", baris {idg}, kolom "Realisasi (satuan indikator)": sel berisi '
            'teks "74,12": koma desimal tidak dibaca sebagai angka') in tolak
    isi_sel(xlsx, "realisasi", {"indikator": "IKU1"}, realisasi=0.7412)  # 4: the % slip instead
    draf = lakip("import", "2025", str(xlsx))
    assert "nilai 0,7412 sekitar 99 kali lebih kecil daripada 73,27" in draf
    assert "nilai 0,772 sekitar 100 kali lebih kecil daripada 76,9" in draf

    isi_sel(xlsx, "realisasi", {"indikator": "IKU3"}, realisasi=None)  # 1: not known after all
    kosong = lakip("import", "2025", str(xlsx))
    assert 'nilai "2,29" yang sudah diimpor sebelumnya dikosongkan (indikator=IKU3' in kosong

    isi_sel(xlsx, "realisasi", {"indikator": "IKU3"}, realisasi=2.29)
    finalkan(xlsx, "Final, Januari 2026", date(2025, 2, 14))
    (salinan_data / "2025" / "narasi" / "S2.md").write_text(
        "## Konteks\n\nKasus turun menjadi 12 berkat layanan baru.\n", encoding="utf-8")
    final = lakip("import", "2025", str(xlsx), kode=1)
    assert f'lembar "realisasi", baris {idg}, kolom "Realisasi (satuan indikator)": nilai 0,7412' \
        in final
    assert f'lembar "target", baris {cpr}, kolom "Target (satuan indikator)": nilai 0,772' in final
    assert 'data/2025/narasi/S2.md, baris 3: uraian memuat angka "12"' in final
    isi_sel(xlsx, "realisasi", {"indikator": "IKU1"}, realisasi=74.6)
    isi_sel(xlsx, "target", {"indikator": "CPR"}, target=77.2)
    (salinan_data / "2025" / "narasi" / "S2.md").write_text(
        "## Konteks\n\nKasus turun berkat layanan baru.\n", encoding="utf-8")
    impor = lakip("import", "2025", str(xlsx))
    assert "Berikutnya: lakip build 2025, periksa hasilnya, lalu terbitkan dengan lakip" in impor

    # The trend tables still show the years the source never had: refused until confirmed.
    tolak = lakip("build", "2024", "2025", "--output", str(build), kode=1)
    assert re.search(r'Edisi final 2025 ditolak: \d+ halaman masih mencetak "belum tersedia": ',
                     tolak)
    assert "sasaran_s2.html (" in tolak and "IKU2.realisasi.2021" in tolak
    assert "isian konfirmasi_belum_tersedia" in tolak
    assert not (situs / "2025").exists()
    isi_sel(xlsx, "edisi", {"isian": "konfirmasi_belum_tersedia"},
            nilai="Realisasi IKU2 dan IKU3 tahun 2021–2023 tidak tercatat di sumber mana pun.")
    lakip("import", "2025", str(xlsx))

    keluaran = lakip("build", "2024", "2025", "--output", str(build))
    assert "Selesai: edisi 2024 (0 notebook dijalankan" in keluaran
    assert re.search(r"; \d+,\d detik\.", keluaran)  # 7: Indonesian decimal comma
    assert _isi(situs / "2024") == terbit_2024
    assert (situs / "2025" / "LAKIP-2025-DP3AP2KB-PMD.pdf").stat().st_size > 100_000
    edisi = json.loads((situs / "editions.json").read_text())
    assert [e["tahun"] for e in edisi] == [2025, 2024]
    assert 'url=2025/index.html"' in (situs / "index.html").read_text()
    for path in (situs / "2025").glob("*.html"):  # no signed 2025 report: nothing to correct
        assert "lakip-koreksi" not in path.read_text(encoding="utf-8"), path.name

    s1 = teks(situs / "2025" / "sasaran_s1.html")
    assert ("Realisasi Indeks Pemberdayaan Gender (IDG) naik 2 (dua) tahun berturut-turut "
            "setelah turun pada tahun 2023: dari 70,03 menjadi 74,60 pada tahun 2025. Tahun ini "
            "saja angkanya naik 1,33 poin (1,82%) dari tahun 2024") in s1
    assert "74,60" in s1 and "belum tersedia" not in s1
    assert ("lebih tinggi daripada Kabupaten Tabalong dan lebih rendah daripada Kabupaten Hulu "
            "Sungai Tengah. Angka Kabupaten Hulu Sungai Tengah adalah data tahun 2024") in s1  # 5
    s3 = teks(situs / "2025" / "sasaran_s3.html")
    assert "Dibandingkan tahun 2024 (2,31" in s3 and "sehingga kinerjanya membaik (indikator " \
                                                     "ini makin baik bila makin rendah)" in s3

    with server(situs) as url, peramban() as b:  # 6: served, and opened from disk as the CLI says
        for akar in (url, situs.resolve().as_uri()):
            page = b.new_page()
            page.goto(f"{akar}/2025/ikhtisar.html")
            pilih = page.locator("select.lakip-pilih-edisi")
            pilih.wait_for(timeout=10_000)
            assert pilih.locator("option").all_inner_texts() == [
                "Edisi 2025 (Final, Januari 2026)", "Edisi 2024 (Final, Januari 2025)"]
            pilih.select_option(label="Edisi 2024 (Final, Januari 2025)")
            page.wait_for_url(f"{akar}/2024/ikhtisar.html", timeout=10_000)
            page.close()


def _terbit(situs: Path, tahun: int, status: str) -> None:
    (situs / str(tahun)).mkdir(parents=True)
    (situs / str(tahun) / build.STEMPEL).write_text(json.dumps(
        {"tahun": tahun, "kunci": "x", "label": f"Label {tahun}", "status": status}))


def test_root_prefers_the_latest_final_edition(tmp_path: Path):
    _terbit(tmp_path, 2024, "final")
    _terbit(tmp_path, 2025, "draf")
    situs_terbit.tulis_indeks(tmp_path)
    assert 'url=2024/index.html"' in (tmp_path / "index.html").read_text()
    _terbit(tmp_path, 2026, "final")
    situs_terbit.tulis_indeks(tmp_path)
    assert 'url=2026/index.html"' in (tmp_path / "index.html").read_text()
    edisi = json.loads((tmp_path / "editions.json").read_text())
    assert [(e["tahun"], e["status"]) for e in edisi] == [(2026, "final"), (2025, "draf"),
                                                         (2024, "final")]


def test_root_goes_to_a_draft_when_nothing_is_final_yet(tmp_path: Path):
    _terbit(tmp_path, 2025, "draf")
    situs_terbit.tulis_indeks(tmp_path)
    assert 'url=2025/index.html"' in (tmp_path / "index.html").read_text()


def test_an_edition_ignores_later_years_rows(salinan_data: Path):
    realisasi = salinan_data / "realisasi.csv"
    asli = realisasi.read_bytes()
    realisasi.write_bytes(asli + b"IKU1,2025,80.5,\n")
    d = data.muat(2024, salinan_data)
    assert [b["tahun"] for b in d["realisasi"].cari(indikator="IKU1")] == [2021, 2022, 2023, 2024]
    assert data.isi_edisi(salinan_data, "realisasi.csv", 2024) == asli
    assert data.isi_edisi(salinan_data, "realisasi.csv", 2025) == asli + b"IKU1,2025,80.5,\n"
