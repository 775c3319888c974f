"""What makes an edition citable and reusable: its label, provenance, the edition switcher bar,
and its input data offered for download as a Frictionless Data Package.

Every file of the package is published under a name we choose: the data files under their
schema's names (checked by `_NAMA_DATA`), images under their content hash and the extension of
their checked type (`gambar.nama_terbit`), never under a name written in data."""

from __future__ import annotations

import json
import re
import shutil
from html import escape
from pathlib import Path
from typing import Any

from lakip_lib import audit, cache, data, data_tahun, gambar, hasil_terbit, pdf, renstra_tahun, rilis, rumus
from lakip_lib import format as fmt
from lakip_lib.book.reviu import HALAMAN as REVIU
from lakip_lib.csv_terbit import BOM, csv_aman
from lakip_lib.data_tahun import DataTahun
from lakip_lib.dataset import Dataset, Kolom, Tipe
from lakip_lib.json_terbit import json_terbit
from lakip_lib.schema import DATASETS, judul_kolom, keterangan_kolom
from lakip_lib.sphinx_situs import potong
from lakip_lib.tampilan_tabel import FOLDER_CSV

TIPE_FRICTIONLESS = {Tipe.TEKS: "string", Tipe.BULAT: "integer", Tipe.RUPIAH: "integer",
                     Tipe.DESIMAL: "number", Tipe.TAHUN: "year"}
FOLDER_DATA = "data"
FOLDER_HASIL = "hasil"  # the book's results inside the data package: <tahun>/hasil/*.csv
FOLDER_GAMBAR = "gambar"
# The data files' own names: the schema's and the narratives' (letters, digits, - and _).
_NAMA_DATA = re.compile(r"(?:\d{4}/(?:narasi/|dokumentasi/)?)?[A-Za-z0-9_-]+\.(?:csv|yaml|md)")


def berkas_data(d: DataTahun) -> list[str]:
    """The edition's input files, relative to the data folder (multi-year files included)."""
    daftar = ["instansi.yaml", f"{d.tahun}/edisi.yaml"]
    daftar += [p for ds in DATASETS
               if (d.akar / (p := renstra_tahun.path(d.akar, ds, d.tahun))).exists()]
    for lain in (f"{d.tahun}/isu_strategis.yaml",):
        if (d.akar / lain).exists():
            daftar.append(lain)
    daftar += sorted(f"{d.tahun}/narasi/{nama}.md" for nama in d.semua_narasi())  # as validated
    return daftar + _gambar(d)


def _gambar(d: DataTahun) -> list[str]:
    """The image files the edition shows, relative to the data folder (validated on loading)."""
    sampul = [rujukan for k in gambar.GAMBAR_SAMPUL if (rujukan := getattr(d.instansi, k))]
    foto = [f"{d.tahun}/dokumentasi/{b['berkas']}" for b in d.foto()]
    return sampul + foto


def sidik_data(d: DataTahun) -> str:
    """Short fingerprint of the edition's input files."""
    return cache.sidik({p: cache.sha_data(d.akar, p, d.tahun) for p in berkas_data(d)})[:12]


def pengumuman(d: DataTahun, dengan_pdf: bool) -> str:
    """The bar on every page: edition label, switcher, downloads, provenance (escaped)."""
    tautan = []
    if dengan_pdf:
        tautan.append(f'<a class="lakip-unduh" href="{escape(pdf.nama_berkas(d))}" download>'
                      f"Unduh PDF</a>")
    tautan.append(f'<a class="lakip-unduh" href="{FOLDER_DATA}/index.html">Unduh data</a>')
    label = escape(rilis.label(d.edisi))
    return (f'<span class="lakip-edisi">LAKIP {d.tahun} · {label}</span> '
            '<span class="lakip-pemilih" data-edisi="' + str(d.tahun) + '"></span> '
            + " · ".join(tautan))


def catatan_kaki(d: DataTahun) -> str:
    """The footer line of the edition's own date (the build date follows it, from Sphinx)."""
    return (f"Edisi {escape(rilis.label(d.edisi))}, terbit "
            f"{escape(fmt.tanggal(d.edisi.tanggal_terbit))}.")


