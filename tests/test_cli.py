"""Each command through click's runner, the error paths, and once through the installed script."""
import subprocess

import pytest

from glossary.cli import cli


def run(runner, db, *args, input=None):
    return runner.invoke(cli, ["--db", db, *args], input=input)


def test_version_and_help_list_every_command(runner):
    r = runner.invoke(cli, ["--version"])
    assert r.exit_code == 0 and "glossary" in r.output
    r = runner.invoke(cli, ["--help"])
    for name in cli.commands:
        assert name in r.output


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_has_help_with_an_example_and_a_readme_mention(runner, name):
    from pathlib import Path

    r = runner.invoke(cli, [name, "--help"])
    assert r.exit_code == 0
    assert "Example:" in r.output
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    assert f"glossary {name}" in readme


def test_add_show_set_status_stats(runner, store_path):
    r = run(runner, store_path, "add", "--en", "Two Establishments", "--zh", "两个确立", "--category", "slogan")
    assert r.exit_code == 0, r.output
    assert "两个确立" in r.output
    r = run(runner, store_path, "show", "1")
    assert "liǎng gè quèlì" in r.output and "manual" in r.output
    # adding a variant by its Chinese key joins the same concept
    r = run(runner, store_path, "add", "--en", "two establishments", "--zh", "两个确立", "--status", "admitted")
    r = run(runner, store_path, "show", "1", "--json")
    assert r.output.count('"text"') == 3
    r = run(runner, store_path, "set-status", "3", "preferred")
    assert r.exit_code == 0 and "preferred" in r.output
    r = run(runner, store_path, "stats")
    assert "1 concepts" in r.output and "slogan" in r.output


def test_lookup_by_english_chinese_pinyin_and_initials(runner, store_path):
    run(runner, store_path, "add", "--en", "Two Establishments", "--zh", "两个确立", "--category", "slogan")
    for query in ["the two establishments", "两个确立", "兩個確立", "liǎng gè quèlì", "liang3 ge4 que4 li4",
                  "lianggequeli", "lgql"]:
        r = run(runner, store_path, "lookup", query)
        assert r.exit_code == 0, (query, r.output)
        assert "Two Establishments" in r.output, query


def test_lookup_unknown_term_suggests_and_exits_1(runner, store_path):
    run(runner, store_path, "add", "--en", "Two Establishments", "--zh", "两个确立")
    r = run(runner, store_path, "lookup", "Two Establisments")
    assert r.exit_code == 1
    assert "did you mean" in r.output and "Two Establishments" in r.output


@pytest.mark.parametrize("args,message", [
    (["show", "42"], "no concept with id 42"),
    (["set-status", "42", "preferred"], "no term with id 42"),
])
def test_unknown_ids_are_one_line_errors(runner, store_path, args, message):
    run(runner, store_path, "add", "--en", "Beijing", "--zh", "北京")
    r = run(runner, store_path, *args)
    assert r.exit_code == 1
    assert r.output.strip().splitlines() == [f"glossary: error: {message}"] or message in r.output
    assert "Traceback" not in r.output


def test_foreign_database_file_is_refused(runner, tmp_path):
    bogus = tmp_path / "x.db"
    bogus.write_text("not a database")
    r = runner.invoke(cli, ["--db", str(bogus), "stats"])
    assert r.exit_code == 1
    assert f"glossary: error: {bogus}: not a glossary term base" in r.output


def test_missing_term_base_for_read_commands(runner, tmp_path):
    r = runner.invoke(cli, ["--db", str(tmp_path / "none.db"), "stats"])
    assert r.exit_code == 1 and "no such term base" in r.output


def test_usage_errors_exit_2(runner, store_path):
    assert run(runner, store_path, "add").exit_code == 2
    assert run(runner, store_path, "set-status", "1", "approved").exit_code == 2


