"""Failures found by the property tests and the fuzzers (issue 12), one test each."""

from __future__ import annotations

import time

import rasid
from rasid.recognize.dates import find_timex


def test_hijri_month_with_published_outside_the_umm_al_qura_table():
    # OverflowError from hijridate: the published year is outside 1924-2077
    for pub in ("1924-01-01", "1900-06-30", "2090-01-01", "0001-01-01", "9999-12-31"):
        assert find_timex("رمضان رمضان ", pub) == []
        doc = rasid.extract("قتل ثلاثة في 5 رمضان في إدلب", published=pub)
        assert all(t.value is None for t in doc.timex if "رمضان" in t.text)
    # an explicit Hijri year still resolves whatever the published date
    (tx,) = find_timex("في 5 رمضان 1445", "1900-01-01")
    assert tx.value == "2024-03-15"


def _time(text: str) -> float:
    t = time.perf_counter()
    rasid.extract(text, published="2024-03-14")
    return time.perf_counter() - t


def _assert_linear(unit: str) -> None:
    """One sentence of 2,000 units takes well under 10x the time of 500 (linear, not quadratic)."""
    small, large = unit * 500, unit * 2000
    _time(unit)
    t_small = min(_time(small) for _ in range(2))
    t_large = _time(large)
    assert t_large < 10 * t_small + 0.5, (t_small, t_large)


def test_one_huge_sentence_is_not_quadratic():
    # claim parties (an any() over all earlier spans per entity) and counts (a scan over all
    # numbers per trigger) were quadratic in one sentence with thousands of entities/numbers:
    # 160k characters took 5 s in quotes alone. Compare 4x the text against 4x the time with
    # a wide margin, so that a loaded machine does not fail the test.
    _assert_linear("قتل ثلاثة مدنيين أمس في قصف على إدلب وقال الجيش السوري \u200f")


def test_one_huge_sentence_full_of_negations_is_not_quadratic():
    # every trigger of a sentence was checked against every modality cue of it: 2,000 clauses
    # of "لم ... ولا" took 5 s, 4,000 took 10 s
    _assert_linear("لم يقتل أحد ولا أصيب أحد في الهجوم و")