_HALAMAN = """<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<meta name="description" content="{deskripsi}">
<link rel="icon" href="{akar}_static/favikon.svg" type="image/svg+xml">
<title>{judul}</title>
<style>body{{font-family:system-ui,sans-serif;max-width:46rem;margin:0 auto;padding:1rem 1.2rem;
line-height:1.55;color:#1d2530}} a{{color:#1f5f8b}} dt{{font-weight:600;margin-top:.9em}}
dd{{margin:.2em 0 0 0}} code{{font-size:.9em;overflow-wrap:anywhere}}</style></head>
<body><main><p><a href="{kembali}">← Kembali ke LAKIP {tahun}</a></p>
<h1>{judul}</h1>
{isi}
</main></body></html>
"""


def _halaman(d: DataTahun, judul: str, isi: str, kembali: str) -> str:
    """A page of the edition outside the book; `kembali` is the book's index from it (its
    folder's depth gives the path to the edition's _static)."""
    deskripsi = potong(f"{judul}: Laporan Akuntabilitas Kinerja Instansi Pemerintah tahun "
                       f"{d.tahun} {d.instansi.nama}.")
    return _HALAMAN.format(judul=escape(judul), isi=isi, kembali=kembali, tahun=d.tahun,
                           deskripsi=escape(deskripsi), akar=kembali.replace("index.html", ""))


def halaman_data(d: DataTahun, sumber: list[dict[str, Any]],
                 gambar_: list[tuple[str, str]] | None = None) -> str:
    """The "Unduh data" page: each dataset that has rows, with its description and its CSV;
    then the images (published name, name in the data folder)."""
    def daftar(sumber_: list[dict[str, Any]]) -> str:
        return "<dl>" + "".join(
            f'<dt><a href="{escape(s["path"])}">{escape(s["path"].rsplit("/", 1)[-1])}</a></dt>'
            f"<dd>{escape(s['description'])}</dd>" for s in sumber_) + "</dl>"

    hasil = [s for s in sumber if s["path"].startswith(f"{d.tahun}/{FOLDER_HASIL}/")]
    isi = (f"<p>Semua angka dalam LAKIP {d.tahun} dihitung dari berkas-berkas berikut (CSV, "
           "UTF-8). Skema setiap berkas (nama kolom, judul, tipe, dan keterangannya) tercantum "
           f'dalam <a href="datapackage.json">paket data (JSON, Frictionless Data Package)</a>.'
           f"</p>{daftar([s for s in sumber if s not in hasil])}")
    if hasil:
        isi += ("<h2>Hasil perhitungan</h2><p>Angka yang dihitung buku ini dari berkas di atas, "
                "dibulatkan seperti tercetak di buku. Anggaran disajikan satu berkas per tingkat "
                "(program, kegiatan, sub kegiatan), sehingga setiap kolom rupiah dapat "
                "dijumlahkan langsung. Setiap tabel buku juga dapat diunduh sebagai CSV lewat "
                f"tautan “Unduh CSV” di bawah tabel itu.</p>{daftar(hasil)}")
    if gambar_:
        isi += ("<h2>Gambar</h2><p>Gambar edisi ini, dinamai menurut isinya (sidik SHA-256), "
                "dengan nama berkasnya di folder data:</p><dl>" + "".join(
                    f'<dt><a href="{escape(terbit)}">{escape(terbit)}</a></dt>'
                    f"<dd>{escape(asal)}</dd>" for terbit, asal in gambar_) + "</dl>")
    return _halaman(d, f"Data LAKIP {d.tahun}", isi, "../index.html")


