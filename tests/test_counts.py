"""Counts that belong to their event (CODEBOOK section 9): the count table, the words each count
came from, and the toll sentences that lend an event its count."""

import re

import pytest
from pathlib import Path

from rasid import extract
from rasid.components import default_components
from rasid.pipeline import Pipeline, default_pipeline
from rasid.recognize.lexicon import read_tsv

FIX = Path(__file__).parent / "fixtures"
PUBLISHED = "2024-03-12"
TABLE = read_tsv(FIX / "counts_table.tsv")
_RULES = Pipeline(default_components(trigger_model=False))


def _expected(row) -> list[tuple[int, int, int]]:
    return [tuple(int(x) for x in ev.split("/")) for ev in row["events"].split(";")]


def _counts(doc) -> list[tuple[int, int, int]]:
    events = sorted(doc.events, key=lambda e: min(x.start for x in e.evidence))
    return [(e.fatalities, e.injuries, e.arrests) for e in events]


def _table_misses(pipe) -> list[str]:
    misses = []
    for row in TABLE:
        got = _counts(pipe(row["text"], published=PUBLISHED))
        if got != _expected(row):
            misses.append(f"{row['id']} ({row['category']}): expected {_expected(row)}, got {got}")
    return misses


def test_the_table_is_what_its_header_says():
    assert len(TABLE) == 259
    categories = {r["category"] for r in TABLE}
    for needed in ("other_clause", "toll_update", "two_events", "side_specific", "aggregate", "suicide",
                   "number_words", "tens_hundreds", "qualifiers", "range", "unconfirmed", "arrests"):
        assert needed in categories
    assert all(re.fullmatch(r"\d+/\d+/\d+(;\d+/\d+/\d+)*", r["events"]) for r in TABLE)


def test_count_table_with_the_rules():
    """The count reading itself, on every row (the detector's rules alone decide the events)."""
    misses = _table_misses(_RULES)
    assert len(misses) <= len(TABLE) * 0.03, "\n".join(misses)


def test_count_table_with_the_default_pipeline():
    """The same table as users get it: the trigger classifier drops a few of the table's
    undated one-sentence events (see the README), which then have no counts at all: 96.9% (8
    misses, 4 of them rows with no event left) with the eighth session's classifier at threshold
    0.34, 97.3% (7) at 0.32; the count reading itself is the test above (97.7%)."""
    misses = _table_misses(default_pipeline())
    assert len(misses) <= 8, "\n".join(misses)


def test_explain_names_the_words_each_count_came_from():
    doc = extract("قتل 3 مسلحين و4 من رجال الأمن في اشتباك مسلح وقع في منطقة خيبر شمال غربي باكستان أمس.",
                  published=PUBLISHED)
    ev = doc.events[0]
    assert ev.fatalities == 7
    why = ev.explain["fatalities"]
    assert "'قتل 3'" in why and "'و4'" in why, why


def test_a_toll_sentence_lends_its_count_and_its_words_to_the_event():
    text = ("انفجرت سيارة مفخخة في سوق شعبي بمدينة الموصل أمس. "
            "وقال مسؤول في مستشفى المدينة إن عدد القتلى ارتفع إلى 12 شخصا.")
    doc = extract(text, published=PUBLISHED)
    assert len(doc.events) == 1
    ev = doc.events[0]
    assert ev.fatalities == 12
    second = text.index("وقال")
    assert any(span.start <= second < span.end for span in ev.evidence)  # the toll sentence is evidence


def test_every_count_lies_in_its_events_evidence():
    """Over the whole table: each count's words, as --explain quotes them, are in the event's evidence."""
    checked = 0
    for row in TABLE:
        doc = extract(row["text"], published=PUBLISHED)
        for ev in doc.events:
            evidence = " ".join(span.text for span in ev.evidence)
            for field in ("fatalities", "injuries", "arrests"):
                why = (ev.explain or {}).get(field, "")
                for words in re.findall(r"'([^']+)' \(", why):
                    assert words in evidence, (row["id"], field, words)
                    checked += 1
    assert checked > 250


def test_a_period_toll_is_no_events_count():
    doc = extract("قتل جنديان في هجوم على حاجز في ولاية بورنو أمس، ليرتفع عدد قتلى الجيش منذ بداية العام "
                  "إلى 120.", published=PUBLISHED)
    assert _counts(doc) == [(2, 0, 0)]


