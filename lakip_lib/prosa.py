"""Generated sentences that state figures. Every number in them comes from the caller's data.

Qualitative analysis (causes, obstacles, solutions) is the analyst's Markdown under data/<year>/
narasi/; this module only writes the sentences whose content is arithmetic. The sentences are
Markdown: every text from data in them (names, units, categories) passes through `md`, so it reads
as literal text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from itertools import pairwise

from lakip_lib import fakta as f
from lakip_lib import format as fmt
from lakip_lib.kinerja import (
    HasilAnggaran,
    HasilIndikator,
    PerbandinganWilayah,
    TitikRiwayat,
    TotalAnggaran,
)
from lakip_lib.markdown_terbatas import markdown_aman as md
from lakip_lib.perhitungan import Arah, Pita

TANPA_SATUAN = {"indeks", ""}


def nilai(angka: Decimal | int | None, satuan: str, desimal: int | None = 2) -> str:
    """A value with its unit: `73,27`, `54,90%`, `17,00 per 1.000 perempuan 15–19 tahun`.
    `desimal=None` shows whole numbers without decimals (counts: `13 Laporan`)."""
    if angka is None:
        return fmt.BELUM_TERSEDIA
    teks = fmt.angka_alami(angka) if desimal is None else fmt.angka(angka, desimal)
    if satuan == "%":
        return f"{teks}%"
    return teks if satuan in TANPA_SATUAN else f"{teks} {satuan}"


def bilangan(n: int) -> str:
    """`4` → `4 (empat)`, as official prose writes counts."""
    return f"{n} ({fmt.terbilang(n).lower()})"


def capaian_indikator(h: HasilIndikator, tahun: int, skala: Sequence[Pita] = ()) -> str:
    """The IKU's result of the year. A missed target whose capaian still falls in the band that
    holds 100% (e.g. 98,96% → Sangat Tinggi) is said in one sentence that explains why."""
    if h.realisasi is None:
        return (f"Realisasi {md(h.nama)} tahun {tahun} belum tersedia, sehingga capaiannya terhadap "
                f"target {md(nilai(h.target, h.satuan, h.desimal))} belum dapat dihitung.")
    pita = _pita_tinggi(h, skala)
    kalimat = (f"Pada tahun {tahun}, realisasi {md(h.nama)} sebesar "
               f"{md(nilai(h.realisasi, h.satuan, h.desimal))} terhadap target "
               f"{md(nilai(h.target, h.satuan, h.desimal))}, sehingga capaiannya "
               f"{fmt.persen(h.capaian)}"
               + ("." if pita else f" dengan kategori **{md(h.kategori)}**."))
    if h.arah is Arah.TURUN:
        kalimat += (" Indikator ini makin baik bila makin rendah, sehingga capaian dihitung "
                    "dengan rumus (2 × target − realisasi) ÷ target × 100.")
    if h.tercapai is not None:
        kalimat += " Target tahun ini " + ("tercapai." if h.tercapai else "belum tercapai"
                                           + (_namun_tinggi(pita) if pita else "."))
    return kalimat


def _pita_tinggi(h: HasilIndikator, skala: Sequence[Pita]) -> Pita | None:
    """The band of a missed target's capaian when that band also holds 100%, else None."""
    if h.tercapai is not False:
        return None
    return next((p for p in skala if p.kategori == h.kategori and p.memuat(Decimal(100))), None)


def _namun_tinggi(pita: Pita) -> str:
    rentang = (f"setiap capaian di atas {fmt.angka_alami(pita.batas_bawah)}%"
               if pita.batas_bawah is not None else "capaian 100%")
    return (f", tetapi capaiannya tetap berkategori **{md(pita.kategori)}** karena kategori "
            f"itu mencakup {rentang}.")


def selisih_nilai(selisih: Decimal, satuan: str, desimal: int | None) -> str:
    """A difference with its unit: `3,24 poin` (an index), `5,50 poin persentase`,
    `0,02 anak per perempuan`."""
    if satuan == "%":
        return md(f"{nilai(selisih, '', desimal)} poin persentase")
    if satuan in TANPA_SATUAN:
        return md(f"{nilai(selisih, '', desimal)} poin")
    return md(nilai(selisih, satuan, desimal))


# --- items b and c of a sasaran: the multi-year pattern, and the pace to the Renstra's end ---

Titik = tuple[int, Decimal | None, Decimal | None]  # (year, Renstra target, realisasi)


@dataclass(frozen=True)
class Uraian:
    """A generated passage (Markdown) and the facts its figures state, in the order they appear:
    (the figure as written, its fact name), for the book to mark."""

    markdown: str
    fakta: tuple[tuple[str, str], ...] = ()


class Pola(Enum):
    """The shape of an indicator's realisasi over the years, as an editor would name it."""

    BELUM_ADA = "belum ada"  # no realisasi this year
    TITIK_PERTAMA = "titik pertama"  # this year's realisasi is the only one
    DUA_TAHUN = "dua tahun"  # one earlier year to compare with
    DATAR = "datar"  # every year within a narrow band
    KELUAR_DATAR = "keluar dari kisaran"  # flat, then this year leaves the band
    MENERUS = "menerus"  # the same direction at every step
    BERBALIK = "berbalik"  # this year's step reverses the one before
    BERTURUT = "berturut-turut"  # two or more steps the same way since an earlier turn
    NAIK_TURUN = "naik-turun"  # up and down, no change this year


