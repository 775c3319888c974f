"""The one gate for characters that do not show but change what a text is or does.

Every decoded value that can reach output passes `terlarang`: CSV cells, YAML scalars after their
escapes are decoded (`"\\u202e"`, `"\\e"`, `"\\0"`), narratives after HTML entities are decoded
(`&rlm;`, `&#x202E;`, `&#8207`), command-line arguments. Refused: control characters (C0, DEL,
C1; tab and line breaks only where a text may hold several lines), every format character
(Unicode category Cf: bidirectional controls and isolates, zero width space, joiners, word joiner,
soft hyphen, BOM, invisible operators, tag characters …), the line and paragraph separators,
surrogates (bytes that were not UTF-8, as Python decodes them from a command line), private-use
characters and characters that are blank by design (Hangul fillers, combining grapheme joiner,
variation selectors). Text copied from the web or a PDF carries them without the analyst
knowing; a bidirectional control makes a text read differently from its bytes, an escape
character drives a terminal.
"""

from __future__ import annotations

import re
import unicodedata
from html.entities import html5

_NAMA = {0x00AD: "tanda hubung lunak", 0x034F: "penyambung grafem", 0x061C: "penanda arah huruf Arab",
         0x115F: "pengisi Hangul", 0x1160: "pengisi Hangul", 0x180E: "pemisah vokal Mongolia",
         0x200B: "spasi lebar nol", 0x200C: "pemisah lebar nol", 0x200D: "penyambung lebar nol",
         0x200E: "penanda kiri-ke-kanan", 0x200F: "penanda kanan-ke-kiri",
         0x2028: "pemisah baris", 0x2029: "pemisah paragraf", 0x2060: "penyambung kata",
         0x3164: "pengisi Hangul", 0xFEFF: "BOM / spasi lebar nol tak terputus",
         0xFFA0: "pengisi Hangul",
         **{c: "kendali arah teks" for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}}
_KENDALI = {0x00: "NUL", 0x07: "BEL", 0x08: "BS", 0x09: "tab", 0x0A: "ganti baris",
            0x0B: "tab vertikal", 0x0C: "ganti halaman", 0x0D: "ganti baris (CR)", 0x1B: "ESC",
            0x7F: "DEL", 0x85: "NEL"}
_BARIS = "\t\n\r"  # allowed where a text may hold several lines
_TAK_TAMPAK = {*range(0x180B, 0x1810), *range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0),
               0x034F, 0x115F, 0x1160, 0x3164, 0xFFA0}
_KATEGORI = {"Cf", "Zl", "Zp", "Cs", "Co"}


def uraian(c: str) -> str | None:
    """How a forbidden character is named to the analyst (with its code point), or None for a
    character any text may hold. Tab and line breaks are named too: the caller decides."""
    kode = ord(c)
    kategori = unicodedata.category(c)
    if kategori == "Cc":
        nama = _KENDALI.get(kode)
        return f"karakter kendali U+{kode:04X}" + (f" ({nama})" if nama else "")
    if kategori == "Cs":
        return f"bita yang bukan UTF-8 (U+{kode:04X})"
    if kategori == "Co":
        return f"karakter pemakaian pribadi U+{kode:04X}"
    if kategori in _KATEGORI or kode in _TAK_TAMPAK:
        return f"karakter tak terlihat U+{kode:04X} ({_NAMA.get(kode, 'karakter format')})"
    return None


def terlarang(teks: str, banyak_baris: bool = False) -> tuple[int, str] | None:
    """(position, description) of the first character `teks` may not hold, if any; tab and line
    breaks are allowed only when the text may hold several lines (`banyak_baris`)."""
    if _bersih(teks):
        return None  # the common case, at C speed
    for i, c in enumerate(teks):
        if c.isprintable() and c not in _TAK_TAMPAK_STR:
            continue
        if banyak_baris and c in _BARIS:
            continue
        if (nama := uraian(c)) is not None:
            return i, nama
    return None


_TAK_TAMPAK_STR = frozenset(chr(k) for k in _TAK_TAMPAK)


def _bersih(teks: str) -> bool:
    """Whether `teks` holds only printable characters none of which is blank by design."""
    return teks.isprintable() and _TAK_TAMPAK_STR.isdisjoint(teks)


def tampak(teks: str, kecuali: str = "") -> str:
    """`teks` with every forbidden character but those in `kecuali` shown as its code <U+XXXX>,
    for quoting a value back in a message or a terminal."""
    if _bersih(teks):
        return teks
    return "".join(f"<U+{ord(c):04X}>" if c not in kecuali and uraian(c) is not None else c
                   for c in teks)


def pesan(uraian: str, apa: str = "teks") -> str:
    """The analyst's message for a text (`apa`: "teks", "sel") holding the character `uraian`
    names."""
    if any(f"U+{k:04X}" in uraian for k in map(ord, _BARIS)):
        return (f"{apa} memuat {uraian}, padahal isian ini harus satu baris. Gabungkan menjadi "
                "satu baris (di Excel: hapus Alt+Enter di dalam sel).")
    return (f"{apa} memuat {uraian}. Hapus karakter itu (sering terbawa saat menyalin dari web "
            "atau PDF).")


# A character reference as a browser or markdown-it reads it, and more: named or numeric, decimal
# or hexadecimal, with or without its ";" (HTML decodes some names and every number without one).
_ENTITAS = re.compile(r"&(?:#([0-9]{1,8})|#[xX]([0-9A-Fa-f]{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));?")


def _dari_entitas(cocok: re.Match[str]) -> str | None:
    """The character an entity stands for; None for a name HTML does not know."""
    desimal, heksa, nama = cocok.groups()
    if nama is not None:
        return html5.get(nama + ";")
    kode = int(desimal) if desimal is not None else int(heksa, 16)
    return chr(kode) if kode <= 0x10FFFF else "\ufffd"


def entitas_terlarang(teks: str) -> list[tuple[int, str, str]]:
    """(position, entity as written, description) of every HTML character reference in `teks`
    (`&rlm;`, `&#x202E;`, `&#8207`, `&ZeroWidthSpace;` …) that decodes to a character the gate
    refuses: wherever a text might once be read as HTML, it would become that character."""
    if "&" not in teks:
        return []
    hasil = []
    for cocok in _ENTITAS.finditer(teks):
        jadi = _dari_entitas(cocok)
        if jadi and (temuan := terlarang(jadi, banyak_baris=True)):
            hasil.append((cocok.start(), cocok.group(0), temuan[1]))
    return hasil


def pesan_entitas(entitas: str, uraian: str, apa: str = "teks") -> str:
    """The analyst's message for an entity that decodes to the character `uraian` names."""
    return f'{apa} memuat entitas HTML "{entitas}" yang menjadi {uraian}. Hapus entitas itu.'
