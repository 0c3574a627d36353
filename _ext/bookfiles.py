"""The book in the forms a reader keeps: downloads, edition notes, citation.

Three directives, each filled from a file kept at the top of the repository:

``{downloads}``
    The files the site offers (:data:`DOWNLOADS`): the whole-book PDF and
    EPUB, the student edition's PDF, the course pack and the exercise
    notebooks, each with its size and the edition it is of. The HTML build
    lists those that exist when it runs, copies them into ``downloads/`` of
    the site and names the ``make`` target of each one missing, so no link is
    dead; the exercise notebooks are zipped by the build itself (in the
    student edition, the student notebooks). The PDF and the EPUB name the
    files without links. The page is read again on every build, so the list
    follows what was built.
``{changelog}``
    The edition notes, from ``changelog.yml``: by edition, newest first, each
    change with its kind, date and the chapters it affects (a chapter that is
    not in the book is a build warning).
``{book-citation}``
    How to cite the book, from ``CITATION.cff`` (title, authors, edition and
    its date, licence when the file names one), with a BibTeX entry.

On every HTML page with a download menu, the menu also offers the downloads
page ("Whole book"), next to the page's own source, notebook and print.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import shutil
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import yaml
from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

logger = logging.getLogger(__name__)

CITATION_FILE = "CITATION.cff"
CHANGELOG_FILE = "changelog.yml"
#: Folder of the site that holds the downloadable files.
SITE_FOLDER = "downloads"
#: Fixed time stamp of the members of the notebooks archive, so that the same
#: notebooks give the same bytes.
ZIP_TIME = (2026, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Download:
    """One file the site offers.

    ``source`` is relative to the book's folder (``None``: the build writes
    it); ``name`` is its name under ``downloads/`` of the site; ``editions``
    are the editions whose site offers it ("full", "student"); ``make`` is the
    command that builds it.
    """

    title: str
    description: str
    source: str | None
    name: str
    editions: tuple[str, ...]
    make: str


DOWNLOADS = (
    Download("The whole book (PDF)",
             "Every chapter, figure, exercise with its solution, the bibliography "
             "and the index, for print or offline reading.",
             "_build/latex/book.pdf", "tcibook.pdf", ("full",), "make pdf"),
    Download("The whole book (EPUB)",
             "The same book as an e-book, for e-readers and reading apps.",
             "_build/epub/tcibook.epub", "tcibook.epub", ("full",), "make epub"),
    Download("Student edition (PDF)",
             "The book without the worked solutions of the problem sets.",
             "_build/student-edition/_build/latex/book.pdf",
             "tcibook-student-edition.pdf", ("full", "student"), "make student-edition"),
    Download("Course pack (ZIP)",
             "For a class: the student notebooks, the book's Python package "
             "without the answers, and a guide to installing them.",
             "_build/coursepack/tcibook-coursepack.zip", "tcibook-coursepack.zip",
             ("full", "student"), "make coursepack"),
    Download("Exercise notebooks (ZIP)",
             "One Jupyter notebook per problem set, with worked solutions and "
             "their outputs.",
             None, "tcibook-exercise-notebooks.zip", ("full",), "make html"),
    Download("Exercise notebooks (ZIP)",
             "One Jupyter notebook per problem set, with a placeholder for each "
             "solution.",
             None, "tcibook-exercise-notebooks.zip", ("student",), "make student-edition"),
)


# --- the data files ----------------------------------------------------------------

def load_citation(root: Path) -> dict:
    """``CITATION.cff`` of the book in ``root``, read as YAML."""
    return yaml.safe_load((Path(root) / CITATION_FILE).read_text(encoding="utf-8"))


def load_changelog(root: Path) -> dict:
    """``changelog.yml`` of the book in ``root``, checked.

    Raises ValueError naming the edition or change at fault when a field is
    missing, a kind is not one of ``kinds``, a date is not a date, a change is
    dated after its edition, or editions are not newest first.
    """
    log = yaml.safe_load((Path(root) / CHANGELOG_FILE).read_text(encoding="utf-8"))
    kinds = log.get("kinds") or {}
    editions = log.get("editions") or []
    if not editions:
        raise ValueError(f"{CHANGELOG_FILE}: no edition")
    for edition in editions:
        name = edition.get("edition")
        if not name or not isinstance(edition.get("date"), dt.date):
            raise ValueError(f"{CHANGELOG_FILE}: edition {name!r} needs a name and a "
                             "date (YYYY-MM-DD)")
        for change in edition.get("changes") or []:
            where = f"{CHANGELOG_FILE}: edition {name}, change {change.get('text', '')[:40]!r}"
            if change.get("kind") not in kinds:
                raise ValueError(f"{where}: kind must be one of {sorted(kinds)}")
            if not isinstance(change.get("date"), dt.date) or change["date"] > edition["date"]:
                raise ValueError(f"{where}: date must be a date no later than the edition's")
            if not change.get("chapters") or not change.get("text"):
                raise ValueError(f"{where}: chapters and text are required")
    dates = [e["date"] for e in editions]
    if dates != sorted(dates, reverse=True):
        raise ValueError(f"{CHANGELOG_FILE}: editions must be listed newest first")
    return log


def long_date(day: dt.date) -> str:
    """``7 December 2026``."""
    return f"{day.day} {day:%B %Y}"


def human_size(size: int) -> str:
    """A file size for readers: ``640 KB``, ``2.9 MB`` (1 KB = 1,024 bytes)."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def authors(citation: dict) -> list[str]:
    """The authors as the citation file names them (entities or persons)."""
    return [a.get("name") or " ".join(p for p in (a.get("given-names"), a.get("family-names")) if p)
            for a in citation["authors"]]


