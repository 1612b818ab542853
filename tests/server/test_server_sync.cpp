// Sync endpoints of the real server (DESIGN §6): push applies each op once per op_id (a replay gets the
// first result back), answers per op, merges per field and checks transitions against the current
// state; pull pages every committed change of the user's scope by revision, also while others write.
#include "ServerTestBank.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>
#include <QThread>
#include <QUuid>

using namespace casedesk::testing;

namespace {

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJsonObject op(const QString &kind, const QString &entity, qint64 base, const QJsonObject &payload)
{
    return {{QStringLiteral("op_id"), uuid()}, {QStringLiteral("kind"), kind}, {QStringLiteral("entity_id"), entity},
        {QStringLiteral("base_revision"), base}, {QStringLiteral("payload"), payload}};
}

// Registers cases through its own connection while the test pulls: the concurrent writer.
class Writer : public QThread
{
public:
    Writer(QUrl url, QString token, int count)
        : m_url(std::move(url))
        , m_token(std::move(token))
        , m_count(count)
    { }
    QStringList ids;
    int failures = 0;

protected:
    void run() override
    {
        HttpJson client(m_url);
        client.setToken(m_token);
        for (int i = 0; i < m_count; ++i) {
            const HttpResponse r = client.post(
                QStringLiteral("/api/v1/cases"), ServerTestBank::walkIn(QStringLiteral("1350000%1").arg(1000 + i)));
            if (r.status == 201)
                ids.append(r.json[QStringLiteral("id")].toString());
            else
                ++failures;
        }
    }

private:
    QUrl m_url;
    QString m_token;
    int m_count;
};

} // namespace

class TestServerSync : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerTestBank> bank;

    static QJsonArray results(const HttpResponse &r) { return r.json[QStringLiteral("results")].toArray(); }

    qint64 metric(const QString &line)
    {
        HttpJson client(bank->server.baseUrl());
        for (const QByteArray &row : client.get(QStringLiteral("/metrics")).body.split('\n')) {
            if (row.startsWith(QByteArray(line.toUtf8() + ' ')))
                return row.mid(line.size() + 1).toLongLong();
        }
        return -1;
    }

