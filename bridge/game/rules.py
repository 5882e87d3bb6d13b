"""Game rules: live events in, named game actions out.

A rules file (TOML, see ``examples/rules/game.toml`` and ``docs/rules.md``) is
a list of ``[[rules]]``; each names an action, the event that triggers it, the
conditions on the user, and the limits. :func:`load_rules` validates it with
errors that name the file, the rule and the key; nothing in it is ever
evaluated as code. :class:`RuleEngine` is sans-I/O: it is fed events (with the
streak tracker's verdict for gifts) and the time, and returns ``action``
events, which the daemon publishes on ``action/<name>/<room>``.
"""

from __future__ import annotations

import math
import tomllib
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..contract import is_empty
from ..errors import ConfigError
from ..values import check_name, sat_add, sat_mul
from .streaks import GiftStep

__all__ = ["Rule", "RuleEngine", "load_rules", "parse_rules"]

Event = dict[str, Any]

TRIGGERS = ("gift", "like", "chat", "follow", "share", "subscribe", "member", "viewers", "battle")
_COMMON = {
    "name",
    "on",
    "params",
    "cooldown",
    "user_cooldown",
    "user_limit",
    "user_window",
    "max_queue",
    "moderator",
    "subscriber",
    "follower",
    "min_gifter_level",
}
_KEYS: dict[str, set[str]] = {
    "gift": {"gift", "min_diamonds", "per"},
    "like": {"every", "per_user"},
    "chat": {"command", "aliases", "prefix", "case_sensitive"},
    "follow": set(),
    "share": set(),
    "subscribe": set(),
    "member": set(),
    "viewers": {"above"},
    "battle": {"battle_action"},
}
_EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "gift": ("gift", "giftFinal"),
    "like": ("like",),
    "chat": ("chat",),
    "follow": ("follow",),
    "share": ("share",),
    "subscribe": ("subscribe",),
    "member": ("member",),
    "viewers": ("roomUserSeq",),
    "battle": ("battle", "battleArmies"),
}


@dataclass(frozen=True, slots=True)
class Rule:
    """One validated rule."""

    name: str
    on: str
    params: dict[str, Any] = field(default_factory=dict)
    gifts: frozenset[str | int] = frozenset()
    min_diamonds: int = 0
    per: str = "gift"
    every: int = 0
    per_user: bool = False
    command: str = ""
    aliases: tuple[str, ...] = ()
    prefix: str = "!"
    case_sensitive: bool = False
    above: int = 0
    battle_action: int = 0
    cooldown: float = 0.0
    user_cooldown: float = 0.0
    user_limit: int = 0
    user_window: float = 60.0
    max_queue: int = 0
    moderator: bool = False
    subscriber: bool = False
    follower: bool = False
    min_gifter_level: int = 0

    def describe(self) -> dict[str, Any]:
        """What the ``rules`` control command lists."""
        trigger: dict[str, Any] = {"on": self.on}
        if self.on == "gift":
            trigger.update(per=self.per)
            if self.gifts:
                trigger["gift"] = sorted(self.gifts, key=str)
            if self.min_diamonds:
                trigger["min_diamonds"] = self.min_diamonds
        elif self.on == "like":
            trigger.update(every=self.every, per_user=self.per_user)
        elif self.on == "chat":
            trigger.update(command=self.prefix + self.command, aliases=list(self.aliases))
        elif self.on == "viewers":
            trigger["above"] = self.above
        return {"name": self.name, "trigger": trigger, "action": f"action/{self.name}"}


def load_rules(path: str | Path) -> list[Rule]:
    """Read and validate a rules file.

    Raises:
        ConfigError: unreadable, not TOML, or a rule, key or value is invalid.
    """
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read rules: {exc.strerror}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text (byte {exc.start}: {exc.reason})") from None
    return parse_rules(text, str(path))