def bibtex(citation: dict) -> str:
    """The BibTeX entry for the book."""
    released = citation["date-released"]
    people = " and ".join(f"{{{name}}}" if "name" in a else name
                          for a, name in zip(citation["authors"], authors(citation)))
    fields = [("title", f"{{{citation['title']}}}"),
              ("author", f"{{{people}}}"),
              ("edition", f"{{{citation['version']}}}"),
              ("year", f"{{{released.year}}}"),
              ("month", f"{released:%b}".lower())]
    if citation.get("license"):
        fields.append(("note", f"{{Licence: {citation['license']}}}"))
    if citation.get("url"):
        fields.append(("url", f"{{{citation['url']}}}"))
    width = max(len(k) for k, _ in fields)
    body = ",\n".join(f"  {k.ljust(width)} = {v}" for k, v in fields)
    return f"@book{{tcibook,\n{body}\n}}"


# --- directives ---------------------------------------------------------------------

class downloads_list(nodes.General, nodes.Element):
    """Placeholder for the list of files, filled in when the page is written."""


class DownloadsDirective(SphinxDirective):
    def run(self):
        self.env.note_dependency(str(Path(self.env.srcdir) / CITATION_FILE))
        pages = self.env.domaindata.setdefault("tcibook_downloads", {"pages": set()})["pages"]
        pages.add(self.env.docname)
        return [downloads_list()]


class ChangelogDirective(SphinxDirective):
    def run(self):
        root = Path(self.env.srcdir)
        self.env.note_dependency(str(root / CHANGELOG_FILE))
        log = load_changelog(root)
        lines = []
        for edition in log["editions"]:
            lines += [f"```{{rubric}} Edition {edition['edition']}, {long_date(edition['date'])}",
                      "```", ""]
            for change in edition["changes"]:
                chapters = []
                for doc in change["chapters"]:
                    if doc in self.env.found_docs:
                        chapters.append(f"{{doc}}`/{doc}`")
                    else:
                        logger.warning("%s names the chapter %r, which is not in the book",
                                       CHANGELOG_FILE, doc, location=self.get_location(),
                                       type="bookfiles", subtype="changelog")
                        chapters.append(f"`{doc}`")
                text = " ".join(change["text"].split())
                lines += [f"- **{log['kinds'][change['kind']]}** ({long_date(change['date'])}; "
                          f"{', '.join(chapters)}). {text}", ""]
        container = nodes.container(classes=["changelog"])
        self.state.nested_parse(StringList(lines, CHANGELOG_FILE), 0, container)
        return [container]


