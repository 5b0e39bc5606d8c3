"""Places: the mention table (>= 95% must resolve right), traps, API contracts, CLI."""

from __future__ import annotations

import csv
import json
import time
from pathlib import Path

import pytest

import rasid

from rasid.model import Document
from rasid.recognize.places import (PlaceRecognizer, country_from_demonym, country_info, geocode,
                                    gazetteer)
from rasid.text import prepare

FIX = Path(__file__).parent / "fixtures" / "places_mentions.tsv"


def _rows():
    with open(FIX, encoding="utf-8") as fh:
        lines = [ln for ln in fh if not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _run(text: str) -> Document:
    doc = Document(text=text)
    prepare(doc)
    PlaceRecognizer()(doc)
    return doc


def _ok(doc: Document, row: dict) -> bool:
    want = row["expect"]
    cc = row["cc"].strip()
    for e in doc.entities:
        if row["mention"] not in e.text and e.text not in row["mention"]:
            continue
        d = e.data
        if cc and d.get("cc") != cc:
            continue
        # the row may name the unit above the town: its admin1, or where ACLED's admin1 is larger
        # than GeoNames' (Palestine's Gaza Strip and West Bank) the governorate, now its admin2
        if want not in (e.canonical, d.get("admin1"), d.get("location"), d.get("admin2")):
            continue
        if row["precision"] == "-":
            return d.get("locating") is False
        return d.get("locating") is True and d.get("geo_precision") == int(row["precision"])
    return False


def test_mention_table_accuracy():
    rows = _rows()
    assert len(rows) >= 150
    bad = [r["sentence"] + " -> " + r["expect"] for r in rows if not _ok(_run(r["sentence"]), r)]
    acc = 1 - len(bad) / len(rows)
    assert acc >= 0.95, f"{acc:.3f}\n" + "\n".join(bad)


def test_offsets_are_true_and_clitics_excluded():
    text = "قصف على وإدلب وبدير الزور لمحافظة حلب"
    doc = _run(text)
    got = [e.text for e in doc.entities]
    for e in doc.entities:
        assert text[e.start:e.end] == e.text
    assert "إدلب" in got and "دير الزور" in got and "محافظة حلب" in got


def test_diacritics_and_variants_fold():
    doc = _run("قُصِفَت مدينةُ إدْلِب")
    assert any(e.data["admin1"] == "Idlib" for e in doc.entities)
    assert all(doc.text[e.start:e.end] == e.text for e in doc.entities)


def test_traps_lebanon_and_jenin():
    lb = _run("وصل الرئيس إلى لبنان").entities
    assert lb and lb[0].data["cc"] == "LB" and lb[0].data["kind"] == "country"
    # (a bare name with no other name of its story beside it can be vetoed as the word جنين,
    # "fetus": here the compass word places it)
    jn = _run("اقتحمت القوات جنين شمال الضفة الغربية").entities
    assert jn and jn[0].data["cc"] == "PS"
    assert all(p["cc"] != "CN" for p in geocode("جنين"))


def test_persian_spellings_dropped():
    from rasid.recognize.places.build import arabic_names

    assert arabic_names("الجنینہ|جنين|جنینگ") == ["جنين"]
    assert all(p.cc == "PS" for p in gazetteer().candidates("جنين"))


def test_story_country_disambiguates():
    # طرابلس is in Libya and Lebanon: the story decides.
    ly = _run("اشتباكات في طرابلس بعد توتر في ليبيا").entities
    assert any(e.text == "طرابلس" and e.data["cc"] == "LY" for e in ly)
    lb = _run("اشتباكات في طرابلس بعد توتر في لبنان").entities
    assert any(e.text == "طرابلس" and e.data["cc"] == "LB" for e in lb)


def test_actor_country_counts_as_evidence():
    from rasid.model import Entity

    doc = Document(text="اشتباكات في طرابلس")
    prepare(doc)
    doc.entities.append(Entity(text="x", start=0, end=1, type="ORG", data={"country": "Lebanon"}))
    PlaceRecognizer()(doc)
    assert [e.data["cc"] for e in doc.entities if e.source == "places"] == ["LB"]


def test_country_direction_of_the_country():
    ents = _run("هجوم في اليمن ثم اشتباكات جنوب البلاد").entities
    south = [e for e in ents if e.text == "البلاد"]
    assert south and south[0].data["country"] == "Yemen" and south[0].data["modifier"] == "south"


def test_common_words_need_a_cue():
    assert not _run("أعلنت الحكومة في بيان").entities
    assert not _run("دخل الباب").entities


def test_country_info_and_demonyms():
    sy = country_info("SY")
    assert sy["name"] == "Syria" and sy["iso"] == 760 and sy["region"] == "Middle East"
    assert country_info("السورية")["cc"] == "SY"
    assert country_info("سوريا")["iso"] == 760
    assert country_info("Democratic Republic of Congo")["cc"] == "CD"
    assert country_info("Palestine")["iso"] == 275
    assert country_info("nowhere") is None
    for word, want in [("سوري", "Syria"), ("الأردنية", "Jordan"), ("الأمريكية", "United States"),
                       ("الأميركية", "United States"), ("والسوريين", "Syria"),
                       ("الأتراك", "Turkey"), ("الصومالية", "Somalia")]:
        assert country_from_demonym(word) == want, word
    assert country_from_demonym("الحكومة") is None


@pytest.mark.parametrize("word,want", [
    ("الفلبينية", "Philippines"), ("كولومبيون", "Colombia"), ("النيكاراغوية", "Nicaragua"),
    ("الهايتية", "Haiti"), ("البورمي", "Myanmar"), ("التايلاندية", "Thailand"),
    ("كاميرونيان", "Cameroon"), ("فلسطينيان", "Palestine"),  # the dual: "جنديان كاميرونيان"
    ("الصرب", "Serbia"), ("الإندونيسية", "Indonesia"), ("البنغلاديشيين", "Bangladesh"),
])
def test_demonyms_of_countries_far_from_the_levant(word, want):
    """The adjective is often the only word that names the country of a story about a town
    the gazetteer has no Arabic name for ("في مدينة ماراوي ... القوات الفلبينية")."""
    assert country_from_demonym(word) == want


def test_a_demonym_alone_gives_the_story_country_of_a_latin_read_town():
    for text, town, cc in [("فرضت السلطات الفلبينية إجراءات أمنية مشددة في مدينة إيليغان", "Iligan", "PH"),
                           ("قتل جنود كولومبيون في كمين نصبه مسلحون قرب توماكو", "Tumaco", "CO")]:
        doc = _run(text)
        [e] = [e for e in doc.entities if e.data.get("transliterated")]
        assert (e.canonical, e.data["cc"]) == (town, cc)


def test_geocode_ranks_story_country_first():
    res = geocode("طرابلس", country="LB")
    assert res[0]["cc"] == "LB"
    res = geocode("طرابلس", country="Libya")
    assert res[0]["cc"] == "LY"
    assert geocode("Aleppo")[0]["cc"] == "SY"


def test_load_time_and_size():
    size = (Path(__file__).parents[1] / "src/rasid/data/places/gazetteer.tsv.gz").stat().st_size
    assert size < 10_000_000
    gazetteer.cache_clear()
    t = time.perf_counter()
    gazetteer()
    assert time.perf_counter() - t < 1.5  # 0.4 s measured; slack for slow CI


def test_geonames_merge(tmp_path, monkeypatch):
    from rasid.recognize.places.build import merge_geonames

    dump = tmp_path / "SY.txt"
    row = ["9999991", "Qaryat Tajribah", "Qaryat Tajribah", "Tajriba,قرية تجريبة,تجريبه", "35.1",
           "37.2", "P", "PPL", "SY", "", "09", "", "", "", "120", "", "300", "Asia/Damascus",
           "2020-01-01"]
    dump.write_text("\t".join(row) + "\n", encoding="utf-8")
    out = tmp_path / "extra.tsv.gz"
    assert merge_geonames([dump], out) == 1
    monkeypatch.setenv("RASID_PLACES_EXTRA", str(out))
    gazetteer.cache_clear()
    try:
        assert any(p.name == "Qaryat Tajribah" and p.admin1 for p in gazetteer().candidates("تجريبه"))
    finally:
        monkeypatch.delenv("RASID_PLACES_EXTRA")
        gazetteer.cache_clear()


def test_cli_geocode():
    typer = pytest.importorskip("typer")
    from typer.testing import CliRunner

    from rasid.cli import places

    app = typer.Typer()
    places.register(app)
    res = CliRunner().invoke(app, ["geocode", "حلب", "--country", "SY"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data[0]["cc"] == "SY"


def test_a_town_closing_a_credit_line_does_not_locate():
    from rasid import extract

    doc = extract("قتل ثلاثة جنود في هجوم على حاجز في باكستان أمس.\nتحليل: إلياس خان - بي بي سي - إسلام أباد\n"
                  "وقال مسؤولون إن المهاجمين فروا.", published="2024-03-12")
    isl = [e for e in doc.entities if e.source == "places" and e.text == "إسلام أباد"]
    assert isl and isl[0].data["locating"] is False
    assert [e.location for e in doc.events] == ["Pakistan"]


def test_yemeni_districts_the_sources_lack_and_their_press_spellings():
    for text, name, admin1 in (("اشتباكات في مديرية نهم", "Nihm", "Şanʻā’"),
                               ("قصف على مديرية القبيطة", "Al Qabbaytah", "Laḩij"),
                               ("انفجار لغم في مديرية التحيتا", "At Tuḩaytā’", "Al Ḩudaydah")):
        places = [(e.canonical, e.data["admin1"]) for e in _run(text).entities]
        assert (name, admin1) in places, (text, places)
    # a district named like a common word needs its cue word
    assert not _run("أصيب طفل بالحمى الصفراء").entities
    assert [e.canonical for e in _run("تقدم الجيش في مديرية منبه").entities] == ["Monabbih"]


def test_afghan_provinces_by_their_press_names():
    # the sources name most Afghan provinces only in Persian ("هلمند ولايت") or not at all
    for text, admin1 in (("اشتباكات في ولاية هلمند", "Helmand"), ("انفجار في إقليم ننكرهار", "Nangarhār"),
                         ("انفجار في إقليم نانجارهار", "Nangarhār"), ("غارة في ولاية كونار", "Kunaṟ"),
                         ("هجوم في ولاية فارياب", "Fāryāb"), ("هجوم في ولاية أروزغان", "Uruzgān")):
        assert [(e.data["cc"], e.data["admin1"]) for e in _run(text).entities] == [("AF", admin1)], text
    assert [e.data["cc"] for e in _run("مستوطنات في غور الأردن").entities] == ["JO"]


def test_provinces_of_pakistan_nigeria_somalia_by_press_names():
    for text, cc, admin1 in (("هجوم في إقليم بلوشستان", "PK", "Balochistan"),
                             ("غارة في شمال وزيرستان", "PK", "Khyber Pakhtunkhwa"),
                             ("هجوم في ولاية بورنو", "NG", "Borno"), ("خطف في ولاية يوبي", "NG", "Yobe"),
                             ("اشتباكات في إقليم جوبا السفلى", "SO", "Jubbada Hoose")):
        assert [(e.data["cc"], e.data["admin1"]) for e in _run(text).entities] == [(cc, admin1)], text
    # common words and a president's name are not places without a cue
    assert not _run("قدم السند القانوني للمحكمة").entities
    assert not _run("ووصف الرئيس محمد بخاري الاختطاف بالكارثة").entities


@pytest.mark.parametrize("latin,cc,arabic", [
    ("Damboa", "NG", "دامبوا"),            # vowels optional
    ("Carcassonne", "FR", "كاركاسون"),      # c hard = ك, doubled letters are one
    ("Chibok", "NG", "تشيبوك"),            # ch = تش = ش
    ("Girona", "ES", "جيرونا"),            # g = ج
    ("Gwoza", "NG", "غوزا"),               # g = غ
    ("Buthidaung", "MM", "بوثيداونغ"),      # th = ث, ng = نغ
    ("Cizre", "TR", "جزرة"),               # Turkish c = ج
    ("Peshawar", "PK", "بيشاور"),          # p = ب, sh = ش
    ("Vitry-sur-Seine", "FR", "فيتري سور سين"),  # v = ف, hyphens and spaces dropped
    ("Shenzhen", "CN", "شينجين"),          # pinyin zh = ج
    ("Xi'an", "CN", "شيان"),               # pinyin x = ش
    ("Qingdao", "CN", "تشينغداو"),          # pinyin q = تش
])
def test_latin_and_arabic_spellings_share_a_skeleton(latin, cc, arabic):
    from rasid.recognize.places.transliterated import arabic_skeleton, latin_skeleton
    from rasid.text.normalize import fold

    assert latin_skeleton(latin, cc) == arabic_skeleton(fold(arabic))


def test_skeletons_that_must_differ():
    from rasid.recognize.places.transliterated import arabic_skeleton, latin_skeleton

    assert latin_skeleton("Damboa") != arabic_skeleton("دامور")
    assert latin_skeleton("Kidal") != latin_skeleton("Kindia")


def test_a_chinese_town_is_read_as_pinyin_is_said():
    """The index holds a Chinese town under pinyin as said (zh, x, q: j, sh, ch): شينجين is
    Shenzhen, not one of the hamlets that share the letters as an English reader says them."""
    from rasid.recognize.places.transliterated import latin_skeleton, lookup
    from rasid.text.normalize import fold

    assert lookup(fold("شينجين"), ["CN"]).name == "Shenzhen"
    assert lookup(fold("تشينغداو"), ["CN"]).name == "Qingdao"
    assert latin_skeleton("Shenzhen") != latin_skeleton("Shenzhen", "CN")


def test_a_town_known_only_in_latin_letters_is_found_in_the_story_country():
    doc = _run("قتل خمسة جنود في هجوم على بلدة دامبوا بولاية بورنو شمال شرقي نيجيريا")
    [e] = [e for e in doc.entities if e.data.get("transliterated")]
    assert (e.text, e.canonical, e.data["admin1"], e.data["cc"]) == ("دامبوا", "Damboa", "Borno", "NG")
    assert e.data["geo_precision"] == 1 and e.data["lat"] == pytest.approx(11.155, abs=0.01)


def test_of_towns_with_one_skeleton_the_closest_spelling_wins():
    doc = _run("نظمت مظاهرة في مدينة جيرونا شمال إسبانيا")
    [e] = [e for e in doc.entities if e.data.get("transliterated")]
    assert e.canonical == "Girona"  # not A Coruña (same consonants, more people)


def test_transliterated_towns_need_a_place_context_and_no_common_word():
    for text in ("قتل رجل مسلح بسكين ثلاثة أشخاص في نيجيريا",     # ب + سكين is no town
                 "وقال مسؤول في بيان إن الشرطة في فرنسا اعتقلت رجلا",  # بيان after في: a word
                 "طعن رجل امرأة في مركز تسوق في فرنسا",             # مركز تسوق: a shopping centre
                 "قتل مسلحون عشرة في قريتهم شمالي نيجيريا"):          # the village already named
        doc = _run(text)
        assert not [e for e in doc.entities if e.data.get("transliterated")], text


def test_a_transliterated_province_gives_precision_3():
    doc = _run("قتل متظاهر في كاليفورنيا بالولايات المتحدة")
    [e] = [e for e in doc.entities if e.data.get("transliterated")]
    assert (e.canonical, e.data["kind"], e.data["geo_precision"]) == ("California", "adm1", 3)


def _km(a, b, c, d):
    import math

    r = math.pi / 180
    return 6371 * 2 * math.asin(math.sqrt(math.sin((c - a) * r / 2) ** 2 + math.cos(a * r) * math.cos(c * r)
                                          * math.sin((d - b) * r / 2) ** 2))


def test_transliterated_town_table():
    """Towns the gazetteer has no Arabic name for (213 sentences, 31 countries): found within
    25 km, by the place recogniser alone (56.3%; 57.3% in the full pipeline, where the actors'
    countries vote too; 46.9% and 50.2% before the demonyms of 66 more countries, the names read
    under ب/ل/ك and those after من/على that what follows places). The issue's target is 80%; the floor guards today's figure (most misses are a
    name with ب/ل attached or after من/على/نحو, and names of two consonants, which the matcher
    leaves alone: on news such readings were mostly Arabic words and people's names)."""
    rows = list(csv.DictReader((ln for ln in open(Path(__file__).parent / "fixtures" / "places_transliterated.tsv",
                                                  encoding="utf-8") if not ln.startswith("#")),
                               delimiter="\t", quoting=csv.QUOTE_NONE))
    assert len(rows) >= 150
    found = 0
    for r in rows:
        a = r["sentence"].index(r["mention"])
        b = a + len(r["mention"])
        doc = _run(r["sentence"])
        found += any(e.start < b and a < e.end and e.data.get("lat") is not None
                     and _km(e.data["lat"], e.data["lon"], float(r["lat"]), float(r["lon"])) <= 25
                     for e in doc.entities)
    assert found / len(rows) >= 0.56, found


@pytest.mark.parametrize("sentence,mention,name,cc", [
    # a building named after its town, and a word of going to, cue an unknown word
    ("نقل الجرحى إلى مستشفى بوتيمبو في إقليم شمال كيفو شرقي الكونغو الديمقراطية", "بوتيمبو", "Butembo", "CD"),
    ("وصل آلاف النازحين إلى كودوك في ولاية أعالي النيل بجنوب السودان", "كودوك", "Kodok", "SS"),
    # the group's country (Somalia) ties with the place's (Kenya): the town may be in either
    ("قتل مسلحون من حركة الشباب ركاب حافلة قرب مانديرا في شمال شرقي كينيا", "مانديرا", "Mandera", "KE"),
    # Akure and Ikare spell alike: the province the sentence names decides
    ("أسفرت اشتباكات في مدينة ووكاري بولاية تارابا النيجيرية عن مقتل خمسة", "ووكاري", "Wukari", "NG"),
])
def test_unknown_towns_after_motion_and_site_words(sentence, mention, name, cc):
    import rasid

    doc = rasid.extract(sentence)  # the whole pipeline: the actors' countries vote
    [e] = [e for e in doc.entities if e.text == mention]
    assert (e.canonical, e.data["cc"]) == (name, cc)


@pytest.mark.parametrize("sentence,mention,name,cc", [
    # ك read as "like" gave a village in Mauritania (ك + ومبو) that the story rules out
    ("خطف مسلحون انفصاليون أسقفا في بلدة كومبو شمال غربي الكاميرون", "كومبو", "Kumbo", "CM"),
    # ب is the preposition: a word the news never uses, placed by a type word after it
    ("هاجم مسلحون مقر الشرطة بغرشك في ولاية هلمند الأفغانية", "غرشك", "Gereshk", "AF"),
    ("هاجم مسلحون مدرسة ثانوية ببوتيسكوم في ولاية يوبي شمالي نيجيريا", "بوتيسكوم", "Potiskum", "NG"),
    ("أعلنت السلطات البلجيكية اعتقال شبان بفيلفورد شمال بروكسل", "فيلفورد", "Vilvoorde", "BE"),
    ("خرجت احتجاجات بلاركانا في إقليم السند الباكستاني", "لاركانا", "Larkana", "PK"),  # ends like نا "our"
    # after من/على only a word the news never uses, placed by what follows it
    ("فر مئات السكان من تاغاب في ولاية كابيسا الأفغانية", "تاغاب", "Tagāb", "AF"),
    ("فر آلاف القرويين من ميدساياب في إقليم كوتاباتو الفلبيني", "ميدساياب", "Midsayap", "PH"),
])
def test_towns_under_a_clitic(sentence, mention, name, cc):
    doc = _run(sentence)
    [e] = [e for e in doc.entities if e.data.get("transliterated")]
    assert (e.text, e.canonical, e.data["cc"]) == (mention, name, cc)


@pytest.mark.parametrize("sentence", [
    "قال المتحدث باسم الكرملين ديمتري بوسكوف في موسكو إن روسيا ترفض",  # a name, then في + a place
    "وكتبت جوزيفين ليبتروت الأمريكية على حسابها في تويتر",  # a name, then a nationality
    "حصد الفريق 51 نقطة مقابل 28 نقطة لسبال في المركز السابع عشر في الدوري الإيطالي",  # a definite type word
    "ذكرت أنها عاشت طفولتها في منطقة فقيرة بالمدينة الأمريكية",  # فقيرة is a word, not ف + a town
    "أطلق شرطي النار على ماكدونيل في ولاية تكساس الأمريكية",  # a person after على: ولاية is no town's
])
def test_attached_words_that_are_no_towns(sentence):
    doc = _run(sentence)
    assert [e.text for e in doc.entities if e.data.get("transliterated")] == []


@pytest.mark.parametrize("sentence", [
    "قال إن النساء في ألمانيا يملن إلى معانقة بعضهن",  # a noun in ة: Arabic, however rare
    "وصف الوزير الهجوم في فرنسا على نحو بغيض",  # على and نحو are no cue: "in a hateful way"
    "قال إنه ذهب إلى خيام وأدوية في إندونيسيا",  # two words joined by و are no two-word name
])
def test_rare_arabic_words_after_motion_words_are_no_towns(sentence):
    doc = _run(sentence)
    assert [e.text for e in doc.entities if e.data.get("transliterated")] == []


@pytest.mark.parametrize("name,cc", [("بريطانيا", "GB"), ("أميركا", "US"), ("بورما", "MM"),
                                     ("أفريقيا الوسطى", "CF"), ("البوسنة", "BA"), ("فلسطين", "PS")])
def test_press_names_of_countries(name, cc):
    """Names the press uses that the country sources lack (أفريقيا الوسطى is a country, not the
    continent plus an adjective)."""
    doc = _run(f"وصل الوزير إلى {name} أمس")
    [e] = [e for e in doc.entities if e.source == "places"]
    assert (e.text, e.data["cc"], e.data["kind"]) == (name, cc, "country")


def _ambiguous_right(row: dict, doc) -> bool:
    a = row["sentence"].index(row["mention"])
    b = a + len(row["mention"])
    hits = [e for e in doc.entities if e.source == "places" and e.start < b and a < e.end]
    if row["is_place"] == "0":
        return not hits
    names = {row["name"]}
    return any((not row["cc"] or e.data.get("cc") == row["cc"])
               and (names & {e.canonical, e.data.get("location"), e.data.get("admin1")}
                    or not any(p.name == row["name"] for p in gazetteer().places)
                    and e.data.get("cc") == row["cc"])
               for e in hits)


def test_ambiguous_place_word_table():
    """298 sentences, half place and half not (مالي financial / Mali, الزاوية the corner /
    Zawiya, نهر النيجر the river ...). Target 95%; 78.5% today (74.2% before the place-sense
    model, which turned 23 false places into right answers and lost 13 one-sentence places that no
    other name of their story supports): the floor guards it."""
    import rasid

    rows = list(csv.DictReader((ln for ln in open(Path(__file__).parent / "fixtures" / "places_ambiguous.tsv",
                                                  encoding="utf-8") if not ln.startswith("#")),
                               delimiter="\t", quoting=csv.QUOTE_NONE))
    assert len(rows) >= 200 and abs(sum(r["is_place"] == "1" for r in rows) - len(rows) / 2) < 20
    good = sum(_ambiguous_right(r, rasid.extract(r["sentence"])) for r in rows)
    assert good / len(rows) >= 0.77, good


@pytest.mark.parametrize("text,mention,cc", [
    ("حصلت الجمعية على دعم مالي من رجال أعمال لبناء مدرسة", "مالي", None),      # financial
    ("سجل المدافع هدف الفوز برأسية من ضربة الزاوية في الدقيقة الأخيرة", "الزاوية", None),
    ("ارتفع منسوب نهر النيجر إلى مستويات قياسية", "النيجر", None),              # the river
    ("شنت المقاتلات الهجوم نحو الساعة 3:25 صباحا بتوقيت موسكو على قاعدة جوية", "موسكو", None),  # a time zone
    ("أعلنت بوركينا فاسو ومالي والنيجر انسحابها من المجموعة", "ومالي", "ML"),  # coordinated
    ("قتل خمسة جنود في هجوم شمال مالي", "مالي", "ML"),                          # a cue word
])
def test_names_with_two_senses(text, mention, cc):
    import rasid

    doc = rasid.extract(text)
    a = text.index(mention)
    hits = [e for e in doc.entities if e.source == "places" and e.start < a + len(mention) and a < e.end]
    assert [e.data["cc"] for e in hits] == ([cc] if cc else [])


def test_latin_index_build_marks_the_names_own_skeleton_as_main(tmp_path):
    """The build writes one country member and a sorted skeleton index; a town's own name is its
    main key and the French silent-consonant variant an alternate (negative offset), whatever the
    interpreter's hash seed (a set once made the order random)."""
    import zipfile

    from rasid.recognize.places.build import build_latin_places
    from rasid.recognize.places.transliterated import _Country

    out = tmp_path / "latin.zip"
    cities = {"1": {"geonameid": 2972010, "name": "Trèbes", "countrycode": "FR", "admin1code": "76",
                    "latitude": 43.21, "longitude": 2.44, "population": 5972, "alternatenames": []}}
    build_latin_places(cities, out)
    with zipfile.ZipFile(out) as z:
        country = _Country("FR", z.read("FR.tsv").decode(), z.read("FR.keys").decode())
    [(main, town)] = country.get("TRBS")
    assert main and town.name == "Trèbes" and town.admin1 == "Occitanie"
    [(main, town)] = country.get("TRB")
    assert not main and town.id == "geonames:2972010"
    assert country.get("XYZ") == []


@pytest.mark.parametrize("sentence,location,country", [
    # a country's adjective after a place name chooses among its namesakes
    ("قتل ثلاثة أشخاص في اشتباكات في مدينة طرابلس اللبنانية أمس.", "Tripoli", "Lebanon"),
    ("قتل ثلاثة أشخاص في اشتباكات في مدينة طرابلس الليبية أمس.", "Tripoli", "Libya"),
    # ... and sends a name with no candidate there to the Latin names: French silent finals
    # (Trèbes), ز for a voiced s (Salisbury), a word the news uses often after a type word
    ("احتجز مسلح رهائن في متجر بمدينة تريب الفرنسية أمس.", "Trèbes", "France"),
    ("تسمم عميل روسي سابق وابنته في بلدة سالزبوري البريطانية أمس.", "Salisbury", "United Kingdom"),
])
def test_a_countrys_adjective_after_the_place(sentence, location, country):
    doc = rasid.extract(sentence, published="2018-03-24")
    towns = [(e.canonical, e.data.get("country")) for e in doc.entities
             if e.source == "places" and e.data.get("kind") != "country" and e.data.get("locating")]
    assert towns == [(location, country)]


def test_an_adjective_of_another_country_unmakes_a_place():
    """"السفيرة الأمريكية" is the ambassador, not a village called As Safirah in Syria; "للإيرانيين"
    (for the Iranians) is no adjective of the place before it."""
    doc = rasid.extract("قالت السفيرة الأمريكية إن المسافرين عبر مطار بيروت للإيرانيين يخضعون للتفتيش.",
                        published="2018-03-24")
    names = [e.canonical for e in doc.entities if e.source == "places"]
    assert "As Safīrah" not in names and "Beirut" in names


def test_vowels_in_three_classes():
    from rasid.recognize.places.transliterated import arabic_skeleton, latin_skeleton
    from rasid.text.normalize import fold

    assert latin_skeleton("Girona", vowels=True) == arabic_skeleton(fold("جيرونا"), vowels=True) == "KiRuNa"
    assert latin_skeleton("Kumbo", vowels=True) == arabic_skeleton(fold("كومبو"), vowels=True)
    assert latin_skeleton("Kumba", vowels=True) != arabic_skeleton(fold("كومبو"), vowels=True)


def test_a_place_in_an_outlets_name_locates_nothing():
    doc = rasid.extract("قالت مصادر لصحيفة “واشنطن بوست” إن مسلحين هاجموا قاعدة في ولاية بورنو أمس.",
                        published="2018-10-20")
    places = {e.canonical: e.data.get("locating") for e in doc.entities if e.source == "places"}
    assert places["Washington"] is False and places["Borno"] is True
    # قناة is also a canal: قناة السويس stays a place
    doc = rasid.extract("هاجم مسلحون سفينة في قناة السويس أمس.", published="2018-10-20")
    assert all(e.data.get("locating") for e in doc.entities if e.source == "places")


def test_an_agencys_short_name_in_brackets_is_no_place():
    """Petra (Jordan's agency) and Kuna (Kuwait's) are towns too: named in brackets after وكالة
    they neither place the act nor vote for a country."""
    for name in ("بترا", "كونا"):
        doc = rasid.extract(f"قتل مسلحون ثلاثة جنود أمس، بحسب ما ذكرت وكالة الأنباء الرسمية ({name}).",
                            published="2018-10-20")
        assert not [e for e in doc.entities if e.source == "places"]
        assert [ev.country for ev in doc.events] == [""]
    # a town in brackets with no outlet before it is still a place
    doc = rasid.extract("قتل مسلحون ثلاثة جنود أمس في مدينة (حمص) وسط سوريا.", published="2018-10-20")
    assert [ev.location for ev in doc.events] == ["Homs"]


def test_a_name_of_towns_in_many_provinces_sets_one_province():
    """واشنطن names towns in nine US states: only the likeliest one's state is the story's
    province, so a Latin-read كاليفورنيا is the state, not California, Pennsylvania."""
    doc = rasid.extract("اعتقلت الشرطة الأمريكية 600 امرأة في واشنطن. وكان قاض في كاليفورنيا أمر "
                        "بالإفراج عن المعتقلين.", published="2018-06-30")
    ca = [e for e in doc.entities if e.source == "places" and e.text == "كاليفورنيا"]
    assert ca and ca[0].data["admin1"] == "California"


def test_capitals_the_sources_lack_are_in_the_gazetteer():
    """Washington, Conakry, Bangui had no Arabic name in the sources: واشنطن was nine small US
    towns (Utah's the largest)."""
    doc = rasid.extract("تظاهر آلاف الأمريكيين في واشنطن أمس احتجاجا على سياسة الهجرة.", published="2018-06-30")
    assert [(e.location, e.admin1) for e in doc.events] == [("Washington", "District of Columbia")]
    for name, cc in (("كوناكري", "GN"), ("بانغي", "CF"), ("نايبيداو", "MM")):
        places = [e for e in rasid.extract(f"قتل مسلحون ثلاثة أشخاص في {name} أمس.").entities
                  if e.source == "places"]
        assert [e.data["cc"] for e in places] == [cc]


@pytest.mark.parametrize("text, government", [
    ("قالت موسكو إن مسلحين قتلوا خمسة جنود أمس.", True),            # subject of a reporting verb
    ("واتهمت واشنطن الحوثيين بإطلاق صاروخ على السفينة.", True),      # a stance verb, through و
    ("تقول أنقرة إنها تستهدف وحدات حماية الشعب في عفرين.", True),
    ("أكدت الحكومة أن طهران تدعم المسلحين في اليمن.", False),        # a place-like object: kept
    ("شهدت طرابلس اشتباكات عنيفة أمس.", False),                   # the town that saw the act
    ("قتل مسلحون خمسة جنود في موسكو أمس.", False),
    ("قال مسؤولون في واشنطن إن التحقيق مستمر.", False),           # officials in the town said
    ("تظاهر الآلاف في العاصمة الروسية موسكو أمس.", False),
    ("قال نشطاء إن العملية قتلت 280 مدنيا، وهو ما تنفيه أنقرة.", True),  # the verb with its object
    ("واتهمتها واشنطن بدعم المسلحين في اليمن.", True),
])
def test_a_capital_that_speaks_is_its_state(text, government):
    capital = {"موسكو", "واشنطن", "أنقرة", "طهران", "طرابلس"}
    ents = [e for e in rasid.extract(text, published="2018-06-30").entities
            if e.source == "places" and e.text in capital]
    assert len(ents) == 1
    assert bool(ents[0].data.get("government")) is government
    assert ents[0].data["locating"] is not government


def _places_named(text: str, name: str, published: str) -> list:
    """The place entities of ``text`` whose words are ``name``."""
    return [e for e in rasid.extract(text, published=published).entities if e.source == "places" and e.text == name]


@pytest.mark.parametrize("text, name, patron", [
    ("اندلعت معارك بين قوات التحالف وميليشيات الحوثي المدعومة من إيران في الحديدة.", "إيران", True),
    ("أطلقت الميليشيا الحوثية التابعة لإيران صاروخين من صعدة.", "إيران", True),
    ("قصفت الفصائل الموالية لتركيا قرية في ريف عفرين.", "تركيا", True),
    ("قتل مسلحون مدعومون من طهران ثلاثة جنود.", "طهران", True),
    # a place the village belongs to, a town in a country, a visit: places as before
    ("قتل ثلاثة في قرية التابعة لمحافظة صعدة.", "محافظة صعدة", False),
    ("وصل وفد إلى إيران قادما من تركيا.", "إيران", False),
])
def test_a_country_named_as_a_sides_patron_does_not_locate(text, name, patron):
    """"ميليشيات الحوثي المدعومة من إيران": the country backs a side (data/places/patron_words.tsv);
    blind audit 15 had three Yemeni acts coded in Iran."""
    [ent] = _places_named(text, name, "2018-06-19")
    assert bool(ent.data.get("patron")) is patron
    assert ent.data["locating"] is not patron


def test_the_act_is_not_placed_in_the_patron_of_a_side():
    events = rasid.extract("وقال ساكن إن القوات اقتحمت المطار بعد معارك ضارية صباح الثلاثاء بين قوات التحالف "
                           "وميليشيات الحوثي المدعومة من إيران الذين يسيطرون على مدينة الحديدة.",
                           published="2018-06-19").events
    assert [e.country for e in events] == ["Yemen"]


@pytest.mark.parametrize("text, location", [
    # the capital by a demonym: that country's capital
    ("انفجرت سيارة مفخخة في العاصمة العراقية أمس.", "Baghdad"),
    # "عاصمة البلاد" and a bare "العاصمة": the story's country's capital
    ("قتل خمسة في اشتباكات بمدينة الحديدة أمس. وفي عاصمة البلاد تظاهر المئات ضد الحرب.", "Sanaa"),
    ("تواصلت الاحتجاجات في الأردن أمس. وتظاهر المئات في العاصمة ضد قانون الضريبة.", "Amman"),
    # named after the word, the capital is read by its name (once)
    ("قتل ثلاثة في العاصمة السورية، دمشق، أمس.", "Damascus"),
])
def test_the_capital_named_by_the_word_alone(text, location):
    doc = rasid.extract(text, published="2018-06-07")
    assert doc.events[-1].location == location
    assert len([e for e in doc.entities if e.source == "places" and e.canonical == location]) == 1


def test_the_word_capital_does_not_outrank_a_town_the_story_names():
    """A linked headline's "العاصمة الهندية" does not pull a story of Kathua to New Delhi; "العاصمة
    الاقتصادية" is no capital."""
    doc = rasid.extract("اغتصاب رضيعة في العاصمة الهندية\nاحتجت جماعات هندوسية على اعتقال ثمانية رجال أمس. "
                        "وكانت الشرطة عثرت على جثة الطفلة قرب مدينة كاثوا في إقليم كشمير.", published="2018-04-15")
    assert [e.location for e in doc.events if e.trigger.text == "اعتقال"] == ["India"]
    doc = rasid.extract("تظاهر المئات في العاصمة الاقتصادية للمغرب أمس.", published="2018-04-15")
    assert not [e for e in doc.entities if e.source == "places" and e.canonical == "Rabat"]


@pytest.mark.parametrize("text, name, place", [
    ("أعلنت بريطانيا طرد 23 دبلوماسياً روسياً بسبب الهجوم.", "روسياً", False),   # tanween written
    ("استهدف الجيش الإسرائيلي موقعا سوريا في القنيطرة.", "سوريا", False),      # after an accusative noun
    ("قتلت الشرطة شابا ليبيا في طرابلس.", "ليبيا", False),
    # the country itself: after a verb's pronoun or ending, an adverb, a preposition
    ("هدنة الخمس ساعات التي اقترحتها روسيا لم تكن كافية.", "روسيا", True),
    ("الجماعات التي تعتبرهما تركيا منظمات إرهابية.", "تركيا", True),
    ("زار الوزير أيضا روسيا.", "روسيا", True),
    ("وصل وفد إلى روسيا أمس.", "روسيا", True),
])
def test_a_country_name_that_is_its_nisba_in_the_accusative(text, name, place):
    """"دبلوماسياً روسياً"، "موقعا سوريا": روسي + ا is the adjective, not Russia (blind audit 15:
    an Israeli strike on "موقعاً سورياً" in the Golan coded at Syria's centroid)."""
    [ent] = _places_named(text, name, "2018-03-15")
    assert ent.data["cc"] and ent.data["locating"] is place


def test_a_town_name_that_speaks_is_a_person_throughout_the_document():
    """"وأضاف تشيخوف": the subject of a reporting verb is a person (the ambassador Chizhov), and
    so is "وقال فلاديمير تشيخوف" in the same document (blind audit 16: Chekhov, Russia); a capital
    that speaks is its state and stays a place where the text puts something in it."""
    doc = rasid.extract("وقال فلاديمير تشيخوف إن روسيا ليس لديها مخزون من الأسلحة الكيمياوية. وأضاف تشيخوف أن "
                        "المختبر البريطاني قد يكون المصدر.", published="2018-03-19")
    assert not [e for e in doc.entities if e.source == "places" and e.canonical == "Chekhov"]
    doc = rasid.extract("وأعلنت لندن إبعاد 23 دبلوماسيا. وتجمع العشرات أمام السفارة الروسية في لندن.",
                        published="2018-03-19")
    assert [e.data["locating"] for e in doc.entities if e.source == "places" and e.canonical == "London"] == [False, True]
    # a title of office before a town names the town it governs
    doc = rasid.extract("وقال محافظ البصرة إن المتظاهرين أحرقوا مقرا حكوميا في البصرة.", published="2018-07-16")
    assert [e.canonical for e in doc.entities if e.source == "places"] == ["Basrah", "Basrah"]


def test_a_state_that_is_blamed_is_no_place():
    """"تلقي ماي باللوم على روسيا في الهجوم": the blamed state is a side (it still tells the
    story's country); "هجوم على روسيا" (an act against it) keeps the place."""
    doc = rasid.extract("وتلقي ماي باللوم على روسيا في الهجوم بغاز أعصاب على الجاسوس السابق.", published="2018-03-17")
    [russia] = [e for e in doc.entities if e.source == "places" and e.canonical == "Russia"]
    assert russia.data["locating"] is False and russia.data["story"] is True
    doc = rasid.extract("شن مسلحون هجوما على روسيا أمس.", published="2018-03-17")
    assert [e.data["locating"] for e in doc.entities if e.source == "places" and e.canonical == "Russia"] == [True]


def test_a_small_town_abroad_that_the_text_places_in_its_country_is_no_homonym():
    """A small town abroad in a story told about another country is taken for a homonym, unless the
    document places it in its own province or country once ("مدينة سالزبيري في إنجلترا"): then it
    locates wherever the document names it again (blind audit 16: the Skripal poisoning coded in
    Russia)."""
    text = ("قالت ماي إن طرد روسيا 23 دبلوماسيا لا يغير شيئا في قضية تسميم العميل في مدينة سالزبيري في "
            "إنجلترا. وقالت موسكو إن روسيا لا علاقة لها. وردت روسيا بطرد دبلوماسيين من موسكو. وتلقي ماي "
            "باللوم على روسيا في الهجوم بغاز أعصاب على الجاسوس السابق في مدينة سالزبيري في الرابع من مارس.")
    events = [e for e in rasid.extract(text, published="2018-03-17").events if e.sub_event_type == "Chemical weapon"]
    assert [(e.location, e.country) for e in events] == [("Salisbury", "United Kingdom")]


def test_the_act_is_not_placed_in_the_capital_that_comments_on_it():
    text = ("تواصل القوات التركية عمليتها العسكرية في منطقة عفرين شمالي سوريا. "
            "وقالت أنقرة إن طائراتها قصفت مواقع لوحدات حماية الشعب الكردية أمس.")
    events = rasid.extract(text, published="2018-03-17").events
    assert [(e.location, e.country) for e in events] == [("Afrin District", "Syria")]


def test_a_name_that_reads_as_a_clitic_and_a_common_word_needs_its_country():
    """"أمر بلم شمل العائلات": بلم (Belém) is ب + لم here; it is a place only where the story
    names Brazil, and does not make the story Brazilian (كاليفورنيا stays the US state)."""
    doc = rasid.extract("اعتقلت الشرطة الأمريكية 600 امرأة في واشنطن. وكان قاض في كاليفورنيا أمر "
                        "بلم شمل العائلات.", published="2018-06-30")
    places = {e.text: e.data.get("cc") for e in doc.entities if e.source == "places"}
    assert "بلم" not in places and places["كاليفورنيا"] == "US"
    doc = rasid.extract("تظاهر آلاف البرازيليين في مدينة ريو دي جانيرو وفي بلم شمال البرازيل.",
                        published="2018-06-30")
    assert "Belém" in {e.canonical for e in doc.entities if e.source == "places"}


def test_a_province_abroad_is_no_homonym():
    """In a story told from elsewhere, a province or region named outright is where the act was;
    only a small town abroad is suspected of being a homonym."""
    text = ("قال وزير الداخلية السعودي في الرياض إن المملكة تتعاون مع تركيا في التحقيق. "
            "وأعلنت وكالة الأنباء الفلسطينية الجمعة مقتل 6 فلسطينيين وإصابة 192 آخرين برصاص الجيش الإسرائيلي، "
            "وذلك خلال مواجهات على الحدود الشرقية لقطاع غزة.")
    events = rasid.extract(text, published="2018-10-13").events
    assert events and all(e.admin1 == "Gaza Strip" for e in events)


def test_the_place_of_the_triggers_own_clause_wins():
    """A strike on Gaza told beside rockets on Israel, in a story whose places are mostly Israeli:
    the strike's clause names Gaza, and that is where it happened."""
    import rasid

    [e] = rasid.extract("شنت طائرات إسرائيلية غارات أمس على أهداف في غزة، وأطلق مسلحون فلسطينيون صواريخ "
                        "على مدينة عسقلان في إسرائيل.", published="2018-08-10").events
    assert (e.location, e.country) == ("Gaza", "Palestine")


def test_a_unit_with_no_coordinates_yields_to_a_city_of_the_name():
    """GeoNames has an Israeli second-level unit called Gaza with no coordinates; in a story full
    of Israeli places, غزة is still the city."""
    import rasid

    doc = rasid.extract("وارتكب الجيش الإسرائيلي مجزرة في غزة الاثنين، بالتزامن مع افتتاح السفارة الأميركية في القدس.",
                        published="2018-05-16")
    gaza = next(e for e in doc.entities if e.source == "places" and e.text == "غزة")
    assert gaza.data["cc"] == "PS" and gaza.data["lat"] is not None


def test_the_gaza_strip_is_palestine_in_a_story_told_from_israel():
    """GeoNames' Israeli unit of that name is withdrawn (data/places/withdrawn.tsv): «قطاع غزة» in a
    story of Israeli places is the Strip that ACLED codes as Palestine, not Israel's Southern
    District."""
    import rasid

    doc = rasid.extract("قال الجيش الإسرائيلي في تل أبيب إن صواريخ سقطت في سديروت وعسقلان. وقتل 62 فلسطينيا "
                        "على الحدود بين قطاع غزة وإسرائيل.", published="2018-05-15")
    strip = next(e for e in doc.entities if e.source == "places" and e.text == "قطاع غزة")
    assert (strip.data["cc"], strip.data["admin1"]) == ("PS", "Gaza Strip")


def test_the_kingdom_alone_is_the_monarchy_the_story_names():
    def places(text):
        doc = rasid.extract(text, published="2018-03-26")
        return [(e.text, e.canonical, e.data.get("locating")) for e in doc.entities if e.source == "places"]
    # "the Kingdom" where something was aimed or happened is the story's kingdom
    text = "رفعت السعودية حالة التأهب. واعترضت الدفاعات الجوية صاروخا أطلق من اليمن باتجاه المملكة."
    assert ("المملكة", "Saudi Arabia", True) in places(text)
    # not where someone was taken, and not before an adjective that names another kingdom
    text = "قال النائب العام السعودي إن التحقيق كان بهدف إعادته إلى المملكة."
    assert ("المملكة", "Saudi Arabia", False) in places(text)
    assert [p[1] for p in places("قصفت قوات النظام حلب. وزار رئيس وزراء المملكة المتحدة بغداد.")] == [
        "Aleppo", "United Kingdom", "Baghdad"]
    # and nothing when the story names no kingdom
    assert places("وصل الوفد إلى المملكة أمس.") == []


def test_a_compass_adjective_after_a_definite_noun_is_no_province():
    def places(text):
        doc = rasid.extract(text, published="2018-03-17")
        return [e.canonical for e in doc.entities if e.source == "places"]
    # "the northern city" is not Sudan's Northern state
    assert places("تدور اشتباكات عنيفة عند أطراف المدينة الشمالية في عفرين أمس.") == ["‘Afrīn"]
    assert "Northern" not in places("قصفت المدفعية القرى الشمالية والشرقية لمدينة عفرين.")
    # after an administrative word it is the province's name
    assert places("اندلعت احتجاجات في الولاية الشمالية بالسودان.") == ["Northern", "Sudan"]
    assert places("قصفت الطائرات مواقع في المنطقة الشرقية بالسعودية.")[0] == "Ash Sharqīyah"


def test_a_given_name_and_surname_are_no_two_towns():
    def places(text):
        doc = rasid.extract(text, published="2018-03-05")
        return [e.canonical for e in doc.entities if e.source == "places"]
    text = ("ثار جدل في وسائل الإعلام الأمريكية بعدما تحدث ترامب مع زوجة الجندي. سمعت عضو الكونغرس عن "
            "الحزب الديمقراطي، فريدريكا ويلسون، المكالمة الهاتفية.")
    assert "Frederica" not in places(text) and "Wilson" not in places(text)
    # in the Arab world two names back to back are a construct: the Zabid junction, Baalbek's citadel
    assert "Zabīd" in places("تقدمت القوات جنوب الحديدة غربي اليمن بعد تأمين مفرق زبيد أمس.")


@pytest.mark.parametrize("text,name,cc,admin1", [
    # South Sudan's states have no Arabic name in the sources; Sudan has an Al Wihda of its own
    ("هاجم جنود الحكومة قرى في جنوبي ولاية الوحدة بجنوب السودان", "ولاية الوحدة", "SS", "Unity"),
    ("نزح الآلاف من ولاية أعالي النيل في جنوب السودان", "ولاية أعالي النيل", "SS", "Upper Nile"),
    # Myanmar's states likewise; ولاية شان is not Schaan in Liechtenstein
    ("اشتباكات بين الجيش البورمي ومجموعة مسلحة في ولاية شان شمال البلاد", "ولاية شان", "MM", "Shan"),
    ("فر آلاف الروهينغا من ولاية راخين في ميانمار", "ولاية راخين", "MM", "Rakhine"),
    # England and Scotland are no GeoNames unit of their own: regions of the United Kingdom
    ("وقع انفجار في مدينة برمنغهام وسط إنجلترا", "إنجلترا", "GB", "England"),
    ("اعتقلت الشرطة رجلا في غلاسكو في اسكتلندا", "اسكتلندا", "GB", "Scotland"),
])
def test_states_and_nations_the_sources_name_in_english_only(text, name, cc, admin1):
    doc = _run(text)
    [e] = [e for e in doc.entities if e.text == name]
    assert (e.data["cc"], e.data["admin1"]) == (cc, admin1)


@pytest.mark.parametrize("sentence,location", [
    ('وذكر بيان أن سلطات مطار القاهرة احتجزت المعارض لدى وصوله قادما من "برلين" بألمانيا أمس.', "Cairo"),
    ("اعتقلت الشرطة التركية في مطار إسطنبول رجلا قادما من سوريا أمس.", "Istanbul"),
])
def test_where_someone_came_from_or_was_going_is_no_place_of_the_act(sentence, location):
    """"احتجزت المهدي لدى وصوله قادما من برلين" (audit 12: Berlin for an arrest at Cairo airport):
    a place after قادما من، لدى وصوله من، في طريقه إلى is an origin or a destination, and so is the
    country written right after it; a projectile's aim stays its place (events/arguments.py)."""
    import rasid

    [e] = rasid.extract(sentence, published="2018-07-01").events
    assert e.location == location


def test_a_projectile_aimed_on_its_way_keeps_its_target():
    import rasid

    [e] = rasid.extract("اعترضت الدفاعات السعودية صاروخا باليستيا أطلقه الحوثيون متجها إلى الرياض أمس.",
                        published="2018-07-01").events
    assert e.location == "Riyadh"


def test_a_definite_type_word_takes_no_town_name_after_it():
    """A town's name follows an indefinite type word (منطقة X، مدينة X); after a definite one the
    next word starts another phrase ("ابتعدوا عن المنطقة وترقبوا التعليمات": a verb, which the
    Latin-name reading had taken for Delaware Water Gap in a story about the United States)."""
    import rasid

    doc = rasid.extract("أطلق مسلح النار في مركز تجاري بمدينة فيلادلفيا في ولاية بنسلفانيا الأمريكية أمس.\n"
                        "وحذر حاكم الولاية سكان المنطقة من الاقتراب، وقال: ابتعدوا عن المنطقة وترقبوا التعليمات من "
                        "السلطات.", published="2018-03-23")
    assert not any(e.data.get("transliterated") for e in doc.entities if e.source == "places")


def test_a_sea_that_names_a_province_is_the_sea_without_its_type_word():
    """"ناقلة في البحر الأحمر" is at sea off Yemen, not in Sudan's Red Sea state; "ولاية البحر
    الأحمر" is the state."""
    events = rasid.extract("هاجم الحوثيون ناقلة نفط سعودية في البحر الأحمر قبالة سواحل الحديدة أمس.",
                           published="2018-04-05").events
    assert [e.country for e in events] == ["Yemen"]
    events = rasid.extract("تظاهر المئات في ولاية البحر الأحمر شرق السودان أمس.", published="2018-04-05").events
    assert [(e.admin1, e.country) for e in events] == [("Red Sea", "Sudan")]


def test_a_capital_is_not_outvoted_by_a_namesake_town_of_the_story_country():
    """A page of US news names Amsterdam once: the Dutch capital, not Amsterdam, New York (blind
    audit 17). Where the name is its country's too (تونس، الكويت), the country keeps it."""
    text = ("قال الرئيس الأمريكي دونالد ترامب في واشنطن إن الولايات المتحدة ستفرض رسوما جديدة، وأضاف أن "
            "الاقتصاد الأمريكي قوي وأن شيكاغو تشهد نموا. وأعلنت الشرطة الهولندية، الجمعة، إطلاقها "
            "النار على مشتبه به بعد حادث طعن أدى إلى إصابة شخصين في محطة القطارات المركزية بأمستردام.")
    doc = rasid.extract(text, published="2018-09-02")
    [amsterdam] = [e for e in doc.entities if e.source == "places" and e.canonical == "Amsterdam"]
    assert amsterdam.data["cc"] == "NL"
    doc = rasid.extract("قال وزير الداخلية إن الأمن في تونس مستتب.", published="2018-09-02")
    assert [e.data["kind"] for e in doc.entities if e.source == "places"] == ["country"]


def test_compass_words_and_a_country_after_a_name_say_its_country():
    """"طرابلس شمال لبنان": the Lebanese Tripoli, though the story names Libya's capital's country
    and Tripoli (Libya) is a capital of a million."""
    text = ("قالت حكومة الوفاق في ليبيا إن الوضع مستقر. وخرجت احتجاجات في طرابلس شمال لبنان بسبب انهيار الليرة.")
    doc = rasid.extract(text, published="2019-10-20")
    [tripoli] = [e for e in doc.entities if e.source == "places" and e.canonical == "Tripoli"]
    assert tripoli.data["cc"] == "LB"


def test_an_elative_after_a_preposition_is_no_transliterated_town():
    """"في أشرس انتخابات": أفعل before a noun is a superlative, not a Turkish village read through
    its Latin name (Akşar, blind audit 17); after a type word the same spelling may be a name."""
    doc = rasid.extract("يواجه أردوغان اختبارا حاسما في أشرس انتخابات منذ سنوات في تركيا.", published="2018-06-25")
    assert [e.canonical for e in doc.entities if e.source == "places"] == ["Turkey"]


def test_a_narrow_region_is_the_storys_place():
    """A sentence with no place of its own in a story told in Eastern Ghouta is placed there, not at
    Syria's centre (blind audit 17); a broad region ("شمال سوريا") is no story place."""
    text = ("قال الجيش الروسي إن مسلحي المعارضة في الغوطة الشرقية وعدوا بالسماح للمدنيين بالخروج. "
            "وأفادت تقارير بقتل 14 مدنيا بسبب غارات شنتها القوات الحكومية ليلا.")
    [event] = rasid.extract(text, published="2018-03-05").events
    assert (event.location, event.admin1) == ("Eastern Ghouta", "Rīf Dimashq")


def test_a_place_in_a_line_pointing_to_another_story_is_not_the_storys_place():
    text = ("قالت مصادر إن القوات الحكومية تتقدم في ريف دمشق.\n"
            "اقرأ أيضا: معارك عنيفة في مدينة حلب\n"
            "وأفادت تقارير بقتل 14 مدنيا بسبب غارات شنتها القوات الحكومية ليلا في سوريا.")
    [event] = rasid.extract(text, published="2018-03-05").events
    assert event.admin1 == "Rīf Dimashq"


def test_a_country_after_fi_or_bi_says_a_towns_country():
    """"في بلدة سالزبري بإنجلترا" in a story that names the US most: England's Salisbury, read
    through its Latin name (blind audit 17); "طرابلس في لبنان" in a story of Libya: the Lebanese one."""
    text = ("قررت الولايات المتحدة فرض عقوبات على روسيا. وقالت الولايات المتحدة إن القرار نهائي. "
            "وعثر على سيرغي ويوليا سكريبال فاقدي الوعي في بلدة سالزبري بإنجلترا يوم 4 مارس.")
    doc = rasid.extract(text, published="2018-08-08")
    [town] = [e for e in doc.entities if e.source == "places" and e.data.get("transliterated")]
    assert (town.canonical, town.data["cc"]) == ("Salisbury", "GB")
    doc = rasid.extract("قالت حكومة الوفاق في ليبيا إن الوضع مستقر. وخرجت احتجاجات في طرابلس في لبنان.",
                        published="2019-10-20")
    [tripoli] = [e for e in doc.entities if e.source == "places" and e.canonical == "Tripoli"]
    assert tripoli.data["cc"] == "LB"


def test_a_persian_waw_inside_a_name_may_be_v():
    """"في مدينة ميرجاوه شرق إيران" is Mīrjāveh (Sistan and Baluchestan), not Marāgheh (blind
    comparison of 4,900 corpus articles)."""
    doc = rasid.extract("أعلنت وكالة الأنباء الإيرانية اختطاف 14 من حرس الحدود في مدينة ميرجاوه شرق إيران.",
                        published="2018-10-16")
    assert [e.canonical for e in doc.entities if e.source == "places" and e.data.get("transliterated")] == ["Mīrjāveh"]


@pytest.mark.parametrize("text, capital", [
    ("فجر انتحاري نفسه خارج وزارة الداخلية الأفغانية صباح الأربعاء.", "Kabul"),   # blind audit 17
    ("وتظاهر الآلاف، السبت، أمام البرلمان التونسي احتجاجا على توصيات اللجنة.", "Tunis"),
    ("قال مسؤول كبير في وزارة الدفاع الأفغانية إن انتحاريا فجر نفسه.", None),  # where one works
    ("وأشارت ماي، في كلمة لها أمام البرلمان البريطاني، إلى أن انتحاريا فجر نفسه.", None),  # a speech
])
def test_a_states_institution_places_the_act_in_its_capital(text, capital):
    doc = rasid.extract(text, published="2018-08-12")
    seats = [e.canonical for e in doc.entities if e.source == "places" and e.data.get("capital_word")]
    assert seats == ([capital] if capital else [])
    if capital:
        assert [e.location for e in doc.events] == [capital]


@pytest.mark.parametrize("text, country", [
    # the country that leads a side ("بقيادة")
    ("ووقعت خسائر كبيرة في المواجهات بين التنظيم والمقاتلين الأكراد المدعومين بالغارات الجوية للتحالف "
     "الدولي بقيادة الولايات المتحدة يوم الأربعاء.", ""),
    # where the body that tells of the act sits ("ومقره في")
    ("وقال المرصد السوري لحقوق الإنسان، ومقره في بريطانيا، إن 37 مقاتلا كرديا قتلوا في المعارك منذ الأربعاء.", ""),
    # the state accused of the act (متهما)
    ("وقال ليبرمان إن الضربة استهدفت البنية التحتية الإيرانية في سوريا، متهما إيران بإطلاق صواريخ ليل الأربعاء.",
     "Syria"),
])
def test_a_country_that_leads_hosts_or_is_accused_is_no_place_of_the_act(text, country):
    """Blind audit 18: the Hajin fighting placed in the United States ("التحالف الدولي بقيادة
    الولايات المتحدة") and in Britain ("المرصد ... ومقره في بريطانيا"); Iranian rockets on the
    Golan placed in Iran ("متهما إيران بإطلاق صواريخ")."""
    import rasid

    events = rasid.extract(text, published="2018-10-10").events
    assert [e.country for e in events] == [country]


def test_the_build_writes_acleds_palestine_admin1_with_the_governorate_as_admin2(tmp_path):
    """data/places/admin1_groups.tsv: a GeoNames governorate of Palestine is a part of ACLED's
    Gaza Strip or West Bank; an adm1 row of one becomes adm2. Gaza City and «قطاع غزة» then share
    an admin1, and two mentions of one act there merge (they did not: Gaza against Gaza Strip)."""
    import csv as _csv
    import gzip

    from rasid.recognize.places.build import build

    src = tmp_path / "src"
    (src / "hdx_ct_taxonomy").mkdir(parents=True)
    cols = ["ISO 3166-1 Alpha 2-Codes", "m49 numerical code", "Intermediate Region Name", "Sub-region Name",
            "English Short", "Region Name", "Latitude", "Longitude"]
    with open(src / "hdx_ct_taxonomy" / "ct_taxonomy.csv", "w", encoding="utf-8", newline="") as fh:
        w = _csv.writer(fh)
        w.writerow(cols)
        w.writerow(["PS", "275", "", "Western Asia", "Palestine", "Asia", "31.9", "35.2"])
    gcols = ["type", "name_en", "names_ar", "cc", "admin1_en", "admin1_ar", "admin2_en", "admin2_ar", "lat", "lon",
             "population", "geonameid", "src"]
    with gzip.open(src / "gazetteer_ar_full.csv.gz", "wt", encoding="utf-8", newline="") as fh:
        w = _csv.writer(fh)
        w.writerow(gcols)
        w.writerow(["adm1", "Hebron", "محافظة الخليل", "PS", "", "", "", "", "31.5", "35.1", "", "7870658", "t"])
        w.writerow(["populated_place", "Khān Yūnis", "خان يونس", "PS", "Khan Yunis", "", "", "", "31.34", "34.30",
                    "173183", "281124", "t"])
        w.writerow(["adm1", "Gaza Strip", "قطاع غزة", "PS", "", "", "", "", "31.3", "34.3", "", "281132", "t"])
    out = tmp_path / "out"
    build(src, out)
    with gzip.open(out / "gazetteer.tsv.gz", "rt", encoding="utf-8") as fh:
        rows = {r["id"]: r for r in _csv.DictReader(fh, delimiter="\t")}
    assert (rows["7870658"]["kind"], rows["7870658"]["admin1"], rows["7870658"]["admin2"]) == ("adm2", "West Bank", "Hebron")
    assert (rows["281124"]["admin1"], rows["281124"]["admin2"]) == ("Gaza Strip", "Khan Yunis")
    assert (rows["281132"]["kind"], rows["281132"]["admin1"]) == ("adm1", "Gaza Strip")
    import rasid

    ev = rasid.extract("قتل شاب فلسطيني برصاص الجيش الإسرائيلي شرق خان يونس جنوب قطاع غزة أمس.",
                       published="2018-05-11").events
    assert [(e.admin1, e.admin2) for e in ev] == [("Gaza Strip", "Khan Yunis")]


def test_a_nationality_after_a_word_for_land_names_the_country_as_a_place():
    """«داخل الأراضي السورية»: the country's land is where it happened (data/places/
    territory_words.tsv), not a side named by its adjective (blind audit 19: an Iraqi strike on an
    Islamic State room in Syria coded in Iraq); and the land a missile was fired from is not where
    it fell."""
    import rasid

    [e] = rasid.extract('أعلن العراق قصف "غرفة عمليات" لتنظيم داعش داخل الأراضي السورية، الخميس.',
                        published="2018-08-17").events
    assert e.country == "Syria"
    [e] = rasid.extract("اعترضت الدفاعات الجوية صاروخا أطلق من الأراضي اليمنية باتجاه مدينة نجران أمس.",
                        published="2018-03-26").events
    assert e.location == "Najrān"
    [e] = rasid.extract("وقال المالكي إن قوات الدفاع الجوي رصدت إطلاق صاروخ باليستي من قبل المليشيا الحوثية من "
                        "داخل الأراضي اليمنية (شمال عمران) باتجاه أراضي المملكة.", published="2018-03-26").events
    assert e.location != "‘Amrān"


def test_a_missile_aimed_at_a_town_named_after_its_type_word_in_brackets():
    """«الصاروخين كانا باتجاه مدينة (جازان)»: the word of aim stands before the type word, and the
    town it names is where the missiles were stopped, even in a story told from Yemen."""
    import rasid

    text = ("أطلقت الميليشيا الحوثية صاروخين من داخل الأراضي اليمنية من محافظة (صعدة) في اليمن. وقال "
            "المالكي إن الحوثيين في اليمن يواصلون التصعيد من محافظة صعدة اليمنية. وأوضح المالكي أن "
            "\"الصاروخين كانا باتجاه مدينة (جازان)، وقد تمكنت قوات الدفاع الجوي من اعتراض الصاروخين\".")
    events = rasid.extract(text, published="2018-08-10").events
    assert any(e.location == "Jizan" for e in events)


def test_a_hashtag_mark_does_not_hide_the_word_before_a_place():
    """Al Arabiya tags place names («مدينة #جوهانسبيرغ»، «ريف #حلب»): the word before the mark still
    says a foreign town may follow, or that it is the countryside."""
    import rasid

    doc = rasid.extract("تعرض بشير صالح لإطلاق نار مساء الجمعة في أحد أحياء مدينة #جوهانسبيرغ ثاني أكبر مدن "
                        "جمهورية جنوب إفريقيا.", published="2018-02-24")
    assert "Johannesburg" in {e.canonical for e in doc.entities if e.source == "places"}
    doc = rasid.extract("قتل ثلاثة مدنيين في قصف على ريف #حلب أمس.", published="2018-02-24")
    [aleppo] = [e for e in doc.entities if e.source == "places"]
    assert aleppo.data["modifier"] == "rif"