class Laju(Enum):
    """Where an indicator stands on its way to the end-of-Renstra target."""

    TIDAK_DAPAT = "tidak dapat dinilai"  # no realisasi or no end target
    TERLAMPAUI_JAUH = "terlampaui jauh"  # reached, with a wide margin
    TERCAPAI = "tercapai"  # reached, just
    TIDAK_TERCAPAI = "tidak tercapai"  # the period ends this year, short of the target
    TANPA_LAJU = "laju belum terukur"  # short of it, one year of realisasi: no pace so far
    SESUAI_JALUR = "sesuai jalur"  # short of it, the pace so far is enough
    PERLU_DIPERCEPAT = "perlu dipercepat"  # short of it, the pace so far is too slow
    BERLAWANAN = "berlawanan arah"  # short of it, moving away from it (or not moving)


KISARAN_DATAR = Decimal("0.01")  # values within 1% of the largest read as flat
BATAS_JAUH = Decimal(110)  # a capaian on the end target from which it is "far" exceeded
BATAS_JAUH_DARI = Decimal(50)  # … and below which the realisasi is "far" from it


def _ada(deret: Sequence[Titik]) -> list[tuple[int, Decimal]]:
    return [(t, r) for t, _, r in deret if r is not None]


def _datar(nilai_: Sequence[Decimal]) -> bool:
    return max(nilai_) - min(nilai_) <= KISARAN_DATAR * max(abs(v) for v in nilai_)


def pola_tren(deret: Sequence[Titik]) -> Pola:
    """The pattern of the realisasi in `deret` (years in order, this year last)."""
    if not deret or deret[-1][2] is None:
        return Pola.BELUM_ADA
    nilai_ = [r for _, r in _ada(deret)]
    if len(nilai_) <= 2:
        return Pola.TITIK_PERTAMA if len(nilai_) == 1 else Pola.DUA_TAHUN
    if _datar(nilai_):
        return Pola.DATAR
    if _datar(nilai_[:-1]):
        return Pola.KELUAR_DATAR
    langkah = [b - a for a, b in pairwise(nilai_)]
    if all(x > 0 for x in langkah) or all(x < 0 for x in langkah):
        return Pola.MENERUS
    if langkah[-1] * langkah[-2] < 0:
        return Pola.BERBALIK
    return Pola.BERTURUT if langkah[-1] * langkah[-2] > 0 else Pola.NAIK_TURUN


class _Penulis:
    """Writes one indicator's figures with their units, recording each realisasi and end
    target it writes as a fact (in writing order: call it inside the sentence's f-string)."""

    def __init__(self, h: HasilIndikator):
        self.h = h
        self.fakta: list[tuple[str, str]] = []
        self.nama = md(h.nama)

    def nilai(self, angka: Decimal, fakta: str | None = None) -> str:
        teks_ = nilai(angka, self.h.satuan, self.h.desimal)
        if fakta:
            self.fakta.append((teks_, fakta))
        return md(teks_)

    def teks(self, teks_: str, fakta: str) -> str:
        """A figure already formatted (a capaian), recorded as its fact when it is one."""
        if teks_ != fmt.BELUM_TERSEDIA:
            self.fakta.append((teks_, fakta))
        return md(teks_)

    def realisasi(self, tahun: int, angka: Decimal) -> str:
        return self.nilai(angka, f.indikator(self.h.kode, "realisasi", tahun))

    def selisih(self, angka: Decimal) -> str:
        return selisih_nilai(abs(angka), self.h.satuan, self.h.desimal)

    def uraian(self, markdown: str) -> Uraian:
        return Uraian(markdown, tuple(self.fakta))

    def gerak(self, sebelum: Decimal, sesudah: Decimal) -> str:
        """`naik 3,24 poin (4,63%)`: the step with its unit and, when defined, its relative size."""
        beda = sesudah - sebelum
        relatif = f" ({fmt.persen(abs(beda) / abs(sebelum) * 100)})" if sebelum != 0 else ""
        return f"{'naik' if beda > 0 else 'turun'} {self.selisih(beda)}{relatif}"

    def arti(self, sebelum: Decimal, sesudah: Decimal) -> str:
        """Whether the step is good news, with the reason where the direction is not obvious."""
        membaik = (sesudah > sebelum) == (self.h.arah is Arah.NAIK)
        makin = "tinggi" if self.h.arah is Arah.NAIK else "rendah"
        if membaik:
            return "kinerjanya membaik" + (" (indikator ini makin baik bila makin rendah)"
                                           if self.h.arah is Arah.TURUN else "")
        return f"kinerjanya memburuk, karena indikator ini makin baik bila makin {makin}"