class CitationDirective(SphinxDirective):
    def run(self):
        root = Path(self.env.srcdir)
        self.env.note_dependency(str(root / CITATION_FILE))
        citation = load_citation(root)
        names = ", ".join(authors(citation))
        released = citation["date-released"]
        licence = (f" Licence: {citation['license']}." if citation.get("license")
                   else f" © {released.year} {names}.")
        lines = [
            "Cite this book as:",
            "",
            f"> {names}. *{citation['title']}*. Edition {citation['version']}, "
            f"{long_date(released)}.{licence}",
            "",
            "or, in BibTeX:",
            "",
            "```bibtex",
            *bibtex(citation).splitlines(),
            "```",
            "",
            f"The same record, in the Citation File Format, is the file `{CITATION_FILE}` "
            "at the top of the book's repository.",
        ]
        container = nodes.container(classes=["book-citation"])
        self.state.nested_parse(StringList(lines, CITATION_FILE), 0, container)
        return [container]


# --- the files ---------------------------------------------------------------------

def _edition(app) -> str:
    # set by _ext/notebook_downloads.py, True in the student edition
    return "student" if getattr(app.config, "tcibook_student_notebooks", False) else "full"


def _is_site(app) -> bool:
    """An HTML site (not the EPUB, which is HTML inside)."""
    return app.builder.format == "html" and app.builder.name not in ("epub", "epub3")


def offered(app) -> list[Download]:
    return [d for d in DOWNLOADS if _edition(app) in d.editions]


