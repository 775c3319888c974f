"""The Content-Security-Policy of every published page, as a `<meta http-equiv>` (GitHub Pages
sends no headers of our choosing).

The policy lets a page run only the site's own script files and the inline scripts it was built
with, each allowed by its sha256 (the theme's and Sphinx's small configuration scripts, one line
per chart that queues it for drawing): a script that an injection put in a page has no hash and
does not run, nor does any script loaded from elsewhere, a plugin, a form sent elsewhere or a
`<base>` that moves relative links. No `'unsafe-eval'`: the charts draw with Vega's expression
interpreter (`ast: true` in `lakip.js`) instead of compiling expressions with `new Function`,
and Sphinx's `translations.js`, which compiles its plural rule with `new Function`, is rewritten
to a plain function (`terjemahan_tanpa_eval`). Styles: the site's own style sheets and inline
styles (`'unsafe-inline'`), because the theme's icon script (Font Awesome) and vega-embed add
`<style>` elements and style attributes at run time; CSS cannot run script. Images: the site's own
and `data:` (the cover and photos are embedded).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Callable
from pathlib import Path

ARAHAN = ("default-src 'none'", "script-src 'self'{hash}", "style-src 'self' 'unsafe-inline'",
          "img-src 'self' data:", "font-src 'self'", "connect-src 'self'",
          "form-action 'self'", "base-uri 'none'", "object-src 'none'")
_SKRIP = re.compile(r"<script(?P<atribut>(?:\s[^>]*)?)>(?P<isi>.*?)</script\s*>", re.S | re.I)
_DATA = re.compile(r"""\stype\s*=\s*["']?application/json""", re.I)
_SRC = re.compile(r"\ssrc\s*=", re.I)
_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">')
_HEAD = re.compile(r"<head(?:\s[^>]*)?>(?:\s*<meta charset=[^>]*>)?", re.I)
_TERJEMAHAN = re.compile(r"\ADocumentation\.addTranslations\((?P<katalog>\{.*\})\);?\s*\Z", re.S)


def _hash(isi: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(isi.encode("utf-8")).digest()).decode() + "'"


def kebijakan(halaman: str) -> str:
    """The policy of one page: its inline scripts (not JSON data blocks) allowed by hash."""
    skrip = sorted({_hash(m["isi"]) for m in _SKRIP.finditer(halaman)
                    if not _SRC.search(m["atribut"]) and not _DATA.search(m["atribut"])})
    return "; ".join(ARAHAN).format(hash="".join(" " + h for h in skrip))


def tanpa_kebijakan(halaman: str) -> str:
    """The page without the policy `pasang` gave it (if any)."""
    return _META.sub("", halaman)


def pasang(halaman: str) -> str:
    """The page with its policy first in <head>, after its charset (which must stay in the first
    1024 bytes), before any script; an earlier policy is replaced, so an incremental build's
    unchanged pages get the same bytes as a clean build's."""
    tanpa = tanpa_kebijakan(halaman)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{kebijakan(tanpa)}">'
    hasil, n = _HEAD.subn(lambda m: m.group(0) + meta, tanpa, count=1)
    if n != 1:
        raise ValueError("halaman tanpa <head>: kebijakan keamanan konten tidak dapat dipasang")
    return hasil


def terjemahan_tanpa_eval(teks: str) -> str:
    """Sphinx's `translations.js` without `new Function`: the catalogue handed to the same three
    assignments `Documentation.addTranslations` makes, the plural rule as a plain function.
    Only a constant plural rule (Indonesian: "0") can be written so; any other is kept as is."""
    m = _TERJEMAHAN.match(teks)
    if m is None:
        return teks
    katalog = json.loads(m["katalog"])
    if not re.fullmatch(r"\d+", str(katalog.get("plural_expr", ""))):
        return teks
    return ("(function (c) {\n  Object.assign(Documentation.TRANSLATIONS, c.messages);\n"
            f"  Documentation.PLURAL_EXPR = function () {{ return {katalog['plural_expr']}; }};\n"
            "  Documentation.LOCALE = c.locale;\n"
            f"}})({m['katalog']});\n")


def pasang_folder(folder: Path) -> None:
    """Every page of a built edition gets its policy; `_static/translations.js` loses its
    `new Function`. Files already right are not rewritten."""
    ubah: list[tuple[Path, Callable[[str], str]]] = [
        (p, pasang) for p in sorted(folder.rglob("*.html"))
            if "_static" not in p.relative_to(folder).parts]  # _static: theme fragments
    ubah += [(p, terjemahan_tanpa_eval) for p in [folder / "_static" / "translations.js"]
             if p.is_file()]
    for path, fungsi in ubah:
        lama = path.read_text(encoding="utf-8")
        baru = fungsi(lama)
        if baru != lama:
            path.write_text(baru, encoding="utf-8")
