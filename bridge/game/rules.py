"""Game rules: live events in, named game actions out.

A rules file (TOML, see ``examples/rules/game.toml`` and ``docs/rules.md``) is
a list of ``[[rules]]``; each names an action, the event that triggers it, the
conditions on the user, and the limits. :func:`load_rules` validates it with
errors that name the file, the rule and the key; nothing in it is ever
evaluated as code. :class:`RuleEngine` is sans-I/O: it is fed events (with the
streak tracker's verdict for gifts) and the time, and returns ``action``
events, which the daemon publishes on ``action/<name>/<room>``. What the
co-host and battle triggers need to know about a room (our host, the co-host
list, the match's scores) the engine learns from the events themselves, in
bounded memory that a reload of the rules keeps.
"""

from __future__ import annotations

import math
import tomllib
from collections import OrderedDict, deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..contract import is_empty
from ..errors import ConfigError
from ..values import INT64_MAX, check_name, clamp_i64, sat_add, sat_mul
from .streaks import GiftStep

__all__ = ["COMMON_KEYS", "Filter", "Rule", "RuleEngine", "TRIGGERS", "Trigger", "load_rules", "parse_rules"]

Event = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Filter:
    """A rule key that keeps only the events whose integer ``field`` is its value (or one of a list)."""

    key: str
    field: str


@dataclass(frozen=True, slots=True)
class Trigger:
    """One value of ``on``: the events it reads, its own keys, and what it adds to the action's params.

    ``params`` copies event fields into the params (``(param, event field)``, empty ones left out);
    ``side``: the event field with the id of the host whose side the event is on, which the ``side`` key
    compares with our host; ``needs``: a rule must set one of these keys (``example`` shows one in TOML).
    """

    events: tuple[str, ...]
    keys: tuple[str, ...] = ()
    filters: tuple[Filter, ...] = ()
    params: tuple[tuple[str, str], ...] = ()
    side: str = ""
    needs: tuple[str, ...] = ()
    example: str = ""

    @property
    def own_keys(self) -> tuple[str, ...]:
        """Every key this trigger takes besides the common ones."""
        return self.keys + tuple(f.key for f in self.filters) + (("side",) if self.side else ())


TRIGGERS: dict[str, Trigger] = {
    "gift": Trigger(("gift", "giftFinal"), ("gift", "min_diamonds", "per")),
    "like": Trigger(("like",), ("every", "per_user")),
    "chat": Trigger(
        ("chat",),
        ("command", "aliases", "prefix", "case_sensitive"),
        needs=("command",),
        example='command = "jump"',
    ),
    "follow": Trigger(("follow",)),
    "share": Trigger(("share",)),
    "subscribe": Trigger(("subscribe",)),
    "member": Trigger(("member",)),
    "viewers": Trigger(("roomUserSeq",), ("above",), needs=("above",), example="above = 1000"),
    "battle": Trigger(("battle", "battleArmies"), ("outcome",), (Filter("battle_action", "action"),)),
    "coHostScore": Trigger(
        ("coHostScore",), ("score", "above", "every"), needs=("above", "every"), example="above = 5000"
    ),
    "coHost": Trigger(("coHost",), ("change",)),
    "battleCard": Trigger(
        ("battleCard",),
        filters=(Filter("card_type", "cardType"),),
        params=(("card", "cardType"), ("multiple", "multiple"), ("duration", "duration")),
        side="anchorId",
    ),
    "battlePunish": Trigger(
        ("battlePunish",), filters=(Filter("reason", "reason"),), params=(("reason", "reason"),)
    ),
    "battleTask": Trigger(
        ("battleTask",),
        filters=(Filter("task_type", "taskType"), Filter("result", "result")),
        params=(
            ("task", "taskType"),
            ("progress", "progress"),
            ("target", "target"),
            ("multiple", "rewardMultiple"),
            ("duration", "duration"),
            ("result", "result"),
        ),
    ),
    "poll": Trigger(("poll",), ("option",)),
    "goal": Trigger(
        ("goal",),
        ("gift", "percent"),
        params=(
            ("progress", "progress"),
            ("target", "target"),
            ("gift", "giftName"),
            ("contributor", "contributorUniqueId"),
        ),
    ),
}
"""Every value of ``on``. A trigger that fires on each event of a type, filtered by its integer fields and
passing some of them on, is one entry here; the others also have a matcher in :class:`RuleEngine`."""

