"""Execute the notebooks a build will read, several at a time, before it reads them.

myst-nb executes a notebook when Sphinx reads its page, one page after
another, so a clean build runs every chapter's kernel in turn on one core.
Before the pages are read (``env-before-read-docs``), this extension finds
the pages that myst-nb will execute (notebooks whose code is not in the
jupyter cache), executes them in parallel, one kernel per core, and puts
each result in the jupyter cache exactly as myst-nb does
(:mod:`myst_nb.core.execute.cache`), with :mod:`freshness`'s record of the
files each kernel loaded. When Sphinx then reads the pages, myst-nb finds
them in the cache. Nothing else changes:

* a notebook that fails here is left out of the cache, so myst-nb executes
  it again while reading its page and reports the failing cell as it always
  does (a failing cell still fails the build);
* a page whose notebook this extension reads differently from myst-nb (an
  extension that rewrites the source, for instance) is simply not found in
  the cache and myst-nb executes it.

Each kernel starts under :func:`kernel_start.kernel_start_lock`
(:class:`kernel_start.LockedStartClient`), so that no
other process (a test worker's nbval, say) picks the same ports meanwhile.

``tcibook_execution_workers`` (default: the CPUs this process may use) sets
how many kernels run at once; 1 turns the extension off.
"""

from __future__ import annotations

import copy
import os
import re
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from sphinx.util import logging

import freshness
from kernel_start import LockedStartClient

logger = logging.getLogger(__name__)


def _notebook(app, env, docname):
    """The notebook myst-nb will execute for ``docname`` and its execution
    settings, as ``(path, notebook, nb_config)``; None for a page that is
    not a notebook or is not executed through the cache."""
    from myst_nb.core.read import create_nb_reader

    path = Path(env.doc2path(docname))
    nb_config = env.mystnb_config
    try:
        content = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    reader = create_nb_reader(str(path), env.myst_config, nb_config, content)
    if reader is None:
        return None
    notebook = reader.read(content)
    # as myst_nb.sphinx_.Parser.parse: kernel aliases, then the notebook's own settings
    kernel = notebook.metadata.get("kernelspec", {}).get("name")
    for pattern, alias in (nb_config.kernel_rgx_aliases or {}).items():
        if kernel is not None and re.fullmatch(pattern, kernel):
            notebook.metadata["kernelspec"]["name"] = alias
            break
    if nb_config.metadata_key in notebook.metadata:
        from myst_nb.core.nb_to_tokens import nb_node_to_dict

        overrides = nb_node_to_dict(notebook.metadata[nb_config.metadata_key])
        overrides.pop("output_folder", None)
        try:
            nb_config = nb_config.copy(**overrides)
        except Exception:  # myst-nb warns about it when it reads the page
            return None
    if nb_config.execution_mode != "cache" or nb_config.execution_in_temp:
        return None
    return path, notebook, nb_config


def _execute(path, notebook, nb_config, record):
    """Execute a copy of ``notebook`` as jupyter-cache's
    ``single_nb_execution`` does, in a kernel that records what it loads in
    ``record``; return ``(executed notebook, seconds)``, or None if a cell failed."""
    nb = copy.deepcopy(notebook)
    timeout, allow_errors = nb_config.execution_timeout, nb_config.execution_allow_errors
    execution = nb.metadata.get("execution", {})
    timeout = execution.get("timeout", timeout)
    allow_errors = execution.get("allow_errors", allow_errors)
    client = LockedStartClient(nb, timeout=timeout, allow_errors=allow_errors, record_timing=False,
                               resources={"metadata": {"path": str(path.parent)}})
    start = time.perf_counter()
    try:
        client.execute(env={**os.environ, freshness.RECORD_VARIABLE: str(record)})
    except Exception:  # myst-nb runs it again while reading, and reports the error
        return None
    return nb, time.perf_counter() - start


def workers(app):
    """How many kernels run at once."""
    wanted = app.config.tcibook_execution_workers
    return max(1, int(wanted) if wanted else len(os.sched_getaffinity(0)))


def _before_read(app, env, docnames):
    cache = getattr(app, "tcibook_cache", None)
    count = workers(app)
    if cache is None or count < 2:
        return
    pending = []
    for docname in docnames:
        found = _notebook(app, env, docname)
        if found is None:
            continue
        try:
            cache.match_cache_notebook(found[1])
        except KeyError:
            pending.append(found)
    if len(pending) < 2:
        return
    logger.info(f"[execute_ahead] executing {len(pending)} notebooks, {count} at a time")
    from jupyter_cache.base import CacheBundleIn

    folder = Path(app.tcibook_records)
    records = [folder / f"ahead-{i}.txt" for i in range(len(pending))]
    with ThreadPoolExecutor(max_workers=count) as pool:
        results = list(pool.map(lambda job: _execute(*job[0], job[1]), zip(pending, records)))
    store = Path(cache.path, freshness.NOTEBOOKS_RECORD)
    loaded = freshness.load_json(store)
    for (path, _, _), record, result in zip(pending, records, results):
        if result is None:
            logger.info(f"{path}: not executed ahead (a cell failed); it runs when its page is read")
            continue
        executed, seconds = result
        logger.info(f"{path}: executed ahead in {seconds:.2f} seconds")
        entry = cache.cache_notebook_bundle(
            CacheBundleIn(executed, str(path), data={"execution_seconds": seconds}),
            check_validity=False, overwrite=True)
        # the kernel writes its record after each cell: none without a code cell
        files = record.read_text(encoding="utf-8").split() if record.exists() else []
        loaded[entry.hashkey] = {"uri": os.path.relpath(path.resolve(), app.srcdir),
                                 "files": freshness.hashes(app.srcdir, files)}
    freshness.save_json(store, loaded)


def setup(app):
    app.setup_extension("freshness")
    app.add_config_value("tcibook_execution_workers", 0, "env", [int])
    app.connect("env-before-read-docs", _before_read, priority=900)
    return {"parallel_read_safe": False, "parallel_write_safe": True}
