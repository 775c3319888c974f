"""Chart specs (`lakip_lib.charts`, `tampilan_grafik.Grafik`): bars from zero, an extreme value
labelled off the scale instead of squeezing the others, the 100% and target lines, trend axes that
are neither zoomed into noise nor below zero, charts as wide as their container, and no trend chart
for fewer than three points (the small in-memory year of `tests.tahun_kecil`)."""

from __future__ import annotations

import re
from functools import partial

import pytest

from lakip_lib import book, charts
from lakip_lib.tampilan_grafik import Grafik

from .tahun_kecil import TahunKecil


def _lapisan(chart) -> list[dict]:
    return chart.to_dict()["layer"]


def _capaian(*nilai: float) -> list[dict]:
    return [{"capaian": v, "nama": f"IKU{i}", "teks": f"{v:.2f}%".replace(".", ",")}
            for i, v in enumerate(nilai, start=1)]


# --- capaian per IKU ----------------------------------------------------------------------------

def test_capaian_bars_start_at_zero_on_an_axis_of_at_least_150():
    batang = _lapisan(charts.capaian(_capaian(98.96)))[0]
    assert batang["mark"]["type"] == "bar"
    assert batang["encoding"]["x"]["scale"]["domain"] == [0, 150]
    assert batang["encoding"]["x"]["axis"]["values"] == [0, 50, 100, 150]


def test_capaian_axis_grows_to_the_next_50_above_the_largest_ordinary_value():
    batang = _lapisan(charts.capaian(_capaian(219.32)))[0]
    assert batang["encoding"]["x"]["scale"]["domain"] == [0, 250]
    assert batang["data"]["values"][0]["label"] == "219,32%"


def test_an_extreme_negative_capaian_is_labelled_off_scale_instead_of_squeezing_the_others():
    rekaman = [{"nama": "A", "capaian": 98.96, "teks": "98,96%"},
               {"nama": "B", "capaian": -1272.73, "teks": "-1.272,73%"}]
    batang = _lapisan(charts.capaian(rekaman))[0]
    assert batang["encoding"]["x"]["scale"]["domain"] == [0, 150]  # A stays 2/3 wide
    nilai = {r["nama"]: r for r in batang["data"]["values"]}
    assert nilai["A"]["label"] == "98,96%" and nilai["A"]["posisi"] == 98.96
    assert nilai["B"]["label"] == "◀ -1.272,73% (di luar skala)" and nilai["B"]["posisi"] == 0


def test_an_extreme_high_capaian_stops_at_the_edge_with_its_label_pointing_out():
    nilai = _lapisan(charts.capaian(_capaian(98.96, 400)))[0]["data"]["values"]
    assert (nilai[1]["posisi"], nilai[1]["label"]) == (150, "400,00% (di luar skala) ▶")


def test_capaian_chart_draws_the_100_percent_line():
    garis = _lapisan(charts.capaian(_capaian(80)))[1]
    assert garis["mark"]["type"] == "rule" and garis["data"]["values"] == [{"acuan": 100}]


def test_a_long_bar_carries_its_value_inside_and_a_short_one_beside_it():
    luar, dalam = _lapisan(charts.capaian(_capaian(80)))[3:5]  # long: beyond 0.6 × 150 = 90
    assert luar["transform"] == [{"filter": "!(datum.posisi > 90.0)"}]
    assert dalam["transform"] == [{"filter": "datum.posisi > 90.0"}]
    assert (luar["mark"]["align"], dalam["mark"]["align"]) == ("left", "right")


def test_capaian_chart_is_46_pixels_per_indicator():
    assert charts.capaian(_capaian(80, 90, 100)).to_dict()["height"] == 138


# --- other bars ---------------------------------------------------------------------------------

def test_bars_with_a_reference_line_draw_it_where_asked():
    rekaman = [{"nama": "P01", "nilai": 94.0, "teks": "94,00%"}]
    batang, garis = _lapisan(charts.batang(rekaman, "nilai", "nama", "Penyerapan (%)", "Program",
                                           garis=100))
    assert batang["encoding"]["x"].get("scale", {}).get("zero") is not False  # Vega: from zero
    assert garis["mark"]["type"] == "rule" and garis["data"]["values"] == [{"acuan": 100}]
    assert "layer" not in charts.batang(rekaman, "nilai", "nama", "x", "y").to_dict()


# --- trend lines --------------------------------------------------------------------------------

def test_a_nearly_flat_trend_keeps_at_least_15_percent_of_its_top_either_side():
    # middle 2.325, half-range max(0.03, 0.3 × 2.34) / 2 = 0.351, widened by 10%: ± 0.3861
    assert charts._rentang_garis([2.31, 2.33, 2.34]) == pytest.approx([1.9389, 2.7111])


