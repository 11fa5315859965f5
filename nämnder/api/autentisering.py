"""``Authorization: Bearer <token>``: the request is then made as the client's service user, whose
roles are the client's scope, so every policy check answers as for a person with those roles."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from nämnder.models import ApiKlient


class ApiToken(authentication.BaseAuthentication):
    nyckelord = "Bearer"

    def authenticate(self, request):
        delar = authentication.get_authorization_header(request).split()
        if not delar or delar[0].lower() != self.nyckelord.lower().encode():
            return None
        if len(delar) != 2:
            raise exceptions.AuthenticationFailed(
                _("Skicka token som Authorization: Bearer <token>.")
            )
        try:
            token = delar[1].decode()
        except UnicodeError:
            raise exceptions.AuthenticationFailed(_("Token är ogiltig.")) from None
        klient = ApiKlient.för_token(token)
        if klient is None:
            raise exceptions.AuthenticationFailed(
                _("Token är ogiltig, har gått ut eller har bytts ut.")
            )
        klient.notera_användning()
        return klient.användare, klient

    def authenticate_header(self, request):
        return f'{self.nyckelord} realm="api"'


class ApiTokenSchema(OpenApiAuthenticationExtension):
    """How the schema describes the token (drf-spectacular finds it by the class it names)."""

    target_class = ApiToken
    name = "token"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer", "bearerFormat": "remiss_<prefix>_<hemlighet>"}
