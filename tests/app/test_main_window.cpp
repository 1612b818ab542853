#include "app/UiTestSupport.h"
#include "fixtures/WorkspaceFixture.h"
#include "session/Preferences.h"
#include "ui/CaseDetailView.h"
#include "ui/CaseQueueView.h"
#include "ui/CaseTableModel.h"
#include "ui/DocumentDialog.h"
#include "ui/IntakeDialog.h"
#include "ui/MainWindow.h"
#include "ui/PreferencesDialog.h"
#include "ui/UiLanguage.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace casedesk;
using namespace casedesk::testing;

// The main window (issue 4 §3–§7): role-aware menus and queues, the keyboard-only walk-in of
// SCENARIOS 1 from Ctrl+N to the slip, opening and closing cases, the language switch.
class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<WorkspaceFixture> f;
    std::unique_ptr<Preferences> preferences;

    std::unique_ptr<MainWindow> window()
    {
        auto w = std::make_unique<MainWindow>(*f->workspace, nullptr);
        w->setPreferences(preferences.get());
        w->show();
        QApplication::setActiveWindow(w.get());
        if (!QTest::qWaitForWindowActive(w.get()))
            qWarning("main window not active");
        return w;
    }

    template<typename Dialog>
    Dialog *activeDialog(QWidget *parent)
    {
        Dialog *dialog = nullptr;
        for (int i = 0; i < 100 && !(dialog && dialog->isVisible()); ++i) {
            dialog = parent->findChild<Dialog *>();
            if (!(dialog && dialog->isVisible()))
                QTest::qWait(20);
        }
        if (dialog) {
            QApplication::setActiveWindow(dialog);
            (void)QTest::qWaitForWindowActive(dialog);
        }
        return dialog;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        UiLanguage::apply(QStringLiteral("zh_CN"));
    }
    void init()
    {
        f = std::make_unique<WorkspaceFixture>(QStringLiteral("reception"));
        preferences = std::make_unique<Preferences>(f->dir.filePath(QStringLiteral("casedesk.ini")));
    }
    void cleanup()
    {
        f.reset();
        preferences.reset();
        UiLanguage::apply(QStringLiteral("zh_CN"));
    }

    void menusFollowTheRole_data()
    {
        QTest::addColumn<QString>("login");
        QTest::addColumn<bool>("intake");
        QTest::addColumn<int>("queues");
        QTest::newRow("reception") << "reception" << true << 1;
        QTest::newRow("handler") << "handler" << true << 6;
        QTest::newRow("supervisor") << "supervisor" << true << 7;
        QTest::newRow("auditor") << "auditor" << false << 5;
        QTest::newRow("admin") << "admin" << false << 0;
    }

    void menusFollowTheRole()
    {
        QFETCH(QString, login);
        QFETCH(bool, intake);
        QFETCH(int, queues);
        f = std::make_unique<WorkspaceFixture>(login);
        (void)f->create(WorkspaceFixture::walkIn(), f->reception);
        auto w = window();
        QCOMPARE(w->action(QStringLiteral("newComplaint")) != nullptr, intake);
        QCOMPARE(w->navigation()->count(), queues);
        QCOMPARE(w->queues().size(), queues);
        if (queues == 0) {
            // An administrator is told why there are no cases instead of an empty table.
            auto *stack = qobject_cast<QStackedWidget *>(w->centralWidget());
            QCOMPARE(stack->currentIndex(), 1);
        }
        saveScreenshot(w.get(), QStringLiteral("main-%1").arg(login));
    }

    void walkInFromShortcutToSlip()
    {
        // SCENARIOS 1 with the keyboard alone: Ctrl+N, type, Ctrl+Enter, the slip, Esc.
        auto w = window();
        QCOMPARE(w->queueView()->model()->rowCount(), 0);
        QTest::keyClick(w.get(), Qt::Key_N, Qt::ControlModifier);
        auto *intake = activeDialog<IntakeDialog>(w.get());
        QVERIFY(intake);
        QCOMPARE(focusName(), QStringLiteral("intakeName"));
        type(QStringLiteral("陈敏"));
        press(Qt::Key_Tab);
        type(QStringLiteral("13812345678"));
        press(Qt::Key_Tab);
        type(QStringLiteral("工作"));
        press(Qt::Key_Tab);
        type(QStringLiteral("支付"));
        press(Qt::Key_Tab);
        type(QStringLiteral("转账被收取25元手续费，柜员此前告知免费"));
        press(Qt::Key_Tab);
        type(QStringLiteral("退还手续费"));
        press(Qt::Key_Return, Qt::ControlModifier); // saves also from inside a text box

        auto *slip = activeDialog<DocumentDialog>(w.get());
        QVERIFY(slip);
        QVERIFY(slip->document().title().contains(QStringLiteral("SH01-20261124-A0001")));
        QVERIFY2(slip->errorText().isEmpty(), qPrintable(slip->errorText()));
        QCOMPARE(focusName(), QStringLiteral("printButton")); // Enter prints
        saveScreenshot(slip, QStringLiteral("slip-preview"));
        press(Qt::Key_Escape);
        QTRY_VERIFY(!slip->isVisible());

        QTRY_COMPARE(w->queueView()->model()->rowCount(), 1);
        QCOMPARE(w->queueView()->model()->caseAt(0)->number, QStringLiteral("SH01-20261124-A0001"));
        // The count in the queue list, in the window's language (zh_CN: full-width brackets).
        QTRY_VERIFY(w->navigation()->item(0)->text().contains(QRegularExpression(QStringLiteral("[(（]1[)）]"))));
        saveScreenshot(w.get(), QStringLiteral("main-reception-after-intake"));
    }

    void keyboardThroughQueuesAndCases()
    {
        f = std::make_unique<WorkspaceFixture>(QStringLiteral("supervisor"));
        const Case first = f->create(WorkspaceFixture::walkIn(), f->reception);
        (void)f->create(WorkspaceFixture::walkIn(QStringLiteral("13900001111")), f->reception);
        auto w = window();
        // Ctrl+F reaches the search box wherever the focus is.
        QTest::keyClick(w.get(), Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(focusName(), QStringLiteral("queueSearch"));
        type(first.number);
        press(Qt::Key_Return);
        QCOMPARE(focusName(), QStringLiteral("queueTable"));
        press(Qt::Key_Return);
        QCOMPARE(w->tabs()->count(), 2);
        auto *detail = qobject_cast<CaseDetailView *>(w->tabs()->currentWidget());
        QVERIFY(detail);
        QCOMPARE(detail->caseId(), first.id);
        QCOMPARE(w->tabs()->tabText(1), first.number);
        saveScreenshot(w.get(), QStringLiteral("main-supervisor-case"));
        // Ctrl+W closes the case; the queue tab stays.
        QTest::keyClick(w.get(), Qt::Key_W, Qt::ControlModifier);
        QCOMPARE(w->tabs()->count(), 1);
        QTest::keyClick(w.get(), Qt::Key_W, Qt::ControlModifier);
        QCOMPARE(w->tabs()->count(), 1);
        // Ctrl+5 is the fifth queue: unassigned for a supervisor.
        QTest::keyClick(w.get(), Qt::Key_5, Qt::ControlModifier);
        QCOMPARE(w->queueView()->queue(), CaseQueue::Kind::Unassigned);
        QCOMPARE(w->navigation()->currentRow(), 4);
        QCOMPARE(w->queueView()->model()->rowCount(), 2);
    }

    void languageSwitch()
    {
        (void)f->create(WorkspaceFixture::walkIn(), f->reception);
        auto w = window();
        CaseTableModel *model = w->queueView()->model();
        const QModelIndex category = model->index(0, CaseTableModel::CategoryColumn);
        QCOMPARE(category.data().toString(), QStringLiteral("工作失误"));
        // The translated texts (translations/casedesk_zh_CN.ts): menu, column header, status.
        QAction *caseMenu = w->menuBar()->actions().constFirst();
        const auto header = [model] { return model->headerData(CaseTableModel::NumberColumn, Qt::Horizontal); };
        const auto status = [model] { return model->index(0, CaseTableModel::StatusColumn).data().toString(); };
        QCOMPARE(caseMenu->text(), QStringLiteral("案件(&C)"));
        QCOMPARE(header().toString(), QStringLiteral("案件编号"));
        QCOMPARE(status(), QStringLiteral("已受理"));
        w->action(QStringLiteral("language:en"))->trigger();
        QCOMPARE(UiLanguage::current(), QStringLiteral("en"));
        QCOMPARE(preferences->language(), QStringLiteral("en"));
        QTRY_COMPARE(model->index(0, CaseTableModel::CategoryColumn).data().toString(), QStringLiteral("Work error"));
        QTRY_COMPARE(caseMenu->text(), QStringLiteral("&Case"));
        QCOMPARE(header().toString(), QStringLiteral("Case number"));
        QCOMPARE(status(), QStringLiteral("Received"));
        QVERIFY(w->action(QStringLiteral("language:en"))->isChecked());
        saveScreenshot(w.get(), QStringLiteral("main-reception-english"));

        // The preferences dialog switches back.
        PreferencesDialog *prefs = w->openPreferences();
        QVERIFY(prefs);
        prefs->languageField()->setCurrentIndex(prefs->languageField()->findData(QStringLiteral("zh_CN")));
        saveScreenshot(prefs, QStringLiteral("dialog-preferences"));
        prefs->accept();
        QCOMPARE(UiLanguage::current(), QStringLiteral("zh_CN"));
        QCOMPARE(preferences->language(), QStringLiteral("zh_CN"));
        QTRY_COMPARE(model->index(0, CaseTableModel::CategoryColumn).data().toString(), QStringLiteral("工作失误"));
        QTRY_COMPARE(caseMenu->text(), QStringLiteral("案件(&C)"));
        QCOMPARE(header().toString(), QStringLiteral("案件编号"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
