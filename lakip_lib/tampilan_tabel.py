"""A numbered, captioned table as the reader sees it (`TabelTampilan`): escaped HTML with header
cells, right-aligned figures and their correction marks, and the CSV published beside the
pages (figures as plain numbers, units and row levels in columns of their own).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from lakip_lib.csv_terbit import angka_tampilan, csv_aman
from lakip_lib.format import BELUM_TERSEDIA, TIDAK_DIHITUNG, TIDAK_LENGKAP
from lakip_lib.tampilan import CatatanKoreksi, Nilai, Sel, aman, catatan_koreksi, slug


@dataclass(frozen=True)
class Lajur:
    """A column of a displayed table (its heading and alignment); a dataset's column is a
    `dataset.Kolom`."""

    judul: str
    angka: bool = False  # right-aligned numeric column


@dataclass(frozen=True)
class TabelTampilan:
    """A numbered, captioned table as the reader sees it (a dataset's loaded rows are a
    `tabel.Tabel`). Cells are already formatted strings (or None)."""

    nomor: str
    judul: str
    kolom: tuple[Lajur, ...]
    baris: tuple[tuple[Sel, ...], ...]
    sumber: str = ""
    catatan: str = ""
    kelas_baris: tuple[str, ...] = ()  # optional CSS class per row (e.g. "program", "total")
    jangkar: str = field(default="")
    id_baris: tuple[str, ...] = ()  # optional anchor per row (e.g. "temuan-3")
    koreksi_halaman: CatatanKoreksi | None = field(default=None, compare=False, repr=False)

    @property
    def nama_csv(self) -> str:
        """The file name of the table's CSV, from its number: `tabel-3-4.csv`."""
        return f"{slug('tabel-' + self.nomor)}.csv"

    def csv(self) -> str:
        """The table as CSV (`csv_terbit`): what it shows, its figures as plain numbers with
        their unit in the header, a `Satuan` column where the unit differs by row, and a
        `Tingkat` column where rows are of different levels (a programme and its kegiatan),
        so that summing a column has no trap; a missing figure is an empty cell."""
        teks = [[_teks_sel(s) for s in b] for b in self.baris]
        kepala: list[str] = []
        kolom: list[list[str]] = []  # column by column, rows below
        satuan_tunda: list[tuple[int, list[str | None]]] = []  # mixed units, None: no figure
        for j, lajur in enumerate(self.kolom):
            isi = [b[j] for b in teks]
            if not lajur.angka:
                kepala.append(lajur.judul)
                kolom.append(["" if t == "–" else t for t in isi])
                continue
            angka = [None if t in _KOSONG else angka_tampilan(t) for t in isi]
            satuan = [a[1] if a else None for a in angka]
            jenis = {a[1] for a in angka if a}
            judul = lajur.judul
            if len(jenis) == 1 and (u := jenis.pop()) and f"({u})" not in judul:
                judul = f"{judul} ({u})"
            kepala.append(judul)
            kolom.append(["" if t in _KOSONG else a[0] if a else t
                          for t, a in zip(isi, angka, strict=True)])
            if len({a[1] for a in angka if a}) > 1:
                satuan_tunda.append((len(kolom), satuan))
        kelompok = _kelompok_satuan(satuan_tunda)
        for letak, satuan in reversed(kelompok):
            kepala.insert(letak, "Satuan" if len(kelompok) == 1 else f"Satuan {kepala[letak - 1]}")
            kolom.insert(letak, [u or "" for u in satuan])
        tingkat = [_TINGKAT.get(k, k) for k in self.kelas_baris]
        if any(tingkat):
            kepala.insert(0, "Tingkat")
            kolom.insert(0, tingkat + [""] * (len(self.baris) - len(tingkat)))
        return csv_aman([kepala, *(list(b) for b in zip(*kolom, strict=True))])

    def html(self, tautan_csv: bool = False) -> str:
        """The table; with `tautan_csv`, the link to its CSV (`nama_csv`, published in the
        folder `FOLDER_CSV` beside the pages) under it."""
        jangkar = self.jangkar or slug(f"tabel-{self.nomor}")
        kepala = "".join(
            f'<th scope="col" class="{"angka" if k.angka else "teks"}">{aman(k.judul)}</th>'
            for k in self.kolom)
        badan: list[str] = []
        catatan: list[tuple[int, Nilai]] = []  # the notes first given here
        rujukan: list[int] = []  # the notes given above, of figures marked here again
        halaman = self.koreksi_halaman or CatatanKoreksi()
        for i, baris in enumerate(self.baris):
            kelas = self.kelas_baris[i] if i < len(self.kelas_baris) else ""
            sel = []
            for j, (nilai, k) in enumerate(zip(baris, self.kolom, strict=True)):
                tanda: dict[str, Any] = {}
                if isinstance(nilai, Nilai) and nilai.koreksi:
                    tempat = (f"Tabel {self.nomor}", i, j)
                    nomor, pertama = halaman.catat(nilai, tempat)
                    tanda["nomor"] = nomor
                    if pertama == tempat:
                        catatan.append((nomor, nilai))
                        tanda["jangkar"] = halaman.jangkar(nomor)
                    else:
                        tanda["rujuk"] = halaman.jangkar(nomor)
                        if pertama[0] != tempat[0] and nomor not in rujukan:
                            rujukan.append(nomor)
                sel.append(_sel(nilai, k, j == 0, tanda))
            isi = "".join(sel)
            atribut = f' class="{aman(kelas)}"' if kelas else ""
            if i < len(self.id_baris):
                atribut += f' id="{aman(self.id_baris[i])}"'
            badan.append(f"<tr{atribut}>{isi}</tr>")
        kaki = []
        if catatan or rujukan:
            kaki.append(catatan_koreksi(catatan, halaman, rujukan, f"Tabel {self.nomor}"))
        if self.catatan:
            kaki.append(f'<p class="lakip-catatan">Catatan: {aman(self.catatan)}</p>')
        if self.sumber:
            kaki.append(f'<p class="lakip-sumber">Sumber: {aman(self.sumber)}</p>')
        return (
            f'<div class="lakip-tabel-wrap" id="{jangkar}" role="region" tabindex="0" '
            f'aria-label="Tabel {aman(self.nomor)}">'
            f'<table class="lakip-tabel"><caption><span class="lakip-judul-tabel">'
            f'<span class="lakip-nomor">Tabel {aman(self.nomor)}</span> {aman(self.judul)}</span>'
            f"</caption><thead><tr>{kepala}</tr></thead>"
            f"<tbody>{''.join(badan)}</tbody></table>{''.join(kaki)}</div>"
        ) + (self._tautan_csv() if tautan_csv else "")

    def _tautan_csv(self) -> str:
        return (f'<p class="lakip-unduh lakip-unduh-tabel"><a href="{FOLDER_CSV}/'
                f'{aman(self.nama_csv)}" download>Unduh CSV<span class="lakip-sr"> Tabel '
                f"{aman(self.nomor)}</span></a></p>")

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None
                          ) -> tuple[dict[str, str], dict[str, Any]]:
        """HTML with the download link, and the CSV it links to as `text/csv` (its file name
        in the output's metadata): it travels in the executed notebook, so the build publishes
        exactly the CSV of the table it shows, from the cache as well (`edisi.tulis_csv_tabel`)."""
        return ({"text/html": self.html(tautan_csv=True), "text/csv": self.csv(),
                 "text/plain": f"Tabel {self.nomor} {self.judul}"},
                {"text/csv": {"berkas": self.nama_csv}})


