"""The bug classes of issue 22, one corpus test per class, each with the obvious neighbours of the
cases found (other encodings of the same character, other spellings of the same markup): every
case is refused with a message naming file, row or line, column or key and what was found, and
nothing is published or written. Data cases use the small year held in memory (no build)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
import yaml

from lakip_lib import cli

from .tahun_kecil import TahunKecil

E = "data/2024/edisi.yaml"
INS = "data/instansi.yaml"
IND = "data/indikator.csv"
NAR = "data/2024/narasi/penutup.md"


@dataclass(frozen=True)
class Kasus:
    nama: str
    tahun: TahunKecil
    berkas: str
    baris: int | None
    kolom: str | None
    potongan: str


def _yaml_edisi(baris: str, nomor: int = 1) -> TahunKecil:
    """edisi.yaml with `baris` (raw YAML, escapes as written) in place of its first line."""
    t = TahunKecil()
    teks = t.teks()["2024/edisi.yaml"]
    assert isinstance(teks, str)
    lama = teks.splitlines()
    lama[nomor - 1] = baris
    return t.berkas("2024/edisi.yaml", "\n".join(lama) + "\n")


def _yaml_ascii(t: TahunKecil, path: str) -> TahunKecil:
    """The builder's YAML file written with escapes ("\\u2067") instead of the characters."""
    return t.berkas(path, yaml.safe_dump(t.yaml[path], allow_unicode=False, sort_keys=False))


def _label(teks: str) -> TahunKecil:
    return TahunKecil().ubah("indikator", {"kode": "IKU1"}, nama=teks)


def _narasi(entitas: str) -> TahunKecil:
    return TahunKecil().narasi("penutup", f"Paragraf biasa.\n\nTeks {entitas} di sini.\n")


# Class "characters that arrive after decoding": YAML escapes, CSV cells, HTML entities.
_YAML = {  # a double-quoted YAML escape for each character, as the analyst could write it
    "NUL \\0": ('"\\0"', "U+0000"), "ESC \\e": ('"\\e[2J"', "U+001B"),
    "RLO \\u202e": ('"Final \\u202e"', "U+202E"), "RLI \\u2067": ('"\\u2067x"', "U+2067"),
    "line feed \\n": ('"Final\\nRevisi"', "harus satu baris"),
    "carriage return \\r": ('"Final\\rRevisi"', "U+000D"), "tab \\t": ('"a\\tb"', "U+0009"),
    "NEL \\N": ('"a\\Nb"', "U+0085"), "line separator \\L": ('"a\\Lb"', "U+2028"),
    "paragraph separator \\P": ('"a\\Pb"', "U+2029"), "BEL \\a": ('"a\\ab"', "U+0007"),
    "zero width \\u200B": ('"a\\u200Bb"', "U+200B"), "ZWJ \\u200d": ('"a\\u200db"', "U+200D"),
    "LRM \\x": ('"a\\u200eb"', "U+200E"), "C1 \\x9b": ('"a\\x9b"', "U+009B"),
    "BOM \\ufeff": ('"\\ufeffa"', "U+FEFF"), "tag \\U000E0041": ('"a\\U000E0041"', "U+E0041"),
    "Hangul filler": ('"\\u3164"', "U+3164"), "soft hyphen": ('"a\\u00adb"', "U+00AD"),
}
_SEL = {  # raw characters in a CSV text cell
    "RLO": "IDG \u202egnirts", "LRI": "IDG \u2066x", "ESC": "IDG \x1b[2J", "NUL": "a\x00b",
    "line feed": "Indeks\nPemberdayaan", "line separator": "a\u2028b", "NEL": "a\x85b",
    "ZWNJ": "a\u200cb", "word joiner": "a\u2060b", "BOM": "a\ufeffb", "tag": "a\U000E0020b",
    "variation selector": "a\ufe0fb", "private use": "a\ue000b", "Hangul filler": "a\u3164b",
    "tab": "a\tb",
}


def _kode(teks: str) -> str:
    """The code point of the one character of `teks` that is not a letter, digit, space or [."""
    return next(f"U+{ord(c):04X}" for c in teks if c not in "IDGabgnirstx[2JIndeksPemrdyaan ")


_ENTITAS = ["&rlm;", "&rlm", "&lrm;", "&#x202E;", "&#x202e", "&#X202E;", "&#8238;", "&#8207",
            "&#0008207;", "&zwj;", "&zwnj;", "&ZeroWidthSpace;", "&NegativeThinSpace;",
            "&NoBreak;", "&#x200B;", "&#8203", "&shy;", "&shy", "&#27;", "&#x1b;", "&#0;",
            "&#x2066;", "&#x2028;", "&#xFEFF;", "&#x85;", "&InvisibleTimes;"]

