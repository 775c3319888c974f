"""JSON the site publishes (angka.json, editions.json, the build stamp, the data package, the
search index): safe wherever it is embedded or opened. The standard library only, so that
publishing an edition's index needs nothing of the book.
"""

from __future__ import annotations

import json


def json_aman(teks_json: str) -> str:
    """JSON text with "<", ">" and "&" as \\u escapes (the same JSON once parsed): inside a
    <script> element a "</script>" would end it and "<!--" changes how the rest is parsed, and a
    JSON file opened as a page can then never be read as markup."""
    return teks_json.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def json_terbit(isi: object, indent: int | None = None, sort_keys: bool = False) -> str:
    """JSON of what the site publishes (angka.json, editions.json, the build stamp, the data
    package, the search index), through `json_aman`: safe wherever it is embedded or opened."""
    return json_aman(json.dumps(isi, ensure_ascii=False, indent=indent, sort_keys=sort_keys))
