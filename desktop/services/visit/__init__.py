"""One open case at the desk, and every rule about what may happen to it next.

A `Visit` holds the case's state (from the register), the gathered data while the case needs
it, the review's decisions and the approval. The window's pages and the command line each hold
one and ask it; neither decides anything itself. `allowed_actions()` is derived from the state
machine in core/requests.py and from what this visit holds; every method checks it again, so a
front end that forgets to grey out a button still cannot do what the rules forbid.

The Visit is built in the order a case goes, one module per part, each part on the one before:
`state` (what the case is and what may happen next), `rights` (marketing stops, erasures and
the recipients told), `gathering`, `reviewing` (and the release), `delivering` (the extract,
the address for the post, the receipt and the letters) and `decisions` (what is owed, the next
steps, refusal, extension, withdrawal and closing). `vocabulary` holds the words they share.
"""

from desktop.services.actions import ActionStep, HoldStep, ManualStep, Plan
from desktop.services.casework import CaseFile, RequestLine, TimelineEntry
from desktop.services.delivery import RenderedExtract
from desktop.services.desk import Desk
from desktop.services.gathering import CaseGather
from desktop.services.review import Decided, Decision, RecordState, ReviewReason, shown_value
from desktop.services.visit.decisions import Visit
from desktop.services.visit.vocabulary import (
    RETRYABLE,
    Action,
    ActionRefused,
    DecisionKind,
    Output,
    Owed,
    OwedCode,
    Signer,
    Step,
    StepCode,
)

# What the case views use of the services comes through this package (a contract in
# pyproject.toml forbids them the rest): the Visit is their one door.
__all__ = [
    "RETRYABLE",
    "Action",
    "ActionRefused",
    "ActionStep",
    "CaseFile",
    "CaseGather",
    "Decided",
    "Decision",
    "DecisionKind",
    "Desk",
    "HoldStep",
    "ManualStep",
    "Output",
    "Owed",
    "OwedCode",
    "Plan",
    "RecordState",
    "RenderedExtract",
    "RequestLine",
    "ReviewReason",
    "Signer",
    "Step",
    "StepCode",
    "TimelineEntry",
    "Visit",
    "shown_value",
]
