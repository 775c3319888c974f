"""Bab I Pendahuluan (notebook `bab1_pendahuluan`)."""

from __future__ import annotations

from collections.abc import Sequence

from lakip_lib import fakta as f
from lakip_lib import format as fmt
from lakip_lib import kinerja, prosa
from lakip_lib.book.dasar import Bagian, Isi
from lakip_lib.book.nomor import Rencana
from lakip_lib.data_tahun import DataTahun, turunan
from lakip_lib.rekaman import Unit
from lakip_lib.tampilan import Html, aman, daftar, markdown_aman, slug, teks
from lakip_lib.tampilan_tabel import Lajur


def _fungsional(unit: Unit) -> str:
    return "; ".join(f"{j.jumlah} {j.jabatan}" for j in unit.jabatan_fungsional)


def _bagan(unit: Sequence[Unit], nomor: str) -> Html:
    """The organisation chart as nested boxes: each unit under its `atasan` (a unit named in the
    same list), or under the first unit (the head) when it names none."""
    anak: dict[str | None, list[Unit]] = {}
    for u in unit[1:]:
        anak.setdefault(u.atasan or unit[0].unit, []).append(u)

    def cabang(u: Unit) -> str:
        jf = _fungsional(u)
        isi = f'<div class="lakip-bagan-unit">{aman(u.unit)}' + (
            f'<span class="lakip-bagan-jf">{aman(jf)}</span>' if jf else "") + "</div>"
        bawah = "".join(cabang(a) for a in anak.get(u.unit, []))
        return f"<li>{isi}" + (f"<ul>{bawah}</ul>" if bawah else "") + "</li>"

    polos = "\n".join(u.unit or "" for u in unit)
    return Html(f'<figure class="lakip-bagan" id="{slug("gambar-" + nomor)}"><ul>'
                f'{cabang(unit[0])}</ul><figcaption><span class="lakip-nomor">Gambar '
                f'{aman(nomor)}</span> Bagan Organisasi</figcaption></figure>',
                f"Gambar {nomor} Bagan Organisasi\n{polos}", nomor)


class Pendahuluan(Bagian):
    BLOK = (
        ("# Bab I Pendahuluan", ()),
        ("## 1.1 Latar Belakang", ("latar_belakang",)),
        ("## 1.2 Susunan Organisasi", ("struktur",)),
        ("## 1.3 Aspek Strategis dan Permasalahan", ("aspek_strategis",)),
        ("## 1.4 Isu Strategis", ("isu_strategis",)),
        ("## 1.5 Landasan Hukum", ("landasan_hukum",)),
    )

    def rencana(self) -> Rencana:
        return [("gambar", "struktur"), ("tabel", "struktur"), ("tabel", "aspek")]

    def latar_belakang(self) -> Isi:
        i = self.d.instansi
        dasar = [f"{b.peraturan} tentang {b.tentang}" for b in i.dasar_pembentukan]
        return Isi([self.narasi("latar_belakang"),
                    teks("Instansi ini dibentuk dan diatur dengan:"), daftar(dasar),
                    teks(markdown_aman(i.tugas), "Fungsinya meliputi:"),
                    daftar(i.fungsi, bernomor=True)])

    def struktur(self) -> Isi:
        unit = self.d.instansi.struktur
        baris = [(u.unit, _fungsional(u) or "–") for u in unit]
        bagan = [_bagan(unit, self._nomor("gambar", "struktur"))] if unit else []
        return Isi([*bagan, self.tabel("struktur", "Susunan Organisasi",
                               [Lajur("Unit"), Lajur("Jabatan fungsional pendukung")], baris,
                               sumber=self.sumber_data("instansi"))])

    def aspek_strategis(self) -> Isi:
        t = self.d["aspek_strategis"]
        kondisi, terhitung = kondisi_aspek(self.d)
        return Isi([self.tabel("aspek", "Aspek Strategis Organisasi", [
            Lajur("Aspek kajian"), Lajur("Kondisi", True), Lajur("Standar"),
            Lajur("Faktor internal"), Lajur("Faktor eksternal"), Lajur("Permasalahan")],
            [(b["aspek"], self.nilai_fakta(*k), b["standar"], b["faktor_internal"],
              b["faktor_eksternal"], b["permasalahan"]) for b, k in zip(t.baris, kondisi,
                                                                          strict=True)],
            sumber=self.sumber_data("aspek_strategis"),
            catatan="Kondisi aspek yang merupakan indikator kinerja buku ini adalah realisasi "
                    "atau capaian tahun ini yang dihitung dari data, sama dengan Bab III."
            if terhitung else "")])

    def isu_strategis(self) -> Isi:
        isu = self.d.isu
        return Isi([teks("### Tantangan"), daftar(isu.tantangan, bernomor=True),
                    teks("### Peluang"), daftar(isu.peluang, bernomor=True)])

    def landasan_hukum(self) -> Isi:
        return Isi([daftar(self.d.instansi.landasan_hukum, bernomor=True)])


@turunan  # the page is keyed on each condition's text: a figure that rounds the same re-runs nothing
def kondisi_aspek(d: DataTahun) -> tuple[tuple[tuple[str, str], ...], bool]:
    """Each strategic aspect's condition as Bab I shows it, (fact, text): a linked indicator's
    or programme row's figure exactly as Bab III shows it (the same fact), else the aspect's own
    input; and whether any is computed from data (a linked indicator or programme row)."""
    kondisi = kinerja.aspek_strategis(d)
    return (tuple(_kondisi(k, d.tahun) for k in kondisi),
            any(k.indikator or k.kode_program for k in kondisi))


def _kondisi(k: kinerja.KondisiAspek, tahun: int) -> tuple[str, str]:
    if k.ukuran == "capaian" and k.indikator:
        return f.indikator(k.indikator, "capaian"), fmt.persen(k.nilai)
    teks_ = prosa.nilai(k.nilai, k.satuan, k.desimal)
    if k.indikator:
        return f.indikator(k.indikator, "realisasi", tahun), teks_
    if k.kode_program:
        return f.baris("program", k.kode_program, "realisasi"), teks_
    return f.baris("aspek", k.aspek, "kondisi"), teks_
