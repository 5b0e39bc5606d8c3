"""Cross-source deduplication on hand-made reports: one strike told by three outlets with
different wording, counts and precision is one cluster; true near-misses stay apart."""

from __future__ import annotations

import random

from rasid.store.dedup import cluster_events, haversine_km

SARMIN = (35.90, 36.72)


def report(eid, doc, source, start, end=None, precision=1, lat=SARMIN[0], lon=SARMIN[1],
           geo=1, admin1="Idlib", location="Sarmin", fatalities=3,
           actor1="Military Forces of Russia", actor2="Civilians (Syria)",
           event_type="Explosions/Remote violence", country="Syria", confidence=0.8):
    end = end or start
    return {"event_id": eid, "document_id": doc, "source": source, "event_date": start,
            "date_start": start, "date_end": end, "time_precision": precision,
            "event_type": event_type, "country": country, "admin1": admin1, "location": location,
            "latitude": lat, "longitude": lon, "geo_precision": geo, "actor1": actor1,
            "actor2": actor2, "fatalities": fatalities, "confidence": confidence}


def same_strike():
    return [
        # SY24: the day and the town, 3 killed
        report("e1", "d1", "SY24", "2024-03-12", fatalities=3),
        # Enab Baladi: "near Sarmin" (4 km off, precision 2), 4 killed, attacker unnamed
        report("e2", "d2", "Enab Baladi", "2024-03-12", lat=35.93, lon=36.74, geo=2,
               fatalities=4, actor1="Unidentified Armed Group (Syria)"),
        # Al Arabiya the next week: "early last week", province only, 5 killed
        report("e3", "d3", "Al Arabiya", "2024-03-11", "2024-03-17", precision=2,
               lat=35.93, lon=36.63, geo=3, location="Idlib", fatalities=5, confidence=0.6),
    ]


def by_event(clusters):
    return {e: c["cluster_id"] for c in clusters for e in c["event_ids"]}


def test_three_outlets_one_cluster():
    clusters = cluster_events(same_strike())
    assert len(clusters) == 1
    c = clusters[0]
    assert c["n_events"] == 3 and c["source_count"] == 3
    assert c["sources"] == ["Al Arabiya", "Enab Baladi", "SY24"]
    assert c["canonical_event_id"] == "e1"  # the day- and town-precise report
    assert (c["fatalities_min"], c["fatalities_max"]) == (3, 5)
    assert c["document_ids"] == ["d1", "d2", "d3"]


def test_consecutive_days_same_town_stay_apart():
    rows = [report("a", "d1", "SY24", "2024-03-12"), report("b", "d2", "Enab", "2024-03-13")]
    assert len(cluster_events(rows)) == 2


def test_vague_report_does_not_chain_two_days():
    rows = [report("a", "d1", "SY24", "2024-03-12"), report("b", "d2", "Enab", "2024-03-13"),
            report("w", "d3", "BBC", "2024-03-11", "2024-03-17", precision=2)]
    clusters = cluster_events(rows)
    assert len(clusters) == 2  # the week-long report joins one day, not both
    ids = by_event(clusters)
    assert ids["a"] != ids["b"]


def test_other_near_misses_stay_apart():
    base = report("a", "d1", "SY24", "2024-03-12")
    misses = [
        report("far", "d2", "X", "2024-03-12", lat=36.2, lon=36.72, location="Other town"),  # 33 km
        report("type", "d3", "X", "2024-03-12", event_type="Battles"),
        report("actor", "d4", "X", "2024-03-12", actor1="Military Forces of Turkey"),
        report("prov", "d5", "X", "2024-03-12", geo=3, admin1="Aleppo", lat=None, lon=None),
        report("same-doc", "d1", "SY24", "2024-03-12"),  # a document's own events are two acts
        report("country", "d6", "X", "2024-03-12", country="Iraq"),
    ]
    clusters = cluster_events([base] + misses)
    assert len(clusters) == 7


def test_province_level_report_joins_town_report():
    rows = [report("a", "d1", "SY24", "2024-03-12"),
            report("p", "d2", "Enab", "2024-03-12", geo=3, lat=None, lon=None, location="Idlib")]
    assert len(cluster_events(rows)) == 1


def test_result_does_not_depend_on_order():
    rows = same_strike() + [report("n1", "d7", "SY24", "2024-03-13"),
                            report("n2", "d8", "Enab", "2024-03-13", fatalities=9),
                            report("x", "d9", "BBC", "2024-03-12", event_type="Battles")]
    expected = sorted((c["cluster_id"], tuple(c["event_ids"])) for c in cluster_events(rows))
    rng = random.Random(7)
    for _ in range(10):
        rng.shuffle(rows)
        got = sorted((c["cluster_id"], tuple(c["event_ids"])) for c in cluster_events(rows))
        assert got == expected
    assert len(expected) == 3


def test_events_without_date_or_country_stay_alone():
    rows = [report("a", "d1", "SY24", "2024-03-12"),
            {**report("b", "d2", "Enab", "2024-03-12"), "date_start": None, "date_end": None,
             "event_date": None},
            {**report("c", "d3", "BBC", "2024-03-12"), "country": ""}]
    assert len(cluster_events(rows)) == 3


def test_haversine():
    assert abs(haversine_km(0, 0, 0, 1) - 111.19) < 0.1
    assert haversine_km(*SARMIN, *SARMIN) == 0


def test_country_only_reports_need_the_same_named_actor():
    town = report("a", "d1", "SY24", "2024-03-12")
    vague = report("v", "d2", "X", "2024-03-12", geo=3, admin1="", lat=None, lon=None,
                   location="Syria", actor1="Unidentified Armed Group (Syria)")
    assert len(cluster_events([town, vague])) == 2
    named = {**vague, "event_id": "n", "document_id": "d3", "actor1": "Military Forces of Russia"}
    assert len(cluster_events([town, named])) == 1


def test_year_long_ranges_stay_alone():
    rows = [report("a", "d1", "SY24", "2014-01-01", "2014-12-31", precision=3),
            report("b", "d2", "Enab", "2014-07-02", precision=1)]
    assert len(cluster_events(rows)) == 2
