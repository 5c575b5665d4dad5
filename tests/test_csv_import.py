"""``import-csv`` on broken spreadsheets (issue 15): nothing read in part, nothing lost without a
report, every report on the file's physical line, never a traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sphinx_ga4gh.cli import main
from sphinx_ga4gh.data.csv_import import CsvError, read_registry_csv
from sphinx_ga4gh.data.tools import parse_tool_registry
from sphinx_ga4gh.data.yaml_source import load_yaml


def _import(tmp_path: Path, content: str | bytes, *options: str) -> tuple[int, Path]:
    """The status of one import of ``content`` as tools.csv, and the YAML path."""
    source = tmp_path / "tools.csv"
    if isinstance(content, str):
        source.write_text(content, "utf-8", newline="")
    else:
        source.write_bytes(content)
    out = tmp_path / "registry.yml"
    return main(["import-csv", *options, str(source), str(out)]), out


def _problems(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> tuple[list[str], str]:
    captured = capsys.readouterr()
    return captured.out.replace(f"{tmp_path}/", "").splitlines(), captured.err


def test_an_unclosed_quote_is_refused_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rc, out = _import(
        tmp_path,
        "id,name,description\n"
        "beacon,Beacon v2,Asks whether.\n"
        'htsget,htsget,"Streams reads, and\n'
        "duo,Data Use Ontology,Terms of use.\n",
    )
    problems, err = _problems(capsys, tmp_path)
    assert rc == 1
    assert not out.exists()  # not "2 tools", one of them holding the next row
    assert problems == [
        "tools.csv:3: ga4gh.data: the quote opened at line 3 is never closed (it would take "
        "every row after it into one cell); nothing is imported"
    ]
    assert "Nothing written" in err


def test_a_quote_closed_rows_later_is_refused_at_the_line_it_opened(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rc, out = _import(
        tmp_path,
        'id,name,description\nbeacon,Beacon v2,"Asks whether\nhtsget,htsget,"Streams",x\n',
    )
    problems, _ = _problems(capsys, tmp_path)
    assert rc == 1 and not out.exists()
    assert problems[0].startswith("tools.csv:2: ga4gh.data: the quote opened at line 2 closes")
    assert "only at line 3" in problems[0]


def test_text_after_a_closing_quote_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rc, out = _import(tmp_path, 'id,name\nbeacon,"Beacon" v2\n')
    problems, _ = _problems(capsys, tmp_path)
    assert rc == 1 and not out.exists()
    assert problems[0].startswith("tools.csv:2: ga4gh.data: malformed CSV at line 2")


def test_multi_line_cells_keep_the_physical_lines(tmp_path: Path) -> None:
    source = tmp_path / "tools.csv"
    source.write_text(
        "id,name,description\n"
        'beacon,Beacon v2,"Asks whether,\nnot what,\r\nand says yes or no."\n'
        "htsget,,Streams reads.\n"
        "beacon,Beacon again,\r"  # an old Mac line end
        "duo,,\n",
        "utf-8",
        newline="",
    )
    entries, problems = read_registry_csv(source)
    assert entries[0]["description"] == "Asks whether,\nnot what,\r\nand says yes or no."
    assert [(p.location.line, p.message.split(";")[0]) for p in problems] == [
        (5, "row without 'name'"),
        (6, "duplicate tool id 'beacon' (first at line 2)"),
        (7, "row without 'name'"),
    ]


def test_repeated_columns_keep_the_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rc, out = _import(
        tmp_path,
        "id,Name,name,biotools,Registry.BioTools\nbeacon,Beacon v2,Other name,b1,b2\n",
    )
    problems, _ = _problems(capsys, tmp_path)
    assert rc == 1
    assert problems == [
        "tools.csv:1: ga4gh.data: column 3 ('name') repeats column 2 ('Name'); the first is "
        "used, this one is left out",
        "tools.csv:1: ga4gh.data: column 5 ('Registry.BioTools') repeats column 4 "
        "('biotools'); the first is used, this one is left out",
    ]
    (beacon,), _ = parse_tool_registry(load_yaml(out), str(out))
    assert (beacon.name, beacon.registry) == ("Beacon v2", {"biotools": "b1"})


def test_cells_beyond_the_header_are_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rc, _ = _import(tmp_path, "id,name\nbeacon,Beacon v2,,\nhtsget,htsget,a server\n")
    problems, _ = _problems(capsys, tmp_path)
    assert rc == 1
    # Empty trailing cells (a spreadsheet's habit) are no loss; text is.
    assert problems == [
        "tools.csv:3: ga4gh.tool: row with 3 cells, the header has 2; the cells after column "
        "2 are left out (first: 'a server')"
    ]


def test_undecodable_bytes_are_refused_with_line_and_byte(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cp1252 = "id,name,description\nbeacon,Beacon v2,Asks \u2013 café\n".encode("cp1252")
    rc, out = _import(tmp_path, cp1252)
    problems, _ = _problems(capsys, tmp_path)
    assert rc == 1 and not out.exists()
    assert problems == [
        "tools.csv:2: ga4gh.data: byte(s) 96 at line 2, byte 23 of the line are not utf-8; "
        "export the file as CSV UTF-8, or name its encoding (--encoding cp1252 for an old "
        "Excel export)"
    ]
    rc, out = _import(tmp_path, cp1252, "--encoding", "cp1252")
    assert rc == 0
    (beacon,), _ = parse_tool_registry(load_yaml(out), str(out))
    assert beacon.description == "Asks \u2013 café"


def test_an_unknown_encoding_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc, out = _import(tmp_path, "id,name\n", "--encoding", "klingon")
    assert rc == 2 and not out.exists()
    assert "unknown encoding 'klingon'" in capsys.readouterr().err


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "utf-16-be", "utf-32"])
def test_byte_order_marks_name_the_encoding(tmp_path: Path, codec: str) -> None:
    source = tmp_path / "tools.csv"
    data = "id,name\nbeacon,Bé\n".encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    source.write_bytes(data)
    entries, problems = read_registry_csv(source)
    assert (entries, problems) == ([{"id": "beacon", "name": "Bé"}], [])


def test_utf16_without_a_byte_order_mark_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "tools.csv"
    source.write_bytes("id,name\nbeacon,Beacon\n".encode("utf-16-le"))
    with pytest.raises(CsvError) as raised:
        read_registry_csv(source)
    assert raised.value.diagnostic.location.line == 1
    assert "NUL bytes" in raised.value.diagnostic.message


def test_a_long_cell_is_imported_whole(tmp_path: Path) -> None:
    source = tmp_path / "tools.csv"
    description = "A very long description. " * 10_000  # 250,000 characters
    source.write_text(f'id,name,description\nbeacon,Beacon,"{description}"\n', "utf-8")
    entries, problems = read_registry_csv(source)
    assert problems == [] and entries[0]["description"] == description.strip()


def test_the_csv_file_is_never_its_own_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "tools.csv"
    source.write_text("id,name\nbeacon,Beacon\n", "utf-8")
    link = tmp_path / "registry.yml"
    link.symlink_to(source)
    hard = tmp_path / "hard.csv"
    os.link(source, hard)
    for out in (str(source), str(tmp_path / "." / "tools.csv"), str(link), str(hard)):
        assert main(["import-csv", "--force", str(source), out]) == 2
        assert "is the CSV file itself" in capsys.readouterr().err
    assert source.read_text("utf-8") == "id,name\nbeacon,Beacon\n"


def test_an_output_that_cannot_be_written_is_no_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "registry.yml").mkdir()
    rc, _ = _import(tmp_path, "id,name\nbeacon,Beacon\n", "--force")
    assert rc == 2
    assert "cannot write" in capsys.readouterr().err
