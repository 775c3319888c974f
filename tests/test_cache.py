"""The build cache is correct: a changed input re-executes exactly the notebooks that read it."""

from __future__ import annotations

import csv
import json
import random
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from lakip_lib import build, cache, data_tahun, eksekusi_notebook, langkah_build
from lakip_lib.data import muat
from lakip_lib.dataset import Dataset, Tipe
from lakip_lib.masalah import ValidasiGagal
from lakip_lib.schema import DATASETS

from .conftest import DATA, beda, isi_edisi, sel, ubah_sel
from .tahun_kecil import TahunKecil


def bangun(data: Path, folder: Path, **kw: object) -> build.HasilBuild:
    return build.bangun(2024, data, folder, lapor=lambda _: None, dengan_pdf=False, **kw)


def dijalankan(hasil: build.HasilBuild) -> set[str]:
    return set(hasil.eksekusi.waktu)


def pembaca(folder: Path, berkas: str) -> set[str]:
    """Notebooks whose recorded reads include a data file (from the cache's own records)."""
    hasil = set()
    for meta in (folder / "cache" / "eksekusi" / "2024").glob("*.json"):
        if any(path.startswith(berkas) for path, _ in json.loads(meta.read_text())["dibaca"]):
            hasil.add(meta.stem)
    return hasil


@pytest.fixture(scope="module")
def pertama(tmp_path_factory: pytest.TempPathFactory):
    """A copy of the shipped data and its first build, made once per module and never changed."""
    akar = tmp_path_factory.mktemp("cache")
    data = akar / "data"
    shutil.copytree(DATA, data)
    folder = akar / "_build"
    hasil = bangun(data, folder)
    return data, folder, hasil


@pytest.fixture
def awal(pertama, tmp_path: Path):
    """This test's own copy of the data and of its first build (cache included): what one test
    changes, no other test sees, so each passes alone and in any order."""
    data, folder, hasil = pertama
    shutil.copytree(data, tmp_path / "data", symlinks=True)
    shutil.copytree(folder, tmp_path / "_build", symlinks=True)
    return tmp_path / "data", tmp_path / "_build", hasil


def test_first_build_executes_every_notebook(awal):
    _, _, hasil = awal
    assert len(dijalankan(hasil)) == 13 and hasil.eksekusi.dari_cache == []  # 12 + the review


def test_unchanged_inputs_execute_nothing_and_keep_the_edition(awal):
    data, folder, _ = awal
    situs = folder / "site" / "2024" / "sampul.html"
    sebelum = situs.stat().st_mtime_ns
    hasil = bangun(data, folder)
    assert dijalankan(hasil) == set() and hasil.notebook == []
    assert situs.stat().st_mtime_ns == sebelum


def test_changed_data_file_reexecutes_only_its_readers(awal):
    """Its readers, and pages whose audit corrections it changes (their marks cite the Lampiran's
    finding numbers, which a new or vanished finding shifts)."""
    data, folder, _ = awal
    berkas = data / "2024" / "cpr_kecamatan.csv"
    harapan = pembaca(folder, "2024/cpr_kecamatan.csv") | pembaca(folder, data_tahun.TURUNAN)
    assert "sasaran_s3" in harapan and "sampul" not in harapan
    ubah_sel(berkas, 2, "kb_aktif", str(int(sel(berkas, 2, "kb_aktif")) + 1))
    hasil = bangun(data, folder)
    assert "sasaran_s3" in dijalankan(hasil) and dijalankan(hasil) <= harapan
    assert "2.505" in (folder / "site" / "2024" / "sasaran_s3.html").read_text()


def test_changed_narrative_reexecutes_only_its_sasaran(awal):
    """Not the review either: it walks every part of the edition for figures printed
    differently but shows no narrative, so it reads none (it re-ran for nothing before)."""
    data, folder, _ = awal
    narasi = data / "2024" / "narasi" / "S2.md"
    narasi.write_text(narasi.read_text() + "\nKalimat tambahan untuk uji cache.\n")
    hasil = bangun(data, folder)
    assert dijalankan(hasil) == {"sasaran_s2"} and hasil.eksekusi.sia_sia == []
    assert "Kalimat tambahan untuk uji cache." in (folder / "site" / "2024" / "sasaran_s2.html"
                                                   ).read_text()


