// SyncEngine against a real casedesk-server: push and pull over HTTP, back-off while the server is
// stopped, resuming after a restart of both sides, and renewing a session the server ended.
#include "fixtures/ClientFixture.h"
#include "session/LocalProfile.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace casedesk;
using namespace casedesk::testing;

namespace {
QJsonObject walkIn(
    const QString &phone, const QString &summary = QStringLiteral("转账被收取25元手续费，柜员此前告知免费"))
{
    return {{QStringLiteral("channel"), QStringLiteral("walk_in")},
        {QStringLiteral("category"), QStringLiteral("work_error")},
        {QStringLiteral("business_category"), QStringLiteral("payment_settlement")},
        {QStringLiteral("complainant"),
            QJsonObject {{QStringLiteral("name"), QStringLiteral("陈敏")}, {QStringLiteral("phone"), phone}}},
        {QStringLiteral("summary"), summary}, {QStringLiteral("demand"), QStringLiteral("退还手续费")}};
}

Case logWalkIn(TestClient &client, const QString &phone)
{
    auto change
        = client.workspace().casework().createCase(walkIn(phone), client.access(), client.workspace().deviceCode());
    if (!change)
        qWarning("createCase: %s", qUtf8Printable(change.error().message));
    emit client.workspace().casesChanged();
    return change ? change->current : Case();
}
} // namespace

