"""HTML reader: line structure, dropped page furniture, mailto addresses, title and date."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from importers.errors import ReadError
from importers.readers import read_document
from importers.readers.html import declared_charset, html_to_text, parse_html
from importers.readers.html_depth import MAX_DEPTH, flatten_deep_nesting

REPO = Path(__file__).resolve().parents[2]


def page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


def test_press_release_fixture_reads_as_lines(fixtures: Path) -> None:
    document = read_document(fixtures / "readers" / "press_release.html")
    assert document.format == "html"
    assert document.title == "Harbour Cities Forum opens in spring – Northbridge Institute"
    assert document.reference_date == date(2031, 2, 14)
    # headings and paragraphs stand apart, as on the page: a blank line around each
    assert document.text.split("\n") == [
        "Harbour Cities Forum opens in spring",
        "",
        "The third Harbour Cities Forum brings together mayors & planners.",
        "It runs for two days.",
        "",
        "Keynote: Dr Amal Haddad",
        "Panel moderator: Jonas Vermeer",
        "Time | Session",
        "09:00 | Opening",
        "",
        "Press contact: Lena Fischbach, press@northbridge.example, "
        "or write to Lena (l.fischbach@northbridge.example).",
    ]


def test_scripts_styles_navigation_forms_and_page_chrome_are_dropped() -> None:
    markup = page(
        "<header>Site banner</header><nav>Menu</nav><main><p>Body text</p>"
        "<script>alert(1)</script><style>p{}</style><noscript>no js</noscript>"
        "<template><p>tpl</p></template><form>Subscribe</form><aside>Related</aside>"
        "<p hidden>secret</p><p style='display: none'>also secret</p></main>"
        "<footer>Copyright</footer>"
    )
    assert html_to_text(markup) == "Body text"


def test_header_inside_an_article_is_kept() -> None:
    markup = page("<article><header><h1>Forum day</h1></header><p>Text</p></article>")
    assert html_to_text(markup) == "Forum day\n\nText"


def test_blocks_and_breaks_end_lines_but_inline_elements_do_not() -> None:
    markup = page(
        "<h1>Programme</h1><p>Opening by <b>the</b> <i>chair</i>, "
        "<a href='/x'>details</a>.<br>Second line</p><div>Block <span>one</span></div>"
        "<ol><li>First</li><li>Second</li></ol>"
    )
    assert html_to_text(markup) == (
        "Programme\n\nOpening by the chair, details.\nSecond line\n\nBlock one\nFirst\nSecond"
    )


def test_whitespace_is_collapsed_and_blank_lines_are_limited_to_one() -> None:
    markup = page("<p>  many \n\t spaces&nbsp;here </p><br><br><br><br><p>after</p><p></p><p> </p>")
    assert html_to_text(markup) == "many spaces here\n\nafter"


def test_entities_are_decoded() -> None:
    assert (
        html_to_text(page("<p>Caf&eacute; &amp; &#8220;bar&#8221; &lt;3</p>")) == "Café & “bar” <3"
    )


def test_preformatted_text_keeps_its_lines() -> None:
    assert html_to_text(page("<pre>09:00  Opening\n10:00  Panel</pre>")) == (
        "09:00  Opening\n10:00  Panel"
    )


def test_table_rows_are_lines_with_cells_joined() -> None:
    markup = page("<table><tr><th>Name</th><th>Role</th></tr><tr><td>A</td><td>B</td></tr></table>")
    assert html_to_text(markup) == "Name | Role\nA | B"


def test_mailto_address_is_appended_when_the_link_text_hides_it() -> None:
    markup = page(
        "<p>Write to <a href='mailto:info@forum.example?subject=Hi'>our office</a>.</p>"
        "<p><a href='MAILTO:desk@forum.example'>desk@forum.example</a></p>"
        "<p>Icon link <a href='mailto:icon@forum.example'><img src='x.png'></a></p>"
    )
    assert html_to_text(markup) == (
        "Write to our office (info@forum.example).\n\n"
        "desk@forum.example\n\n"
        "Icon link icon@forum.example"
    )


def test_text_a_page_shows_on_demand_is_read_after_its_element() -> None:
    markup = page(
        "<div class='card' data-bio='Ana Lund is a planner at Harbour Works.'>"
        "<a>Ana Lund</a><div>Harbour Works</div></div>"
    )
    assert (
        html_to_text(markup) == "Ana Lund\nHarbour Works\nAna Lund is a planner at Harbour Works."
    )


@pytest.mark.parametrize(
    "head",
    [
        '<meta property="article:published_time" content="2031-05-06T08:00:00Z">',
        '<meta name="date" content="2031-05-06">',
        '<meta name="DC.date" content="2031-05-06">',
        '<meta name="dcterms.issued" content="2031/05/06">',
        '<meta name="pubdate" content="20310506">',
        '<script type="application/ld+json">{"@graph": [{"datePublished": "2031-05-06"}]}</script>',
    ],
)
def test_publication_date_comes_from_metadata(head: str) -> None:
    assert parse_html(page("<p>x</p>", head)).published == date(2031, 5, 6)


def test_publication_date_comes_from_time_element() -> None:
    markup = page("<p>Posted <time datetime='2031-05-06T10:00+02:00'>6 May</time></p>")
    assert parse_html(markup).published == date(2031, 5, 6)


def test_meta_date_wins_over_an_event_time_in_the_body() -> None:
    markup = page(
        "<p>The forum is on <time datetime='2031-09-01'>1 September</time></p>",
        '<meta name="date" content="2031-05-06">',
    )
    assert parse_html(markup).published == date(2031, 5, 6)


def test_page_without_date_has_none() -> None:
    assert parse_html(page("<p>Undated <time>soon</time></p>")).published is None


def test_title_falls_back_to_first_h1() -> None:
    content = parse_html(page("<main><h1>Ports  forum</h1><p>x</p></main>"))
    assert content.title == "Ports forum"


def test_declared_charset_is_used_for_legacy_pages(tmp_path: Path) -> None:
    markup = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1250">'
    )
    markup += "</head><body><p>Győr, Łódź</p></body></html>"
    path = tmp_path / "page.htm"
    path.write_bytes(markup.encode("cp1250"))
    assert declared_charset(path.read_bytes()) == "windows-1250"
    assert read_document(path).text == "Győr, Łódź"


def test_iso_8859_1_label_is_read_as_windows_1252(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(b'<meta charset="iso-8859-1"><p>\x93quoted\x94 caf\xe9</p>')
    assert read_document(path).text == "“quoted” café"


def test_utf16_page_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "page.xhtml"
    path.write_bytes(page("<p>Zürich forum</p>").encode("utf-16"))
    assert read_document(path).text == "Zürich forum"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "the file is empty"),
        (b"   \n ", "the file holds only whitespace"),
        (
            b"<html><head><title>t</title><script>x()</script></head><body> </body></html>",
            "the page has no visible text",
        ),
        (bytes(range(256)) * 4, "binary data, not text"),
        (b"%PDF-1.4\n1 0 obj", "a PDF file, not HTML (wrong file extension?)"),
    ],
)
def test_bad_html_files_give_one_line_read_errors(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "bad.html"
    path.write_bytes(data)
    with pytest.raises(ReadError) as caught:
        read_document(path)
    assert str(caught.value) == f"{path}: {reason}"


def test_deeply_nested_markup_does_not_exhaust_the_stack() -> None:
    markup = "<div>" * 5000 + "deep" + "</div>" * 5000
    assert html_to_text(markup) == "deep"


def _depth(markup: str) -> int:
    """Deepest nesting of <div> and <span> in ``markup``."""
    depth = deepest = 0
    for tag in re.findall(r"</?(?:div|span)>", markup):
        depth += -1 if tag.startswith("</") else 1
        deepest = max(deepest, depth)
    return deepest


def test_nesting_deeper_than_the_limit_is_flattened_and_its_text_kept() -> None:
    markup = "<body>" + "<div>" * 2000 + "deep <b>text</b>" + "</div>" * 2000 + "after</body>"
    flat = flatten_deep_nesting(markup)
    assert _depth(flat) == MAX_DEPTH
    assert re.sub("<[^>]*>", "", flat) == "deep textafter"
    assert html_to_text(markup) == "deep text\nafter"


def test_shallow_pages_are_left_as_they_are() -> None:
    page = "<ul>" + "<li><span>item</span>" * 3000 + "</ul><p>" * 10 + "<div>x</div>"
    assert flatten_deep_nesting(page) is page


def test_200000_nested_divs_are_read_without_hanging(tmp_path: Path) -> None:
    """The HTML parser took 109 s on this page (its time grows faster than the square of the
    depth); flattened first, it is read at once. The time limit only guards against a hang."""
    path = tmp_path / "nested.html"
    n = 200_000
    path.write_text("<html><body>" + "<div>" * n + "Nested forum" + "</div>" * n + "</body></html>")
    code = f"from importers.readers import read_document; print(read_document({str(path)!r}).text)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=REPO
    )
    assert result.stdout == "Nested forum\n", result.stderr