def test_corrupt_cache_entry_is_detected_and_rebuilt(awal):
    data, folder, _ = awal
    entri = folder / "cache" / "eksekusi" / "2024" / "ikhtisar.ipynb"
    entri.write_text(entri.read_text()[:100])
    (folder / "site" / "2024" / build.STEMPEL).unlink()
    hasil = bangun(data, folder)
    assert dijalankan(hasil) == {"ikhtisar"}
    assert len(json.loads(entri.read_text())["cells"]) > 3


def test_force_executes_everything(awal):
    data, folder, _ = awal
    assert len(dijalankan(bangun(data, folder, paksa=True))) == 13


def test_changed_idg_2024_reexecutes_only_the_pages_that_show_or_aggregate_it(awal):
    """The cache is keyed on the rows a notebook read, not on whole files: realisasi.csv is read
    by most notebooks, but IKU1's 2024 row only by the pages that show IDG 2024 or a figure made
    from it (summary, IKU chapter, its sasaran, Bab I's aspects); the cover, Bab II, the budget
    chapter and the other sasaran are kept. So are Bab IV, whose verdict shows the overall
    capaian rounded (79,97% at 73,31 and at 73,32), and the Lampiran, which shows IDG's target
    and how many rows realisasi.csv has, not its value: no page re-runs for nothing."""
    data, folder, _ = awal
    berkas = data / "realisasi.csv"
    baris = next(i for i, b in enumerate(berkas.read_text().splitlines(), start=1)
                 if b.startswith("IKU1,2024,"))
    ubah_sel(berkas, baris, "realisasi", "73.31")  # the first change also adds a finding
    bangun(data, folder)  # (renumbering the Lampiran findings other pages' marks cite)
    ubah_sel(berkas, baris, "realisasi", "73.32")
    hasil = bangun(data, folder)
    assert {"ikhtisar", "bab3_capaian", "sasaran_s1"} <= dijalankan(hasil)
    assert dijalankan(hasil).isdisjoint({"sampul", "bab2_perencanaan", "bab3_anggaran",
                                         "sasaran_s2", "sasaran_s3", "sasaran_s4",
                                         "bab4_penutup", "lampiran"})
    assert hasil.eksekusi.sia_sia == []
    for halaman in ("sasaran_s1", "bab3_capaian"):
        assert "73,32" in (folder / "site" / "2024" / f"{halaman}.html").read_text(), halaman
    assert "79,97%" in (folder / "site" / "2024" / "bab4_penutup.html").read_text()


def halaman(data: Path, nama: str, dibaca: list[tuple[str, str]] | None = None
            ) -> tuple[list[object], str, list[tuple[str, str]]]:
    """What page `nama` shows of the year in `data` (each display object as Jupyter formats
    it), its cache key over `dibaca` (default: the reads it makes now, as a first build keys
    it), and those reads: the page's methods called in process, no notebook executed."""
    from IPython.core.formatters import DisplayFormatter

    from lakip_lib.book import TURUNAN, susunan

    d = muat(2024, data)
    t = next(t for t in eksekusi_notebook.rencana_eksekusi(d) if t.berkas == nama)
    salinan = d.salinan()
    butir = [v for k, v in t.parameter.items() if k != "tahun"]  # a sasaran page's code
    bagian = susunan.bagian(t.notebook, 2024, *butir, dimuat=salinan)
    tampil = [DisplayFormatter().format(o)[0] for m in bagian.metode_blok()
              for o in getattr(bagian, m)()]
    dibaca = sorted(salinan.dibaca) if dibaca is None else dibaca
    kunci = cache.kunci_eksekusi(langkah_build.NOTEBOOKS / f"{t.notebook}.ipynb", t.parameter,
                                 t.judul, dibaca, d, TURUNAN)
    return tampil, kunci, dibaca


