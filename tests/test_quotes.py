"""Quotes and claims: a hand-written table of reporting sentences, and the SY24 example."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from rasid.model import Document, Quote
from rasid.recognize.actors import ActorRecognizer
from rasid.recognize.places import PlaceRecognizer
from rasid.recognize.quotes import QuoteRecognizer, link_claims, source_label
from rasid.text import prepare

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLE = Path(__file__).parent.parent / "examples" / "sy24_isis_leader_killed.txt"


@pytest.fixture(scope="module")
def run():
    actors, places, quotes = ActorRecognizer(), PlaceRecognizer(), QuoteRecognizer()

    def _run(text: str) -> Document:
        doc = Document(text=text, published="2023-04-04")
        prepare(doc)
        actors(doc)
        places(doc)
        quotes(doc)
        return doc

    return _run


def _table():
    with open(FIXTURES / "quotes_table.tsv", encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


TABLE = _table()


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return inter / max(a[1] - a[0], b[1] - b[0], 1)


def _check_offsets(doc: Document) -> None:
    for q in doc.quotes:
        assert doc.text[q.start:q.end] == q.text
        assert doc.text[q.cue_start:q.cue_end] == q.cue
        if q.speaker_start is not None:
            assert doc.text[q.speaker_start:q.speaker_end] == q.speaker
    for c in doc.claims:
        assert doc.text[c.start:c.end] == c.text


def test_table_is_large_and_covers_every_cue_and_claim_type():
    assert len(TABLE) >= 80
    cues = {r["cue"] for r in TABLE}
    for cue in ("قال", "أضاف", "تابع", "أكد", "أشار", "أوضح", "لفت", "صرّح", "أعلن", "ذكر",
                "نقلت", "بحسب", "وفقاً ل", "حسبما ذكرت"):
        assert cue in cues, cue
    types = {r["claim"].split(":")[0] for r in TABLE if r["claim"]}
    assert types == {"ACCUSE", "THREATEN", "REJECT", "DENY", "CLAIM"}


def test_table_scores(run):
    """Speaker exact >= 0.90 and quote span overlap >= 0.95 on the annotated quotes."""
    speaker_ok = overlap = n = 0
    misses = []
    for r in TABLE:
        doc = run(r["text"])
        _check_offsets(doc)
        if r["speaker"] == "NONE":
            continue
        n += 1
        q = doc.quotes[-1] if doc.quotes else None
        gs = r["text"].index(r["quote"])
        if q is None:
            misses.append((r["text"], "no quote"))
            continue
        if q.speaker == r["speaker"]:
            speaker_ok += 1
        else:
            misses.append((r["text"], q.speaker))
        overlap += _overlap((q.start, q.end), (gs, gs + len(r["quote"])))
    assert n >= 65
    assert speaker_ok / n >= 0.90, misses
    assert overlap / n >= 0.95, misses


@pytest.mark.parametrize("row", [r for r in TABLE if r["speaker"] != "NONE"],
                         ids=lambda r: r["text"][:25])
def test_each_quote_has_its_cue_and_directness(run, row):
    doc = run(row["text"])
    assert doc.quotes, "no quote"
    q = doc.quotes[-1]
    assert q.cue == row["cue"]
    assert q.direct == (row["direct"] == "1")
    if row["role"]:
        assert q.speaker_role == row["role"]


@pytest.mark.parametrize("row", [r for r in TABLE if r["speaker"] == "NONE"],
                         ids=lambda r: r["text"][:25])
def test_no_quote_without_reported_content(run, row):
    assert run(row["text"]).quotes == []


@pytest.mark.parametrize("row", [r for r in TABLE if r["claim"]], ids=lambda r: r["text"][:25])
def test_claims(run, row):
    doc = run(row["text"])
    ctype, target = row["claim"].split(":", 1)
    assert doc.claims, "no claim"
    c = doc.claims[-1]
    assert c.type == ctype
    if target:
        assert target.lower() in c.target_actor.lower()
    else:
        assert c.target_actor == ""


def test_lines_without_claim_cues_have_no_claims(run):
    for r in TABLE:
        if not r["claim"] and r["speaker"] == "NONE":
            assert run(r["text"]).claims == []


def test_sy24_statements_of_mudar_al_asaad(run):
    doc = run(EXAMPLE.read_text(encoding="utf-8"))
    _check_offsets(doc)
    his = [q for q in doc.quotes if q.speaker == "مضر الأسعد"]
    assert [q.cue for q in his] == ["قال", "أضاف", "تابع"]
    assert all(q.direct for q in his)
    assert all(q.speaker_role == "المنسق العام للمجلس الأعلى للقبائل والعشائر السورية" for q in his)
    assert all(q.speaker_start == his[0].speaker_start for q in his)  # resolved to the first
    assert his[0].text.startswith("هناك دول من مصلحتها")
    assert his[0].text.endswith("من أجل محاربة أمريكا")
    assert his[1].text.startswith("احتضان إيران") and his[1].text.endswith("إلى لبنان")
    assert his[2].text.startswith("كما أن نظام الأسد") and his[2].text.endswith("في المنطقة")
    accusations = [(c.quote_index, c.target_actor) for c in doc.claims
                   if c.type == "ACCUSE" and c.source_actor == "مضر الأسعد"]
    idx = [doc.quotes.index(q) for q in his]
    assert (idx[0], "Iran") in accusations
    assert (idx[1], "Iran") in accusations
    assert any(qi == idx[2] and "الأسد" in t for qi, t in accusations)
    # the statement of the coalition and the activist
    labels = [source_label(q, doc) for q in doc.quotes]
    assert "US Central Command" in labels and "a local activist" in labels
    backref = next(q for q in doc.quotes if q.cue == "أكد")
    assert source_label(backref) == "US Central Command"  # البيان → the last speaker


def test_source_label_kinds():
    assert source_label(Quote(speaker="ناشط من المنطقة", text="x", start=0, end=1)) == \
        "a local activist"
    assert source_label(Quote(speaker="وكالة سانا", text="x", start=0, end=1)) == \
        "SANA (Syrian Arab News Agency)"
    assert source_label(Quote(speaker="", text="x", start=0, end=1)) == ""
    assert source_label(Quote(speaker="أحمد", speaker_role="المتحدث باسم الدفاع المدني",
                              text="x", start=0, end=1)) == "Civil Defence"


def test_offsets_survive_diacritics_and_tatweel(run):
    doc = run("وقَالَ المـرصد السوري إنّ القصفَ استهدف قرية.")
    _check_offsets(doc)
    assert doc.quotes and doc.quotes[0].speaker == "المـرصد السوري"
    assert doc.quotes[0].text == "القصفَ استهدف قرية"


def test_claim_of_responsibility_sets_event_actor1(run):
    from rasid import extract

    doc = extract("انفجرت سيارة مفخخة عند حاجز للجيش في مدينة الرقة السورية أمس. "
                  "وتبنى تنظيم داعش الهجوم عبر وكالة أعماق.", published="2023-04-04")
    QuoteRecognizer()(doc)
    claims = [c for c in doc.claims if c.type == "CLAIM"]
    assert claims and claims[0].source_actor == "Islamic State"
    assert claims[0].event_index is not None
    assert doc.events[claims[0].event_index].actor1 == "Islamic State"
    link_claims(doc)  # idempotent
    assert doc.events[claims[0].event_index].actor1 == "Islamic State"


def test_a_claim_through_a_pronoun_and_a_claimer_read_as_the_target():
    """«في هجوم أعلن تنظيم داعش مسؤوليته عنه»: the claim's object may be a pronoun on عن; and a
    group read as the act's target (here «التابعة للتنظيم» after استهدف, the group named again)
    that claims the act is its author, not its victim (blind audit 19, items 5 and 37)."""
    from rasid import extract

    doc = extract("قتل ثلاثة من رجال الشرطة في بلدة ماستونغ جنوب غربي باكستان أمس في هجوم أعلن تنظيم داعش "
                  "مسؤوليته عنه.", published="2018-06-05")
    assert [e.actor1 for e in doc.events] == ["Islamic State"]
    doc = extract("قتل سبعة أشخاص في تفجير انتحاري في مسجد بالعاصمة كابول أمس. وادعى تنظيم داعش "
                  "مسؤوليته عن الهجوم، وقالت وكالة أعماق التابعة للتنظيم إن الهجوم استهدف تجمعا للشيعة.",
                  published="2018-03-09")
    [e] = [e for e in doc.events if e.sub_event_type == "Suicide bomb"]
    assert (e.actor1, e.actor2) != ("Islamic State", "Islamic State") and e.actor1 == "Islamic State"
    doc = extract("وكان اعتداء انتحاري أعلن عناصر طالبان الباكستانيون مسؤوليتهم عنه، استهدف مساء الثلاثاء "
                  "لقاء انتخابيا في بيشاور وتسبب بمقتل 22 شخصا.", published="2018-07-13")
    assert [e.actor1 for e in doc.events] == ["TTP: Tehreek-i-Taliban Pakistan"]


def test_a_claim_through_a_pronoun_points_only_within_its_sentence():
    """«بعد الهجمات التي وقعت في عام 2016 ... وأعلن تنظيم الدولة مسؤوليته عنها»: the pronoun's act
    is the older attacks of the claim's own sentence (no event), not the shooting told before."""
    from rasid import extract

    doc = extract("أطلق رجل النار على اثنين من رجال الشرطة فأرداهما قتيلين في وسط مدينة لييج ببلجيكا أمس. "
                  "ولا تزال بلجيكا في حالة تأهب بعد الهجمات التي وقعت في عام 2016 وأدت لمقتل 32 شخصا، وأعلن "
                  "تنظيم الدولة الإسلامية مسؤوليته عنها.", published="2018-05-29")
    assert doc.events and all(e.actor1 != "Islamic State" for e in doc.events)


