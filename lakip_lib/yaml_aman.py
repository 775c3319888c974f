"""YAML from data read strictly: no alias, bounded nesting, no duplicate key, no Python tag.

Every YAML file an analyst writes (instansi.yaml, edisi.yaml, isu_strategis.yaml) goes through
`baca_yaml`, also where it is read before validation (the release plan of `lakip build`).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

import yaml

from lakip_lib import karakter


class _PemuatYaml(yaml.SafeLoader):
    """Safe YAML without aliases (a few hundred bytes of nested aliases expand to gigabytes) and
    with bounded nesting (deep nesting exhausts the stack)."""

    KEDALAMAN_MAKS = 20

    def __init__(self, teks: str):
        super().__init__(teks)
        self._kedalaman = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            raise YamlDitolak("alias YAML (*nama) tidak diizinkan; tulis nilainya langsung",
                               self.peek_event().start_mark)
        self._kedalaman += 1
        try:
            if self._kedalaman > self.KEDALAMAN_MAKS:
                raise YamlDitolak(f"struktur bersarang lebih dari {self.KEDALAMAN_MAKS} "
                                   "tingkat", self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self._kedalaman -= 1

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        """A key written twice is refused (YAML would silently keep the last value)."""
        if isinstance(node, yaml.MappingNode):
            dilihat: set[Any] = set()
            for kunci, _ in node.value:
                if isinstance(kunci, yaml.ScalarNode):
                    if kunci.value in dilihat:
                        raise YamlDitolak(f'kunci "{kunci.value}" ditulis lebih dari sekali',
                                           kunci.start_mark)
                    dilihat.add(kunci.value)
        return super().construct_mapping(node, deep)


class YamlDitolak(yaml.YAMLError):
    """A YAML text refused: the message, where (`problem_mark`) and, when known, the key path."""

    def __init__(self, pesan: str, tanda: Any, jalur: str | None = None):
        super().__init__(pesan)
        self.pesan, self.problem_mark, self.jalur = pesan, tanda, jalur


def baca_yaml(teks: str, banyak_baris: Collection[str] = ()) -> Any:
    """A YAML text read safely (no alias, bounded nesting, no Python objects), every key and
    text checked after its escapes are decoded ("\\u202e", "\\e", "\\0" …) by the one
    character gate (`karakter`); line breaks only in the keys listed in `banyak_baris` (dotted
    paths, list positions left out: "rpjmd.misi")."""
    pemuat = _PemuatYaml(teks)
    try:
        simpul = pemuat.get_single_node()
        if simpul is None:
            return None
        _periksa_karakter(simpul, "", banyak_baris)
        return pemuat.construct_document(simpul)
    finally:
        pemuat.dispose()


def _periksa_karakter(simpul: yaml.Node, jalur: str, banyak_baris: Collection[str]) -> None:
    """YamlDitolak at the first decoded key or scalar holding a forbidden character."""
    if isinstance(simpul, yaml.ScalarNode):
        boleh = re.sub(r"\[\d+\]", "", jalur) in banyak_baris
        if temuan := karakter.terlarang(simpul.value, banyak_baris=boleh):
            raise YamlDitolak(karakter.pesan(temuan[1]).removesuffix("."), simpul.start_mark,
                              jalur or None)
        if entitas := karakter.entitas_terlarang(simpul.value):
            raise YamlDitolak(karakter.pesan_entitas(*entitas[0][1:]).removesuffix("."),
                              simpul.start_mark, jalur or None)
    elif isinstance(simpul, yaml.SequenceNode):
        for i, anak in enumerate(simpul.value, start=1):
            _periksa_karakter(anak, f"{jalur}[{i}]", banyak_baris)
    elif isinstance(simpul, yaml.MappingNode):
        for kunci, nilai in simpul.value:
            nama = kunci.value if isinstance(kunci, yaml.ScalarNode) else "?"
            lengkap = f"{jalur}.{nama}" if jalur else str(nama)
            _periksa_karakter(kunci, lengkap, ())
            _periksa_karakter(nilai, lengkap, banyak_baris)