def test_a_raised_toll_replaces_the_first_figure():
    doc = extract("قتل 12 شخصا في تفجير سيارة مفخخة استهدف سوقا في مدينة منبج اليوم، ثم ارتفعت الحصيلة "
                  "إلى 20 قتيلا وفق مصادر طبية.", published=PUBLISHED)
    assert _counts(doc) == [(20, 0, 0)]


def test_the_suicide_attacker_is_among_the_dead_once():
    added = extract("فجر انتحاري نفسه داخل مسجد في مدينة بيشاور اليوم، فقتل 5 أشخاص.", published=PUBLISHED)
    assert _counts(added) == [(6, 0, 0)]
    assert "suicide attacker" in added.events[0].explain["fatalities"]
    counted = extract("قتل 6 أشخاص بينهم الانتحاري في تفجير استهدف نقطة تفتيش في مدينة كويتا أمس.",
                      published=PUBLISHED)
    assert _counts(counted) == [(6, 0, 0)]


def test_a_figure_two_acts_share_is_divided():
    doc = extract("قتل 13 شخصا في هجومين منفصلين شنهما مسلحون على قريتين في ولاية زمفرة ليل الأحد.",
                  published=PUBLISHED)
    assert _counts(doc) == [(7, 0, 0), (6, 0, 0)]


def test_a_doubted_figure_yields_to_a_sure_one():
    doc = extract("أعلن الجيش النيجري مقتل 5 من جنوده في هجوم على موقع عسكري في منطقة تاهوا، فيما تحدثت مصادر "
                  "محلية عن 12 قتيلا، ولم يتسن التأكد من هذه الحصيلة.", published=PUBLISHED)
    assert _counts(doc) == [(5, 0, 0)]


def test_dead_and_wounded_counted_together_count_neither():
    doc = extract("قتل وأصيب 55 عنصرا من المسلحين في معارك مع الجيش في مديرية مقبنة غربي تعز الثلاثاء.",
                  published=PUBLISHED)
    assert _counts(doc) == [(0, 0, 0)]


def test_a_toll_naming_both_acts_is_shared_by_both():
    """"من موقع الانفجارين": a figure in a sentence that names the two acts together belongs to
    both, as the first sentence's figure does (13 wounded: 7 and 6)."""
    doc = extract("قالت أجهزة الطوارئ إن 13 شخصا أصيبوا اليوم في تفجير انتحاري بسيارة ملغومة قرب القصر "
                  "الرئاسي وانفجار آخر أمام مركز للشرطة في مقديشو. وقال مسعف إنهم نقلوا 13 مصابا من موقع "
                  "الانفجارين.", published=PUBLISHED)
    assert [e.injuries for e in doc.events] == [7, 6]


def test_a_toll_of_two_attacks_told_first_is_shared_by_the_two():
    """"بعد يوم من هجومين ...، وخلفا 16 قتيلا و80 جريحا": the two acts told after share the toll."""
    doc = extract("دعا الرئيس مواطني بلاده إلى التعاون مع الجيش بعد يوم من هجومين استهدفا مقر الجيش والسفارة "
                  "الفرنسية في واغادوغو، وخلفا 16 قتيلا و80 جريحا. وأعلنت السلطات أن أربعة مسلحين قتلوا في "
                  "هجوم على مقر الجيش أمس، فيما قتل أربعة آخرون في هجوم منفصل على السفارة.", published=PUBLISHED)
    assert [e.injuries for e in doc.events] == [40, 40], [(e.sub_event_type, e.injuries) for e in doc.events]


def test_nearly_is_a_qualifier():
    doc = extract("اعتقلت الشرطة ما يقرب من 600 امرأة خلال اعتصام أمام مجلس الشيوخ في واشنطن أمس.",
                  published=PUBLISHED)
    assert _counts(doc) == [(0, 0, 600)]