@pytest.mark.parametrize("text,claimed", [
    ("قتل 12 شخصا في تفجير انتحاري في كابول أمس، وتبنى تنظيم الدولة الإسلامية الهجوم.", True),
    ("قالت الشرطة إن إطلاق النار في المدينة أمس سببه ملاحقة شخص يتبنى فكر تنظيم الدولة الإسلامية.", False),
    ("قال المجلس إنه يتبنى قرارا يدين هجوم تنظيم الدولة الإسلامية على كابول أمس.", False),
])
def test_adopting_ideas_or_a_resolution_claims_nothing(text, claimed):
    """«يتبنى فكر داعش» (adopts its ideas) and «يتبنى قرارا» (adopts a resolution) are the claim
    verb in another sense (only with the object right after the verb: «تبنى مجلس الأمن قرارا»
    is left to the claim's own test of an armed subject) (data/quotes/claims.tsv, type SENSE; blind audit 14: a Saudi
    pursuit of a man who held IS's ideas was coded as an IS attack)."""
    import rasid

    doc = rasid.extract(text, published="2018-08-16")
    assert any(c.type == "CLAIM" for c in doc.claims) == claimed


@pytest.mark.parametrize("text,claimed", [
    ("قتل ثلاثة جنود في هجوم على حاجز في العريش أمس، وأعلن تنظيم داعش مسؤوليته عن الهجوم.", True),
    ("نفت وزارة الدفاع الأمريكية الاتهامات السورية الموجهة نحوها حول مسؤوليتها عن الهجوم الصاروخي على "
     "قاعدة التيفور في حمص فجر الاثنين.", False),
])
def test_a_denied_responsibility_is_no_claim(text, claimed):
    """«نفت ... الاتهامات ... حول مسؤوليتها عن الهجوم»: the words of a claim after a denial (or an
    accusation) in the same sentence deny the act; the Pentagon was coded as the attacker of the
    T4 base for denying it."""
    import rasid

    doc = rasid.extract(text, published="2018-04-09")
    assert any(c.type == "CLAIM" for c in doc.claims) == claimed
    assert all(e.actor1 != "Military Forces of the United States" for e in doc.events)
