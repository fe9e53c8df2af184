"""The organisation's TOML configuration: one schema that validates, explains and documents.

IT connects the organisation's own systems by writing this file. Every key has a type, a default
where one makes sense and a description; an invalid file is refused with the file, the key path
and what is wrong, and a file holding a password or token is refused with a pointer to the
keyring (`insyn secrets set SOURCE`). Relative paths are read from the file's own folder.

A package by what each part does: `base` (the organisation, register, policy and the Art. 15
facts), `sources` (the systems), `schema` (the whole file checked together), `loading` (finding
and reading the file) and `reference` (the generated reference). Callers import from here.
"""

from __future__ import annotations

from desktop.config.base import (
    ART15_FACTS,
    BUILTIN_IDENTIFIERS,
    FROM_VISITOR,
    PERSONNUMMER_FORMS,
    Art15Info,
    ConditionalFacts,
    ConfigError,
    Conversation,
    EnglishTexts,
    Labelled,
    Organisation,
    Policy,
    RegisterSettings,
    StrictModel,
    Transfer,
)
from desktop.config.loading import (
    MAX_CONFIG_BYTES,
    config_warnings,
    find_config,
    load_config,
    parse_config,
    site_config_path,
)
from desktop.config.reference import (
    REST_EXAMPLES,
    reference_markdown,
)
from desktop.config.schema import (
    Config,
    address_columns,
    english_missing,
    merged_fact,
    source_parts,
)
from desktop.config.sources import (
    ART19_REQUESTS,
    DEED_REQUESTS,
    IMMEDIATE_REQUESTS,
    ActionEffect,
    ActionRequest,
    FileSource,
    HoldUntil,
    IdentifierKind,
    ManualAction,
    ManualSource,
    Paging,
    PagingKind,
    RestAction,
    RestEndpoint,
    RestSource,
    Source,
    SqlAction,
    SqlHold,
    SqlQuery,
    SqlSource,
    Unlinkable,
    WebUrl,
    default_effect,
    identifier_kind,
    is_loopback,
    sql_parameters,
)

__all__ = [
    "ART15_FACTS",
    "ART19_REQUESTS",
    "BUILTIN_IDENTIFIERS",
    "DEED_REQUESTS",
    "FROM_VISITOR",
    "IMMEDIATE_REQUESTS",
    "MAX_CONFIG_BYTES",
    "PERSONNUMMER_FORMS",
    "REST_EXAMPLES",
    "ActionEffect",
    "ActionRequest",
    "Art15Info",
    "ConditionalFacts",
    "Config",
    "ConfigError",
    "Conversation",
    "EnglishTexts",
    "FileSource",
    "HoldUntil",
    "IdentifierKind",
    "Labelled",
    "ManualAction",
    "ManualSource",
    "Organisation",
    "Paging",
    "PagingKind",
    "Policy",
    "RegisterSettings",
    "RestAction",
    "RestEndpoint",
    "RestSource",
    "Source",
    "SqlAction",
    "SqlHold",
    "SqlQuery",
    "SqlSource",
    "StrictModel",
    "Transfer",
    "Unlinkable",
    "WebUrl",
    "address_columns",
    "config_warnings",
    "default_effect",
    "english_missing",
    "find_config",
    "identifier_kind",
    "is_loopback",
    "load_config",
    "merged_fact",
    "parse_config",
    "reference_markdown",
    "site_config_path",
    "source_parts",
    "sql_parameters",
]
