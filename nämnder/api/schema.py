"""The schema's problem responses: every operation may answer with a problem (RFC 9457), and the
schema says so, with the codes each kind of operation can give, so a client (and the contract
test) knows every answer it can get."""

PROBLEM = {
    "type": "object",
    "properties": {
        "type": {"type": "string", "format": "uri-reference"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"pointer": {"type": "string"}, "detail": {"type": "string"}},
                "required": ["pointer", "detail"],
            },
        },
    },
    "required": ["type", "title", "status", "detail"],
}

BESKRIVNING = {
    "400": "Ogiltig begäran: varje fel med en JSON-pekare till fältet.",
    "401": "Token saknas, är ogiltig, har gått ut eller bytts ut.",
    "403": "Klienten ser resursen men dess roller räcker inte för åtgärden.",
    "404": "Finns inte, eller så får klienten inte se det.",
    "405": "Metoden finns inte för adressen.",
    "406": "Svarsformatet i Accept stöds inte.",
    "409": "Resursen är inte i ett läge som tillåter åtgärden.",
    "412": "If-Match stämmer inte: resursen har ändrats sedan den lästes.",
    "415": "Innehållstypen stöds inte.",
    "422": "Idempotency-Key har använts för en annan begäran.",
    "428": "If-Match saknas.",
    "429": "För många anrop: vänta så många sekunder som Retry-After säger.",
    "500": "Oväntat fel.",
    "503": "Handlingar kan inte kontrolleras just nu: systemets sigill är inte inläst.",
}
ALLA = ["400", "401", "404", "405", "406", "429", "500"]
PER_METOD = {
    "get": ["403"],
    "post": ["403", "409", "415", "422"],
    "patch": ["403", "409", "412", "415", "428"],
}


def problemsvar(result, generator, request, public):
    """drf-spectacular postprocessing hook: add the problem responses to every operation."""
    result.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM
    for adress, sökväg in result.get("paths", {}).items():
        for metod, operation in sökväg.items():
            svar = operation.setdefault("responses", {})
            extra = ["503"] if adress.endswith("/verifiera/") else []
            for kod in ALLA + PER_METOD.get(metod, []) + extra:
                svar.setdefault(
                    kod,
                    {
                        "description": BESKRIVNING[kod],
                        "content": {
                            "application/problem+json": {
                                "schema": {"$ref": "#/components/schemas/Problem"}
                            }
                        },
                    },
                )
    return result
