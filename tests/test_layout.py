"""The repository's layout rules (README, "Arkitektur"), checked so that they stay true.

File and directory names are ASCII: git quotes other paths ("n\\303\\244mnder/…") in its output
and several tools skip or mangle them. The one exception is the app DESIGN fixes, `nämnder`,
whose package name is also its app label, and the template folder named after it.
"""

import ast
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


# The apps from the bottom up: an app may import those below it, never one above.
LAGER = ["nämnder", "remiss", "yttranden"]

# The project configuration lives inside remiss/ and wires all three apps together.
PROJEKTKONFIGURATION = {
    Path("remiss/__init__.py"),
    Path("remiss/settings.py"),
    Path("remiss/celery.py"),
    Path("remiss/urls/__init__.py"),
    Path("remiss/wsgi.py"),
    Path("remiss/asgi.py"),
}


def importerade_appar(källa, modul):
    """The top-level package of every module that ``källa`` (the code of ``modul``) imports."""
    for nod in ast.walk(ast.parse(källa)):
        if isinstance(nod, ast.Import):
            yield from (namn.name.split(".")[0] for namn in nod.names)
        elif isinstance(nod, ast.ImportFrom):
            if nod.level:
                yield modul.split(".")[0]
            elif nod.module:
                yield nod.module.split(".")[0]
        elif (
            isinstance(nod, ast.Call)
            and getattr(nod.func, "attr", getattr(nod.func, "id", None)) == "import_module"
            and nod.args
            and isinstance(nod.args[0], ast.Constant)
            and isinstance(nod.args[0].value, str)
        ):
            yield nod.args[0].value.split(".")[0]


def importer_mot_beroenderiktningen(sökvägar, rot=ROT):
    """(file, app) for every import of an app above the file's own in LAGER."""
    fel = []
    for sökväg in sorted(sökvägar):
        app = sökväg.parts[0]
        if sökväg.suffix != ".py" or app not in LAGER or sökväg in PROJEKTKONFIGURATION:
            continue
        modul = ".".join(sökväg.with_suffix("").parts)
        källa = (rot / sökväg).read_text(encoding="utf-8")
        for importerad in sorted(set(importerade_appar(källa, modul))):
            if importerad in LAGER and LAGER.index(importerad) > LAGER.index(app):
                fel.append((str(sökväg), importerad))
    return fel


def test_imports_run_one_way_yttranden_then_remiss_then_nämnder():
    sökvägar = [s for s in filer_i_förrådet() if (ROT / s).is_file()]
    assert any(s.parts[0] == "remiss" and s.suffix == ".py" for s in sökvägar)
    assert importer_mot_beroenderiktningen(sökvägar) == []


def _skriv(rot, filer):
    """``{path: source}`` written below ``rot``; the paths, for a check to read."""
    for namn, källa in filer.items():
        (rot / namn).parent.mkdir(parents=True, exist_ok=True)
        (rot / namn).write_text(källa, encoding="utf-8")
    return [Path(n) for n in filer]


def test_the_import_check_sees_an_import_of_an_app_above(tmp_path):
    filer = {
        "nämnder/vyer.py": "from remiss.models import Remiss\n",
        "remiss/sen.py": "def f():\n    import yttranden.models\n",
        "remiss/dynamisk.py": "import importlib\nimportlib.import_module('yttranden.demo')\n",
        "remiss/settings.py": "import yttranden\n",
        "yttranden/vyer.py": "from remiss.models import Remiss\nfrom nämnder import roller\n",
        "remiss/egen.py": "from . import models\n",
    }
    assert importer_mot_beroenderiktningen(_skriv(tmp_path, filer), tmp_path) == [
        ("nämnder/vyer.py", "remiss"),
        ("remiss/dynamisk.py", "yttranden"),
        ("remiss/sen.py", "yttranden"),
    ]


# Templates make no permission or cross-app decisions and run no queries: views and models
# compute the flags and read the rows (remiss/sidtillagg.py for what yttranden adds to remiss's
# pages). A template tag library may format what it is given; it may not ask the access policy,
# import models, or reach the database.
FÖRBJUDET_I_MALLTAGGAR = ("permissions", "atkomst", "models")


def malltaggar_som_beslutar_eller_frågar(sökvägar, rot=ROT):
    """(file, what) for every template tag module that imports the gateway, an access policy
    or models, or uses a model manager (``.objects``)."""
    fel = []
    for sökväg in sorted(sökvägar):
        if sökväg.suffix != ".py" or "templatetags" not in sökväg.parts[:-1]:
            continue
        for nod in ast.walk(ast.parse((rot / sökväg).read_text(encoding="utf-8"))):
            moduler = []
            if isinstance(nod, ast.Import):
                moduler = [n.name for n in nod.names]
            elif isinstance(nod, ast.ImportFrom) and nod.module:
                # ``from remiss.models import Remiss`` and ``from nämnder import models`` alike.
                moduler = [nod.module, *(f"{nod.module}.{n.name}" for n in nod.names)]
            förbjudna = [m for m in moduler if set(m.split(".")) & set(FÖRBJUDET_I_MALLTAGGAR)]
            if förbjudna:
                fel.append((str(sökväg), f"import {förbjudna[0]}"))
            if isinstance(nod, ast.Attribute) and nod.attr == "objects":
                fel.append((str(sökväg), ".objects"))
    return sorted(set(fel))


def test_template_tags_neither_ask_the_access_policy_nor_run_queries():
    sökvägar = [s for s in filer_i_förrådet() if (ROT / s).is_file()]
    assert any("templatetags" in s.parts for s in sökvägar)
    assert malltaggar_som_beslutar_eller_frågar(sökvägar) == []


def test_the_template_tag_check_sees_the_policy_models_and_queries(tmp_path):
    filer = {
        "yttranden/templatetags/a.py": "from nämnder.permissions import får\n",
        "yttranden/templatetags/b.py": "def f():\n    from yttranden.atkomst import x\n",
        "remiss/templatetags/c.py": "from remiss.models import Remiss\n",
        "remiss/templatetags/d.py": "def f(remiss):\n    return remiss.instanser.model.objects\n",
        "nämnder/templatetags/e.py": "from nämnder import models\n",
        "remiss/templatetags/ren.py": "from django import template\nfrom remiss import sok\n",
        "remiss/views/vy.py": "from remiss.models import Remiss\n",
    }
    assert malltaggar_som_beslutar_eller_frågar(_skriv(tmp_path, filer), tmp_path) == [
        ("nämnder/templatetags/e.py", "import nämnder.models"),
        ("remiss/templatetags/c.py", "import remiss.models"),
        ("remiss/templatetags/d.py", ".objects"),
        ("yttranden/templatetags/a.py", "import nämnder.permissions"),
        ("yttranden/templatetags/b.py", "import yttranden.atkomst"),
    ]