def _realisasi_iku1(data: Path, nilai: str) -> None:
    berkas = data / "realisasi.csv"
    ubah_sel(berkas, next(i for i, b in enumerate(berkas.read_text().splitlines(), start=1)
                          if b.startswith("IKU1,2024,")), "realisasi", nilai)


def _rupiah_lebih(data: Path) -> None:
    """One rupiah more spent on a sub kegiatan of Sasaran 4 (row 72 of the budget)."""
    berkas = data / "2024" / "anggaran.csv"
    ubah_sel(berkas, 72, "realisasi", str(int(sel(berkas, 72, "realisasi")) + 1))


def _hapus_baris_terakhir(data: Path, path: str) -> None:
    berkas = data / path
    berkas.write_text("".join(berkas.read_text().splitlines(keepends=True)[:-1]))


@pytest.mark.parametrize(("nama", "ubah", "tampil_sama"), [
    # IDG 2024 73,27 → 73,26: the overall capaian 79,9546… → 79,9512… (79,95% both)
    pytest.param("bab4_penutup", lambda data: _realisasi_iku1(data, "73.26"), True,
                 id="bab4-same-rounded-verdict"),
    pytest.param("lampiran", lambda data: _realisasi_iku1(data, "73.26"), True,
                 id="lampiran-a-realisasi"),
    # → 73,28: 79,9580… shows as 79,96%: the page keyed on its rounded text re-runs
    pytest.param("bab4_penutup", lambda data: _realisasi_iku1(data, "73.28"), False,
                 id="bab4-rounded-verdict-moves"),
    # IDG missing its target by far: the verdict and the IKU met change
    pytest.param("bab4_penutup", lambda data: _realisasi_iku1(data, "30"), False,
                 id="bab4-target-missed"),
    pytest.param("lampiran", lambda data: ubah_sel(data / "2024" / "target.csv", 2, "target",
                                                   "75"), False, id="lampiran-a-target"),
    # a row fewer: the Lampiran counts the rows of every data file
    pytest.param("lampiran", lambda data: _hapus_baris_terakhir(data, "pembanding.csv"), False,
                 id="lampiran-a-row-count"),
    # 2023's cases of violence against children, 7 → 8: IKU2's (Sasaran 2) realisasi moves;
    # Sasaran 1's page numbers its charts by whether IKU2 has a realisasi, not by its value
    pytest.param("sasaran_s1", lambda data: ubah_sel(data / "kasus_kekerasan.csv", 3, "jumlah",
                                                     "8"), True, id="s1-another-kinds-parts"),
    pytest.param("sasaran_s2", lambda data: ubah_sel(data / "kasus_kekerasan.csv", 3, "jumlah",
                                                     "8"), False, id="s2-its-iku-parts"),
    # a rupiah more spent on a sub kegiatan of Sasaran 4: its page shows its exact totals; the
    # other sasaran show theirs, Bab IV the absorption rounded (unchanged)
    pytest.param("sasaran_s4", lambda data: _rupiah_lebih(data), False, id="s4-its-budget"),
    pytest.param("sasaran_s1", lambda data: _rupiah_lebih(data), True, id="s1-another-budget"),
    pytest.param("bab4_penutup", lambda data: _rupiah_lebih(data), True,
                 id="bab4-same-rounded-absorption"),
    # IDG's target: Bab I's aspects show its realisasi only
    pytest.param("bab1_pendahuluan", lambda data: ubah_sel(data / "2024" / "target.csv", 2,
                                                           "target", "74.05"), True,
                 id="bab1-a-target-it-does-not-show"),
    # a programme row's target Bab III's budget chapter and Bab I do not show
    pytest.param("bab3_anggaran", lambda data: ubah_sel(data / "2024" / "program_kinerja.csv", 17,
                                                        "target", "2"), True,
                 id="bab3-anggaran-a-programme-row-it-does-not-show"),
    pytest.param("bab1_pendahuluan", lambda data: ubah_sel(
        data / "2024" / "program_kinerja.csv", 17, "target", "2"), True,
                 id="bab1-a-programme-row-it-does-not-show"),
    # Bab I's aspects are keyed on the text of each condition: CPR from one more KB user in one
    # kecamatan rounds the same, ASFR's capaian shows no decimals of its own; IDG's realisasi shows
    pytest.param("bab1_pendahuluan", lambda data: ubah_sel(data / "2024" / "cpr_kecamatan.csv", 2,
                                                           "kb_aktif", "2505"), True,
                 id="bab1-cpr-rounds-the-same"),
    pytest.param("bab1_pendahuluan", lambda data: ubah_sel(data / "indikator.csv", 11, "desimal",
                                                           "3"), True, id="bab1-asfr-capaian"),
    pytest.param("bab1_pendahuluan", lambda data: _realisasi_iku1(data, "73.26"), False,
                 id="bab1-idg-shown"),
    # ASFR (Sasaran 3) shown with 3 decimals: the other sasaran plan with its code and kind only
    pytest.param("sasaran_s1", lambda data: ubah_sel(data / "indikator.csv", 11, "desimal", "3"),
                 True, id="s1-another-sasarans-indicator"),
    pytest.param("sasaran_s3", lambda data: ubah_sel(data / "indikator.csv", 11, "desimal", "3"),
                 False, id="s3-its-indicator"),
    # a comparison figure of PKA (Sasaran 1): the other sasaran read pembanding.csv's
    # indicator column and their own rows only
    pytest.param("sasaran_s2", lambda data: ubah_sel(data / "pembanding.csv", 4, "nilai", "6.93"),
                 True, id="s2-another-sasarans-comparison"),
    pytest.param("sasaran_s1", lambda data: ubah_sel(data / "pembanding.csv", 4, "nilai", "6.93"),
                 False, id="s1-its-comparison"),
])
def test_a_page_is_rekeyed_exactly_when_what_it_shows_changes(salinan_data, nama, ubah,
                                                              tampil_sama):
    """A page's key over the reads it recorded changes if and only if what it shows changes:
    no wasted re-run (Bab IV read the capaian behind its rounded figures and the Lampiran every
    data file whole and IDG's realisasi, re-running for a value they do not show) and never a
    stale page (a change it shows, a rounded figure included, re-keys it)."""
    tampil, kunci, dibaca = halaman(salinan_data, nama)
    ubah(salinan_data)
    tampil_baru, kunci_baru, _ = halaman(salinan_data, nama, dibaca)
    assert (tampil_baru == tampil) is tampil_sama
    assert (kunci_baru == kunci) is tampil_sama