def _exercises_tool(srcdir: Path):
    path = Path(srcdir) / "tools" / "exercises.py"
    spec = importlib.util.spec_from_file_location("tcibook_exercises_tool", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module          # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def write_notebooks_zip(app, target: Path) -> Path:
    """Zip the problem sets' notebooks into ``target``: the solution notebooks
    in ``exercises/``, or their student versions in the student edition."""
    import nbformat

    srcdir = Path(app.srcdir)
    solutions = sorted((srcdir / "exercises").glob("practice-*.ipynb"))
    target.parent.mkdir(parents=True, exist_ok=True)
    tool = _exercises_tool(srcdir) if _edition(app) == "student" else None
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in solutions:
            if tool is None:
                text = path.read_text(encoding="utf-8")
            else:
                nb = tool.student_version(nbformat.read(path, as_version=4),
                                          f"chapters/{path.stem}", srcdir)
                text = nbformat.writes(nb)
            info = zipfile.ZipInfo(f"tcibook-exercise-notebooks/{path.name}", ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text)
    return target


def _site_file(app, download: Download) -> Path | None:
    """Where the file to offer is now (None: not built)."""
    if download.source is None:
        return write_notebooks_zip(app, Path(app.outdir) / SITE_FOLDER / download.name)
    path = Path(app.srcdir) / download.source
    return path if path.is_file() else None


def _fill(app, doctree, docname):
    placeholders = list(doctree.findall(downloads_list))
    if not placeholders:
        return
    citation = load_citation(Path(app.srcdir))
    edition = f"{citation['version']}, {long_date(citation['date-released'])}"
    for placeholder in placeholders:
        if not _is_site(app):
            items = nodes.bullet_list()
            for d in offered(app):
                items += nodes.list_item("", nodes.paragraph(
                    "", "", nodes.strong(text=d.title), nodes.Text(f": {d.description}")))
            intro = nodes.paragraph(text=f"The book's website offers these files of "
                                         f"edition {edition}:")
            placeholder.replace_self([intro, items])
            continue
        table_rows, missing = [], []
        for d in offered(app):
            path = _site_file(app, d)
            if path is None:
                missing.append(d)
                continue
            uri = relative_uri(app.builder.get_target_uri(docname), f"{SITE_FOLDER}/{d.name}")
            link = nodes.reference("", d.title, refuri=uri, internal=False)
            table_rows.append([nodes.paragraph("", "", link, nodes.Text(f". {d.description}")),
                               nodes.paragraph(text=human_size(path.stat().st_size)),
                               nodes.paragraph(text=edition)])
            app.env.tcibook_site_files[d.name] = path
        out = [_table(["File", "Size", "Edition"], table_rows)]
        if missing:
            note = nodes.paragraph(text="Not in this build of the site: ")
            for i, d in enumerate(missing):
                note += nodes.Text(("; " if i else "") + f"{d.title}, built by ")
                note += nodes.literal(text=d.make)
            note += nodes.Text(".")
            out.append(note)
        placeholder.replace_self(out)


def _table(header, rows):
    table = nodes.table(classes=["downloads-table"])
    group = nodes.tgroup(cols=len(header))
    table += group
    for width in (70, 12, 18):
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    head += nodes.row("", *[nodes.entry("", nodes.paragraph(text=h)) for h in header])
    body = nodes.tbody()
    for row in rows:
        body += nodes.row("", *[nodes.entry("", cell) for cell in row])
    group += head
    group += body
    return table


def _clear(app):
    app.env.tcibook_site_files = {}
    if _is_site(app):
        shutil.rmtree(Path(app.outdir) / SITE_FOLDER, ignore_errors=True)


def _always_reread(app, env, added, changed, removed):
    """The list of files follows what was built, so its page is always read again."""
    pages = env.domaindata.get("tcibook_downloads", {}).get("pages", set())
    return sorted(p for p in pages if p in env.found_docs)


def _merge(app, env, docnames, other):
    """Parallel reading: the pages with a list of files, from every reader."""
    pages = env.domaindata.setdefault("tcibook_downloads", {"pages": set()})["pages"]
    pages |= other.domaindata.get("tcibook_downloads", {}).get("pages", set())


def _copy(app, exception):
    if exception or not _is_site(app):
        return
    folder = Path(app.outdir) / SITE_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for name, path in app.env.tcibook_site_files.items():
        if path.parent != folder:
            shutil.copyfile(path, folder / name)


def _menu_entry(app, pagename, templatename, context, doctree):
    """Add "Whole book" to the page's download menu (sphinx-book-theme)."""
    page = app.config.tcibook_downloads_page
    if not _is_site(app) or not page or page not in app.env.found_docs or pagename == page:
        return
    for button in context.get("header_buttons", []):
        if button.get("label") == "download-buttons":
            button["buttons"].insert(0, {
                "type": "link",
                "url": context["pathto"](page),
                "text": "Whole book",
                "tooltip": "The whole book: PDF, EPUB and notebooks",
                "icon": "fas fa-book",
                "label": "download-book-button",
            })


def _edition_as_version(app, config):
    """Sphinx's ``version`` and ``release`` (the PDF's title page, the EPUB's
    metadata) are the edition that ``CITATION.cff`` names."""
    path = Path(app.confdir) / CITATION_FILE
    if path.is_file():
        config.version = config.release = str(load_citation(Path(app.confdir))["version"])


def setup(app):
    app.connect("config-inited", _edition_as_version)
    app.add_config_value("tcibook_downloads_page", "chapters/downloads", "html")
    app.add_node(downloads_list)
    app.add_directive("downloads", DownloadsDirective)
    app.add_directive("changelog", ChangelogDirective)
    app.add_directive("book-citation", CitationDirective)
    app.connect("builder-inited", _clear)
    app.connect("env-get-outdated", _always_reread)
    app.connect("env-merge-info", _merge)
    app.connect("doctree-resolved", _fill)
    app.connect("html-page-context", _menu_entry, priority=600)
    app.connect("build-finished", _copy)
    return {"parallel_read_safe": True, "parallel_write_safe": False}
