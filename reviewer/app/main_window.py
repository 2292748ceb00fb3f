"""The review window: sentences on the left; the selected sentence's editor, changes and flags
on the right.

Opening a text opens (or creates) its `.review` file, so every decision is stored as it is
made and reopening restores everything, the current sentence included. Every action goes
through the review's commands (reviewer/core/review), which own undo and redo; the window
only renders what a command changed. Engines run off the GUI thread; each reports when it
is done, and results of a superseded check are dropped.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path

from PySide6.QtCore import QItemSelection, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QLabel,
    QListView,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reviewer import __version__
from reviewer.app import theme
from reviewer.app.changes_view import ChangesView
from reviewer.app.check_worker import CheckDispatcher
from reviewer.app.engine_process import runs_in_process, start_engine_process
from reviewer.app.flag_panel import FlagPanel
from reviewer.app.languagetool_status import LanguageToolStatusBridge
from reviewer.app.preferences import Preferences, PreferenceStore
from reviewer.app.preferences_dialog import PreferencesDialog
from reviewer.app.read_only import ReadOnlyBanner
from reviewer.app.review_dialogs import FindReplaceDialog, MarkErrorDialog, shortcuts_dialog
from reviewer.app.sentence_delegate import SentenceDelegate
from reviewer.app.sentence_editor import SentenceEditor
from reviewer.app.sentence_filter import SentenceFilterModel
from reviewer.app.sentence_model import HIGH_RISK_NOTE, SentenceModel
from reviewer.app.source_view import SHOW_SOURCE_SHORTCUT, show_source_action
from reviewer.core.checking import flags_after_supersede
from reviewer.core.document import Document
from reviewer.core.engine import CheckOptions, Engine, EngineReport, EngineStatus
from reviewer.core.errors import ConfigurationError, ReviewerError
from reviewer.core.flags import Flag, Severity
from reviewer.core.project_config import (
    PROJECT_FILE,
    ProjectConfig,
    find_project_config,
    project_options,
    with_project_words,
)
from reviewer.core.review import (
    Annotation,
    ChangeSet,
    Decision,
    DecisionStatus,
    Review,
    ReviewFlag,
    ReviewLockedError,
    ReviewWriteError,
    TextChangedError,
    open_review,
    open_review_file,
    review_path_for,
)
from reviewer.core.review.model import now_iso
from reviewer.core.wording import count, plural, row_noun
from reviewer.core.wordlists import (
    WordLists,
    add_to_dictionary,
    filter_flags,
    ignore_everywhere,
    load_word_lists,
)
from reviewer.engines import ENGINE_NAMES, create_engine
from reviewer.engines.languagetool.engine import LanguageToolEngine
from reviewer.engines.languagetool.server import ServerState
from reviewer.engines.languagetool.settings import project_url

_ENGINE_LABELS = {
    "languagetool": "LanguageTool",
    "artefacts": "MT artefacts",
    "source": "Source checks",
}
_RECENT_KEY = "recent_files"
_RECENT_LIMIT = 10

SHORTCUTS: list[tuple[str, str]] = [
    ("Alt+1 … Alt+9", "Accept suggestion 1 … 9 of the current flag"),
    ("Alt+R", "Reject the current flag (with the reason typed in its card)"),
    ("F8 / Shift+F8", "Next / previous open flag, across sentences"),
    ("Ctrl+Enter", "Mark the sentence reviewed and go to the next sentence with open flags"),
    ("Ctrl+Z / Ctrl+Shift+Z", "Undo / redo (your typing while you type; else review actions)"),
    ("Ctrl+M", "Mark an error on the text selected in the editor"),
    ("Ctrl+F / Ctrl+H", "Find / find and replace in the whole document"),
    ("Up / Down", "Previous / next sentence in the list"),
    ("Enter (in the editor)", "Commit the edit now (it is also committed when you pause)"),
    ("Ctrl+Shift+F", "Show sentences with open flags only"),
    ("Ctrl+Shift+R", "Riskiest first: order the sentences by the risk of a major error"),
    ("Ctrl+D", "Show the changes view (machine translation against your corrections)"),
    (SHOW_SOURCE_SHORTCUT, "Show or hide the source above the translation (bilingual files)"),
    ("Ctrl+Shift+S", "Scorecard: MQM quality, post-edit distance, effort, checker precision"),
    ("F5", "Check again"),
    ("Ctrl+O", "Open a text or a review"),
    ("Ctrl+,", "Preferences"),
    ("Ctrl+Q", "Quit (every decision is already saved)"),
]


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
        self._given_language = language  # the command line's variant wins over a project's
        self.project: ProjectConfig | None = None  # the open document's project file
        self.project_problem: str | None = None  # why its project file was not applied
        self._project_url: str | None = None  # the LanguageTool URLs the project names
        self._owns_engines = engines is None
        self._engine_url = self.preferences.languagetool_url
        self.engines = engines if engines is not None else _engines_for(self._engine_url)
        self.review: Review | None = None
        self.read_only_reason: str | None = None  # why the review cannot be written now
        self.word_lists = WordLists()
        self.model = SentenceModel(self)
        self.visible_rows = SentenceFilterModel(self.model, self)
        self.dispatcher = CheckDispatcher(self)
        self.dispatcher.engineStarted.connect(self._on_engine_started)
        self.dispatcher.engineFinished.connect(self._on_engine_finished)
        self._checked_documents: dict[int, Document] = {}
        # engines whose report re-takes the riskiest-first order (a full check, not an edit's)
        self._order_pending: set[str] = set()
        self._finished_reports: dict[int, dict[str, EngineReport]] = {}
        self.engine_states: dict[str, str] = {}
        self.languagetool_status: LanguageToolStatusBridge | None = None
        self.last_accept_seconds = 0.0
        self._find_position = -1
        if any(runs_in_process(engine) for engine in self.engines):
            start_engine_process()  # from the GUI thread, which lives as long as the app
        self._watch_languagetool()
        self._build_widgets()
        self._build_menus()
        self._build_toolbar()
        self.find_dialog = FindReplaceDialog(self)
        self.find_dialog.next_button.clicked.connect(self.find_next)
        self.find_dialog.replace_all_button.clicked.connect(self.replace_all)
        self.setAcceptDrops(True)
        self.setWindowTitle("MT Reviewer")
        self.resize(1400, 860)
        self._update_actions()

    # -- building -------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self._build_side_panels()
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

        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.tabs)
        right.addWidget(self.flag_panel)
        right.setStretchFactor(0, 2)
        right.setStretchFactor(1, 3)
        right.setSizes([300, 480])

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.sentence_view)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([800, 560])

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.summary)
        self.read_only_banner = ReadOnlyBanner()
        self.read_only_banner.retryRequested.connect(self.retry_writes)
        layout.addWidget(self.read_only_banner)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)

        self.project_label = QLabel()
        self.project_label.setObjectName("project")
        self.project_label.setTextFormat(Qt.TextFormat.PlainText)
        self.project_label.hide()
        self.statusBar().addPermanentWidget(self.project_label)
        self.engine_label = QLabel()
        self.statusBar().addPermanentWidget(self.engine_label)
        self.setStyleSheet(
            "QLabel#summary { background: #f7f8fa; border-bottom: 1px solid #e1e4e8; }"
            "QListView#sentences { border: none; border-right: 1px solid #e1e4e8; }"
            "QScrollArea#flags { border-top: 1px solid #e1e4e8; background: #fafbfc; }"
            "QWidget#flag-panel-content { background: #fafbfc; }"
        )
        self._update_summary()

    def _build_side_panels(self) -> None:
        """The editor and changes tabs, and the flag panel, wired to the review commands."""
        self.editor = SentenceEditor()
        self.editor.marks_provider = self._marks_in
        self.editor.editCommitted.connect(self._on_edit_committed)
        self.editor.undoRequested.connect(self.undo)
        self.editor.redoRequested.connect(self.redo)
        self.changes_view = ChangesView()
        self.changes_view.mode_changed.connect(lambda _mode: self._refresh_changes())
        self.tabs = QTabWidget()
        self.tabs.setObjectName("editor-tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.editor, "Edit")
        self.tabs.addTab(self.changes_view, "Changes")
        self.tabs.currentChanged.connect(lambda _index: self._refresh_changes())

        self.flag_panel = FlagPanel()
        self.flag_panel.setObjectName("flags")
        self.flag_panel.acceptRequested.connect(self.accept_flag)
        self.flag_panel.rejectRequested.connect(self.reject_flag)
        self.flag_panel.applyAllRequested.connect(self.apply_to_all)
        self.flag_panel.reopenRequested.connect(self.reopen_flag)
        self.flag_panel.ignoreRequested.connect(self.ignore_everywhere)
        self.flag_panel.dictionaryRequested.connect(self.add_to_dictionary)
        self.flag_panel.removeAnnotationRequested.connect(self.remove_annotation)

    def _build_view_menu(self) -> None:
        self.show_source_action = show_source_action(
            self, self.model.set_show_source, self.editor.set_show_source
        )
        self.show_source_action.setEnabled(False)  # until a bilingual file is open
        view_menu = self.menuBar().addMenu("&View")
        self.flagged_only_action = self._action(
            "&Open Flags Only", QKeySequence("Ctrl+Shift+F"), lambda: None
        )
        self.flagged_only_action.setCheckable(True)
        self.flagged_only_action.setToolTip("Hide sentences without open flags (Ctrl+Shift+F)")
        self.flagged_only_action.toggled.connect(self.set_flagged_only)
        self.riskiest_action = self._action(
            "&Riskiest First", QKeySequence("Ctrl+Shift+R"), lambda: None
        )
        self.riskiest_action.setCheckable(True)
        self.riskiest_action.setToolTip(
            "Order the sentences by how likely each holds a major error (Ctrl+Shift+R)"
        )
        self.riskiest_action.toggled.connect(self.set_riskiest_first)
        self.changes_action = self._action(
            "&Changes", QKeySequence("Ctrl+D"), lambda: self.tabs.setCurrentIndex(1)
        )
        self.scorecard_action = self._action(
            "&Scorecard…", QKeySequence("Ctrl+Shift+S"), self.show_scorecard
        )
        view_menu.addActions(
            [
                self.flagged_only_action,
                self.riskiest_action,
                self.changes_action,
                self.scorecard_action,
                self.show_source_action,
            ]
        )

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.open_action = self._action("&Open…", QKeySequence("Ctrl+O"), self.choose_file)
        self.recent_menu = QMenu("Open &Recent", self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.save_as_action = self._action("Save Review &As…", None, self.save_review_as)
        self.recheck_action = self._action("&Re-check", QKeySequence("F5"), self.recheck)
        self.quit_action = self._action("&Quit", QKeySequence("Ctrl+Q"), self.close)
        file_menu.addAction(self.open_action)
        file_menu.addMenu(self.recent_menu)
        file_menu.addActions([self.save_as_action, self._action("&Export…", None, self.export)])
        file_menu.addSeparator()
        file_menu.addAction(self.recheck_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit_menu = self.menuBar().addMenu("&Edit")
        self.undo_action = self._action("&Undo", QKeySequence("Ctrl+Z"), self.undo)
        self.redo_action = self._action("&Redo", QKeySequence("Ctrl+Shift+Z"), self.redo)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.find_action = self._action(
            "&Find…", QKeySequence("Ctrl+F"), lambda: self._show_find(replace=False)
        )
        self.replace_action = self._action(
            "Find and &Replace…", QKeySequence("Ctrl+H"), lambda: self._show_find(replace=True)
        )
        self.mark_action = self._action("&Mark Error…", QKeySequence("Ctrl+M"), self.mark_error)
        self.preferences_action = self._action(
            "&Preferences…", QKeySequence("Ctrl+,"), self.edit_preferences
        )
        for action in (self.undo_action, self.redo_action):
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        for action in (self.find_action, self.replace_action, self.mark_action):
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.preferences_action)

        review_menu = self.menuBar().addMenu("Rev&iew")  # Alt+R is Reject
        self.accept_actions = []
        for number in range(1, 10):
            action = self._action(
                f"Accept Suggestion {number}",
                QKeySequence(f"Alt+{number}"),
                partial(self.accept_current, number - 1),
            )
            self.accept_actions.append(action)
        review_menu.addAction(self.accept_actions[0])
        self.reject_action = self._action(
            "&Reject Flag", QKeySequence("Alt+R"), self.reject_current
        )
        self.reviewed_action = self._action(
            "Mark Reviewed and &Next", QKeySequence("Ctrl+Return"), self.mark_reviewed_and_next
        )
        self.reviewed_action.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        self.next_action = self._action(
            "&Next Open Flag", QKeySequence("F8"), lambda: self.go_to_flag(+1)
        )
        self.previous_action = self._action(
            "&Previous Open Flag", QKeySequence("Shift+F8"), lambda: self.go_to_flag(-1)
        )
        self.merge_action = self._action("Merge with Next Sentence", None, self.merge_with_next)
        for action in (
            self.reject_action,
            self.reviewed_action,
            self.next_action,
            self.previous_action,
            self.merge_action,
        ):
            review_menu.addAction(action)

        self._build_view_menu()
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(self._action("&Keyboard Shortcuts", None, self.show_shortcuts))
        help_menu.addAction(self._action("&About MT Reviewer", None, self._about))

    def _build_toolbar(self) -> None:
        toolbar = self.addToolBar("Review")
        toolbar.setObjectName("review-toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addAction(self.open_action)
        toolbar.addAction(self.recheck_action)
        toolbar.addSeparator()
        toolbar.addAction(self.undo_action)
        toolbar.addAction(self.redo_action)
        toolbar.addSeparator()
        self.undo_action.setIconText("↶ Undo")
        self.redo_action.setIconText("↷ Redo")
        self.previous_action.setIconText("◀ Previous flag")
        self.next_action.setIconText("Next flag ▶")
        self.reviewed_action.setIconText("✓ Reviewed, next")
        toolbar.addAction(self.previous_action)
        toolbar.addAction(self.next_action)
        toolbar.addAction(self.reviewed_action)
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
        shortcut: QKeySequence | None,
        slot: Callable[[], object],
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
            action.setToolTip(f"{text.replace('&', '').rstrip('…')} ({shortcut.toString()})")
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    # -- opening --------------------------------------------------------------------------

    def open_path(self, path: str | Path) -> bool:
        """Open a text (with its review, created the first time) or a `.review` file.

        Bad input shows one line and keeps the current document.
        """
        path = Path(path)
        reviewer = self.preferences.reviewer_name
        review: Review | None
        read_only: str | None = None
        previous_project = self._project_state()
        self.load_project(path)  # its language applies to a new review
        try:
            try:
                if path.suffix == ".review":
                    review = open_review_file(path, reviewer=reviewer)
                else:
                    review = self._open_text_review(path)
            except ReviewLockedError as locked:
                review, read_only = self._open_locked_read_only(path, locked)
        except ReviewerError as exc:
            self._restore_project(previous_project)
            QMessageBox.critical(self, "Cannot open file", str(exc))
            return False
        if review is None:
            self._restore_project(previous_project)
            return False
        self.set_review(review, read_only=read_only)
        self._remember_recent(path)
        return True

    def _open_text_review(self, path: Path) -> Review | None:
        reviewer, language = self.preferences.reviewer_name, self.options.language
        try:
            return open_review(path, reviewer=reviewer, language=language)
        except TextChangedError as changed:
            box = QMessageBox(self)
            box.setIcon(QMessageBox.Icon.Question)
            box.setWindowTitle("The text has changed")
            box.setText(str(changed))
            as_it_was = box.addButton(
                "Open the Review as It Was", QMessageBox.ButtonRole.AcceptRole
            )
            fresh = box.addButton("Start a New Review", QMessageBox.ButtonRole.DestructiveRole)
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.exec()
            if box.clickedButton() is as_it_was:
                return open_review(path, reviewer=reviewer, accept_changed_text=True)
            if box.clickedButton() is fresh:
                old = changed.review_path
                old.rename(old.with_name(f"{old.name}.{time.strftime('%Y%m%d-%H%M%S')}.bak"))
                return open_review(path, reviewer=reviewer, language=language)
            return None

    def _open_locked_read_only(
        self, path: Path, locked: ReviewLockedError
    ) -> tuple[Review | None, str | None]:
        """Another window or process writes this review: offer to open it read-only."""
        review_path = path if path.suffix == ".review" else review_path_for(path)
        answer = QMessageBox.question(
            self,
            "Review in use",
            f"{locked}. Open it read-only (no changes can be made here)?",
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Open,
        )
        if answer != QMessageBox.StandardButton.Open:
            return None, None
        review = open_review_file(
            review_path, reviewer=self.preferences.reviewer_name, read_only=True
        )
        return review, (
            f"Read-only: {review_path.name} is open in another MT Reviewer window or process; "
            "close it there and open the review again to make changes."
        )

    def set_review(self, review: Review, *, read_only: str | None = None) -> None:
        """Show a review; the previous one is closed (everything in it is already saved).

        `read_only` (why it cannot be written) shows it read-only, with its banner.
        """
        self.editor.commit()
        self._close_review()
        self.review = review
        self._set_read_only(read_only)
        review.reviewer = self.preferences.reviewer_name
        self.model.set_review(review)
        self.show_source_action.setEnabled(
            any((unit := review.unit(s.id)) is not None and unit.source for s in review.segments)
        )  # a bilingual file with sources; a Word document has none
        name = Path(review.text_path).name if review.text_path else review.path.name
        self.setWindowTitle(f"{name} - MT Reviewer")
        self._show_no_sentence()
        self.recheck()
        current = review.current_sentence
        if review.segments:
            self.select_row(self.model.row_of(current) if current else 0)
        self._update_actions()
        self._update_summary()

    def _close_review(self) -> None:
        if self.review is not None:
            self.dispatcher.generation += 1
            self.review.close()
            self.review = None
            self.model.set_review(None)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            "Open machine-translated text or review",
            "",
            "Texts, bilingual files and reviews (*.txt *.review *.xlf *.xliff *.sdlxliff "
            "*.mqxliff *.po *.pot *.tmx *.csv *.tsv *.docx);;All files (*)",
        )
        if path:
            self.open_path(path)

    def save_review_as(self) -> None:
        if self.review is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, "Save review as", str(self.review.path), "Reviews (*.review)"
        )
        if not path:
            return
        try:
            self.review.store.backup_to(Path(path))
        except (OSError, ReviewerError) as exc:
            QMessageBox.warning(self, "Cannot save the review", str(exc))
            return
        self.statusBar().showMessage(f"Review copied to {path}", 5000)

    def export(self) -> None:
        """File > Export…: the corrected text (.txt, .docx) or sentence pairs."""
        if self.review is None:
            return
        from reviewer.app.export_dialog import export_from_window

        self.editor.commit()  # typing not yet committed belongs in the export
        result = export_from_window(self, self.review)
        if result is not None:
            self.statusBar().showMessage(f"Exported to {result.path}", 5000)

    def show_scorecard(self) -> None:
        """View > Scorecard (Ctrl+Shift+S): quality, effort and checker precision so far."""
        from reviewer.app.scorecard_view import show_scorecard

        self.editor.commit()  # typing not yet committed belongs in the figures
        self.scorecard_view = show_scorecard(self, getattr(self, "scorecard_view", None))

    def _remember_recent(self, path: Path) -> None:
        settings = QSettings()
        recent = [str(path.resolve())] + [
            p for p in _as_list(settings.value(_RECENT_KEY)) if p != str(path.resolve())
        ]
        settings.setValue(_RECENT_KEY, recent[:_RECENT_LIMIT])

    def recent_files(self) -> list[str]:
        return _as_list(QSettings().value(_RECENT_KEY))

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.recent_files()
        for path in recent:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))
        if not recent:
            self.recent_menu.addAction("No recent files").setEnabled(False)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.open_path(files[0])

    # -- checking -------------------------------------------------------------------------

    def recheck(self, reorder: bool = True) -> None:
        """Check the corrected document again with every engine (off the GUI thread).

        `reorder`: the riskiest-first order is taken again from this check's flags; an
        edit's check leaves it, so the sentence just fixed stays under the cursor.
        """
        if self.review is None:
            return
        self.word_lists = with_project_words(load_word_lists(self._team_folder()), self.project)
        self._sync_languagetool_engine()
        for warning in self.word_lists.warnings:
            self.statusBar().showMessage(warning, 8000)
        for engine in self.engines:
            self.engine_states[engine.name] = self._waiting_state(engine.name)
        document = self.review.document
        generation = self.dispatcher.check(document, self.engines, self.options)
        self._checked_documents = {generation: document}
        if reorder:
            self._order_pending = {engine.name for engine in self.engines}
        self._update_engine_label()

    def _waiting_state(self, name: str) -> str:
        """What an engine whose check waits for its turn is doing: LanguageTool's checks
        wait for its server while it starts (saying "queued" then hid why)."""
        bridge = self.languagetool_status if name == "languagetool" else None
        starting = bridge is not None and bridge.description.startswith("starting")
        return "starting server…" if starting else "queued"

    def _on_engine_started(self, generation: int, name: str) -> None:
        if generation == self.dispatcher.generation:
            waiting = self._waiting_state(name)
            self.engine_states[name] = waiting if waiting != "queued" else "checking…"
            self._update_engine_label()

    def _on_engine_finished(self, generation: int, report: EngineReport) -> None:
        from reviewer.app.engine_state import engine_state

        document = self._checked_documents.get(generation)
        if generation != self.dispatcher.generation or document is None or self.review is None:
            return  # a newer check superseded this one
        changed: set[str] = set()
        if report.status is EngineStatus.OK:
            # LanguageTool's custom rules decide for the Python detectors they cover, whichever
            # engine finishes first (reviewer.core.checking.supersede, as `reviewer check`)
            finished = self._finished_reports.setdefault(generation, {})
            self._finished_reports = {generation: finished}
            finished[report.name] = replace(
                report, flags=filter_flags(report.flags, self.word_lists)
            )
            for name, flags in flags_after_supersede(list(finished.values())).items():
                if name != report.name and len(flags) == len(finished[name].flags):
                    continue  # an earlier engine's flags, which this report leaves as they are
                try:
                    changed |= self.model.record_flags(name, document, flags)
                except ReviewWriteError as exc:  # the stored flags stay as they were
                    if not self.review.store.read_only:  # opened read-only: as the file holds
                        self._set_read_only(_write_failed(exc), can_retry=True)
                self.engine_states[name] = engine_state(finished[name], len(flags))
        else:
            self.engine_states[report.name] = engine_state(report, 0)
        if changed:
            self._update_summary()
        else:
            self._update_engine_label()
        row = self.current_row()
        if row >= 0 and self.model.segment_id(row) in changed:
            self._refresh_current(keep_editor=True)  # rebuilding cards costs ~20 ms: only if needed
        if report.name in self._order_pending:
            self._order_pending.discard(report.name)
            self._retake_risk_order()

    def set_riskiest_first(self, value: bool) -> None:
        """Order the list by sentence risk, riskiest on top (or back to document order)."""
        if self.riskiest_action.isChecked() != value:
            self.riskiest_action.setChecked(value)
        row = self.current_row()
        self.visible_rows.set_riskiest_first(value)
        if value and self.visible_rows.rowCount():
            row = self.visible_rows.mapToSource(self.visible_rows.index(0, 0)).row()
        if row >= 0:
            self.select_row(row)

    def _retake_risk_order(self) -> None:
        if not self.visible_rows.riskiest_first:
            return
        self.visible_rows.refresh_order()
        self.sentence_view.scrollTo(self.sentence_view.currentIndex())

    def edit_preferences(self) -> None:
        dialog = PreferencesDialog(self.preferences, self)
        if dialog.exec() == PreferencesDialog.DialogCode.Accepted:
            self.apply_preferences(dialog.preferences())

    def apply_preferences(self, preferences: Preferences) -> None:
        """Save the new preferences and check the document again with them."""
        previous, self.preferences = self.preferences, preferences
        self.store.save(preferences)
        if preferences.language != previous.language:
            self._given_language = None  # chosen in Preferences now, over the command line's
        self.options = self._project_options()
        if self.review is not None:
            self.review.reviewer = preferences.reviewer_name
        self._sync_languagetool_engine()
        if self.review is not None:
            self.recheck()

    # -- the project file -------------------------------------------------------------------

    def load_project(self, path: Path) -> None:
        """Apply the project file governing `path` (`reviewer.toml` or `[tool.reviewer]`,
        found upwards as `reviewer check` does) over the preferences, the same choices the
        CLI makes for that file. A malformed one is said once; the preferences apply."""
        self.project, self.project_problem, self._project_url = None, None, None
        try:
            project = find_project_config(path)
            url = project_url(project)
            self.project = project
            self.options = self._project_options(strict=True)
            self._project_url = url
        except ConfigurationError as exc:
            self.project, self._project_url = None, None
            self.project_problem = str(exc)
            self.options = self._project_options()
            QMessageBox.warning(
                self,
                "Project file not applied",
                f"{exc}\n\nThe document opens with your preferences instead.",
            )
        self._update_project_label()

    def project_folder(self) -> Path | None:
        """Where a new `reviewer.toml` for the open document would go (beside it)."""
        document = self._document_path()
        return document.parent if document is not None else None

    def _document_path(self) -> Path | None:
        review = self.review
        if review is None:
            return None
        return Path(review.text_path) if review.text_path else review.path

    def switch_off_in_project(self, rule: str) -> Path | None:
        """Add `rule` to `disable-rules` in the project file in effect, or in a new
        `reviewer.toml` beside the document (after asking) when none governs it, so that
        `reviewer check` leaves it out too; the project file is read again (the caller
        checks again). Returns the file written, or None (cancelled, or why not is said)."""
        from reviewer.formats.project_toml import add_disabled_rule, create_project_file

        document, folder = self._document_path(), self.project_folder()
        if document is None or folder is None:
            return None
        title = "Not written to the project file"
        if self.project_problem is not None:
            QMessageBox.warning(self, title, f"{self.project_problem}\n\nCorrect it first.")
            return None
        try:
            if self.project is not None:
                path = self.project.path
                add_disabled_rule(path, rule)
            else:
                answer = QMessageBox.question(
                    self,
                    f"Create {PROJECT_FILE}?",
                    f"No project file applies to {document.name}. Create {folder / PROJECT_FILE}"
                    f" with {rule} switched off? `reviewer check` and this window will then"
                    f" leave {rule} out for every file in {folder} and below.",
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                    QMessageBox.StandardButton.Yes,
                )
                if answer != QMessageBox.StandardButton.Yes:
                    return None
                path = create_project_file(folder, rule)
        except ReviewerError as exc:  # a shape the editor does not touch, a read-only folder
            QMessageBox.warning(self, title, str(exc))
            return None
        self.load_project(document)
        return path

    def _project_options(self, strict: bool = False) -> CheckOptions:
        defaults = self.preferences.check_options()
        try:
            return project_options(self.project, defaults, language=self._given_language)
        except ConfigurationError:
            if strict:
                raise
            return defaults

    def _project_state(self) -> tuple[ProjectConfig | None, str | None, str | None, CheckOptions]:
        return self.project, self.project_problem, self._project_url, self.options

    def _restore_project(
        self, state: tuple[ProjectConfig | None, str | None, str | None, CheckOptions]
    ) -> None:
        self.project, self.project_problem, self._project_url, self.options = state
        self._update_project_label()

    def _update_project_label(self) -> None:
        label = self.project_label
        if self.project_problem is not None:
            label.setText("⚠ Project file not applied")
            label.setToolTip(f"{self.project_problem}\nYour preferences apply instead.")
            label.setStyleSheet("color: #b45309;")
            label.show()
        elif self.project is not None:
            path = self.project.path
            name = path.name if path.name == PROJECT_FILE else f"{path.name} [tool.reviewer]"
            label.setText(f"Project: {name}")
            label.setToolTip(f"Settings from {path}\n{_describe_options(self.options)}")
            label.setStyleSheet("")
            label.show()
        else:
            label.clear()
            label.setToolTip("")
            label.hide()

    def _languagetool_url(self) -> str | None:
        """The project's LanguageTool URLs, else the preferences' (REVIEWER_LANGUAGETOOL_URL
        wins over a project's, as in `reviewer check`)."""
        return self._project_url or self.preferences.languagetool_url

    def _sync_languagetool_engine(self) -> None:
        """Point the window's own LanguageTool engine at the URL now in effect."""
        if self._owns_engines and self._languagetool_url() != self._engine_url:
            self._replace_languagetool_engine()

    def _replace_languagetool_engine(self) -> None:
        self.dispatcher.generation += 1  # results of the old engine are now stale
        self._engine_url = self._languagetool_url()
        for position, engine in enumerate(self.engines):
            if engine.name == "languagetool":
                # close() waits for the engine's running requests: not on the GUI thread
                self.dispatcher.pool.start(engine.close)
                self.engines[position] = _languagetool_engine(self._engine_url)
        self._watch_languagetool()

    def _watch_languagetool(self) -> None:
        if self.languagetool_status is not None:
            self.languagetool_status.close()
            self.languagetool_status.deleteLater()
        self.languagetool_status = _languagetool_bridge(self.engines, self)
        if self.languagetool_status is not None:
            self.engine_states["languagetool"] = self.languagetool_status.description
            self.languagetool_status.changed.connect(self._on_languagetool_status)

    def _on_languagetool_status(self, description: str) -> None:
        state = self.engine_states.get("languagetool", "")
        if state.startswith("ready ·") and description.startswith("server ready"):
            return  # the finished check's result ("ready · 6 flags") says more
        self.engine_states["languagetool"] = description
        self._update_engine_label()

    # -- review commands ------------------------------------------------------------------

    def execute(self, command: Callable[[], ChangeSet | None]) -> ChangeSet | None:
        """Run a review command and show its effect; a failure shows one line and changes
        nothing (the review rolled back)."""
        if self.review is None:
            return None
        if self.read_only_reason is not None:
            self.statusBar().showMessage(f"Not done: {self.read_only_reason}", 8000)
            return None
        # Typing not yet committed first: the editor reloads after the command and would
        # otherwise drop it (Alt+1 or Alt+R pressed while typing).
        self.editor.commit()
        try:
            changes = command()
        except ReviewWriteError as exc:  # nothing applied (the review rolled back)
            reason = _write_failed(exc)
            self._set_read_only(reason, can_retry=True)
            QMessageBox.warning(self, "Not saved", reason)
            return None
        except ReviewerError as exc:
            QMessageBox.warning(self, "Not done", str(exc))
            return None
        if changes is None:
            return None
        row = self.current_row()
        shown = self.model.segment_id(row) if row >= 0 else None
        self.model.apply(changes)
        if changes.structure_changed and shown is not None and self.current_row() < 0:
            # a split or merge rebuilt the rows and dropped the selection: stay on the
            # sentence (or, merged away, the one it went into) instead of an empty editor
            ids = self._segment_ids()
            kept = next((i for i in (shown, *changes.sentence_ids) if i in ids), None)
            if kept is not None:
                self.select_row(self.model.row_of(kept))
        if changes.text_changed:
            self.recheck(reorder=False)
        self.statusBar().showMessage(changes.label, 4000)
        self._refresh_current(keep_editor=False)
        self._update_actions()
        self._update_summary()
        return changes

    def retry_writes(self) -> bool:
        """ "Try Again" in the read-only banner: a real write decides if writing works now."""
        review = self.review
        if review is None or self.read_only_reason is None:
            return True
        if review.store.read_only:
            return False  # opened read-only: only reopening can make it writable
        try:
            with review.store.transaction():
                review.store.set_meta("write_checked_at", now_iso())
        except ReviewerError as exc:
            self._set_read_only(_write_failed(exc), can_retry=True)
            self.statusBar().showMessage("Still cannot write the review", 5000)
            return False
        self._set_read_only(None)
        self.statusBar().showMessage("The review can be written again", 5000)
        return True

    def _set_read_only(self, reason: str | None, *, can_retry: bool = False) -> None:
        """Show why the review cannot be written (None: it can) and disable what writes."""
        self.read_only_reason = reason
        if reason is None:
            self.read_only_banner.clear()
        else:
            self.read_only_banner.show_reason(reason, can_retry=can_retry)
        self.editor.set_locked(reason is not None)
        self._update_actions()

    def accept_flag(self, review_flag: ReviewFlag, suggestion: int) -> None:
        review = self.review
        if review is None:
            return
        began = time.perf_counter()
        self.execute(lambda: review.accept(review_flag, suggestion))
        self.last_accept_seconds = time.perf_counter() - began

    def reject_flag(self, review_flag: ReviewFlag, reason: str) -> None:
        review = self.review
        if review is not None:
            self.execute(lambda: review.reject(review_flag, reason))

    def reopen_flag(self, review_flag: ReviewFlag) -> None:
        review = self.review
        if review is not None:
            self.execute(lambda: review.reopen_flag(review_flag))

    def apply_to_all(self, review_flag: ReviewFlag, suggestion: int) -> None:
        review = self.review
        if review is not None:
            self.execute(lambda: review.apply_to_all(review_flag, suggestion))

    def remove_annotation(self, annotation_id: str) -> None:
        review = self.review
        if review is not None:
            self.execute(lambda: review.remove_annotation(annotation_id))

    def ignore_everywhere(self, review_flag: ReviewFlag) -> None:
        """Never show this rule on this text again (every document, the CLI too)."""
        rule, text, team = review_flag.rule, review_flag.text, self._team_folder()
        also = review_flag.flag.extra.get("also_reported_by", "")
        others = [entry.split(":", 1)[1] for entry in also.split(",") if ":" in entry]

        def ignore_all() -> None:
            for each_rule in (rule, *others):  # the other engine's twin would reappear alone
                ignore_everywhere(each_rule, text, team)

        self._change_word_lists(ignore_all)

    def add_to_dictionary(self, review_flag: ReviewFlag) -> None:
        text, team = review_flag.text, self._team_folder()
        self._change_word_lists(lambda: add_to_dictionary(text, team))

    def _team_folder(self) -> Path | None:
        folder = self.preferences.team_folder
        return Path(folder) if folder else None

    def _change_word_lists(self, change: Callable[[], object]) -> None:
        try:
            change()
        except ReviewerError as exc:
            QMessageBox.warning(self, "Not saved", str(exc))
            return
        self.recheck()

    def accept_current(self, suggestion: int) -> None:
        """Alt+n: accept suggestion n of the current flag."""
        card = self.flag_panel.current_card()
        if card is None or card.reason is None:
            card = next((c for c in self.flag_panel.cards if c.reason is not None), None)
        if card is None:
            self.statusBar().showMessage("No open flag in this sentence", 3000)
            return
        if suggestion >= len(card.review_flag.flag.suggestions):
            self.statusBar().showMessage(f"This flag has no suggestion {suggestion + 1}", 3000)
            return
        self.accept_flag(card.review_flag, suggestion)

    def reject_current(self) -> None:
        """Alt+R: reject the current flag with the reason typed in its card."""
        card = self.flag_panel.current_card()
        if card is None or card.reason is None:
            card = next((c for c in self.flag_panel.cards if c.reason is not None), None)
        if card is not None:
            self.reject_flag(card.review_flag, card.reason.text() if card.reason else "")

    def mark_reviewed_and_next(self) -> None:
        """Ctrl+Enter: done with this sentence; on to the next one that has open flags."""
        review, row = self.review, self.current_row()
        if review is None or row < 0:
            return
        self.editor.commit()
        segment_id = self.model.segment_id(row)
        self.execute(lambda: review.mark_reviewed(segment_id))
        target = self._next_row(row, lambda r: bool(self.model.flags_for_row(r)))
        if target is None:
            target = row + 1 if row + 1 < self.model.rowCount() else row
        self.select_row(target)

    def merge_with_next(self) -> None:
        review, row = self.review, self.current_row()
        if review is not None and row >= 0:
            segment_id = self.model.segment_id(row)
            self.execute(lambda: review.merge_with_next(segment_id))
            self.select_row(self.model.row_of(segment_id))

    def mark_error(self) -> None:
        """Ctrl+M: mark the editor's selection as an error no checker found."""
        review, row = self.review, self.current_row()
        if review is None or row < 0:
            return
        self.editor.commit()
        span = self.editor.selected_span()
        if span is None:
            self.statusBar().showMessage("Select words in the editor, then press Ctrl+M", 4000)
            return
        segment_id = self.model.segment_id(row)
        text = review.segment(segment_id).text
        dialog = MarkErrorDialog(text[span[0] : span[1]], self)
        if dialog.exec() != MarkErrorDialog.DialogCode.Accepted:
            return
        category, severity, note = dialog.values()
        self.execute(
            lambda: review.annotate(
                segment_id, span[0], span[1], category=category, severity=severity, note=note
            )
        )

    def undo(self) -> None:
        """Ctrl+Z: typing first (the editor's own undo), then the review's commands."""
        if self.editor.editor.hasFocus() and self.editor.has_pending_typing:
            self.editor.editor.undo()
            return
        review = self.review
        if review is not None:
            self.editor.commit()
            self._follow(self.execute(review.undo))

    def redo(self) -> None:
        review = self.review
        if review is not None:
            self._follow(self.execute(review.redo))

    def _follow(self, changes: ChangeSet | None) -> None:
        """After undo/redo, show the sentence the step changed."""
        if changes is None or self.review is None:
            return
        rows = [self.model.row_of(i) for i in changes.sentence_ids if i in self._segment_ids()]
        if rows and self.current_row() not in rows:
            self.select_row(min(rows))

    def _segment_ids(self) -> set[str]:
        return {segment.id for segment in self.review.segments} if self.review else set()

    def _on_edit_committed(self, segment_id: str, text: str) -> None:
        review = self.review
        if review is not None and segment_id in self._segment_ids():
            self.execute(lambda: review.edit_sentence(segment_id, text))

    # -- find and replace -----------------------------------------------------------------

    def _find_options(self) -> tuple[str, bool, bool]:
        dialog = self.find_dialog
        return (
            dialog.find_text.text(),
            dialog.match_case.isChecked(),
            dialog.whole_words.isChecked(),
        )

    def _show_find(self, replace: bool) -> None:
        self.find_dialog.show_mode(replace, self.editor.editor.textCursor().selectedText())

    def find_next(self) -> None:
        if self.review is None:
            return
        needle, match_case, whole_words = self._find_options()
        matches = self.review.find(needle, match_case=match_case, whole_words=whole_words)
        if not matches:
            self.find_dialog.status.setText("Not found")
            return
        self._find_position = (self._find_position + 1) % len(matches)
        segment_id, start, end = matches[self._find_position]
        self.find_dialog.status.setText(f"{self._find_position + 1} of {len(matches)}")
        self.select_row(self.model.row_of(segment_id))
        cursor = self.editor.editor.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, cursor.MoveMode.KeepAnchor)
        self.editor.editor.setTextCursor(cursor)

    def replace_all(self) -> None:
        review = self.review
        if review is None:
            return
        self.editor.commit()
        needle, match_case, whole_words = self._find_options()
        replacement = self.find_dialog.replace_text.text()
        changes = self.execute(
            lambda: review.replace_all(
                needle, replacement, match_case=match_case, whole_words=whole_words
            )
        )
        self.find_dialog.status.setText(changes.label if changes else "Not found")

    # -- navigation -----------------------------------------------------------------------

    def current_row(self) -> int:
        """The selected sentence's row in the review, or -1."""
        index = self.visible_rows.mapToSource(self.sentence_view.currentIndex())
        return index.row() if index.isValid() else -1

    def select_row(self, row: int) -> None:
        """Select a sentence by its row (if it is visible)."""
        if not 0 <= row < self.model.rowCount():
            return
        index = self.visible_rows.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.sentence_view.setCurrentIndex(index)
            self.sentence_view.scrollTo(index)

    def go_to_flagged(self, step: int) -> None:
        """Move to the next (or previous) visible sentence that has open flags."""
        target = self._next_row(
            self.current_row(), lambda r: bool(self.model.flags_for_row(r)), step
        )
        if target is not None:
            self.select_row(target)

    def go_to_flag(self, step: int) -> None:
        """F8 / Shift+F8: the next (previous) open flag, in this sentence and then beyond."""
        cards = self.flag_panel.cards
        open_positions = [c.position for c in cards if c.reason is not None]
        here = self.flag_panel.current
        ahead = [p for p in open_positions if (p > here if step > 0 else p < here)]
        if ahead and self.current_row() >= 0:
            self.flag_panel.set_current(ahead[0] if step > 0 else ahead[-1])
            return
        self.go_to_flagged(step)
        if step < 0 and self.flag_panel.cards:
            last_open = [c.position for c in self.flag_panel.cards if c.reason is not None]
            if last_open:
                self.flag_panel.set_current(last_open[-1])

    def _next_row(self, row: int, wanted: Callable[[int], bool], step: int = 1) -> int | None:
        rows = self.model.rowCount()
        for _ in range(rows):
            row = (row + step) % rows
            visible = self.visible_rows.mapFromSource(self.model.index(row, 0)).isValid()
            if visible and wanted(row):
                return row
        return None

    def set_flagged_only(self, value: bool) -> None:
        """Hide (or show again) the sentences without open flags; keep the selection."""
        row = self.current_row()
        self.visible_rows.set_flagged_only(value)
        self.severity_box.setEnabled(value)
        if self.flagged_only_action.isChecked() != value:
            self.flagged_only_action.setChecked(value)
        if row >= 0:
            self.select_row(row)
        self._refresh_current(keep_editor=True)

    def _on_minimum_severity(self, position: int) -> None:
        self.visible_rows.set_minimum_severity(Severity(self.severity_box.itemData(position)))
        self._refresh_current(keep_editor=True)

    def _on_selection(self, *_: QItemSelection) -> None:
        row = self.current_row()
        if self.review is not None and row >= 0 and self.read_only_reason is None:
            try:
                self.review.enter(self.model.segment_id(row))
            except ReviewWriteError as exc:  # effort figures only: say so, go read-only
                self._set_read_only(_write_failed(exc), can_retry=True)
        self._refresh_current(keep_editor=False)

    def _refresh_current(self, keep_editor: bool) -> None:
        """Redraw the editor, the flag panel and the changes view for the selected sentence."""
        row = self.current_row()
        review = self.review
        if review is None or row < 0:
            self.editor.load(None, "", [], 0)
            self._show_no_sentence()
            return
        segment = self.model.segment(row)
        sentence = self.model.sentence(row)
        flags = self.model.review_flags_for_row(row)
        open_flags = [rf.flag for rf in flags if review.decision(rf.key) is None]
        if keep_editor and self.editor.segment_id == segment.id and self.editor.has_pending_typing:
            pass  # the reviewer is typing: keep their text; the flags follow their cursors
        else:
            self.editor.load(
                segment.id,
                segment.text,
                open_flags,
                sentence.start,
                previous=self._neighbour_text(row, -1),
                following=self._neighbour_text(row, +1),
                unit=review.unit(segment.id),
                source_language=review.source_language,
            )
        current = self.flag_panel.current if keep_editor else -1
        triples = []
        for rf in flags:
            decision = review.decision(rf.key)
            identical = (
                len(review.identical_open_flags(rf))
                if decision is None and rf.flag.suggestions
                else 0
            )
            triples.append((rf, decision, identical))
        triples.extend(_fixed_flags(review, segment.id, sentence.start, flags))
        heading = (
            f"{self._row_noun().capitalize()} {row + 1} of {self.model.rowCount()}"
            f" · {segment.status}"
            f" · {count(len(open_flags), 'open flag')}"
        )
        risk_note = None
        if self.model.is_high_risk(row):
            risk_note = f"{HIGH_RISK_NOTE} (risk {self.model.risk_of_row(row):.2f})"
        self.flag_panel.show_flags(
            heading,
            triples,
            review.annotations_in(segment.id),
            current,
            review.unit(segment.id),
            risk_note=risk_note,
        )
        self._refresh_changes()

    def _show_no_sentence(self) -> None:
        """The flag panel with no sentence selected; an empty document says it is empty (an
        empty list and "Select a sentence" looked like a document that failed to load)."""
        if self.review is not None and not self.review.segments:
            self.flag_panel.show_nothing(EMPTY_DOCUMENT)
        else:
            self.flag_panel.show_nothing()

    def _neighbour_text(self, row: int, step: int) -> str:
        other = row + step
        if not 0 <= other < self.model.rowCount():
            return ""
        return self.model.display_text(other)

    def _refresh_changes(self) -> None:
        if self.tabs.currentIndex() != 1 or self.review is None:
            return
        if self.changes_view.mode == "document":
            segments = self.review.segments
            self.changes_view.set_document(
                [(s.mt, s.text) for s in segments], [self.review.unit(s.id) for s in segments]
            )
            return
        row = self.current_row()
        if row >= 0:
            segment = self.model.segment(row)
            self.changes_view.set_sentence(segment.mt, segment.text, self.review.unit(segment.id))

    def _update_actions(self) -> None:
        review = self.review
        writable = self.read_only_reason is None
        for action in (
            *self.accept_actions,
            self.reject_action,
            self.reviewed_action,
            self.merge_action,
            self.replace_action,
            self.mark_action,
        ):
            action.setEnabled(writable)
        # translation units are never merged: offering it only led to a refusal
        self.merge_action.setEnabled(writable and not (review and review.bilingual))
        self.undo_action.setEnabled(writable and bool(review and review.can_undo))
        self.redo_action.setEnabled(writable and bool(review and review.can_redo))
        self.undo_action.setText(
            f"&Undo {review.undo_label}" if review and review.can_undo else "&Undo"
        )
        self.redo_action.setText(
            f"&Redo {review.redo_label}" if review and review.can_redo else "&Redo"
        )
        self.undo_action.setToolTip(f"{self.undo_action.text().replace('&', '')} (Ctrl+Z)")
        self.redo_action.setToolTip(f"{self.redo_action.text().replace('&', '')} (Ctrl+Shift+Z)")
        self.save_as_action.setEnabled(review is not None)

    def _update_summary(self) -> None:
        """Progress and open flags by severity in the header, and the engines' states."""
        counts = self.model.worst_severity_counts()
        total = sum(counts.values())
        rows = self.model.rowCount()
        reviewed = self.model.reviewed_count()
        chips = " &nbsp; ".join(
            f"<span style='color:{_colour(s) if counts[s] else '#9aa0a6'}'>● {counts[s]} {s}</span>"
            for s in reversed(list(Severity))
        )
        percent = f"{100 * reviewed / rows:.0f}%" if rows else "0%"
        self.summary.setText(
            f"<b>{reviewed}</b> of <b>{rows}</b> {plural(self._row_noun(), rows)}"
            f" reviewed ({percent}) &nbsp;·&nbsp; <b>{total}</b> open"
            f" {plural('flag', total)} &nbsp;&nbsp; {chips}"
        )
        self._update_engine_label()

    def _marks_in(self, segment_id: str) -> list[Annotation]:
        """The reviewer's own error marks in a sentence, where its text has them now."""
        if self.review is None:
            return []
        try:
            return self.model.annotations_for_row(self.model.row_of(segment_id))
        except KeyError:
            return []

    def _row_noun(self) -> str:
        """What a row is: a translation unit in a bilingual file, else a sentence."""
        return row_noun(self.review is not None and self.review.bilingual)

    def _update_engine_label(self) -> None:
        self.engine_label.setText(
            "   ".join(
                f"{_ENGINE_LABELS.get(name, name)}: {state}"
                for name, state in self.engine_states.items()
            )
        )

    def show_shortcuts(self) -> None:
        shortcuts_dialog(SHORTCUTS, self).exec()

    def _about(self) -> None:
        QMessageBox.about(
            self,
            "About MT Reviewer",
            f"MT Reviewer {__version__}\nReview and post-edit machine-translated English.",
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.editor.commit()
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
        if self.review is not None:
            self.review.close()
            self.review = None
        super().closeEvent(event)


def _as_list(value: object) -> list[str]:
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, list):
        return [str(item) for item in value]
    return []