KOLOM_ANGKA = (Tipe.BULAT, Tipe.DESIMAL, Tipe.RUPIAH)
KOLOM_UBAH = [(ds, k.nama) for ds in DATASETS for k in ds.kolom  # numeric input columns
              if k.tipe in KOLOM_ANGKA and not k.dilaporkan]


def ubah_satu_nilai(data: Path, acak: random.Random) -> str:
    """Change one numeric input cell of a random dataset by one unit of its last digit, such that
    the year still validates (a change the rules reject is undone and another one drawn)."""
    for _ in range(100):
        ds, kolom = acak.choice(KOLOM_UBAH)
        berkas = data / ds.path(2024)
        nomor = _baris_berisi(berkas, kolom)
        if nomor and (ubah := _coba_ubah(data, ds, acak.choice(nomor), kolom, 1)):
            return ubah
    raise AssertionError("no valid single-value change found")


def ubah_satu_nilai_di(data: Path, acak: random.Random, ds: Dataset) -> str | None:
    """Change one numeric cell of `ds` by one unit of its last digit, up or down, trying every
    cell in random order until the year still validates; None when the rules reject every
    single-value change of the dataset."""
    calon = [(b, k) for d, k in KOLOM_UBAH if d is ds for b in _baris_berisi(data / ds.path(2024), k)]
    acak.shuffle(calon)
    for baris, kolom in calon:
        for langkah in (1, -1):
            if ubah := _coba_ubah(data, ds, baris, kolom, langkah):
                return ubah
    return None


def _baris_berisi(berkas: Path, kolom: str) -> list[int]:
    """Spreadsheet numbers of the rows with a value in `kolom` (none when the file is absent)."""
    if not berkas.is_file():
        return []
    isi = list(csv.DictReader(berkas.open(encoding="utf-8", newline="")))
    return [i for i, b in enumerate(isi, start=2) if b[kolom].strip()]