COMMON_KEYS = {
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
"""The keys every rule may have, whatever its trigger."""
_CHOICES: dict[str, tuple[str, ...]] = {
    "per": ("gift", "streak"),
    "score": ("host", "total", "lead", "rival"),
    "outcome": ("any", "win", "lose", "draw"),
    "side": ("any", "ours", "rival"),
    "change": ("join", "leave"),
}
"""Keys whose value is one of a few words; the first is the default."""
MAX_LIST = 1_000
"""Most values a list key (``gift``, ``aliases``, ``option``, a filter) may hold."""


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
    filters: tuple[tuple[str, frozenset[int]], ...] = ()
    """``(event field, values)`` from the trigger's filter keys."""
    score: str = "host"
    side: str = "any"
    change: str = "join"
    outcome: str = "any"
    options: frozenset[str] = frozenset()
    percent: int = 100
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
        else:
            values = {
                "score": self.score,
                "above": self.above,
                "every": self.every,
                "side": self.side,
                "change": self.change,
                "outcome": self.outcome,
                "option": sorted(self.options),
                "gift": sorted(self.gifts, key=str),
                "percent": self.percent,
            }
            own = TRIGGERS[self.on].own_keys
            trigger.update((k, values[k]) for k in own if k in values and not is_empty(values[k]))
            by_field = dict(self.filters)
            for f in TRIGGERS[self.on].filters:
                if f.field in by_field:
                    trigger[f.key] = sorted(by_field[f.field])
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
    if not isinstance(on, str) or on not in TRIGGERS:
        raise ConfigError(f"{where}: key 'on' = {on!r}: expected one of {', '.join(TRIGGERS)}")
    trigger = TRIGGERS[on]
    allowed = COMMON_KEYS | set(trigger.own_keys)
    for key in item:
        if key not in allowed:
            raise ConfigError(
                f"{where}: unknown key {key!r} for on = {on!r} (allowed: {', '.join(sorted(allowed))})"
            )

    def fail(key: str, value: Any, problem: str) -> ConfigError:
        return ConfigError(f"{where}: key {key!r} = {_show(value)}: {problem}")

    def get(key: str, kind: type | tuple[type, ...], default: Any, minimum: float | None = None) -> Any:
        value: Any = item.get(key, default)
        if isinstance(value, bool) and kind is not bool or not isinstance(value, kind):
            raise fail(key, value, f"expected {_kind(kind)}")
        checked: Any = value  # isinstance() against a variable narrows to object
        if isinstance(checked, float) and not math.isfinite(checked):
            raise fail(key, value, "must be a finite number")
        if minimum is not None and checked < minimum:
            raise fail(key, value, f"must be at least {minimum:g}")
        if isinstance(checked, int) and checked > INT64_MAX:
            raise fail(key, value, f"must be at most {INT64_MAX}")
        return checked

    def listed(key: str, kind: tuple[type, ...], what: str) -> list[Any]:
        """A value or a non-empty list of values, each checked (integers: 0..2^63-1)."""
        value = item.get(key, [])
        values = value if isinstance(value, list) else [value]
        if key in item and not values or len(values) > MAX_LIST:
            raise fail(key, value, f"expected {what}, or a list of 1 to {MAX_LIST}")
        for one in values:
            wrong = isinstance(one, bool) or not isinstance(one, kind)
            if wrong or isinstance(one, int) and not 0 <= one <= INT64_MAX:
                raise fail(key, one, f"expected {what}")
        return values

    def choice(key: str) -> str:
        words = _CHOICES[key]
        value = item.get(key, words[0])
        if value not in words:
            raise fail(key, value, f"expected {' or '.join(map(repr, words))}")
        return str(value)

    params = get("params", dict, {})
    problem = _unplain(params)
    if problem:
        raise fail("params", params, problem)
    gifts = listed("gift", (str, int), "a gift name or id")
    aliases = get("aliases", list, [])
    if len(aliases) > MAX_LIST or not all(isinstance(a, str) and a and _word(a) for a in aliases):
        raise fail("aliases", aliases, "expected a list of words")
    options = listed("option", (str,), "an option text")
    filters = tuple(
        (f.field, frozenset(listed(f.key, (int,), f"an integer in 0..{INT64_MAX}")))
        for f in trigger.filters
        if f.key in item
    )
    rule = Rule(
        name=name,
        on=on,
        params=params,
        gifts=frozenset(g.lower() if isinstance(g, str) else g for g in gifts),
        min_diamonds=get("min_diamonds", int, 0, 0),
        per=choice("per"),
        every=get("every", int, 1, 1) if "every" in item or on == "like" else 0,
        per_user=get("per_user", bool, False),
        command=get("command", str, ""),
        aliases=tuple(aliases),
        prefix=get("prefix", str, "!"),
        case_sensitive=get("case_sensitive", bool, False),
        above=get("above", int, 0, 0),
        filters=filters,
        score=choice("score"),
        side=choice("side"),
        change=choice("change"),
        outcome=choice("outcome"),
        options=frozenset(o.lower() for o in options),
        percent=get("percent", int, 100, 1),
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
    if rule.percent > 100:
        raise fail("percent", rule.percent, "must be at most 100")
    if on == "chat" and not _word(rule.command):
        raise ConfigError(
            f"{where}: key 'command': a chat rule needs a one-word command, e.g. command = \"jump\""
        )
    if on == "viewers" and not rule.above:
        raise ConfigError(f"{where}: key 'above': a viewers rule needs a threshold, e.g. above = 1000")
    given = [key for key in trigger.needs if item.get(key)]
    if trigger.needs and not given:
        raise ConfigError(
            f"{where}: key {trigger.needs[0]!r}: a {on} rule needs {' or '.join(trigger.needs)},"
            f" e.g. {trigger.example}"
        )
    if len(given) > 1:
        raise ConfigError(f"{where}: keys {' and '.join(map(repr, given))}: give one of them, not both")
    return rule


def _unplain(value: Any) -> str:
    """What keeps ``value`` (a ``params`` table) from reaching every engine as it is; "" when nothing."""
    if isinstance(value, dict):
        return next((p for p in map(_unplain, value.values()) if p), "")
    if isinstance(value, list):
        return next((p for p in map(_unplain, value) if p), "")
    if isinstance(value, bool | str):
        return ""
    if isinstance(value, int):
        return "" if -INT64_MAX - 1 <= value <= INT64_MAX else f"{value} is beyond 64 bits"
    if isinstance(value, float):
        return "" if math.isfinite(value) else f"{value} is not a finite number"
    return f"{value} is not a number, string, boolean, list or table"


def _word(text: str) -> bool:
    """A command or alias: printable, without white space."""
    return bool(text) and text.isprintable() and not any(c.isspace() for c in text)


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


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


MAX_ROOMS = 1_024
"""Rooms whose co-host and battle state the engine keeps (the least recently used is forgotten first)."""
MAX_TRACKED = 64
"""Hosts, sub-goals and polls remembered per room (a co-host session has at most a handful of hosts)."""


@dataclass(slots=True)
class _Room:
    """What the engine has learnt about one room (its real or its simulated events), for every rule.

    ``host``: our host's user id (from the stream introduction, the battle anchors or the co-host list,
    matched by the room name or room id). ``match``: the current battle or co-host match; ``scores``
    and ``marks`` (the highest of each ``score`` seen) belong to it.
    """

    host: int = 0
    match: int = 0
    scores: dict[int, int] = field(default_factory=dict)
    marks: dict[str, int] = field(default_factory=dict)
    cohosts: dict[int, Event] = field(default_factory=dict)
    goals: dict[tuple[int, str, int], int] = field(default_factory=dict)
    titles: dict[int, str] = field(default_factory=dict)
    ended: dict[int, None] = field(default_factory=dict)
    task_target: int = 0

    def new_match(self, match: int) -> None:
        self.match = match
        self.scores.clear()
        self.marks.clear()
        self.task_target = 0


@dataclass(slots=True)
class _Facts:
    """What one event means for the rules (worked out once, before any rule looks at it)."""

    steps: dict[str, tuple[int, int]] = field(default_factory=dict)
    """coHostScore: ``host``/``total``/``lead``/``rival`` -> (highest before, highest after) this match."""
    scores: dict[str, int] = field(default_factory=dict)
    """coHostScore: the params (score, rival, lead, total) that are known."""
    joined: list[Event] = field(default_factory=list)
    left: list[Event] = field(default_factory=list)
    winner: dict[str, Any] | None = None
    goal: tuple[int, int, int] = (0, 0, 0)
    """goal: (progress before, progress now, target) of the sub-goal."""
    target: int = 0
    battle: dict[str, Any] = field(default_factory=dict)
    """battle: ``outcome`` (our host's result), ``score``, ``rival`` of a finished battle."""


def _int(value: Any) -> int:
    """An event's integer field: 0 when absent or not an integer, else within int64 (``true`` is 1)."""
    return clamp_i64(value) if isinstance(value, int) else 0


def _list(value: Any) -> list[Event]:
    """An event's list of maps, at most :data:`MAX_TRACKED` of them, anything else left out."""
    return [v for v in value[:MAX_TRACKED] if isinstance(v, dict)] if isinstance(value, list) else []


def _remember(memory: dict[Any, Any], key: Any, value: Any) -> None:
    memory.pop(key, None)
    memory[key] = value
    while len(memory) > MAX_TRACKED:
        del memory[next(iter(memory))]


class RuleEngine:
    """Evaluates rules against events; sans-I/O."""

    def __init__(self, rules: list[Rule], rooms: OrderedDict[tuple[str, bool], _Room] | None = None) -> None:
        self.rules = rules
        self._state = {rule.name: _State() for rule in rules}
        self._rooms: OrderedDict[tuple[str, bool], _Room] = OrderedDict() if rooms is None else rooms
        self._by_type: dict[str, list[Rule]] = {}
        for rule in rules:
            for kind in TRIGGERS[rule.on].events:
                self._by_type.setdefault(kind, []).append(rule)
        self.needs = frozenset(self._by_type) | _LEARNT
        """The event types :meth:`feed` looks at: for any other it fires nothing and learns nothing."""

    def reloaded(self, rules: list[Rule]) -> RuleEngine:
        """An engine for new rules that keeps what this one learnt about the rooms (our host, the co-host
        list, the match's scores), so that a reload never fires a threshold or a join twice."""
        return RuleEngine(rules, self._rooms)

    def stats(self) -> dict[str, dict[str, int]]:
        """Firings and drops per rule."""
        return {
            name: {"fired": s.fired, "dropped": s.dropped, "queued": len(s.queue)}
            for name, s in self._state.items()
        }

    def feed(self, event: Event, step: GiftStep | None, now: float) -> list[Event]:
        """The actions ``event`` fires now (``step``: the streak verdict, for gifts)."""
        kind = event.get("type", "")
        facts = self._learn(kind, event) if kind in _LEARNT else None
        actions = []
        for rule in self._by_type.get(kind, ()):
            for params in self._match(rule, event, step, facts):
                if self._conditions(rule, event):
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

    # ------------------------------------------------------------ what the events tell about the room

    def _room(self, event: Event) -> _Room:
        key = (str(event.get("room", "")), event.get("simulated") is True)
        room = self._rooms.get(key)
        if room is None:
            room = self._rooms[key] = _Room()
            while len(self._rooms) > MAX_ROOMS:
                self._rooms.popitem(last=False)
        else:
            self._rooms.move_to_end(key)
        return room

    def _learn(self, kind: str, event: Event) -> _Facts:
        room = self._room(event)
        facts = _Facts()
        name = str(event.get("room", "")).lower()
        if kind == "liveIntro":
            user = event.get("user")
            self._our_host(room, _int(user.get("id")) if isinstance(user, dict) else 0)
        elif kind == "battle":
            for anchor in _list(event.get("anchors")):
                if name and str(anchor.get("uniqueId", "")).lower() == name:
                    self._our_host(room, _int(anchor.get("id")))
            battle = _int(event.get("battleId"))
            if _int(event.get("action")) == 4 and battle and battle != room.match:
                room.new_match(battle)
            self._outcome(room, event, facts)
        elif kind == "coHostScore":
            self._scores(room, event, facts)
        elif kind == "coHost":
            self._cohosts(room, event, facts, name)
        elif kind == "battleTask":
            if _int(event.get("taskType")) == 0 and _int(event.get("target")):
                room.task_target = _int(event.get("target"))
            facts.target = room.task_target
        elif kind == "poll":
            self._poll(room, event, facts)
        elif kind == "goal":
            target = _int(event.get("target"))
            key = (_int(event.get("goalType")), str(event.get("giftName", "")).lower(), target)
            progress = _int(event.get("progress"))
            facts.goal = (room.goals.get(key, 0), progress, target)
            _remember(room.goals, key, progress)
        return facts

    @staticmethod
    def _our_host(room: _Room, host: int) -> None:
        if host and host != room.host:
            room.host = host
            room.cohosts.pop(host, None)  # never announced as a co-host of its own room

    @staticmethod
    def _scores(room: _Room, event: Event, facts: _Facts) -> None:
        match = _int(event.get("matchId"))
        if match and match != room.match:
            room.new_match(match)
        hosts = _list(event.get("hosts"))
        if not hosts and _int(event.get("userId")):
            hosts = [{"userId": event["userId"], "score": event.get("score", 0)}]
        for host in hosts:
            if _int(host.get("userId")):
                _remember(room.scores, _int(host.get("userId")), _int(host.get("score")))
        total = _int(event.get("total")) if "total" in event else _saturated_sum(room.scores.values())
        values = {"total": total}
        facts.scores["total"] = total
        if room.host in room.scores:
            ours = values["host"] = facts.scores["score"] = room.scores[room.host]
            rivals = [score for uid, score in room.scores.items() if uid != room.host]
            if rivals:
                values["rival"] = facts.scores["rival"] = max(rivals)
                values["lead"] = facts.scores["lead"] = clamp_i64(ours - max(rivals))
        for which, value in values.items():
            before = room.marks.get(which, 0)
            room.marks[which] = after = max(before, value)
            facts.steps[which] = (before, after)

    @staticmethod
    def _outcome(room: _Room, event: Event, facts: _Facts) -> None:
        """A finished battle's result for our host: ``outcome`` and the scores."""
        results = _list(event.get("results"))
        ours = [r for r in results if room.host and _int(r.get("userId")) == room.host]
        if not ours:
            return
        result = _int(ours[0].get("result"))
        if 0 <= result < 3:
            facts.battle["outcome"] = ("win", "lose", "draw")[result]
        facts.battle["score"] = _int(ours[0].get("score"))
        rivals = [_int(r.get("score")) for r in results if r is not ours[0]]
        if rivals:
            facts.battle["rival"] = max(rivals)

    def _cohosts(self, room: _Room, event: Event, facts: _Facts, name: str) -> None:
        listing = _int(event.get("layerAction")) == 11 or _int(event.get("linkAction")) == 22
        if not listing and "linked" not in event and "users" not in event:
            return  # a join or leave notice, or the guests' list: the co-host list that follows tells who
        room_id = _int(event.get("roomId"))
        present: dict[int, Event] = {}
        for entry in _list(event.get("linked")) + _list(event.get("users")):
            uid = _int(entry.get("id"))
            if not uid:
                continue
            ours = name and str(entry.get("uniqueId", "")).lower() == name
            if ours or room_id and _int(entry.get("roomId")) == room_id:
                self._our_host(room, uid)
            if uid != room.host:
                host = present.setdefault(uid, {"id": uid})
                for key in ("uniqueId", "nickname", "roomId"):
                    if entry.get(key) and isinstance(entry[key], str | int):
                        host[key] = entry[key]
        facts.joined = [host for uid, host in present.items() if uid not in room.cohosts]
        facts.left = [host for uid, host in room.cohosts.items() if uid not in present]
        if room.cohosts and not present:
            room.new_match(0)  # everyone left: the session is over
        room.cohosts = present

    @staticmethod
    def _poll(room: _Room, event: Event, facts: _Facts) -> None:
        poll = _int(event.get("pollId"))
        action = _int(event.get("pollAction"))
        if action == 0 and event.get("title"):
            _remember(room.titles, poll, str(event["title"]))
        options = [o for o in _list(event.get("options")) if isinstance(o.get("text", ""), str)]
        if action != 1 or not options or poll in room.ended:
            return
        if poll:
            _remember(room.ended, poll, None)
        votes = [_int(o.get("votes")) for o in options]
        best = max(votes)
        if best <= 0:
            return  # nobody voted: no winner
        won = options[votes.index(best)]
        facts.winner = {
            "option": won.get("text", ""),
            "index": _int(won.get("index")),
            "votes": best,
            "total": _saturated_sum(votes),
            "tie": votes.count(best) > 1,
            "title": str(event.get("title", "")) or room.titles.get(poll, ""),
        }

    # ------------------------------------------------------------ matching

    def _match(self, rule: Rule, event: Event, step: GiftStep | None, facts: _Facts | None) -> list[Event]:
        for name, values in rule.filters:
            if _int(event.get(name)) not in values:
                return []
        trigger = TRIGGERS[rule.on]
        side = self._side(event, trigger.side) if trigger.side else ""
        if rule.side != "any" and side != rule.side:
            return []
        found = self._special(rule, event, step, facts)
        for params in found:
            if side:
                params["side"] = side
            for param, name in trigger.params:
                value = event.get(name)
                if param not in params and value is not None and not is_empty(value):
                    params[param] = value
        return found

    def _side(self, event: Event, name: str) -> str:
        """``ours`` or ``rival``: whose side the host in ``event[name]`` is on; "" while unknown."""
        room = self._rooms.get((str(event.get("room", "")), event.get("simulated") is True))
        host = _int(event.get(name))
        if room is None or not room.host or not host:
            return ""
        return "ours" if host == room.host else "rival"

    def _special(self, rule: Rule, event: Event, step: GiftStep | None, facts: _Facts | None) -> list[Event]:
        """The params of each firing (one for most triggers), before the trigger's copied fields."""
        on = rule.on
        if on == "gift":
            return _listed(self._gift(rule, event, step))
        if on == "like":
            return _listed(self._likes(rule, event))
        if on == "chat":
            return _listed(self._command(rule, str(event.get("comment", ""))))
        if on == "viewers":
            state = self._state[rule.name]
            viewers = int(event.get("viewerCount", 0))
            crossed = state.viewers < rule.above <= viewers
            state.viewers = viewers
            return [{"viewers": viewers}] if crossed else []
        if on == "member" and event.get("action", 0) not in (0, 1):
            return []
        if on == "battle":
            result = facts.battle if facts else {}
            if rule.outcome != "any" and result.get("outcome") != rule.outcome:
                return []
            return [dict(result)]
        if facts is None:
            return [{}]
        if on == "coHostScore":
            return _listed(self._threshold(rule, facts))
        if on == "coHost":
            hosts = facts.joined if rule.change == "join" else facts.left
            return [_host_params(host) for host in hosts]
        if on == "battleTask":
            return [{"target": facts.target}]
        if on == "poll":
            won = facts.winner
            if won is None or rule.options and str(won["option"]).lower() not in rule.options:
                return []
            return [dict(won)]
        if on == "goal":
            before, progress, target = facts.goal
            need = max(1, (target * rule.percent + 99) // 100)
            if rule.gifts and str(event.get("giftName", "")).lower() not in rule.gifts:
                return []
            return [{"percent": rule.percent}] if target > 0 and before < need <= progress else []
        return [{}]

    @staticmethod
    def _gift(rule: Rule, event: Event, step: GiftStep | None) -> dict[str, Any] | None:
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

    @staticmethod
    def _threshold(rule: Rule, facts: _Facts) -> dict[str, Any] | None:
        if rule.score not in facts.steps:
            return None  # not known yet (our host not identified, or no rival)
        before, after = facts.steps[rule.score]
        params: dict[str, Any] = dict(facts.scores)
        if rule.every:
            times = after // rule.every - before // rule.every
            if times <= 0:
                return None
            params["count"] = times
        elif not before < rule.above <= after:
            return None
        return params

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


_LEARNT = frozenset({"liveIntro", "battle", "coHostScore", "coHost", "battleTask", "poll", "goal"})
"""Event types the engine learns room state from, whatever rules are loaded."""


def _listed(params: dict[str, Any] | None) -> list[Event]:
    return [] if params is None else [params]


def _host_params(host: Event) -> Event:
    return {"host_id": host["id"], "host": host.get("uniqueId", ""), "nickname": host.get("nickname", "")}


def _saturated_sum(values: Any) -> int:
    """The saturated sum of integers."""
    total = 0
    for value in values:
        total = sat_add(total, value)
    return total
