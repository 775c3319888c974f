"""Fingerprints of content (sha256): a file's bytes, a JSON value, the lakip_lib code. Light on
purpose (the standard library only): an unchanged build checks its inputs with these before it
imports anything of the book.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path
from typing import Any

KODE = Path(__file__).resolve().parent


def sha_berkas(path: Path) -> str:
    if not path.is_file():
        return "tidak-ada"
    return hashlib.sha256(path.read_bytes()).hexdigest()


@cache
def sidik_kode() -> str:
    """Fingerprint of the lakip_lib package (all its Python and JavaScript sources)."""
    h = hashlib.sha256()
    for path in sorted([*KODE.rglob("*.py"), *KODE.glob("*.js")]):
        h.update(path.relative_to(KODE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def sidik(isi: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(isi, sort_keys=True, default=str).encode()).hexdigest()
