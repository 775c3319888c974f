"""What the signed source printed differently: the audit's comparison of a loaded year,
grouped per chapter and fact for the correction marks of the review (book/reviu.py), which
lists the findings on the same page the marks are on."""

from __future__ import annotations

from functools import lru_cache

from lakip_lib import audit
from lakip_lib import fakta as f
from lakip_lib.data_tahun import DataTahun, turunan
from lakip_lib.tampilan import Koreksi


@lru_cache(maxsize=4)
def _perbandingan_audit(d: DataTahun) -> list[audit.Temuan]:
    """The audit's comparison of a loaded year, once: the appendix and every chapter's
    correction marks need it."""
    return audit.perbandingan(d)


@lru_cache(maxsize=4)
def temuan_audit(d: DataTahun) -> list[audit.Temuan]:
    """The findings of a loaded year (`lakip audit`'s), numbered as the review lists them."""
    return audit.hanya_temuan(_perbandingan_audit(d))


def ada_sumber_tercetak(d: DataTahun) -> bool:
    """Whether the edition has a signed source whose printed figures the book rechecks (an
    edition made straight from input data has none)."""
    return d.ada("dilaporkan") or d.ada("iku_dilaporkan")


@turunan  # the plan of the review depends on this answer, not on the audit behind it
def ada_temuan(d: DataTahun) -> bool:
    """Whether the review lists findings: the edition has a signed source and the audit of
    its printed figures found at least one (computed once per loaded year, in the build
    process, with the chapters' correction marks)."""
    return ada_sumber_tercetak(d) and bool(temuan_audit(d))


@turunan  # a page depends on its chapter's corrections, not on the whole audit behind them
def koreksi_bab(d: DataTahun, bab: str) -> dict[str, tuple[Koreksi, ...]]:
    """fact → what the signed source printed for it in chapter `bab`, where that differs from
    the book (one correction per printed value; its places listed together). Empty for an
    edition without a signed source (no dilaporkan data)."""
    if not ada_sumber_tercetak(d):
        return {}  # no signed predecessor: nothing was printed that the book could correct
    temuan = temuan_audit(d)
    nomor = {t: i for i, t in enumerate(temuan, start=1)}
    per_fakta: dict[str, dict[str, list[audit.Temuan]]] = {}
    for t in _perbandingan_audit(d):
        if t.fakta and f.bab_sumber(t.lokasi) == bab:
            per_fakta.setdefault(t.fakta, {}).setdefault(t.dilaporkan, []).append(t)
    hasil: dict[str, tuple[Koreksi, ...]] = {}
    for fakta_, per_nilai in per_fakta.items():
        hasil[fakta_] = tuple(
            Koreksi(tercetak, "; ".join(dict.fromkeys(t.lokasi for t in sama)), sama[0].seharusnya,
                    sama[0].hitungan, _nomor_temuan(sama[0], temuan, nomor))
            for tercetak, sama in per_nilai.items())
    return hasil


@turunan  # a page depends on the corrections of the facts it shows, nothing more
def koreksi_fakta(d: DataTahun, bab: str, fakta: str) -> tuple[Koreksi, ...]:
    """The corrections of one fact as chapter `bab` shows it."""
    return koreksi_bab(d, bab).get(fakta, ())


def _nomor_temuan(t: audit.Temuan, temuan: list[audit.Temuan],
                  nomor: dict[audit.Temuan, int]) -> int | None:
    """The review's number of a finding; for a difference that only follows from a printed
    input, the finding about an input at the same place."""
    if t in nomor:
        return nomor[t]
    subjek = t.perihal.split(":")[0]
    return next((nomor[x] for x in temuan if x.lokasi == t.lokasi
                 and x.perihal.split(":")[0] == subjek), None)