def _coba_ubah(data: Path, ds: Dataset, baris: int, kolom: str, langkah: int) -> str | None:
    """Move one cell by `langkah` units of its last digit; undone (None) if the year no longer
    validates."""
    berkas = data / ds.path(2024)
    lama = sel(berkas, baris, kolom)
    desimal = len(lama.partition(".")[2])
    baru = f"{Decimal(lama) + langkah * Decimal(1).scaleb(-desimal):.{desimal}f}"
    ubah_sel(berkas, baris, kolom, baru)
    try:
        muat(2024, data)
    except ValidasiGagal:
        ubah_sel(berkas, baris, kolom, lama)
        return None
    return f"{ds.path(2024)} baris {baris} kolom {kolom}: {lama} → {baru}"


def test_incremental_build_equals_clean_build_after_random_single_value_changes(awal, tmp_path):
    """Property: whatever single input value changes, the incremental build publishes exactly
    what a clean build of the same data publishes. A new sample every run (seed in the message)."""
    data, folder, _ = awal
    benih = random.randrange(2**32)
    acak = random.Random(benih)
    for i in range(3):
        ubah = ubah_satu_nilai(data, acak)
        inkremental = bangun(data, folder).situs
        bersih = bangun(data, tmp_path / f"bersih-{i}").situs
        assert beda(isi_edisi(inkremental), isi_edisi(bersih)) == [], f"benih {benih}: {ubah}"


def tautan_css(situs: Path) -> list[str]:
    """The stylesheet link (with Sphinx's checksum) of every page of an edition."""
    return [m.group(0) for p in sorted(situs.glob("*.html")) if p.name != "index.html"
            for m in [re.search(r"lakip\.css\?v=\w+", p.read_text(encoding="utf-8"))] if m]


def test_a_stylesheet_edited_alone_reaches_the_edition(awal, monkeypatch, tmp_path: Path):
    """No page changes, so Sphinx would skip copying static files and keep each page's link to
    the old checksum; the build marks the pages out of date."""
    data, salinan, _ = awal
    folder = tmp_path / "_build_sendiri"  # Sphinx's environment made here, not a copied one
    shutil.copytree(salinan / "cache", folder / "cache")  # executed notebooks come from cache
    proyek = tmp_path / "proyek"  # a copy of the book's sources, so the repository is untouched
    shutil.copytree(langkah_build.HALAMAN, proyek / "book")
    shutil.copytree(langkah_build.NOTEBOOKS, proyek / "notebooks")
    shutil.copyfile(langkah_build.KONFIGURASI, proyek / "_config.yml")
    for nama, path in (("AKAR_PROYEK", proyek), ("HALAMAN", proyek / "book"),
                       ("NOTEBOOKS", proyek / "notebooks"),
                       ("KONFIGURASI", proyek / "_config.yml")):
        monkeypatch.setattr(langkah_build, nama, path)
    situs_sebelum = tautan_css(bangun(data, folder).situs)
    css = proyek / "book" / "_static" / "lakip.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n.uji-gaya { color: red; }\n",
                   encoding="utf-8")
    hasil = bangun(data, folder)
    assert dijalankan(hasil) == set()
    situs = folder / "site" / "2024"
    assert ".uji-gaya" in (situs / "_static" / "lakip.css").read_text(encoding="utf-8")
    assert situs_sebelum != tautan_css(situs)  # every page links the new stylesheet's checksum
    assert len(set(tautan_css(situs))) == 1


DATASET_ANGKA = list(dict.fromkeys(ds for ds, _ in KOLOM_UBAH))


