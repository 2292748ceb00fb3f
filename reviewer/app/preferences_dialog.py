"""Edit `Preferences`: the options a reviewer sets once per client or language pair."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.app.preferences import Preferences
from reviewer.app.review_dialogs import ok_cancel_buttons
from reviewer.core.engine import parse_name_list
from reviewer.core.errors import ConfigurationError
from reviewer.engines import check_own_rule_ids
from reviewer.engines.languagetool.settings import normalise_url
from reviewer.engines.source.glossary import load_glossary

VARIANTS = ("en-US", "en-GB", "en-CA", "en-AU", "en-NZ", "en-ZA")
GLOSSARY_FILTER = "Glossaries (*.csv *.tsv *.tbx);;All files (*)"
SOURCE_LANGUAGES = (
    ("", "Unknown (check for all)"),
    ("es", "Spanish"),
    ("fr", "French"),
    ("pt", "Portuguese"),
    ("it", "Italian"),
    ("de", "German"),
    ("nl", "Dutch"),
    ("pl", "Polish"),
    ("ru", "Russian"),
    ("ar", "Arabic"),
    ("zh", "Chinese"),
    ("ja", "Japanese"),
)


class PreferencesDialog(QDialog):
    """A form over `Preferences`; `preferences()` reads it back once accepted."""

    def __init__(self, current: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.variant = QComboBox()
        self.variant.addItems(VARIANTS)
        self.variant.setCurrentText(current.language)
        self.source = QComboBox()
        for code, name in SOURCE_LANGUAGES:
            self.source.addItem(f"{name} ({code})" if code else name, code)
        self.source.setCurrentIndex(max(0, self.source.findData(current.source_language or "")))
        self.source.setToolTip(
            "The language the text was translated from: selects false-friend lists and "
            "LanguageTool's rules for speakers of that language"
        )
        self.picky = QCheckBox("Also report style and typography issues (LanguageTool picky)")
        self.picky.setChecked(current.picky)
        self.local_server = QRadioButton("Local server, started automatically (text stays here)")
        self.remote_server = QRadioButton("My server:")
        group = QButtonGroup(self)
        group.addButton(self.local_server)
        group.addButton(self.remote_server)
        self.url = QLineEdit(current.languagetool_url or "")
        self.url.setPlaceholderText("http://languagetool.example.org:8081")
        (self.remote_server if current.languagetool_url else self.local_server).setChecked(True)
        self.url.setEnabled(self.remote_server.isChecked())
        self.remote_server.toggled.connect(self.url.setEnabled)
        self.rules = QLineEdit(", ".join(sorted(current.disabled_rules)))
        self.rules.setPlaceholderText("e.g. MORFOLOGIK_RULE_EN_US, QA_COMMA_SPLICE")
        self._build_review_fields(current)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828")
        self.error.hide()

        form = QFormLayout()
        form.addRow("Your name:", self.reviewer_name)
        form.addRow("English variant:", self.variant)
        form.addRow("Translated from:", self.source)
        form.addRow("", self.picky)
        form.addRow("LanguageTool:", self.local_server)
        form.addRow("", self.remote_server)
        form.addRow("", self.url)
        form.addRow("Rules switched off:", self.rules)
        form.addRow("Team folder:", _with_browse(self.team_folder, self._browse_team_folder))
        form.addRow("Glossary:", _with_browse(self.glossary, self._browse_glossary))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel_buttons(self))
        self._result = current

    def _build_review_fields(self, current: Preferences) -> None:
        """Who reviews, and where the team's shared word lists are."""
        self.reviewer_name = QLineEdit(current.reviewer_name)
        self.reviewer_name.setObjectName("reviewer-name")
        self.reviewer_name.setToolTip("Recorded with every decision and on the scorecard")
        self.team_folder = QLineEdit(current.team_folder or "")
        self.team_folder.setObjectName("team-folder")
        self.team_folder.setPlaceholderText("e.g. /mnt/team/mt-reviewer (optional)")
        self.team_folder.setToolTip(
            "A folder your team shares: words added to the dictionary and flags ignored "
            "everywhere are written there too, and everyone's are applied"
        )
        self.glossary = QLineEdit(current.glossary or "")
        self.glossary.setObjectName("glossary")
        self.glossary.setPlaceholderText("e.g. /mnt/team/client-terms.csv (optional)")
        self.glossary.setToolTip(
            "Terms for bilingual files (CSV or TSV: source term, required translation, "
            "forbidden variants; or TBX): a unit whose source has a term must use its "
            "translation. A project's reviewer.toml glossary wins over this one."
        )

    def _browse_team_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, "Team folder", self.team_folder.text().strip()
        )
        if folder:  # empty when the reviewer cancelled: keep what was there
            self.team_folder.setText(folder)

    def _browse_glossary(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Glossary", self.glossary.text().strip(), GLOSSARY_FILTER
        )
        if path:
            self.glossary.setText(path)

    def preferences(self) -> Preferences:
        """The preferences as last accepted (the initial ones if never accepted)."""
        return self._result

    def accept(self) -> None:
        try:
            self._result = self._read_form()
        except ConfigurationError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        super().accept()

    def _read_form(self) -> Preferences:
        url = None
        if self.remote_server.isChecked():
            url = normalise_url(self.url.text(), source="server URL")
        check_own_rule_ids(parse_name_list(self.rules.text()), "Rules switched off")
        return Preferences(
            language=self.variant.currentText(),
            source_language=self.source.currentData() or None,
            picky=self.picky.isChecked(),
            languagetool_url=url,
            disabled_rules=parse_name_list(self.rules.text()),
            reviewer_name=self.reviewer_name.text().strip(),
            team_folder=self.team_folder.text().strip() or None,
            glossary=_checked_glossary(self.glossary.text().strip()),
        )


def _with_browse(field: QLineEdit, browse: Callable[[], None]) -> QWidget:
    """`field` with a Browse… button beside it: typing a long path is where typos come from."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(field, 1)
    button = QPushButton("Browse…")
    button.setObjectName(f"{field.objectName()}-browse")
    button.clicked.connect(browse)
    layout.addWidget(button)
    return row


def _checked_glossary(path: str) -> str | None:
    """The glossary path if it reads as a glossary (a one-line error otherwise, shown in
    the dialog, so a typo is caught here rather than as a failed check)."""
    if not path:
        return None
    load_glossary(path)
    return path
