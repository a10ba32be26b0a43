"""Insights: how the network changes month by month, drawn with QtCharts.

The figures are counted off the GUI thread (on a large journal that takes a moment) and drawn
when they arrive; the page counts again only when shown after something changed.
"""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QPercentBarSeries, QValueAxis
from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from hitouch.domain.relationships.insights import Insights
from hitouch.services.changes import Changes
from hitouch.services.workspace import Workspace
from hitouch.ui.common.background import Runner, Task, message_for
from hitouch.ui.common.formatting import tr
from hitouch.ui.common.widgets import RedrawnWhenShown, dim, heading

MONTHS = 12
# Small accents that read on light and dark backgrounds alike.
FACE_TO_FACE, VIRTUAL = QColor("#2e9d4a"), QColor("#d08a1c")
KEPT, MISSED = QColor("#2e9d4a"), QColor("#d0503c")
GIVEN, RECEIVED = QColor("#3a7bd5"), QColor("#9b59b6")


class InsightsPage(RedrawnWhenShown, QScrollArea):
    updated = Signal()  # the charts were redrawn

    def __init__(self, workspace: Workspace, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("insightsPage")
        self.setAccessibleName(tr("Insights"))
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._ws = workspace
        self._runner = runner
        self._task: Task | None = None  # the count under way
        self.insights: Insights | None = None

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addWidget(heading(tr("Insights"), 1.6))
        self.headline = dim(QLabel(tr("Counting…")))
        self.headline.setObjectName("insightsHeadline")
        self.headline.setWordWrap(True)
        layout.addWidget(self.headline)
        self.share_chart = self._chart_view(
            "faceToFaceChart", tr("Relationships met face to face, and known only on a screen")
        )
        self.followup_chart = self._chart_view("followupChart", tr("Follow-ups kept and missed, by month due"))
        self.referral_chart = self._chart_view("referralChart", tr("Referrals given and received, by month"))
        for chart in (self.share_chart, self.followup_chart, self.referral_chart):
            layout.addWidget(chart)
        layout.addStretch()
        self.setWidget(body)

    def _chart_view(self, name: str, title: str) -> QChartView:
        chart = QChart()
        chart.setTitle(title)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setBackgroundVisible(False)
        view = QChartView(chart)
        view.setObjectName(name)
        view.setAccessibleName(title)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumHeight(260)
        return view

    # Refreshing -------------------------------------------------------------------------

    def apply(self, _changes: Changes) -> None:
        self.redraw_soon()

    def reload(self) -> None:
        """Count again, off the GUI thread; a change during a count is counted once it arrives."""
        self._stale = False
        if self._task is not None:
            self._stale = True
            return
        insights = self._ws.insights
        self._task = Task(lambda _progress, _cancelled: insights.months(MONTHS), self)
        self._task.succeeded.connect(self._counted)
        self._task.failed.connect(lambda error: self._failed(message_for(error)))
        self._runner.start(self._task)

    def wait(self) -> None:
        """Let a count in progress finish (before the journal closes)."""
        if self._task is not None:
            self._task.wait(30)

    def _failed(self, message: str) -> None:
        self._task = None
        self.headline.setText(message)

    def _counted(self, insights: Insights) -> None:
        self._task = None
        self.insights = insights
        self._draw(insights)
        self.updated.emit()
        if self._stale and self.isVisible():
            self.reload()

    # Drawing ----------------------------------------------------------------------------

    def _draw(self, insights: Insights) -> None:
        labels = [
            QLocale().standaloneMonthName(m.month.month, QLocale.FormatType.ShortFormat) for m in insights.relationships
        ]
        self._bars(
            self.share_chart,
            QPercentBarSeries(),
            labels,
            [
                (tr("Met face to face"), FACE_TO_FACE, [m.met for m in insights.relationships]),
                (tr("Known only virtually"), VIRTUAL, [m.virtual for m in insights.relationships]),
            ],
            percent=True,
        )
        self._bars(
            self.followup_chart,
            QBarSeries(),
            labels,
            [
                (tr("Kept"), KEPT, [m.kept for m in insights.followups]),
                (tr("Missed"), MISSED, [m.missed for m in insights.followups]),
            ],
        )
        self._bars(
            self.referral_chart,
            QBarSeries(),
            labels,
            [
                (tr("Given"), GIVEN, [m.given for m in insights.referrals]),
                (tr("Received"), RECEIVED, [m.received for m in insights.referrals]),
            ],
        )
        self.headline.setText(headline(insights))

    def _bars(
        self,
        view: QChartView,
        series: QBarSeries | QPercentBarSeries,
        labels: list[str],
        sets: list[tuple[str, QColor, list[int]]],
        percent: bool = False,
    ) -> None:
        chart = view.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        lines = self.palette().color(QPalette.ColorRole.Mid)
        chart.setTitleBrush(text)
        chart.legend().setLabelColor(text)
        for name, color, values in sets:
            bar_set = QBarSet(name)
            bar_set.setColor(color)
            bar_set.setBorderColor(color)
            bar_set.append([float(v) for v in values])
            series.append(bar_set)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append(labels)
        value_axis = QValueAxis()
        value_axis.setLabelFormat("%d%%" if percent else "%d")
        if not percent:
            highest = max([1] + [v for _, _, vs in sets for v in vs])
            value_axis.setRange(0, highest)
            if highest <= 5:
                value_axis.setTickCount(highest + 1)  # whole numbers only
            else:
                value_axis.applyNiceNumbers()
        for axis in (categories, value_axis):
            axis.setLabelsColor(text)
            axis.setLinePenColor(lines)
            axis.setGridLineColor(lines)
            axis.setGridLineVisible(axis is value_axis)
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(value_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        series.attachAxis(value_axis)


def headline(insights: Insights) -> str:
    """One sentence: how much of the network is face to face, and which way it is going."""
    known = [m for m in insights.relationships if m.met + m.virtual]
    if not known:
        return tr("Add people and log your meetings to see how your network grows.")
    share, then = round(known[-1].met_share * 100), round(known[0].met_share * 100)
    sentence = tr("{share}% of your relationships are face to face").format(share=share)
    if len(known) > 1 and then != share:
        since = QLocale().toString(QDate(known[0].month), "MMMM yyyy")
        trend = tr("up from {then}% in {since}") if share > then else tr("down from {then}% in {since}")
        sentence += ", " + trend.format(then=then, since=since)
    return sentence + "."