@pytest.mark.parametrize("sentence,expected", [
    # إلى جانب joins a group as و does, a lone person noun counting one
    ("انفجرت سيارة مفخخة قرب مقر البرلمان في مقديشو أمس، ما أسفر عن مقتل شخصين على الأقل إلى جانب "
     "السائق وإصابة ثلاثة آخرين.", [(3, 3, 0)]),
    ("قتل ثلاثة جنود إلى جانب أربعة مدنيين في هجوم على قاعدة في ولاية بورنو أمس.", [(7, 0, 0)]),
    # "على الأقل" after the first group does not end the list of groups
    ("قتل ثلاثة جنود على الأقل وخمسة مسلحين في هجوم على قاعدة في ولاية بورنو أمس.", [(8, 0, 0)]),
    # what stands beside the dead is not always people
    ("قتل خمسة جنود في هجوم على قاعدة في ولاية بورنو أمس إلى جانب تدمير آليات.", [(5, 0, 0)]),
])
def test_groups_joined_beside_the_first(sentence, expected):
    assert _counts(_RULES(sentence, published=PUBLISHED)) == expected


@pytest.mark.parametrize("sentence,expected", [
    # the people after the second outcome verb are its own, and the subject before the first,
    # behind a qualifier, is the dead
    ("وذكر القائد أن ما لا يقل عن 25 عنصراً من الميليشيات قتلوا وجرح آخرون خلال معارك الأربعاء.", [(25, 3, 0)]),
    ("وقال مسؤول إن خمسة جنود قتلوا وأصيب ثلاثة آخرون في الهجوم أمس.", [(5, 3, 0)]),
    ("وأفاد المرصد بأن نحو 30 مدنيا قتلوا في الغارات على دوما أمس.", [(30, 0, 0)]),
])
def test_two_outcome_verbs_each_count_their_own(sentence, expected):
    assert _counts(_RULES(sentence, published="2018-06-27")) == expected


def test_a_period_frame_holds_the_next_sentence():
    """"وفي السنوات الأخيرة، شهدت ..." opens a background paragraph: the next sentence, joined by و
    and with no date of its own, tells the period's toll, not the attack's."""
    lede = "شن مسلحون هجوما على حاجز للجيش في مدينة العريش أمس، ما أدى إلى إصابة ثلاثة جنود. "
    framed = _RULES(lede + "وفي السنوات الأخيرة، شهدت المنطقة هجمات متكررة على قوات الأمن. "
                    "وقتل المئات من أفراد الجيش والشرطة في تلك الهجمات.", published=PUBLISHED)
    assert _counts(framed) == [(0, 3, 0)]
    # a sentence that is itself a specific act sets no frame
    told = _RULES("قتل ثلاثة جنود في هجوم على حاجز للجيش في مدينة العريش منذ بداية الأسبوع. "
                  "وأصيب خمسة آخرون في الهجوم.", published=PUBLISHED)
    assert [c[1] for c in _counts(told)] == [5]


def test_a_surname_the_story_gave_names_one_person():
    """"جمال خاشقجي" once, then "مقتل خاشقجي": the family name alone is the named person (1);
    a word after a given name that is a particle ("قال محمد في") is no name."""
    doc = _RULES("قالت مصادر إن الصحفي جمال خاشقجي دخل القنصلية السعودية في إسطنبول في 2 أكتوبر. "
                 "وأكدت السلطات التركية مقتل خاشقجي داخل القنصلية.", published="2018-10-20")
    assert [c[0] for c in _counts(doc)] == [1]
    from rasid.events.counts import surnames

    assert surnames(_RULES("قال محمد في بيان إن جمال خاشقجي غادر.", published=PUBLISHED)._tokens) == {"خاشقجي"}


def test_a_quote_mark_between_the_outcome_and_the_name():
    doc = _RULES('اختفى الإعلامي السعودي جمال خاشقجي في 2 أكتوبر. وقال مصدر إن السلطات لديها دليل يظهر '
                 '"لحظات مواجهة وقتل" خاشقجي داخل القنصلية.', published="2018-10-20")
    assert [c[0] for c in _counts(doc)] == [1]