def test_installed_console_script(glossary_exe, tmp_path):
    db = str(tmp_path / "t.db")
    r = subprocess.run([glossary_exe, "--db", db, "add", "--en", "Shougang Park", "--zh", "首钢园",
                        "--category", "place"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    r = subprocess.run([glossary_exe, "--db", db, "lookup", "sgy"], capture_output=True, text=True)
    assert r.returncode == 0 and "Shougang Park" in r.stdout
    r = subprocess.run([glossary_exe, "--db", str(tmp_path / "none.db"), "show", "1"], capture_output=True, text=True)
    assert r.returncode == 1 and r.stderr.startswith("glossary: error:") and "Traceback" not in r.stderr


def test_build_makes_a_base_and_valid_exports(runner, tmp_path):
    from lxml import etree

    out = tmp_path / "out"
    r = runner.invoke(cli, ["build", "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert "category" in r.output and "with zh" in r.output
    for fmt in ("tbx", "xlsx", "csv", "tsv"):
        assert (out / f"glossary.{fmt}").stat().st_size > 1000
    tree = etree.parse(str(out / "glossary.tbx"))
    terms = {t.text for t in tree.iter("term")}
    # generic rules found the seeds' titles, bodies and people, and the reference gave Chinese
    assert {"Secretary of the CPC Beijing Municipal Committee", "Cai Qi", "中共北京市委书记", "蔡奇"} <= terms
    # a second build replaces its own base rather than doubling it
    r = runner.invoke(cli, ["build", "--out", str(out)])
    assert r.exit_code == 0
    assert r.output.splitlines()[0].startswith(f"Built {out / 'glossary.db'} from 5 documents")


def test_build_refuses_to_overwrite_a_users_base(runner, store_path, tmp_path):
    run(runner, store_path, "add", "--en", "Beijing", "--zh", "北京")
    r = run(runner, store_path, "build", "--out", str(tmp_path / "out"))
    assert r.exit_code == 1 and "already holds 1 concepts" in r.output


def test_extract_export_import_round_trip(runner, store_path, seeds_dir, tmp_path):
    article = seeds_dir / "003_146cbf87bf235109.txt"
    r = run(runner, store_path, "extract", str(article))
    assert r.exit_code == 0, r.output
    assert r.output.startswith("1 documents:")
    r = run(runner, store_path, "extract", str(article))
    assert "already in the term base, skipped" in r.output
    for fmt in ("tbx", "xlsx", "csv", "tsv", "json"):
        target = tmp_path / f"t.{fmt}"
        r = run(runner, store_path, "export", "-o", str(target))
        assert r.exit_code == 0, (fmt, r.output)
        other = str(tmp_path / f"copy-{fmt}.db")
        r = run(runner, other, "import", str(target))
        assert r.exit_code == 0, (fmt, r.output)
        r = run(runner, other, "lookup", "Two Establishments")
        assert "两个确立" in r.output, fmt
    r = run(runner, store_path, "export", "--format", "tsv", "--category", "person", "--preferred-only")
    assert r.exit_code == 0 and "尹力\tYin Li" in r.output and "两个确立" not in r.output


def test_import_dry_run_changes_nothing(runner, store_path, tmp_path):
    tsv = tmp_path / "client.tsv"
    tsv.write_text("两个维护\tTwo Upholds\tstatus: preferred\n", encoding="utf-8")
    r = run(runner, store_path, "import", str(tsv), "--dry-run")
    assert r.exit_code == 0 and "dry run" in r.output and "Two Upholds" in r.output
    assert run(runner, store_path, "lookup", "Two Upholds").exit_code == 1


def test_extract_errors_name_the_file(runner, store_path, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    r = run(runner, store_path, "extract", str(empty))
    assert r.exit_code == 1 and r.output.strip() == f"glossary: error: {empty}: file is empty"
    r = run(runner, store_path, "extract", str(tmp_path / "missing.txt"))
    assert r.exit_code == 1 and "no such file or folder" in r.output
    r = run(runner, store_path, "export", "--format", "docx", "-o", str(tmp_path / "x.docx"))
    assert r.exit_code == 1 and "docx" in r.output and "tbx" in r.output
