"""Altair chart builders. Each takes plain records and returns a chart with tooltips.

Values arrive as `Decimal`/`int`; charts get floats for position and pre-formatted Indonesian
strings for tooltips (Vega's own number format would print `93.77`, not `93,77`).
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from lakip_lib import format as fmt

if TYPE_CHECKING:  # Altair (~0,5 s to import) loads when a chart is drawn, not with the
    # modules that name one (a build with nothing changed imports them and draws nothing)
    import altair as alt

LEBAR = 560  # the static SVG's width; on screen and in print a chart fills its container
# Category labels take at most ~45% of the chart's width (full text in the tooltip)
BATAS_LABEL = "clamp(width * 0.45, 70, 260)"
LEBAR_BARIS = 22  # characters per line of a wrapped category label (11 px type: ~145 px)
MAKS_BARIS = 3  # lines at most (the rest in the tooltip): the chart fits a printed page
BATAS_BARIS = 150  # px: a wrapped label's line is never cut
# Legend entries wrap into rows of three on a narrow chart (a phone) instead of running off it
KOLOM_LEGENDA = "width < 420 ? 3 : 8"
TINGGI = 280
WARNA = ["#1f5f8b", "#e07b39", "#3a9d5d", "#b8404a", "#7a5ea8", "#8c8c8c"]
# categories of capaian from the lowest to the highest band: red through amber to green and blue
WARNA_KATEGORI = ["#b8404a", "#e07b39", "#c9a227", "#3a9d5d", "#1f5f8b"]
STATUS_WARNA = {"Mandiri": "#1f5f8b", "Maju": "#3a9d5d", "Berkembang": "#e0b339",
                "Tertinggal": "#e07b39", "Sangat Tertinggal": "#b8404a"}


def _f(nilai: Decimal | int | None) -> float | None:
    return None if nilai is None else float(nilai)


def _dasar(chart: alt.Chart) -> alt.Chart:
    import altair as alt

    return chart.properties(width=LEBAR, height=TINGGI).configure_axis(
        labelFontSize=11, titleFontSize=12).configure_legend(orient="bottom", title=None,
                                                             columns=alt.expr(KOLOM_LEGENDA))


def _rentang_garis(nilai: Sequence[float]) -> list[float]:
    """A y-axis for a trend line: never zoomed to less than ±15% of the largest value around
    the data's middle (a flat series looks flat, not dramatic), and never below zero."""
    rendah, tinggi = min(nilai), max(nilai)
    tengah, jangkau = (rendah + tinggi) / 2, max(tinggi - rendah, 0.3 * abs(tinggi)) / 2
    return [max(0.0, tengah - jangkau * 1.1), tengah + jangkau * 1.1]


def tren(titik: Sequence[tuple[int, Decimal | None, Decimal | None]], satuan: str,
         desimal: int) -> alt.Chart:
    """Realisasi against the Renstra target per year over the whole Renstra period (two lines,
    legend selects a series; years still to come show their target only)."""
    import altair as alt

    rekaman = []
    for tahun, target, realisasi in titik:
        for seri, nilai in (("Target Renstra", target), ("Realisasi", realisasi)):
            if nilai is not None:
                rekaman.append({"tahun": str(tahun), "seri": seri, "nilai": _f(nilai),
                                "teks": fmt.angka(nilai, desimal)})
    pilih = alt.selection_point(name="pilih_seri", fields=["seri"], bind="legend")
    chart = alt.Chart(alt.Data(values=rekaman)).mark_line(point=alt.OverlayMarkDef(size=70)).encode(
        x=alt.X("tahun:O", title="Tahun", axis=alt.Axis(labelAngle=0),
                scale=alt.Scale(domain=[str(t) for t, _, _ in titik])),
        y=alt.Y("nilai:Q", title=satuan, scale=alt.Scale(
            domain=_rentang_garis([float(n) for _, *seri in titik for n in seri if n is not None]),
            nice=True)),
        color=alt.Color("seri:N", scale=alt.Scale(domain=["Realisasi", "Target Renstra"],
                                                  range=WARNA[:2])),
        strokeDash=alt.StrokeDash("seri:N", scale=alt.Scale(
            domain=["Realisasi", "Target Renstra"], range=[[1, 0], [5, 3]])),
        opacity=alt.condition(pilih, alt.value(1), alt.value(0.2)),
        tooltip=[alt.Tooltip("tahun:O", title="Tahun"), alt.Tooltip("seri:N", title="Seri"),
                 alt.Tooltip("teks:N", title="Nilai")],
    ).add_params(pilih)
    return _dasar(chart)


