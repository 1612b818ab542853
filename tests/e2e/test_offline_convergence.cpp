// DESIGN §6 acceptance with a real casedesk-server and two desktop clients in one process (separate
// folders, users and devices): a counter logs complaints while head office is down and a supervisor
// works meanwhile; once the server is back both converge to the server's records and revisions,
// nothing lost or doubled. A conflicting edit is shown to its author with the server's reason; a
// server killed with SIGKILL in the middle of a push loses nothing it acknowledged.
#include "fixtures/ClientFixture.h"
#include "ui/RefusedOpsDialog.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace casedesk;
using namespace casedesk::testing;

namespace {
QJsonObject walkIn(int i)
{
    return {{QStringLiteral("channel"), QStringLiteral("walk_in")},
        {QStringLiteral("category"), i % 2 ? QStringLiteral("work_error") : QStringLiteral("service_attitude")},
        {QStringLiteral("complainant"),
            QJsonObject {{QStringLiteral("name"), QStringLiteral("客户%1").arg(i)},
                {QStringLiteral("phone"), QStringLiteral("1380013%1").arg(i, 4, 10, QLatin1Char('0'))}}},
        {QStringLiteral("summary"), QStringLiteral("第%1位客户：转账手续费与告知不符").arg(i)}};
}

// A case as both sides can compare it: parsed and written again the same way (times in UTC), without
// what depends on the reader (language of the reasons, the due flags of the reader's clock).
QJsonObject comparable(const QJsonObject &json)
{
    QJsonObject normal = CaseJson::toJson(CaseJson::fromJson(json), {});
    normal.remove(QStringLiteral("priority_reasons"));
    return normal;
}

QMap<QString, QJsonObject> comparable(const QMap<QString, QJsonObject> &cases)
{
    QMap<QString, QJsonObject> out;
    for (auto it = cases.begin(); it != cases.end(); ++it)
        out.insert(it.key(), comparable(it.value()));
    return out;
}

// Every case the server lists for `api`'s user, page by page.
QMap<QString, QJsonObject> serverCases(ServerApi &api)
{
    QMap<QString, QJsonObject> all;
    QString cursor;
    for (int page = 0; page < 100; ++page) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("limit"), QStringLiteral("50"));
        if (!cursor.isEmpty())
            query.addQueryItem(QStringLiteral("cursor"), cursor);
        auto answer = await<QJsonDocument>([&](auto done) { api.get(QStringLiteral("api/v1/cases"), query, done); });
        if (!answer) {
            qWarning("listing failed: %s", qUtf8Printable(answer.error().message));
            return {};
        }
        for (const QJsonValue &c : answer->object().value(QStringLiteral("cases")).toArray())
            all.insert(c.toObject().value(QStringLiteral("id")).toString(), comparable(c.toObject()));
        cursor = answer->object().value(QStringLiteral("next_cursor")).toString();
        if (cursor.isEmpty())
            break;
    }
    return all;
}

// The audit trail of one case, as ids with their revisions.
QMap<QString, qint64> serverHistory(ServerApi &api, const QString &caseId)
{
    QMap<QString, qint64> events;
    auto answer = await<QJsonDocument>(
        [&](auto done) { api.get(QStringLiteral("api/v1/cases/%1/history").arg(caseId), {}, done); });
    for (const QJsonValue &e : answer ? answer->object().value(QStringLiteral("events")).toArray() : QJsonArray())
        events.insert(e.toObject().value(QStringLiteral("id")).toString(),
            e.toObject().value(QStringLiteral("revision")).toInteger());
    return events;
}

QMap<QString, qint64> localHistory(TestClient &client, const QString &caseId)
{
    QMap<QString, qint64> events;
    for (const AuditEvent &e : client.workspace().store().auditTrail(caseId).value())
        events.insert(e.id, e.revision);
    return events;
}

Case create(TestClient &client, int i)
{
    auto change = client.workspace().casework().createCase(walkIn(i), client.access(), client.workspace().deviceCode());
    if (!change)
        qWarning("createCase: %s", qUtf8Printable(change.error().message));
    emit client.workspace().casesChanged();
    return change ? change->current : Case();
}

bool waitUntilSettled(TestClient &client, int timeoutMs = 30000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        const SyncState state = client.engine().state();
        if (state.pending == 0 && state.connectivity == SyncState::Connectivity::Online && state.lastError.isEmpty())
            return true;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 20);
    }
    return false;
}
} // namespace

class TestOfflineConvergence : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> server;

