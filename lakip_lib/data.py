"""Load one fiscal year of data/ and validate it against the schema registry.

`muat(tahun)` reads the YAML records (`lakip_lib.rekaman_yaml`) and every dataset of
`lakip_lib.schema` (`lakip_lib.tabel_csv`: headers, cells, keys, then references), the
narratives, then the domain rules of `lakip_lib.aturan`, all through one reader of the data
folder (`lakip_lib.folder_data`), and raises `ValidasiGagal` with all problems at once; what it
returns is a `lakip_lib.data_tahun.DataTahun`. Nothing downstream ever reads a file under data/
by itself. A data file as an edition sees and publishes it: `isi_edisi`, `isi_terbit`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from lakip_lib import aturan, markdown_terbatas, rekaman_yaml, renstra_tahun, tabel_csv
from lakip_lib.csv_terbit import csv_aman, sel_csv_aman
from lakip_lib.data_tahun import DataTahun, baris_mentah
from lakip_lib.dataset import Dataset
from lakip_lib.folder_data import AKAR_TEKS, Pengumpul, PengumpulTeks, akar_data, baca_teks
from lakip_lib.masalah import GALAT, PERINGATAN, ValidasiGagal
from lakip_lib.rekaman import YAML_EDISI, YAML_INSTANSI, YAML_ISU, Edisi, Instansi, IsuStrategis, adalah_draf
from lakip_lib.schema import BY_NAME, DATASETS, NARASI_TETAP
from lakip_lib.tabel import Tabel

NARASI_MAKS = 50_000  # characters of one narrative (the longest shipped one has ~5 000); also
# bounds the time a pathological text can take to parse (seconds, not minutes)


def muat(tahun: int, akar: Path | None = None) -> DataTahun:
    """Load and validate one year; raise ValidasiGagal listing every problem."""
    return _muat(tahun, Pengumpul((akar or akar_data()).resolve()))


def muat_teks(tahun: int, berkas: Mapping[str, str | bytes]) -> DataTahun:
    """`muat` of a year held in memory (for tests): the texts keyed by their path under the data
    folder ("instansi.yaml", "2024/target.csv", "2024/narasi/penutup.md"), validated exactly as
    files are. Its folder is `AKAR_TEKS`, so problems name data/2024/target.csv as for files."""
    return _muat(tahun, PengumpulTeks(AKAR_TEKS, berkas))


def _muat(tahun: int, p: Pengumpul) -> DataTahun:
    akar = p.akar
    folder = akar / str(tahun)
    if not p.ada_folder(folder):
        ada = ", ".join(map(str, p.tahun_tersedia())) or "belum ada"
        p.tambah(p.nama(folder), None, None,
                 f"folder data tahun {tahun} tidak ada. Tahun yang tersedia: {ada}.")
        raise ValidasiGagal(p.masalah)
    for sub in (folder, folder / "narasi", folder / "dokumentasi"):
        if (tautan := p.tautan(sub)) is not None:
            p.tambah(p.nama(tautan), None, None, "folder ini adalah tautan simbolik (symlink) "
                     "dan tidak dibaca: isinya bisa berasal dari luar folder data. Ganti dengan "
                     "salinan foldernya.")
            raise ValidasiGagal(p.masalah)
    instansi = rekaman_yaml.baca(akar / "instansi.yaml", p, YAML_INSTANSI, wajib=True)
    edisi = rekaman_yaml.baca(folder / "edisi.yaml", p, YAML_EDISI, wajib=True)
    instansi = renstra_tahun.instansi_tahun(instansi, edisi)
    isu = rekaman_yaml.baca(folder / "isu_strategis.yaml", p, YAML_ISU, wajib=False)
    rekaman_yaml.periksa_instansi(instansi, tahun, p, akar / "instansi.yaml")
    rekaman_yaml.periksa_edisi(edisi, tahun, p, folder / "edisi.yaml")
    rekaman_yaml.periksa_kepala(instansi, edisi, p, akar / "instansi.yaml", folder / "edisi.yaml")
    periode = rekaman_yaml.periode_renstra(instansi)
    draf = adalah_draf(edisi.get("status"))
    tabel: dict[str, Tabel[Any]] = {}
    for ds in DATASETS:
        t = tabel_csv.baca_tabel(ds, akar / renstra_tahun.path(akar, ds, tahun), p, periode,
                                 tahun, draf)
        if t is not None:
            tabel[ds.nama] = t
    tabel = renstra_tahun.tanpa_renstra_lalu(tabel, periode)
    tabel_csv.periksa_acuan(tabel, p)
    narasi = _narasi(folder, p, nama_narasi(tabel))
    if any(m.tingkat == GALAT for m in p.masalah):
        raise ValidasiGagal(p.masalah)
    data = DataTahun(tahun, akar,
                     *rekaman_yaml.instansi_tahun(rekaman_yaml.rekaman(Instansi, instansi),
                                                  rekaman_yaml.rekaman(Edisi, edisi)),
                     rekaman_yaml.rekaman(IsuStrategis, isu), tabel, narasi, BY_NAME)
    aturan.periksa(data, p.tambah)
    if any(m.tingkat == GALAT for m in p.masalah):
        raise ValidasiGagal(p.masalah)
    data.peringatan = p.masalah
    data.mulai_mencatat()
    return data


def teks_csv(ds: Dataset, baris: Iterable[Mapping[str, Any]]) -> str:
    """A dataset's CSV as lakip writes it: the schema's columns in order, None as empty."""
    kolom = [k.nama for k in ds.kolom]
    keluaran = io.StringIO()
    penulis = csv.DictWriter(keluaran, fieldnames=kolom, lineterminator="\n")
    penulis.writeheader()
    for b in baris:
        penulis.writerow({k: "" if b.get(k) is None else b.get(k) for k in kolom})
    return keluaran.getvalue()


def isi_terbit(akar: Path, path: str, tahun: int) -> bytes:
    """A data file as the edition's data package publishes it: `isi_edisi`, with a CSV whose
    cells could run as spreadsheet formulas rewritten by `csv_aman` (otherwise byte for byte)."""
    isi = isi_edisi(akar, path, tahun)
    if not path.endswith(".csv"):
        return isi
    baris = list(csv.reader(io.StringIO(isi.decode("utf-8-sig"), newline="")))
    if all(sel_csv_aman(s) == s for b in baris for s in b):
        return isi
    return csv_aman(baris).encode("utf-8")


def isi_edisi(akar: Path, path: str, tahun: int) -> bytes:
    """A data file as the edition of `tahun` sees it: a multi-year record without later years'
    rows, so that adding next year's figures changes neither this edition nor its fingerprint."""
    berkas = akar / path
    if not berkas.is_file():
        return b""
    ds = renstra_tahun.dataset(path, tahun, DATASETS)
    if ds is None or not ds.riwayat:
        return berkas.read_bytes()
    semua = [b for _, b in baris_mentah(berkas)]
    tetap = [b for b in semua if ds.dalam_edisi(b, tahun)]
    if len(tetap) == len(semua):
        return berkas.read_bytes()  # nothing of a later year: the file as it is
    return teks_csv(ds, tetap).encode("utf-8")


