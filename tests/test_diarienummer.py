import pytest
from django.core.exceptions import ValidationError

from nämnder.diarienummer import Diarienummer


@pytest.mark.parametrize(
    ("text", "väntat"),
    [
        ("KS 2023/740", Diarienummer("KS", 2023, 740)),
        ("SOD 2023/713", Diarienummer("SOD", 2023, 713)),
        ("ÄLV 2019/229", Diarienummer("ÄLV", 2019, 229)),
        ("  ks   2019/656 ", Diarienummer("KS", 2019, 656)),
    ],
)
def test_a_diarienummer_is_read_with_its_parts(text, väntat):
    assert Diarienummer.tolka(text) == väntat


def test_a_diarienummer_is_written_the_way_the_registry_writes_it():
    assert str(Diarienummer.tolka("älv 2019/229")) == "ÄLV 2019/229"


@pytest.mark.parametrize(
    "text", ["", "KS2023/740", "KS 23/740", "KS 2023-740", "K1 2023/7", "KS 0999/1"]
)
def test_a_malformed_diarienummer_gets_a_swedish_explanation(text):
    with pytest.raises(ValidationError) as fel:
        Diarienummer.tolka(text)
    assert "diarienum" in str(fel.value)