@pytest.mark.parametrize("sentence,expected", [
    # the subject of an outcome verb read as passive (a place, time or cause follows, no object)
    ("أكدت القوات الأمريكية في أفغانستان أن قائد تنظيم داعش في البلاد قتل في هجوم قبل أيام.", [(1, 0, 0)]),
    ("وذكرت الشبكة أن زعيم تنظيم داعش و 10 مقاتلين آخرين من التنظيم قتلوا في غارة جوية في ولاية ننكرهار أمس.",
     [(11, 0, 0)]),
    # a dual verb says two where the nouns say less
    ("أعلنت السلطات أن قائد الشرطة ومدير المخابرات في مدينة جوهر قتلا في هجوم بقذائف الهاون.", [(2, 0, 0)]),
    # the named one before the verb, past a comma after a given name, a quote mark, or a relative
    # pronoun; the word right after the verb decides the passive reading ("قتل في القنصلية")
    ("قال مستشار إن الصحفي السعودي، جمال خاشقجي، قتل في القنصلية السعودية في إسطنبول.", [(1, 0, 0)]),
    ('قال مصدر إن الصحفي جمال خاشقجي "قتل في القنصلية" في إسطنبول.', [(1, 0, 0)]),
    ("وكان الصحفي الذي قتل في القنصلية السعودية يكتب لصحيفة أمريكية.", [(1, 0, 0)]),
    # a bare comma after a noun is no way back: the count before it stands
    ("قالت المنظمة إن أكثر من 230 مدنيا، من بينهم 35 طفلا، قتلوا في الغارات.", [(230, 0, 0)]),
    # the pronoun on أن / إن is the one it happened to ("أنهما": two); not when an object follows
    ("واختفى الصحفي بعد دخوله القنصلية، وأكدت مصادر أنه قُتل.", [(1, 0, 0)]),
    ("وقال مسؤول إن الشقيقين اختفيا قبل أيام، وأكدت الشرطة أنهما قتلا في هجوم.", [(2, 0, 0)]),
    ("وأعلن الجيش أنه قتل ثلاثة مسلحين في الغارة على مدينة الرقة أمس.", [(3, 0, 0)]),
    # a given name the NER corpora know (not in the hand list of cues.tsv)
    ("شيع الفلسطينيون الصحفي ياسر مرتجى، الذي قتل أثناء تغطيته المظاهرات في غزة.", [(1, 0, 0)]),
])
def test_the_people_of_a_passive_verbs_subject(sentence, expected):
    assert _counts(_RULES(sentence, published=PUBLISHED)) == expected


def test_the_toll_in_the_relative_clause_of_an_act_after_since_is_that_acts():
    # "منذ هجوم 14 أكتوبر ... والذي قتل فيه 52": the attack's dead, not a period's toll since a date
    text = ("وتأتي الهجمات عقب أشهر من الهدوء، وذلك منذ هجوم 14 أكتوبر الشهير في مقديشو والذي قتل فيه 52 مدنيا.")
    doc = extract(text, published="2018-02-24")
    assert [(e.event_date, e.fatalities) for e in doc.events if e.event_date == "2017-10-14"] == [("2017-10-14", 52)]


@pytest.mark.parametrize("text,expected", [
    ("انفجرت سيارة مفخخة في سوق ببغداد أمس وأودت بحياة 12 شخصا.", (12, 0)),
    ("قصف جوي على بلدة في إدلب أمس أودى بحياة سبعة مدنيين وأصاب عشرة آخرين.", (7, 10)),
    ("دخل المحققون موقع الهجوم الذي أودى بحياة أكثر من 40 شخصا في دوما الأسبوع الماضي.", (40, 0)),
    ("أطلق مسلح النار على ضابط شرطة في كركوك أمس ما أودى بحياته.", (1, 0)),
    ("انفجرت عبوة ناسفة بسيارة تقل شرطيين في الرمادي أمس أودت بحياتهما.", (2, 0)),
    ("شنت طائرات حربية غارة على قرية في ريف حلب أمس حصدت أرواح 9 مدنيين.", (9, 0)),
    ("هجوم انتحاري على مسجد في كابول أمس أزهق أرواح 20 مصليا.", (21, 0)),
])
def test_toll_idioms_count_the_dead(text, expected):
    """The language's toll idioms (أودى بحياة، حصد أرواح، أزهق أرواح: claimed the lives of) are
    outcome words: the number after them is the act's dead (audit 10: «الهجوم الكيميائي الذي أودى
    بحياة أكثر من 40 شخصاً» counted 0). A suicide attack's bomber is added (CODEBOOK section 9)."""
    [e] = _RULES(text, published=PUBLISHED).events
    assert (e.fatalities, e.injuries) == expected