def tren(h: HasilIndikator, deret: Sequence[Titik], tahun: int) -> Uraian:
    """Item b: this year's realisasi against the earlier years of `deret`, in a sentence shaped
    by the pattern of the years (see `pola_tren`)."""
    p, pola = _Penulis(h), pola_tren(deret)
    ada = _ada(deret)
    if pola is Pola.BELUM_ADA:
        if not ada:
            return p.uraian(f"Belum ada realisasi {p.nama} yang tercatat hingga tahun {tahun}, "
                            "sehingga perkembangannya dari tahun ke tahun belum dapat dinilai.")
        t, v = ada[-1]
        return p.uraian(f"Realisasi {p.nama} tahun {tahun} belum tersedia; angka terakhir yang "
                        f"tercatat adalah {p.realisasi(t, v)} pada tahun {t}, sehingga arah "
                        "perkembangannya tahun ini belum dapat dinilai.")
    if pola is Pola.TITIK_PERTAMA:
        return p.uraian(_titik_pertama(p, deret, tahun))
    (t0, v0), (tp, vp), v = ada[0], ada[-2], h.realisasi or Decimal(0)
    if pola is Pola.DUA_TAHUN:
        if v == v0:
            return p.uraian(f"Realisasi {p.nama} tahun {tahun} sama dengan tahun {t0}, yaitu "
                            f"{p.realisasi(tahun, v)}.")
        return p.uraian(f"Dibandingkan tahun {t0} ({p.realisasi(t0, v0)}), realisasi {p.nama} "
                        f"tahun {tahun} {p.gerak(v0, v)}, sehingga {p.arti(v0, v)}.")
    (tmin, vmin), (tmax, vmax) = min(ada, key=lambda x: x[1]), max(ada, key=lambda x: x[1])
    if pola is Pola.DATAR:
        if vmin == vmax:
            return p.uraian(f"Realisasi {p.nama} tidak berubah sejak tahun {t0}: "
                            f"{p.realisasi(tahun, v)} pada setiap tahun yang tercatat.")
        return p.uraian(f"Realisasi {p.nama} relatif datar selama {t0}–{tahun}: angkanya hanya "
                        f"bergerak antara {p.realisasi(tmin, vmin)} dan {p.realisasi(tmax, vmax)}, "
                        f"dan tahun ini {p.realisasi(tahun, v)}.")
    if pola is Pola.KELUAR_DATAR:
        lama = ada[:-1]
        (ta, va), (tb, vb) = min(lama, key=lambda x: x[1]), max(lama, key=lambda x: x[1])
        puncak = ("tertinggi" if v > vb else "terendah") + f" sejak tahun {t0}"
        return p.uraian(f"Setelah bertahan di kisaran {p.realisasi(ta, va)}–{p.realisasi(tb, vb)} "
                        f"selama {t0}–{tp}, realisasi {p.nama} {p.gerak(vp, v)} pada tahun "
                        f"{tahun} menjadi {p.realisasi(tahun, v)}, angka {puncak}; "
                        f"{p.arti(vp, v)}.")
    if pola is Pola.MENERUS:
        arah_ = "naik" if v > v0 else "turun"
        return p.uraian(f"Realisasi {p.nama} {arah_} pada setiap tahun yang tercatat sejak "
                        f"{t0}: dari {p.realisasi(t0, v0)} menjadi {p.realisasi(tahun, v)} pada "
                        f"tahun {tahun}, atau {arah_} {p.selisih(v - v0)} dalam "
                        f"{bilangan(tahun - t0)} tahun{_lonjakan(p, ada)}. Dibandingkan tahun "
                        f"{tp} ({p.realisasi(tp, vp)}), tahun ini {p.gerak(vp, v)}; "
                        f"{p.arti(vp, v)}.")
    if pola is Pola.BERBALIK:
        _, vq = ada[-3]
        return p.uraian(f"Arah realisasi {p.nama} berbalik pada tahun {tahun}: setelah "
                        f"{p.gerak(vq, vp)} pada tahun {tp} menjadi {p.realisasi(tp, vp)}, "
                        f"tahun ini {p.gerak(vp, v)} menjadi {p.realisasi(tahun, v)}, sehingga "
                        f"{p.arti(vp, v)}.")
    if pola is Pola.BERTURUT:
        return p.uraian(_berturut(p, ada))
    return p.uraian(f"Realisasi {p.nama} naik-turun selama {t0}–{tahun}, antara "
                    f"{p.realisasi(tmin, vmin)} (tahun {tmin}) dan {p.realisasi(tmax, vmax)} "
                    f"(tahun {tmax}). Dari tahun {tp} ke tahun {tahun} angkanya {p.gerak(vp, v)}; "
                    f"{p.arti(vp, v)}.")


