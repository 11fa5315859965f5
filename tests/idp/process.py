"""Start a test IdP as a child process and wait until it says which port it listens on."""

import json
import subprocess
import sys
from pathlib import Path

ROT = Path(__file__).resolve().parents[2]


class IdpProcess:
    """A running test IdP. ``ändra(**)`` rewrites the JSON file it rereads at every request:
    its people and their groups, and the faults it should commit."""

    def __init__(self, modul, fil, *argument, värd="127.0.0.1"):
        self.fil = fil
        self.process = subprocess.Popen(
            [sys.executable, "-m", modul, "--fil", str(fil), *argument],
            cwd=ROT,
            stdout=subprocess.PIPE,
            text=True,
        )
        rad = self.process.stdout.readline()  # blocks until the IdP listens, or it died
        if not rad.startswith("LYSSNAR "):
            self.process.kill()
            raise RuntimeError(f"Test-IdP:n {modul} startade inte: {rad!r}")
        self.port = int(rad.split()[1])
        self.url = f"http://{värd}:{self.port}"

    @property
    def data(self):
        return json.loads(self.fil.read_text())

    def skriv(self, data):
        self.skriv_fil(self.fil, data)

    @staticmethod
    def skriv_fil(fil, data):
        ny = fil.with_suffix(".ny")
        ny.write_text(json.dumps(data, ensure_ascii=False, indent=2))
        ny.replace(fil)  # atomically: the IdP never reads half a file

    def sätt_grupper(self, användarnamn, grupper):
        data = self.data
        data["personer"][användarnamn]["groups"] = list(grupper)
        self.skriv(data)

    def sätt_fel(self, **fel):
        data = self.data
        data["fel"] = fel
        self.skriv(data)

    def stoppa(self):
        self.process.terminate()
        self.process.wait(timeout=10)
