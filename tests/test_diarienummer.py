"""Diarienummer as each nämnd writes them: its own patterns, and an error that shows its own
example."""

import pytest
from django.core.exceptions import ValidationError

from nämnder.diarienummer import Diarienummer, exempel, kompilera, validera_mönsterlista
from nämnder.models import Nämnd


def nämnd(prefix, mönster="{prefix} {år}/{löpnr}"):
    return Nämnd(namn=prefix, diarieprefix=prefix, diarienummermönster=mönster)


@pytest.mark.parametrize(
    ("text", "väntat"),
    [
        ("KS 2023/740", Diarienummer("KS 2023/740", 2023, 740)),
        ("SOD 2023/713", Diarienummer("SOD 2023/713", 2023, 713)),
        ("ÄLV 2019/229", Diarienummer("ÄLV 2019/229", 2019, 229)),
        ("  ks   2019/656 ", Diarienummer("KS 2019/656", 2019, 656)),
    ],
)
def test_a_diarienummer_is_read_with_its_parts(text, väntat):
    assert Diarienummer.tolka(text) == väntat


def test_a_diarienummer_is_written_the_way_the_registry_writes_it():
    assert str(Diarienummer.tolka("älv 2019/229", nämnd("ÄLV"))) == "ÄLV 2019/229"
    assert str(Diarienummer.tolka("ks 2023 / 740", nämnd("KS"))) == "KS 2023/740"


@pytest.mark.parametrize(
    "text", ["", "KS2023/740", "KS 23/740", "KS 2023-740", "K1 2023/7", "KS 0999/1"]
)
def test_a_malformed_diarienummer_gets_a_swedish_explanation(text):
    with pytest.raises(ValidationError) as fel:
        Diarienummer.tolka(text, nämnd("KS"))
    assert "diarienum" in str(fel.value)


@pytest.mark.parametrize(
    ("prefix", "mönster", "text", "år", "löpnummer"),
    [
        ("KUL", "{år}/{löpnr}", "2019/656", 2019, 656),
        ("KUL", "{nr}-{löpnr}/{år}", "320-845/2015", 2015, 845),
        ("KS", "{prefix}-{år}/{löpnr}.{nr}", "KS-2014/742.912", 2014, 742),
        ("KS", "{prefix}-{år}/{löpnr}.{nr}", "ks-2014/742.912", 2014, 742),
    ],
)
def test_the_real_numbers_other_diarier_write_are_read_with_the_nämnds_pattern(
    prefix, mönster, text, år, löpnummer
):
    dnr = Diarienummer.tolka(text, nämnd(prefix, mönster))
    assert (str(dnr), dnr.år, dnr.löpnummer) == (text.upper(), år, löpnummer)


def test_a_nämnd_may_keep_several_patterns_an_old_and_a_new():
    kulturnämnden = nämnd("KUL", "{prefix} {år}/{löpnr}\n{nr}-{löpnr}/{år}\n{år}/{löpnr}")
    for text in ["KUL 2023/12", "320-845/2015", "2019/656"]:
        assert str(Diarienummer.tolka(text, kulturnämnden)) == text


def test_the_standard_pattern_refuses_the_numbers_until_the_nämnd_is_given_them():
    for text in ["2019/656", "320-845/2015", "KS-2014/742.912"]:
        with pytest.raises(ValidationError):
            Diarienummer.tolka(text, nämnd("KS"))


def test_the_error_names_the_nämnds_own_example_not_kommunstyrelsens():
    utbildningsnämnden = nämnd("UN")
    with pytest.raises(ValidationError) as fel:
        Diarienummer.tolka("KS 2023/740", utbildningsnämnden)
    assert fel.value.messages == [
        "KS 2023/740 är inget giltigt diarienummer. Skriv till exempel UN 2023/740."
    ]
    kulturnämnden = nämnd("KUL", "{nr}-{löpnr}/{år}")
    with pytest.raises(ValidationError) as fel:
        Diarienummer.tolka("KUL 2023/1", kulturnämnden)
    assert fel.value.messages == [
        "KUL 2023/1 är inget giltigt diarienummer. Skriv till exempel 12-740/2023."
    ]


def test_another_nämnds_prefix_is_not_accepted_in_the_pattern():
    with pytest.raises(ValidationError):
        Diarienummer.tolka("SOD 2023/713", nämnd("UN"))


def test_a_pattern_is_literal_text_so_regex_characters_in_it_mean_themselves():
    regex = kompilera("{prefix}.{år}/{löpnr}", "KS")
    assert regex.match("KS.2023/7")
    assert not regex.match("KSX2023/7")
    assert exempel("{prefix}.{år}/{löpnr}", "KS") == "KS.2023/740"


@pytest.mark.parametrize(
    ("mönster", "fel"),
    [
        ("{prefix} {år}", "{löpnr} en gång"),
        ("{löpnr}/{löpnr}", "{löpnr} en gång"),
        ("{prefix} {år}/{löpnr} {år}", "högst en gång"),
        ("{prefix} {åå}/{löpnr}", "Okänd del {åå}"),
        ("{prefix {löpnr}", "klammer"),
        ("", "minst ett mönster"),
    ],
)
def test_a_bad_pattern_is_refused_in_swedish(mönster, fel):
    with pytest.raises(ValidationError) as undantag:
        validera_mönsterlista(mönster)
    assert fel in " ".join(undantag.value.messages)
