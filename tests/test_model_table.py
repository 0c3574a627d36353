"""The README's model table and the models' own docstrings say the same.

Every model module of ``src/tcibook`` ends its docstring with the chapters
that explain it and the problem sets that practise it ("Explained in ...;
practised in ..."); the README's table "Each model, from explanation to
exercise" maps models to chapters, modules, tests and problem sets. Each
module's back-links must be exactly what the table's rows naming it say, and
every chapter, module and test file the table names must exist (a module
outside the package is named by its path, as ``tools/grading.py``).
"""

import ast
import re
from collections import defaultdict

import pytest

from conftest import ROOT

PACKAGE = ROOT / "src" / "tcibook"
HEADER = "| model | explained in"
BACKLINK = re.compile(r"Explained\s+in\s+(?P<explained>.+?);\s+practised\s+in\s+"
                      r"(?P<practised>.+?)\s+\(chapters/\)\.", re.S)


def _names(cell):
    return re.findall(r"`([^`]+)`", cell)


def table_rows(readme=None):
    """The model table's rows as (explained, modules, tests, practised) lists."""
    lines = (readme or (ROOT / "README.md").read_text()).splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith(HEADER))
    rows = []
    for line in lines[first + 2:]:
        if not line.startswith("|"):
            break
        _, explained, modules, tests, practised = (c.strip() for c in line.strip("|").split("|"))
        rows.append((_names(explained), [m for m in _names(modules) if m.endswith(".py")],
                     _names(tests), _names(practised)))
    return rows


def backlinks(module):
    """(explained, practised) as the module's docstring names them, or None."""
    doc = ast.get_docstring(ast.parse((PACKAGE / module).read_text())) or ""
    found = BACKLINK.search(doc)
    if not found:
        return None
    return tuple(re.findall(r"``([^`]+)``", found[part]) for part in ("explained", "practised"))


def table_links():
    """What the table says of each module: {module: (explained, practised)}."""
    links = defaultdict(lambda: ([], []))
    for explained, modules, _, practised in table_rows():
        for module in (m for m in modules if "/" not in m):
            for have, new in zip(links[module], (explained, practised)):
                have += [n for n in new if n not in have]
    return dict(links)


@pytest.mark.parametrize("module", sorted(table_links()))
def test_each_module_names_the_chapters_the_table_gives_it(module):
    assert backlinks(module) == table_links()[module], (
        f"src/tcibook/{module}: end its docstring with 'Explained in ...; practised "
        f"in ... (chapters/).' as the README's model table says")


def test_every_name_in_the_table_exists():
    chapters = {p.stem for p in (ROOT / "chapters").glob("*.md")}

    def chapter(name):  # a problem set may be named by its number, "practice-04"
        return any(c == name or c.startswith(name.rstrip("*")) for c in chapters)

    missing = []
    for explained, modules, tests, practised in table_rows():
        missing += [c for c in explained + practised if not chapter(c)]
        missing += [m for m in modules if not (ROOT / m if "/" in m else PACKAGE / m).is_file()]
        missing += [t for t in tests if not (ROOT / "tests" / t).is_file()]
    assert missing == []


def test_the_table_and_the_back_links_are_read_as_written():
    planted = table_rows("\n".join([
        "| model | explained in (`chapters/`) | implemented in | tested in | practised in |",
        "| --- | --- | --- | --- | --- |",
        "| planted | `introduction` | `pk.py` | `test_pk.py` | — |"]))
    assert planted == [(["introduction"], ["pk.py"], ["test_pk.py"], [])]
    assert backlinks("pk.py") == (["exposure-over-time", "model-informed-dosing"],
                                  ["practice-11", "practice-12"])
    assert backlinks("validation.py") is None   # not a model: no back-links
