// The real server on PostgreSQL (DESIGN §2, §8): `init --db-url postgresql://…` on a private cluster
// started for the test, then intake, search, per-field conflicts and sync over the API. Skipped with
// the reason printed when the PostgreSQL server binaries are not installed.
#include "ServerTestBank.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>
#include <QUuid>

#include <sys/stat.h>
#include <unistd.h>

using namespace casedesk::testing;

namespace {

// A throw-away PostgreSQL cluster in a temporary directory, listening on 127.0.0.1 only.
class PrivateCluster
{
public:
    QString skipReason;
    QString error;
    quint16 port = 0;

    bool start(const QString &root)
    {
        const QStringList installed
            = QDir(QStringLiteral("/usr/lib/postgresql")).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        for (auto it = installed.crbegin(); it != installed.crend(); ++it) {
            const QString bin = QStringLiteral("/usr/lib/postgresql/%1/bin").arg(*it);
            if (QFileInfo(bin + QStringLiteral("/initdb")).isExecutable()
                && QFileInfo(bin + QStringLiteral("/pg_ctl")).isExecutable()) {
                m_bin = bin;
                break;
            }
        }
        if (m_bin.isEmpty()) {
            skipReason = QStringLiteral("PostgreSQL server binaries (initdb, pg_ctl) are not installed");
            return false;
        }
        // initdb refuses to run as root: run the cluster as the postgres account then.
        if (::geteuid() == 0) {
            m_runAs = QStandardPaths::findExecutable(QStringLiteral("runuser"));
            if (m_runAs.isEmpty() || !runOk(QStringLiteral("/usr/bin/id"), {QStringLiteral("postgres")})) {
                skipReason
                    = QStringLiteral("running as root without runuser or a postgres account to run PostgreSQL as");
                return false;
            }
        }
        m_dir = root + QStringLiteral("/pg");
        QDir().mkpath(m_dir);
        if (!m_runAs.isEmpty()) {
            ::chmod(QFile::encodeName(root).constData(), 0755);
            if (!runOk(
                    QStringLiteral("/bin/chown"), {QStringLiteral("-R"), QStringLiteral("postgres:postgres"), m_dir}))
                return fail(QStringLiteral("chown failed"));
        }
        {
            QTcpServer probe;
            probe.listen(QHostAddress::LocalHost, 0);
            port = probe.serverPort();
        }
        if (!runOk(m_bin + QStringLiteral("/initdb"),
                {QStringLiteral("-D"), m_dir + QStringLiteral("/data"), QStringLiteral("-U"),
                    QStringLiteral("casedesk"), QStringLiteral("-A"), QStringLiteral("trust"), QStringLiteral("-E"),
                    QStringLiteral("UTF8"), QStringLiteral("--no-locale")}))
            return fail(QStringLiteral("initdb failed: ") + m_output);
        const QString options
            = QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=on").arg(port).arg(m_dir);
        if (!runOk(m_bin + QStringLiteral("/pg_ctl"),
                {QStringLiteral("-D"), m_dir + QStringLiteral("/data"), QStringLiteral("-o"), options,
                    QStringLiteral("-l"), m_dir + QStringLiteral("/server.log"), QStringLiteral("-w"),
                    QStringLiteral("start")}))
            return fail(QStringLiteral("pg_ctl start failed: ") + m_output);
        m_started = true;
        if (!runOk(m_bin + QStringLiteral("/createdb"),
                {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(port),
                    QStringLiteral("-U"), QStringLiteral("casedesk"), QStringLiteral("casedesk")})
            && !runOk(QStringLiteral("/usr/bin/createdb"),
                {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(port),
                    QStringLiteral("-U"), QStringLiteral("casedesk"), QStringLiteral("casedesk")}))
            return fail(QStringLiteral("createdb failed: ") + m_output);
        return true;
    }

    QString url() const { return QStringLiteral("postgresql://casedesk@127.0.0.1:%1/casedesk").arg(port); }

    ~PrivateCluster()
    {
        if (m_started)
            runOk(m_bin + QStringLiteral("/pg_ctl"),
                {QStringLiteral("-D"), m_dir + QStringLiteral("/data"), QStringLiteral("-m"),
                    QStringLiteral("immediate"), QStringLiteral("-w"), QStringLiteral("stop")});
    }

private:
    bool fail(const QString &message)
    {
        error = message;
        return false;
    }

