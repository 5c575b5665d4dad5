"""Data files: line-aware YAML, validation of each entry (SPEC §3, §7)."""

from __future__ import annotations

from pathlib import Path

from sphinx_ga4gh.data.site import load_site_data
from sphinx_ga4gh.data.urls import is_safe_image_url, is_safe_url
from sphinx_ga4gh.data.yaml_source import load_yaml
from sphinx_ga4gh.pages.front_matter import front_matter, type_label


def write(base: Path, name: str, text: str) -> Path:
    path = base / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def messages(site_diagnostics: list) -> list[str]:
    return [f"{d.location.line}:{d.subtype}:{d.message}" for d in site_diagnostics]


def test_registry_entries_and_badges(tmp_path: Path) -> None:
    write(
        tmp_path,
        "_data/tool_and_resource_list.yml",
        "- id: beacon\n  name: Beacon v2\n  url: https://b.example.org/\n  type: standard\n"
        "  registry:\n    biotools: beacon\n    fairsharing: NA\n    tess: Beacon v2\n"
        "    europmc: 35297548\n    fairsharing-coll: bsg-c1\n",
    )
    site = load_site_data(tmp_path, None, None, None)
    assert site.diagnostics == []
    beacon = site.tools["beacon"]
    assert beacon.location.line == 1
    assert [(b.kind, b.label, b.url) for b in beacon.badges()] == [
        ("website", "Website", "https://b.example.org/"),
        ("biotools", "Tool info", "https://bio.tools/beacon"),
        ("fairsharing-coll", "Standards/Databases", "https://fairsharing.org/bsg-c1"),
        ("tess", "Training", "https://tess.elixir-europe.org/search?q=Beacon%20v2"),
        ("europmc", "Publication", "https://europepmc.org/article/MED/35297548"),
    ]


def test_malformed_yaml_names_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, "tools.yml", "- id: a\n  name: A\n- id: b\n  name: [unclosed\n")
    site = load_site_data(tmp_path, "tools.yml", None, None)
    [problem] = site.diagnostics
    assert problem.is_error
    assert problem.subtype == "data"
    assert problem.location.path == str(path)
    assert problem.location.line == 5
    assert "column 1" in problem.message
    assert site.tools == {}


def test_missing_id_name_and_bad_url(tmp_path: Path) -> None:
    write(
        tmp_path,
        "tools.yml",
        "- name: No id\n"  # line 1
        "- id: noname\n"  # line 2
        "- id: bad\n  name: Bad\n  url: javascript:alert(1)\n"  # lines 3-5
        "- just a string\n",  # line 6
    )
    site = load_site_data(tmp_path, "tools.yml", None, None)
    found = messages(site.diagnostics)
    assert "1:tool:tool entry has no 'id'; it is skipped" in found
    assert "2:tool:tool 'noname' has no 'name'; its id is shown instead" in found
    assert any(m.startswith("5:tool:tool 'bad': url 'javascript:alert(1)'") for m in found)
    assert "6:tool:tool entry 4 is not a mapping; it is skipped" in found
    assert site.tools["noname"].name == "noname"
    assert site.tools["bad"].url is None


def test_duplicate_id_across_files_names_both(tmp_path: Path) -> None:
    first = write(tmp_path, "a.yml", "- id: x\n  name: First\n")
    second = write(tmp_path, "b.yml", "- id: y\n  name: Y\n- id: x\n  name: Second\n")
    site = load_site_data(tmp_path, ["a.yml", "b.yml"], None, None)
    [problem] = site.diagnostics
    assert str(problem.location) == f"{second}:3"
    assert f"{first}:1" in problem.message
    assert site.tools["x"].name == "First"


def test_configured_file_missing_is_error_default_missing_is_not(tmp_path: Path) -> None:
    assert load_site_data(tmp_path, None, None, None).diagnostics == []
    site = load_site_data(tmp_path, "nope.yml", None, None)
    [problem] = site.diagnostics
    assert problem.is_error and "nope.yml" in problem.message


