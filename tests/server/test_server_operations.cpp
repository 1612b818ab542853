// Operating the real server (issue 3 §4, §6): Prometheus metrics, JSON log lines without personal data,
// consistent online backup and a checked restore, acknowledged writes surviving kill -9, graceful stop,
// and HTTPS with --tls-cert/--tls-key.
#include "ServerTestBank.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace casedesk::testing;

namespace {

// Creates cases as fast as the server answers until told to stop; remembers every acknowledged one.
class BusyCounter : public QThread
{
public:
    BusyCounter(QUrl url, QString token, int seed)
        : m_url(std::move(url))
        , m_token(std::move(token))
        , m_seed(seed)
    { }
    std::atomic<bool> stop {false};
    QStringList acknowledged;

protected:
    void run() override
    {
        HttpJson client(m_url);
        client.setToken(m_token);
        client.setTimeoutMs(5000);
        for (int i = 0; !stop; ++i) {
            const HttpResponse r = client.post(QStringLiteral("/api/v1/cases"),
                ServerTestBank::walkIn(QStringLiteral("137%1%2").arg(m_seed).arg(i, 7, 10, QLatin1Char('0'))));
            if (r.status == 201)
                acknowledged.append(r.json[QStringLiteral("id")].toString());
            else if (r.status == 0)
                return; // the server is gone
        }
    }

private:
    QUrl m_url;
    QString m_token;
    int m_seed;
};

} // namespace

class TestServerOperations : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerTestBank> bank;

    QString data() const { return bank->server.dataDir(); }
    HttpResponse readCase(HttpJson &client, const QString &id)
    {
        return client.get(QStringLiteral("/api/v1/cases/") + id, {{QStringLiteral("reveal"), QStringLiteral("false")}});
    }

