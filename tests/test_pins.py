"""The pins agree: every direct requirement is pinned exactly and locked at
the same version in constraints.txt (the lock that `make lock` writes)."""

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from conftest import ROOT


def pins(path):
    """{normalised name: Requirement} of a requirements-style file."""
    found = {}
    for line in path.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line and not line.startswith("-"):
            req = Requirement(line)
            found[canonicalize_name(req.name)] = req
    return found


def lock_problems(requirements, constraints):
    """Each direct requirement that is not pinned with ``==`` or not locked
    at the same version, as a readable line."""
    lock = pins(constraints)
    problems = []
    for name, req in pins(requirements).items():
        if [s.operator for s in req.specifier] != ["=="]:
            problems.append(f"{name} is not pinned with == in {requirements.name}")
        elif name not in lock:
            problems.append(f"{name} is in {requirements.name} but not in {constraints.name}")
        elif str(req.specifier) != str(lock[name].specifier):
            problems.append(f"{name}: {requirements.name} pins {req.specifier}, "
                            f"{constraints.name} {lock[name].specifier}")
    return problems


def test_direct_requirements_are_pinned_and_locked_alike():
    assert lock_problems(ROOT / "requirements.txt", ROOT / "constraints.txt") == []


def test_a_loose_missing_or_different_pin_is_caught(tmp_path):
    (tmp_path / "requirements.txt").write_text(
        "-c constraints.txt\nnumpy==2.4.6\npypdf==7.1.0\nscipy>=1.17\nnbval==0.11.0\n")
    (tmp_path / "constraints.txt").write_text(
        "# lock\nnumpy==2.4.5\nscipy==1.17.1\nnbval==0.11.0\n")
    problems = lock_problems(tmp_path / "requirements.txt", tmp_path / "constraints.txt")
    assert problems == [
        "numpy: requirements.txt pins ==2.4.6, constraints.txt ==2.4.5",
        "pypdf is in requirements.txt but not in constraints.txt",
        "scipy is not pinned with == in requirements.txt",
    ]