def test_contributors_and_affiliations(tmp_path: Path) -> None:
    write(
        tmp_path,
        "_data/CONTRIBUTORS.yml",
        "Ada Lovelace:\n  git: ada\n  orcid: 0000-0002-1825-0097\n  role: editor\n"
        "Alan Turing:\n"
        "Grace Hopper:\n  image_url: javascript:x\n",
    )
    write(
        tmp_path,
        "_data/affiliations.yml",
        "- name: GA4GH\n  url: https://ga4gh.example.org\n  image_url: /images/ga4gh.png\n"
        "- name: GA4GH\n  url: https://dup.example.org\n"
        "- url: https://nameless.example.org\n",
    )
    site = load_site_data(tmp_path, None, None, None)
    assert set(site.contributors) == {"Ada Lovelace", "Alan Turing", "Grace Hopper"}
    assert site.contributors["Ada Lovelace"].git == "ada"
    assert site.contributors["Grace Hopper"].image_url == ""
    assert site.affiliations["GA4GH"].image_url == "/images/ga4gh.png"
    found = messages(site.diagnostics)
    assert any(m.startswith("7:contributor:contributor 'Grace Hopper': image_url") for m in found)
    assert any(m.startswith("4:affiliation:duplicate affiliation 'GA4GH'") for m in found)
    assert any(m.startswith("6:affiliation:affiliation entry has no 'name'") for m in found)


def test_url_safety() -> None:
    assert is_safe_url("https://x.org/a")
    assert is_safe_url("mailto:a@b.org")
    assert not is_safe_url("javascript:alert(1)")
    assert not is_safe_url("ftp://x.org")
    assert not is_safe_url("www.example.org")
    assert is_safe_image_url("/images/logo.png")
    assert not is_safe_image_url("javascript:alert(1)")
    assert not is_safe_image_url("//evil.example.org/x.png")


def test_keys_are_names_as_written(tmp_path: Path) -> None:
    """YAML 1.1 reads `NO:` as false: Norway in countries.yml must stay "NO"."""
    path = tmp_path / "countries.yml"
    path.write_text("NO: Norway\nSE: Sweden\n2021: a year\n", "utf-8")
    assert dict(load_yaml(path)) == {"NO": "Norway", "SE": "Sweden", "2021": "a year"}


def test_a_type_label_keeps_its_capitals() -> None:
    assert type_label("GA4GH_API") == "GA4GH API"
    assert type_label("data_sharing") == "Data sharing"
    assert type_label("legal_ethical") == "Legal and ethical"


def test_an_empty_front_matter_value_is_empty_not_null() -> None:
    # myst-parser stores `type:` with no value as the text "null"
    matter = front_matter({"type": "null", "page_id": "null", "description": "null"})
    assert (matter.type, matter.page_id, matter.description) == ("", "", "")
    assert front_matter({"title": "Beacon v2"}).title == "Beacon v2"


def test_data_files_are_found_as_jekyll_finds_them(tmp_path: Path) -> None:
    """``X.yml`` or ``X.yaml``; supporters in ``affiliations`` or the theme's ``supported_by``;
    countries from the site's file over the packaged ISO 3166 names."""
    write(tmp_path, "_data/tool_and_resource_list.yaml", "- id: t\n  name: T\n")
    write(tmp_path, "_data/CONTRIBUTORS.yaml", "Ada:\n  git: ada\n")
    write(tmp_path, "_data/supported_by.yml", "- name: Org\n  type: funder\n  expose: true\n")
    write(tmp_path, "_data/countries.yaml", "be: Belgique\n")
    site = load_site_data(tmp_path, None, None, None)
    assert site.diagnostics == []
    assert list(site.tools) == ["t"]
    assert list(site.contributors) == ["Ada"]
    org = site.affiliations["Org"]
    assert (org.type, org.expose) == ("funder", True)
    assert [p.name for p in site.affiliation_files] == ["supported_by.yml"]
    assert site.countries["BE"] == "Belgique"  # the site's name wins
    assert site.countries["SE"] == "Sweden"  # the packaged list fills in
    assert site.countries_file == tmp_path / "_data/countries.yaml"


def test_a_second_candidate_file_is_reported_not_read(tmp_path: Path) -> None:
    write(tmp_path, "_data/affiliations.yaml", "- name: First\n")
    write(tmp_path, "_data/supported_by.yml", "- name: Second\n")
    write(tmp_path, "_data/CONTRIBUTORS.yml", "Ada:\n")
    write(tmp_path, "_data/CONTRIBUTORS.yaml", "Bo:\n")
    site = load_site_data(tmp_path, None, None, None)
    assert list(site.affiliations) == ["First"]
    assert list(site.contributors) == ["Ada"]
    assert sorted(messages(site.diagnostics)) == [
        "1:data:_data/CONTRIBUTORS.yaml is not read: _data/CONTRIBUTORS.yml is (as Jekyll's "
        "site.data and the theme choose); merge the two files or name both in conf.py",
        "1:data:_data/supported_by.yml is not read: _data/affiliations.yaml is (as Jekyll's "
        "site.data and the theme choose); merge the two files or name both in conf.py",
    ]
    assert not site.affiliations["First"].expose  # expose only when it says true