def _titik_pertama(p: _Penulis, deret: Sequence[Titik], tahun: int) -> str:
    """This year's realisasi is the first: say which earlier years had a target but none."""
    kosong = [t for t, target, _ in deret[:-1] if target is not None]
    sekarang = p.realisasi(tahun, p.h.realisasi or Decimal(0))
    if not kosong:
        return (f"Realisasi {p.nama} sebelum tahun {tahun} tidak tercatat dalam data, sehingga "
                f"angka tahun ini ({sekarang}) belum dapat dibandingkan dengan tahun sebelumnya.")
    if len(kosong) == 1:
        return (f"Target {p.nama} tahun {kosong[0]} sudah ditetapkan dalam Renstra, tetapi "
                f"realisasinya tidak tersedia; karena itu realisasi tahun {tahun} ({sekarang}) "
                "belum dapat dibandingkan dengan tahun sebelumnya.")
    return (f"Renstra menetapkan target {p.nama} sejak tahun {kosong[0]}, tetapi realisasi "
            f"tahun {kosong[0]}–{kosong[-1]} tidak tercatat; realisasi tahun {tahun} "
            f"({sekarang}) menjadi titik pertama, sehingga tren tahunannya belum dapat dibaca.")


def _berturut(p: _Penulis, ada: Sequence[tuple[int, Decimal]]) -> str:
    """The run of steps in this year's direction, since the turn before it."""
    naik = ada[-1][1] > ada[-2][1]
    awal = len(ada) - 2
    while awal > 0 and (ada[awal][1] > ada[awal - 1][1]) == naik \
            and ada[awal][1] != ada[awal - 1][1]:
        awal -= 1
    (ts, vs), (tp, vp), (tahun, v) = ada[awal], ada[-2], ada[-1]
    arah_, balik = ("naik", "turun") if naik else ("turun", "naik")
    if vs == ada[awal - 1][1]:
        balik = "tidak berubah"
    return (f"Realisasi {p.nama} {arah_} {bilangan(len(ada) - 1 - awal)} tahun berturut-turut "
            f"setelah {balik} pada tahun {ts}: dari {p.realisasi(ts, vs)} menjadi "
            f"{p.realisasi(tahun, v)} pada tahun {tahun}. Tahun ini saja angkanya "
            f"{p.gerak(vp, v)} dari tahun {tp}, sehingga {p.arti(vp, v)}.")


def _lonjakan(p: _Penulis, ada: Sequence[tuple[int, Decimal]]) -> str:
    """`, dengan lonjakan terbesar pada tahun 2022: naik 50,00 poin persentase` when one step
    of three or more makes more than half of the whole movement, else nothing."""
    langkah = [(b[0], a[1], b[1]) for a, b in pairwise(ada)]
    if len(langkah) < 3:
        return ""
    t, a, b = max(langkah, key=lambda x: abs(x[2] - x[1]))
    if abs(b - a) * 2 <= abs(ada[-1][1] - ada[0][1]):
        return ""
    return (f", dengan lonjakan terbesar pada tahun {t}: {'naik' if b > a else 'turun'} "
            f"{p.selisih(b - a)}")


def pola_laju(h: HasilIndikator, deret: Sequence[Titik], target_akhir: Decimal | None,
              tahun_akhir: int, capaian_akhir: Decimal | None, tahun: int) -> Laju:
    """Item c's judgement: the distance to the end target against the pace so far."""
    if target_akhir is None or h.realisasi is None:
        return Laju.TIDAK_DAPAT
    jarak = _jarak(h, target_akhir)
    if jarak <= 0:
        jauh = capaian_akhir is not None and capaian_akhir >= BATAS_JAUH
        return Laju.TERLAMPAUI_JAUH if jauh else Laju.TERCAPAI
    if tahun_akhir <= tahun:
        return Laju.TIDAK_TERCAPAI
    laju = _laju(h, deret, tahun)
    if laju is None:
        return Laju.TANPA_LAJU
    if laju <= 0:
        return Laju.BERLAWANAN
    return Laju.SESUAI_JALUR if laju >= jarak / (tahun_akhir - tahun) else Laju.PERLU_DIPERCEPAT


def _jarak(h: HasilIndikator, target_akhir: Decimal) -> Decimal:
    """What still separates this year's realisasi from the end target, in the good direction."""
    r = h.realisasi or Decimal(0)
    return target_akhir - r if h.arah is Arah.NAIK else r - target_akhir


def _laju(h: HasilIndikator, deret: Sequence[Titik], tahun: int) -> Decimal | None:
    """The average yearly step in the good direction from the first realisasi of `deret` to
    this year's; None with a single year."""
    ada = _ada(deret)
    if len(ada) < 2 or h.realisasi is None:
        return None
    t0, v0 = ada[0]
    langkah = (h.realisasi - v0) / (tahun - t0)
    return langkah if h.arah is Arah.NAIK else -langkah