def test_a_single_value_change_in_each_dataset_keeps_only_notebooks_a_fresh_run_agrees_with(
        awal, tmp_path):
    """Property, swept over every dataset with numbers: one value of each dataset changed in
    turn, every notebook the incremental build keeps from its cache is byte for byte what a
    fresh execution of the changed data gives (the ones it re-executes are fresh by
    construction), so the fact-level keys miss no read of any dataset. Execution only, sharing
    one cache: publishing incremental = clean is the random test above."""
    data, folder, _ = awal
    simpanan = cache.CacheEksekusi(folder / "cache" / "eksekusi" / "2024")
    benih = random.randrange(2**32)
    acak = random.Random(benih)
    diperiksa, tanpa_ubah = 0, []
    for ds in DATASET_ANGKA:
        ubah = ubah_satu_nilai_di(data, acak, ds)
        if ubah is None:  # e.g. contiguous bands: every single change breaks them
            tanpa_ubah.append(ds.nama)
            continue
        d = muat(2024, data)
        tugas = eksekusi_notebook.rencana_eksekusi(d)
        inkremental = eksekusi_notebook.eksekusi_semua(
            tugas, tmp_path / "inkremental" / "src", d, 2, lambda _: None, simpanan)
        tetap = [t for t in tugas if t.berkas in inkremental.dari_cache]
        eksekusi_notebook.eksekusi_semua(tetap, tmp_path / "segar" / "src", d, 2, lambda _: None,
                                         cache.CacheEksekusi(tmp_path / "cache-segar"), paksa=True)
        for t in tetap:
            nama = f"{t.berkas}.ipynb"
            assert ((tmp_path / "inkremental" / "src" / nama).read_bytes()
                    == (tmp_path / "segar" / "src" / nama).read_bytes()), \
                f"benih {benih}: {ubah}: {nama} kept from the cache differs from a fresh run"
        diperiksa += len(tetap)
    assert diperiksa > 0  # the sweep compared kept notebooks (not every change re-runs all)
    assert len(tanpa_ubah) < len(DATASET_ANGKA) / 2, tanpa_ubah


def _entri(folder: Path, dibaca: object, **lain: object) -> cache.Entri | None:
    simpanan = cache.CacheEksekusi(folder)
    folder.mkdir(parents=True, exist_ok=True)
    isi = {"kunci": "a" * 64, "dibaca": dibaca, "sha": "b" * 64, **lain}
    (folder / "ikhtisar.json").write_text(json.dumps(isi), encoding="utf-8")
    return simpanan.entri("ikhtisar")


@pytest.mark.parametrize("dibaca", [
    [["turunan:json.dumps", "[]"]],               # a module outside lakip_lib would be imported
    [["turunan:lakip_lib.prosa.kalimat", "{}"]],   # arguments must be a list
    [["/etc/passwd", ""]], [["../../rahasia.csv", ""]], [["2024/target.csv", "bukan json"]],
    [["2024/target.csv"]], [[1, 2]], "semua", [["x.csv", ""]] * 10_001,
    [["pembanding.csv", "kolom:"]], [["pembanding.csv", "kolom:../nilai"]],
])
def test_a_cache_entry_that_records_no_read_the_code_makes_is_a_miss(tmp_path: Path, dibaca):
    """Cache entries are files the build wrote and reads back: only their own shape counts,
    and a module they name is never imported unless it is lakip_lib's own."""
    assert _entri(tmp_path, dibaca) is None


def test_a_cache_entry_of_another_shape_is_a_miss(tmp_path: Path):
    assert _entri(tmp_path, [["2024/target.csv", ""]]) is not None  # the shape simpan writes
    assert _entri(tmp_path, [["2024/target.csv", "jumlah"]]) is not None  # a row count
    assert _entri(tmp_path, [["pembanding.csv", "kolom:nilai"]]) is not None  # a column
    assert _entri(tmp_path, [], kunci="../x") is None
    assert _entri(tmp_path, [], lain=1) is None


