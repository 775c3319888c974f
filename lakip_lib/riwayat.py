"""The "Riwayat edisi" page of a re-issued final edition, and the figures it compares.

Every edition publishes its headline computed figures as `angka.json` (IKU target, realisasi,
capaian and kategori, the year's verdict, budget per programme and in total), formatted as the
book shows them. The history page of revision N lists every revision (date, reason, where to read
it) and, for each, the figures that differ from the revision before: the earlier revision's
`angka.json` as it published them (so a changed formula shows as well as a corrected input)
against this build's own. Nothing on the page is typed: dates and reasons are `revisi:` in
`edisi.yaml`, the differences are computed.
"""

from __future__ import annotations

from pathlib import Path

from lakip_lib import cache, kinerja, rilis
from lakip_lib import format as fmt
from lakip_lib.data_tahun import DataTahun
from lakip_lib.json_terbit import json_terbit
from lakip_lib.tampilan import aman
from lakip_lib.tampilan_tabel import Lajur, tabel_dari

HALAMAN = "riwayat_edisi"
JUDUL = "Riwayat edisi"
JUMLAH_KATEGORI = "Jumlah IKU berkategori "  # + the category, in the scale's order


def angka(d: DataTahun) -> dict[str, str]:
    """The edition's headline computed figures, by a reader-facing name, as the book shows them."""
    hasil: dict[str, str] = {}
    for h in kinerja.hasil_iku(d):
        hasil[f"{h.nama}: target"] = fmt.angka(h.target, h.desimal)
        hasil[f"{h.nama}: realisasi"] = fmt.angka(h.realisasi, h.desimal)
        hasil[f"{h.nama}: capaian"] = fmt.persen(h.capaian)
        hasil[f"{h.nama}: kategori"] = h.kategori or fmt.BELUM_TERSEDIA
    hasil["Nilai capaian keseluruhan"] = fmt.persen(kinerja.nilai_keseluruhan(d))
    hasil["Kategori capaian keseluruhan"] = kinerja.kategori_keseluruhan(d) or fmt.BELUM_TERSEDIA
    for kategori, jumlah in kinerja.jumlah_per_kategori(d).items():
        hasil[f"{JUMLAH_KATEGORI}{kategori}"] = fmt.angka(jumlah, 0)
    for p in kinerja.program(d):
        hasil[f"{p.nama}: anggaran"] = fmt.rupiah(p.anggaran)
        hasil[f"{p.nama}: realisasi anggaran"] = fmt.rupiah(p.realisasi)
    total = kinerja.total_anggaran(d)
    hasil["Total anggaran"] = fmt.rupiah(total.anggaran)
    hasil["Total realisasi anggaran"] = fmt.rupiah(total.realisasi)
    hasil["Penyerapan anggaran"] = fmt.persen(total.penyerapan)
    return hasil


def tulis_angka(d: DataTahun, situs: Path) -> None:
    (situs / rilis.ANGKA).write_text(json_terbit(angka(d), indent=1) + "\n",
                                     encoding="utf-8")


def beda(lama: dict[str, str], baru: dict[str, str]) -> list[tuple[str, str, str]]:
    """(figure, earlier value, later value) for every figure that differs, in the later order;
    a figure only one side has shows "–" on the other."""
    nama = list(baru) + [k for k in lama if k not in baru]
    return [(k, lama.get(k, "–"), baru.get(k, "–")) for k in nama if lama.get(k) != baru.get(k)]


def _angka_terbit(folder: Path) -> dict[str, str] | None:
    """The headline figures an earlier revision published, read back as input: only an object
    of text to text (what `tulis_angka` writes), else None (its figures are then not compared)."""
    isi = rilis.baca_json_terbit(folder / rilis.ANGKA)
    if not isinstance(isi, dict) or not all(isinstance(k, str) and isinstance(v, str)
                                            for k, v in isi.items()):
        return None
    return isi


def ada(d: DataTahun) -> bool:
    """The edition has revisions, and so a page of its history (`jika: revisi` in the outline)."""
    return bool(d.edisi.revisi)


def tulis_halaman(d: DataTahun, src: Path, situs: Path) -> str | None:
    """Write <src>/riwayat_edisi.ipynb (a page with stored outputs, nothing to execute) when the
    edition has revisions; `situs` holds the earlier revisions. Returns a fingerprint of it."""
    path = src / f"{HALAMAN}.ipynb"
    if not ada(d):
        path.unlink(missing_ok=True)
        return None
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.metadata.update({"kernelspec": {"name": "python3", "display_name": "Python 3",
                                       "language": "python"}})
    nb.cells = [nbformat.v4.new_markdown_cell(f"# {JUDUL}", id="riwayat-judul")]
    for i, (html, polos) in enumerate(_isi(d, situs)):
        sel = nbformat.v4.new_code_cell("# lakip_lib.riwayat (written by the build)",
                                         id=f"riwayat-{i}")  # myst-nb drops empty cells
        sel.metadata["tags"] = ["remove-input"]
        sel.outputs = [nbformat.v4.new_output("display_data",
                                              data={"text/html": html, "text/plain": polos})]
        nb.cells.append(sel)
    teks = nbformat.writes(nb)
    cache.tulis_jika_berbeda(path, teks)
    return cache.sidik({"riwayat": teks})


