"""A numbered chart as the reader sees it (`Grafik`): a div plus its Vega-Lite spec, drawn live
by the site's own Vega (no CDN; the PDF is printed from the same live chart), with its text
alternative, and each mark named by what its tooltip says.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from lakip_lib.format import LOKAL_VEGA
from lakip_lib.json_terbit import json_aman
from lakip_lib.tampilan import aman, slug

if TYPE_CHECKING:  # Altair is loaded by the notebooks' charts, not by every user of this module
    import altair as alt


@dataclass(frozen=True)
class Grafik:
    """A numbered Altair chart: interactive in HTML (served Vega, no CDN), text elsewhere.

    `buat` builds the chart (a `charts` function with its data, `functools.partial`), called
    when it is first shown: a page that looks at its blocks without showing every chart (the
    review, for the figures marked in the edition's tables and sentences) builds none. Altair
    checks each channel against the Vega-Lite schema as a chart is built, about a thirtieth of
    a second a chart in a fresh notebook process."""

    nomor: str
    judul: str
    buat: Callable[[], alt.TopLevelMixin]
    alternatif: str  # text alternative: what the chart shows, in one or two sentences
    sumber: str = ""

    @cached_property
    def chart(self) -> alt.TopLevelMixin:
        return self.buat()

    @cached_property
    def _spec(self) -> dict[str, Any]:
        # the figure's own text alternative describes it; Vega's generated (English) ARIA
        # descriptions of axes and legends are left out. Not validated against the Vega-Lite
        # schema here (pure-Python jsonschema, a tenth of a second a chart in every notebook):
        # the chart builders are ours, and every chart the book publishes is validated by
        # tests/test_grafik.py
        spec = self.chart.to_dict(validate=False)
        config = spec.setdefault("config", {})
        for guide in ("axis", "legend"):
            config[guide] = {**config.get(guide, {}), "aria": False}
        _nama_tanda(spec)
        return spec

    def spec(self) -> dict[str, Any]:
        return self._spec

    def spec_layar(self) -> dict[str, Any]:
        """The spec for screens and print: as wide as its container, re-laid out on resize
        (Vega listens to window resizes when the width is "container")."""
        return {**self.spec(), "width": "container",
                "autosize": {"type": "fit-x", "contains": "padding"}}

    def html(self) -> str:
        spec = json.dumps(self.spec_layar(), sort_keys=True, ensure_ascii=False)
        kode = hashlib.sha256(spec.encode()).hexdigest()[:12]
        lokal = json.dumps(LOKAL_VEGA)
        data_spec = json_aman(spec)
        sumber = f'<p class="lakip-sumber">Sumber: {aman(self.sumber)}</p>' if self.sumber else ""
        return (
            f'<figure class="lakip-grafik" id="{slug("gambar-" + self.nomor)}">'
            f'<div id="vis-{kode}" class="lakip-vega" role="img" data-lokal="{aman(lokal)}" '
            f'aria-label="{aman(self.alternatif)}"></div>'
            f'<script type="application/json" id="spec-{kode}">{data_spec}</script>'
            f'<p class="lakip-alt">{aman(self.alternatif)}</p>'
            # a figcaption is a figure's first or last child: the source line sits inside it
            f'<figcaption><span class="lakip-judul-gambar"><span class="lakip-nomor">Gambar '
            f'{aman(self.nomor)}</span> {aman(self.judul)}</span>{sumber}</figcaption></figure>'
        )

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        # No static image: the HTML and the PDF (printed from the HTML) draw the live chart, and
        # rendering an SVG cost every notebook ~1 s of vl-convert start-up for nothing.
        return {"text/html": self.html(),
                "text/plain": f"Gambar {self.nomor} {self.judul}. {self.alternatif}"}


def _nama_tanda(spec: dict[str, Any]) -> None:
    """Each mark's accessible name (its `aria-label`, and its /Alt in the PDF) is what its
    tooltip says, with the tooltip's own titles and its pre-formatted Indonesian figures
    ("Indikator: IDG; Capaian: 98,96%"), not Vega-Lite's default list of every encoded field
    with raw floats ("Capaian (%): 98,9600216099"). Marks without a tooltip (reference rules)
    and text marks (labels repeating a bar's figure) are left out of the accessibility tree;
    the chart's own text alternative describes the whole."""
    for anak in (*spec.get("layer", ()), *spec.get("vconcat", ()), *spec.get("hconcat", ())):
        _nama_tanda(anak)
    if "mark" not in spec:
        return
    tanda = spec["mark"] if isinstance(spec["mark"], dict) else {"type": spec["mark"]}
    tooltip = spec.get("encoding", {}).get("tooltip")
    if not isinstance(tooltip, list) or tanda["type"] == "text":
        spec["mark"] = {**tanda, "aria": False}
        return
    bagian = [f"{json.dumps(t.get('title', t['field']) + ': ')} + datum[{json.dumps(t['field'])}]"
              for t in tooltip if "field" in t]
    spec["transform"] = [*spec.get("transform", ()),
                         {"calculate": " + '; ' + ".join(bagian), "as": "_nama"}]
    spec["encoding"]["description"] = {"field": "_nama", "type": "nominal"}
