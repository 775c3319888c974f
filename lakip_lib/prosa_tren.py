"""Items b and c of a sasaran, in generated sentences: the multi-year pattern of an indicator's
realisasi (`pola_tren`, `tren`) and its pace towards the Renstra's end target (`pola_laju`,
`akhir_renstra`). Each passage records the facts its figures state (`prosa.Uraian`).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from enum import Enum
from itertools import pairwise

from lakip_lib import fakta as f
from lakip_lib import format as fmt
from lakip_lib.kinerja import (
    HasilIndikator,
)
from lakip_lib.markdown_terbatas import markdown_aman as md
from lakip_lib.perhitungan import Arah, JumlahBerubah, Penilaian
from lakip_lib.prosa import Uraian, bilangan, nilai, selisih_nilai

Titik = tuple[int, Decimal | None, Decimal | None]  # (year, Renstra target, realisasi)


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
                  tahun_akhir: int, capaian_akhir: Decimal | None, tahun: int,
                  berubah: JumlahBerubah | None = None) -> Uraian:
    """Item c: the distance to the end-of-Renstra target, the yearly progress that still
    reaches it and how it compares with the pace so far (see `pola_laju`). A change indicator
    has no distance to cover (see `_akhir_perubahan`)."""
    p = _Penulis(h)
    if h.penilaian is Penilaian.PERUBAHAN and target_akhir is not None \
            and h.realisasi is not None:
        return _akhir_perubahan(p, target_akhir, tahun_akhir, capaian_akhir, tahun, berubah)
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


def _akhir_perubahan(p: _Penulis, target_akhir: Decimal, tahun_akhir: int,
                     capaian_akhir: Decimal | None, tahun: int,
                     berubah: JumlahBerubah | None) -> Uraian:
    """Item c of a change indicator: its end target is the change of the last year from the
    year before, not a level approached step by step, so no remaining distance is divided over
    the remaining years; the plain figure is the count that meets next year's target."""
    h, v = p.h, p.h.realisasi or Decimal(0)
    akhir = f.indikator(h.kode, "target_renstra", tahun_akhir)
    c = fmt.persen(capaian_akhir)
    capaian_ = f.indikator(h.kode, "capaian_akhir_renstra")
    kalimat = (f"Target akhir Renstra {p.nama} untuk tahun {tahun_akhir} adalah "
               f"{p.nilai(target_akhir, akhir)}. Indikator ini mengukur perubahan dari tahun "
               f"sebelumnya, sehingga target itu berlaku bagi perubahan tahun {tahun_akhir} "
               "sendiri, bukan tingkat yang didekati sedikit demi sedikit")
    if tahun_akhir <= tahun:
        return p.uraian(f"{kalimat}. Periode Renstra berakhir tahun ini dengan realisasi "
                        f"{p.realisasi(tahun, v)} (capaian {p.teks(c, capaian_)} terhadap "
                        "target itu).")
    kalimat += (f": selisih realisasi tahun {tahun} ({p.realisasi(tahun, v)}) dengan target itu "
                f"tidak dibagi ke tahun-tahun tersisa, dan setiap tahun hingga {tahun_akhir} "
                f"diukur terhadap tahun sebelumnya (capaian tahun {tahun} terhadap target akhir: "
                f"{p.teks(c, capaian_)}).")
    if berubah is not None and berubah.paling_banyak_berikut is not None:
        th, target_, maks = berubah.paling_banyak_berikut
        sasaran_ = p.nilai(target_, f.indikator(h.kode, "target_renstra", th))
        kalimat += (f" Agar target tahun {th} ({sasaran_}) "
                    f"tercapai, jumlah {md(berubah.apa)} tahun {th} paling banyak {maks} "
                    f"{md(berubah.satuan)}, dari {berubah.sekarang} {md(berubah.satuan)} pada "
                    f"tahun {tahun}.")
    return p.uraian(kalimat)