def test_a_trend_axis_never_goes_below_zero():
    # middle 2.55, half-range 4.9 / 2 = 2.45, ± 2.695: the lower end −0.145 is cut to 0
    assert charts._rentang_garis([0.1, 5.0]) == pytest.approx([0.0, 5.245])


def test_trend_chart_spans_the_renstra_with_its_target_and_realisasi_so_far():
    (grafik, _) = _grafik_tren(TahunKecil())
    spec = grafik.spec()
    assert spec["encoding"]["x"]["scale"]["domain"] == [str(t) for t in range(2021, 2027)]
    tahun = {seri: [r["tahun"] for r in spec["data"]["values"] if r["seri"] == seri]
             for seri in ("Target Renstra", "Realisasi")}
    assert tahun == {"Target Renstra": ["2021", "2022", "2023", "2024", "2025", "2026"],
                     "Realisasi": ["2021", "2022", "2023", "2024"]}
    assert [r["teks"] for r in spec["data"]["values"][:2]] == ["77,00", "74,00"]
    assert grafik.judul == "Tren Indeks Pemberdayaan Gender dan Target Renstra 2021–2026"


def test_three_points_make_a_trend_chart_and_two_leave_it_to_the_table():
    tiga = TahunKecil().realisasi("IKU1", 2021, None)
    assert [g.judul.split(" dan ")[0] for g in _grafik_tren(tiga)] == [
        "Tren Indeks Pemberdayaan Gender", "Tren Angka Kelahiran Total"]
    dua = tiga.realisasi("IKU1", 2022, None)
    assert [g.judul.split(" dan ")[0] for g in _grafik_tren(dua)] == ["Tren Angka Kelahiran Total"]


def _grafik_tren(t: TahunKecil) -> list[Grafik]:
    return [o for o in book.bab3_sasaran.Sasaran(t.muat(), "S1").tren() if isinstance(o, Grafik)]


# --- the chart on a page ------------------------------------------------------------------------

def _grafik(*nilai: float) -> Grafik:
    return Grafik("3.1", "Capaian", partial(charts.capaian, _capaian(*nilai)), "Capaian tiap IKU.")


def test_on_screen_a_chart_fills_its_container_and_the_static_spec_keeps_560_pixels():
    g = _grafik(80)
    assert g.spec_layar()["width"] == "container"
    assert g.spec_layar()["autosize"] == {"type": "fit-x", "contains": "padding"}
    assert g.spec()["width"] == charts.LEBAR == 560


def test_a_chart_id_depends_on_its_content_only():
    kode = [re.search(r'id="vis-([0-9a-f]{12})"', g.html()).group(1)  # type: ignore[union-attr]
            for g in (_grafik(80), _grafik(80), _grafik(81))]
    assert kode[0] == kode[1] != kode[2]


# --- grouped bars per programme -----------------------------------------------------------------

def test_long_category_labels_wrap_instead_of_being_cut():
    """On a phone two programmes that begin alike ("Perlindungan …") must stay apart: the label
    breaks into lines, none longer than the axis allows, and each band fits its lines."""
    nama = ["Perlindungan Perempuan", "Perlindungan Khusus Anak",
            "Pemberdayaan Lembaga Kemasyarakatan, Lembaga Adat dan Masyarakat Hukum Adat"]
    rekaman = [{"program": n, "seri": "Anggaran", "nilai": 1, "teks": "Rp1"} for n in nama]
    spec = charts.berkelompok(rekaman, "program", "seri", "Rupiah", ["Anggaran"]).to_dict()
    assert spec["encoding"]["y"]["axis"]["labelExpr"] == "split(datum.value, '\\n')"
    label = [r["_label"] for r in spec["data"]["values"]]
    assert label[:2] == ["Perlindungan Perempuan", "Perlindungan Khusus\nAnak"]
    assert all(len(b) <= charts.LEBAR_BARIS for x in label for b in x.split("\n"))
    assert label[2].count("\n") + 1 == charts.MAKS_BARIS and label[2].endswith(" …")
    assert nama[2].startswith(label[2][:-2].replace("\n", " "))  # the rest in the tooltip
    assert spec["height"] >= 3 * 13 * max(x.count("\n") + 1 for x in label)
    assert spec["encoding"]["tooltip"][0]["field"] == "program"  # the name in one line


def test_programme_names_in_capitals_read_as_titles_with_abbreviations_kept():
    from lakip_lib.book.bab3_anggaran import _pendek

    assert _pendek("PROGRAM PEMENUHAN HAK ANAK (PHA)") == "Pemenuhan Hak Anak (PHA)"
    assert _pendek("PROGRAM PENGARUSUTAMAAN GENDER DAN PEMBERDAYAAN PEREMPUAN") == \
        "Pengarusutamaan Gender dan Pemberdayaan Perempuan"
    assert _pendek("Program Kerja Sama Desa (lanjutan)") == "Kerja Sama Desa (lanjutan)"