def parse_rules(text: str, where: str = "rules") -> list[Rule]:
    """Validate the text of a rules file (see :func:`load_rules`)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{where}: not valid TOML: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{where}: not valid TOML: arrays or tables nested too deeply") from None
    extra = set(data) - {"rules"}
    if extra:
        raise ConfigError(f"{where}: unknown top-level key {sorted(extra)[0]!r} (write rules as [[rules]])")
    items = data.get("rules", [])
    if not isinstance(items, list):
        raise ConfigError(f"{where}: rules must be an array of tables ([[rules]])")
    rules = [_rule(item, f"{where}: rule #{i + 1}") for i, item in enumerate(items)]
    names = [r.name for r in rules]
    for name in names:
        if names.count(name) > 1:
            raise ConfigError(f"{where}: rule name {name!r} is used twice; names must be unique")
    return rules


def _rule(item: Any, where: str) -> Rule:
    if not isinstance(item, dict):
        raise ConfigError(f"{where}: expected a table")
    try:
        name = check_name(item.get("name"), "key 'name' =")
    except ValueError as exc:
        raise ConfigError(f"{where}: {exc}") from None
    where = f"{where} ({name!r})"
    on = item.get("on")
    if on not in TRIGGERS:
        raise ConfigError(f"{where}: key 'on' = {on!r}: expected one of {', '.join(TRIGGERS)}")
    allowed = _COMMON | _KEYS[on]
    for key in item:
        if key not in allowed:
            raise ConfigError(
                f"{where}: unknown key {key!r} for on = {on!r} (allowed: {', '.join(sorted(allowed))})"
            )

    def get(key: str, kind: type | tuple[type, ...], default: Any, minimum: float | None = None) -> Any:
        value: Any = item.get(key, default)
        if isinstance(value, bool) and kind is not bool or not isinstance(value, kind):
            raise ConfigError(f"{where}: key {key!r} = {value!r}: expected {_kind(kind)}")
        checked: Any = value  # isinstance() against a variable narrows to object
        if isinstance(checked, float) and not math.isfinite(checked):
            raise ConfigError(f"{where}: key {key!r} = {value!r}: must be a finite number")
        if minimum is not None and checked < minimum:
            raise ConfigError(f"{where}: key {key!r} = {value!r}: must be at least {minimum:g}")
        return checked

    params = get("params", dict, {})
    gifts = item.get("gift", [])
    if not isinstance(gifts, list):
        gifts = [gifts]
    for gift in gifts:
        if isinstance(gift, bool) or not isinstance(gift, str | int):
            raise ConfigError(f"{where}: key 'gift' = {gift!r}: expected a gift name or id")
    per = get("per", str, "gift")
    if per not in ("gift", "streak"):
        raise ConfigError(f"{where}: key 'per' = {per!r}: expected 'gift' or 'streak'")
    aliases = get("aliases", list, [])
    if not all(isinstance(a, str) and a for a in aliases):
        raise ConfigError(f"{where}: key 'aliases' = {aliases!r}: expected a list of words")
    rule = Rule(
        name=name,
        on=on,
        params=params,
        gifts=frozenset(g.lower() if isinstance(g, str) else g for g in gifts),
        min_diamonds=get("min_diamonds", int, 0, 0),
        per=per,
        every=get("every", int, 1, 1),
        per_user=get("per_user", bool, False),
        command=get("command", str, ""),
        aliases=tuple(aliases),
        prefix=get("prefix", str, "!"),
        case_sensitive=get("case_sensitive", bool, False),
        above=get("above", int, 0, 0),
        battle_action=get("battle_action", int, 0, 0),
        cooldown=float(get("cooldown", (int, float), 0, 0)),
        user_cooldown=float(get("user_cooldown", (int, float), 0, 0)),
        user_limit=get("user_limit", int, 0, 0),
        user_window=float(get("user_window", (int, float), 60, 0.001)),
        max_queue=get("max_queue", int, 0, 0),
        moderator=get("moderator", bool, False),
        subscriber=get("subscriber", bool, False),
        follower=get("follower", bool, False),
        min_gifter_level=get("min_gifter_level", int, 0, 0),
    )
    if on == "chat" and (not rule.command or " " in rule.command):
        raise ConfigError(
            f"{where}: key 'command': a chat rule needs a one-word command, e.g. command = \"jump\""
        )
    if on == "viewers" and not rule.above:
        raise ConfigError(f"{where}: key 'above': a viewers rule needs a threshold, e.g. above = 1000")
    return rule


def _kind(kind: type | tuple[type, ...]) -> str:
    names = {bool: "true or false", int: "an integer", float: "a number", str: "a string"}
    names |= {dict: "a table", list: "a list"}
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(names[k] for k in kinds)


@dataclass(slots=True)
class _State:
    last_fired: float = float("-inf")
    user_last: dict[int, float] = field(default_factory=dict)
    user_recent: dict[int, deque[float]] = field(default_factory=dict)
    likes: dict[int, int] = field(default_factory=dict)
    viewers: int = 0
    queue: deque[Event] = field(default_factory=deque)
    fired: int = 0
    dropped: int = 0


class RuleEngine:
    """Evaluates rules against events; sans-I/O."""

    def __init__(self, rules: list[Rule]) -> None:
        self.rules = rules
        self._state = {rule.name: _State() for rule in rules}
        self._by_type: dict[str, list[Rule]] = {}
        for rule in rules:
            for kind in _EVENT_TYPES[rule.on]:
                self._by_type.setdefault(kind, []).append(rule)

    def stats(self) -> dict[str, dict[str, int]]:
        """Firings and drops per rule."""
        return {
            name: {"fired": s.fired, "dropped": s.dropped, "queued": len(s.queue)}
            for name, s in self._state.items()
        }

    def feed(self, event: Event, step: GiftStep | None, now: float) -> list[Event]:
        """The actions ``event`` fires now (``step``: the streak verdict, for gifts)."""
        actions = []
        for rule in self._by_type.get(event.get("type", ""), ()):
            params = self._match(rule, event, step)
            if params is not None and self._conditions(rule, event):
                action = self._limit(rule, event, params, now)
                if action is not None:
                    actions.append(action)
        return actions

    def tick(self, now: float) -> list[Event]:
        """Queued actions whose cooldown has passed."""
        released = []
        for rule in self.rules:
            state = self._state[rule.name]
            if state.queue and now - state.last_fired >= rule.cooldown:
                state.last_fired = now
                state.fired += 1
                released.append(state.queue.popleft())
        return released

    def _match(self, rule: Rule, event: Event, step: GiftStep | None) -> dict[str, Any] | None:
        on = rule.on
        if on == "gift":
            if rule.gifts and not {event.get("giftId"), str(event.get("giftName", "")).lower()} & rule.gifts:
                return None
            diamonds = event.get("diamondCount", 0)
            if diamonds < rule.min_diamonds:
                return None
            if event["type"] == "giftFinal":
                if rule.per != "streak":
                    return None
                count = event.get("repeatCount", 1)
            elif rule.per != "gift" or step is None or not step.delta:
                return None
            else:
                count = step.delta
            return {"count": count, "amount": sat_mul(count, diamonds), "gift": event.get("giftName", "")}
        if on == "like":
            return self._likes(rule, event)
        if on == "chat":
            return self._command(rule, str(event.get("comment", "")))
        if on == "viewers":
            state = self._state[rule.name]
            viewers = int(event.get("viewerCount", 0))
            crossed = state.viewers < rule.above <= viewers
            state.viewers = viewers
            return {"viewers": viewers} if crossed else None
        if on == "battle" and rule.battle_action and event.get("action") != rule.battle_action:
            return None
        if on == "member" and event.get("action", 0) not in (0, 1):
            return None
        return {}

    def _likes(self, rule: Rule, event: Event) -> dict[str, Any] | None:
        state = self._state[rule.name]
        who = event.get("user", {}).get("id", 0) if rule.per_user else 0
        before = state.likes.get(who, 0)
        after = sat_add(before, int(event.get("likeCount", 0)))
        state.likes[who] = after
        times = after // rule.every - before // rule.every
        return {"count": times, "likes": after} if times > 0 else None

    def _command(self, rule: Rule, comment: str) -> dict[str, Any] | None:
        text = comment.strip()
        prefix = rule.prefix if rule.case_sensitive else rule.prefix.lower()
        folded = text if rule.case_sensitive else text.lower()
        if not folded.startswith(prefix):
            return None
        words = text[len(prefix) :].split()
        if not words:
            return None
        word = words[0] if rule.case_sensitive else words[0].lower()
        names = (rule.command, *rule.aliases)
        if not rule.case_sensitive:
            names = tuple(n.lower() for n in names)
        if word not in names:
            return None
        return {"args": words[1:]} if len(words) > 1 else {}

    @staticmethod
    def _conditions(rule: Rule, event: Event) -> bool:
        user = event.get("user", {})
        if rule.moderator and not user.get("isModerator"):
            return False
        if rule.subscriber and not user.get("isSubscriber"):
            return False
        if rule.follower and not user.get("isFollower"):
            return False
        return int(user.get("gifterLevel", 0)) >= rule.min_gifter_level

    def _limit(self, rule: Rule, event: Event, params: dict[str, Any], now: float) -> Event | None:
        state = self._state[rule.name]
        who = event.get("user", {}).get("id", 0)
        if rule.user_cooldown and now - state.user_last.get(who, float("-inf")) < rule.user_cooldown:
            state.dropped += 1
            return None
        if rule.user_limit:
            recent = state.user_recent.setdefault(who, deque())
            while recent and now - recent[0] >= rule.user_window:
                recent.popleft()
            if len(recent) >= rule.user_limit:
                state.dropped += 1
                return None
            recent.append(now)
        state.user_last[who] = now
        action: Event = {"type": "action", "name": rule.name, "rule": rule.name}
        merged = {**rule.params, **{k: v for k, v in params.items() if not is_empty(v)}}
        if merged:
            action["params"] = merged
        action["event"] = event
        if now - state.last_fired < rule.cooldown:
            if len(state.queue) < rule.max_queue:
                state.queue.append(action)
            else:
                state.dropped += 1
            return None
        state.last_fired = now
        state.fired += 1
        return action
