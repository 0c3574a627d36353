"""Fresh builds: a page is computed again when a file it loaded has changed.

The jupyter cache keys a notebook on its own code cells only; a chapter
whose cells are unchanged would keep the outputs it had before a change to
``src/tcibook``, a figure script or a fact. This extension records, for
every notebook executed in a build, the files of the repository its kernel
imported or opened (``loaded_files.py``, run as an IPython startup file in
an ``IPYTHONDIR`` of this build), with a hash of each, and before the next
build reads anything it

* removes from the jupyter cache every executed notebook one of whose files
  has changed, been removed or was never recorded, so that it is executed
  again; the others stay cached;
* marks the pages of those notebooks, and of every page that recorded a
  changed file through :func:`note_loaded`, as outdated, so that Sphinx
  reads them again (incremental builds of HTML and PDF alike).

The files are also Sphinx dependencies of their page
(``env.note_dependency``). The records of the notebooks are kept beside the
jupyter cache (``tcibook-loaded.json``, by cache entry); :mod:`explorers`
records what its data are computed from with :func:`record_loaded` and
keeps it in the doctree folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from sphinx.util import logging

logger = logging.getLogger(__name__)

RECORDER = Path(__file__).with_name("loaded_files.py")
#: Where the notebooks' records are kept, in the jupyter cache folder.
NOTEBOOKS_RECORD = "tcibook-loaded.json"
#: The kernels' record of the page being read (set before it is read).
RECORD_VARIABLE = "TCIBOOK_LOADED_RECORD"


def file_hash(path):
    """The SHA-256 of a file's bytes (hex), or ``""`` when it does not exist."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except (FileNotFoundError, IsADirectoryError):
        return ""


def hashes(root, paths):
    """``{path relative to root: file_hash}`` of absolute ``paths``."""
    root = os.path.realpath(root)
    return {os.path.relpath(p, root): file_hash(p) for p in paths}


def changed(root, recorded):
    """The files of ``recorded`` (relative path -> hash) that differ now."""
    return sorted(rel for rel, digest in recorded.items()
                  if file_hash(Path(root, rel)) != digest)


def _recorder_environment(app, record):
    build = Path(app.outdir).parent
    return {RECORD_VARIABLE: str(record), "TCIBOOK_LOADED_ROOT": str(app.srcdir),
            "TCIBOOK_LOADED_EXCLUDE": os.pathsep.join(
                [str(build), str(app.doctreedir), sys.prefix, str(Path(app.srcdir, ".git"))])}


def record_loaded(app, code):
    """Run ``code`` (Python source) in a new interpreter under the recorder;
    return the absolute paths of the repository files it loaded.

    A failure of ``code`` is a :class:`RuntimeError` with its output.
    """
    with tempfile.TemporaryDirectory() as folder:
        record = Path(folder, "loaded.txt")
        env = {**os.environ, **_recorder_environment(app, record)}
        script = (f"import runpy\nrecorder = runpy.run_path({str(RECORDER)!r})\n"
                  f"{code}\nrecorder['write_record']()\n")
        proc = subprocess.run([sys.executable, "-c", script], env=env, cwd=app.srcdir,
                              capture_output=True, text=True)
        if proc.returncode:
            raise RuntimeError(proc.stdout + proc.stderr)
        return record.read_text(encoding="utf-8").split()


def note_loaded(env, docname, root, recorded):
    """Make the files of ``recorded`` (relative path -> hash) dependencies
    of ``docname``, and remember their hashes for the next build of this
    builder."""
    _loaded(env).setdefault(docname, {}).update(recorded)
    for rel in recorded:
        env.note_dependency(str(Path(root, rel)))


def _loaded(env):
    """``{docname: {file: hash}}`` as this builder last read the pages.

    Kept by builder: the HTML and LaTeX builds share one environment, and a
    page that one of them read again is written again by that one only."""
    if not hasattr(env, "tcibook_loaded"):
        env.tcibook_loaded = {}
    return env.tcibook_loaded.setdefault(env.app.builder.name, {})


# --- The jupyter cache ---------------------------------------------------------

def _cache(app):
    """The jupyter cache myst-nb uses (its configuration is complete once its
    own ``builder-inited`` handler has run), or None without one."""
    config = getattr(app.env, "mystnb_config", None)
    if config is None or config.execution_mode != "cache":
        return None
    from jupyter_cache import get_cache

    return get_cache(config.execution_cache_path)


def load_json(path):
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {}


