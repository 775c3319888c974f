"""The book's parts: numbering, escaping of data, and what each part declares it shows."""

from __future__ import annotations

import re
import shutil
from collections import defaultdict
from pathlib import Path

import pytest

from lakip_lib import book, data
from lakip_lib.book import notebook, susunan
from lakip_lib.data_tahun import DataTahun
from lakip_lib.tampilan import CatatanKoreksi, Kalimat, Koreksi, Nilai, Teks, daftar
from lakip_lib.tampilan_grafik import Grafik
from lakip_lib.tampilan_tabel import Lajur, TabelTampilan, tabel_dari

from .tahun_kecil import TahunKecil

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"

# the review's block showing the edition's tables under the edition's numbers, not its own
BLOK_EDISI = {"tempat_perbedaan"}


@pytest.fixture(scope="module")
def d() -> DataTahun:
    return data.muat(2024)


def _isi_semua(bagian: book.Bagian) -> list[object]:
    """What the part's page shows: every block its class declares (as its notebook calls it)."""
    return [o for m in bagian.metode_blok() if m not in BLOK_EDISI for o in getattr(bagian, m)()]


def test_every_part_shows_exactly_the_items_it_declares(d):
    for bagian in book.urutan(d):
        isi = _isi_semua(bagian)
        nomor = [o.nomor for o in isi if getattr(o, "nomor", None)]
        assert len(nomor) == len(bagian.rencana()), bagian.kunci_bagian


def test_the_review_shows_edition_tables_under_their_own_numbers(d):
    nomor_edisi = {n for (bagian, _, _), n in book.penomoran(d).items() if bagian != "Reviu"}
    tabel = [o.nomor for o in book.reviu.Reviu(d).tempat_perbedaan() if getattr(o, "nomor", None)]
    assert len(tabel) > 20 and set(tabel) <= nomor_edisi and len(set(tabel)) == len(tabel)


def test_numbers_are_contiguous_and_unique_per_chapter(d):
    per_bab: dict[tuple[str, str], list[int]] = defaultdict(list)
    for bagian in book.urutan(d):
        for o in _isi_semua(bagian):
            if getattr(o, "nomor", None):  # tables, charts and figures drawn as HTML
                bab, n = o.nomor.rsplit(".", 1)
                per_bab[("Tabel" if isinstance(o, TabelTampilan) else "Gambar", bab)].append(int(n))
    assert per_bab[("Tabel", "3")][:3] == [1, 2, 3]
    for nomor in per_bab.values():
        assert nomor == list(range(1, len(nomor) + 1))


def test_numbering_a_chapter_plans_it_without_building_other_content():
    """Numbering the appendix reads no figure, and no longer asks the audit anything: what the
    signed source printed differently is the review's."""
    d = data.muat(2024)
    d.mulai_mencatat()
    nomor = book.penomoran(d, "L")
    assert nomor[("Lampiran", "tabel", "desa")] == "L.4"
    assert ("Lampiran", "tabel", "audit") not in nomor
    dibaca = {path for path, _ in d.dibaca}
    assert not [p for p in dibaca if "koreksi" in p]
    assert not dibaca & {"2024/dilaporkan.csv", "2024/iku_dilaporkan.csv", "realisasi.csv",
                         "2024/anggaran.csv"}


def test_numbers_count_per_chapter_and_kind_in_reading_order():
    from lakip_lib.book.nomor import nomori

    assert nomori([("A", "3", [("tabel", "x"), ("gambar", "x"), ("tabel", "y")]),
                   ("B", "3", [("gambar", "z"), ("tabel", "x")]),
                   ("C", "4", [("tabel", "x")])]) == {
        ("A", "tabel", "x"): "3.1", ("A", "gambar", "x"): "3.1", ("A", "tabel", "y"): "3.2",
        ("B", "gambar", "z"): "3.2", ("B", "tabel", "x"): "3.3", ("C", "tabel", "x"): "4.1"}