class TestSyncEngine : public QObject
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

    void pushesAndPulls()
    {
        TestClient counter;
        TestClient supervisor;
        QVERIFY(counter.signIn(server->url(), QStringLiteral("counter.a")).ok());
        QVERIFY(supervisor.signIn(server->url(), QStringLiteral("super.b")).ok());
        // Device registration gave each store its own code, so offline numbers cannot collide.
        QVERIFY(!counter.workspace().deviceCode().isEmpty());
        QVERIFY(counter.workspace().deviceCode() != supervisor.workspace().deviceCode());

        const Case first = logWalkIn(counter, QStringLiteral("13800000001"));
        const Case second = logWalkIn(counter, QStringLiteral("13800000002"));
        QVERIFY(first.number.startsWith(QStringLiteral("SH01-")));
        QVERIFY(first.number.contains(QStringLiteral("-") + counter.workspace().deviceCode() + QStringLiteral("0001")));
        QCOMPARE(counter.engine().state().pending, qint64(2));
        // Unpushed, the counter's copy still holds the full phone number (DESIGN §7: until pushed).
        QCOMPARE(
            counter.workspace().store().findCase(first.id).value()->complainant.phone, QStringLiteral("13800000001"));

        QSignalSpy changed(&counter.workspace(), &Workspace::casesChanged);
        QVERIFY(counter.syncOnce());
        QCOMPARE(counter.engine().state().pending, qint64(0));
        QCOMPARE(counter.engine().state().refused, qint64(0));
        QCOMPARE(counter.engine().state().connectivity, SyncState::Connectivity::Online);
        QVERIFY(counter.engine().state().lastError.isEmpty());
        QVERIFY(counter.engine().state().lastSuccess.isValid());
        QVERIFY(changed.count() >= 1);
        // Pushed and pulled back: revisions from the server, personal data masked locally.
        const Case synced = *counter.workspace().store().findCase(first.id).value();
        QVERIFY(synced.revision > 0);
        QCOMPARE(synced.number, first.number);
        QVERIFY(synced.complainant.phone != QStringLiteral("13800000001"));
        QVERIFY(synced.complainant.phone.endsWith(QStringLiteral("0001")));

        QVERIFY(supervisor.syncOnce());
        QCOMPARE(supervisor.cases(), counter.cases());
        QCOMPARE(supervisor.cases().size(), 2);
        QVERIFY(supervisor.cases().contains(second.id));
        // The branch directory came along: the supervisor's store knows the counter's user.
        QVERIFY(supervisor.workspace().store().findUserByLogin(QStringLiteral("counter.a")).value().has_value());

        // The unmasked view is the server's to give (and to audit), on request only.
        QJsonObject revealed;
        QString problem = QStringLiteral("pending");
        supervisor.engine().revealPersonalData(first.id, [&](QJsonObject json, QString error) {
            revealed = json;
            problem = error;
        });
        QTRY_VERIFY(problem != QStringLiteral("pending"));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(revealed.value(QStringLiteral("complainant")).toObject().value(QStringLiteral("phone")).toString(),
            QStringLiteral("13800000001"));
        QCOMPARE(
            supervisor.workspace().store().findCase(first.id).value()->complainant.phone, synced.complainant.phone);
    }

    void backsOffWhileTheServerIsDown()
    {
        TestClient counter;
        QVERIFY(counter.signIn(server->url(), QStringLiteral("counter.a")).ok());
        QVERIFY(counter.syncOnce());
        counter.engine().start();
        server->process.stop();

        QList<qint64> attempts; // when each round started, ms
        QElapsedTimer clock;
        clock.start();
        QList<SyncState> offline;
        connect(&counter.engine(), &SyncEngine::stateChanged, this, [&](const SyncState &state) {
            if (state.connectivity == SyncState::Connectivity::Syncing)
                attempts.append(clock.elapsed());
            else if (state.connectivity == SyncState::Connectivity::Offline)
                offline.append(state);
        });
        const Case logged = logWalkIn(counter, QStringLiteral("13800000009"));
        QVERIFY(!logged.id.isEmpty()); // the counter works on: the case is saved locally at once
        QTRY_VERIFY_WITH_TIMEOUT(attempts.size() >= 6, 20000);

        QVERIFY(!offline.isEmpty());
        const SyncState last = counter.engine().state();
        QCOMPARE(last.pending, qint64(1));
        QVERIFY(!offline.last().lastError.isEmpty());
        QVERIFY(offline.last().nextAttempt.isValid());
        // Exponential with jitter: 100 ms doubling to an 800 ms cap, each wait at least half its step.
        QList<qint64> gaps;
        for (qsizetype i = 1; i < attempts.size(); ++i)
            gaps.append(attempts.at(i) - attempts.at(i - 1));
        qInfo() << "gaps between attempts (ms):" << gaps;
        QVERIFY(gaps.first() < 400);
        QVERIFY(gaps.at(3) >= 350); // fourth failure: step 800 ms, so at least 400 ms (timer slack allowed)
        for (qint64 gap : std::as_const(gaps))
            QVERIFY2(gap < 800 + 1500, qPrintable(QString::number(gap))); // capped (plus the failing request)

        // Head office comes back: the next attempt delivers the case, nothing else to do.
        QVERIFY(server->restart().ok());
        QTRY_COMPARE_WITH_TIMEOUT(counter.engine().state().pending, qint64(0), 20000);
        QTRY_COMPARE(counter.engine().state().connectivity, SyncState::Connectivity::Online);
        QVERIFY(counter.workspace().store().findCase(logged.id).value().value().revision > 0);
    }

    void resumesAfterBothSidesRestart()
    {
        TestClient counter;
        QVERIFY(counter.signIn(server->url(), QStringLiteral("counter.a")).ok());
        const QString directory = counter.workspace().directory();
        const QString deviceCode = counter.workspace().deviceCode();
        server->process.stop();
        const Case a = logWalkIn(counter, QStringLiteral("13800000011"));
        const Case b = logWalkIn(counter, QStringLiteral("13800000012"));
        QCOMPARE(counter.engine().state().pending, qint64(2));

        // The program is closed and started again while head office is still unreachable.
        counter.reopen();
        QVERIFY(!counter.session->isSignedIn());
        const Status wrong
            = counter.signIn(server->url(), QStringLiteral("counter.a"), QStringLiteral("not-the-password"));
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().code, QStringLiteral("invalid_credentials"));
        QVERIFY(counter.signIn(server->url(), QStringLiteral("counter.a")).ok());
        QVERIFY(counter.session->startedOffline());
        QCOMPARE(counter.workspace().directory(), directory);
        QCOMPARE(counter.workspace().deviceCode(), deviceCode);
        QCOMPARE(counter.engine().state().pending, qint64(2)); // the outbox survived
        // Offline, the counter goes on numbering where it was.
        const Case c = logWalkIn(counter, QStringLiteral("13800000013"));
        QVERIFY(c.number.endsWith(QStringLiteral("0003")));

        counter.engine().start();
        QTRY_COMPARE(counter.engine().state().connectivity, SyncState::Connectivity::Offline);
        QVERIFY(server->restart().ok());
        // No token yet (started offline): the engine renews the session with the password typed at
        // start, then pushes; nobody is asked anything.
        QSignalSpy asked(counter.session.get(), &SessionManager::passwordNeeded);
        QTRY_COMPARE_WITH_TIMEOUT(counter.engine().state().pending, qint64(0), 20000);
        QTRY_COMPARE(counter.engine().state().connectivity, SyncState::Connectivity::Online); // pulled too
        QCOMPARE(asked.count(), 0);
        QVERIFY(!counter.session->startedOffline());
        for (const Case &sent : {a, b, c})
            QVERIFY(counter.workspace().store().findCase(sent.id).value().value().revision > 0);

        auto inspector = server->signedInApi(QStringLiteral("super.b"));
        auto onServer = await<QJsonObject>([&](auto done) { inspector->fetchCase(c.id, done); });
        QVERIFY2(onServer.ok(), qPrintable(onServer.ok() ? QString() : onServer.error().message));
        QCOMPARE(onServer->value(QStringLiteral("number")).toString(), c.number);
    }

    void asksForThePasswordWhenTheSessionEnds()
    {
        TestClient counter;
        QVERIFY(counter.signIn(server->url(), QStringLiteral("counter.a")).ok());
        QVERIFY(counter.syncOnce());
        // Head office ends the session (expiry, or an administrator); no password is saved here.
        ServerApi sameSession(server->url());
        sameSession.setToken(counter.engine().api().token());
        QVERIFY(await<QJsonObject>([&](auto done) { sameSession.logout(done); }).ok());

        QSignalSpy asked(counter.session.get(), &SessionManager::passwordNeeded);
        logWalkIn(counter, QStringLiteral("13800000021"));
        QVERIFY(!counter.syncOnce());
        QTRY_COMPARE(asked.count(), 1);
        QTRY_VERIFY(counter.engine().state().needsSignIn);
        QCOMPARE(counter.engine().state().pending, qint64(1)); // nothing lost meanwhile

        const Status renewed = awaitStatus([&](auto done) {
            counter.session->renewWithPassword(TestServer::password(QStringLiteral("counter.a")), false, done);
        });
        QVERIFY(renewed.ok());
        QTRY_COMPARE(counter.engine().state().pending, qint64(0));
        QVERIFY(!counter.engine().state().needsSignIn);
    }
};

QTEST_MAIN(TestSyncEngine)
#include "test_sync_engine.moc"
