"""The CODEBOOK section-12 scorer on hand-made gold/prediction pairs with known scores."""

import pytest

from rasid.evaluate.scorer import haversine_km, normalize_name, score

TEXT = "جملة أولى عن غارة. جملة ثانية عن اشتباك. جملة ثالثة."


def gold_event(**kw):
    ev = {"mentions": [[0, 18]], "event_type": "Explosions/Remote violence",
          "sub_event_type": "Air/drone strike", "event_date": "2024-03-12", "time_precision": 1,
          "actor1": "Military Forces of Russia", "actor2": "Civilians (Syria)", "country": "Syria",
          "admin1": "Idlib", "location": "Idlib", "latitude": 35.93, "longitude": 36.63,
          "fatalities": 3}
    ev.update(kw)
    return ev


def pred_event(start=0, end=18, **kw):
    ev = {k: v for k, v in gold_event().items() if k != "mentions"}
    ev["evidence"] = [{"start": start, "end": end, "text": TEXT[start:end]}]
    ev.update(kw)
    return ev


def run(golds, preds):
    return score([{"id": "d", "text": TEXT, "events": golds}], {"d": {"events": preds}})


def test_perfect_match():
    s = run([gold_event()], [pred_event()])
    assert (s.precision, s.recall, s.f1, s.strict_f1) == (1.0, 1.0, 1.0, 1.0)
    assert all(v == 1.0 for v in s.field_accuracy.values())


def test_spurious_and_missed_events():
    g2 = gold_event(mentions=[[19, 40]], event_type="Battles", sub_event_type="Armed clash")
    s = run([gold_event(), g2], [pred_event(), pred_event(41, 52, country="Iraq")])
    # second prediction overlaps no mention and its country differs: spurious; g2 is missed
    assert s.n_paired == 1
    assert s.precision == 0.5 and s.recall == 0.5
    assert s.f1 == pytest.approx(0.5)


def test_hungarian_pairs_to_maximise_agreeing_fields():
    # two gold events in the same sentence; predictions listed in the "wrong" order
    g1 = gold_event(actor1="A", fatalities=1)
    g2 = gold_event(actor1="B", fatalities=2)
    p_b = pred_event(actor1="B", fatalities=2)
    p_a = pred_event(actor1="A", fatalities=1)
    s = run([g1, g2], [p_b, p_a])
    assert s.n_paired == 2
    assert s.field_accuracy["actor1"] == 1.0
    assert s.field_accuracy["fatalities"] == 1.0


def test_second_pass_pairs_without_overlap():
    # no overlapping evidence, but type, date, country and admin1 agree: paired in step 2
    s = run([gold_event()], [pred_event(41, 52)])
    assert s.n_paired == 1


def test_gold_lists_accept_any_value_and_strict_fields():
    g = gold_event(actor1=["Police Forces of Jordan", "Military Forces of Jordan"],
                   admin1=["Al Balqā’", "Balqa"])
    p = pred_event(actor1="Military Forces of Jordan", admin1="Balqa", event_date="2024-03-11")
    s = run([g], [p])
    assert s.field_accuracy["actor1"] == 1.0
    assert s.field_accuracy["admin1"] == 1.0
    assert s.field_accuracy["event_date"] == 0.0
    assert s.strict_f1 == 0.0  # the date is a strict field
    assert s.f1 == 1.0


def test_location_within_25_km():
    g = gold_event()
    near = pred_event(location="elsewhere", latitude=35.93 + 0.1, longitude=36.63)  # ~11 km
    far = pred_event(location="elsewhere", latitude=35.93 + 0.5, longitude=36.63)  # ~56 km
    assert run([g], [near]).field_accuracy["location"] == 1.0
    assert run([g], [far]).field_accuracy["location"] == 0.0
    assert haversine_km(0, 0, 0, 1) == pytest.approx(111.2, rel=0.01)


def test_actor_name_normalisation():
    assert normalize_name("Civilians (Syria)") == normalize_name("civilians")
    assert normalize_name("Military Forces of Syria (2000-)") == "military forces of syria"
    s = run([gold_event(actor1="Houthi Movement")], [pred_event(actor1="HOUTHI MOVEMENT")])
    assert s.field_accuracy["actor1"] == 1.0


def test_no_predictions():
    s = run([gold_event()], [])
    assert (s.precision, s.recall, s.f1) == (0.0, 0.0, 0.0)


def test_injuries_and_arrests_are_scored_but_do_not_choose_the_pairs():
    # two golds overlap one prediction: g1 shares one more section-12 field (fatalities), g2
    # shares injuries and arrests; counted in the pairing they would win it for g2
    g1 = gold_event(injuries=0, arrests=0)
    g2 = gold_event(fatalities=99, injuries=7, arrests=2)
    s = run([g1, g2], [pred_event(injuries=7, arrests=2)])
    assert s.n_paired == 1
    assert s.field_accuracy["fatalities"] == 1.0  # paired with g1
    assert s.field_accuracy["injuries"] == 0.0 and s.field_accuracy["arrests"] == 0.0
    s = run([gold_event(injuries=4)], [pred_event(injuries=4)])  # arrests absent on both: 0 = 0
    assert s.field_accuracy["injuries"] == 1.0 and s.field_accuracy["arrests"] == 1.0
