"""The review window: sentence list on the left, the selected sentence's flags on the right.

The document is shown immediately; each engine reports when it is done (the artefacts engine
in milliseconds, LanguageTool once its server is up), and the status bar says where each
engine is. This window is read-only for now; review actions attach to the same model.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QLabel,
    QListView,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reviewer import __version__
from reviewer.app import theme
from reviewer.app.check_worker import CheckDispatcher
from reviewer.app.flag_panel import FlagPanel
from reviewer.app.languagetool_status import LanguageToolStatusBridge
from reviewer.app.preferences import Preferences, PreferenceStore
from reviewer.app.preferences_dialog import PreferencesDialog
from reviewer.app.sentence_delegate import SentenceDelegate
from reviewer.app.sentence_filter import SentenceFilterModel
from reviewer.app.sentence_model import SentenceModel
from reviewer.core.document import Document
from reviewer.core.engine import CheckOptions, Engine, EngineReport, EngineStatus
from reviewer.core.errors import ReviewerError
from reviewer.core.flags import Severity
from reviewer.engines import ENGINE_NAMES, create_engine
from reviewer.engines.languagetool.engine import LanguageToolEngine
from reviewer.engines.languagetool.server import ServerState

_ENGINE_LABELS = {"languagetool": "LanguageTool", "artefacts": "MT artefacts"}


class MainWindow(QMainWindow):
    """One document under review."""

    def __init__(
        self,
        engines: list[Engine] | None = None,
        store: PreferenceStore | None = None,
        language: str | None = None,
    ) -> None:
        super().__init__()
        self.store = store or PreferenceStore()
        self.preferences = self.store.load().with_language(language)
        self.options: CheckOptions = self.preferences.check_options()
        self._owns_engines = engines is None
        self.engines = engines if engines is not None else _engines_for(self.preferences)
        self.model = SentenceModel(self)
        self.visible_rows = SentenceFilterModel(self.model, self)
        self.dispatcher = CheckDispatcher(self)
        self.dispatcher.engineStarted.connect(self._on_engine_started)
        self.dispatcher.engineFinished.connect(self._on_engine_finished)
        self.engine_states: dict[str, str] = {}
        self.languagetool_status: LanguageToolStatusBridge | None = None
        self._watch_languagetool()
        self._build_widgets()
        self._build_menus()
        self._build_toolbar()
        self.setWindowTitle("MT Reviewer")
        self.resize(1280, 800)

    # -- building -------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setContentsMargins(12, 8, 12, 8)

        self.sentence_view = QListView()
        self.sentence_view.setObjectName("sentences")
        self.sentence_view.setModel(self.visible_rows)
        self.sentence_view.setItemDelegate(SentenceDelegate(self.sentence_view))
        self.sentence_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.sentence_view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.sentence_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.sentence_view.setUniformItemSizes(False)
        self.sentence_view.setLayoutMode(QListView.LayoutMode.Batched)  # long articles
        self.sentence_view.setBatchSize(200)
        self.sentence_view.setWordWrap(True)
        self.sentence_view.selectionModel().selectionChanged.connect(self._on_selection)

        self.flag_panel = FlagPanel()
        self.flag_panel.setObjectName("flags")

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.sentence_view)
        splitter.addWidget(self.flag_panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([780, 420])

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)

        self.engine_label = QLabel()
        self.statusBar().addPermanentWidget(self.engine_label)
        self.setStyleSheet(
            "QLabel#summary { background: #f7f8fa; border-bottom: 1px solid #e1e4e8; }"
            "QListView#sentences { border: none; }"
            "QTextBrowser#flags { border: none; border-left: 1px solid #e1e4e8; padding: 8px; }"
        )
        self._update_summary()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.open_action = self._action("&Open…", QKeySequence.StandardKey.Open, self.choose_file)
        self.recheck_action = self._action("&Re-check", QKeySequence("F5"), self.recheck)
        quit_action = self._action("&Quit", QKeySequence.StandardKey.Quit, self.close)
        for action in (self.open_action, self.recheck_action, quit_action):
            file_menu.addAction(action)
        edit_menu = self.menuBar().addMenu("&Edit")
        self.preferences_action = self._action(
            "&Preferences…", QKeySequence("Ctrl+,"), self.edit_preferences
        )
        edit_menu.addAction(self.preferences_action)
        go_menu = self.menuBar().addMenu("&Go")
        self.next_action = self._action(
            "&Next flagged sentence", QKeySequence("F8"), lambda: self.go_to_flagged(+1)
        )
        self.previous_action = self._action(
            "&Previous flagged sentence", QKeySequence("Shift+F8"), lambda: self.go_to_flagged(-1)
        )
        go_menu.addAction(self.next_action)
        go_menu.addAction(self.previous_action)
        view_menu = self.menuBar().addMenu("&View")
        self.flagged_only_action = self._action(
            "&Flagged sentences only", QKeySequence("Ctrl+Shift+F"), lambda: None
        )
        self.flagged_only_action.setCheckable(True)
        self.flagged_only_action.setToolTip("Hide sentences without flags (Ctrl+Shift+F)")
        self.flagged_only_action.toggled.connect(self.set_flagged_only)
        view_menu.addAction(self.flagged_only_action)
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(self._action("&About MT Reviewer", None, self._about))

    def _build_toolbar(self) -> None:
        toolbar = self.addToolBar("Review")
        toolbar.setObjectName("review-toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.open_action, self.recheck_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        self.previous_action.setIconText("◀ Previous flag")
        self.next_action.setIconText("Next flag ▶")
        toolbar.addAction(self.previous_action)
        toolbar.addAction(self.next_action)
        toolbar.addSeparator()
        toolbar.addAction(self.flagged_only_action)
        self.severity_box = QComboBox()
        self.severity_box.setToolTip("Lowest severity a flagged sentence must have to be shown")
        for severity in Severity:
            label = "any severity" if severity is Severity.MINOR else f"{severity} and above"
            if severity is Severity.CRITICAL:
                label = "critical only"
            self.severity_box.addItem(label, severity)
        self.severity_box.currentIndexChanged.connect(self._on_minimum_severity)
        self.severity_box.setEnabled(False)
        toolbar.addWidget(self.severity_box)

    def _action(
        self,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | None,
        slot: Callable[[], object],
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    # -- documents and checks -------------------------------------------------------------

    def open_path(self, path: str | Path) -> bool:
        """Load and check a file; on bad input show one line and keep the current document."""
        try:
            document = Document.from_file(path, language=self.options.language)
        except ReviewerError as exc:
            QMessageBox.critical(self, "Cannot open file", str(exc))
            return False
        self.show_document(document)
        return True

    def show_document(self, document: Document) -> None:
        self.model.set_document(document)
        name = Path(document.path).name if document.path else "untitled"
        self.setWindowTitle(f"{name} — MT Reviewer")
        self.flag_panel.show_nothing()
        self.recheck()
        if document.sentences:
            self.select_row(0)

    def recheck(self) -> None:
        for engine in self.engines:
            self.engine_states[engine.name] = "queued"
        self.dispatcher.check(self.model.document, self.engines, self.options)
        self._update_summary()

    def edit_preferences(self) -> None:
        dialog = PreferencesDialog(self.preferences, self)
        if dialog.exec() == PreferencesDialog.DialogCode.Accepted:
            self.apply_preferences(dialog.preferences())

    def apply_preferences(self, preferences: Preferences) -> None:
        """Save the new preferences and check the document again with them."""
        previous, self.preferences = self.preferences, preferences
        self.store.save(preferences)
        self.options = preferences.check_options()
        if self._owns_engines and previous.languagetool_url != preferences.languagetool_url:
            self._replace_languagetool_engine()
        if self.model.document.sentences:
            self.recheck()

    def _replace_languagetool_engine(self) -> None:
        self.dispatcher.generation += 1  # results of the old engine are now stale
        for position, engine in enumerate(self.engines):
            if engine.name == "languagetool":
                # close() waits for the engine's running requests: not on the GUI thread
                self.dispatcher.pool.start(engine.close)
                self.engines[position] = _languagetool_engine(self.preferences)
        self._watch_languagetool()

    def _watch_languagetool(self) -> None:
        if self.languagetool_status is not None:
            self.languagetool_status.close()
            self.languagetool_status.deleteLater()
        self.languagetool_status = _languagetool_bridge(self.engines, self)
        if self.languagetool_status is not None:
            self.engine_states["languagetool"] = self.languagetool_status.description
            self.languagetool_status.changed.connect(self._on_languagetool_status)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Open machine-translated text", "", "Text files (*.txt);;All files (*)"
        )
        if path:
            self.open_path(path)

    def current_row(self) -> int:
        """The selected sentence's index in the document, or -1."""
        index = self.visible_rows.mapToSource(self.sentence_view.currentIndex())
        return index.row() if index.isValid() else -1

    def select_row(self, row: int) -> None:
        """Select a sentence by its index in the document (if it is visible)."""
        index = self.visible_rows.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.sentence_view.setCurrentIndex(index)
            self.sentence_view.scrollTo(index)

    def go_to_flagged(self, step: int) -> None:
        """Move the selection to the next (or previous) visible sentence that has flags."""
        rows = self.model.rowCount()
        row = self.current_row()
        for _ in range(rows):
            row = (row + step) % rows
            visible = self.visible_rows.mapFromSource(self.model.index(row, 0)).isValid()
            if visible and self.model.flags_for_row(row):
                self.select_row(row)
                return

    def set_flagged_only(self, value: bool) -> None:
        """Hide (or show again) the sentences without flags; keep the selection if visible."""
        row = self.current_row()
        self.visible_rows.set_flagged_only(value)
        self.severity_box.setEnabled(value)
        if self.flagged_only_action.isChecked() != value:
            self.flagged_only_action.setChecked(value)
        if row >= 0:
            self.select_row(row)
        self._on_selection()

    def _on_minimum_severity(self, position: int) -> None:
        self.visible_rows.set_minimum_severity(Severity(self.severity_box.itemData(position)))
        self._on_selection()

    def _on_languagetool_status(self, description: str) -> None:
        state = self.engine_states.get("languagetool", "")
        if state.startswith("ready ·") and description.startswith("server ready"):
            return  # the finished check's result ("ready · 6 flags") says more
        self.engine_states["languagetool"] = description
        self._update_summary()

    def _on_engine_started(self, generation: int, name: str) -> None:
        if generation == self.dispatcher.generation:
            bridge = self.languagetool_status if name == "languagetool" else None
            starting = bridge is not None and bridge.description.startswith("starting")
            self.engine_states[name] = "starting server…" if starting else "checking…"
            self._update_summary()

    def _on_engine_finished(self, generation: int, report: EngineReport) -> None:
        if generation != self.dispatcher.generation:
            return  # a newer check superseded this one
        if report.status is EngineStatus.OK:
            self.model.set_engine_flags(report.name, report.flags)
            count = len(report.flags)
            self.engine_states[report.name] = (
                f"ready · {count} flag{'' if count == 1 else 's'} in {report.seconds:.1f} s"
            )
        else:
            self.model.set_engine_flags(report.name, [])
            self.engine_states[report.name] = f"{report.status}: {report.reason or 'no reason'}"
        self._update_summary()
        self._on_selection()

    def _on_selection(self, *_: QItemSelection) -> None:
        row = self.current_row()
        if row < 0:
            self.flag_panel.show_nothing()
            return
        sentence = self.model.document.sentences[row]
        self.flag_panel.show_sentence(sentence, self.model.flags_for_row(row))

    def _update_summary(self) -> None:
        document = self.model.document
        counts = self.model.worst_severity_counts()
        total = sum(counts.values())
        chips = " &nbsp; ".join(
            f"<span style='color:{_colour(s) if counts[s] else '#9aa0a6'}'>● {counts[s]} {s}</span>"
            for s in reversed(list(Severity))
        )
        self.summary.setText(
            f"<b>{len(document.sentences)}</b> sentences &nbsp;·&nbsp; <b>{total}</b> flags"
            f" &nbsp;&nbsp; {chips}"
        )
        self.engine_label.setText(
            "   ".join(
                f"{_ENGINE_LABELS.get(name, name)}: {state}"
                for name, state in self.engine_states.items()
            )
        )

    def _about(self) -> None:
        QMessageBox.about(
            self,
            "About MT Reviewer",
            f"MT Reviewer {__version__}\nReview and post-edit machine-translated English.",
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.dispatcher.generation += 1  # late results are dropped
        if self.languagetool_status is not None:
            self.languagetool_status.close()
        if self._owns_engines:
            # A check may be waiting for a server that is still starting; stopping the
            # server (the process is ending anyway) releases it, so quitting is immediate.
            for engine in self.engines:
                if isinstance(engine, LanguageToolEngine):
                    server = engine.local_server()
                    if server is not None and server.state is ServerState.STARTING:
                        server.stop()
        self.dispatcher.wait(10_000)
        for engine in self.engines:
            engine.close()
        super().closeEvent(event)


def _colour(severity: Severity) -> str:
    return theme.SEVERITY_COLOURS[severity].name()


def _languagetool_bridge(engines: list[Engine], parent: QWidget) -> LanguageToolStatusBridge | None:
    """Start the shared LanguageTool server in the background when its engine is in use."""
    engine = next((e for e in engines if isinstance(e, LanguageToolEngine)), None)
    if engine is None:
        return None
    return LanguageToolStatusBridge(engine.local_server(), engine.remote_url, parent)


def _engines_for(preferences: Preferences) -> list[Engine]:
    """Every engine, LanguageTool pointed at the server the preferences name."""
    return [
        _languagetool_engine(preferences) if name == "languagetool" else create_engine(name)
        for name in ENGINE_NAMES
    ]


def _languagetool_engine(preferences: Preferences) -> Engine:
    return LanguageToolEngine(url=preferences.languagetool_url)
