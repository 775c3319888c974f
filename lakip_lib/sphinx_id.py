"""Sphinx extension: Indonesian for the interface strings that Sphinx, pydata-sphinx-theme and
sphinx-book-theme ship without an Indonesian translation. Installed as a fallback of the
theme catalogues, so an existing translation always wins; strings the themes hard-code in their
templates are overridden in `book/_templates/`."""

from __future__ import annotations

import gettext
from typing import Any

from sphinx.locale import translators

KAMUS = {
    "Skip to main content": "Langsung ke isi utama",
    "Back to top": "Kembali ke atas",
    "Color mode": "Mode warna",
    "Light": "Terang",
    "Dark": "Gelap",
    "System Settings": "Ikuti pengaturan sistem",
    "Version warning": "Peringatan versi",
    "Site navigation": "Navigasi situs",
    "Section Navigation": "Navigasi bagian",
    "On this page": "Di halaman ini",
    "Link to this heading": "Tautan ke judul ini",
    "previous page": "halaman sebelumnya",
    "next page": "halaman berikutnya",
    "previous": "Sebelumnya",
    "next": "Berikutnya",
    "Announcement": "Pengumuman",
    "Breadcrumb": "Jejak navigasi",
    "Home": "Beranda",
    "Search": "Cari",
    "Contents": "Daftar isi",
    "Indices": "Indeks",
    "General Index": "Indeks umum",
    "Show Source": "Tampilkan sumber",
    "Expand Sidebar": "Buka bilah samping",
    "Collapse Sidebar": "Tutup bilah samping",
    "Download this page": "Unduh halaman ini",
    "Download source file": "Unduh berkas sumber",
    "Print to PDF": "Cetak ke PDF",
    "Fullscreen mode": "Layar penuh",
    "Search this book...": "Cari di buku ini…",
    "By": "Oleh",
    "Last updated on %(last_updated)s.": "Diperbarui pada %(last_updated)s.",
}


class _Kamus(gettext.NullTranslations):
    def gettext(self, message: str) -> str:
        return KAMUS.get(message, message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return self.gettext(msgid1 if n == 1 else msgid2)


def _pasang(app: Any) -> None:
    if app.config.language != "id":
        return
    for katalog in ("sphinx", "booktheme"):
        penerjemah = translators.setdefault(("general", katalog), gettext.NullTranslations())
        penerjemah.add_fallback(_Kamus())


def setup(app: Any) -> dict[str, Any]:
    app.connect("builder-inited", _pasang)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
