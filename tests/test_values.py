"""Value domains: room ids, names, file stems and saturating counters."""

from __future__ import annotations

import math

import pytest

from bridge.values import INT64_MAX, check_name, check_room_id, clamp_i64, safe_file_stem, sat_add, sat_mul

HOSTILE_INTS = [0, -1, 2**31, 2**32, 2**53, 2**63 - 1, 2**63, 2**64, 10**30]


@pytest.mark.parametrize("value", HOSTILE_INTS)
def test_room_ids_are_1_to_int64_max(value: int) -> None:
    if 0 < value <= INT64_MAX:
        assert check_room_id(value) == value
    else:
        with pytest.raises(ValueError, match="room id"):
            check_room_id(value)


@pytest.mark.parametrize("value", [True, 1.0, math.nan, "123", None])
def test_room_ids_are_integers(value: object) -> None:
    with pytest.raises(ValueError):
        check_room_id(value)


@pytest.mark.parametrize("value", HOSTILE_INTS + [-(2**64)])
def test_saturation_stays_in_int64(value: int) -> None:
    for result in (clamp_i64(value), sat_add(value, value), sat_mul(value, 8)):
        assert -(2**63) <= result <= INT64_MAX
    assert sat_mul(2**62, 8) == INT64_MAX
    assert sat_add(3, 4) == 7


@pytest.mark.parametrize("name", ["creator", "a.b_c-d", "tiktool:@x", "x" * 64])
def test_good_names(name: str) -> None:
    assert check_name(name) == name
    assert safe_file_stem(name) == name


@pytest.mark.parametrize(
    "name", ["", ".", "..", "a/b", "/abs", "../../x", "a b", "a\x00b", "a\nb", "x" * 65, "é", "\udcff"]
)
def test_bad_names_are_refused_and_their_files_stay_in_one_component(name: str) -> None:
    with pytest.raises(ValueError):
        check_name(name, "room")
    stem = safe_file_stem(name)
    assert stem and "/" not in stem and "\\" not in stem and stem not in (".", "..")
    assert not stem.startswith(".") and stem.isascii() and stem.isprintable()


def test_distinct_names_get_distinct_stems() -> None:
    names = ["a/b", "a_b", "a:b/", "a\x00b", "a?b"]
    assert len({safe_file_stem(n) for n in names}) == len(names)