private slots:
    void initTestCase()
    {
        bank = std::make_unique<ServerTestBank>();
        QVERIFY2(bank->setUp(), qPrintable(bank->error));
    }

    void cleanupTestCase() { bank.reset(); }

    void pushAppliesOnceAndAReplayGetsTheFirstAnswer()
    {
        auto counter = bank->as(QStringLiteral("reception"), QStringLiteral("counter-sync-1"));
        const QString device
            = counter->get(QStringLiteral("/api/v1/me")).json[QStringLiteral("device_code")].toString();
        QCOMPARE(device, QStringLiteral("B"));
        const QString caseId = uuid();
        QJsonObject input = ServerTestBank::walkIn(QStringLiteral("13712340000"));
        // Written offline at the counter an hour ago, numbered with the device's code.
        input.insert(QStringLiteral("number"), QStringLiteral("SH01-20261124-B0001"));
        input.insert(QStringLiteral("received_at"), QStringLiteral("2026-11-24T09:15:00+08:00"));
        const QString noteId = uuid();
        const QJsonObject push {{QStringLiteral("device"), device},
            {QStringLiteral("ops"),
                QJsonArray {op(QStringLiteral("case.create"), caseId, 0, input),
                    op(QStringLiteral("record.append"), noteId, 0,
                        {{QStringLiteral("case_id"), caseId}, {QStringLiteral("kind"), QStringLiteral("note")},
                            {QStringLiteral("data"),
                                QJsonObject {{QStringLiteral("text"), QStringLiteral("客户留下了回访时间")}}}})}}};
        const HttpResponse first = counter->post(QStringLiteral("/api/v1/sync/push"), push);
        QCOMPARE(first.status, 200);
        QCOMPARE(results(first).size(), 2);
        for (const QJsonValue &r : results(first)) {
            QCOMPARE(r[QStringLiteral("status")].toString(), QStringLiteral("applied"));
            QVERIFY(r[QStringLiteral("revision")].toInteger() > 0);
        }
        QCOMPARE(results(first).at(0)[QStringLiteral("current")][QStringLiteral("number")].toString(),
            QStringLiteral("SH01-20261124-B0001"));
        QCOMPARE(results(first).at(0)[QStringLiteral("current")][QStringLiteral("id")].toString(), caseId);

        auto auditor = bank->as(QStringLiteral("auditor"));
        const int eventsBefore = auditor->get(QStringLiteral("/api/v1/cases/") + caseId + QStringLiteral("/history"))
                                     .json[QStringLiteral("events")]
                                     .toArray()
                                     .size();
        const qint64 replayedBefore = metric(QStringLiteral("casedesk_sync_ops_total{result=\"replayed\"}"));
        // The answer was lost: the same ops come again, and get the same answers.
        const HttpResponse replay = counter->post(QStringLiteral("/api/v1/sync/push"), push);
        QCOMPARE(replay.status, 200);
        QCOMPARE(results(replay), results(first));
        QCOMPARE(auditor->get(QStringLiteral("/api/v1/cases/") + caseId + QStringLiteral("/history"))
                     .json[QStringLiteral("events")]
                     .toArray()
                     .size(),
            eventsBefore);
        QCOMPARE(auditor->get(QStringLiteral("/api/v1/cases/") + caseId + QStringLiteral("/records"))
                     .json[QStringLiteral("records")]
                     .toArray()
                     .size(),
            1);
        QCOMPARE(metric(QStringLiteral("casedesk_sync_ops_total{result=\"replayed\"}")), replayedBefore + 2);

        // Someone else cannot fish for another user's op results by its id.
        auto other = bank->as(QStringLiteral("supervisor"));
        const HttpResponse stolen = other->post(QStringLiteral("/api/v1/sync/push"),
            {{QStringLiteral("ops"), QJsonArray {push[QStringLiteral("ops")][0]}}});
        QCOMPARE(results(stolen).at(0)[QStringLiteral("status")].toString(), QStringLiteral("rejected"));
        QVERIFY(!results(stolen).at(0).toObject().contains(QStringLiteral("current")));
        // A push names the session's own device, not another one.
        const HttpResponse wrongDevice = counter->post(QStringLiteral("/api/v1/sync/push"),
            {{QStringLiteral("device"), QStringLiteral("Z")}, {QStringLiteral("ops"), QJsonArray()}});
        QCOMPARE(wrongDevice.status, 422);
        QCOMPARE(
            wrongDevice.json[QStringLiteral("error")][QStringLiteral("details")][QStringLiteral("field")].toString(),
            QStringLiteral("device"));
    }

    void eachOpIsAnsweredOnItsOwn()
    {
        auto supervisor = bank->as(QStringLiteral("supervisor"), QStringLiteral("back-office-1"));
        const QJsonObject c
            = ServerTestBank::createCase(*supervisor, ServerTestBank::walkIn(QStringLiteral("13712341111")));
        const QString caseId = c[QStringLiteral("id")].toString();
        const qint64 base = c[QStringLiteral("revision")].toInteger();
        // Someone changed the summary online meanwhile.
        QCOMPARE(supervisor
                     ->patch(QStringLiteral("/api/v1/cases/") + caseId,
                         {{QStringLiteral("base_revision"), base},
                             {QStringLiteral("fields"),
                                 QJsonObject {{QStringLiteral("summary"), QStringLiteral("在线修改")}}}})
                     .status,
            200);
        const QJsonArray ops {
            // Same field from the old base: conflict for that field only; the other field is merged.
            op(QStringLiteral("case.update"), caseId, base,
                {{QStringLiteral("fields"),
                    QJsonObject {{QStringLiteral("summary"), QStringLiteral("离线修改")},
                        {QStringLiteral("demand"), QStringLiteral("离线补充诉求")}}}}),
            // Checked against the current state: received cannot be archived …
            op(QStringLiteral("case.transition"), caseId, 1000000,
                {{QStringLiteral("to"), QStringLiteral("archived")}}),
            // Not an op at all.
            QJsonObject {{QStringLiteral("kind"), QStringLiteral("case.update")}},
            // … and when the author's view was older than the current state, that is what they are told.
            op(QStringLiteral("case.transition"), caseId, base, {{QStringLiteral("to"), QStringLiteral("archived")}}),
            // Appended records never conflict, whatever their base.
            op(QStringLiteral("record.append"), uuid(), 1,
                {{QStringLiteral("case_id"), caseId}, {QStringLiteral("kind"), QStringLiteral("note")},
                    {QStringLiteral("data"), QJsonObject {{QStringLiteral("text"), QStringLiteral("离线备注")}}}}),
        };
        const HttpResponse r = supervisor->post(QStringLiteral("/api/v1/sync/push"), {{QStringLiteral("ops"), ops}});
        QCOMPARE(r.status, 200);
        const QJsonArray answers = results(r);
        QCOMPARE(answers.size(), 5);
        QCOMPARE(answers[0][QStringLiteral("status")].toString(), QStringLiteral("conflict"));
        QCOMPARE(answers[0][QStringLiteral("conflicts")].toArray(), QJsonArray {QStringLiteral("summary")});
        QCOMPARE(
            answers[0][QStringLiteral("current")][QStringLiteral("summary")].toString(), QStringLiteral("在线修改"));
        QCOMPARE(
            answers[0][QStringLiteral("current")][QStringLiteral("demand")].toString(), QStringLiteral("离线补充诉求"));
        QCOMPARE(answers[1][QStringLiteral("status")].toString(), QStringLiteral("rejected"));
        QCOMPARE(answers[1][QStringLiteral("error")][QStringLiteral("code")].toString(),
            QStringLiteral("illegal_transition"));
        QVERIFY(!answers[1][QStringLiteral("error")][QStringLiteral("message")].toString().isEmpty());
        QCOMPARE(answers[2][QStringLiteral("status")].toString(), QStringLiteral("rejected"));
        QCOMPARE(
            answers[2][QStringLiteral("error")][QStringLiteral("code")].toString(), QStringLiteral("missing_field"));
        QCOMPARE(answers[3][QStringLiteral("status")].toString(), QStringLiteral("conflict"));
        QCOMPARE(
            answers[3][QStringLiteral("current")][QStringLiteral("status")].toString(), QStringLiteral("received"));
        QCOMPARE(answers[4][QStringLiteral("status")].toString(), QStringLiteral("applied"));
        QVERIFY(metric(QStringLiteral("casedesk_sync_ops_total{result=\"conflict\"}")) >= 1);
        QVERIFY(metric(QStringLiteral("casedesk_sync_ops_total{result=\"rejected\"}")) >= 2);
    }

    void pullPagesThroughEveryChangeWhileOthersWrite()
    {
        auto writerLogin = bank->as(QStringLiteral("sz.reception"));
        Writer writer(bank->server.baseUrl(), writerLogin->token(), 40);
        auto reader = bank->as(QStringLiteral("sz.supervisor"));
        writer.start();
        QSet<QString> seenCases;
        QSet<QString> seenChanges;
        qint64 cursor = 0;
        qint64 lastRevision = 0;
        int pages = 0;
        bool writerDone = false;
        // Page through until the writer has finished and a pull finds nothing new.
        for (;;) {
            const HttpResponse page = reader->get(QStringLiteral("/api/v1/sync/pull"),
                {{QStringLiteral("since"), QString::number(cursor)}, {QStringLiteral("limit"), QStringLiteral("7")}});
            QCOMPARE(page.status, 200);
            ++pages;
            const QJsonArray changes = page.json[QStringLiteral("changes")].toArray();
            QVERIFY(changes.size() <= 7);
            for (const QJsonValue &change : changes) {
                const qint64 revision = change[QStringLiteral("revision")].toInteger();
                QVERIFY2(revision > lastRevision, "revisions must increase across pages");
                lastRevision = revision;
                const QString key = change[QStringLiteral("kind")].toString() + change[QStringLiteral("id")].toString()
                    + QString::number(revision);
                QVERIFY(!seenChanges.contains(key));
                seenChanges.insert(key);
                if (change[QStringLiteral("kind")].toString() == QLatin1String("case")) {
                    const QJsonObject data = change[QStringLiteral("data")].toObject();
                    // Only the reader's scope, and personal data masked.
                    QCOMPARE(
                        data[QStringLiteral("branch_id")].toString(), bank->branchIds.value(QStringLiteral("SZ02")));
                    QVERIFY(data[QStringLiteral("complainant")][QStringLiteral("phone")].toString().contains(
                        QLatin1Char('*')));
                    seenCases.insert(data[QStringLiteral("id")].toString());
                }
            }
            QCOMPARE(page.json[QStringLiteral("next")].toInteger(), changes.isEmpty() ? cursor : lastRevision);
            cursor = page.json[QStringLiteral("next")].toInteger();
            if (page.json[QStringLiteral("has_more")].toBool())
                continue;
            if (writerDone)
                break;
            writerDone = writer.isFinished();
            if (!writerDone)
                QThread::msleep(20);
        }
        writer.wait();
        QCOMPARE(writer.failures, 0);
        QCOMPARE(writer.ids.size(), 40);
        for (const QString &id : writer.ids)
            QVERIFY2(seenCases.contains(id), "a committed case was skipped");
        QVERIFY(pages > 6);
        // Nothing after the cursor: the client is up to date.
        const HttpResponse end
            = reader->get(QStringLiteral("/api/v1/sync/pull"), {{QStringLiteral("since"), QString::number(cursor)}});
        QCOMPARE(end.json[QStringLiteral("changes")].toArray().size(), 0);
        QCOMPARE(end.json[QStringLiteral("has_more")].toBool(true), false);
    }
};

QTEST_GUILESS_MAIN(TestServerSync)
#include "test_server_sync.moc"