@pytest.mark.parametrize("pilih", ['["TIDAKADA", 2024]', '["IKU1"]', '[]'])
def test_a_derived_value_that_cannot_be_computed_today_is_a_miss_not_a_failed_build(pilih):
    """A page recorded whether IKU x has a realisasi; x is gone from today's data (or the
    entry's arguments are not ones the code passes): the key's read is a miss, and the build
    goes on to re-run the page instead of failing while computing keys."""
    from lakip_lib import kinerja
    from lakip_lib.book import TURUNAN

    d = TahunKecil().muat()
    path = data_tahun.TURUNAN + kinerja.ada_realisasi.nama
    assert cache._sha_bacaan(d, path, pilih, TURUNAN[kinerja.ada_realisasi.nama]) == cache.TIDAK_SAH
    assert cache._sha_bacaan(d, path, '["IKU1", 2024]', TURUNAN[kinerja.ada_realisasi.nama]) \
        == cache._sha_bacaan(d, path, '["IKU2", 2024]', TURUNAN[kinerja.ada_realisasi.nama])


def test_a_column_read_of_a_column_the_dataset_lacks_is_a_miss():
    d = TahunKecil().muat()
    assert cache._sha_bacaan(d, "realisasi.csv", "kolom:bukan_kolom", None) == cache.TIDAK_SAH
    assert cache._sha_bacaan(d, "realisasi.csv", "kolom:realisasi", None) != cache.TIDAK_SAH


def test_only_a_turunan_handed_down_is_ever_called_from_a_recorded_read():
    """The cache recomputes a derived value only through the functions the build hands it
    (`book.TURUNAN`); a name read back from a file is never imported."""
    import importlib
    import pkgutil

    import lakip_lib
    from lakip_lib import book

    semua = {o.nama: o.asli for m in pkgutil.walk_packages(lakip_lib.__path__, "lakip_lib.")
             for o in vars(importlib.import_module(m.name)).values()
             if isinstance(o, data_tahun.turunan)}
    assert book.TURUNAN == semua  # every @turunan of the package is handed down
    nama, fungsi = next(iter(book.TURUNAN.items()))
    assert cache._fungsi_turunan(data_tahun.TURUNAN + nama, book.TURUNAN) is fungsi
    for lain in ("lakip_lib.format.angka", "lakip_lib.tidak_ada.x", "os.system"):
        assert cache._fungsi_turunan(data_tahun.TURUNAN + lain, book.TURUNAN) is None
    assert cache._fungsi_turunan(nama, book.TURUNAN) is None  # not a read of a derived value


def test_the_vega_bundle_is_kept_in_the_machines_cache_or_else_the_build_folders(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The bundle depends only on the installed packages: one per machine, shared by every
    build folder; where the machine's cache cannot be written, the build folder's own."""
    from lakip_lib import penyusun

    build = tmp_path / "_build" / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert penyusun._berkas_bundel_vega(build)[0].parent == tmp_path / "xdg" / "lakip"
    (tmp_path / "berkas").write_text("", encoding="utf-8")  # a file where the folder would be
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "berkas"))
    assert penyusun._berkas_bundel_vega(build)[0].parent == build
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "rumah"))
    assert penyusun.folder_cache_mesin(build) == tmp_path / "rumah" / ".cache" / "lakip"
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", "relatif")  # not a place: ignored
    assert penyusun.folder_cache_mesin(build) == tmp_path / "rumah" / ".cache" / "lakip"
    assert not (tmp_path / "relatif").exists()


def test_a_cached_vega_bundle_cut_short_or_a_link_is_written_again(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch):
    """The machine's bundle is read back as input (every edition publishes it): an empty or
    cut file, or a link to another file, is not served but made again."""
    from lakip_lib import penyusun

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    path, _ = penyusun._berkas_bundel_vega(tmp_path / "build")
    rahasia = tmp_path / "rahasia.txt"
    rahasia.write_text("(function () {\nrahasia\n})();\n", encoding="utf-8")
    for rusak in ("", "(function () {\nvar vega = 1", "x"):
        path.write_text(rusak, encoding="utf-8")
        assert not penyusun.bundel_utuh(path)
    path.unlink()
    path.symlink_to(rahasia)
    assert not penyusun.bundel_utuh(path)
    isi = penyusun.bundel_vega(tmp_path / "build")  # made again by vl-convert
    assert not path.is_symlink() and penyusun.bundel_utuh(path)
    assert "rahasia" not in isi and "vegaEmbed" in isi
    assert rahasia.read_text(encoding="utf-8").startswith("(function")  # the link's target kept