def akhir_renstra(h: HasilIndikator, deret: Sequence[Titik], target_akhir: Decimal | None,
                  tahun_akhir: int, capaian_akhir: Decimal | None, tahun: int) -> Uraian:
    """Item c: the distance to the end-of-Renstra target, the yearly progress that still
    reaches it and how it compares with the pace so far (see `pola_laju`)."""
    p = _Penulis(h)
    laju_ = pola_laju(h, deret, target_akhir, tahun_akhir, capaian_akhir, tahun)
    if laju_ is Laju.TIDAK_DAPAT or target_akhir is None or h.realisasi is None:
        apa = f"realisasi tahun {tahun}" if h.realisasi is None else "target akhirnya"
        return p.uraian(f"Kemajuan {p.nama} menuju target akhir Renstra tahun {tahun_akhir} "
                        f"belum dapat dinilai karena {apa} belum tersedia.")
    v, c = h.realisasi, fmt.persen(capaian_akhir)
    akhir = f.indikator(h.kode, "target_renstra", tahun_akhir)
    capaian_ = f.indikator(h.kode, "capaian_akhir_renstra")
    jarak, sisa = _jarak(h, target_akhir), tahun_akhir - tahun
    tambah = "kenaikan" if h.arah is Arah.NAIK else "penurunan"
    if laju_ is Laju.TERLAMPAUI_JAUH:
        return p.uraian(f"Realisasi {p.nama} tahun {tahun} ({p.realisasi(tahun, v)}) sudah jauh "
                        f"melampaui target akhir Renstra {tahun_akhir} "
                        f"({p.nilai(target_akhir, akhir)}), dengan capaian {p.teks(c, capaian_)} "
                        f"terhadap target itu; sisa periode hingga {tahun_akhir} tinggal menjaga "
                        "hasil ini.")
    if laju_ is Laju.TERCAPAI:
        kembali = "naik melewati" if h.arah is Arah.TURUN else "turun di bawah"
        return p.uraian(f"Dengan realisasi {p.realisasi(tahun, v)} pada tahun {tahun}, target "
                        f"akhir Renstra {p.nama} untuk tahun {tahun_akhir} "
                        f"({p.nilai(target_akhir, akhir)}) sudah tercapai, meski tipis (capaian "
                        f"{p.teks(c, capaian_)}); hingga {tahun_akhir} realisasinya perlu dijaga "
                        f"agar tidak kembali {kembali} target itu.")
    if laju_ is Laju.TIDAK_TERCAPAI:
        return p.uraian(f"Periode Renstra berakhir tahun ini, dan realisasi {p.nama} "
                        f"({p.realisasi(tahun, v)}) belum mencapai target akhir "
                        f"{p.nilai(target_akhir, akhir)}: masih kurang {p.selisih(jarak)} "
                        f"(capaian {p.teks(c, capaian_)}).")
    perlu = p.selisih(jarak / sisa)
    if laju_ is Laju.TANPA_LAJU:
        sisa_ = (f", atau rata-rata {perlu} per tahun selama {bilangan(sisa)} tahun tersisa "
                 f"({tahun + 1}–{tahun_akhir})" if sisa > 1
                 else f" dalam satu tahun tersisa ({tahun_akhir})")
        posisi = (f"baru mencapai {p.teks(c, capaian_)} dari target akhir Renstra {tahun_akhir} "
                  f"({p.nilai(target_akhir, akhir)})" if (capaian_akhir or 0) >= BATAS_JAUH_DARI
                  else f"masih jauh dari target akhir Renstra {tahun_akhir} "
                  f"({p.nilai(target_akhir, akhir)}), dengan capaian {p.teks(c, capaian_)} "
                  "terhadap target itu")
        return p.uraian(f"Realisasi {p.nama} tahun {tahun} ({p.realisasi(tahun, v)}) {posisi}. "
                        "Masih diperlukan "
                        f"{tambah} {p.selisih(jarak)} untuk mencapainya{sisa_}; laju tahun-tahun "
                        f"sebelumnya belum dapat dibandingkan karena realisasi {p.nama} baru "
                        "tercatat untuk satu tahun.")
    t0, v0 = _ada(deret)[0]
    laju = p.selisih(_laju(h, deret, tahun) or Decimal(0))
    per_tahun = (f"rata-rata {perlu} per tahun hingga {tahun_akhir}" if sisa > 1
                 else f"{perlu} dalam satu tahun ({tahun_akhir})")
    if laju_ is Laju.SESUAI_JALUR:
        return p.uraian(f"Target akhir Renstra {p.nama} tahun {tahun_akhir} adalah "
                        f"{p.nilai(target_akhir, akhir)}, dan realisasi tahun {tahun} "
                        f"({p.realisasi(tahun, v)}) sudah mencapai {p.teks(c, capaian_)} "
                        f"darinya. Sisa {tambah} {p.selisih(jarak)} berarti {per_tahun}, tidak "
                        f"lebih cepat daripada laju {t0}–{tahun} (rata-rata {laju} per tahun); "
                        "bila laju itu terjaga, target akhir akan tercapai.")
    if laju_ is Laju.PERLU_DIPERCEPAT:
        return p.uraian(f"Untuk mencapai target akhir Renstra {p.nilai(target_akhir, akhir)} "
                        f"pada tahun {tahun_akhir}, realisasi {p.nama} ({p.realisasi(tahun, v)} "
                        f"pada tahun {tahun}, capaian {p.teks(c, capaian_)} terhadap target "
                        f"itu) masih memerlukan {tambah} {p.selisih(jarak)}, yaitu {per_tahun}. "
                        f"Laju {t0}–{tahun} baru rata-rata {laju} per tahun, sehingga {tambah} "
                        f"{p.nama} perlu dipercepat.")
    gerak = (f"tidak berubah sejak tahun {t0}" if h.realisasi == v0
             else f"menjauh rata-rata {laju} per tahun sejak tahun {t0}")
    return p.uraian(f"Realisasi {p.nama} justru {gerak}, menjadi {p.realisasi(tahun, v)} pada "
                    f"tahun {tahun} (capaian {p.teks(c, capaian_)} terhadap target akhir "
                    f"Renstra {tahun_akhir} sebesar {p.nilai(target_akhir, akhir)}); untuk "
                    f"mencapai target itu diperlukan {tambah} {per_tahun}.")


