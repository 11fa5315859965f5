import datetime

import factory
from django.contrib.auth import get_user_model

from nämnder.models import Nämnd, Sammanträde
from nämnder.roller import ge_roll
from remiss.models import Remiss


class NämndFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Nämnd
        django_get_or_create = ("diarieprefix",)

    namn = factory.Sequence(lambda n: f"Nämnd {n}")
    kortnamn = factory.Sequence(lambda n: f"N{n}")
    diarieprefix = factory.Sequence(lambda n: "N" + "".join("ABCDEFGHIJ"[int(d)] for d in str(n)))
    typ = Nämnd.Typ.FACKNÄMND
    förvaltning = factory.LazyAttribute(lambda o: o.namn.replace("nämnd", "förvaltning"))
    postort = "Stockholm"


KÄLLA = "testdata"  # the role history says where a test's roles came from


class AnvändareFactory(factory.django.DjangoModelFactory):
    """A person; ``roller=[(nämnd, Roll.X), …]`` gives them roles."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person{n}")
    first_name = "Kim"
    last_name = factory.Sequence(lambda n: f"Testsson{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.se")
    password = factory.django.Password("rätt-lösenord")

    @factory.post_generation
    def roller(self, create, extracted, **kwargs):
        for nämnd, roll in extracted or []:
            ge_roll(self, nämnd, roll, av=None, källa=KÄLLA)


class SammanträdeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sammanträde

    nämnd = factory.SubFactory(NämndFactory)
    datum = factory.Faker("date_between", start_date="+1d", end_date="+300d")


class RemissFactory(factory.django.DjangoModelFactory):
    """A draft remiss from kommunstyrelsen; ``mottagare=[nämnd, …]`` picks its recipients."""

    class Meta:
        model = Remiss
        skip_postgeneration_save = True

    nämnd = factory.LazyFunction(
        lambda: NämndFactory(
            namn="Kommunstyrelsen",
            kortnamn="KS",
            diarieprefix="KS",
            typ=Nämnd.Typ.KOMMUNSTYRELSE,
            förvaltning="Stadsledningskontoret",
        )
    )
    diarienummer = factory.Sequence(lambda n: f"KS 2023/{n + 1000}")
    titel = (
        "Övergripande samverkansöverenskommelse mellan Stockholms stad och Polisregion Stockholm"
    )
    beskrivning = "Kommunstyrelsen remitterar överenskommelsen för yttrande."
    avsändare = "Stadsledningskontoret"
    remissdatum = factory.LazyFunction(datetime.date.today)
    sista_svarsdatum = factory.LazyFunction(
        lambda: datetime.date.today() + datetime.timedelta(days=45)
    )
    skapad_av = factory.SubFactory(AnvändareFactory)

    @factory.post_generation
    def mottagare(self, create, extracted, **kwargs):
        if extracted:
            self.mottagare.set(extracted)
