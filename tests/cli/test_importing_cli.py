"""The command-line contract for import and export (CLI.md)."""

from __future__ import annotations

import json
from pathlib import Path

from hitouch.cli import main

IMPORT_KEYS = {"files", "created", "merged", "unchanged", "skipped", "errors", "batch"}

PEOPLE_VCF = """BEGIN:VCARD
VERSION:3.0
FN:Zoë Müller
N:Müller;Zoë;;;
ORG:Fjord Ventures
EMAIL:zoe@fjord.vc
TEL:+44 7700 900123
CATEGORIES:Investor
NOTE:Met at the Web Summit.
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Marcus O'Brien
EMAIL:marcus@northwind.example
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Broken Card
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_import_json_has_the_contract_keys_and_a_second_import_creates_nothing(hitouch, tmp_path):
    path = write(tmp_path, "people.vcf", PEOPLE_VCF)
    first = hitouch("import", str(path), "--json")
    assert first.code == 0 and first.err == ""
    document = first.json()
    assert set(document) >= IMPORT_KEYS
    assert (document["files"], document["created"], document["merged"], document["unchanged"]) == (1, 2, 0, 0)
    assert document["batch"] == 1
    [error] = document["errors"]
    assert error["file"] == str(path) and error["line"] == 16 and "END:VCARD" in error["message"]

    second = hitouch("import", str(path), "--json").json()
    assert (second["created"], second["merged"], second["unchanged"]) == (0, 0, 2)
    assert len(hitouch("contact", "list", "--json").json()) == 2


def test_a_dry_run_changes_nothing_and_has_no_batch(hitouch, tmp_path):
    path = write(tmp_path, "people.vcf", PEOPLE_VCF)
    result = hitouch("import", str(path), "--dry-run", "--json")
    assert result.code == 0
    assert result.json()["batch"] is None and result.json()["created"] == 2
    assert hitouch("contact", "list", "--json").json() == []


def test_without_json_a_short_summary_and_each_problem_as_file_line_message(hitouch, tmp_path):
    path = write(tmp_path, "people.vcf", PEOPLE_VCF)
    result = hitouch("import", str(path))
    assert result.code == 0
    assert "2 new, 0 merged, 0 unchanged" in result.out
    assert "hitouch import undo 1" in result.out
    assert f"{path}:16: card 3 could not be read" in result.err


def test_an_unreadable_file_is_exit_1_with_one_line_and_the_journal_untouched(hitouch, tmp_path):
    good = write(tmp_path, "people.vcf", PEOPLE_VCF)
    junk = tmp_path / "junk.vcf"
    junk.write_bytes(b"\x00\x01\x02PK\x03\x04" * 200)
    result = hitouch("import", str(good), str(junk), "--json")
    assert result.code == 1 and result.out == ""
    assert result.err.count("\n") == 1 and str(junk) in result.err
    assert hitouch("contact", "list", "--json").json() == []
    missing = hitouch("import", str(tmp_path / "nope.csv"))
    assert missing.code == 1 and "nope.csv: there is no such file" in missing.err


def test_format_forces_a_layout(hitouch, tmp_path):
    path = write(
        tmp_path,
        "contacts.txt",
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Ravi,Patel,https://www.linkedin.com/in/ravi,,Acme,CTO,01 Dec 2021\n",
    )
    assert hitouch("import", str(path), "--format", "linkedin").code == 0
    [ravi] = hitouch("contact", "list", "--json").json()
    assert ravi["source"] == "linkedin"
    assert hitouch("import", str(path), "--format", "ldif").code == 2


def test_import_undo_removes_what_the_batch_added(hitouch, tmp_path):
    hitouch("contact", "add", "Marcus O'Brien", "--email", "marcus@northwind.example")
    batch = hitouch("import", write(tmp_path, "people.vcf", PEOPLE_VCF).as_posix(), "--json").json()["batch"]
    assert len(hitouch("contact", "list", "--json").json()) == 2
    undone = hitouch("import", "undo", str(batch))
    assert undone.code == 0 and "removed 1 contact" in undone.out
    [marcus] = hitouch("contact", "list", "--json").json()
    assert marcus["name"] == "Marcus O'Brien" and marcus["emails"] == ["marcus@northwind.example"]
    again = hitouch("import", "undo", str(batch))
    assert again.code == 1 and "already undone" in again.err
    assert hitouch("import", "undo", "42").code == 1
    assert hitouch("import", "undo").code == 2 and hitouch("import", "undo", "last").code == 2


def test_export_vcard_and_csv_then_import_into_an_empty_journal(hitouch, tmp_path, capsys):
    hitouch("import", write(tmp_path, "people.vcf", PEOPLE_VCF).as_posix())
    for args in (["vcard", "out3.vcf"], ["vcard", "out4.vcf", "--version", "4.0"], ["csv", "out.csv"]):
        result = hitouch("export", args[0], str(tmp_path / args[1]), *args[2:])
        assert result.code == 0 and "Exported 2 contacts" in result.out
    assert b"VERSION:4.0" in (tmp_path / "out4.vcf").read_bytes()
    assert (tmp_path / "out.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    original = {c["name"]: c for c in hitouch("contact", "list", "--json").json()}

    for name in ("out3.vcf", "out4.vcf", "out.csv"):
        fresh = str(tmp_path / f"fresh-{name}.sqlite3")
        assert main(["--db", fresh, "import", str(tmp_path / name)]) == 0
        capsys.readouterr()
        assert main(["--db", fresh, "contact", "list", "--json"]) == 0
        back = {c["name"]: c for c in json.loads(capsys.readouterr().out)}
        keep = ("emails", "phones", "tags", "company")
        assert {n: [c[k] for k in keep] for n, c in back.items()} == {
            n: [c[k] for k in keep] for n, c in original.items()
        }
        assert main(["--db", fresh, "contact", "show", "zoe@fjord.vc", "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["notes"] == "Met at the Web Summit."


def test_export_into_a_missing_folder_is_exit_1(hitouch, tmp_path):
    result = hitouch("export", "csv", str(tmp_path / "no" / "out.csv"))
    assert result.code == 1 and "does not exist" in result.err
