"""Browser helpers for the tests: the same Chromium and localhost server the PDF step uses."""

from lakip_lib.peramban import chromium as peramban
from lakip_lib.peramban import server

__all__ = ["peramban", "server"]