def _isi(d: DataTahun, situs: Path) -> list[tuple[str, str]]:
    e = d.edisi
    revisi = e.revisi
    n = len(revisi)
    kini = angka(d)
    pengantar = (f"Edisi final LAKIP {d.tahun} adalah catatan publik: setelah terbit, isinya "
                 "tidak diubah. Perbaikan diterbitkan sebagai revisi dengan alasan tertulis, dan "
                 "setiap revisi sebelumnya tetap dapat dibaca dan diunduh. Angka yang berubah "
                 "dihitung dengan membandingkan angka kedua revisi, bukan diketik.")
    blok = [(f"<p>{aman(pengantar)}</p>", pengantar)]
    baris, rincian, tautan = [], [], []
    angka_revisi: list[dict[str, str] | None] = [
        _angka_terbit(situs / rilis.folder_revisi(d.tahun, k)) for k in range(n)] + [kini]
    for k in range(n + 1):
        nama = "Terbit pertama (final)" if k == 0 else f"Revisi {k}"
        tanggal = e.tanggal_terbit if k == 0 else revisi[k - 1].tanggal
        alasan = "–" if k == 0 else revisi[k - 1].alasan.strip()
        if k == 0:
            ubah = "–"
        elif angka_revisi[k - 1] is None or angka_revisi[k] is None:
            ubah = "tidak dapat dibandingkan"
        else:
            daftar = beda(angka_revisi[k - 1] or {}, angka_revisi[k] or {})
            ubah = f"{len(daftar)} angka" if daftar else "tidak ada"
            rincian.append(_rincian(k, daftar))
        baris.append((nama, fmt.tanggal(tanggal), alasan, ubah))
        if k < n:
            tautan.append(_tautan(d, situs, k, nama))
    tabel = tabel_dari("R.1", f"Revisi edisi final LAKIP {d.tahun}", [
        Lajur("Revisi"), Lajur("Tanggal"), Lajur("Alasan"), Lajur("Angka yang berubah")], baris)
    blok.append((tabel.html(), f"Tabel R.1 Revisi edisi final LAKIP {d.tahun}"))
    blok.append(("<ul class=\"lakip-revisi-lama\">" + "".join(h for h, _ in tautan) + "</ul>",
                 "\n".join(p for _, p in tautan)))
    return blok + rincian


def _rincian(k: int, daftar: list[tuple[str, str, str]]) -> tuple[str, str]:
    judul = f"Angka yang berubah pada revisi {k}"
    if not daftar:
        teks = (f"{judul}: tidak ada. Revisi {k} tidak mengubah satu pun angka yang dihitung; "
                "yang berubah adalah teks atau tampilan buku.")
        return f"<p>{aman(teks)}</p>", teks
    sebelum = "terbit pertama" if k == 1 else f"revisi {k - 1}"
    tabel = tabel_dari(f"R.{k + 1}", judul, [
        Lajur("Angka"), Lajur(f"Sebelumnya ({sebelum})", angka=True),
        Lajur(f"Revisi {k}", angka=True)], daftar)
    return tabel.html(), f"Tabel R.{k + 1} {judul}"


AKHIRAN_REVIU = "-reviu.pdf"  # the review's print beside the edition's (pdf.nama_berkas_reviu)


def pdf_edisi(folder: Path) -> list[str]:
    """The edition's PDF in a published edition's folder (its review's print left out)."""
    return sorted(p.name for p in folder.glob("LAKIP-*.pdf") if not p.name.endswith(AKHIRAN_REVIU))


def _tautan(d: DataTahun, situs: Path, k: int, nama: str) -> tuple[str, str]:
    """Where an earlier revision stays readable (its pages and, when printed, its PDF)."""
    folder = rilis.folder_revisi(d.tahun, k)
    pdf = pdf_edisi(situs / folder)
    bagian = [f'<a href="../{aman(folder)}/index.html">{aman(nama)}: baca edisinya '
              f"({aman(folder)}/ di situs ini)</a>"]
    polos = [f"{nama}: ../{folder}/index.html"]
    if pdf:
        bagian.append(f'<a href="../{aman(folder)}/{aman(pdf[0])}" download>unduh PDF-nya '
                      f"({aman(folder)}/{aman(pdf[0])})</a>")
        polos.append(f"PDF ../{folder}/{pdf[0]}")
    return f"<li>{' · '.join(bagian)}</li>", " · ".join(polos)
