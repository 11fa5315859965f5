"""The demo's förslag and stances: the trygghetsprogram (KS 2023/739) asks every remissinstans
to take a stance on four fokusområden – four of the five prioriterade samverkansområden the
utbildningsnämnd's seed lists, which the programme is to be read together with – and the
nämnder that answered did so per förslag, so KS's compilation by proposal is filled.

The answers were prepared outside Remiss (remiss/demo.py), so their stances are written as
delivered ones directly, with the date the answer reached KS."""

from remiss.models import Förslag, Ställningstagande, Ståndpunkt

FOKUSOMRÅDEN = [
    (
        "Unga i riskzon för destruktivt beteende",
        "Tidiga och samordnade insatser för barn och unga som riskerar att dras in i kriminalitet.",
    ),
    (
        "Otrygga och brottsutsatta platser",
        "Platssamverkan, belysning och närvaro där stockholmarna känner sig otrygga.",
    ),
    (
        "Särskilt utsatta och sårbara brottsoffer",
        "Stöd till brottsutsatta, bland dem äldre, barn och personer utsatta för våld i nära "
        "relationer.",
    ),
    (
        "Kriminella miljöer och livsstilar",
        "Insatser för att bryta kriminella livsstilar och försvåra rekrytering till gängen.",
    ),
]

S = Ståndpunkt
# A stance pattern per answer, so the counts differ per förslag the way real answers do.
MÖNSTER = [
    (S.TILLSTYRKER, S.TILLSTYRKER, S.TILLSTYRKER, S.TILLSTYRKER),
    (S.TILLSTYRKER, S.TILLSTYRKER_MED_ÄNDRINGAR, S.TILLSTYRKER, S.AVSTÅR),
    (S.TILLSTYRKER_MED_ÄNDRINGAR, S.TILLSTYRKER, S.TILLSTYRKER, S.TILLSTYRKER),
    (S.TILLSTYRKER, S.AVSTYRKER, S.TILLSTYRKER_MED_ÄNDRINGAR, S.TILLSTYRKER),
    (S.TILLSTYRKER, S.TILLSTYRKER, S.AVSTÅR, S.TILLSTYRKER_MED_ÄNDRINGAR),
]
KOMMENTARER = {
    S.TILLSTYRKER_MED_ÄNDRINGAR: [
        "Skolan och fritidsverksamheten behöver nämnas som samverkansparter.",
        "Uppföljningen bör ske lokalt och inte bara stadsövergripande.",
        "Programmet bör ange vem som bär kostnaden för de lokala insatserna.",
    ],
    S.AVSTYRKER: [
        "Ansvaret för platssamverkan ligger redan hos stadsdelsnämnderna; en central styrning "
        "riskerar att dubblera arbetet.",
    ],
    S.AVSTÅR: ["Området berör inte nämndens ansvar i den grad att nämnden tar ställning."],
}


def lägg_till_förslag(remiss):
    """The fokusområden of a draft remiss (before it is sent)."""
    for nummer, (rubrik, text) in enumerate(FOKUSOMRÅDEN, start=1):
        Förslag.objects.create(remiss=remiss, nummer=nummer, rubrik=rubrik, text=text)


def ställningstaganden(remiss):
    """The stances of every answered remissinstans, as they reached KS."""
    förslag = list(remiss.förslag.order_by("nummer"))
    besvarade = remiss.instanser.filter(status="besvarad").order_by("nämnd__namn")
    for i, instans in enumerate(besvarade):
        mönster = MÖNSTER[i % len(MÖNSTER)]
        värden = {}
        for j, (f, ståndpunkt) in enumerate(zip(förslag, mönster, strict=True)):
            kommentarer = KOMMENTARER.get(ståndpunkt, [""])
            värden[f.pk] = (ståndpunkt, kommentarer[(i + j) % len(kommentarer)])
        rader = Ställningstagande.lämna(instans, 1, värden)
        Ställningstagande.objects.filter(pk__in=[r.pk for r in rader]).update(
            lämnad=instans.besvarad
        )
