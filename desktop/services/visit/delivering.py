"""The released extract leaving the desk: rendered, printed or saved, posted to the
population-register address, and the receipt and the letters."""

from __future__ import annotations

from pathlib import Path

from desktop.config import address_columns
from desktop.core.address import AddressRefused, address_from_fields, check_address
from desktop.core.documents import DocumentType
from desktop.core.extract import Strength
from desktop.core.requests import CaseStatus
from desktop.core.staff import Role
from desktop.register import audit
from desktop.services import casework
from desktop.services.delivery import RenderedExtract, record_delivery, render_extract, render_receipt
from desktop.services.files import check_targets, remove_quietly, write_private
from desktop.services.letters import (
    LETTER_KINDS,
    METHODS,
    RenderedLetter,
    check_method,
    letter_refused,
    record_letter,
    render_letter,
)
from desktop.services.staff import require_role
from desktop.services.visit.reviewing import ReviewPart
from desktop.services.visit.vocabulary import Action, ActionRefused, AddressProposal, Output


class DeliveryPart(ReviewPart):
    """The extract, the receipt and the letters, and how each may reach the visitor."""

    def render(self, language: str = "sv", *, with_package: bool = False) -> RenderedExtract:
        """The extract as it stands: a preview before the release, the deliverable after it."""
        self._require(Action.PREVIEW)
        assert self.result is not None
        version = self._version
        draft = self.approval is None  # not released: marked on every page, never handed over
        rendered = render_extract(self.desk, self.number, self.result, language=language, with_package=with_package,
                                  draft=draft)  # fmt: skip
        self.rendered, self._rendered_language, self._rendered_version = rendered, language, version
        return rendered

    @property
    def deliverable(self) -> bool:
        """Whether the extract on hand may leave the desk (released, and rendered after the
        last decision)."""
        return (
            Action.DELIVER in self.allowed_actions()
            and self.rendered is not None
            and (self._rendered_version == self._version or self.status is CaseStatus.DELIVERED)
        )

    def _require_deliverable(self) -> RenderedExtract:
        if Action.DELIVER not in self.allowed_actions():
            if self.status is CaseStatus.REVIEW and self.result is not None:
                raise ActionRefused("deliver.not_approved", "the extract has not been approved yet")
            self._require(Action.DELIVER)
        self._require_weak_decided()
        if self.address_needed:
            raise ActionRefused("deliver.address", "an answer by post needs the population-register address first")
        if self.rendered is None or not self.deliverable:
            raise ActionRefused("deliver.stale", "the extract was changed after it was rendered: render it again")
        return self.rendered

    def check_deliverable(self) -> RenderedExtract:
        """Ask before printing: the rules are the same as for recording the delivery."""
        return self._require_deliverable()

    def outputs(self) -> frozenset[Output]:
        """What the delivery page may offer now: nothing until the extract on hand is released
        and rendered after the last decision (for an answer by post, with its address); no ZIP
        for an answer that goes by post."""
        if not self.deliverable or self.address_needed:  # by post: not before the address is on it
            return frozenset()
        return frozenset({Output.PRINT, Output.PDF} | (set() if self.postal else {Output.ZIP}))

    @property
    def postal(self) -> bool:
        """No ID document was shown: the answer goes by post to the population-register address
        and nothing is handed over at the desk (a print is for the envelope)."""
        return self.file.document is DocumentType.POSTAL_ANSWER

    @property
    def address_needed(self) -> bool:
        """An answer by post with no address yet: nothing is posted until staff type the
        population-register address or confirm one a system holds (`address_proposals`)."""
        return self.postal and not self.file.postal_address and self.file.first_delivered_on is None

    def address_proposals(self) -> list[AddressProposal]:
        """Addresses the gathered data holds for the visitor, where the configuration names a
        query's address columns: only from records certainly the visitor's (a strong match staff
        did not leave out). Offered to staff to confirm, never used unconfirmed."""
        if not self.postal or self.result is None:
            return []
        proposals: dict[str, AddressProposal] = {}
        for source in self.desk.config.sources:
            result = self.result.sources.get(source.id)
            columns = address_columns(source)
            if result is None or not columns:
                continue
            for record in result.records:
                fields = columns.get(record.category)
                if not fields or record.strength is not Strength.STRONG or record.excluded:
                    continue
                text = address_from_fields([record.fields.get(f) for f in fields])
                try:
                    lines = check_address(text)
                except AddressRefused:
                    continue  # a system's half address is not proposed
                proposals.setdefault("\n".join(lines), AddressProposal(source.id, source.name, lines))
        return list(proposals.values())

    def set_postal_address(self, text: str, *, source_id: str | None = None) -> tuple[str, ...]:
        """Keep the address the answer by post goes to: typed by staff, or a proposal from
        system `source_id` that staff confirmed. Only for an answer by post, while the case is
        open. A rendered extract carries the address: it is rendered again."""
        require_role(self.staff, Role.RECEPTION)
        if not self.postal:
            raise ActionRefused("address.not_postal", "an address is kept only for an answer by post (no ID shown)")
        if not self.status.is_open:
            raise ActionRefused("address.closed", f"case {self.number} is {self.status.value}")
        try:
            lines = check_address(text)
        except AddressRefused as exc:
            raise ActionRefused(f"address.{exc.code.removeprefix('address_')}", str(exc)) from None
        if source_id is not None and source_id not in {p.source_id for p in self.address_proposals()}:
            raise ActionRefused("address.source", "that system holds no address for the visitor in the data gathered")
        casework.set_postal_address(self.desk, self.number, lines, source=source_id or "typed",
                                    staff_username=self.staff.username)  # fmt: skip
        self._changed()
        return lines

    def _record(self, method: str, rendered: RenderedExtract) -> None:
        assert self.approval is not None
        if self.postal and method in ("printed", "saved"):  # on paper, for the envelope
            method = "posted"
        record_delivery(
            self.desk,
            self.number,
            rendered,
            method=method,
            language=self._rendered_language,
            staff_id=self.staff.id,
            approved_by_id=self.approval.approver.id if self.approval_required else None,
        )
        self.result = None  # the visitor has it: the gathered data is let go
        self.review = None
        self.refresh()

    def deliver_files(
        self, pdf_path: str | Path | None = None, zip_path: str | Path | None = None, *, overwrite: bool = False
    ) -> list[Path]:
        """Write the extract (and/or its machine-readable copy) whole, and record the delivery
        only once every file exists; a file that cannot be written leaves nothing recorded and
        no other file of this delivery behind. An existing file is replaced only with
        `overwrite` (the person said so); the two outputs must be different files, and neither
        may be a file the desk depends on (services/files.py)."""
        if zip_path is not None and self.postal:
            raise ActionRefused(
                "deliver.postal", "this answer goes by post, on paper, to the population-register address"
            )
        rendered = self._require_deliverable()
        if zip_path is not None and rendered.package is None:
            raise ActionRefused("deliver.no_package", "the machine-readable copy was not rendered")
        check_targets(pdf_path, zip_path, overwrite=overwrite)
        written: list[Path] = []
        try:
            if pdf_path is not None:
                written.append(write_private(pdf_path, rendered.pdf, overwrite=overwrite))
            if zip_path is not None:
                assert rendered.package is not None
                written.append(write_private(zip_path, rendered.package, overwrite=overwrite))
            self._record("saved" if pdf_path is not None else "zip", rendered)
        except BaseException:
            for path in written:
                remove_quietly(path)
            raise
        return written

    def printed(self, pages: tuple[int, int] | None = None) -> bool:
        """Record a print job that has been handed to the printer in full. `pages` (first, last;
        1-based) is what was printed: the whole extract is a delivery (True); some of its pages
        are a copy for the desk — recorded as such, the case unchanged, the data kept (False)."""
        rendered = self._require_deliverable()
        if pages is not None and (pages[0] > 1 or pages[1] < rendered.pages):
            with self.desk.register.sessions.begin() as session:
                audit.append(session, "extract.copy_printed", staff_id=self.staff.id, case_number=self.number,
                             details={"first_page": pages[0], "last_page": pages[1], "pages": rendered.pages,
                                      "sha256": rendered.sha256})  # fmt: skip
            return False
        self._record("printed", rendered)
        return True

    def receipt(self, language: str = "sv") -> bytes:
        self._require(Action.RECEIPT)
        pdf, _pages = render_receipt(self.desk, self.number, language=language)
        return pdf

    def save_receipt(self, path: str | Path, language: str = "sv", *, overwrite: bool = False) -> Path:
        """The receipt written to `path` (atomically, readable by this user only)."""
        return write_private(path, self.receipt(language), overwrite=overwrite)

    def letters(self) -> list[str]:
        """The letters this case can have now (what the window offers; the rest are refused)."""
        if not self.staff.has(Role.RECEPTION):
            return []
        file = self.file
        return [kind for kind in LETTER_KINDS if letter_refused(kind, self.number, status=file.status,
                extended=file.extended_deadline is not None, requests=file.requests) is None]  # fmt: skip

    def letter_methods(self) -> tuple[str, ...]:
        """How a letter may reach the visitor: by post only where no ID was shown (the answer
        goes to the population-register address), else handed, posted or e-mailed."""
        return ("posted",) if self.postal else METHODS

    def letter(self, kind: str, language: str = "sv") -> RenderedLetter:
        """A refusal, extension or outcome letter, as the case stands (refused where it does not
        apply: a refusal only for a refused case, and so on)."""
        require_role(self.staff, Role.RECEPTION)
        return render_letter(self.desk, self.number, kind, language=language, staff_id=self.staff.id)

    def letter_sent(
        self, rendered: RenderedLetter, method: str, path: str | Path | None = None, *, overwrite: bool = False
    ) -> Path | None:
        """Record a letter given or sent (handed, posted, emailed); with `path`, written there
        first (atomically; nothing is recorded if the file cannot be written)."""
        require_role(self.staff, Role.RECEPTION)
        check_method(method)
        if method not in self.letter_methods():
            raise ActionRefused("letter.postal", "this answer goes by post to the population-register address")
        if self.postal and not self.file.postal_address:
            raise ActionRefused("letter.address", "a letter by post needs the population-register address first")
        target = write_private(path, rendered.pdf, overwrite=overwrite) if path is not None else None
        record_letter(self.desk, self.number, rendered, method=method, staff_id=self.staff.id)
        self.refresh()
        return target
