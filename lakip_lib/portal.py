"""The portal of a kabupaten's site: a home page listing every agency with its latest final
edition (its overall IKU figure and category, its IKU per category, its budget absorption) and a
page comparing the agencies (tables and charts), plus the same figures as CSV.

One source: every figure is read from what each edition published — its stamp (agency, label,
status) and its `angka.json` (the headline figures as the book shows them, `riwayat.angka`) —
never recomputed. So the portal needs only the built site (a merge of shard builds writes it
without the data), shows exactly what the editions show, and changes only when an edition's
published figures do. Static pages, no script of their own beyond the book's chart loader and
the site's own Vega bundle (offline); the same site gives the same bytes.

An agency's row shows its latest final edition; while it has none, its latest draft, marked
"Draf". A draft newer than the final shown is named beside it, marked as a draft.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import partial
from pathlib import Path

from lakip_lib import charts, csp, rilis, riwayat, tukar
from lakip_lib import format as fmt
from lakip_lib.csv_terbit import BOM, csv_aman
from lakip_lib.tampilan import aman
from lakip_lib.tampilan_grafik import Grafik
from lakip_lib.tampilan_tabel import FOLDER_CSV, Lajur, TabelTampilan, tabel_dari

BERANDA = "index.html"
PERBANDINGAN = "perbandingan.html"
UNDUHAN = "lakip-perangkat-daerah.csv"
STATIS = "_static"
AKAR = Path(__file__).resolve().parent
GAYA = AKAR / "portal.css"
BUKU_STATIS = AKAR.parent / "book" / "_static"  # the book's stylesheet and chart loader


@dataclass(frozen=True)
class Ringkasan:
    """One agency's row: its edition shown and the figures that edition published."""

    slug: str
    instansi: str
    kabupaten: str
    tahun: int
    label: str
    draf: bool
    pdf: str | None  # the PDF's file name in the edition's folder
    nilai: Decimal | None  # overall IKU figure (the year's verdict rule)
    kategori: str | None
    sebaran: tuple[tuple[str, int], ...]  # IKU per category, in the scale's order
    anggaran: int | None
    realisasi: int | None
    penyerapan: Decimal | None
    draf_baru: int | None  # a draft edition newer than the final shown

    @property
    def url(self) -> str:
        return f"{self.slug}/{self.tahun}/index.html"

    @property
    def nama_tampil(self) -> str:
        return f"{self.instansi} (draf)" if self.draf else self.instansi


def _angka(teks: object) -> Decimal | None:
    """A published figure back as a number; None when it is not one ("belum tersedia")."""
    if not isinstance(teks, str):
        return None
    try:
        return fmt.baca_angka(teks)
    except (InvalidOperation, ValueError):
        return None


def _rupiah(teks: object) -> int | None:
    nilai = _angka(teks)
    return None if nilai is None else int(nilai)


