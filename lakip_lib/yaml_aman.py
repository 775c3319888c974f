"""YAML from data read strictly: no alias, bounded nesting, no duplicate key, no Python tag.

Every YAML file an analyst writes (instansi.yaml, edisi.yaml, isu_strategis.yaml) goes through
`baca_yaml`, also where it is read before validation (the release plan of `lakip build`).
"""

from __future__ import annotations

from typing import Any

import yaml


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
    def __init__(self, pesan: str, tanda: Any):
        super().__init__(pesan)
        self.pesan, self.problem_mark = pesan, tanda


def baca_yaml(teks: str) -> Any:
    """A YAML text read safely (no alias, bounded nesting, no Python objects)."""
    pemuat = _PemuatYaml(teks)
    try:
        return pemuat.get_single_data()
    finally:
        pemuat.dispose()