def review_file_for(path: str | Path) -> Path:
    """Where the window keeps the review of a text (for tests and the File menu)."""
    return review_path_for(Path(path))


def _colour(severity: Severity) -> str:
    return theme.SEVERITY_COLOURS[severity].name()


def _languagetool_bridge(engines: list[Engine], parent: QWidget) -> LanguageToolStatusBridge | None:
    """Start the shared LanguageTool server in the background when its engine is in use."""
    engine = next((e for e in engines if isinstance(e, LanguageToolEngine)), None)
    if engine is None:
        return None
    return LanguageToolStatusBridge(engine.local_server(), engine.remote_url, parent)


def _engines_for(url: str | None) -> list[Engine]:
    """Every engine, LanguageTool pointed at `url` (None: the default server)."""
    return [
        _languagetool_engine(url) if name == "languagetool" else create_engine(name)
        for name in ENGINE_NAMES
    ]


def _languagetool_engine(url: str | None) -> Engine:
    return LanguageToolEngine(url=url)


def _describe_options(options: CheckOptions) -> str:
    """The project label's tooltip: what the check now uses."""
    lines = [f"Language: {options.language}"]
    if options.source_language:
        lines.append(f"Translated from: {options.source_language}")
    lines.append(f"Picky: {'yes' if options.picky else 'no'}")
    if options.disabled_rules:
        lines.append(f"Rules off: {', '.join(sorted(options.disabled_rules))}")
    if options.disabled_categories:
        lines.append(f"Categories off: {', '.join(sorted(options.disabled_categories))}")
    return "\n".join(lines)


EMPTY_DOCUMENT = "Nothing to review: the document has no text."


def _write_failed(exc: ReviewerError) -> str:
    """The banner's and the message's line for a failed write."""
    return f"{exc}. The review is read-only until writing works again (Try Again)."


def _fixed_flags(
    review: Review, segment_id: str, sentence_start: int, raised: list[ReviewFlag]
) -> list[tuple[ReviewFlag, Decision, int]]:
    """The sentence's accepted flags that the fix made disappear (no engine raises them on
    the corrected words): their cards stay, greyed, saying what was accepted."""
    shown = {rf.key for rf in raised}
    fixed = []
    for decision in review.decisions:
        key = decision.key
        if (
            key.sentence_id != segment_id
            or key in shown
            or decision.status is not DecisionStatus.ACCEPTED
        ):
            continue
        start = sentence_start + decision.offset
        flag = Flag(
            start,
            start + len(key.text),
            key.text,
            key.rule,
            decision.engine,
            decision.category,
            decision.severity,
            decision.message,
            extra={"fixed": "yes"},
        )
        span = (decision.offset, decision.offset + len(key.text))
        fixed.append((ReviewFlag(key, *span, "", flag), decision, 0))
    return sorted(fixed, key=lambda triple: triple[0].start)
