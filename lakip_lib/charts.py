"""Altair chart builders. Each takes plain records and returns a chart with tooltips.

Values arrive as `Decimal`/`int`; charts get floats for position and pre-formatted Indonesian
strings for tooltips (Vega's own number format would print `93.77`, not `93,77`).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import altair as alt

from lakip_lib import format as fmt

# d3-format locale for Indonesian numbers in axes (used by the SVG and by the page's vegaEmbed)
LOKAL_VEGA = {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["Rp", ""]}

LEBAR = 560  # the static SVG's width; on screen and in print a chart fills its container
# Category labels take at most ~45% of the chart's width (full text in the tooltip)
BATAS_LABEL = alt.expr("clamp(width * 0.45, 70, 260)")
# Legend entries wrap into rows of three on a narrow chart (a phone) instead of running off it
KOLOM_LEGENDA = alt.expr("width < 420 ? 3 : 8")
TINGGI = 280
WARNA = ["#1f5f8b", "#e07b39", "#3a9d5d", "#b8404a", "#7a5ea8", "#8c8c8c"]
STATUS_WARNA = {"Mandiri": "#1f5f8b", "Maju": "#3a9d5d", "Berkembang": "#e0b339",
                "Tertinggal": "#e07b39", "Sangat Tertinggal": "#b8404a"}


def _f(nilai: Decimal | int | None) -> float | None:
    return None if nilai is None else float(nilai)


def _dasar(chart: alt.Chart) -> alt.Chart:
    return chart.properties(width=LEBAR, height=TINGGI).configure_axis(
        labelFontSize=11, titleFontSize=12).configure_legend(orient="bottom", title=None,
                                                             columns=KOLOM_LEGENDA)


def tren(titik: Sequence[tuple[int, Decimal | None, Decimal | None]], satuan: str,
         desimal: int) -> alt.Chart:
    """Realisasi against the Renstra target per year (two lines, legend selects a series)."""
    rekaman = []
    for tahun, target, realisasi in titik:
        for seri, nilai in (("Target Renstra", target), ("Realisasi", realisasi)):
            if nilai is not None:
                rekaman.append({"tahun": str(tahun), "seri": seri, "nilai": _f(nilai),
                                "teks": fmt.angka(nilai, desimal)})
    pilih = alt.selection_point(name="pilih_seri", fields=["seri"], bind="legend")
    chart = alt.Chart(alt.Data(values=rekaman)).mark_line(point=alt.OverlayMarkDef(size=70)).encode(
        x=alt.X("tahun:O", title="Tahun", axis=alt.Axis(labelAngle=0)),
        y=alt.Y("nilai:Q", title=satuan, scale=alt.Scale(zero=False)),
        color=alt.Color("seri:N", scale=alt.Scale(range=WARNA[:2])),
        opacity=alt.condition(pilih, alt.value(1), alt.value(0.2)),
        tooltip=[alt.Tooltip("tahun:O", title="Tahun"), alt.Tooltip("seri:N", title="Seri"),
                 alt.Tooltip("teks:N", title="Nilai")],
    ).add_params(pilih)
    return _dasar(chart)


def batang(rekaman: Sequence[dict[str, object]], x: str, y: str, judul_x: str, judul_y: str,
           garis: float | None = None, warna: str | None = None) -> alt.Chart:
    """Horizontal bars with a tooltip per bar and an optional reference line (e.g. 100%)."""
    tooltip = [alt.Tooltip(f"{y}:N", title=judul_y), alt.Tooltip("teks:N", title=judul_x)]
    dasar = alt.Chart(alt.Data(values=list(rekaman)))
    lapisan = dasar.mark_bar(color=warna or WARNA[0]).encode(
        x=alt.X(f"{x}:Q", title=judul_x),
        y=alt.Y(f"{y}:N", title=None, sort=None, axis=alt.Axis(labelLimit=BATAS_LABEL)),
        tooltip=tooltip,
    )
    if garis is not None:
        aturan = alt.Chart(alt.Data(values=[{"acuan": garis}])).mark_rule(
            color=WARNA[3], strokeDash=[4, 4]).encode(x="acuan:Q")
        lapisan = alt.layer(lapisan, aturan)
    tinggi = max(TINGGI // 2, 26 * len(rekaman))
    return lapisan.properties(width=LEBAR - 200, height=tinggi).configure_axis(
        labelFontSize=11, titleFontSize=12)


def bertumpuk(rekaman: Sequence[dict[str, object]], x: str, seri: str, judul_x: str,
              judul_y: str, urutan: Sequence[str], warna: dict[str, str]) -> alt.Chart:
    """Stacked bars per category of `x` (e.g. villages per IDM status per year)."""
    pilih = alt.selection_point(name=f"pilih_{seri}", fields=[seri], bind="legend")
    chart = alt.Chart(alt.Data(values=list(rekaman))).mark_bar().encode(
        x=alt.X(f"{x}:O", title=judul_x, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("nilai:Q", title=judul_y, stack=True),
        color=alt.Color(f"{seri}:N", sort=list(urutan),
                        scale=alt.Scale(domain=list(urutan),
                                        range=[warna[u] for u in urutan])),
        order=alt.Order("urut:Q"),
        opacity=alt.condition(pilih, alt.value(1), alt.value(0.25)),
        tooltip=[alt.Tooltip(f"{x}:O", title=judul_x), alt.Tooltip(f"{seri}:N", title="Kategori"),
                 alt.Tooltip("teks:N", title=judul_y)],
    ).add_params(pilih)
    return _dasar(chart)


def berkelompok(rekaman: Sequence[dict[str, object]], y: str, seri: str, judul_x: str,
                urutan: Sequence[str]) -> alt.Chart:
    """Grouped horizontal bars (e.g. anggaran and realisasi per programme)."""
    pilih = alt.selection_point(name=f"pilih_{seri}", fields=[seri], bind="legend")
    chart = alt.Chart(alt.Data(values=list(rekaman))).mark_bar().encode(
        x=alt.X("nilai:Q", title=judul_x),
        y=alt.Y(f"{y}:N", title=None, sort=None, axis=alt.Axis(labelLimit=BATAS_LABEL)),
        yOffset=alt.YOffset(f"{seri}:N", sort=list(urutan)),
        color=alt.Color(f"{seri}:N", sort=list(urutan),
                        scale=alt.Scale(domain=list(urutan), range=WARNA[: len(urutan)])),
        opacity=alt.condition(pilih, alt.value(1), alt.value(0.25)),
        tooltip=[alt.Tooltip(f"{y}:N", title="Program"), alt.Tooltip(f"{seri}:N", title="Seri"),
                 alt.Tooltip("teks:N", title="Nilai")],
    ).add_params(pilih)
    tinggi = 30 * len({r[y] for r in rekaman})
    return chart.properties(width=LEBAR - 220, height=tinggi).configure_axis(
        labelFontSize=11, titleFontSize=12).configure_legend(orient="bottom", title=None,
                                                             columns=KOLOM_LEGENDA)


def sebaran(rekaman: Sequence[dict[str, object]], judul_x: str, judul_y: str) -> alt.Chart:
    """Capaian against penyerapan per programme, with the 100% lines of both."""
    titik = alt.Chart(alt.Data(values=list(rekaman))).mark_circle(size=110, opacity=0.8).encode(
        x=alt.X("penyerapan:Q", title=judul_x, scale=alt.Scale(zero=False)),
        y=alt.Y("capaian:Q", title=judul_y, scale=alt.Scale(zero=False)),
        color=alt.value(WARNA[0]),
        tooltip=[alt.Tooltip("nama:N", title="Program"),
                 alt.Tooltip("teks_capaian:N", title=judul_y),
                 alt.Tooltip("teks_penyerapan:N", title=judul_x),
                 alt.Tooltip("teks_efisiensi:N", title="Efisiensi")],
    )
    acuan = alt.Chart(alt.Data(values=[{"v": 100}]))
    garis = alt.layer(
        titik,
        acuan.mark_rule(color=WARNA[3], strokeDash=[4, 4]).encode(y="v:Q"),
        acuan.mark_rule(color=WARNA[3], strokeDash=[4, 4]).encode(x="v:Q"),
    )
    return garis.properties(width=LEBAR, height=TINGGI + 40).configure_axis(
        labelFontSize=11, titleFontSize=12)