def anggaran(total: TotalAnggaran, sumber: str) -> str:
    if total.anggaran is None:
        return "Rincian anggaran tahun ini belum lengkap; jumlahnya belum tersedia."
    if total.realisasi is None:
        return (f"Anggaran instansi tahun ini sebesar {fmt.rupiah(total.anggaran)} "
                f"(*{fmt.terbilang_rupiah(total.anggaran)}*) yang bersumber dari {md(sumber)}. "
                "Realisasinya belum tersedia.")
    return (f"Anggaran instansi tahun ini sebesar {fmt.rupiah(total.anggaran)} "
            f"(*{fmt.terbilang_rupiah(total.anggaran)}*) yang bersumber dari {md(sumber)}. "
            f"Realisasinya {fmt.rupiah(total.realisasi)} "
            f"(*{fmt.terbilang_rupiah(total.realisasi)}*) atau {fmt.persen(total.penyerapan)} "
            f"dari anggaran, dengan sisa {fmt.rupiah(total.sisa)}.")


def sebaran_kategori(jumlah: Mapping[str, int], keseluruhan: str | None,
                     nilai_: Decimal | None, aturan: str) -> str:
    """The count per category, then the verdict with the rule it follows (`aturan`: the rule
    in words, e.g. "median capaian seluruh IKU")."""
    ada = [(k, n) for k, n in jumlah.items() if n]
    total = sum(jumlah.values())
    if not ada:
        return "Belum ada IKU yang capaiannya dapat dihitung."
    rincian = ", ".join(f"{bilangan(n)} berkategori {md(k)}" for k, n in ada)
    return (f"Dari {bilangan(total)} IKU yang capaiannya dapat dihitung, {rincian}. "
            f"Kinerja instansi secara keseluruhan dinilai dari {md(aturan)}, yaitu "
            f"{fmt.persen(nilai_)}, sehingga berkategori **{md(keseluruhan)}**.")


def efisiensi(capaian: Decimal | None, penyerapan: Decimal | None,
              efisiensi_: Decimal | None) -> str:
    if efisiensi_ is None:
        return "Efisiensi belum dapat dihitung karena capaian atau penyerapan anggaran belum tersedia."
    arti = ("hasil yang dicapai lebih besar daripada porsi anggaran yang diserap"
            if efisiensi_ >= 100 else "porsi anggaran yang diserap lebih besar daripada hasilnya")
    return (f"Capaian kinerja {fmt.persen(capaian)} dibandingkan penyerapan anggaran "
            f"{fmt.persen(penyerapan)} menghasilkan efisiensi {fmt.persen(efisiensi_)}: {arti}.")


# --- sentences of the book's parts -------------------------------------------------------------

PEMBANDING_BELUM_ADA = ("Data pembanding dari daerah lain, provinsi, atau nasional belum "
                        "tersedia untuk sasaran ini.")
PENGANTAR_PK = ("Untuk mewujudkan pemerintahan yang efektif, transparan, akuntabel, dan "
                "berorientasi pada hasil, yang bertanda tangan di bawah ini:")
JANJI_PK = ("Pihak Pertama berjanji mewujudkan target kinerja tahunan yang tercantum pada "
            "tabel di bawah ini sebagai bagian dari sasaran jangka menengah dalam Renstra, "
            "dan bertanggung jawab atas berhasil atau tidaknya target tersebut dicapai. "
            "Pihak Kedua memantau pelaksanaannya dan mengevaluasi capaiannya.")
PENGERTIAN_EFISIENSI = (
    "Efisiensi membandingkan capaian kinerja dengan penyerapan anggaran: nilai di atas 100% "
    "berarti hasil yang dicapai lebih besar daripada porsi anggaran yang digunakan. "
    "Penyerapan dihitung dari tabel realisasi anggaran.")


def narasi_belum_ditulis(nama: str, tahun: int) -> str:
    """Shown where the analyst's narrative of the year is missing."""
    return f"*Narasi `{nama}.md` belum ditulis untuk tahun {tahun}.*"


def target_sementara(tahun: int) -> str:
    """The notice of a draft whose IKU targets are still the Renstra's."""
    return (f"Perjanjian Kinerja tahun {tahun} belum ditandatangani: target indikator kinerja "
            "utama yang ditampilkan masih target Renstra dan bersifat sementara.")


