"""The shipped CRF model: tags obvious names, keeps tokens in the CLI, maps spans to the text."""

from pathlib import Path

from typer.testing import CliRunner

from rasid.model import Document
from rasid.recognize.names import NameRecognizer, tag
from rasid.recognize.names.conll import read_conll
from rasid.text import prepare

FIX = Path(__file__).parent / "fixtures"


def test_tag_finds_person_and_place():
    toks = "قال الرئيس السوري بشار الأسد في دمشق إن الحرب ستنتهي .".split()
    tags = tag(toks)
    assert len(tags) == len(toks)
    assert tags[3] == "B-PERS" and tags[4] == "I-PERS"
    assert tags[6] == "B-LOC"
    assert tags[0] == "O" and tags[-1] == "O"


def test_tag_finds_organisation():
    toks = "أعلن الاتحاد الأوروبي فرض عقوبات جديدة على إيران .".split()
    tags = tag(toks)
    assert tags[1:3] == ["B-ORG", "I-ORG"]
    assert tags[7] == "B-LOC"
    assert tags[3] == "O"


def test_tag_empty_and_valid_labels():
    assert tag([]) == []
    labels = {"O"} | {f"{p}-{t}" for p in "BI" for t in ("PERS", "LOC", "ORG", "MISC")}
    assert set(tag("ذهب محمد إلى القاهرة ثم إلى باريس".split())) <= labels


def test_recognizer_offsets_into_original_text():
    text = "وقال الرئيسُ الأمريكي دونالد ترامب في واشنطن، إن بلاده ستدعم الأمم المتحدة.\n" \
           "ووصل وزير الخارجية الروسي سيرغي لافروف إلى بغداد أمس."
    doc = Document(text=text)
    prepare(doc)
    NameRecognizer()(doc)
    assert doc.entities
    for e in doc.entities:
        assert text[e.start:e.end] == e.text
        assert e.source == "ner"
        assert e.type in {"PER", "LOC", "ORG", "MISC"}
    found = {(e.text, e.type) for e in doc.entities}
    assert ("دونالد ترامب", "PER") in found
    assert ("واشنطن", "LOC") in found
    assert ("بغداد", "LOC") in found  # proclitic-free span


def test_recognizer_strips_leading_preposition():
    text = "وصل الوفد إلى دمشق ثم عاد لبغداد وغادر بيروت."
    doc = Document(text=text)
    prepare(doc)
    NameRecognizer()(doc)
    texts = {e.text for e in doc.entities if e.type == "LOC"}
    assert "بغداد" in texts
    assert "دمشق" in texts


def test_cli_ner_round_trip_keeps_tokens(tmp_path):
    import typer

    from rasid.cli.ner import register

    app = typer.Typer()
    register(app)
    out = tmp_path / "out.conll"
    res = CliRunner().invoke(app, ["ner", str(FIX / "ner_sample.conll"), "-o", str(out)])
    assert res.exit_code == 0, res.output
    with open(FIX / "ner_sample.conll", encoding="utf-8") as fh:
        gold = list(read_conll(fh))
    with open(out, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
        pred = list(read_conll(lines))
    assert [t for t, _ in pred] == [t for t, _ in gold]
    assert all(len(ln.split()) == 2 for ln in lines if ln.strip())
    assert pred[0][1][3] == "B-PERS"


def test_cli_eval_ner_prints_scores():
    import typer

    from rasid.cli.ner import register

    app = typer.Typer()
    register(app)
    res = CliRunner().invoke(app, ["eval-ner", str(FIX / "ner_sample.conll")])
    assert res.exit_code == 0, res.output
    assert "overall" in res.output and "PERS" in res.output


def test_cli_ner_missing_file_is_one_line_error(tmp_path):
    import typer

    from rasid.cli.ner import register

    app = typer.Typer()
    register(app)
    res = CliRunner().invoke(app, ["ner", str(tmp_path / "nope.conll")])
    assert res.exit_code != 0
    assert "Traceback" not in res.output
