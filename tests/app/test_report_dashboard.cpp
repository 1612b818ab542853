// The managers' monthly report in the client (issue 5 §4, §6): the KPIs and warnings of the local store,
// drill-down into the cases behind a figure, the print preview, PDF/XLSX/CSV files, and the Reports menu
// following the role.
#include "app/UiTestSupport.h"
#include "fixtures/WorkspaceFixture.h"
#include "report/KpiDefinitions.h"
#include "ui/CaseDetailView.h"
#include "ui/CaseTableModel.h"
#include "ui/MainWindow.h"
#include "ui/ReportDashboard.h"
#include "ui/UiLanguage.h"

#include <QAction>
#include <QPrintPreviewDialog>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace casedesk;
using namespace casedesk::testing;

class TestReportDashboard : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<WorkspaceFixture> f;

    static QString cell(QTableWidget *table, int row, int column)
    {
        const QTableWidgetItem *item = table->item(row, column);
        return item ? item->text() : QString();
    }

    static int kpiRow(const QString &code)
    {
        const auto &kpis = KpiDefinitions::kpis();
        for (int i = 0; i < kpis.size(); ++i) {
            if (kpis.at(i).code == code)
                return i;
        }
        return -1;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        UiLanguage::apply(QStringLiteral("zh_CN"));
    }

    void init()
    {
        // Three walk-ins in November 2026 (the fixture's clock: 24 November), saved on this computer.
        // (Repeats are found by the server's keyed hash, so none is a repeat here.)
        f = std::make_unique<WorkspaceFixture>(QStringLiteral("manager"));
        for (const QString &phone :
            {QStringLiteral("13800000001"), QStringLiteral("13800000002"), QStringLiteral("13800000003")})
            QVERIFY(!f->create(WorkspaceFixture::walkIn(phone), f->reception).id.isEmpty());
    }

    void cleanup()
    {
        f.reset();
        UiLanguage::apply(QStringLiteral("zh_CN"));
    }

    void showsLastMonthThenTheChosenOne()
    {
        ReportDashboard dashboard(*f->workspace);
        dashboard.resize(1200, 800);
        dashboard.show();
        // Managers open last month's report: October, without cases.
        QVERIFY(dashboard.report());
        QCOMPARE(dashboard.month(), ReportMonth(2026, 10));
        QCOMPARE(dashboard.report()->current.received, 0);

        dashboard.showMonth(ReportMonth(2026, 11));
        QVERIFY(dashboard.report());
        QCOMPARE(dashboard.report()->current.received, 3);
        QCOMPARE(dashboard.report()->current.repeats, 0);
        QTableWidget *kpis = dashboard.kpiTable();
        QCOMPARE(kpis->rowCount(), int(KpiDefinitions::kpis().size()));
        const int received = kpiRow(QStringLiteral("received"));
        QCOMPARE(cell(kpis, received, 0), QStringLiteral("受理投诉量"));
        QCOMPARE(cell(kpis, received, 1), QStringLiteral("3"));
        QCOMPARE(cell(kpis, kpiRow(QStringLiteral("repeat_rate")), 1), QStringLiteral("0.0%"));
        // Nothing resolved yet: the on-time rate has no value, shown as a dash, not as 0%.
        QCOMPARE(cell(kpis, kpiRow(QStringLiteral("on_time_rate")), 1), QStringLiteral("—"));
        QCOMPARE(dashboard.caseModel()->rowCount(), 0);
        saveScreenshot(&dashboard, QStringLiteral("report-dashboard"));
    }

    void drillsDownIntoTheCasesBehindAFigure()
    {
        ReportDashboard dashboard(*f->workspace);
        dashboard.show();
        dashboard.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&dashboard));
        dashboard.showMonth(ReportMonth(2026, 11));
        QSignalSpy opened(&dashboard, &ReportDashboard::openCase);
        // Enter on the "received" row lists its three cases.
        QTableWidget *kpis = dashboard.kpiTable();
        kpis->setFocus();
        kpis->setCurrentCell(kpiRow(QStringLiteral("received")), 1);
        QTest::keyClick(kpis, Qt::Key_Return);
        QCOMPARE(dashboard.caseModel()->rowCount(), 3);
        QVERIFY(dashboard.drillDownFigure(QStringLiteral("repeat_rate")));
        QCOMPARE(dashboard.caseModel()->rowCount(), 0);
        QVERIFY(!dashboard.drillDownFigure(QStringLiteral("extensions"))); // events, not cases
        QCOMPARE(dashboard.caseModel()->rowCount(), 0);
        // Open "at the end" of a running month means open now; the cases were received at this very
        // minute, which the engine's stock (received before now) does not count yet.
        QVERIFY(dashboard.drillDownFigure(QStringLiteral("open_at_end")));
        QCOMPARE(dashboard.caseModel()->rowCount(), int(dashboard.report()->current.openAtEnd));
        QVERIFY(dashboard.drillDownFigure(QStringLiteral("received")));
        // Enter on a case asks the window to open it.
        QTableView *cases = dashboard.caseTable();
        cases->setFocus();
        cases->setCurrentIndex(dashboard.caseModel()->index(0, 0));
        QTest::keyClick(cases, Qt::Key_Return);
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.at(0).at(0).toString(), dashboard.caseModel()->caseId(0));
    }

    void savesPdfXlsxAndCsv()
    {
        ReportDashboard dashboard(*f->workspace);
        dashboard.showMonth(ReportMonth(2026, 11));
        QTemporaryDir out;
        const QString pdf = out.filePath(QStringLiteral("report.pdf"));
        QVERIFY(dashboard.saveAs(MonthlyReportDocument::Format::Pdf, pdf));
        QProcess text;
        text.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
        QVERIFY(text.waitForFinished(60000));
        const QString extracted = QString::fromUtf8(text.readAllStandardOutput());
        QVERIFY2(extracted.contains(QStringLiteral("月度报告")), qPrintable(extracted.left(300)));
        QVERIFY(extracted.contains(QStringLiteral("2026年11月")));

        const QString xlsx = out.filePath(QStringLiteral("report.xlsx"));
        QVERIFY(dashboard.saveAs(MonthlyReportDocument::Format::Xlsx, xlsx));
        QFile workbook(xlsx);
        QVERIFY(workbook.open(QIODevice::ReadOnly));
        QVERIFY(workbook.read(2) == "PK");
        const QString csv = out.filePath(QStringLiteral("report.csv"));
        QVERIFY(dashboard.saveAs(MonthlyReportDocument::Format::Csv, csv));
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        QVERIFY(csvFile.read(3) == "\xEF\xBB\xBF");
        // A folder that does not exist: a clear message, nothing written.
        const auto refused
            = dashboard.saveAs(MonthlyReportDocument::Format::Pdf, out.filePath(QStringLiteral("missing/report.pdf")));
        QVERIFY(!refused);
        QVERIFY(!refused.error().message.isEmpty());
    }

    void previewPaintsThePages()
    {
        ReportDashboard dashboard(*f->workspace);
        dashboard.showMonth(ReportMonth(2026, 11));
        QPrintPreviewDialog *preview = dashboard.openPreview();
        QVERIFY(preview);
        QTRY_VERIFY(preview->isVisible());
        QVERIFY(dashboard.errorText().isEmpty());
        saveScreenshot(preview, QStringLiteral("report-preview"));
        preview->close();
    }

    void menuFollowsTheRoleAndOpensCases()
    {
        MainWindow window(*f->workspace, nullptr);
        window.show();
        QAction *monthly = window.action(QStringLiteral("monthlyReport"));
        QVERIFY(monthly);
        monthly->trigger();
        auto *dashboard = qobject_cast<ReportDashboard *>(window.tabs()->currentWidget());
        QVERIFY(dashboard);
        monthly->trigger(); // the same tab again, not a second one
        QCOMPARE(window.tabs()->count(), 2);
        dashboard->showMonth(ReportMonth(2026, 11));
        QVERIFY(dashboard->drillDownFigure(QStringLiteral("received")));
        emit dashboard->openCase(dashboard->caseModel()->caseId(0));
        QVERIFY(qobject_cast<CaseDetailView *>(window.tabs()->currentWidget()));
        saveScreenshot(&window, QStringLiteral("main-manager-report"));

        f->actAs(f->reception);
        MainWindow counter(*f->workspace, nullptr);
        QVERIFY(!counter.action(QStringLiteral("monthlyReport")));
        QVERIFY(!counter.openReports());
    }
};

QTEST_MAIN(TestReportDashboard)
#include "test_report_dashboard.moc"
