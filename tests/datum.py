"""Today's date for the tests."""

from django.utils import timezone


def idag():
    """Today as the app sees it, read when the test runs (not at import), so a run that crosses
    midnight still agrees with the app's ``timezone.localdate()``."""
    return timezone.localdate()


def nästa_år():
    """Next year, for meeting dates that must lie ahead."""
    return idag().year + 1
