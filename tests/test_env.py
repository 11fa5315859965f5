import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from remiss.env import env_bool, env_database, env_int, env_list, env_str, env_url

PROJEKT = Path(__file__).resolve().parent.parent


def test_a_boolean_reads_swedish_and_english_words(monkeypatch):
    monkeypatch.setenv("X_FLAGGA", "ja")
    assert env_bool("X_FLAGGA", False) is True
    monkeypatch.setenv("X_FLAGGA", "false")
    assert env_bool("X_FLAGGA", True) is False


def test_an_unset_variable_gives_the_default(monkeypatch):
    monkeypatch.delenv("X_SAKNAS", raising=False)
    assert env_bool("X_SAKNAS", True) is True
    assert env_int("X_SAKNAS", 7) == 7
    assert env_list("X_SAKNAS", ["a"]) == ["a"]
    assert env_str("X_SAKNAS", "standard") == "standard"


@pytest.mark.parametrize(
    ("läs", "värde"),
    [
        (lambda: env_bool("X_FEL", False), "kanske"),
        (lambda: env_int("X_FEL", 1), "tio"),
        (lambda: env_int("X_FEL", 1, minimum=1), "0"),
        (lambda: env_database("X_FEL", "sqlite:///x"), "mongodb://server/db"),
        (lambda: env_url("X_FEL", schemes=("redis",)), "http://localhost:6379"),
    ],
)
def test_a_bad_value_fails_naming_the_variable(monkeypatch, läs, värde):
    monkeypatch.setenv("X_FEL", värde)
    with pytest.raises(ImproperlyConfigured, match="X_FEL"):
        läs()


def test_a_required_variable_that_is_missing_fails_naming_it(monkeypatch):
    monkeypatch.delenv("X_KRAVS", raising=False)
    with pytest.raises(ImproperlyConfigured, match="X_KRAVS måste anges"):
        env_str("X_KRAVS", required=True)


def test_a_list_is_split_on_commas(monkeypatch):
    monkeypatch.setenv("X_LISTA", "remiss.example.se, , 10.0.0.1")
    assert env_list("X_LISTA") == ["remiss.example.se", "10.0.0.1"]


def _manage(*argv, **env):
    bas = {k: os.environ[k] for k in ("PATH", "HOME", "LANG") if k in os.environ}
    return subprocess.run(
        [sys.executable, "manage.py", *argv],
        cwd=PROJEKT,
        env={**bas, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_start_up_stops_with_the_variable_named_when_a_value_is_bad():
    körning = _manage("check", DEBUG="kanske")
    assert körning.returncode != 0
    assert "Miljövariabeln DEBUG" in körning.stderr


def test_start_up_without_a_secret_key_in_production_is_refused():
    körning = _manage("check", DEBUG="false")
    assert körning.returncode != 0
    assert "SECRET_KEY måste anges" in körning.stderr


def test_the_deployment_check_is_clean_with_production_settings():
    körning = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="false",
        SECRET_KEY="p8#c2!vR6zQ@wL1nT5yH9mK3sD7fJ0bX4gA-uE2iO6kP8rW1qZ3cV5nB7mY9hL",
        ALLOWED_HOSTS="remiss.stockholm.se",
        DATABASE_URL="postgres://remiss@db.internal/remiss",
        REDIS_URL="redis://redis.internal:6379/0",
        BEHIND_TLS_PROXY="true",
    )
    assert körning.returncode == 0, körning.stdout + körning.stderr
    assert "System check identified no issues" in körning.stdout


def test_oidc_without_its_client_id_stops_start_up_naming_the_variable():
    körning = _manage("check", DEBUG="true", REMISS_OIDC_ISSUER="https://login.example.se")
    assert körning.returncode != 0
    assert "REMISS_OIDC_CLIENT_ID måste anges" in körning.stderr


def test_an_oidc_issuer_without_https_stops_start_up_naming_the_variable():
    körning = _manage("check", DEBUG="true", REMISS_OIDC_ISSUER="http://login.example.se")
    assert körning.returncode != 0
    assert "Miljövariabeln REMISS_OIDC_ISSUER" in körning.stderr


def test_the_demo_database_sqlite_takes_every_migration(tmp_path):
    """`make run` with no configuration migrates an embedded SQLite database; an index only
    PostgreSQL can build (NULLS LAST) must not stop it."""
    körning = _manage(
        "migrate", "--no-input", DEBUG="true", DATABASE_URL=f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    )
    assert körning.returncode == 0, körning.stderr[-2000:]
    assert "remiss.0009_svarsraknare... OK" in körning.stdout
