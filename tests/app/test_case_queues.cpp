#include "app/UiTestSupport.h"
#include "fixtures/WorkspaceFixture.h"
#include "storage/Database.h"
#include "ui/CaseQueue.h"
#include "ui/CaseQueueView.h"
#include "ui/CaseTableModel.h"
#include "ui/UiLanguage.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QLineEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QUuid>

using namespace casedesk;
using namespace casedesk::testing;

// Case queues over the local store (issue 4 §4, §6): which queues a role sees, filters and full-text
// search, due-date queues and colours, keyboard use, and a queue over 100k cached cases.
class TestCaseQueues : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<WorkspaceFixture> f;

    QJsonObject complaint(const QString &category, const QString &name, const QString &summary,
        const QString &channel = QStringLiteral("walk_in"))
    {
        QJsonObject input = WorkspaceFixture::walkIn();
        input.insert(QStringLiteral("channel"), channel);
        input.insert(QStringLiteral("category"), category);
        input.insert(QStringLiteral("summary"), summary);
        QJsonObject complainant = input.value(QStringLiteral("complainant")).toObject();
        complainant.insert(QStringLiteral("name"), name);
        complainant.insert(
            QStringLiteral("phone"), QStringLiteral("139%1").arg(qHash(name) % 100000000, 8, 10, QLatin1Char('0')));
        input.insert(QStringLiteral("complainant"), complainant);
        if (channel == QLatin1String("media"))
            input.insert(QStringLiteral("media_outlet"), QStringLiteral("新民晚报"));
        return input;
    }

    void seed()
    {
        (void)f->create(
            complaint(QStringLiteral("work_error"), QStringLiteral("陈敏"), QStringLiteral("转账被收取25元手续费")),
            f->reception);
        (void)f->create(complaint(QStringLiteral("service_attitude"), QStringLiteral("刘洋"),
                            QStringLiteral("三号窗口柜员态度恶劣")),
            f->reception);
        (void)f->create(complaint(QStringLiteral("channel"), QStringLiteral("王强"),
                            QStringLiteral("ATM吞卡，等待三小时"), QStringLiteral("media")),
            f->reception);
        (void)f->create(complaint(QStringLiteral("work_error"), QStringLiteral("赵丽"), QStringLiteral("存折打印错误")),
            f->reception);
    }

    static int row(const CaseTableModel &model, const QString &number)
    {
        for (int r = 0; r < model.rowCount(); ++r) {
            if (model.caseAt(r)->number == number)
                return r;
        }
        return -1;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        UiLanguage::apply(QStringLiteral("zh_CN"));
    }
    void init() { f = std::make_unique<WorkspaceFixture>(QStringLiteral("supervisor")); }
    void cleanup() { f.reset(); }

    void queuesFollowRoles_data()
    {
        QTest::addColumn<QString>("login");
        QTest::addColumn<QStringList>("queues");
        QTest::newRow("reception") << "reception" << QStringList {QStringLiteral("branch")};
        QTest::newRow("handler") << "handler"
                                 << QStringList {QStringLiteral("my_cases"), QStringLiteral("my_unit"),
                                        QStringLiteral("branch"), QStringLiteral("due_today"),
                                        QStringLiteral("due_soon"), QStringLiteral("overdue")};
        QTest::newRow("supervisor") << "supervisor"
                                    << QStringList {QStringLiteral("branch"), QStringLiteral("due_today"),
                                           QStringLiteral("due_soon"), QStringLiteral("overdue"),
                                           QStringLiteral("unassigned"), QStringLiteral("repeats"),
                                           QStringLiteral("visits_due")};
        QTest::newRow("manager") << "manager"
                                 << QStringList {QStringLiteral("branch"), QStringLiteral("due_today"),
                                        QStringLiteral("due_soon"), QStringLiteral("overdue"),
                                        QStringLiteral("repeats")};
        QTest::newRow("admin sees no cases") << "admin" << QStringList {};
    }

    void queuesFollowRoles()
    {
        QFETCH(QString, login);
        QFETCH(QStringList, queues);
        WorkspaceFixture g(login);
        QStringList ids;
        for (CaseQueue::Kind kind : CaseQueue::available(g.access()))
            ids.append(CaseQueue::id(kind));
        QCOMPARE(ids, queues);
    }

    void filteringAndSearch()
    {
        seed();
        CaseQueueView view(*f->workspace);
        view.resize(1200, 500);
        view.show();
        QApplication::setActiveWindow(&view);
        QVERIFY(QTest::qWaitForWindowActive(&view));
        view.showQueue(CaseQueue::Kind::Branch);
        CaseTableModel *model = view.model();
        QCOMPARE(model->rowCount(), 4);
        QCOMPARE(model->totalCount(), qint64(4));

        view.setCategoryFilter(QStringLiteral("work_error"));
        QCOMPARE(model->rowCount(), 2);
        view.setCategoryFilter({});
        view.setPriorityFilter(Priority::Urgent);
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->caseAt(0)->channel, Channel::Media);
        view.setPriorityFilter(std::nullopt);
        view.setStatusFilter(CaseStatus::Received);
        QCOMPARE(model->rowCount(), 4);
        view.setStatusFilter(CaseStatus::Resolved);
        QCOMPARE(model->rowCount(), 0);
        view.setStatusFilter(std::nullopt);

        // Full text, Chinese and by case number (CaseQuery.text over the search index).
        view.setSearchText(QStringLiteral("态度"));
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->caseAt(0)->category, QStringLiteral("service_attitude"));
        view.setSearchText(QStringLiteral("A0003"));
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->caseAt(0)->number, QStringLiteral("SH01-20261124-A0003"));
        view.setSearchText({});
        QCOMPARE(model->rowCount(), 4);

        // Keyboard: search box, Enter into the table, Enter opens the case.
        QSignalSpy opened(&view, &CaseQueueView::openCase);
        view.focusSearch();
        QCOMPARE(focusName(), QStringLiteral("queueSearch"));
        type(QStringLiteral("存折"));
        press(Qt::Key_Return);
        QCOMPARE(focusName(), QStringLiteral("queueTable"));
        QCOMPARE(model->rowCount(), 1);
        press(Qt::Key_Return);
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.first().first().toString(), model->caseAt(0)->id);
        saveScreenshot(&view, QStringLiteral("queue-search"));
    }

    void sortingByTheStoresOrders()
    {
        seed();
        CaseQueueView view(*f->workspace);
        view.showQueue(CaseQueue::Kind::Branch);
        CaseTableModel *model = view.model();
        QCOMPARE(model->sortColumn(), int(CaseTableModel::ReceivedColumn));
        // The media case is urgent but its deadlines equal the others'; soonest first keeps them all.
        emit view.table()->horizontalHeader()->sectionClicked(CaseTableModel::DueColumn);
        QCOMPARE(model->query().order, CaseQuery::Order::AttentionSoonestFirst);
        QCOMPARE(model->sortColumn(), int(CaseTableModel::DueColumn));
        QCOMPARE(view.table()->horizontalHeader()->sortIndicatorSection(), int(CaseTableModel::DueColumn));
        QCOMPARE(model->rowCount(), 4);
        // A column the store cannot page by leaves the order alone.
        emit view.table()->horizontalHeader()->sectionClicked(CaseTableModel::CategoryColumn);
        QCOMPARE(model->query().order, CaseQuery::Order::AttentionSoonestFirst);
        QCOMPARE(view.table()->horizontalHeader()->sortIndicatorSection(), int(CaseTableModel::DueColumn));
    }

    void dueQueuesAndColours()
    {
        // Received Tuesday 24 Nov 10:20: register by Wednesday 25, reply by Friday 27.
        seed();
        const auto count = [this](CaseQueue::Kind kind) {
            CaseQueueView view(*f->workspace);
            view.showQueue(kind);
            return view.model()->rowCount();
        };
        QCOMPARE(count(CaseQueue::Kind::DueToday), 0);
        QCOMPARE(count(CaseQueue::Kind::Overdue), 0);
        // On the day registration is due, every unreviewed case is due today and due soon.
        f->clock.set(QDateTime(QDate(2026, 11, 25), QTime(9, 0), QTimeZone("Asia/Shanghai")));
        QCOMPARE(count(CaseQueue::Kind::DueToday), 4);
        QCOMPARE(count(CaseQueue::Kind::DueSoon), 4);
        QCOMPARE(count(CaseQueue::Kind::Overdue), 0);
        // Review the two work-error cases (general: reply within 3 working days); the others miss
        // their registration deadline.
        OfflineCasework &work = f->workspace->casework();
        CaseQuery workErrors;
        workErrors.category = QStringLiteral("work_error");
        auto listed = f->workspace->store().listCases(workErrors);
        QVERIFY(listed.ok());
        QCOMPARE(listed->cases.size(), 2);
        for (const Case &c : listed->cases) {
            auto moved = work.transition(c.id, {CaseStatus::Registered, {}, {}}, 0, f->access());
            QVERIFY(moved.ok());
        }
        f->clock.set(QDateTime(QDate(2026, 11, 26), QTime(9, 0), QTimeZone("Asia/Shanghai")));
        QCOMPARE(count(CaseQueue::Kind::Overdue), 2);
        // The reviewed ones are due Friday: 2 of 3 working days used, not yet "soon" (75%).
        QCOMPARE(count(CaseQueue::Kind::DueSoon), 0);
        f->clock.set(QDateTime(QDate(2026, 11, 27), QTime(9, 0), QTimeZone("Asia/Shanghai")));
        QCOMPARE(count(CaseQueue::Kind::DueSoon), 2);
        QCOMPARE(count(CaseQueue::Kind::DueToday), 2);

        CaseQueueView view(*f->workspace);
        view.resize(1200, 400);
        view.showQueue(CaseQueue::Kind::Branch);
        CaseTableModel *model = view.model();
        int overdue = 0;
        int soon = 0;
        for (int r = 0; r < model->rowCount(); ++r) {
            const QModelIndex due = model->index(r, CaseTableModel::DueColumn);
            overdue += due.data(CaseTableModel::OverdueRole).toBool();
            soon += due.data(CaseTableModel::DueSoonRole).toBool();
            QVERIFY(due.data(CaseTableModel::OverdueRole).toBool() || due.data(CaseTableModel::DueSoonRole).toBool());
            QVERIFY(due.data(Qt::BackgroundRole).isValid());
        }
        QCOMPARE(overdue, 2);
        QCOMPARE(soon, 2);
        view.show();
        saveScreenshot(&view, QStringLiteral("queue-due-colours"));
    }

    void hundredThousandCases()
    {
        // issue 4 §4: smooth with 100k cached cases. Written straight into the store in one transaction.
        constexpr int total = 100000;
        CaseStore &store = f->workspace->store();
        QElapsedTimer timer;
        timer.start();
        {
            auto transaction = store.database().transaction();
            const QDateTime start(QDate(2025, 12, 1), QTime(9, 0), QTimeZone("Asia/Shanghai"));
            const QStringList categories = {QStringLiteral("work_error"), QStringLiteral("service_attitude"),
                QStringLiteral("product"), QStringLiteral("channel")};
            for (int i = 0; i < total; ++i) {
                Case c;
                c.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
                c.receivedAt = start.addSecs(qint64(i) * 300);
                c.number = QStringLiteral("SH01-%1-Z%2")
                               .arg(c.receivedAt.date().toString(QStringLiteral("yyyyMMdd")))
                               .arg(i, 6, 10, QLatin1Char('0'));
                c.branchId = i % 3 == 0 ? f->sz02.id : f->sh01.id;
                c.category = categories.at(i % categories.size());
                c.status = i % 5 == 0 ? CaseStatus::Archived : CaseStatus::InProgress;
                c.complainant.name = QStringLiteral("客户%1").arg(i);
                c.summary = QStringLiteral("第%1号投诉").arg(i);
                c.deadlines.resolveBy = c.receivedAt.date().addDays(7);
                c.deadlines.statutoryBy = c.receivedAt.date().addDays(15);
                c.deadlines.dueBy = c.deadlines.resolveBy;
                c.createdAt = c.receivedAt;
                c.updatedAt = c.receivedAt;
                c.revision = i + 1;
                QVERIFY(store.insertCase(c).ok());
            }
            QVERIFY(transaction.commit().ok());
        }
        qInfo("wrote %d cases in %lld ms", total, timer.elapsed());

        f->actAs(f->manager); // head office: every branch in scope
        timer.restart();
        CaseQueueView view(*f->workspace);
        view.resize(1200, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.showQueue(CaseQueue::Kind::Branch);
        CaseTableModel *model = view.model();
        qInfo("opened the queue in %lld ms", timer.elapsed());
        QCOMPARE(model->totalCount(), qint64(total));
        // Only the first page is read, not 100k Case objects.
        QCOMPARE(model->rowCount(), model->pageSize());
        QVERIFY(model->canFetchMore({}));

        // Scrolling to the end of what is loaded reads the next page, and only that.
        timer.restart();
        QScrollBar *bar = view.table()->verticalScrollBar();
        QTRY_VERIFY(bar->maximum() > 0);
        for (int page = 1; page <= 3; ++page) {
            // The scroll bar grows once the view has laid out the rows added by the last page.
            QTRY_VERIFY(bar->maximum() > bar->value());
            bar->setValue(bar->maximum());
            QTRY_COMPARE(model->rowCount(), model->pageSize() * (page + 1));
        }
        qInfo("scrolled three pages in %lld ms", timer.elapsed());
        QVERIFY(model->rowCount() < total);
        // Newest first, keyset paging: no row twice.
        QSet<QString> ids;
        for (int r = 0; r < model->rowCount(); ++r)
            ids.insert(model->caseId(r));
        QCOMPARE(ids.size(), model->rowCount());
        QVERIFY(model->caseAt(0)->receivedAt > model->caseAt(model->rowCount() - 1)->receivedAt);

        // What the main window's queue list counts on every change (reported, not asserted).
        timer.restart();
        for (CaseQueue::Kind kind : CaseQueue::available(f->workspace->access())) {
            if (!CaseQueue::needsRowCheck(kind))
                (void)store.countCases(
                    CaseQueue::query(kind, f->workspace->access(), f->workspace->rules(), QDate(2026, 11, 24)));
        }
        qInfo("counted the manager's queues in %lld ms", timer.elapsed());

        // Search and a filter stay on the store, not on loaded rows.
        view.setSearchText(QStringLiteral("第99999号"));
        QCOMPARE(model->rowCount(), 1);
        view.setSearchText({});
        view.setCategoryFilter(QStringLiteral("product"));
        QCOMPARE(model->totalCount(), qint64(total / 4));
        QCOMPARE(model->rowCount(), model->pageSize());
        saveScreenshot(&view, QStringLiteral("queue-100k"));
    }
};

QTEST_MAIN(TestCaseQueues)
#include "test_case_queues.moc"