    bool runOk(const QString &program, const QStringList &args)
    {
        QProcess process;
        if (!m_runAs.isEmpty() && program.startsWith(m_bin))
            process.start(m_runAs,
                QStringList {QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"), program} + args);
        else
            process.start(program, args);
        if (!process.waitForFinished(120000))
            return false;
        m_output = QString::fromLocal8Bit(process.readAllStandardOutput() + process.readAllStandardError());
        return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    }

    QString m_bin;
    QString m_runAs;
    QString m_dir;
    QString m_output;
    bool m_started = false;
};

} // namespace

class TestServerPostgres : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir directory;
    std::unique_ptr<PrivateCluster> cluster;
    std::unique_ptr<ServerProcess> server;
    const QString password = QStringLiteral("Pg-password-2026");

private slots:
    void initTestCase()
    {
        cluster = std::make_unique<PrivateCluster>();
        if (!cluster->start(directory.path())) {
            if (!cluster->skipReason.isEmpty())
                QSKIP(qPrintable(cluster->skipReason));
            QFAIL(qPrintable(cluster->error));
        }
        server = std::make_unique<ServerProcess>(directory.filePath(QStringLiteral("data")));
        auto initialised = server->run({QStringLiteral("init"), QStringLiteral("--data"), server->dataDir(),
            QStringLiteral("--db-url"), cluster->url(), QStringLiteral("--admin-login"), QStringLiteral("admin"),
            QStringLiteral("--admin-password-file"), server->passwordFile(password)});
        QVERIFY2(initialised.ok(), qPrintable(initialised.ok() ? QString() : initialised.error().message));
        QVERIFY(initialised->contains(QStringLiteral("postgresql database")));
        server->configure({{QStringLiteral("security/password_strength"), QStringLiteral("test")},
            {QStringLiteral("testing/clock_start"), QString::fromLatin1(ServerTestBank::clockStart)}});
        auto started = server->start();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message + server->log()));
    }

    void cleanupTestCase()
    {
        server.reset();
        cluster.reset();
    }

    void casesSearchConflictsAndSyncWork()
    {
        HttpJson admin(server->baseUrl());
        QCOMPARE(admin.login(QStringLiteral("admin"), password).status, 200);
        QCOMPARE(admin
                     .post(QStringLiteral("/api/v1/branches"),
                         {{QStringLiteral("code"), QStringLiteral("SH01")},
                             {QStringLiteral("name"), QStringLiteral("上海分行营业部")},
                             {QStringLiteral("parent"), QStringLiteral("HO")}})
                     .status,
            201);
        for (const QString &role : {QStringLiteral("reception"), QStringLiteral("supervisor")}) {
            QCOMPARE(
                admin
                    .post(QStringLiteral("/api/v1/users"),
                        {{QStringLiteral("login"), role}, {QStringLiteral("name"), role},
                            {QStringLiteral("roles"), QJsonArray {role}},
                            {QStringLiteral("branch"), QStringLiteral("SH01")}, {QStringLiteral("password"), password}})
                    .status,
                201);
        }
        HttpJson reception(server->baseUrl());
        QCOMPARE(reception.login(QStringLiteral("reception"), password, QStringLiteral("pg-counter")).status, 200);
        const QJsonObject c = ServerTestBank::createCase(reception);
        QCOMPARE(c[QStringLiteral("number")].toString(), QStringLiteral("SH01-20261124-A0001"));
        QCOMPARE(c[QStringLiteral("deadlines")][QStringLiteral("resolve_by")].toString(), QStringLiteral("2026-11-27"));
        const QJsonObject repeat = ServerTestBank::createCase(reception);
        QCOMPARE(repeat[QStringLiteral("repeat_of")].toString(), c[QStringLiteral("id")].toString());

        HttpJson supervisor(server->baseUrl());
        QCOMPARE(supervisor.login(QStringLiteral("supervisor"), password).status, 200);
        // Unmasked view and its audit event.
        const HttpResponse full = supervisor.get(QStringLiteral("/api/v1/cases/") + c[QStringLiteral("id")].toString());
        QCOMPARE(full.json[QStringLiteral("complainant")][QStringLiteral("phone")].toString(),
            QStringLiteral("13812345678"));
        const HttpResponse history = supervisor.get(
            QStringLiteral("/api/v1/cases/") + c[QStringLiteral("id")].toString() + QStringLiteral("/history"));
        QVERIFY(QString::fromUtf8(history.body).contains(QStringLiteral("viewed_personal_data")));
        // Chinese full-text search through pg_trgm, paging and filters.
        HttpResponse list = supervisor.get(QStringLiteral("/api/v1/cases"),
            {{QStringLiteral("q"), QStringLiteral("手续费")}, {QStringLiteral("limit"), QStringLiteral("1")}});
        QCOMPARE(list.status, 200);
        QCOMPARE(list.json[QStringLiteral("total")].toInteger(), qint64(2));
        QCOMPARE(list.json[QStringLiteral("has_more")].toBool(), true);
        list = supervisor.get(QStringLiteral("/api/v1/cases"),
            {{QStringLiteral("cursor"), list.json[QStringLiteral("next_cursor")].toString()},
                {QStringLiteral("q"), QStringLiteral("手续费")}, {QStringLiteral("limit"), QStringLiteral("1")}});
        QCOMPARE(list.json[QStringLiteral("cases")].toArray().size(), 1);
        QCOMPARE(list.json[QStringLiteral("has_more")].toBool(), false);
        QCOMPARE(supervisor.get(QStringLiteral("/api/v1/cases"), {{QStringLiteral("overdue"), QStringLiteral("true")}})
                     .json[QStringLiteral("total")]
                     .toInteger(),
            qint64(0));
        // Per-field conflict.
        const QString path = QStringLiteral("/api/v1/cases/") + c[QStringLiteral("id")].toString();
        const qint64 base = c[QStringLiteral("revision")].toInteger();
        QCOMPARE(
            supervisor
                .patch(path,
                    {{QStringLiteral("base_revision"), base},
                        {QStringLiteral("fields"), QJsonObject {{QStringLiteral("summary"), QStringLiteral("一")}}}})
                .status,
            200);
        QCOMPARE(
            reception
                .patch(path,
                    {{QStringLiteral("base_revision"), base},
                        {QStringLiteral("fields"), QJsonObject {{QStringLiteral("summary"), QStringLiteral("二")}}}})
                .status,
            409);
        QCOMPARE(
            supervisor
                .post(path + QStringLiteral("/transitions"), {{QStringLiteral("to"), QStringLiteral("registered")}})
                .status,
            200);
        // Sync: an idempotent push and a paged pull.
        const QJsonObject push {{QStringLiteral("ops"),
            QJsonArray {QJsonObject {{QStringLiteral("op_id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                {QStringLiteral("kind"), QStringLiteral("record.append")},
                {QStringLiteral("entity_id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                {QStringLiteral("base_revision"), 0},
                {QStringLiteral("payload"),
                    QJsonObject {{QStringLiteral("case_id"), c[QStringLiteral("id")].toString()},
                        {QStringLiteral("kind"), QStringLiteral("note")},
                        {QStringLiteral("data"),
                            QJsonObject {{QStringLiteral("text"), QStringLiteral("离线备注")}}}}}}}}};
        const HttpResponse first = reception.post(QStringLiteral("/api/v1/sync/push"), push);
        QCOMPARE(first.status, 200);
        QCOMPARE(
            first.json[QStringLiteral("results")][0][QStringLiteral("status")].toString(), QStringLiteral("applied"));
        QCOMPARE(reception.post(QStringLiteral("/api/v1/sync/push"), push).json[QStringLiteral("results")],
            first.json[QStringLiteral("results")]);
        qint64 cursor = 0;
        int changes = 0;
        for (int page = 0; page < 50; ++page) {
            const HttpResponse pulled = supervisor.get(QStringLiteral("/api/v1/sync/pull"),
                {{QStringLiteral("since"), QString::number(cursor)}, {QStringLiteral("limit"), QStringLiteral("3")}});
            QCOMPARE(pulled.status, 200);
            changes += int(pulled.json[QStringLiteral("changes")].toArray().size());
            cursor = pulled.json[QStringLiteral("next")].toInteger();
            if (!pulled.json[QStringLiteral("has_more")].toBool())
                break;
        }
        QVERIFY(changes >= 8);
        // Backups of PostgreSQL installations are pg_dump's job; the server says so.
        auto backup = server->run({QStringLiteral("backup"), QStringLiteral("--data"), server->dataDir(),
            QStringLiteral("--out"), directory.filePath(QStringLiteral("x.db"))});
        QVERIFY(!backup.ok());
        QVERIFY(backup.error().message.contains(QStringLiteral("pg_dump")));
        // A second init on the same database is refused.
        auto again = server->run(
            {QStringLiteral("init"), QStringLiteral("--data"), directory.filePath(QStringLiteral("data2")),
                QStringLiteral("--db-url"), cluster->url(), QStringLiteral("--admin-login"), QStringLiteral("root"),
                QStringLiteral("--admin-password-file"), server->passwordFile(password)});
        QVERIFY(!again.ok());
        QVERIFY(again.error().message.contains(QStringLiteral("already holds")));
    }
};

QTEST_GUILESS_MAIN(TestServerPostgres)
#include "test_server_postgres.moc"
