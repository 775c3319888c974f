"""Browser helpers for the tests: the same Chromium and localhost server the PDF step uses."""

from typing import Any

from lakip_lib.peramban import chromium as peramban
from lakip_lib.peramban import server

__all__ = ["GRAFIK_TERGAMBAR", "gambar_semua", "peramban", "server"]

GRAFIK_TERGAMBAR = ("() => [...document.querySelectorAll('.lakip-vega')]"
                    ".every(d => d.querySelector('svg'))")


_GAMBAR_SEMUA = """() => {
  const semua = [...document.querySelectorAll('.lakip-vega')];
  const belum = semua.find(d => !d.querySelector('svg'));
  if (belum) belum.scrollIntoView();
  else if (semua.length) window.scrollTo(0, 0);
  return !belum;
}"""


def gambar_semua(page: Any, timeout: int = 15_000) -> None:
    """Every chart of the page drawn. lakip.js loads the Vega bundle when the first chart comes
    near the screen, as a reader scrolling would: bring the charts there until all are drawn,
    then go back to the top. A page without a chart returns at once (a redirect is followed)."""
    page.wait_for_function(_GAMBAR_SEMUA, timeout=timeout)