def capaian(rekaman: Sequence[Mapping[str, Any]]) -> alt.Chart:
    """Capaian (%) per indicator as bars from zero with the 100% line and every value written at
    its bar. The axis runs from 0 to at least 150%; a value outside it (e.g. −1.272,73%) does
    not squeeze the others: its bar stops at the edge and its label says it lies off the scale."""
    import altair as alt

    nilai = [float(r["capaian"]) for r in rekaman]
    wajar = [v for v in nilai if 0 <= v <= 300]
    batas = max(150.0, -(-max(wajar, default=0) // 50) * 50)
    data = [{**r, "posisi": min(max(v, 0.0), batas),
             "label": str(r["teks"]) if 0 <= v <= batas else
             f"◀ {r['teks']} (di luar skala)" if v < 0 else f"{r['teks']} (di luar skala) ▶"}
            for r, v in zip(rekaman, nilai, strict=True)]
    dasar = alt.Chart(alt.Data(values=data)).encode(
        y=alt.Y("nama:N", title=None, sort=None, axis=None),
        tooltip=[alt.Tooltip("nama:N", title="Indikator"), alt.Tooltip("teks:N", title="Capaian")])
    x = alt.X("posisi:Q", title="Capaian (%)", scale=alt.Scale(domain=[0, batas], nice=False),
              axis=alt.Axis(values=list(range(0, int(batas) + 1, 50))))
    panjang = f"datum.posisi > {0.6 * batas}"  # long bars carry their value inside
    lapisan = [
        dasar.mark_bar(color=WARNA[0], size=16).encode(x=x),
        alt.Chart(alt.Data(values=[{"acuan": 100}])).mark_rule(
            color=WARNA[3], strokeDash=[4, 4]).encode(x="acuan:Q"),
        # the indicator's name on its own line above its bar (a phone has no room beside it)
        dasar.mark_text(align="left", baseline="bottom", dy=-10, fontSize=11,
                        limit=alt.expr("width")).encode(x=alt.datum(0), text="nama:N"),
        dasar.mark_text(align="left", dx=4, fontSize=11, color="#1d2530").encode(
            x=x, text="label:N").transform_filter(f"!({panjang})"),
        dasar.mark_text(align="right", dx=-4, fontSize=11, color="white").encode(
            x=x, text="label:N").transform_filter(panjang),
    ]
    tinggi = 46 * len(data)
    return alt.layer(*lapisan).properties(width=LEBAR, height=tinggi) \
        .configure_axis(labelFontSize=11, titleFontSize=12)


def batang(rekaman: Sequence[dict[str, object]], x: str, y: str, judul_x: str, judul_y: str,
           garis: float | None = None, warna: str | None = None) -> alt.Chart:
    """Horizontal bars with a tooltip per bar and an optional reference line (e.g. 100%)."""
    import altair as alt

    tooltip = [alt.Tooltip(f"{y}:N", title=judul_y), alt.Tooltip("teks:N", title=judul_x)]
    dasar = alt.Chart(alt.Data(values=list(rekaman)))
    lapisan = dasar.mark_bar(color=warna or WARNA[0]).encode(
        x=alt.X(f"{x}:Q", title=judul_x),
        y=alt.Y(f"{y}:N", title=None, sort=None, axis=alt.Axis(labelLimit=alt.expr(BATAS_LABEL))),
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
    import altair as alt

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


def _baris_label(teks: str) -> str:
    """A category label broken into at most `MAKS_BARIS` lines of at most `LEBAR_BARIS`
    characters ("\n" between), a longer one ending in "…"."""
    return "\n".join(textwrap.wrap(teks, LEBAR_BARIS, max_lines=MAKS_BARIS,
                                   placeholder=" …")) or teks


def berkelompok(rekaman: Sequence[dict[str, object]], y: str, seri: str, judul_x: str,
                urutan: Sequence[str]) -> alt.Chart:
    """Grouped horizontal bars (e.g. anggaran and realisasi per programme). Category labels
    wrap onto lines instead of being cut short: on a phone, programmes that begin alike
    ("Perlindungan …") must still be told apart; each band is as tall as its label."""
    import altair as alt

    pilih = alt.selection_point(name=f"pilih_{seri}", fields=[seri], bind="legend")
    data, sumbu_y, baris, jumlah = _label_terlipat(rekaman, y)
    chart = alt.Chart(alt.Data(values=data)).mark_bar().encode(
        # the last value label ends at the axis end instead of running past the chart's box
        x=alt.X("nilai:Q", title=judul_x, axis=alt.Axis(labelFlush=True, tickCount=4)),
        y=sumbu_y,
        yOffset=alt.YOffset(f"{seri}:N", sort=list(urutan)),
        color=alt.Color(f"{seri}:N", sort=list(urutan),
                        scale=alt.Scale(domain=list(urutan), range=WARNA[: len(urutan)])),
        opacity=alt.condition(pilih, alt.value(1), alt.value(0.25)),
        tooltip=[alt.Tooltip(f"{y}:N", title="Program"), alt.Tooltip(f"{seri}:N", title="Seri"),
                 alt.Tooltip("teks:N", title="Nilai")],
    ).add_params(pilih)
    return _berlegenda(chart, max(30, 13 * baris + 10) * jumlah)


def _label_terlipat(rekaman: Sequence[Mapping[str, object]], kunci: str
                    ) -> tuple[list[dict[str, object]], alt.Y, int, int]:
    """For bars named by `kunci` with wrapped labels: the records with their label
    (`_label`), the y encoding that shows it line by line, the most lines a label takes, and
    how many bars there are."""
    import altair as alt

    label = {str(r[kunci]): _baris_label(str(r[kunci])) for r in rekaman}
    data = [{**r, "_label": label[str(r[kunci])]} for r in rekaman]
    sumbu = alt.Y("_label:N", title=None, sort=None,
                  axis=alt.Axis(labelLimit=BATAS_BARIS, labelExpr="split(datum.value, '\\n')"))
    baris = max((teks.count("\n") + 1 for teks in label.values()), default=1)
    return data, sumbu, baris, len(label)


def _berlegenda(chart: alt.Chart, tinggi: int) -> alt.Chart:
    """A bar chart beside its wrapped labels, with its legend below in rows."""
    import altair as alt

    return chart.properties(width=LEBAR - 220, height=tinggi).configure_axis(
        labelFontSize=11, titleFontSize=12).configure_legend(orient="bottom", title=None,
                                                             columns=alt.expr(KOLOM_LEGENDA))


def sebaran(rekaman: Sequence[dict[str, object]], judul_x: str, judul_y: str) -> alt.Chart:
    """Capaian against penyerapan per programme, with the 100% lines of both."""
    import altair as alt

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


def _warna_kategori(jumlah: int) -> list[str]:
    """`jumlah` colours from the lowest band's to the highest's (a scale with more categories
    than WARNA_KATEGORI repeats the last)."""
    if jumlah <= len(WARNA_KATEGORI):
        langkah = (len(WARNA_KATEGORI) - 1) / max(jumlah - 1, 1)
        return [WARNA_KATEGORI[round(i * langkah)] for i in range(jumlah)]
    return WARNA_KATEGORI + [WARNA_KATEGORI[-1]] * (jumlah - len(WARNA_KATEGORI))


def kategori_bertumpuk(rekaman: Sequence[dict[str, object]], urutan: Sequence[str]) -> alt.Chart:
    """Horizontal bars stacked by category, one bar per named row (e.g. each agency's IKU per
    category of capaian); the legend selects a category. Names wrap like `berkelompok`'s."""
    import altair as alt

    pilih = alt.selection_point(name="pilih_kategori", fields=["kategori"], bind="legend")
    data, sumbu_y, baris, jumlah = _label_terlipat(rekaman, "nama")
    chart = alt.Chart(alt.Data(values=data)).mark_bar().encode(
        x=alt.X("nilai:Q", title="Jumlah IKU", stack=True,
                axis=alt.Axis(tickMinStep=1, format="d")),
        y=sumbu_y,
        color=alt.Color("kategori:N", sort=list(urutan),
                        scale=alt.Scale(domain=list(urutan), range=_warna_kategori(len(urutan)))),
        order=alt.Order("urut:Q"),
        opacity=alt.condition(pilih, alt.value(1), alt.value(0.25)),
        tooltip=[alt.Tooltip("nama:N", title="Perangkat daerah"),
                 alt.Tooltip("kategori:N", title="Kategori"),
                 alt.Tooltip("teks:N", title="Jumlah IKU")],
    ).add_params(pilih)
    return _berlegenda(chart, max(24, 13 * baris + 8) * jumlah)