def halaman_tentang(d: DataTahun, dengan_pdf: bool) -> str:
    """The "Tentang edisi ini" page: what the edition is and how to tell its exact inputs."""
    unduh = (f'<p><a href="{escape(pdf.nama_berkas(d))}" download>Unduh PDF</a> · '
             if dengan_pdf else "<p>") + '<a href="data/index.html">Unduh data</a></p>'
    isi = unduh + (
        f"<p>Edisi ini adalah <b>{escape(rilis.label(d.edisi))}</b> dari Laporan Akuntabilitas "
        f"Kinerja Instansi Pemerintah tahun {d.tahun} {escape(d.instansi.nama)}, terbit "
        f"{escape(fmt.tanggal(d.edisi.tanggal_terbit))}. Tanggal di kaki setiap halaman "
        "adalah tanggal halaman itu dibangun, bukan tanggal terbit edisi.</p>"
        "<p>Setiap angka dalam laporan dihitung ulang oleh komputer dari data masukan, bukan "
        'diketik ulang. Data masukan dapat <a href="data/index.html">diunduh</a>. Dua kode '
        "berikut memastikan bahwa laporan yang Anda baca dibuat dari data dan program yang "
        "sama dengan laporan lain yang memuat kode yang sama:</p>"
        f"<dl><dt>Sidik data</dt><dd><code>{sidik_data(d)}</code> — ringkasan seluruh berkas "
        "data masukan; berubah bila satu angka saja berubah.</dd>"
        f"<dt>Versi program</dt><dd><code>{escape(rilis.komit_kode())}</code> — versi program yang "
        "menyusun laporan ini.</dd></dl>" + _tentang_reviu(d, dengan_pdf))
    return _halaman(d, "Tentang edisi ini", isi, "index.html")


def _tentang_reviu(d: DataTahun, dengan_pdf: bool) -> str:
    """What the edition is beside the report it stands for, and where the review is."""
    pdf_ = (f' (<a href="{escape(pdf.nama_berkas_reviu(d))}" download>PDF</a>)'
            if dengan_pdf else "")
    if audit.ada_sumber(d):
        return ("<p>Edisi ini memuat satu set angka: angka yang dihitung dari data masukan "
                f"laporan yang ditandatangani untuk tahun {d.tahun}. Di mana angka yang tercetak "
                "di laporan itu berbeda dari hitungan ulang, perbedaannya tidak dibahas di sini "
                f'tetapi di dokumen tersendiri, <a href="{REVIU}.html">Reviu LAKIP {d.tahun}</a>'
                f"{pdf_}: setiap angka yang berbeda di tempatnya, temuan beserta hitungannya, "
                "dan kepekaan kesimpulan terhadap aturannya.</p>")
    return ("<p>Belum ada laporan yang ditandatangani untuk tahun ini. "
            f'<a href="{REVIU}.html">Reviu draf LAKIP {d.tahun}</a>{pdf_} mencatat pemeriksaan '
            "yang sudah dilalui data masukan dan hal yang masih terbuka.</p>")


def tulis_paket_data(d: DataTahun, tujuan: Path) -> Path:
    """Copy the edition's inputs to <tujuan>/data with a datapackage.json describing them."""
    folder = tujuan / FOLDER_DATA
    if folder.exists():
        shutil.rmtree(folder)
    gambar_ = _gambar(d)
    for p in berkas_data(d):
        if p not in gambar_:
            _tulis_data(folder, p, data.isi_terbit(d.akar, p, d.tahun))
    terbit_gambar = [(_tulis_gambar(folder, data.isi_terbit(d.akar, p, d.tahun)), p)
                     for p in gambar_]
    sumber = [_sumber(ds, p) for ds in DATASETS
              if (folder / (p := renstra_tahun.path(d.akar, ds, d.tahun))).exists()]
    for ds, baris in hasil_terbit.semua(d):
        path = ds.path(d.tahun)
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(_csv_hasil(ds, baris), encoding="utf-8")
        sumber.append(_sumber(ds, path))
    paket = {
        "name": f"lakip-{d.tahun}",
        "title": f"Data LAKIP {d.tahun} — {d.instansi.nama}",
        "description": f"Data masukan LAKIP {d.tahun} dan hasil yang dihitung buku ini darinya "
                       "(berkas hasil/: capaian, kategori, anggaran per tingkat, efisiensi).",
        "version": sidik_data(d),
        "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0"}],
        "resources": sumber,
    }
    tulis = folder / "datapackage.json"
    tulis.write_text(json_terbit(paket, indent=1) + "\n",
                     encoding="utf-8")
    berisi = [s for s in sumber if len(data_tahun.baris_mentah(folder / s["path"])) > 0]
    (folder / "index.html").write_text(halaman_data(d, berisi, terbit_gambar), encoding="utf-8")
    dengan_pdf = (tujuan / pdf.nama_berkas(d)).exists()  # printed before the package is written
    (tujuan / "tentang.html").write_text(halaman_tentang(d, dengan_pdf), encoding="utf-8")
    return tulis


