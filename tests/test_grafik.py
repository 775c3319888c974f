"""Charts that tell the truth: an extreme value does not hide the others, bars start at zero,
trend lines span the Renstra with its targets and are not zoomed into noise, and a series too
short to be a line is left to the table."""

from __future__ import annotations

import json
import re
from pathlib import Path

from lakip_lib import charts, data
from lakip_lib import format as fmt

from .halaman import teks


def _lapisan(chart) -> list[dict]:
    return chart.to_dict()["layer"]


def test_an_extreme_capaian_is_labelled_off_scale_instead_of_squeezing_the_others():
    rekaman = [{"nama": "A", "capaian": 98.96, "teks": "98,96%"},
               {"nama": "B", "capaian": -1272.73, "teks": "-1.272,73%"}]
    batang = _lapisan(charts.capaian(rekaman))[0]
    assert batang["encoding"]["x"]["scale"]["domain"] == [0, 150]  # zero-based, A is 2/3 wide
    nilai = {r["nama"]: r for r in batang["data"]["values"]}
    assert nilai["A"]["label"] == "98,96%" and nilai["A"]["posisi"] == 98.96
    assert nilai["B"]["label"] == "◀ -1.272,73% (di luar skala)" and nilai["B"]["posisi"] == 0


def test_capaian_axis_grows_with_ordinary_values():
    rekaman = [{"nama": "A", "capaian": 219.32, "teks": "219,32%"}]
    batang = _lapisan(charts.capaian(rekaman))[0]
    assert batang["encoding"]["x"]["scale"]["domain"] == [0, 250]
    assert batang["data"]["values"][0]["label"] == "219,32%"


def test_a_nearly_flat_trend_is_drawn_flat():
    rendah, tinggi = charts._rentang_garis([2.31, 2.33, 2.34])
    assert tinggi - rendah >= 0.3 * 2.34 and rendah >= 0


def _spesifikasi(halaman: Path) -> list[dict]:
    isi = halaman.read_text(encoding="utf-8")
    return [json.loads(s.replace("<\\/", "</")) for s in re.findall(
        r'<script type="application/json" id="spec-[0-9a-f]+">(.*?)</script>', isi, re.S)]


def test_trend_charts_span_the_renstra_and_show_its_target(situs_2024):
    awal, akhir = data.muat(2024).periode_renstra
    tahun = [str(t) for t in range(awal, akhir + 1)]
    tren = [s for h in sorted(situs_2024.glob("sasaran_*.html")) for s in _spesifikasi(h)
            if s.get("encoding", {}).get("x", {}).get("field") == "tahun" and "strokeDash" in
            s.get("encoding", {})]
    assert tren
    for s in tren:
        assert s["encoding"]["x"]["scale"]["domain"] == tahun
        seri = {r["seri"] for r in s["data"]["values"]}
        assert seri == {"Realisasi", "Target Renstra"}
        assert sum(r["seri"] == "Realisasi" for r in s["data"]["values"]) >= 3


def test_a_series_of_fewer_than_three_points_is_a_table_not_a_chart(situs_2024):
    for halaman in sorted(situs_2024.glob("sasaran_*.html")):
        isi = halaman.read_text(encoding="utf-8")
        for judul in re.findall(r"Realisasi dan Capaian (.+?) terhadap Target Renstra</span>",
                                isi):
            awal = isi.index(f"Realisasi dan Capaian {judul} terhadap Target Renstra")
            badan = isi[awal:isi.index("</tbody>", awal)]
            terisi = sum(fmt.BELUM_TERSEDIA not in b.split("</td>")[1]
                         for b in badan.split("<tr>")[2:])
            ada_grafik = f"Tren {judul} dan Target Renstra" in teks(halaman)
            assert ada_grafik == (terisi >= 3), (halaman.name, judul, terisi)