@pytest.mark.parametrize("text,expected", [
    ("لقي القيادي في الجماعة حسين البكلي مصرعه، مع أحد مرافقيه، السبت، في هجوم مسلح جنوب صنعاء.", 2),
    ("لقي القيادي في الجماعة حسين البكلي مصرعه مع مرافقه السبت في هجوم مسلح جنوب صنعاء.", 2),
    ("لقي جندي مصرعه في اشتباك مع مسلحين في سيناء أمس.", 1),
])
def test_one_killed_with_a_companion_is_two(text, expected):
    """CODEBOOK 9: "X and his companion" is 2, also written "مصرعه مع مرافقه" or with an aside
    "مصرعه، مع أحد مرافقيه،" (audit 12); "مع مسلحين" after a clash names the other side, no victim."""
    [e] = _RULES(text, published=PUBLISHED).events
    assert e.fatalities == expected


@pytest.mark.parametrize("text, counts", [
    ("قتلت عبوة ناسفة ثلاثة مدنيين قرب ميناء الحيمة بمديرية التحيتا.", (3, 0, 0)),
    ("قتلت عبوة ناسفة، الثلاثاء، ثلاثة مدنيين قرب ميناء الحيمة بمديرية التحيتا.", (3, 0, 0)),
    ("قتل قصف جوي، الأحد، خمسة مدنيين في مدينة إدلب.", (5, 0, 0)),
    ("وكانت إسرائيل قد قتلت يوم الأحد، ثلاثة من عناصر الجهاد الإسلامي قرب الحدود مع غزة.", (3, 0, 0)),
    ("اعتقلت الشرطة الروسية اليوم السبت ما يزيد على ألف متظاهر في موسكو.", (0, 0, 1000)),
])
def test_the_count_after_a_weapon_or_a_date_between_verb_and_object(text, counts):
    """A transitive outcome verb, then its subject (a weapon, an attack, a force) and a date, then
    the people counted: the subject and the date are passed over, as a named force is."""
    events = extract(text, published="2018-05-23").events
    assert [(e.fatalities, e.injuries, e.arrests) for e in events] == [counts]


@pytest.mark.parametrize("sentence, expected", [
    # "قتل فيه/فيها": the pronoun refers back to the act, the people after it are counted
    ("وقع انفجار في سوق ببغداد أمس قتل فيه طفل.", [(1, 0, 0)]),
    ("اندلعت اشتباكات عنيفة بين محتجين وقوات الأمن في مدينة البصرة أمس، قتل فيها متظاهر واحد وأصيب 25 آخرون.",
     [(1, 25, 0)]),
])
def test_the_people_after_a_killing_in_it(sentence, expected):
    """Blind audit 16, item 98: «هجوم ... والذي قتل فيه شخص واحد» was counted 0."""
    assert _counts(_RULES(sentence, published=PUBLISHED)) == expected


def test_any_before_a_count_noun_is_the_any_of_a_denial():
    """"ولم ينتج عن اعتراض الصاروخين أية إصابات": no one was hurt (read 3 before: blind audit 17's
    Jizan interception); a count noun alone still counts some ("ما أدى إلى وقوع إصابات")."""
    doc = extract("اعترضت الدفاعات الجوية صاروخين أطلقهما الحوثيون باتجاه جازان، ولم ينتج عن اعتراض "
                        "الصاروخين أية إصابات.", published="2018-08-10")
    assert [e.injuries for e in doc.events] == [0]
    doc = extract("انفجرت عبوة ناسفة في بغداد أمس ما أدى إلى وقوع إصابات.", published="2018-08-10")
    assert [e.injuries > 0 for e in doc.events] == [True]


def test_given_names_come_from_the_ner_corpora_not_common_nouns():
    """given_names.tsv keeps a word that begins people's names in most of its occurrences: ياسر
    and وليد are names; صباح (morning) and سلام (peace) begin names too seldom to be kept."""
    from rasid.recognize.names.features import given_names

    names = given_names()
    assert {"ياسر", "وليد", "محمد"} <= names
    assert not {"صباح", "سلام", "في", "الذي"} & names
