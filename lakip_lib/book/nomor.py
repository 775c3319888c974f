"""Numbering of tables and figures: a pure function of the parts' plans in reading order.

Each part declares the numbered items it shows (`Bagian.rencana`: ("tabel" | "gambar", key)
in order, decided from which data the year has, never by building the content). Numbers count
per chapter prefix and kind: "3.12" is the twelfth table (or figure) of Bab III.
"""

from __future__ import annotations

from collections.abc import Iterable

Rencana = list[tuple[str, str]]  # ("tabel" | "gambar", key) in the order the part shows them
Nomor = dict[tuple[str, str, str], str]  # (part key, kind, item key) → "3.12"


def nomori(rencana: Iterable[tuple[str, str, Rencana]]) -> Nomor:
    """(part key, chapter prefix, plan) in reading order → every item's number."""
    nomor: Nomor = {}
    hitung: dict[tuple[str, str], int] = {}
    for kunci_bagian, bab, butir in rencana:
        for jenis, kunci in butir:
            n = hitung[(bab, jenis)] = hitung.get((bab, jenis), 0) + 1
            nomor[(kunci_bagian, jenis, kunci)] = f"{bab}.{n}"
    return nomor