def ringkasan(situs: Path, slug: str) -> Ringkasan | None:
    folder = situs / slug
    edisi = rilis.edisi_terbit(folder)
    final = [t for t, s in edisi.items() if s.get("status") != "draf"]
    tahun = max(final) if final else max(edisi)
    stempel = edisi[tahun]
    try:
        angka = json.loads((folder / str(tahun) / rilis.ANGKA).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        angka = {}
    if not isinstance(angka, dict):
        angka = {}
    sebaran = tuple((k.removeprefix(riwayat.JUMLAH_KATEGORI), int(n))
                    for k, v in angka.items() if k.startswith(riwayat.JUMLAH_KATEGORI)
                    and (n := _angka(v)) is not None)
    pdf = riwayat.pdf_edisi(folder / str(tahun))
    baru = [t for t, s in edisi.items() if t > tahun and s.get("status") == "draf"]
    return Ringkasan(
        slug=slug, instansi=str(stempel.get("instansi") or slug),
        kabupaten=str(stempel.get("kabupaten") or ""), tahun=tahun,
        label=str(stempel.get("label") or ""), draf=stempel.get("status") == "draf",
        pdf=pdf[0] if pdf else None, nilai=_angka(angka.get("Nilai capaian keseluruhan")),
        kategori=_teks(angka.get("Kategori capaian keseluruhan")), sebaran=sebaran,
        anggaran=_rupiah(angka.get("Total anggaran")),
        realisasi=_rupiah(angka.get("Total realisasi anggaran")),
        penyerapan=_angka(angka.get("Penyerapan anggaran")),
        draf_baru=max(baru) if baru else None)


def _teks(nilai: object) -> str | None:
    return nilai if isinstance(nilai, str) and nilai != fmt.BELUM_TERSEDIA else None


def semua(situs: Path) -> list[Ringkasan]:
    return [r for s in rilis.slug_terbit(situs) if (r := ringkasan(situs, s)) is not None]


def nama_kabupaten(baris: Sequence[Ringkasan]) -> str:
    """The kabupaten most agencies name (the first by name among equals)."""
    hitung = Counter(r.kabupaten for r in baris if r.kabupaten)
    if not hitung:
        return ""
    return min(hitung, key=lambda k: (-hitung[k], k))


def kategori_urut(baris: Sequence[Ringkasan]) -> list[str]:
    """Every category any agency's scale has, in the order the scales list them."""
    hasil: list[str] = []
    for r in baris:
        for k, _ in r.sebaran:
            if k not in hasil:
                hasil.append(k)
    return hasil


# --- pages --------------------------------------------------------------------------------------

def tulis(situs: Path) -> None:
    """Write the portal (home page, comparison page, CSV, static files) at the site root."""
    baris = semua(situs)
    if not baris:
        return
    judul = f"LAKIP Perangkat Daerah {nama_kabupaten(baris)}".rstrip()
    _salin_statis(situs, baris[0])
    tabel = [_tabel_capaian(baris), _tabel_kategori(baris), _tabel_penyerapan(baris)]
    tukar.tulis_atomik(situs / BERANDA, csp.pasang(_halaman(judul, BERANDA, _isi_beranda(baris))))
    tukar.tulis_atomik(situs / PERBANDINGAN, csp.pasang(_halaman(
        f"Perbandingan — {judul}", PERBANDINGAN, _isi_perbandingan(baris, tabel))))
    tukar.tulis_atomik(situs / UNDUHAN, BOM + sebagai_csv(baris))
    folder = situs / FOLDER_CSV  # each comparison table's CSV, as an edition publishes its own
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    for t in tabel:
        (folder / t.nama_csv).write_text(BOM + t.csv(), encoding="utf-8")


def _salin_statis(situs: Path, contoh: Ringkasan) -> None:
    """The book's stylesheet and chart loader, the portal's stylesheet, and the Vega bundle the
    editions serve (taken from one of them: every edition of a build has the same)."""
    tujuan = situs / STATIS
    tujuan.mkdir(parents=True, exist_ok=True)
    berkas = {"lakip.css": BUKU_STATIS / "lakip.css", "lakip.js": BUKU_STATIS / "lakip.js",
              "portal.css": GAYA,
              "vega-bundle.js": situs / contoh.slug / str(contoh.tahun) / STATIS / "vega-bundle.js"}
    for nama, asal in berkas.items():
        tukar.tulis_atomik(tujuan / nama, asal.read_text(encoding="utf-8"))


_MENU = ((BERANDA, "Daftar perangkat daerah"), (PERBANDINGAN, "Perbandingan"))


def _halaman(judul: str, sini: str, isi: str) -> str:
    kini = ' aria-current="page"'
    menu = "".join(f'<li><a href="{h}"{kini if h == sini else ""}>{aman(t)}</a></li>'
                   for h, t in _MENU)
    return (
        '<!DOCTYPE html>\n<html lang="id"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{aman(judul)}</title>"
        f'<link rel="stylesheet" href="{STATIS}/lakip.css">'
        f'<link rel="stylesheet" href="{STATIS}/portal.css">'
        f'<script defer src="{STATIS}/vega-bundle.js"></script>'
        f'<script defer src="{STATIS}/lakip.js"></script></head>\n'
        '<body class="lakip-portal"><a class="lakip-lompat" href="#isi">Langsung ke isi</a>'
        f'<header class="lakip-portal-kepala"><p class="lakip-portal-nama">{aman(judul)}</p>'
        f'<nav aria-label="Portal"><ul>{menu}</ul></nav></header>\n'
        f'<main id="isi">{isi}</main>\n'
        '<footer class="lakip-portal-kaki"><p>Setiap angka diambil dari edisi yang diterbitkan '
        "perangkat daerah itu (berkas angka.json edisinya); angka dihitung dari data masukan "
        "edisi, tidak diketik ulang.</p></footer></body></html>\n")


def _persen(nilai: Decimal | None) -> str:
    return fmt.persen(nilai)


def _sebaran_teks(r: Ringkasan) -> str:
    isi = [f"{fmt.angka(n, 0)} {k}" for k, n in r.sebaran if n]
    return ", ".join(isi) if isi else fmt.BELUM_TERSEDIA


def _edisi_html(r: Ringkasan) -> str:
    tanda = ' <span class="lakip-draf">Draf</span>' if r.draf else ""
    baru = (f'<br><a href="{aman(r.slug)}/{r.draf_baru}/index.html">Edisi {r.draf_baru}</a> '
            '<span class="lakip-draf">Draf</span>') if r.draf_baru else ""
    return (f'<a href="{aman(r.url)}">Edisi {r.tahun}</a>{tanda}'
            f'<br><span class="lakip-label">{aman(r.label)}</span>{baru}')


def _unduh_html(r: Ringkasan) -> str:
    tautan = []
    if r.pdf:
        tautan.append(f'<a href="{aman(r.slug)}/{r.tahun}/{aman(r.pdf)}">PDF</a>')
    tautan.append(f'<a href="{aman(r.slug)}/{r.tahun}/data/index.html">Data</a>')
    return " · ".join(tautan)


def _sel_beranda(r: Ringkasan) -> list[str]:
    """The HTML of a home-page row's cells after the agency's name, escaped."""
    return [_edisi_html(r), aman(_persen(r.nilai)), aman(r.kategori or fmt.BELUM_TERSEDIA),
            aman(_sebaran_teks(r)), aman(_persen(r.penyerapan)), _unduh_html(r)]


def _isi_beranda(baris: Sequence[Ringkasan]) -> str:
    final = sum(1 for r in baris if not r.draf)
    kepala = ("Perangkat daerah", "Edisi", "Nilai capaian IKU", "Kategori", "IKU per kategori",
              "Penyerapan anggaran", "Unduh")
    angka_ = {2, 5}  # right-aligned columns
    th = "".join(f'<th scope="col" class="{"angka" if i in angka_ else "teks"}">{aman(k)}</th>'
                 for i, k in enumerate(kepala))
    draf = ' class="draf"'
    badan = "".join(
        f'<tr{draf if r.draf else ""}><th scope="row">'
        f'<a href="{aman(r.url)}">{aman(r.instansi)}</a></th>'
        + "".join(f'<td class="{"angka" if i in angka_ else "teks"}" data-judul="{aman(k)}">'
                  f"{isi}</td>" for i, (k, isi) in enumerate(zip(kepala[1:], _sel_beranda(r),
                                                                   strict=True), start=1))
        + "</tr>" for r in baris)
    return (
        f"<h1>Laporan Kinerja Perangkat Daerah {aman(nama_kabupaten(baris))}</h1>"
        f"<p>{fmt.angka(len(baris), 0)} perangkat daerah; {fmt.angka(final, 0)} di antaranya "
        "dengan edisi final. Setiap baris menunjukkan edisi final terbaru perangkat daerah itu "
        "(edisi draf hanya bila belum ada edisi final; edisi draf ditandai "
        '<span class="lakip-draf">Draf</span>). Nilai capaian IKU dan kategorinya mengikuti '
        "aturan penilaian yang dinyatakan setiap edisi.</p>"
        f'<p><a href="{PERBANDINGAN}">Perbandingan antarperangkat daerah</a> (grafik dan tabel) · '
        f'<a href="{UNDUHAN}" download>Unduh tabel ini (CSV)</a></p>'
        '<div class="lakip-tabel-wrap" role="region" tabindex="0" '
        'aria-label="Daftar perangkat daerah">'
        '<table class="lakip-tabel lakip-daftar"><caption>Edisi LAKIP terbaru setiap perangkat '
        f"daerah</caption><thead><tr>{th}</tr></thead><tbody>{badan}</tbody></table></div>")


def _isi_perbandingan(baris: Sequence[Ringkasan], tabel: Sequence[TabelTampilan]) -> str:
    bagian = [
        f"<h1>Perbandingan Kinerja Perangkat Daerah {aman(nama_kabupaten(baris))}</h1>",
        "<p>Edisi yang dibandingkan sama dengan di halaman "
        f'<a href="{BERANDA}">daftar perangkat daerah</a>: edisi final terbaru setiap perangkat '
        "daerah (edisi draf ditandai “(draf)”). Setiap grafik diikuti tabel berisi angka yang "
        f'sama. <a href="{UNDUHAN}" download>Unduh semua angka (CSV)</a>.</p>',
        '<h2 id="capaian">Nilai capaian IKU</h2>', _grafik_capaian(baris).html(),
        tabel[0].html(tautan_csv=True),
        '<h2 id="kategori">IKU per kategori capaian</h2>', _grafik_kategori(baris).html(),
        tabel[1].html(tautan_csv=True),
        '<h2 id="anggaran">Penyerapan anggaran</h2>', _grafik_penyerapan(baris).html(),
        tabel[2].html(tautan_csv=True),
    ]
    return "\n".join(bagian)


def _ekstrem(baris: Sequence[Ringkasan], nilai: str) -> str:
    ada = [(getattr(r, nilai), r.nama_tampil) for r in baris if getattr(r, nilai) is not None]
    if not ada:
        return "Belum ada perangkat daerah dengan angka ini."
    tinggi = max(ada, key=lambda x: x[0])
    rendah = min(ada, key=lambda x: x[0])
    return (f"Tertinggi {fmt.persen(tinggi[0])} ({tinggi[1]}), terendah {fmt.persen(rendah[0])} "
            f"({rendah[1]}), dari {fmt.angka(len(ada), 0)} perangkat daerah.")


def _grafik_capaian(baris: Sequence[Ringkasan]) -> Grafik:
    rekaman = [{"nama": r.nama_tampil, "capaian": float(r.nilai), "teks": fmt.persen(r.nilai)}
               for r in baris if r.nilai is not None]
    return Grafik("1", "Nilai capaian IKU keseluruhan per perangkat daerah",
                  partial(charts.capaian, rekaman), f"Nilai capaian IKU keseluruhan per perangkat daerah. "
                  f"{_ekstrem(baris, 'nilai')}", "angka.json edisi setiap perangkat daerah")


def _grafik_kategori(baris: Sequence[Ringkasan]) -> Grafik:
    urutan = kategori_urut(baris)
    rekaman: list[dict[str, object]] = [
        {"nama": r.nama_tampil, "kategori": k, "nilai": n, "urut": urutan.index(k),
         "teks": fmt.angka(n, 0)} for r in baris for k, n in r.sebaran if n]
    return Grafik("2", "Jumlah IKU per kategori capaian per perangkat daerah",
                  partial(charts.kategori_bertumpuk, rekaman, urutan),
                  "Jumlah IKU setiap perangkat daerah menurut kategori capaiannya, ditumpuk per "
                  "perangkat daerah; angkanya ada di Tabel 2.", "angka.json edisi setiap "
                  "perangkat daerah")


def _grafik_penyerapan(baris: Sequence[Ringkasan]) -> Grafik:
    rekaman: list[dict[str, object]] = [
        {"nama": r.nama_tampil, "penyerapan": float(r.penyerapan),
         "teks": fmt.persen(r.penyerapan)} for r in baris if r.penyerapan is not None]
    return Grafik("3", "Penyerapan anggaran per perangkat daerah",
                  partial(charts.batang, rekaman, "penyerapan", "nama", "Penyerapan (%)",
                          "Perangkat daerah", garis=100),
                  f"Penyerapan anggaran per perangkat daerah. {_ekstrem(baris, 'penyerapan')}",
                  "angka.json edisi setiap perangkat daerah")


def _tabel_capaian(baris: Sequence[Ringkasan]) -> TabelTampilan:
    return tabel_dari(
        "1", "Nilai capaian dan kategori IKU keseluruhan",
        [Lajur("Perangkat daerah"), Lajur("Edisi"), Lajur("Nilai capaian IKU", angka=True),
         Lajur("Kategori")],
        [[r.nama_tampil, f"{r.tahun} ({r.label})", fmt.persen(r.nilai),
          r.kategori or fmt.BELUM_TERSEDIA] for r in baris])


def _tabel_kategori(baris: Sequence[Ringkasan]) -> TabelTampilan:
    urutan = kategori_urut(baris)
    return tabel_dari(
        "2", "Jumlah IKU per kategori capaian",
        [Lajur("Perangkat daerah"), *(Lajur(k, angka=True) for k in urutan)],
        [[r.nama_tampil, *(fmt.angka(dict(r.sebaran).get(k, 0), 0) for k in urutan)]
         for r in baris])


def _tabel_penyerapan(baris: Sequence[Ringkasan]) -> TabelTampilan:
    return tabel_dari(
        "3", "Anggaran, realisasi, dan penyerapan",
        [Lajur("Perangkat daerah"), Lajur("Anggaran", angka=True),
         Lajur("Realisasi", angka=True), Lajur("Penyerapan", angka=True)],
        [[r.nama_tampil, fmt.rupiah(r.anggaran), fmt.rupiah(r.realisasi), fmt.persen(r.penyerapan)]
         for r in baris])


def sebagai_csv(baris: Sequence[Ringkasan]) -> str:
    """The home page's table as CSV: plain numbers (decimal point), empty where not available."""
    urutan = kategori_urut(baris)
    kepala = ["instansi", "folder", "tahun", "label", "status", "nilai_capaian_iku", "kategori",
              *(f"iku_{k.lower().replace(' ', '_')}" for k in urutan), "anggaran",
              "realisasi_anggaran", "penyerapan_anggaran"]
    return csv_aman([kepala, *([r.instansi, r.slug, str(r.tahun), r.label,
                                "draf" if r.draf else "final", _str(r.nilai), r.kategori or "",
                                *(str(dict(r.sebaran).get(k, 0)) for k in urutan),
                                _str(r.anggaran), _str(r.realisasi), _str(r.penyerapan)]
                               for r in baris)])


def _str(nilai: Decimal | int | None) -> str:
    return "" if nilai is None else str(nilai)
