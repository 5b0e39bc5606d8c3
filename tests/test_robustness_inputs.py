"""Malformed inputs to the CLI, the reader and the HTTP API (issue 12): one clear line per bad
document, the other documents processed, never a traceback."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from rasid.cli.main import app
from rasid.inputs import DocInput, InputProblem, read_inputs, replace_surrogates

ARTICLE = "قتل ثلاثة مدنيين أمس الإثنين في قصف جوي على مدينة إدلب."
runner = CliRunner()


def extract(*args, input=None):
    return runner.invoke(app, ["extract", *args, "--published", "2024-03-14"], input=input)


def docs_of(result) -> list[dict]:
    return [json.loads(ln) for ln in result.stdout.splitlines() if ln.strip()]


def _no_traceback(result) -> None:
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


@pytest.fixture
def good(tmp_path):
    p = tmp_path / "good.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    return p


BAD_FILES = {
    "truncated.txt": (ARTICLE.encode("utf-8")[:-2], "truncated UTF-8"),
    "cp1256.txt": (ARTICLE.encode("cp1256"), "not UTF-8"),
    "page.txt": (b"<!DOCTYPE html>\n<html lang=\"ar\"><body><p>" + ARTICLE.encode() + b"</p></body></html>",
                 "HTML page"),
    "page.html": (b"  <!-- saved -->\n<HTML><head><title>x</title></head></HTML>", "HTML page"),
    "blank.txt": (b" \n\t\r\n \xc2\xa0", "empty file"),
    "empty.jsonl": (b"", "empty file"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_is_one_clear_line_and_the_rest_is_processed(tmp_path, good, name):
    raw, message = BAD_FILES[name]
    bad = tmp_path / name
    bad.write_bytes(raw)
    r = extract(str(bad), str(good))
    _no_traceback(r)
    assert r.exit_code == 1
    assert message in r.stderr and name in r.stderr
    (doc,) = docs_of(r)
    assert doc["id"] == "good" and doc["events"]


@pytest.mark.parametrize("encoding,bom", [("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"),
                                          ("utf-16-be", b"\xfe\xff"), ("utf-16-le", b""),
                                          ("utf-16-be", b"")])
def test_bom_and_utf16_files_are_read(tmp_path, encoding, bom):
    p = tmp_path / "a.txt"
    p.write_bytes(bom + (ARTICLE + "\r\n").encode(encoding))
    (item,) = list(read_inputs([str(p)]))
    assert isinstance(item, DocInput)
    assert item.text.strip() == ARTICLE
    r = extract(str(p))
    assert r.exit_code == 0, r.stderr
    (doc,) = docs_of(r)
    assert doc["events"][0]["fatalities"] == 3


def test_utf8_text_is_not_mistaken_for_utf16(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(("abc def " * 20 + ARTICLE).encode("utf-8"))
    (item,) = list(read_inputs([str(p)]))
    assert item.text.endswith(ARTICLE)


def test_jsonl_empty_whitespace_and_broken_lines(tmp_path):
    lines = [
        json.dumps({"id": "a", "text": ARTICLE}, ensure_ascii=False),
        "",
        "   \t",
        "\r",
        '{"id": "b", "text": "  \\n "}',
        '{"id": "c", "text": "قتل',  # truncated JSON
        '["not", "an", "object"]',
        '{"id": "d", "text": 5}',
        "[" * 100_000,  # nested too deeply for the JSON parser
        json.dumps({"id": "e", "text": ARTICLE}, ensure_ascii=False),
    ]
    p = tmp_path / "in.jsonl"
    p.write_text("\r\n".join(lines), encoding="utf-8")
    r = extract(str(p))
    _no_traceback(r)
    assert r.exit_code == 1
    assert [d["id"] for d in docs_of(r)] == ["a", "e"]
    for n in (5, 6, 7, 8, 9):
        assert f"in.jsonl:{n}:" in r.stderr
    assert "in.jsonl:2:" not in r.stderr and "in.jsonl:3:" not in r.stderr


def test_jsonl_text_may_hold_line_separators(tmp_path):
    # json.dumps(ensure_ascii=False) leaves U+2028, U+0085 and form feeds unescaped; they are
    # not line ends in JSON Lines (str.splitlines() split on them: regression)
    body = ARTICLE + "\u2028" + "وقال\x85المرصد\x0c" + ARTICLE
    p = tmp_path / "in.jsonl"
    p.write_text(json.dumps({"id": "a", "text": body}, ensure_ascii=False) + "\n", encoding="utf-8")
    items = list(read_inputs([str(p)]))
    assert len(items) == 1 and isinstance(items[0], DocInput), items
    assert items[0].text == body


def test_jsonl_with_one_non_utf8_line_keeps_the_others(tmp_path):
    p = tmp_path / "in.jsonl"
    p.write_bytes(b"\xef\xbb\xbf" + json.dumps({"id": "a", "text": ARTICLE}).encode() + b"\n"
                  + b'{"id": "b", "text": "\xe9t\xe9"}\n'
                  + json.dumps({"id": "c", "text": ARTICLE}).encode() + b"\n")
    items = list(read_inputs([str(p)]))
    assert [type(i).__name__ for i in items] == ["DocInput", "InputProblem", "DocInput"]
    assert str(items[1]).startswith(f"{p}:2: not UTF-8")


def test_lone_surrogate_escapes_do_not_break_the_output(tmp_path):
    p = tmp_path / "in.jsonl"
    p.write_text('{"id": "a\\ud800", "text": "\\udc00' + ARTICLE + '\\ud83d"}\n', encoding="utf-8")
    r = extract(str(p))
    assert r.exit_code == 0, r.stderr
    (doc,) = docs_of(r)
    assert doc["id"] == "a\ufffd" and doc["events"]
    span = doc["events"][0]["trigger"]
    assert (ARTICLE + "\ufffd")[span["start"] - 1:span["end"] - 1] == span["text"]


def test_replace_surrogates_keeps_offsets():
    s = "a\ud800b\U0001f600c\udfff"
    out = replace_surrogates(s)
    assert len(out) == len(s)
    assert out == "a\ufffdb\U0001f600c\ufffd"
    out.encode("utf-8")
    assert replace_surrogates(ARTICLE) is ARTICLE


def test_stdin_html_page_and_nul_bytes():
    r = extract("-", input="<html><body>" + ARTICLE + "</body></html>")
    assert r.exit_code == 1 and "HTML page" in r.stderr
    r = extract("-", input="\x00" + ARTICLE.replace(" ", " \x00") + "\x00")
    assert r.exit_code == 0, r.stderr
    (doc,) = docs_of(r)
    assert doc["events"][0]["fatalities"] == 3


def test_html_tags_inside_plain_text_are_still_text(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("قال المرصد <b>إن</b> " + ARTICLE, encoding="utf-8")
    (item,) = list(read_inputs([str(p)]))
    assert isinstance(item, DocInput)


def test_max_chars_refuses_large_documents_and_processes_the_rest(tmp_path, good):
    big = tmp_path / "big.txt"
    big.write_text(ARTICLE * 10, encoding="utf-8")
    r = extract(str(big), str(good), "--max-chars", str(len(ARTICLE) * 5))
    _no_traceback(r)
    assert r.exit_code == 1
    assert "big.txt: document too large" in r.stderr and "--max-chars" in r.stderr
    assert [d["id"] for d in docs_of(r)] == ["good"]
    # a higher limit than the default is honoured too, and the default pipeline is untouched
    r = extract(str(big), "--max-chars", "2000000")
    assert r.exit_code == 0, r.stderr
    from rasid.pipeline import MAX_CHARS_DEFAULT, default_pipeline

    assert default_pipeline().max_chars == MAX_CHARS_DEFAULT


def test_max_chars_must_be_positive(good):
    r = extract(str(good), "--max-chars", "0")
    _no_traceback(r)
    assert r.exit_code == 2


def test_default_limit_is_one_million_characters(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("ا" * 1_000_001, encoding="utf-8")
    r = extract(str(big))
    assert r.exit_code == 1
    assert "document too large (1000001 characters; limit 1000000)" in r.stderr


def test_reader_never_raises_on_arbitrary_bytes(tmp_path):
    from hypothesis import given, settings, strategies as st

    @settings(max_examples=300, deadline=None)
    @given(raw=st.binary(max_size=300), suffix=st.sampled_from([".txt", ".jsonl"]))
    def check(raw, suffix):
        p = tmp_path / f"x{suffix}"
        p.write_bytes(raw)
        for item in read_inputs([str(p)]):
            assert isinstance(item, (DocInput, InputProblem))
            if isinstance(item, DocInput):
                item.text.encode("utf-8")  # always writable
            else:
                assert "\n" not in str(item)

    check()


# -- HTTP API -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def client():
    pytest.importorskip("fastapi")
    pytest.importorskip("httpx")
    from fastapi.testclient import TestClient

    from rasid.serve.api import create_app

    return TestClient(create_app(), raise_server_exceptions=False)


@pytest.mark.parametrize("body,status", [
    (b'{"text": "\\ud800 ' + ARTICLE.encode() + b'", "source": "\\udfff"}', 200),  # was a 500
    (b'{"text": "a\\u0000b ' + ARTICLE.encode() + b'"}', 200),
    ('{"text": "قتل\u2028أمس"}'.encode(), 200),
    (b"\xef\xbb\xbf" + json.dumps({"text": ARTICLE}).encode(), 200),
    (json.dumps({"text": ARTICLE}).encode("utf-16"), 200),
    (b'{"text": "' + ARTICLE.encode()[:-2] + b'"}', 400),  # truncated UTF-8
    (b"<html><body>" + ARTICLE.encode() + b"</body></html>", 422),
    (b'{"text": " \\n\\t "}', 422),
    (b"", 422),
])
def test_api_malformed_bodies(client, body, status):
    r = client.post("/api/extract", content=body, headers={"content-type": "application/json"})
    assert r.status_code == status, r.text
    data = r.json()
    if status == 200:
        assert isinstance(data["events"], list)
    else:
        assert data["detail"] and "Traceback" not in r.text


def test_api_document_over_the_limit(client):
    r = client.post("/api/extract", json={"text": "ا" * 1_000_001})
    assert r.status_code in (413, 422)
    assert "too large" in r.json()["detail"].lower()