def save_json(path, data):
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(json.dumps(data, indent=1, sort_keys=True), encoding="utf-8")


def _expire_cache(app):
    """Remove the cache entries whose recorded files changed (or that were
    never recorded); return the source paths of the notebooks removed."""
    cache = _cache(app)
    app.tcibook_cache = cache
    if cache is None:
        return set()
    store = Path(cache.path, NOTEBOOKS_RECORD)
    records = load_json(store)
    removed = set()
    for entry in cache.list_cache_records():
        recorded = records.get(entry.hashkey)
        stale = changed(app.srcdir, recorded["files"]) if recorded else ["(no record)"]
        if stale:
            logger.info(f"[freshness] {os.path.relpath(entry.uri, app.srcdir)}: "
                        f"run again ({', '.join(stale[:3])} changed)")
            cache.remove_cache(entry.pk)
            records.pop(entry.hashkey, None)
            removed.add(str(Path(entry.uri).resolve()))
    live = {e.hashkey for e in cache.list_cache_records()}
    save_json(store, {k: v for k, v in records.items() if k in live})
    return removed


def _record_notebook(app, docname):
    """After a page is read: if its notebook was executed, keep what the
    kernel loaded with its new cache entry; either way, the files its newest
    entry loaded become the page's dependencies."""
    cache = app.tcibook_cache
    if cache is None:
        return
    source = str(Path(app.env.doc2path(docname)).resolve())
    entries = sorted((e for e in cache.list_cache_records()
                      if str(Path(e.uri).resolve()) == source), key=lambda e: e.created)
    if not entries:
        return
    store = Path(cache.path, NOTEBOOKS_RECORD)
    records = load_json(store)
    kernel = Path(app.tcibook_records, "kernel.txt")
    if kernel.exists():  # executed in this build: its entry is the newest
        files = hashes(app.srcdir, kernel.read_text(encoding="utf-8").split())
        records[entries[-1].hashkey] = {"uri": os.path.relpath(source, app.srcdir),
                                        "files": files}
        save_json(store, records)
    newest = records.get(entries[-1].hashkey)
    if newest:
        note_loaded(app.env, docname, app.srcdir, newest["files"])


# --- Sphinx events --------------------------------------------------------------

def _builder_inited(app):
    app.tcibook_records = tempfile.mkdtemp(prefix="tcibook-loaded-")
    startup = Path(app.tcibook_records, "ipython", "profile_default", "startup")
    startup.mkdir(parents=True)
    shutil.copy(RECORDER, startup / "00-loaded-files.py")
    app.tcibook_saved_environ = {k: os.environ.get(k) for k in
                                 ("IPYTHONDIR", RECORD_VARIABLE, "TCIBOOK_LOADED_ROOT",
                                  "TCIBOOK_LOADED_EXCLUDE")}
    os.environ.update(_recorder_environment(app, Path(app.tcibook_records, "kernel.txt")))
    os.environ["IPYTHONDIR"] = str(startup.parents[1])
    app.tcibook_expired = _expire_cache(app)


def _outdated(app, env, added, changed_docs, removed):
    """Pages whose notebook left the cache, or whose recorded files changed."""
    again = []
    for docname in env.found_docs - added - changed_docs:
        source = str(Path(env.doc2path(docname)).resolve())
        stale = source in app.tcibook_expired or changed(
            app.srcdir, _loaded(env).get(docname, {}))
        if stale:
            again.append(docname)
    return again


def _source_read(app, docname, source):
    """A new record for the kernel that may execute this page."""
    Path(app.tcibook_records, "kernel.txt").unlink(missing_ok=True)


def _doctree_read(app, doctree):
    _record_notebook(app, app.env.docname)


def _purge(app, env, docname):
    _loaded(env).pop(docname, None)


def _merge(app, env, docnames, other):
    theirs = getattr(other, "tcibook_loaded", {}).get(app.builder.name, {})
    _loaded(env).update({d: theirs[d] for d in docnames if d in theirs})


def _finished(app, exception):
    for key, value in getattr(app, "tcibook_saved_environ", {}).items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    shutil.rmtree(getattr(app, "tcibook_records", ""), ignore_errors=True)


def setup(app):
    app.connect("builder-inited", _builder_inited, priority=600)  # after myst-nb's
    app.connect("env-get-outdated", _outdated)
    app.connect("source-read", _source_read)
    app.connect("doctree-read", _doctree_read)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("build-finished", _finished)
    return {"parallel_read_safe": False, "parallel_write_safe": True}