def test_a_correction_is_noted_once_per_page_and_referred_to_after():
    halaman = CatatanKoreksi("s1")
    k = Koreksi("73,02", "Sasaran 1 butir b", "73,27", "Realisasi menurut data. Lihat BPS.", 39)
    nilai = Nilai("73,27", "IKU1.realisasi.2024", (k,))
    lain = Nilai("5,00", "IKU2.realisasi.2024", (Koreksi("4", "Tabel 3.1", "5,00", "5 − 0"),))
    kalimat = Kalimat("Realisasi 73,27 tahun ini.", (("73,27", nilai),), halaman).html()
    satu = tabel_dari("3.3", "A", [Lajur("x"), Lajur("y", True)], [("IDG", nilai)],
                      koreksi_halaman=halaman).html()
    dua = tabel_dari("3.4", "B", [Lajur("x"), Lajur("y", True), Lajur("z", True)],
                     [("IDG", nilai, lain), ("lagi", nilai, "-")], koreksi_halaman=halaman).html()
    assert kalimat.count("Tercetak di dokumen sumber") == 1 and 'id="koreksi-s1-1"' in kalimat
    assert ("dihitung ulang: <b>73,27</b> (hitungan: realisasi menurut data; lihat BPS); lihat "
            '<a href="#temuan-39">temuan nomor 39</a>.') in kalimat
    for html_ in (satu, dua):  # the mark keeps its number and points back up to the note
        assert "Tercetak di dokumen sumber (Sasaran 1" not in html_
        assert '<a href="#koreksi-s1-1">catatan koreksi *1</a> di atas' in html_
    assert ('Angka bertanda <a href="#koreksi-s1-1">*1</a> pada Tabel 3.4 dijelaskan pada '
            "catatan bernomor sama di atas.") in dua
    assert dua.count("Tercetak di dokumen sumber (Tabel 3.1)") == 2  # mark and printed note
    assert '<span class="lakip-koreksi-no">2</span>' in dua
    assert kalimat == Kalimat("Realisasi 73,27 tahun ini.", (("73,27", nilai),), halaman).html()


def test_table_escapes_text_from_data():
    t = tabel_dari("1.1", "<b>judul</b>", [Lajur("a"), Lajur("b", True)],
                   [("<script>alert(1)</script>", "1")])
    html = t.html()
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;judul&lt;/b&gt;" in html


def test_table_has_header_cells_and_right_aligned_numbers():
    html = tabel_dari("2.1", "x", [Lajur("Nama"), Lajur("Nilai", True)], [("a", "1,00")]).html()
    assert '<th scope="col" class="angka">Nilai</th>' in html
    assert '<th scope="row" class="teks">a</th><td class="angka">1,00</td>' in html


def test_narrative_html_is_shown_as_text_even_past_validation():
    html = Teks("Teks <script>alert(1)</script>\n").html()
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_missing_narrative_is_announced_not_fatal():
    assert book.bab3_sasaran.Sasaran(TahunKecil().muat(), "S1").analisis()[0].markdown == (
        "*Narasi `S1.md` belum ditulis untuk tahun 2024.*")
    ditulis = TahunKecil().narasi("S1", "Uraian penyebab.\n").muat()
    assert book.bab3_sasaran.Sasaran(ditulis, "S1").analisis()[0].markdown == "Uraian penyebab.\n"


def test_chart_html_has_an_id_and_a_text_alternative(d):
    g = next(o for o in _isi_semua(book.bab3_capaian.Capaian(d)) if isinstance(o, Grafik))
    assert re.search(r'id="vis-[0-9a-f]{12}"', g.html())
    assert 'role="img" data-lokal=' in g.html() and "aria-label=\"Capaian tiap IKU" in g.html()
    assert set(g._repr_mimebundle_()) == {"text/html", "text/plain"}  # no per-notebook vl-convert


def test_sasaran_sections_generate_figures_from_data(d):
    s = book.bab3_sasaran.Sasaran(d, "S1")
    kalimat = s.target_realisasi()[0].markdown
    assert "73,27" in kalimat and "74,04" in kalimat and "98,96%" in kalimat
    assert "belum tercapai, tetapi capaiannya tetap berkategori **Sangat Tinggi**" in kalimat
    assert kalimat.count("Sangat Tinggi") == 1  # one sentence says both, not two that contradict


def test_lower_is_better_sentence_explains_the_formula(d):
    kalimat = book.bab3_sasaran.Sasaran(d, "S3").target_realisasi()[0].markdown
    assert "100,86%" in kalimat and "(2 × target − realisasi)" in kalimat


def test_unknown_sasaran_is_a_clear_error():
    with pytest.raises(KeyError, match="S9"):
        book.bab3_sasaran.Sasaran(TahunKecil().muat(), "S9")


def test_list_items_are_escaped():
    assert "<li>&lt;i&gt;x&lt;/i&gt;</li>" in daftar(["<i>x</i>"]).html()


def test_a_numbered_list_is_an_ordered_list_and_a_plain_one_is_not():
    assert daftar(["a", "b"], bernomor=True).html() == "<ol>\n<li>a</li>\n<li>b</li>\n</ol>\n"
    assert daftar(["a"]).html() == "<ul>\n<li>a</li>\n</ul>\n"


def _tukar(teks: str, a: str, b: str) -> str:
    """The outline with two of its lines swapped."""
    baris = teks.splitlines(keepends=True)
    i, j = baris.index(a + "\n"), baris.index(b + "\n")
    baris[i], baris[j] = baris[j], baris[i]
    return "".join(baris)