KASUS_KARAKTER = [
    *(Kasus(f"YAML {nama}", _yaml_edisi(f"label: {nilai}"), E, 1, "label", potongan)
      for nama, (nilai, potongan) in _YAML.items()),
    Kasus("YAML key", _yaml_edisi('"lab\\u202eel": x', 2), E, 2, "lab\u202eel", "U+202E"),
    Kasus("YAML list item", _yaml_ascii(TahunKecil().instansi(fungsi=["a", "b\u2067c"]),
                                        "instansi.yaml"), INS, None, "fungsi[2]", "U+2067"),
    *(Kasus(f"CSV {nama}", _label(nilai), IND, 3, "nama", _kode(nilai))
      for nama, nilai in _SEL.items()),
    *(Kasus(f"entity {e}", _narasi(e), NAR, 3, None, f'entitas HTML "{e}"') for e in _ENTITAS),
]


@pytest.mark.parametrize("kasus", KASUS_KARAKTER, ids=[k.nama for k in KASUS_KARAKTER])
def test_characters_arriving_after_decoding_are_refused_where_they_are(kasus: Kasus):
    masalah = kasus.tahun.masalah()
    cocok = [m for m in masalah if kasus.potongan in str(m)]
    assert cocok, [str(m) for m in masalah]
    m = cocok[0]
    kolom = kasus.kolom if kasus.kolom is None else kasus.kolom.replace("\u202e", "")
    assert (m.berkas, m.kolom if m.kolom is None else m.kolom.replace("\u202e", "")) == (
        kasus.berkas, kolom), str(m)
    if kasus.baris is not None:
        assert m.baris == kasus.baris, str(m)
    assert "U+" in str(m)  # the character is named by its code point


@pytest.mark.parametrize("argumen", ["ab\udcffc", "Ralat \u202etabel", "Ralat\ntabel",
                                     "Ralat \x1b[2J", "Ralat\u200b"])
def test_a_command_line_argument_with_bytes_or_characters_it_may_not_hold_is_refused(
        argumen: str, tmp_path: Path, capsys):
    kode = cli.main(["--data", str(tmp_path), "reissue", "2024", "--reason", argumen])
    galat = capsys.readouterr().err
    assert kode == 1 and "argumen ke-6" in galat and "U+" in galat, galat
    assert "Traceback" not in galat and not any(c in galat for c in "\udcff\u202e\x1b\u200b")


# Class "dates and arguments": a time where a date belongs, a date centuries away.
KASUS_TANGGAL = [
    Kasus("datetime", TahunKecil().edisi(tanggal_terbit=datetime(2025, 1, 31, 10, 0)), E, None,
          "tanggal_terbit", "adalah tanggal dan jam"),
    Kasus("datetime with zone", _yaml_edisi("tanggal_terbit: 2025-01-31T10:00:00+08:00", 6), E,
          None, "tanggal_terbit", "adalah tanggal dan jam"),
    Kasus("datetime in a revision", TahunKecil().edisi(
        revisi=[{"tanggal": datetime(2026, 3, 1, 8, 0), "alasan": "Ralat"}]), E, None,
          "revisi[1].tanggal", "adalah tanggal dan jam"),
    Kasus("year 9999", TahunKecil().edisi(tanggal_terbit=date(9999, 12, 1)), E, None,
          "tanggal_terbit", "di luar rentang edisi tahun 2024 (2023-01-01 sampai 2034-12-31)"),
    Kasus("revision in 9999", TahunKecil().edisi(
        revisi=[{"tanggal": date(9999, 12, 9), "alasan": "Ralat"}]), E, None,
          "revisi[1].tanggal", "di luar rentang"),
    Kasus("year 1", TahunKecil().edisi(perjanjian_kinerja={"tanggal": date(1, 1, 1)}), E, None,
          "perjanjian_kinerja.tanggal", "di luar rentang"),
    Kasus("a century off", TahunKecil().edisi(tanggal_terbit=date(2125, 1, 31)), E, None,
          "tanggal_terbit", "di luar rentang"),
]


@pytest.mark.parametrize("kasus", KASUS_TANGGAL, ids=[k.nama for k in KASUS_TANGGAL])
def test_a_time_or_a_date_far_from_the_edition_year_is_a_validation_message(kasus: Kasus):
    masalah = kasus.tahun.masalah()
    assert any((m.berkas, m.kolom) == (kasus.berkas, kasus.kolom) and kasus.potongan in m.pesan
               for m in masalah), [str(m) for m in masalah]
