"""The command line's conventions, shared by `lakip_lib.cli` and its commands: the exit codes,
argparse speaking Indonesian (help, section titles, usage errors translated) and the argument
types of a date and of a shard K/N.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from datetime import date
from typing import Any, NoReturn

KELUAR_OK = 0
KELUAR_DATA_TIDAK_VALID = 1
KELUAR_PENGGUNAAN = 2
KELUAR_GALAT_INTERNAL = 3


_GALAT_ARGPARSE = (  # argparse's own English messages (Python 3.11) → Indonesian
    (r"the following arguments are required: (.*)", r"argumen berikut wajib diisi: \1"),
    (r"argument (\S+): invalid choice: (.*) \(choose from (.*)\)",
     r"argumen \1: pilihan \2 tidak dikenal (pilihan yang sah: \3)"),
    (r"argument (\S+): invalid int value: (.*)", r"argumen \1: \2 bukan bilangan bulat"),
    (r"argument (\S+): invalid (\S+) value: (.*)", r"argumen \1: nilai \3 tidak sah"),
    (r"argument (\S+): expected one argument", r"argumen \1 membutuhkan satu nilai"),
    (r"argument (\S+): expected (.*)", r"argumen \1 membutuhkan nilai"),
    (r"argument (\S+): ignored explicit argument (.*)", r"argumen \1 tidak menerima nilai \2"),
    (r"argument (\S+): not allowed with argument (.*)",
     r"argumen \1 tidak boleh dipakai bersama \2"),
    (r"unrecognized arguments: (.*)", r"argumen tidak dikenal: \1"),
    (r"ambiguous option: (\S+) could match (.*)", r"opsi \1 tidak jelas; bisa berarti \2"),
    (r"one of the arguments (.*) is required", r"salah satu argumen ini wajib diisi: \1"),
)


def terjemahkan_galat(pesan: str) -> str:
    """argparse's usage error in Indonesian (unknown messages pass unchanged)."""
    for pola, ganti in _GALAT_ARGPARSE:
        if re.fullmatch(pola, pesan, flags=re.DOTALL):
            return re.sub(pola, ganti, pesan, flags=re.DOTALL)
    return pesan


class _Format(argparse.HelpFormatter):
    """Help text with an Indonesian usage line."""

    def add_usage(self, usage: str | None, actions: Iterable[argparse.Action],
                  groups: Iterable[argparse._MutuallyExclusiveGroup], prefix: str | None = None
                  ) -> None:
        super().add_usage(usage, actions, groups, "penggunaan: " if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """argparse speaking Indonesian: help, section titles and usage errors."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Format)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumen"
        self._optionals.title = "opsi"
        self.add_argument("-h", "--help", action="help",
                          help="tampilkan bantuan ini lalu keluar")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        print(f"lakip: galat: {terjemahkan_galat(message)}", file=sys.stderr)
        sys.exit(KELUAR_PENGGUNAAN)


def tanggal(teks: str) -> date:
    try:
        return date.fromisoformat(teks)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f'"{teks}" bukan tanggal TTTT-BB-HH, misalnya 2026-03-16') from None


def bagian(teks: str) -> tuple[int, int]:
    cocok = re.fullmatch(r"(\d{1,4})/(\d{1,4})", teks)
    if not cocok or not 1 <= int(cocok[1]) <= int(cocok[2]):
        raise argparse.ArgumentTypeError(
            f'"{teks}" bukan bagian K/N (1 ≤ K ≤ N), misalnya 2/3')
    return int(cocok[1]), int(cocok[2])