def test_moving_a_line_of_the_outline_moves_the_part_in_the_book(d):
    """book/susunan.yml is the book's outline: swapping two lines reorders the table of
    contents and the execution plan; numbers keep their chapter's prefix and follow the new
    order within it."""
    teks = susunan.BERKAS.read_text(encoding="utf-8")
    asli = susunan.baca(teks)
    ditukar = susunan.baca(_tukar(teks, '- {notebook: bab1_pendahuluan, bab: "1"}',
                                  '- {notebook: bab2_perencanaan, bab: "2"}'))
    bab = [c["file"] for c in susunan.daftar_isi(d, ditukar)["chapters"]]
    assert bab[:3] == ["ikhtisar", "bab2_perencanaan", "bab1_pendahuluan"]
    assert [c["file"] for c in susunan.daftar_isi(d, asli)["chapters"]][:3] == [
        "ikhtisar", "bab1_pendahuluan", "bab2_perencanaan"]
    assert [b.notebook for b in susunan.urutan(d, ditukar)][2:4] == ["bab2_perencanaan",
                                                                     "bab1_pendahuluan"]

    bab3 = susunan.baca(_tukar(teks, "    - {notebook: bab3_sasaran, per: sasaran}",
                               "    - {notebook: bab3_anggaran}"))
    sections = susunan.daftar_isi(d, bab3)["chapters"][3]["sections"]
    assert [s["file"] for s in sections] == ["bab3_anggaran", "sasaran_s1", "sasaran_s2",
                                             "sasaran_s3", "sasaran_s4"]
    semula, baru = susunan.penomoran(d, "3"), susunan.penomoran(d, "3", bab3)
    assert semula[("Anggaran", "tabel", "program")] != baru[("Anggaran", "tabel", "program")]
    assert baru[("Anggaran", "tabel", "program")] == "3.3"  # right after Capaian's two tables


def test_each_stored_notebook_is_written_from_its_part_declaration(d):
    """A page is declared once, by its part class: the stored notebooks are what
    `lakip refresh-notebooks` writes from the classes (no more, no less)."""
    assert notebook.berbeda(NOTEBOOKS, d) == []


def test_a_changed_declaration_is_a_stale_notebook(d, tmp_path, monkeypatch):
    for path in NOTEBOOKS.glob("*.ipynb"):
        shutil.copyfile(path, tmp_path / path.name)
    monkeypatch.setattr(book.bab4_penutup.Penutup, "BLOK", (*book.bab4_penutup.Penutup.BLOK, ("## Lain", ())))
    (tmp_path / "lama.ipynb").write_text((tmp_path / "sampul.ipynb").read_text("utf-8"), "utf-8")
    assert notebook.berbeda(tmp_path, d) == ["bab4_penutup", "lama"]


def test_a_block_naming_no_method_is_refused_when_the_part_is_declared():
    with pytest.raises(TypeError, match="BLOK names no method lupa"):
        type("Keliru", (book.Bagian,), {"BLOK": (("# Keliru", ("lupa",)),)})


def test_a_notebook_shows_the_year_the_build_hands_it(d):
    """The build hands a notebook the year it loaded (`dimuat`): the part is made from that
    very year, never loaded again, and a year other than the notebook's is refused."""
    b = book.bagian("bab3_sasaran", 2024, "S2", dimuat=d)
    assert b.d is d and b.kode == "S2"
    with pytest.raises(ValueError, match="tahun 2025"):
        book.bagian("sampul", 2025, dimuat=d)


def test_the_review_is_executed_but_outside_the_contents(d):
    """The review is a document of its own: planned and executed with the edition, never in
    its table of contents (nor, therefore, in the print document the PDF is printed from)."""
    assert "reviu" in [b.notebook for b in susunan.urutan(d)]
    toc = susunan.daftar_isi(d)
    assert "reviu" not in str(toc)


@pytest.mark.parametrize(("teks", "pesan"), [
    ("- {notebook: sampul, judul: x}", "kunci judul tidak dikenal"),
    ("- {notebook: sampul}\n- {notebook: tidak_ada}", "entri 2: notebook tidak_ada tidak punya"),
    ("- {notebook: sampul}\n- {notebook: lampiran, jika: hujan}", "jika: 'hujan' tidak dikenal"),
    ("- {notebook: sampul}\n- {notebook: ikhtisar}\n- {notebook: ikhtisar}",
     "ikhtisar tercantum lebih dari sekali"),
    ("- {notebook: sampul}\n- {notebook: ikhtisar, bab: 3}", "harus teks"),
    ("- {halaman: riwayat_edisi}", "entri pertama harus satu notebook"),
    ("- {notebook: sampul}\n- {notebook: x, halaman: y}", "tepat satu dari notebook"),
    ("- {notebook: sampul}\n- &a {notebook: ikhtisar}\n- *a", "alias"),
    ("- {notebook: sampul}\n- {notebook: reviu, terpisah: false}", "hanya boleh bernilai true"),
])
def test_outline_is_read_strictly_and_mistakes_are_named(teks, pesan):
    with pytest.raises(susunan.SusunanSalah, match=re.escape(pesan)):
        susunan.baca(teks)
