"""The student edition: the book without its worked solutions.

Loaded only by the student edition's configuration (written by
``tools/coursepack.py student-edition``), which also sets
``tcibook_student_notebooks`` so that the download menu offers student
notebooks (see ``_ext/notebook_downloads.py``).

sphinx-exercise's own ``hide_solutions`` is not enough for this book: with it,
``{solution-start}`` produces nothing, so its ``{solution-end}`` has no start
to pair with and everything between the two (the explanation, the code cells
and their outputs) stays on the page. This extension leaves the gated
directives to be merged into solution nodes as usual and then removes every
solution node, gated or not, from the document before it is written or
indexed, for every builder (HTML, search index, LaTeX/PDF).
"""

from __future__ import annotations

from sphinx.transforms import SphinxTransform


class RemoveSolutions(SphinxTransform):
    """Remove every sphinx-exercise solution from the document."""

    # after sphinx-exercise's MergeGatedSolutions (10) has built the solution nodes
    default_priority = 20

    def apply(self):
        from sphinx_exercise.nodes import solution_node, solution_start_node, solution_end_node

        for kind in (solution_node, solution_start_node, solution_end_node):
            for node in list(self.document.findall(kind)):
                node.parent.remove(node)


def setup(app):
    app.add_transform(RemoveSolutions)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