def _sumber(ds: Dataset, path: str) -> dict[str, Any]:
    """A data package resource: the file, its description and its schema."""
    skema: dict[str, Any] = {"fields": [_kolom(ds, k) for k in ds.kolom]}
    if ds.kunci:
        skema["primaryKey"] = list(ds.kunci)
    return {"name": ds.nama.replace("_", "-"), "path": path, "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8", "description": ds.keterangan,
            "schema": skema}


def _tulis_data(folder: Path, path: str, isi: bytes) -> None:
    """Publish a data file under its own name, which must be one of ours (`_NAMA_DATA`)."""
    if not _NAMA_DATA.fullmatch(path):
        raise ValueError(f"{path!r} bukan nama berkas data yang dikenal; tidak diterbitkan")
    (folder / path).parent.mkdir(parents=True, exist_ok=True)
    (folder / path).write_bytes(isi)


def _tulis_gambar(folder: Path, isi: bytes) -> str:
    """Publish an image under `gambar/<hash>.<png|jpg>`; the published path."""
    path = f"{FOLDER_GAMBAR}/{gambar.nama_terbit(isi)}"
    (folder / FOLDER_GAMBAR).mkdir(exist_ok=True)
    (folder / path).write_bytes(isi)
    return path


def _kolom(ds: Dataset, k: Kolom) -> dict[str, Any]:
    k = rumus.dengan_pilihan(ds.nama, k)
    isi: dict[str, Any] = {"name": k.nama, "type": TIPE_FRICTIONLESS[k.tipe],
                           "title": judul_kolom(ds, k), "description": keterangan_kolom(ds, k)}
    if k.pilihan:
        isi["constraints"] = {"enum": list(k.pilihan)}
    if k.wajib:
        isi.setdefault("constraints", {})["required"] = True
    return isi


def _csv_hasil(ds: Dataset, baris: list[dict[str, Any]]) -> str:
    """A result file's CSV: the declared columns in order, None empty, numbers as plain
    numbers, text opened as text by a spreadsheet (`csv_aman`)."""
    kolom = [k.nama for k in ds.kolom]
    return csv_aman([kolom, *([("" if b[k] is None else str(b[k])) for k in kolom]
                              for b in baris)])


NAMA_CSV = re.compile(r"tabel-[a-z0-9]+(?:-[a-z0-9]+)*\.csv")


def tulis_csv_tabel(notebook: list[Path], tujuan: Path) -> int:
    """Publish the CSV of every table the executed notebooks show (the `text/csv` output each
    table carries beside its HTML, `tampilan_tabel.TabelTampilan`) in <tujuan>/tabel/, UTF-8 with a
    byte-order mark. The folder is written whole each time: a table no longer in the book
    leaves no file behind. An executed notebook is a file the tool reads back: a name that is
    not a table's (`tabel-3-4.csv`) or given twice is refused. Returns the number of files."""
    folder = tujuan / FOLDER_CSV
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    tertulis: dict[str, str] = {}
    for path in notebook:
        for sel in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            for keluaran in sel.get("outputs", ()):
                isi = keluaran.get("data", {}).get("text/csv")
                if isi is None:
                    continue
                nama = keluaran.get("metadata", {}).get("text/csv", {}).get("berkas")
                teks = "".join(isi) if isinstance(isi, list) else str(isi)
                # the review shows the edition's tables again, under their numbers: the same
                # table (the same CSV) twice is one file, two tables under one name are refused
                if not isinstance(nama, str) or not NAMA_CSV.fullmatch(nama) \
                        or tertulis.get(nama, teks) != teks:
                    raise ValueError(f"{path.name}: nama berkas CSV tabel tidak sah atau ganda: "
                                     f"{nama!r}")
                tertulis[nama] = teks
                (folder / nama).write_bytes((BOM + teks).encode("utf-8"))
    return len(tertulis)
