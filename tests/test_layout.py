"""The repository's layout rules (README, "Arkitektur"), checked so that they stay true.

File and directory names are ASCII: git quotes other paths ("n\\303\\244mnder/…") in its output
and several tools skip or mangle them. The one exception is the app DESIGN fixes, `nämnder`,
whose package name is also its app label, and the template folder named after it.
"""

import os
import subprocess
from pathlib import Path

ROT = Path(__file__).resolve().parent.parent

# Path prefixes (as tuples of path parts) whose own name may be non-ASCII.
TILLÅTNA_ICKE_ASCII = {("nämnder",), ("templates", "nämnder")}

# Walked only when there is no git checkout (an unpacked archive): what never belongs to the repo.
INTE_I_FÖRRÅDET = {".git", ".venv", "node_modules", "staticfiles", "var", "__pycache__"}


def filer_i_förrådet():
    """Every path git tracks or would add (untracked but not ignored), relative to the root."""
    try:
        ut = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROT,
            capture_output=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return list(_filer_utan_git())
    return [Path(os.fsdecode(namn)) for namn in ut.split(b"\0") if namn]


def _filer_utan_git():
    for mapp, mappar, filer in os.walk(ROT):
        mappar[:] = [m for m in mappar if m not in INTE_I_FÖRRÅDET and not m.startswith(".")]
        for namn in filer:
            yield Path(mapp, namn).relative_to(ROT)


def namn_som_bryter_regeln(sökvägar):
    """The path prefixes whose last name is not ASCII and not one of the allowed ones."""
    fel = set()
    for sökväg in sökvägar:
        delar = sökväg.parts
        for i, del_ in enumerate(delar):
            if not del_.isascii() and delar[: i + 1] not in TILLÅTNA_ICKE_ASCII:
                fel.add("/".join(delar[: i + 1]))
    return sorted(fel)


def test_every_file_and_directory_name_is_ascii_except_the_nämnder_app():
    sökvägar = filer_i_förrådet()
    assert Path("manage.py") in sökvägar and Path("nämnder/apps.py") in sökvägar
    assert namn_som_bryter_regeln(sökvägar) == []


def test_the_rule_catches_a_swedish_letter_anywhere_but_in_the_nämnder_folders():
    assert namn_som_bryter_regeln(
        [
            Path("remiss/models/anstånd.py"),
            Path("nämnder/models/sammanträde.py"),
            Path("templates/remiss/ks/_åtgärder.html"),
            Path("templates/nämnder/lista.html"),
            Path("tests/nämnder/test_vyer.py"),
        ]
    ) == [
        "nämnder/models/sammanträde.py",
        "remiss/models/anstånd.py",
        "templates/remiss/ks/_åtgärder.html",
        "tests/nämnder",
    ]