private slots:
    void init()
    {
        server = std::make_unique<TestServer>();
        const QString problem = server->setUp();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
    void cleanup() { server.reset(); }

    void countersConvergeAfterTheServerReturns()
    {
        TestClient counter; // reception at SH01, client A
        TestClient supervisor; // supervisor at SH01, client B
        QVERIFY(counter.signIn(server->url(), QStringLiteral("counter.a")).ok());
        QVERIFY(supervisor.signIn(server->url(), QStringLiteral("super.b")).ok());
        const Case before = create(supervisor, 0); // one case both know before the outage
        QVERIFY(supervisor.syncOnce());
        QVERIFY(counter.syncOnce());
        QCOMPARE(counter.cases().size(), 1);
        counter.engine().start();
        supervisor.engine().start();

        server->process.stop();
        // Head office is down. The counter logs walk-ins; numbers are issued offline.
        QStringList numbers;
        for (int i = 1; i <= 4; ++i)
            numbers.append(create(counter, i).number);
        // The supervisor works meanwhile: reviews the older case, logs one of their own, adds a note.
        QVERIFY(supervisor.workspace()
                    .casework()
                    .transition(before.id, {CaseStatus::Registered, {}, {}},
                        supervisor.workspace().store().findCase(before.id).value()->revision, supervisor.access())
                    .ok());
        const Case own = create(supervisor, 5);
        QVERIFY(supervisor.workspace()
                    .casework()
                    .appendRecord(own.id, QStringLiteral("note"),
                        {{QStringLiteral("text"), QStringLiteral("客户要求短信回复")}}, supervisor.access())
                    .ok());
        emit supervisor.workspace().casesChanged();
        QTRY_COMPARE_WITH_TIMEOUT(counter.engine().state().connectivity, SyncState::Connectivity::Offline, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(supervisor.engine().state().connectivity, SyncState::Connectivity::Offline, 10000);
        QCOMPARE(counter.engine().state().pending, qint64(4));
        QCOMPARE(supervisor.engine().state().pending, qint64(3));
        QCOMPARE(QSet<QString>(numbers.begin(), numbers.end()).size(), 4);

        QVERIFY(server->restart().ok());
        // Both engines find the server again by themselves (back-off), push, then pull.
        QVERIFY(waitUntilSettled(counter));
        QVERIFY(waitUntilSettled(supervisor));
        // One more round each, so each has pulled what the other pushed.
        QVERIFY(counter.syncOnce());
        QVERIFY(supervisor.syncOnce());

        auto inspector = server->signedInApi(QStringLiteral("super.b"));
        const QMap<QString, QJsonObject> onServer = serverCases(*inspector);
        QCOMPARE(onServer.size(), 6); // 1 + 4 + 1: nothing lost, nothing doubled
        QCOMPARE(comparable(counter.cases()), onServer);
        QCOMPARE(comparable(supervisor.cases()), onServer);
        QSet<QString> serverNumbers;
        for (const QJsonObject &c : onServer)
            serverNumbers.insert(c.value(QStringLiteral("number")).toString());
        QCOMPARE(serverNumbers.size(), 6);
        for (const QString &number : numbers)
            QVERIFY2(serverNumbers.contains(number), qPrintable(number)); // the counter's numbers stood
        QCOMPARE(onServer.value(before.id).value(QStringLiteral("status")).toString(), QStringLiteral("registered"));
        // The records and the audit trail: the server's, once, with the same revisions everywhere.
        for (const QString &id : onServer.keys()) {
            const auto history = serverHistory(*inspector, id);
            QVERIFY(!history.isEmpty());
            QCOMPARE(localHistory(counter, id), history);
            QCOMPARE(localHistory(supervisor, id), history);
        }
        const auto notes = supervisor.workspace().store().records(own.id).value();
        QCOMPARE(notes.size(), 1);
        QCOMPARE(counter.workspace().store().records(own.id).value().size(), 1);
        QCOMPARE(counter.workspace().store().records(own.id).value().first().revision, notes.first().revision);
        QVERIFY(notes.first().revision > 0);
        QCOMPARE(counter.engine().state().refused, qint64(0));
        QCOMPARE(supervisor.engine().state().refused, qint64(0));
    }

    void conflictingEditIsShownToItsAuthor()
    {
        TestClient counter;
        TestClient supervisor;
        QVERIFY(counter.signIn(server->url(), QStringLiteral("counter.a")).ok());
        QVERIFY(supervisor.signIn(server->url(), QStringLiteral("super.b")).ok());
        const Case shared = create(counter, 1);
        QVERIFY(counter.syncOnce());
        QVERIFY(supervisor.syncOnce());
        const qint64 revision = supervisor.workspace().store().findCase(shared.id).value()->revision;
        QCOMPARE(counter.workspace().store().findCase(shared.id).value()->revision, revision);

        // Both correct the same case from the same revision before either has synced.
        QVERIFY(counter.workspace()
                    .casework()
                    .updateCase(shared.id,
                        {{QStringLiteral("summary"), QStringLiteral("柜员更正：收费25元，客户称未被告知")}}, revision,
                        counter.access())
                    .ok());
        QVERIFY(supervisor.workspace()
                    .casework()
                    .updateCase(shared.id,
                        {{QStringLiteral("summary"), QStringLiteral("主管核实：收费25元属实")},
                            {QStringLiteral("demand"), QStringLiteral("退还手续费并道歉")}},
                        revision, supervisor.access())
                    .ok());
        QVERIFY(supervisor.syncOnce()); // the supervisor's edit reaches head office first
        QSignalSpy refusedChanged(&counter.engine(), &SyncEngine::refusedChanged);
        QVERIFY(counter.syncOnce());

        // The counter's op came back as a conflict on "summary": shown to its author, with the reason.
        QVERIFY(refusedChanged.count() >= 1);
        QCOMPARE(counter.engine().state().refused, qint64(1));
        QCOMPARE(counter.engine().state().pending, qint64(0));
        const auto refused = counter.workspace().outbox().refused().value();
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused.first().state, QStringLiteral("conflict"));
        QCOMPARE(refused.first().result.conflicts, QStringList {QStringLiteral("summary")});
        const QString reason = refused.first().result.error.message;
        QVERIFY(!reason.isEmpty());
        // Its screens show the server's version meanwhile.
        QCOMPARE(
            counter.workspace().store().findCase(shared.id).value()->summary, QStringLiteral("主管核实：收费25元属实"));
        QCOMPARE(supervisor.workspace().outbox().refused()->size(), 0); // not shown to anyone else

        RefusedOpsDialog dialog(counter.workspace(), &counter.engine());
        dialog.show();
        QCOMPARE(dialog.count(), 1);
        const QString details = dialog.detailsText();
        QVERIFY2(details.contains(reason), qPrintable(details));
        QVERIFY(details.contains(QStringLiteral("柜员更正：收费25元，客户称未被告知"))); // theirs …
        QVERIFY(details.contains(QStringLiteral("主管核实：收费25元属实"))); // … beside the server's
        QVERIFY(details.contains(QStringLiteral("changed by someone else")));
        const QString shots
            = qEnvironmentVariable("CASEDESK_BINARY_DIR", QDir::currentPath()) + QStringLiteral("/screenshots");
        QDir().mkpath(shots);
        dialog.grab().save(shots + QStringLiteral("/refused-ops-dialog.png"));

        // The author keeps the server's version: the entry goes, nothing is sent.
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("keepServerButton")), Qt::LeftButton);
        QCOMPARE(dialog.count(), 0);
        QCOMPARE(counter.engine().state().refused, qint64(0));
        QCOMPARE(counter.engine().state().pending, qint64(0));
        QVERIFY(counter.syncOnce());
        QVERIFY(supervisor.syncOnce());
        QCOMPARE(comparable(counter.cases()), comparable(supervisor.cases()));
    }

    void reappliedChangeWins()
    {
        TestClient counter;
        TestClient supervisor;
        QVERIFY(counter.signIn(server->url(), QStringLiteral("counter.a")).ok());
        QVERIFY(supervisor.signIn(server->url(), QStringLiteral("super.b")).ok());
        const Case shared = create(counter, 2);
        QVERIFY(counter.syncOnce());
        QVERIFY(supervisor.syncOnce());
        const qint64 revision = counter.workspace().store().findCase(shared.id).value()->revision;
        QVERIFY(counter.workspace()
                    .casework()
                    .updateCase(shared.id, {{QStringLiteral("summary"), QStringLiteral("柜员的版本")}}, revision,
                        counter.access())
                    .ok());
        QVERIFY(supervisor.workspace()
                    .casework()
                    .updateCase(shared.id, {{QStringLiteral("summary"), QStringLiteral("主管的版本")}}, revision,
                        supervisor.access())
                    .ok());
        QVERIFY(supervisor.syncOnce());
        QVERIFY(counter.syncOnce());
        QCOMPARE(counter.engine().state().refused, qint64(1));

        RefusedOpsDialog dialog(counter.workspace(), &counter.engine());
        dialog.show();
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("reapplyButton")), Qt::LeftButton);
        QVERIFY2(dialog.errorText().isEmpty(), qPrintable(dialog.errorText()));
        QCOMPARE(dialog.count(), 0);
        // A new op on top of the current case: it goes out by itself and now wins.
        QTRY_COMPARE(counter.engine().state().pending, qint64(0));
        QTRY_VERIFY(counter.engine().state().connectivity == SyncState::Connectivity::Online);
        QVERIFY(counter.syncOnce());
        QCOMPARE(counter.engine().state().refused, qint64(0));
        QVERIFY(supervisor.syncOnce());
        QCOMPARE(supervisor.workspace().store().findCase(shared.id).value()->summary, QStringLiteral("柜员的版本"));
        QCOMPARE(comparable(counter.cases()), comparable(supervisor.cases()));
    }

    void lostAnswersAreNotDoubled()
    {
        TestClient counter;
        QVERIFY(counter.signIn(server->url(), QStringLiteral("counter.a")).ok());
        for (int i = 0; i < 5; ++i)
            create(counter, i);
        // The first three ops reached head office but the answer never came back (link dropped).
        QList<SyncOp> sent;
        for (const OutboxEntry &entry : counter.workspace().outbox().pending(3).value())
            sent.append(entry.op);
        ServerApi sameSession(server->url());
        sameSession.setToken(counter.engine().api().token());
        sameSession.setDeviceId(counter.engine().api().deviceId());
        auto lost = await<QJsonArray>([&](auto done) { sameSession.push(sent, done); });
        QVERIFY(lost.ok());
        QCOMPARE(lost->size(), 3);
        QCOMPARE(counter.engine().state().pending, qint64(5));

        // The engine sends them again with the rest: the server answers the first three from its op log.
        QVERIFY(counter.syncOnce());
        QCOMPARE(counter.engine().state().pending, qint64(0));
        QCOMPARE(counter.engine().state().refused, qint64(0));
        auto inspector = server->signedInApi(QStringLiteral("super.b"));
        const QMap<QString, QJsonObject> onServer = serverCases(*inspector);
        QCOMPARE(onServer.size(), 5);
        QCOMPARE(comparable(counter.cases()), onServer);
    }

    void killedServerLosesNothingAcknowledged()
    {
        TestClient counter;
        QVERIFY(counter.signIn(server->url(), QStringLiteral("counter.a")).ok());
        counter.fastTiming(8); // small batches, so the kill lands between acknowledged ones
        const int total = 40;
        QSet<QString> ids;
        for (int i = 0; i < total; ++i)
            ids.insert(create(counter, i).id);
        QCOMPARE(counter.engine().state().pending, qint64(total));

        // SIGKILL as soon as the first batch is acknowledged, while the next push is on its way.
        bool killed = false;
        QSet<QString> acknowledged;
        auto connection = connect(&counter.engine(), &SyncEngine::stateChanged, this, [&](const SyncState &state) {
            if (killed || state.pending >= total)
                return;
            killed = true;
            const QStringList pending = counter.workspace().outbox().pendingCaseIds().value();
            for (const QString &id : std::as_const(ids)) {
                if (!pending.contains(id))
                    acknowledged.insert(id);
            }
            QTimer::singleShot(5, this, [this]() { server->process.kill(); });
        });
        counter.syncOnce();
        QTRY_VERIFY(killed);
        disconnect(connection);
        QTRY_VERIFY_WITH_TIMEOUT(counter.engine().state().connectivity == SyncState::Connectivity::Offline, 20000);
        QVERIFY(!acknowledged.isEmpty());
        QVERIFY(acknowledged.size() < total);

        QVERIFY(server->restart().ok());
        auto inspector = server->signedInApi(QStringLiteral("super.b"));
        const QMap<QString, QJsonObject> survived = serverCases(*inspector);
        for (const QString &id : std::as_const(acknowledged))
            QVERIFY2(survived.contains(id), qPrintable(id)); // acknowledged means durable
        qInfo("acknowledged before the kill: %lld, on the server after restart: %lld", qint64(acknowledged.size()),
            qint64(survived.size()));

        // The rest goes out again; ops the server had committed but not answered are replays.
        counter.engine().start();
        QVERIFY(waitUntilSettled(counter));
        QVERIFY(counter.syncOnce());
        const QMap<QString, QJsonObject> onServer = serverCases(*inspector);
        QCOMPARE(onServer.size(), total);
        QCOMPARE(QSet<QString>(onServer.keyBegin(), onServer.keyEnd()), ids);
        QSet<QString> numbers;
        for (const QJsonObject &c : onServer)
            numbers.insert(c.value(QStringLiteral("number")).toString());
        QCOMPARE(numbers.size(), total);
        QCOMPARE(counter.engine().state().refused, qint64(0));
        QCOMPARE(comparable(counter.cases()), onServer);
    }
};

QTEST_MAIN(TestOfflineConvergence)
#include "test_offline_convergence.moc"
