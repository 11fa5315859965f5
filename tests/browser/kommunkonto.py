"""What the OIDC and SAML browser tests both check after Anna has logged in with the kommun's
account (tests/idp/: her two groups give handläggare in Utbildning and läsare in KS)."""

from playwright.sync_api import expect

from nämnder.permissions import alla_roller
from nämnder.roller import Roll


def roller_för(användare):
    return {(n.kortnamn, r) for n, r in alla_roller(användare)}


def anna_är_inloggad_med_sina_grupper(page, django_user_model):
    """Her start page shows both roles; her account has the name, e-mail and title the IdP sent
    and no password of its own, and the roles of her two groups. Returns her."""
    expect(page.get_by_role("heading", name="Som handläggare")).to_be_visible()
    expect(page.get_by_role("heading", name="Som läsare i kommunstyrelsen")).to_be_visible()
    anna = django_user_model.objects.get(externa_identiteter__subjekt="a1b2c3-anna")
    assert (anna.get_full_name(), anna.email, anna.befattning) == (
        "Anna Lindqvist",
        "anna.lindqvist@edu.stockholm.se",
        "Utredare",
    )
    assert not anna.has_usable_password()
    assert roller_för(anna) == {("Utbildning", Roll.HANDLÄGGARE), ("KS", Roll.LÄSARE)}
    return anna