private slots:
    void init()
    {
        bank = std::make_unique<ServerTestBank>();
        QVERIFY2(bank->setUp(), qPrintable(bank->error));
    }

    void cleanup() { bank.reset(); }

    void metricsArePrometheusText()
    {
        auto reception = bank->as(QStringLiteral("reception"));
        QVERIFY(!ServerTestBank::createCase(*reception).isEmpty());
        QVERIFY(
            !ServerTestBank::createCase(*reception, ServerTestBank::walkIn(QStringLiteral("13811110000"))).isEmpty());
        HttpJson scraper(bank->server.baseUrl());
        QCOMPARE(scraper.get(QStringLiteral("/api/v1/health")).status, 200);
        const HttpResponse r = scraper.get(QStringLiteral("/metrics"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("content-type").startsWith("text/plain; version=0.0.4"));
        const QByteArray text = r.body;
        QVERIFY(text.contains("# TYPE casedesk_http_requests_total counter"));
        QVERIFY(text.contains("casedesk_http_requests_total{method=\"GET\",route=\"/api/v1/health\",status=\"200\"}"));
        QVERIFY(
            text.contains("casedesk_http_requests_total{method=\"POST\",route=\"/api/v1/cases\",status=\"201\"} 2\n"));
        QVERIFY(text.contains(
            "casedesk_http_request_duration_seconds_bucket{method=\"POST\",route=\"/api/v1/cases\",le=\"+Inf\"} 2\n"));
        QVERIFY(text.contains("# TYPE casedesk_http_request_duration_seconds histogram"));
        QVERIFY(text.contains("casedesk_open_cases{status=\"received\"} 2\n"));
        QVERIFY(text.contains("casedesk_open_cases{status=\"in_progress\"} 0\n"));
        QVERIFY(text.contains("casedesk_sync_ops_total{result=\"applied\"}"));
        QVERIFY(text.contains("casedesk_group_commit_batch_size_count"));
        // Every sample line is "name{labels} value" or "name value".
        for (const QByteArray &line : text.split('\n')) {
            if (line.isEmpty() || line.startsWith('#'))
                continue;
            const qsizetype space = line.lastIndexOf(' ');
            QVERIFY2(space > 0, line.constData());
            bool ok = false;
            line.mid(space + 1).toDouble(&ok);
            QVERIFY2(ok, line.constData());
        }
        // Metrics can be switched off.
        bank->server.stop();
        bank->server.configure({{QStringLiteral("server/metrics"), QStringLiteral("off")}});
        QVERIFY(bank->server.start().ok());
        HttpJson again(bank->server.baseUrl());
        QCOMPARE(again.get(QStringLiteral("/metrics")).status, 404);
    }

    void logLinesAreJsonWithoutPersonalData()
    {
        auto reception = bank->as(QStringLiteral("reception"));
        QJsonObject input = ServerTestBank::walkIn(QStringLiteral("13698765432"));
        QVERIFY(!ServerTestBank::createCase(*reception, input).isEmpty());
        QVERIFY(reception->get(QStringLiteral("/api/v1/cases"), {{QStringLiteral("q"), QStringLiteral("13698765432")}})
                    .status
            == 200);
        bank->server.stop(); // flushes and ends the log
        QFile file(QDir(data()).filePath(QStringLiteral("logs/server.log")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray log = file.readAll();
        QVERIFY(!log.contains("13698765432"));
        QVERIFY(!log.contains(bank->password.toUtf8()));
        int requests = 0;
        bool listening = false, stopped = false;
        for (const QByteArray &line : log.split('\n')) {
            if (line.isEmpty())
                continue;
            const QJsonObject entry = QJsonDocument::fromJson(line).object();
            QVERIFY2(!entry.isEmpty(), line.constData());
            QVERIFY(entry.contains(QStringLiteral("ts")));
            QVERIFY(entry.contains(QStringLiteral("level")));
            const QString event = entry[QStringLiteral("event")].toString();
            listening = listening || event == QLatin1String("listening");
            stopped = stopped || event == QLatin1String("stopped");
            if (event == QLatin1String("request")) {
                ++requests;
                QVERIFY(entry[QStringLiteral("status")].isDouble());
                QVERIFY(entry[QStringLiteral("ms")].isDouble());
                QVERIFY(!entry[QStringLiteral("route")].toString().isEmpty());
            }
        }
        QVERIFY(listening);
        QVERIFY(stopped);
        QVERIFY(requests >= 4);
        // The same lines went to stderr.
        QVERIFY(bank->server.log().contains(QStringLiteral("\"event\":\"request\"")));
        QCOMPARE(bank->server.exitCode(), 0);
    }

    void backupWhileServingAndRestoreAfterChecking()
    {
        auto reception = bank->as(QStringLiteral("reception"));
        const QJsonObject a
            = ServerTestBank::createCase(*reception, ServerTestBank::walkIn(QStringLiteral("13500001111")));
        const QJsonObject b
            = ServerTestBank::createCase(*reception, ServerTestBank::walkIn(QStringLiteral("13500002222")));
        const QString backupFile = bank->directory.filePath(QStringLiteral("backup.db"));
        // Online: the server keeps running and answering.
        auto backup = bank->server.run(
            {QStringLiteral("backup"), QStringLiteral("--data"), data(), QStringLiteral("--out"), backupFile});
        QVERIFY2(backup.ok(), qPrintable(backup.ok() ? QString() : backup.error().message));
        QVERIFY(backup->contains(QStringLiteral("Backed up 2 cases")));
        QVERIFY(backup->contains(QStringLiteral("field.key")));
        QCOMPARE(QFile(backupFile).permissions() & (QFile::ReadOther | QFile::ReadGroup), QFile::Permissions());
        QVERIFY(
            !bank->server
                 .run({QStringLiteral("backup"), QStringLiteral("--data"), data(), QStringLiteral("--out"), backupFile})
                 .ok());
        const QJsonObject c
            = ServerTestBank::createCase(*reception, ServerTestBank::walkIn(QStringLiteral("13500003333")));
        QVERIFY(!c.isEmpty());

        // Restoring under a running server is refused.
        auto refused = bank->server.run(
            {QStringLiteral("restore"), QStringLiteral("--data"), data(), QStringLiteral("--from"), backupFile});
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().message.contains(QStringLiteral("stop it")));
        bank->server.stop();
        // A damaged file is refused and the current database stays.
        const QString damaged = bank->directory.filePath(QStringLiteral("damaged.db"));
        QVERIFY(QFile::copy(backupFile, damaged));
        {
            QFile f(damaged);
            QVERIFY(f.open(QIODevice::ReadWrite));
            f.seek(f.size() / 2);
            f.write(QByteArray(4096, '\x5a'));
        }
        refused = bank->server.run(
            {QStringLiteral("restore"), QStringLiteral("--data"), data(), QStringLiteral("--from"), damaged});
        QVERIFY(!refused.ok());
        const QString notADatabase = bank->directory.filePath(QStringLiteral("notes.txt"));
        {
            QFile f(notADatabase);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("these are not the cases you are looking for\n");
        }
        refused = bank->server.run(
            {QStringLiteral("restore"), QStringLiteral("--data"), data(), QStringLiteral("--from"), notADatabase});
        QVERIFY(!refused.ok());
        // A backup of another installation (another key) cannot be read here and is refused.
        ServerTestBank other;
        QVERIFY(other.setUp({}, false));
        HttpJson otherAdmin(other.server.baseUrl());
        QVERIFY(otherAdmin.login(QStringLiteral("admin"), other.password).status == 200);
        QCOMPARE(
            otherAdmin
                .post(QStringLiteral("/api/v1/branches"),
                    {{QStringLiteral("code"), QStringLiteral("SH01")}, {QStringLiteral("name"), QStringLiteral("x")},
                        {QStringLiteral("parent"), QStringLiteral("HO")}})
                .status,
            201);
        QCOMPARE(
            otherAdmin
                .post(QStringLiteral("/api/v1/users"),
                    {{QStringLiteral("login"), QStringLiteral("clerk")}, {QStringLiteral("name"), QStringLiteral("x")},
                        {QStringLiteral("roles"), QJsonArray {QStringLiteral("reception")}},
                        {QStringLiteral("branch"), QStringLiteral("SH01")},
                        {QStringLiteral("password"), other.password}})
                .status,
            201);
        auto otherClerk = other.as(QStringLiteral("clerk"));
        QVERIFY(!ServerTestBank::createCase(*otherClerk).isEmpty());
        const QString foreign = bank->directory.filePath(QStringLiteral("foreign.db"));
        QVERIFY(other.server
                    .run({QStringLiteral("backup"), QStringLiteral("--data"), other.server.dataDir(),
                        QStringLiteral("--out"), foreign})
                    .ok());
        refused = bank->server.run(
            {QStringLiteral("restore"), QStringLiteral("--data"), data(), QStringLiteral("--from"), foreign});
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.contains(QStringLiteral("another key")), qPrintable(refused.error().message));

        // Nothing of that touched the data: C is still there.
        QVERIFY(bank->server.start().ok());
        auto manager = bank->as(QStringLiteral("manager"));
        QCOMPARE(readCase(*manager, c[QStringLiteral("id")].toString()).status, 200);
        bank->server.stop();

        auto restored = bank->server.run(
            {QStringLiteral("restore"), QStringLiteral("--data"), data(), QStringLiteral("--from"), backupFile});
        QVERIFY2(restored.ok(), qPrintable(restored.ok() ? QString() : restored.error().message));
        QVERIFY(restored->contains(QStringLiteral("Restored 2 cases")));
        QVERIFY(restored->contains(QStringLiteral("before-restore")));
        QVERIFY(bank->server.start().ok());
        manager = bank->as(QStringLiteral("manager"));
        QCOMPARE(readCase(*manager, a[QStringLiteral("id")].toString()).status, 200);
        const HttpResponse back = readCase(*manager, b[QStringLiteral("id")].toString());
        QCOMPARE(back.status, 200);
        QCOMPARE(back.json[QStringLiteral("revision")], b[QStringLiteral("revision")]);
        QCOMPARE(readCase(*manager, c[QStringLiteral("id")].toString()).status, 404);
        // Personal data still decrypts with the directory's key.
        auto supervisor = bank->as(QStringLiteral("supervisor"));
        QCOMPARE(supervisor->get(QStringLiteral("/api/v1/cases/") + a[QStringLiteral("id")].toString())
                     .json[QStringLiteral("complainant")][QStringLiteral("phone")]
                     .toString(),
            QStringLiteral("13500001111"));
    }

    void acknowledgedWritesSurviveKillNine()
    {
        // Four counters write concurrently, so acknowledged writes sit in shared group commits.
        QList<std::shared_ptr<BusyCounter>> counters;
        for (int i = 0; i < 4; ++i) {
            auto login = bank->as(QStringLiteral("reception"));
            counters.append(std::make_shared<BusyCounter>(bank->server.baseUrl(), login->token(), i));
        }
        for (auto &counter : counters)
            counter->start();
        QThread::msleep(1500);
        bank->server.kill(); // SIGKILL while requests are in flight
        for (auto &counter : counters) {
            counter->stop = true;
            QVERIFY(counter->wait(20000));
        }
        QStringList acknowledged;
        for (auto &counter : counters)
            acknowledged += counter->acknowledged;
        QVERIFY2(acknowledged.size() > 20, qPrintable(QString::number(acknowledged.size())));

        QVERIFY(bank->server.start().ok()); // a stale lock file of the killed server is no obstacle
        auto manager = bank->as(QStringLiteral("manager"));
        for (const QString &id : acknowledged)
            QVERIFY2(readCase(*manager, id).status == 200, qPrintable(QStringLiteral("lost acknowledged case ") + id));
        // And the database came back whole.
        const HttpResponse list
            = manager->get(QStringLiteral("/api/v1/cases"), {{QStringLiteral("limit"), QStringLiteral("1")}});
        QVERIFY(list.json[QStringLiteral("total")].toInteger() >= acknowledged.size());
        qInfo("%lld acknowledged writes survived kill -9", qint64(acknowledged.size()));
    }

    void servesHttpsWithTheGivenCertificate()
    {
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty())
            QSKIP("openssl is not installed (scripts/install-deps.sh installs it): cannot make a test certificate");
        const QString cert = bank->directory.filePath(QStringLiteral("cert.pem"));
        const QString key = bank->directory.filePath(QStringLiteral("key.pem"));
        QProcess make;
        make.start(openssl,
            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                QStringLiteral("-nodes"), QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert,
                QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1")});
        QVERIFY(make.waitForFinished(60000));
        QCOMPARE(make.exitCode(), 0);
        const QList<QSslCertificate> trust = QSslCertificate::fromPath(cert);
        QCOMPARE(trust.size(), 1);

        bank->server.stop();
        bank->server.setTlsTrust(trust);
        auto started = bank->server.start({QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key});
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
        QCOMPARE(bank->server.baseUrl().scheme(), QStringLiteral("https"));

        HttpJson client(bank->server.baseUrl());
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(trust);
        client.setSslConfiguration(tls);
        HttpResponse r = client.login(QStringLiteral("reception"), bank->password);
        QCOMPARE(r.status, 200);
        const QJsonObject c = ServerTestBank::createCase(client);
        QCOMPARE(c[QStringLiteral("status")].toString(), QStringLiteral("received"));
        // A client that does not trust the certificate gets no answer.
        HttpJson untrusting(bank->server.baseUrl());
        r = untrusting.get(QStringLiteral("/api/v1/health"));
        QCOMPARE(r.status, 0);
        QVERIFY(!r.networkError.isEmpty());
        // Plain HTTP to the TLS port gets nothing either.
        QUrl plain = bank->server.baseUrl();
        plain.setScheme(QStringLiteral("http"));
        HttpJson cleartext(plain);
        cleartext.setTimeoutMs(5000);
        QCOMPARE(cleartext.get(QStringLiteral("/api/v1/health")).status, 0);

        // A key that does not exist is a clear start-up error.
        bank->server.stop();
        auto broken = bank->server.start(
            {QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), cert + QStringLiteral(".missing")});
        QVERIFY(!broken.ok());
        QVERIFY2(bank->server.log().contains(QStringLiteral("missing"))
                || broken.error().message.contains(QStringLiteral("missing")),
            qPrintable(broken.error().message));
    }

    void failedLoginsFromOneAddressAreThrottled()
    {
        bank->server.stop();
        bank->server.configure({{QStringLiteral("security/login_failures_per_minute"), QStringLiteral("3")}});
        QVERIFY(bank->server.start().ok());
        auto supervisor = bank->as(QStringLiteral("supervisor"));
        HttpJson client(bank->server.baseUrl());
        // Password spraying: one wrong guess for each of several accounts, none of them locked.
        for (const QString &login : {QStringLiteral("reception"), QStringLiteral("handler"), QStringLiteral("auditor")})
            QCOMPARE(client.login(login, QStringLiteral("Spring2026!")).status, 401);
        const HttpResponse throttled = client.login(QStringLiteral("manager"), bank->password);
        QCOMPARE(throttled.status, 429);
        QCOMPARE(throttled.errorCode(), QStringLiteral("throttled"));
        QVERIFY(throttled.header("retry-after").toInt() > 0);
        QVERIFY(throttled.header("retry-after").toInt() <= 60);
        // Sessions already open carry on.
        QCOMPARE(supervisor->get(QStringLiteral("/api/v1/me")).status, 200);
    }

    void demoSeedingRefusesAServedOrFilledDirectory()
    {
        auto reception = bank->as(QStringLiteral("reception"));
        QVERIFY(!ServerTestBank::createCase(*reception).isEmpty());
        auto refused = bank->server.run({QStringLiteral("demo"), QStringLiteral("--data"), data()});
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().message.contains(QStringLiteral("stop it")));
        bank->server.stop();
        refused = bank->server.run({QStringLiteral("demo"), QStringLiteral("--data"), data()});
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().message.contains(QStringLiteral("new data directory")));
    }
};

QTEST_GUILESS_MAIN(TestServerOperations)
#include "test_server_operations.moc"