def pengantar_iku(tahun: int, jumlah_sasaran: int, jumlah_iku: int, sementara: bool) -> str:
    """The Ikhtisar's lead-in to its IKU table."""
    if sementara:
        return (f"Tahun {tahun} diukur dengan {bilangan(jumlah_sasaran)} sasaran strategis dan "
                f"{bilangan(jumlah_iku)} indikator kinerja utama. " + target_sementara(tahun)
                + " Capaiannya diringkas pada tabel berikut.")
    return (f"Perjanjian Kinerja tahun {tahun} memuat {bilangan(jumlah_sasaran)} sasaran "
            f"strategis dengan {bilangan(jumlah_iku)} indikator kinerja utama. Capaiannya "
            "diringkas pada tabel berikut.")


def visi_misi(awal: int, akhir: int, kabupaten: str, visi: str | None,
              misi: str | None) -> tuple[str, ...]:
    """Bab II's opening paragraphs: the Renstra period, the RPJMD's vision and mission."""
    return (f"Renstra instansi berlaku untuk periode {awal}–{akhir} dan mengacu pada RPJMD "
            f"{md(kabupaten)}.",
            f"**Visi:** “{md(visi)}”",
            f"**Misi yang didukung:** “{md(misi)}”")


def pk_ditandatangani(judul: str, tanggal: str) -> str:
    return f"{md(judul)} ditandatangani pada {tanggal}."


def judul_sasaran(nomor: int, uraian: str, nama_iku: Sequence[str]) -> str:
    """The opening line of a sasaran's page: the sasaran and its indicators."""
    return (f"Sasaran strategis {nomor}: **{md(uraian)}**. Indikator kinerjanya: "
            + ", ".join(md(n) for n in nama_iku) + ".")


def perbandingan_wilayah(h: HasilIndikator, kabupaten: str, p: PerbandinganWilayah) -> str:
    """An IKU's realisasi against the regions it is compared with, naming those whose
    newest figure is of an earlier year."""
    bagian = []
    if p.lebih_rendah:
        bagian.append("lebih tinggi daripada " + ", ".join(map(md, p.lebih_rendah)))
    if p.lebih_tinggi:
        bagian.append("lebih rendah daripada " + ", ".join(map(md, p.lebih_tinggi)))
    catatan = (" Angka " + ", ".join(md(b["wilayah"]) for b in p.lama)
               + " adalah data tahun " + ", ".join(sorted({str(b["tahun"]) for b in p.lama}))
               + ", tahun terakhir yang tersedia." if p.lama else "")
    return (f"Realisasi {md(h.nama)} {md(kabupaten)} "
            f"({md(nilai(h.realisasi, h.satuan, h.desimal))}) " + " dan ".join(bagian) + "."
            + catatan)


def pembanding_target(h: HasilIndikator, kabupaten: str, tahun: int,
                      target: Sequence[tuple[str, int, str]]) -> str:
    """Item d when the only comparison figures are other regions' targets (region, year,
    value as shown): the indicator's realisasi set beside them, without calling it better or
    worse than a figure that is not a measurement."""
    daftar = "; ".join(f"{md(w)} {md(n)} (tahun {t})" for w, t, n in target)
    realisasi = (f"Realisasi {md(kabupaten)} tahun {tahun}: "
                 f"{md(nilai(h.realisasi, h.satuan, h.desimal))}." if h.realisasi is not None
                 else f"Realisasi {md(kabupaten)} tahun {tahun} belum tersedia.")
    return (f"Untuk {md(h.nama)}, angka pembanding yang tersedia berupa target, bukan "
            f"realisasi: {daftar}. {realisasi}")


def kesimpulan(tercapai: Sequence[str], belum: Sequence[str], serap: str, pagu: str) -> str:
    """Bab IV's conclusion: which targets were met, which not, and the budget absorbed."""
    kalimat = []
    if tercapai:
        kalimat.append("Target yang tercapai: " + "; ".join(map(md, tercapai)) + ".")
    if belum:
        kalimat.append("Target yang belum tercapai: " + "; ".join(map(md, belum)) + ".")
    kalimat.append(f"Penyerapan anggaran mencapai {serap} dari {pagu}.")
    return "\n\n".join(kalimat)


def hasil_pemeriksaan(ada_sumber: bool, jumlah_temuan: int) -> str:
    """What the consistency check of the signed source found, in the Lampiran."""
    if not ada_sumber:
        return ("Edisi ini disusun langsung dari data masukan; tidak ada dokumen sumber "
                "tercetak yang angkanya perlu dihitung ulang.")
    if not jumlah_temuan:
        return ("Setiap angka turunan yang tercetak di dokumen sumber dihitung ulang dari data "
                "masukan. Pemeriksaan tidak menemukan ketidaksesuaian.")
    return ("Setiap angka turunan yang tercetak di dokumen sumber dihitung ulang dari data "
            f"masukan. Pemeriksaan menemukan {jumlah_temuan} ketidaksesuaian; angka di buku ini "
            "adalah hasil hitungan ulang, bukan angka yang tercetak.")


def sampul_reviu(ada_sumber: bool, label: str, bulan: str) -> str:
    """The review cover's line naming what is reviewed (plain text)."""
    if ada_sumber:
        return f"atas laporan yang ditandatangani, {bulan}"
    return f"atas {label.lower()}"


