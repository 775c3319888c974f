"""Charts of the built 2024 site: trend lines span the Renstra with its targets, and a series too
short to be a line is left to the table (the chart specs themselves: tests/test_charts.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from lakip_lib import data
from lakip_lib import format as fmt

from .halaman import teks


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


def test_every_published_chart_is_a_valid_vega_lite_spec(situs_2024):
    """The pages embed chart specs made without Altair's schema check (it costs every notebook
    a tenth of a second a chart): each one published is checked against the schema here."""
    from altair.utils.schemapi import validate_jsonschema
    from altair.vegalite.v6.schema import load_schema

    skema = load_schema()
    semua = [spec for h in sorted(situs_2024.glob("*.html")) for spec in _spesifikasi(h)]
    assert len(semua) >= 5
    for spec in semua:
        validate_jsonschema(spec, skema)

