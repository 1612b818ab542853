// Bad input at the real server (DESIGN §5, §8): malformed JSON, wrong types, unknown fields and codes,
// bad query parameters and oversize bodies get a 4xx JSON error naming the problem, and change nothing.
#include "ServerTestBank.h"

#include <QJsonDocument>
#include <QTcpSocket>
#include <QTest>

using namespace casedesk::testing;

class TestServerInput : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerTestBank> bank;
    std::unique_ptr<HttpJson> reception;
    std::unique_ptr<HttpJson> supervisor;
    QJsonObject existing;
    static constexpr int bodyLimit = 65536;

    qint64 total()
    {
        return supervisor->get(QStringLiteral("/api/v1/cases")).json[QStringLiteral("total")].toInteger(-1);
    }
    QJsonObject current()
    {
        return supervisor
            ->get(QStringLiteral("/api/v1/cases/") + existing[QStringLiteral("id")].toString(),
                {{QStringLiteral("reveal"), QStringLiteral("false")}})
            .json;
    }

private slots:
    void initTestCase()
    {
        bank = std::make_unique<ServerTestBank>();
        QVERIFY2(
            bank->setUp({{QStringLiteral("server/body_limit"), QString::number(bodyLimit)}}), qPrintable(bank->error));
        reception = bank->as(QStringLiteral("reception"));
        supervisor = bank->as(QStringLiteral("supervisor"));
        existing = ServerTestBank::createCase(*reception);
        QVERIFY(!existing.isEmpty());
    }

    void cleanupTestCase()
    {
        reception.reset();
        supervisor.reset();
        bank.reset();
    }

    void badBodiesAreRefusedAndChangeNothing_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path"); // {CASE}: the existing case
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");

        auto json = [](QJsonObject o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); };
        auto walkIn = [](const QString &key, const QJsonValue &value) {
            QJsonObject o = ServerTestBank::walkIn(QStringLiteral("13899990000"));
            if (value.isUndefined())
                o.remove(key);
            else
                o.insert(key, value);
            return o;
        };
        auto complainant = [](const QString &key, const QJsonValue &value) {
            QJsonObject o = ServerTestBank::walkIn(QStringLiteral("13899990000"));
            QJsonObject c = o[QStringLiteral("complainant")].toObject();
            c.insert(key, value);
            o.insert(QStringLiteral("complainant"), c);
            return o;
        };
        const QString cases = QStringLiteral("/api/v1/cases");
        const QString one = QStringLiteral("/api/v1/cases/{CASE}");
        const QByteArray POST = "POST", PATCH = "PATCH";

        QTest::newRow("malformed JSON") << POST << cases << QByteArray("{\"channel\": \"walk_in\",") << 400
                                        << QStringLiteral("malformed_json") << QString();
        QTest::newRow("JSON array") << POST << cases << QByteArray("[1, 2]") << 400 << QStringLiteral("malformed_json")
                                    << QString();
        QTest::newRow("empty body") << POST << cases << QByteArray() << 400 << QStringLiteral("malformed_json")
                                    << QString();
        QTest::newRow("summary is a number") << POST << cases << json(walkIn(QStringLiteral("summary"), 123)) << 422
                                             << QStringLiteral("invalid_type") << QStringLiteral("summary");
        QTest::newRow("unknown field") << POST << cases << json(walkIn(QStringLiteral("colour"), QStringLiteral("red")))
                                       << 422 << QStringLiteral("unknown_field") << QStringLiteral("colour");
        QTest::newRow("unknown nested field") << POST << cases << json(complainant(QStringLiteral("age"), 42)) << 422
                                              << QStringLiteral("unknown_field") << QStringLiteral("complainant.age");
        QTest::newRow("unknown channel") << POST << cases
                                         << json(walkIn(QStringLiteral("channel"), QStringLiteral("fax"))) << 422
                                         << QStringLiteral("invalid_value") << QStringLiteral("channel");
        QTest::newRow("unknown category")
            << POST << cases << json(walkIn(QStringLiteral("category"), QStringLiteral("weather"))) << 422
            << QStringLiteral("invalid_value") << QStringLiteral("category");
        QTest::newRow("no summary") << POST << cases << json(walkIn(QStringLiteral("summary"), QJsonValue::Undefined))
                                    << 422 << QString() << QStringLiteral("summary");
        QTest::newRow("bad phone") << POST << cases
                                   << json(complainant(QStringLiteral("phone"), QStringLiteral("12345"))) << 422
                                   << QString() << QStringLiteral("complainant.phone");
        QTest::newRow("bad ID check digit")
            << POST << cases << json(complainant(QStringLiteral("id_number"), QStringLiteral("110105194912310021")))
            << 422 << QString() << QStringLiteral("complainant.id_number");
        QTest::newRow("received in the future")
            << POST << cases << json(walkIn(QStringLiteral("received_at"), QStringLiteral("2026-12-24T10:00:00+08:00")))
            << 422 << QString() << QStringLiteral("received_at");
        QTest::newRow("amount is text") << POST << cases
                                        << json(walkIn(QStringLiteral("amount"), QStringLiteral("abc"))) << 422
                                        << QString() << QStringLiteral("amount");
        QTest::newRow("patch without base revision")
            << PATCH << one
            << json({{QStringLiteral("fields"), QJsonObject {{QStringLiteral("summary"), QStringLiteral("x")}}}}) << 422
            << QStringLiteral("missing_field") << QStringLiteral("base_revision");
        QTest::newRow("patch base revision as text")
            << PATCH << one
            << json({{QStringLiteral("base_revision"), QStringLiteral("7")},
                   {QStringLiteral("fields"), QJsonObject {{QStringLiteral("summary"), QStringLiteral("x")}}}})
            << 422 << QStringLiteral("invalid_type") << QStringLiteral("base_revision");
        QTest::newRow("patch unknown field")
            << PATCH << one
            << json({{QStringLiteral("base_revision"), 1000000},
                   {QStringLiteral("fields"), QJsonObject {{QStringLiteral("mood"), 1}}}})
            << 422 << QStringLiteral("unknown_field") << QStringLiteral("mood");
        QTest::newRow("patch of the channel")
            << PATCH << one
            << json({{QStringLiteral("base_revision"), 1000000},
                   {QStringLiteral("fields"), QJsonObject {{QStringLiteral("channel"), QStringLiteral("phone")}}}})
            << 422 << QStringLiteral("unknown_field") << QStringLiteral("channel");
        QTest::newRow("patch beside fields")
            << PATCH << one
            << json({{QStringLiteral("base_revision"), 1000000}, {QStringLiteral("summary"), QStringLiteral("x")},
                   {QStringLiteral("fields"), QJsonObject {}}})
            << 422 << QStringLiteral("unknown_field") << QStringLiteral("summary");
        QTest::newRow("transition to a non-state")
            << POST << one + QStringLiteral("/transitions") << json({{QStringLiteral("to"), QStringLiteral("done")}})
            << 422 << QStringLiteral("invalid_value") << QStringLiteral("to");
        QTest::newRow("transition with extra field")
            << POST << one + QStringLiteral("/transitions")
            << json({{QStringLiteral("to"), QStringLiteral("registered")}, {QStringLiteral("force"), true}}) << 422
            << QStringLiteral("unknown_field") << QStringLiteral("force");
        QTest::newRow("note without text")
            << POST << one + QStringLiteral("/notes") << json({}) << 422 << QString() << QStringLiteral("text");
        QTest::newRow("note with unknown field")
            << POST << one + QStringLiteral("/notes")
            << json({{QStringLiteral("text"), QStringLiteral("x")}, {QStringLiteral("mood"), 1}}) << 422
            << QStringLiteral("unknown_field") << QStringLiteral("mood");
        QTest::newRow("record of unknown kind")
            << POST << one + QStringLiteral("/records")
            << json({{QStringLiteral("kind"), QStringLiteral("tweet")}, {QStringLiteral("data"), QJsonObject {}}})
            << 422 << QStringLiteral("invalid_value") << QStringLiteral("kind");
        QTest::newRow("record id not a UUID")
            << POST << one + QStringLiteral("/notes")
            << json({{QStringLiteral("text"), QStringLiteral("x")}, {QStringLiteral("id"), QStringLiteral("42")}})
            << 422 << QStringLiteral("invalid_value") << QStringLiteral("id");
        QTest::newRow("unknown action") << POST << one + QStringLiteral("/actions")
                                        << json({{QStringLiteral("action"), QStringLiteral("teleport")}}) << 422
                                        << QStringLiteral("invalid_value") << QStringLiteral("action");
        QTest::newRow("login as a number")
            << POST << QStringLiteral("/api/v1/auth/login")
            << json({{QStringLiteral("login"), 5}, {QStringLiteral("password"), QStringLiteral("x")}}) << 422
            << QStringLiteral("invalid_type") << QStringLiteral("login");
        QTest::newRow("push without ops") << POST << QStringLiteral("/api/v1/sync/push") << json({}) << 422
                                          << QStringLiteral("missing_field") << QStringLiteral("ops");
    }

    void badBodiesAreRefusedAndChangeNothing()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, field);
        path.replace(QStringLiteral("{CASE}"), existing[QStringLiteral("id")].toString());
        const qint64 casesBefore = total();
        const QJsonObject before = current();
        // The supervisor may do every one of these, so each refusal is about the input only.
        const HttpResponse r = supervisor->send(method, path, body);
        QVERIFY2(r.status == status, qPrintable(QStringLiteral("%1 %2").arg(r.status).arg(QString::fromUtf8(r.body))));
        QVERIFY(r.header("content-type").startsWith("application/json"));
        QVERIFY(!r.errorCode().isEmpty());
        QVERIFY(!r.json[QStringLiteral("error")][QStringLiteral("message")].toString().isEmpty());
        if (!code.isEmpty())
            QCOMPARE(r.errorCode(), code);
        if (!field.isEmpty())
            QCOMPARE(
                r.json[QStringLiteral("error")][QStringLiteral("details")][QStringLiteral("field")].toString(), field);
        QCOMPARE(total(), casesBefore);
        QCOMPARE(current(), before);
    }

    void badQueriesAreRefused_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("field");
        QTest::newRow("limit 0") << QStringLiteral("/api/v1/cases?limit=0") << 422 << QStringLiteral("limit");
        QTest::newRow("limit text") << QStringLiteral("/api/v1/cases?limit=many") << 422 << QStringLiteral("limit");
        QTest::newRow("limit too big") << QStringLiteral("/api/v1/cases?limit=5000") << 422 << QStringLiteral("limit");
        QTest::newRow("unknown status") << QStringLiteral("/api/v1/cases?status=open") << 422
                                        << QStringLiteral("status");
        QTest::newRow("unknown priority")
            << QStringLiteral("/api/v1/cases?priority=asap") << 422 << QStringLiteral("priority");
        QTest::newRow("slashed date") << QStringLiteral("/api/v1/cases?due_before=2026/11/01") << 422
                                      << QStringLiteral("due_before");
        QTest::newRow("overdue maybe") << QStringLiteral("/api/v1/cases?overdue=maybe") << 422
                                       << QStringLiteral("overdue");
        QTest::newRow("typo in a parameter")
            << QStringLiteral("/api/v1/cases?stauts=received") << 422 << QStringLiteral("stauts");
        QTest::newRow("forged cursor") << QStringLiteral("/api/v1/cases?cursor=bm90LWEtY3Vyc29y") << 422
                                       << QStringLiteral("cursor");
        QTest::newRow("unknown branch") << QStringLiteral("/api/v1/cases?branch=XX99") << 422
                                        << QStringLiteral("branch");
        QTest::newRow("pull since text") << QStringLiteral("/api/v1/sync/pull?since=yesterday") << 422
                                         << QStringLiteral("since");
        QTest::newRow("pull negative") << QStringLiteral("/api/v1/sync/pull?since=-1") << 422
                                       << QStringLiteral("since");
        QTest::newRow("reveal maybe") << QStringLiteral("/api/v1/cases/{CASE}?reveal=maybe") << 422
                                      << QStringLiteral("reveal");
        QTest::newRow("not a case id") << QStringLiteral("/api/v1/cases/not-a-case") << 404 << QString();
        QTest::newRow("unknown case") << QStringLiteral("/api/v1/cases/0b8f9a52-0000-4000-8000-000000000000") << 404
                                      << QString();
        QTest::newRow("unknown path") << QStringLiteral("/api/v1/nothing-here") << 404 << QString();
    }

    void badQueriesAreRefused()
    {
        QFETCH(QString, path);
        QFETCH(int, status);
        QFETCH(QString, field);
        path.replace(QStringLiteral("{CASE}"), existing[QStringLiteral("id")].toString());
        const QUrl url(path);
        const HttpResponse r = supervisor->get(url.path(), QUrlQuery(url.query()));
        QVERIFY2(r.status == status, qPrintable(QStringLiteral("%1 %2").arg(r.status).arg(QString::fromUtf8(r.body))));
        QVERIFY(!r.errorCode().isEmpty());
        if (!field.isEmpty())
            QCOMPARE(
                r.json[QStringLiteral("error")][QStringLiteral("details")][QStringLiteral("field")].toString(), field);
    }

    void wrongMethodIs405WithAllow()
    {
        HttpResponse r = supervisor->send("DELETE", QStringLiteral("/api/v1/cases"));
        QCOMPARE(r.status, 405);
        QCOMPARE(r.errorCode(), QStringLiteral("method_not_allowed"));
        QCOMPARE(r.header("allow"), QByteArray("POST, GET"));
        r = supervisor->send("PUT", QStringLiteral("/api/v1/cases/") + existing[QStringLiteral("id")].toString(), "{}");
        QCOMPARE(r.status, 405);
        QCOMPARE(r.header("allow"), QByteArray("GET, PATCH"));
        r = supervisor->get(QStringLiteral("/api/v1/auth/login"));
        QCOMPARE(r.status, 405);
    }

    void clientsWaitingFor100ContinueGetAnAnswerFirst()
    {
        auto exchange = [this](qint64 length, const QByteArray &body) {
            QTcpSocket socket;
            socket.connectToHost(bank->server.baseUrl().host(), quint16(bank->server.baseUrl().port()));
            if (!socket.waitForConnected(5000))
                return QByteArray();
            socket.write(
                "POST /api/v1/cases HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nAuthorization: Bearer "
                + supervisor->token().toLatin1()
                + "\r\nExpect: 100-continue\r\nContent-Length: " + QByteArray::number(length) + "\r\n\r\n");
            socket.waitForReadyRead(5000);
            QByteArray answer = socket.readAll();
            if (answer.startsWith("HTTP/1.1 100")) {
                socket.write(body);
                while (
                    !answer.contains("HTTP/1.1 2") && !answer.contains("HTTP/1.1 4") && socket.waitForReadyRead(5000))
                    answer += socket.readAll();
            }
            return answer;
        };
        const QByteArray body
            = QJsonDocument(ServerTestBank::walkIn(QStringLiteral("13877776666"))).toJson(QJsonDocument::Compact);
        QByteArray answer = exchange(body.size(), body);
        QVERIFY2(answer.startsWith("HTTP/1.1 100 Continue\r\n\r\n"), answer.constData());
        QVERIFY2(answer.contains("HTTP/1.1 201 Created"), answer.constData());
        // Over the limit: 413 at once, the body is never asked for.
        answer = exchange(bodyLimit + 1, {});
        QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.constData());
    }

    void clientsThatLeaveBeforeTheirAnswerDoNotHurtTheServer()
    {
        const qint64 casesBefore = total();
        const QByteArray body
            = QJsonDocument(ServerTestBank::walkIn(QStringLiteral("13866665555"))).toJson(QJsonDocument::Compact);
        const QByteArray request
            = "POST /api/v1/cases HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nAuthorization: Bearer "
            + reception->token().toLatin1() + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n"
            + body;
        // Writes whose answers wait for their group commit, and whose clients are gone by then.
        for (int i = 0; i < 20; ++i) {
            QTcpSocket socket;
            socket.connectToHost(bank->server.baseUrl().host(), quint16(bank->server.baseUrl().port()));
            QVERIFY(socket.waitForConnected(5000));
            socket.write(request);
            QVERIFY(socket.waitForBytesWritten(5000));
            socket.abort();
        }
        QTest::qWait(300);
        QVERIFY(bank->server.isRunning());
        HttpJson fresh(bank->server.baseUrl());
        QCOMPARE(fresh.get(QStringLiteral("/api/v1/health")).status, 200);
        // Whatever arrived whole was registered once; nothing was half-written.
        const qint64 after = total();
        QVERIFY(after >= casesBefore && after <= casesBefore + 20);
    }

    void oversizeBodyIsRefusedBeforeParsing()
    {
        const qint64 casesBefore = total();
        // Over the limit but within what the connection buffers: 413 from the request handler, whose
        // JSON would otherwise have been valid.
        QJsonObject input = ServerTestBank::walkIn(QStringLiteral("13811112222"));
        input.insert(QStringLiteral("summary"), QString(bodyLimit, QLatin1Char('x')));
        HttpResponse r = supervisor->post(QStringLiteral("/api/v1/cases"), input);
        QCOMPARE(r.status, 413);
        QCOMPARE(r.errorCode(), QStringLiteral("payload_too_large"));
        QCOMPARE(r.json[QStringLiteral("error")][QStringLiteral("details")][QStringLiteral("limit")].toInteger(),
            qint64(bodyLimit));
        // Far over the limit: refused while it arrives, the connection is closed; no crash, nothing stored.
        input.insert(QStringLiteral("summary"), QString(bodyLimit * 40, QLatin1Char('y')));
        r = supervisor->post(QStringLiteral("/api/v1/cases"), input);
        QVERIFY2(r.status == 413 || r.status == 0, qPrintable(QString::number(r.status)));
        if (r.status == 413)
            QCOMPARE(r.errorCode(), QStringLiteral("payload_too_large"));
        // A declared length over the limit is enough, before any body byte is read.
        QTcpSocket socket;
        socket.connectToHost(bank->server.baseUrl().host(), quint16(bank->server.baseUrl().port()));
        QVERIFY(socket.waitForConnected(5000));
        socket.write("POST /api/v1/cases HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                     "999999999\r\n\r\n{");
        QVERIFY(socket.waitForReadyRead(5000) || socket.bytesAvailable() > 0);
        QByteArray answer = socket.readAll();
        QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.constData());
        QVERIFY(answer.contains("payload_too_large"));

        HttpJson fresh(bank->server.baseUrl());
        QCOMPARE(fresh.get(QStringLiteral("/api/v1/health")).status, 200);
        QCOMPARE(total(), casesBefore);
        QVERIFY(bank->server.isRunning());
    }
};

QTEST_GUILESS_MAIN(TestServerInput)
#include "test_server_input.moc"