def nama_narasi(tabel: dict[str, Tabel[Any]]) -> set[str]:
    """The narratives the book shows: the fixed parts and one per sasaran."""
    sasaran = tabel["sasaran"].kolom("kode") if "sasaran" in tabel else []
    return {*NARASI_TETAP, *(str(k) for k in sasaran)}


def _narasi(folder: Path, p: Pengumpul, dikenal: set[str]) -> dict[str, str]:
    """The year's narratives that the book shows, each checked for what it may contain
    (`markdown_terbatas`). Other .md files are neither read nor published (a warning)."""
    hasil = {}
    for f in p.daftar(folder / "narasi", "*.md"):
        nama = p.nama(f)
        if f.stem not in dikenal:
            p.tambah(nama, None, None, "berkas narasi ini tidak dipakai buku dan tidak "
                     "diterbitkan. Nama yang dikenal: " + ", ".join(sorted(dikenal)) + ".",
                     PERINGATAN)
            continue
        teks = baca_teks(f, p, seluruh_teks=True)
        if teks is None:
            continue
        if len(teks) > NARASI_MAKS:
            p.tambah(nama, None, None, f"narasi terlalu panjang ({len(teks)} karakter; batas "
                     f"{NARASI_MAKS}). Ringkas uraiannya.")
            continue
        for baris, pesan in markdown_terbatas.karakter_tersandi(teks):
            p.tambah(nama, baris, None, pesan)
        for baris, konstruk in markdown_terbatas.pelanggaran(teks):
            p.tambah(nama, baris, None, f"{konstruk} tidak diizinkan dalam narasi. Narasi hanya "
                     "boleh berisi judul (#), paragraf, huruf miring/tebal, daftar, tabel, dan "
                     "tautan ke halaman http(s).")
        hasil[f.stem] = teks
    return hasil
