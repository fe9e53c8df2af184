"""The organisation's policy as this desk follows it; administrators change it for every desk."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.staff import Role
from desktop.errors import UserError
from desktop.services.policy import policy_range
from desktop.ui.common import error_box, heading, service_message, tr

if TYPE_CHECKING:
    from desktop.core.staff import StaffMember
    from desktop.services.desk import Desk


def policy_labels() -> dict[str, str]:
    return {
        "approval_required": tr("En granskare godkänner varje utdrag"),
        "actions_approval_required": tr("En granskare godkänner radering, begränsning och rättelse i systemen"),
        "refusal_by_approver": tr("En granskare beslutar om avslag"),
        "idle_lock_minutes": tr("Låses efter (minuter utan användning)"),
        "keep_closed_cases_years": tr("Avslutade ärenden gallras efter (år)"),
        "max_failed_sign_ins": tr("Kontot låses efter felaktiga lösenord (antal)"),
        "sign_in_lock_minutes": tr("Ett låst konto är låst i (minuter)"),
    }


def origin_labels() -> dict[str, str]:
    return {
        "register": tr("organisationens regel"),
        "desk": tr("strängare på den här disken"),
        "default": tr("standard"),
    }


class PolicyDialog(QDialog):
    """Read-only for everyone but administrators, whose changes apply to every desk."""

    def __init__(self, desk: Desk, staff: StaffMember, parent: QWidget | None = None) -> None:
        from desktop.services.policy import policy_in_force

        super().__init__(parent)
        self.desk = desk
        self.staff = staff
        self.setWindowTitle(tr("Regler – Insyn"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("Regler som gäller vid den här disken")))
        form = QFormLayout()
        self.fields: dict[str, QCheckBox | QSpinBox] = {}
        admin = staff.has(Role.ADMIN)
        origins = origin_labels()
        for key, (value, origin) in policy_in_force(desk).items():
            label = policy_labels()[key]
            field: QCheckBox | QSpinBox
            if isinstance(value, bool):
                field = QCheckBox()
                field.setChecked(value)
            else:
                field = QSpinBox()
                field.setRange(*policy_range(key))
                field.setValue(int(value))
            field.setObjectName(f"policy_{key}")
            field.setAccessibleName(label)
            field.setEnabled(admin)
            self.fields[key] = field
            row = QHBoxLayout()
            row.addWidget(field)
            row.addWidget(QLabel(f"({origins[origin]})"))
            row.addStretch(1)
            form.addRow(label, row)
        layout.addLayout(form)
        note = QLabel(
            tr("Ändringar gäller alla diskar som använder samma ärenderegister och loggas.")
            if admin
            else tr("Bara en administratör kan ändra reglerna.")
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        if admin:
            save = QPushButton(tr("Spara"))
            save.setObjectName("save_policy")
            save.clicked.connect(self.save)
            buttons.addWidget(save)
        close = QPushButton(tr("Stäng"))
        close.clicked.connect(self.reject)
        buttons.addWidget(close)
        layout.addLayout(buttons)

    def values(self) -> dict[str, Any]:
        return {k: f.isChecked() if isinstance(f, QCheckBox) else f.value() for k, f in self.fields.items()}

    def save(self) -> None:
        from desktop.services.policy import change_policy, policy_in_force

        current = {key: value for key, (value, _origin) in policy_in_force(self.desk).items()}
        try:
            for key, value in self.values().items():
                if value != current[key]:
                    change_policy(self.desk, key, value, by=self.staff)
        except UserError as exc:
            error_box(self, service_message(exc))
            return
        self.accept()
