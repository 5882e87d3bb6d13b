"""Bounded memory of recently seen message ids, for de-duplication across reconnects."""

from __future__ import annotations

from collections import OrderedDict

__all__ = ["RecentIds"]


class RecentIds:
    """Remembers the last ``capacity`` ids; :meth:`seen` answers and records in one step."""

    def __init__(self, capacity: int = 10_000) -> None:
        self.capacity = capacity
        self._ids: OrderedDict[int, None] = OrderedDict()

    def seen(self, msg_id: int) -> bool:
        """Whether ``msg_id`` was seen before; records it either way."""
        if msg_id in self._ids:
            self._ids.move_to_end(msg_id)
            return True
        self._ids[msg_id] = None
        if len(self._ids) > self.capacity:
            self._ids.popitem(last=False)
        return False

    def ids(self) -> list[int]:
        """The remembered ids, oldest first."""
        return list(self._ids)

    def __len__(self) -> int:
        return len(self._ids)
