"""Actor registry and recognition (CODEBOOK 8): a phrase table plus targeted unit tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasid.model import Document
from rasid.recognize.actors import (ActorRecognizer, normalize_actor_name, registry,
                                    with_country)
from rasid.recognize.lexicon import read_tsv
from rasid.text import prepare

TABLE = read_tsv(Path(__file__).parent / "fixtures" / "actors_phrases.tsv")


@pytest.fixture(scope="module")
def rec():
    return ActorRecognizer()


def actors(rec, text):
    doc = Document(text=text)
    prepare(doc)
    rec(doc)
    return doc


def resolved(e, country):
    if e.data["needs_country"] or e.data.get("by_country"):
        return with_country(e.canonical, e.data["inter"], e.data["kind"], country)
    return e.canonical


def test_table_is_large():
    assert len(TABLE) >= 200


@pytest.mark.parametrize("row", TABLE, ids=[r["sentence"][:30] for r in TABLE])
def test_phrase_table(rec, row):
    doc = actors(rec, row["sentence"])
    for e in doc.entities:
        assert doc.text[e.start:e.end] == e.text
        assert e.type == "ACTOR" and e.source == "actors"
    if row["expected"] == "-":
        assert doc.entities == []
        return
    got = [(resolved(e, row["country"]), e.text) for e in doc.entities]
    names = [g[0] for g in got]
    assert row["expected"] in names, got
    if row["span"]:
        assert (row["expected"], row["span"]) in got, got


def test_registry_size_and_kinds():
    reg = registry()
    assert len(reg) >= 400
    kinds = {a.kind for a in reg.actors.values()}
    assert {"state", "rebel", "militia", "identity", "external", "civilians"} <= kinds
    assert all(1 <= a.inter <= 8 for a in reg.actors.values())
    # every country has military and police forces
    for c in reg.countries.values():
        assert reg.get(f"mil_{c.iso2}").name.startswith("Military Forces of ")
        assert reg.get(f"pol_{c.iso2}").name.startswith("Police Forces of ")


def test_with_country():
    assert with_country("Civilians", 7, "civilians", "Syria") == "Civilians (Syria)"
    assert with_country("Military Forces", 1, "state", "Syria") == "Military Forces of Syria"
    assert with_country("Police Forces", 1, "state", "United States") == \
        "Police Forces of the United States"
    assert with_country("Unidentified Armed Group", 3, "unidentified", "Libya") == \
        "Unidentified Armed Group (Libya)"
    assert with_country("Coalition", 8, "external", "Yemen") == "Operation Restoring Hope"
    assert with_country("Coalition", 8, "external", "Iraq") == "Global Coalition Against Daesh"
    assert with_country("Al Qaeda", 2, "rebel", "Yemen") == \
        "AQAP: Al Qaeda in the Arabian Peninsula"
    assert with_country("Islamic State", 2, "rebel", "Iraq") == "Islamic State"


@pytest.mark.parametrize("a,b", [
    ("Daesh", "Islamic State"), ("ISIS", "Islamic State"), ("Houthis", "Houthi Movement"),
    ("Ansar Allah", "Houthi Movement"), ("SDF", "SDF: Syrian Democratic Forces"),
    ("Syrian Democratic Forces", "SDF: Syrian Democratic Forces"),
    ("Military Forces of Syria (2000-)", "Military Forces of Syria"),
    ("military forces of syria", "Military Forces of Syria"),
    ("Civilians (Syria)", "Civilians"), ("Hamas", "Hamas Movement"),
    ("Tehrik-i-Taliban Pakistan", "TTP: Tehreek-i-Taliban Pakistan"),
    ("Al-Shabaab", "Al Shabaab"), ("AQAP", "AQAP: Al Qaeda in the Arabian Peninsula"),
])
def test_normalize_same(a, b):
    assert normalize_actor_name(a) == normalize_actor_name(b)


@pytest.mark.parametrize("a,b", [
    ("Islamic State", "Al Qaeda"), ("Military Forces of Syria", "Police Forces of Syria"),
    ("Military Forces of Syria", "Military Forces of Iraq"), ("Taliban", "TTP"),
])
def test_normalize_different(a, b):
    assert normalize_actor_name(a) != normalize_actor_name(b)


def test_data_fields(rec):
    doc = actors(rec, "قتل القيادي في داعش أبو علي بغارة للتحالف الدولي على مدنيين")
    by = {e.canonical: e for e in doc.entities}
    is_ = by["Islamic State"]
    assert is_.data["person"] is True and is_.data["person_text"] == "القيادي"
    assert is_.data["inter"] == 2 and is_.data["kind"] == "rebel" and not is_.data["needs_country"]
    gc = by["Global Coalition Against Daesh"]
    assert gc.data["inter"] == 8 and gc.data["kind"] == "external"
    civ = by["Civilians"]
    assert civ.data["needs_country"] is True and civ.data["plural"] is True
    assert civ.data["country"] is None and civ.data["inter"] == 7


def test_state_forces_data(rec):
    doc = actors(rec, "وقالت الشرطة العراقية")
    (e,) = doc.entities
    assert e.id == "pol_IQ" and e.data["country"] == "Iraq" and e.data["inter"] == 1
    assert e.data["kind"] == "state" and e.data["inter_abroad"] == 8


def test_named_alias_beats_state_pattern(rec):
    doc = actors(rec, "وقالت قوات سوريا الديمقراطية إن الجيش الوطني السوري هاجم")
    assert [e.canonical for e in doc.entities] == ["SDF: Syrian Democratic Forces",
                                                   "Syrian National Army"]


def test_clitics_and_offsets(rec):
    text = "وللحوثيين وبداعش والقوات التركية ولقسد"
    doc = actors(rec, text)
    names = [e.canonical for e in doc.entities]
    assert names == ["Houthi Movement", "Islamic State", "Military Forces of Turkey",
                     "SDF: Syrian Democratic Forces"]
    # the proclitics و ب are left out of the span (how لل is split is the matcher's business)
    texts = [e.text for e in doc.entities]
    assert texts[0].endswith("حوثيين") and not texts[0].startswith("و")
    assert texts[1:] == ["داعش", "القوات التركية", "قسد"]


def test_diacritics_and_variants(rec):
    doc = actors(rec, "هاجمَ الحوثيّون مواقعَ الجيشِ اليمنيّ وقوات الامن الاردنيه")
    assert [e.canonical for e in doc.entities] == ["Houthi Movement", "Military Forces of Yemen",
                                                   "Police Forces of Jordan"]
    for e in doc.entities:
        assert doc.text[e.start:e.end] == e.text


def test_fatah_needs_strong_mention(rec):
    doc = actors(rec, "فتح مسلحون النار على الحاجز")
    assert "Fatah Movement" not in [e.canonical for e in doc.entities]
    doc = actors(rec, "قالت حركة فتح إن عناصرها لم يشاركوا، وأكدت فتح أنها")
    assert [e.canonical for e in doc.entities].count("Fatah Movement") == 2


def test_anaphor_takes_last_group(rec):
    doc = actors(rec, "هاجمت حركة الشباب قاعدة. وقال التنظيم إن عناصره قتلوا جنودا")
    ana = [e for e in doc.entities if e.data.get("anaphor")]
    assert ana and ana[0].canonical == "Al Shabaab"
    doc = actors(rec, "وقال التنظيم إنه نفذ الهجوم")
    assert doc.entities == []
    # the group the story names most, not one named in passing just before
    doc = actors(rec, "قتل قيادي في حركة طالبان باكستان في غارة أمس. وتعد حركة طالبان باكستان الفصيل "
                      "الأساسي لحركة طالبان في باكستان. واقتحم مسلح من الحركة كلية في بيشاور.")
    assert doc.entities[-1].canonical == "TTP: Tehreek-i-Taliban Pakistan"
    # the UN or a coalition named in between is not what "the movement" refers back to
    doc = actors(rec, "هاجمت حركة الشباب قاعدة. ودعت الأمم المتحدة إلى التهدئة، لكن الحركة واصلت هجماتها.")
    assert [e.canonical for e in doc.entities] == ["Al Shabaab", "UN: United Nations", "Al Shabaab"]


def test_hashtag_underscores(rec):
    doc = actors(rec, "أعلن #الأمن_العام_اللبناني توقيف خلية")
    assert doc.entities[0].canonical == "Police Forces of Lebanon"
    assert doc.entities[0].text == "الأمن_العام_اللبناني"


def test_does_not_cross_sentences(rec):
    doc = actors(rec, "قتل ثلاثة مدنيين.\nسوريون كثيرون غادروا")
    assert [e.canonical for e in doc.entities] == ["Civilians"]


def test_component_prepares_unprepared_doc(rec):
    doc = Document(text="قصف الجيش السوري")
    rec(doc)
    assert doc.entities[0].canonical == "Military Forces of Syria"


def test_aliases_unique_and_registry_country_known():
    reg = registry()
    for a in reg.actors.values():
        if a.country:
            assert a.country in reg.countries, (a.id, a.country)


def test_armed_after_a_named_group_is_its_adjective_not_another_actor(rec):
    doc = actors(rec, 'وكان عناصر "بوكوحرام" المسلحون قد نفذوا هجوما على قرية دابتشي')
    assert [e.canonical for e in doc.entities] == ["Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"]
    doc = actors(rec, "اشتبكت قوات الأمن مع مسلحين في سيناء")
    assert [e.canonical for e in doc.entities] == ["Police Forces", "Unidentified Armed Group"]


ROLES = Path(__file__).parent / "fixtures" / "roles_table.tsv"


def _roles_rows():
    import csv

    with open(ROLES, encoding="utf-8") as fh:
        return list(csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t",
                                   quoting=csv.QUOTE_NONE))


def _bare(name: str) -> str:
    import re

    return re.sub(r"\s*\(\d{4}[^)]*\)$", "", name or "").strip()


def _roles_right(row: dict, events) -> bool:
    a1, a2 = row["actor1"], "" if row["actor2"] == "-" else row["actor2"]
    for e in events:
        if _bare(e.actor1) == a1 and _bare(e.actor2) == a2:
            return True
        # an interception may be coded as the interceptor's Disrupted weapons use (the gold
        # sets accept either convention)
        if row["construction"] == "intercepted" and e.sub_event_type == "Disrupted weapons use" \
                and _bare(e.actor1) == a2 and _bare(e.actor2) == a1:
            return True
    return False


def _role_table_share(pipe) -> float:
    rows = _roles_rows()
    assert len(rows) >= 150
    return sum(_roles_right(r, pipe(r["sentence"], published="2020-05-05").events) for r in rows) / len(rows)


def test_role_table():
    """actor1 and actor2 both right across active, object-first, passive, nominal, على يد/برصاص,
    claims, interceptions (186 rows), the events found by the detector's rules: the role reading
    itself. Target 90%; 91.9% today."""
    from rasid.components import default_components
    from rasid.pipeline import Pipeline

    assert _role_table_share(Pipeline(default_components(trigger_model=False))) >= 0.90


def test_role_table_with_the_default_pipeline():
    """The same table as users get it: the trigger classifier drops some of its undated
    one-sentence events, which then have no actors at all. 87.1% today, with the eighth session's
    classifier (threshold 0.34, the top of its smoothed out-of-fold F1 curve; 89.2% at 0.32, 87.1%
    with the fifth session's at 0.34); the role reading itself is the test above."""
    from rasid.pipeline import default_pipeline

    assert _role_table_share(default_pipeline()) >= 0.87


def test_a_singular_person_noun_stands_in_the_accusative_too():
    from rasid.events.lexicons import person_nouns
    from rasid.text.normalize import fold

    nouns = person_nouns()
    assert nouns[fold("مزارعا")] == nouns[fold("مزارع")] == ("sg", "civilian")
    assert fold("مزارعينا") not in nouns  # plurals and words in ة take no alif
    assert fold("طفلة") in nouns and fold("طفلة") + "ا" not in nouns
    import rasid

    [e] = rasid.extract("قصف إسرائيلي على بلدة كفركلا في جنوب لبنان أمس يقتل مزارعا", published="2020-05-05").events
    assert e.actor2 == "Civilians (Lebanon)"


def test_hand_is_a_killer_only_after_ala():
    """على يد / على أيدي name the killer; "إلى أيدي الميليشيا" (into the militia's hands) does not."""
    from rasid.events.roles import _by_marker
    from rasid.model import Document
    from rasid.text import prepare

    for text, want in (("قتل على أيدي المسلحين", True), ("وصلت إلى أيدي المسلحين", False),
                       ("قتل برصاص المسلحين", True)):
        doc = Document(text=text)
        prepare(doc)
        assert (_by_marker(doc._tokens, len(doc._tokens) - 1, 0) is not None) is want, text


@pytest.mark.parametrize("sentence,sub_event_type,actor1,actor2", [
    # a person noun with a pronoun attached is still a victim; the actor's own noun (مسلحون) is not
    ("هاجم مسلحون مجهولون قرية في شمال بوركينا فاسو أمس وقتلوا سبعة من سكانها", "Attack",
     "Unidentified Armed Group (Burkina Faso)", "Civilians (Burkina Faso)"),
    # the arrested, named only by a noun of ordinary people, are civilians
    ("اعتقلت الشرطة التركية خمسة شبان في مدينة إسطنبول أمس", "Arrests", "Police Forces of Turkey",
     "Civilians (Turkey)"),
    # armed men of no named group, against the state's forces: an unidentified armed group
    ("قتل الجيش النيجيري أمس عشرين مسلحا هاجموا قاعدة عسكرية في ولاية بورنو", "Armed clash",
     "Military Forces of Nigeria", "Unidentified Armed Group (Nigeria)"),
    # a profession is a civilian
    ("اختطف مسلحون مجهولون طبيبا في مدينة سرت الليبية أمس", "Abduction/forced disappearance",
     "Unidentified Armed Group (Libya)", "Civilians (Libya)"),
])
def test_victims_named_only_by_a_noun(sentence, sub_event_type, actor1, actor2):
    import rasid

    [e] = rasid.extract(sentence, published="2020-05-05").events
    assert (e.sub_event_type, e.actor1, e.actor2) == (sub_event_type, actor1, actor2)


@pytest.mark.parametrize("sentence,actor1,actor2", [
    # the agent of a relative clause on the attack noun
    ("قتل جنديان تركيان في هجوم شنه مسلحون من حزب العمال الكردستاني في ولاية هكاري",
     "PKK: Kurdistan Workers Party", "Military Forces of Turkey"),
    # the owner of an attack noun that is not the mention's main word
    ("قتل ثلاثة جنود صوماليين في هجوم لحركة الشباب على نقطة عسكرية في إقليم هيران",
     "Al Shabaab", "Military Forces of Somalia"),
    # a verbal noun in the construct state, its agent, then its object after ل
    ("اعتقال قوات الأمن التركية لسبعة عناصر من تنظيم داعش في إسطنبول",
     "Police Forces of Turkey", "Islamic State"),
    # the state's men named by a noun only, shot by unknown gunmen
    ("أصيب شرطيان عراقيان برصاص مجهولين في مدينة البصرة",
     "Unidentified Armed Group (Iraq)", "Police Forces of Iraq"),
    # برصاص + a person noun of a group: the group fired, the subject before it was hit
    ("قتل جندي سوري برصاص قناص من تنظيم داعش في ريف دير الزور أمس",
     "Islamic State", "Military Forces of Syria"),
    # على أيدي names the killers as على يد does
    ("قتل شرطي على أيدي مسلحين من حركة الشباب في مقديشو أمس",
     "Al Shabaab", "Police Forces of Somalia"),
    # a checkpoint after عند is where it happened: the victim is the civilian, not the post
    ("قتل طفل فلسطيني برصاص جنود الاحتلال عند حاجز عسكري قرب الخليل أمس",
     "Military Forces of Israel", "Civilians (Palestine)"),
    # خطف with its subject first and its object after: the gunmen took the pupils
    ("خطف مسلحون مجهولون عشرة طلاب من مدرسة في ولاية زامفارا النيجيرية أمس",
     "Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)"),
])
def test_roles_by_construction(sentence, actor1, actor2):
    import rasid

    [e] = rasid.extract(sentence, published="2020-05-05").events
    assert (_bare(e.actor1), _bare(e.actor2)) == (actor1, actor2)


@pytest.mark.parametrize("sentence", [
    "قتلت القوات الإسرائيلية فلسطينيا قرب السياج الفاصل شرق مدينة خان يونس أمس",
    "قتلت القوات الإسرائيلية أمس فلسطينيا قرب السياج الفاصل شرق مدينة خان يونس",
])
def test_a_victim_named_by_nationality_makes_the_force_after_the_verb_its_subject(sentence):
    """Verb, subject, then the one killed named by a nationality word (blind audit 16, item 116:
    no perpetrator was found, then the story's Hamas stood in)."""
    import rasid

    [e] = rasid.extract(sentence, published="2018-05-15").events
    assert e.actor1 == "Military Forces of Israel"


def test_the_one_who_met_his_death_is_the_victim_even_past_his_name():
    """"القيادي الحوثي البارز المدعو حسين البكلي، لقي مصرعه": the subject of لقي مصرعه died; the
    Houthi commander was coded as the attacker of civilians (blind audit 16, item 137)."""
    import rasid

    [e] = rasid.extract("وقالت مصادر متطابقة في صنعاء، إن القيادي الحوثي البارز المدعو حسين البكلي، لقي مصرعه، "
                        "مع أحد مرافقيه، السبت، في منطقة بيت بوس جنوب العاصمة صنعاء.", published="2018-04-01").events
    assert (e.sub_event_type, e.actor2) == ("Armed clash", "Houthi Movement")
    assert e.actor1 != "Houthi Movement"


def test_the_subject_of_a_passive_outcome_verb_is_the_victim():
    from rasid.components import default_components
    from rasid.pipeline import Pipeline

    rules = Pipeline(default_components(trigger_model=False))
    [e] = rules("أكدت القوات الأمريكية في أفغانستان أن قائد تنظيم داعش في البلاد قتل في هجوم قبل أيام.",
                published="2018-08-27").events
    assert e.actor2 == "Islamic State" and e.actor1 != "Islamic State"
    # an object after the adverb makes the verb active
    [e] = rules("قوات الأمن قتلت في الاشتباك ثلاثة مسلحين في بغداد أمس.", published="2018-08-27").events
    assert e.actor1 == "Police Forces of Iraq"


def test_a_military_base_is_not_al_qaeda():
    """القاعدة is a base when an adjective of a base or of a country follows it; the group keeps
    its name elsewhere in the same sentence."""
    import rasid

    doc = rasid.extract("تبنى تنظيم القاعدة الهجوم على القاعدة العسكرية أمس، وقال سكان قرب القاعدة الجوية إن "
                        "الانفجار هز المنطقة.", published="2018-03-12")
    assert [e.canonical for e in doc.entities if e.type == "ACTOR" and e.canonical != "Civilians"] == ["Al Qaeda"]
    assert [e.text for e in doc.entities if e.canonical == "Al Qaeda"] == ["تنظيم القاعدة"]


def test_bare_al_qaeda_is_the_base_in_a_story_that_names_a_base():
    """القاعدة (a homonym alias, ``!`` in actors.tsv) is the base, not the group, when the
    document also has قاعدة with no article, a blocked base phrase or a demonstrative before it,
    and no other alias names al-Qaeda (blind audit 15, item 35)."""
    import rasid

    def groups(text):
        doc = rasid.extract(text, published="2018-04-09")
        return [e.canonical for e in doc.entities if e.type == "ACTOR" and e.canonical == "Al Qaeda"]

    base = "قصفت طائرات إسرائيلية قاعدة تياس الجوية في حمص. وقال مصدر عسكري إن الصواريخ استهدفت القاعدة."
    assert groups(base) == []
    assert groups("قال مسؤول إن الطائرة انطلقت من تلك القاعدة، وإن القاعدة تضم مئتي ضابط.") == []
    # with no base in the story القاعدة is the group; and a strong alias keeps every mention
    assert groups("قتل خمسة من مسلحي القاعدة في اشتباك مع الجيش اليمني في أبين.") == ["Al Qaeda"]
    assert groups("أعلن تنظيم القاعدة مسؤوليته عن الهجوم على قاعدة عسكرية. وقال إن القاعدة "
                  "ستواصل هجماتها.") == ["Al Qaeda", "Al Qaeda"]


def test_every_speaker_of_the_quote_that_tells_the_act_reports_it():
    """The speaker of a reported statement may name several bodies, or a title before a name
    ("قالت الشرطة ومسؤولون في وزارة الداخلية إن"، "أعلن رئيس ... في الشرطة، فلان، أن"): none of
    them did the act by standing first in the sentence; before, the second body or the title's
    force became actor1 of an explosion or a poisoning the police only reported."""
    from rasid.components import default_components
    from rasid.pipeline import Pipeline

    rules = Pipeline(default_components(trigger_model=False))
    events = rules("قالت الشرطة العراقية ومسؤولون في وزارة الداخلية إن انفجارين هزا مدينة الموصل أمس.",
                   published="2018-05-09").events  # two explosions: two events (CODEBOOK section 1)
    assert len(events) == 2 and all(e.actor1 == "Unidentified Armed Group (Iraq)" for e in events)
    [e] = rules("أعلن رئيس وحدة التحقيقات في الشرطة البريطانية، جون سميث، الأربعاء، أن رجلا تعرض "
                "لمحاولة القتل بالسم في مدينة ليدز.", published="2018-03-07").events
    assert not e.actor1.startswith("Police Forces")
    # the speaker still acts when the act is its own kind of act (an arrest it announces)
    [e] = rules("قالت الشرطة العراقية ومسؤولون في وزارة الداخلية إنها اعتقلت خمسة مسلحين في الموصل أمس.",
                published="2018-05-09").events
    assert e.actor1 == "Police Forces of Iraq" and e.sub_event_type == "Arrests"


@pytest.mark.parametrize("sentence,actor1,location", [
    ("شنت إسرائيل غارات على مدينة غزة أمس.", "Military Forces of Israel", "Gaza"),
    ("قالت حماس إن إسرائيل شنت غارات على مدينة غزة أمس.", "Military Forces of Israel", "Gaza"),
    ("وفي عام 1943 نفذت ألمانيا عملية كوماندوس واختطفت الزعيم الإيطالي من فندق في جبال أبروتسو.",
     "Military Forces of Germany", None),
    ("اعتقلت تركيا جنديين يونانيين في مدينة أدرنة أمس.", "Police Forces of Turkey", "Edirne"),
])
def test_a_state_named_as_the_subject_of_the_act_acts_through_its_forces(sentence, actor1, location):
    """"شنت إسرائيل غارات": a country right after the verb that takes the act (a feminine verb:
    a state is feminine), or right before it opening its clause, is the acting state; its name is
    no place of the act, except for an arrest, which a state makes at home (audit 10: the Syrian
    forces were actor1 of the US strikes on Syria)."""
    import rasid

    events = rasid.extract(sentence, published="2018-04-15").events
    assert events and events[0].actor1 == actor1
    if location:
        assert events[0].location == location


def test_a_state_after_a_relative_pronoun_or_a_preposition_is_no_subject():
    """"القذائف التي استهدفت إسرائيل": the state is the object; "في سوريا وأطلقت": a
    preposition's object. A bare قصف is as often the verbal noun with its object ("قصف اليمن")."""
    import rasid

    for text in ("سقطت القذائف التي استهدفت إسرائيل من غزة في منطقة مفتوحة أمس.",
                 "شنت قوات التحالف ضربات على عدة مواقع في سوريا وأطلقت 105 صواريخ أمس.",
                 "بدأ التحالف قصف اليمن في مارس 2015 وقتل في الغارة الأولى 20 شخصا."):
        for e in rasid.extract(text, published="2018-04-15").events:
            assert e.actor1 not in ("Military Forces of Israel", "Military Forces of Syria", "Military Forces of Yemen"), text


@pytest.mark.parametrize("text,sub,actor1", [
    ("قال لاجئون في طرابلس إن عشرات منهم اعتقلوا أمس في مداهمة لمخيمهم.", "Arrests", "Police Forces of Libya"),
    ("قال سكان في مدينة سرت إن القتال اندلع مساء أمس في الأحياء الجنوبية.", "Armed clash",
     "Unidentified Armed Group (Libya)"),
])
def test_civilians_who_tell_of_an_act_did_not_make_it(text, sub, actor1):
    """The self-report rule makes a reporting force the author of an arrest or a clash it tells
    of; refugees or residents who tell of one are witnesses (blind audit 14: Civilians (Libya)
    as the arresting side)."""
    import rasid

    [e] = rasid.extract(text, published="2018-09-03").events
    assert (e.sub_event_type, e.actor1) == (sub, actor1)
