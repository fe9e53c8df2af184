"""The configuration reference (`insyn config reference`), generated from the schema, with
worked examples of web-service sources that load."""

from __future__ import annotations

from pydantic import (
    BaseModel,
)

from desktop.config.base import (
    BUILTIN_IDENTIFIERS,
    PERSONNUMMER_FORMS,
    Organisation,
    Policy,
    RegisterSettings,
    Transfer,
)
from desktop.config.sources import (
    FileSource,
    ManualAction,
    ManualSource,
    Paging,
    RestAction,
    RestEndpoint,
    RestSource,
    SqlAction,
    SqlHold,
    SqlQuery,
    SqlSource,
)

# Worked examples for the reference: each is a whole [[sources]] entry that loads (a test parses
# every one), written as the services they are modelled on really answer.
REST_EXAMPLES: tuple[tuple[str, str], ...] = (
    (
        "OAuth2 client credentials and a cursor in the body (a chat service, Slack-style paging)",
        """[[sources]]
id = "chatt"
name = "Chatt"
kind = "rest"
auth = "oauth2-client-credentials"
token_url = "https://login.chat.example/oauth2/token"
client_id = "insyn-kundtjanst"
scope = "conversations.read"
# the client secret: insyn secrets set chatt

[[sources.endpoints]]
title = "Chattkonversationer"
url = "https://api.chat.example/v2/contacts/{email}/messages"
params = { limit = "100" }
records = "messages"
paging = { kind = "cursor", cursor = "response_metadata.next_cursor", param = "cursor" }
""",
    ),
    (
        "A POST search with a JSON body, the cursor sent back in the body (a CRM, HubSpot-style)",
        """[[sources]]
id = "crm"
name = "CRM"
kind = "rest"
auth = "bearer"

[[sources.endpoints]]
title = "Kontakter"
url = "https://api.crm.example/crm/v3/objects/contacts/search"
method = "POST"
body = { filterGroups = [{ filters = [{ propertyName = "email", operator = "EQ", value = "{email}" }] }], limit = 100 }
records = "results"
paging = { kind = "cursor", cursor = "paging.next.after", param = "after" }
""",
    ),
    (
        "The Link header (GitHub, Zendesk)",
        """[[sources]]
id = "support"
name = "Kundtjänstärenden"
kind = "rest"
auth = "basic"
username = "insyn@example.se/token"

[[sources.endpoints]]
title = "Ärenden"
url = "https://support.example/api/v2/users/{email}/tickets"
paging = { kind = "link-header" }
""",
    ),
    (
        "Offset and limit until a short page; a body given as JSON text (a search engine)",
        """[[sources]]
id = "sok"
name = "Sökindex"
kind = "rest"
auth = "header"
auth_header = "X-Api-Key"

[[sources.endpoints]]
title = "Dokument"
url = "https://search.example/kunder/_search"
method = "POST"
body = '{"query": {"term": {"personnummer": "{personnummer12}"}}}'
records = "hits.hits"
paging = { kind = "offset", param = "from", page_size = 100, size_param = "size" }
""",
    ),
    (
        "Page numbers with a has-more flag; a next URL in the body (the short form `next`)",
        """[[sources]]
id = "matning"
name = "Mätvärdestjänst"
kind = "rest"
auth = "bearer"

[[sources.endpoints]]
title = "Avläsningar"
url = "https://meter.example/api/customers/{customer_number}/readings"
records = "data"
paging = { kind = "page", param = "page", page_size = 500, size_param = "per_page", has_more = "meta.has_more" }
max_pages = 200

[[sources.endpoints]]
title = "Avtal"
url = "https://meter.example/api/customers/{customer_number}/contracts"
records = "items"
next = "links.next"
""",
    ),
)


def reference_markdown() -> str:
    """The reference of every key, generated from the schema (`insyn config reference`)."""
    from pydantic.fields import FieldInfo

    sections: list[tuple[str, type[BaseModel]]] = [
        ("[organisation]", Organisation),
        ("[register]", RegisterSettings),
        ("[policy]", Policy),
        ('[[sources]] kind = "sql"', SqlSource),
        ("[[sources.queries]]", SqlQuery),
        ("[[sources.actions]] (SQL sources)", SqlAction),
        ("[[sources.actions]] done by a person (any source)", ManualAction),
        ("[[sources.actions]] (REST sources)", RestAction),
        ("[[sources.holds]] (SQL sources)", SqlHold),
        ('[[sources]] kind = "file"', FileSource),
        ('[[sources]] kind = "rest"', RestSource),
        ("[[sources.endpoints]]", RestEndpoint),
        ("[sources.endpoints.paging]", Paging),
        ('[[sources]] kind = "manual"', ManualSource),
        ("[[sources.transfers]] (also in queries and endpoints)", Transfer),
    ]

    def default_of(field: FieldInfo) -> str:
        if field.is_required():
            return "required"
        value = field.get_default(call_default_factory=True)
        if value in (None, (), {}):
            return "—"
        return f"`{value!r}`" if not isinstance(value, BaseModel) else "—"

    lines = [
        "# Insyn configuration reference",
        "",
        "Generated from the schema (`insyn config reference`). Passwords and tokens never go in",
        "the file: store them with `insyn secrets set SOURCE`. Identifiers a source can be",
        "searched by: "
        + ", ".join(f"`{k}` ({v})" for k, v in BUILTIN_IDENTIFIERS.items())
        + "; the personnummer also as "
        + ", ".join(f"`{k}` ({v})" for k, v in PERSONNUMMER_FORMS.items())
        + '. More kinds go under `[identifiers]` as `name = "strong"` or `"weak"`.',
    ]
    for title, model in sections:
        lines += ["", f"## {title}", "", "| key | default | meaning |", "|---|---|---|"]
        for name, field in model.model_fields.items():
            if name == "kind":
                continue
            key = field.alias or name
            lines.append(f"| `{key}` | {default_of(field)} | {field.description or ''} |")
    lines += [
        "",
        "## Web services: examples",
        "",
        "Every paging kind stops at `max_pages`; a service with more pages is reported on the gather",
        'row and in the extract ("fler än N sidor – kontakta oss"), never cut silently. A 429 or 503',
        "with Retry-After is waited out while the source's `timeout_seconds` allows. `insyn config",
        "check` asks each endpoint's first page (and, with OAuth2, a token) for someone nobody is.",
        "The Art. 15 facts (purpose, recipients …) are left out of the examples.",
    ]
    for title, example in REST_EXAMPLES:
        lines += ["", f"### {title}", "", "```toml", example.rstrip(), "```"]
    return "\n".join(lines) + "\n"
