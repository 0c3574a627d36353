"""Check the system packages the PDF build needs, and name the missing ones.

Run by ``make pdf`` before LaTeX starts, so that a missing package gives a
two-line message instead of a LaTeX stack trace. Exit status 1 when
something is missing.
"""

from __future__ import annotations

import shutil
import subprocess
import sys

#: Debian package -> how to tell it is installed (a command, or a font family).
REQUIRED = {
    "texlive-xetex": ("command", "xelatex"),
    "latexmk": ("command", "latexmk"),
    "xindy": ("command", "xindy"),
    "texlive-latex-recommended": ("tex", "fancyhdr.sty"),
    "texlive-latex-extra": ("tex", "titlesec.sty"),
    "texlive-fonts-recommended": ("tex", "helvet.sty"),
    "fonts-freefont-otf": ("font", "FreeSerif"),
}


def _has_tex_file(name):
    if not shutil.which("kpsewhich"):
        return False
    out = subprocess.run(["kpsewhich", name], capture_output=True, text=True)
    return out.returncode == 0 and out.stdout.strip() != ""


def _has_font(family):
    if not shutil.which("fc-list"):
        return False
    out = subprocess.run(["fc-list", family], capture_output=True, text=True)
    return out.stdout.strip() != ""


def missing_packages():
    """Return the Debian packages from ``REQUIRED`` that are not installed."""
    checks = {"command": shutil.which, "tex": _has_tex_file, "font": _has_font}
    return [pkg for pkg, (kind, what) in REQUIRED.items() if not checks[kind](what)]


def main():
    missing = missing_packages()
    if missing:
        print("The PDF build needs these Debian packages, which are missing: "
              + " ".join(missing), file=sys.stderr)
        print("Install them with:  sudo apt-get install --no-install-recommends "
              + " ".join(REQUIRED), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