def pengantar_reviu(tahun: int, instansi: str, ada_sumber: bool, jumlah_temuan: int) -> str:
    """What the review is, at its top."""
    if not ada_sumber:
        return (f"Reviu ini menyertai draf LAKIP {tahun} {md(instansi)}. Belum ada "
                "laporan yang ditandatangani untuk dibandingkan, sehingga reviu ini mencatat "
                "pemeriksaan yang sudah dilalui data masukan dan hal yang masih terbuka sebelum "
                "edisi final dapat disusun.")
    return (f"Reviu ini membandingkan LAKIP {tahun} {md(instansi)} yang ditandatangani "
            "dengan hitungan ulang setiap angka turunannya dari data masukan. Edisi resmi buku "
            "ini hanya memuat angka hasil hitungan; dokumen ini memuat perbedaannya: angka utama "
            "yang berbeda, setiap tabel dan kalimat edisi yang memuat angka berbeda (dengan nomor "
            f"tabel yang sama dan tanda di tempatnya), {jumlah_temuan} temuan menurut jenisnya "
            "beserta hitungannya, kepekaan kesimpulan terhadap aturannya, dan metode reviu.")


def kepekaan_kesimpulan(aturan: str) -> str:
    """Before the table of the verdict under each rule."""
    return ("Peraturan tidak menetapkan cara menyimpulkan kinerja instansi dari capaian IKU. "
            f"Instansi memilih {md(aturan)}. Tabel berikut menunjukkan kesimpulan "
            "yang sama bila dihitung dengan aturan lain yang lazim dipakai.")


def desa_maju_dua_cara() -> str:
    """Before the review's table of the Desa Maju series counted two ways."""
    return ("Rumus indikator desa maju dalam laporan menghitung desa berstatus Maju atau Mandiri, "
            "dan edisi ini memakai rumus itu. Angka yang tercetak di laporan menghitung desa "
            "berstatus Maju saja. Tabel berikut menyandingkan kedua deret.")


def reviu_draf(jumlah_terbuka: int) -> str:
    """A draft's review: what its data passed and how much is open."""
    lolos = ("Data masukan lolos seluruh pemeriksaan yang menjadi galat: format dan satuan setiap "
             "sel, kunci dan rujukan antarberkas, total anggaran terhadap rinciannya dan pagu, "
             "serta skala kategori tanpa celah.")
    if not jumlah_terbuka:
        return lolos + " Tidak ada hal yang masih terbuka."
    return (lolos + f" Masih ada {jumlah_terbuka} hal yang terbuka (peringatan pemeriksaan "
            "data); edisi final ditolak selama hal yang wajib belum dilengkapi.")


def metode_reviu(ada_sumber: bool) -> str:
    """How the review was made."""
    dasar = ("Setiap angka turunan (capaian, kategori, total, persentase, efisiensi) dihitung "
             "ulang dari data masukan dengan rumus yang sama dengan edisi resmi.")
    if not ada_sumber:
        return dasar + (" Pemeriksaan data berjalan setiap kali buku dibangun; reviu ini "
                        "diperbarui bersama draf.")
    return dasar + (" Angka yang tercetak di laporan yang ditandatangani ditranskripsi apa "
                    "adanya, dengan jumlah desimal yang tercetak. Sebuah angka tercetak dinilai "
                    "berbeda bila hasil hitungan ulang, dibulatkan sekali ke jumlah desimal yang "
                    "tercetak, tidak sama dengannya. Angka yang benar menurut masukan yang "
                    "tercetak tetapi berbeda karena masukannya keliru ditandai di tempatnya, "
                    "dan temuannya dicatat pada masukan itu. Temuan yang sama tersedia sebagai "
                    "teks atau CSV dengan perintah lakip audit.")


# --- text alternatives of charts (plain text: the figure's aria-label, escaped where shown) -----

def alt_capaian(capaian: Sequence[tuple[str, str]]) -> str:
    """Bab III's chart of IKU capaian, from (IKU name, capaian as shown)."""
    return "Capaian tiap IKU: " + "; ".join(f"{nama} {teks}" for nama, teks in capaian) + "."


def alt_tren(h: HasilIndikator, titik: Sequence[TitikRiwayat]) -> str:
    """A sasaran's trend chart of one IKU: target and realisasi per year."""
    return f"Garis realisasi dan target Renstra {h.nama} per tahun: " + "; ".join(
        f"{t.tahun} target {nilai(t.target, h.satuan, h.desimal)}, realisasi "
        f"{nilai(t.realisasi, h.satuan, h.desimal)}" for t in titik) + "."


def alt_program(jumlah: int, terendah: HasilAnggaran | None) -> str:
    """The chart of budget and spending per programme."""
    teks = f"Anggaran dan realisasi {jumlah} program"
    if terendah is not None:
        teks += f"; penyerapan terendah pada {terendah.nama} ({fmt.persen(terendah.penyerapan)})"
    return teks + "."


def alt_efisiensi(jumlah: int, efisien: int) -> str:
    """The scatter chart of capaian against absorption per programme."""
    return (f"Sebaran {jumlah} indikator program menurut capaian dan penyerapan; {efisien} "
            "berada pada atau di atas garis efisiensi 100%.")