FOLDER_CSV = "tabel"  # beside the pages: <tahun>/tabel/tabel-3-4.csv


_KOSONG = {"", "–", "kosong", BELUM_TERSEDIA, TIDAK_LENGKAP, TIDAK_DIHITUNG}  # a missing figure


_TINGKAT = {"subkegiatan": "sub kegiatan", "total": "jumlah"}  # row classes in the reader's words


def _teks_sel(nilai: Sel) -> str:
    return "" if nilai is None else nilai.teks if isinstance(nilai, Nilai) else str(nilai)


def _kelompok_satuan(tunda: list[tuple[int, list[str | None]]]
                     ) -> list[tuple[int, list[str | None]]]:
    """Where the `Satuan` columns go: one after the last of the columns sharing a unit per row
    (Target and Realisasi of the same indicators: one column; a row without a figure agrees
    with any unit), in column order."""
    hasil: list[tuple[int, list[str | None]]] = []
    for letak, satuan in tunda:
        sama = next((i for i, (_, s) in enumerate(hasil) if all(
            a is None or b is None or a == b for a, b in zip(s, satuan, strict=True))), None)
        if sama is None:
            hasil.append((letak, satuan))
        else:
            gabung = [a if a is not None else b for a, b in zip(hasil[sama][1], satuan,
                                                                strict=True)]
            hasil[sama] = (letak, gabung)
    return sorted(hasil, key=lambda x: x[0])


def _sel(nilai: Sel, kolom: Lajur, pertama: bool, tanda: dict[str, Any] | None = None) -> str:
    kelas = "angka" if kolom.angka else "teks"
    if isinstance(nilai, Nilai):
        isi = nilai.html(**(tanda or {}))
    else:
        isi = aman(nilai) if nilai is not None else "–"
    if pertama:
        return f'<th scope="row" class="{kelas}">{isi}</th>'
    return f'<td class="{kelas}">{isi}</td>'


def tabel_dari(nomor: str, judul: str, kolom: Sequence[Lajur], baris: Sequence[Sequence[Sel]],
               **kw: Any) -> TabelTampilan:
    return TabelTampilan(nomor, judul, tuple(kolom), tuple(tuple(b) for b in baris), **kw)
