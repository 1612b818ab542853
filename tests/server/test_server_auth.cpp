// Accounts and sessions of the real server (DESIGN §7): login with device codes, lock-out with a clear
// message, tokens stored only as hashes, logout, disabled accounts, and the admin command line.
#include "ServerTestBank.h"

#include <QDir>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

using namespace casedesk::testing;

class TestServerAuth : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerTestBank> bank;
    const int lockoutSeconds = 3;

    HttpResponse login(const QString &user, const QString &password, const QString &device = {})
    {
        HttpJson client(bank->server.baseUrl());
        return client.login(user, password, device);
    }

    QString data() const { return bank->server.dataDir(); }

private slots:
    void initTestCase()
    {
        bank = std::make_unique<ServerTestBank>();
        QVERIFY2(bank->setUp({{QStringLiteral("security/lockout_seconds"), QString::number(lockoutSeconds)}}),
            qPrintable(bank->error));
    }

    void cleanupTestCase() { bank.reset(); }

    void loginHandsOutTokenUserAndDeviceCodes()
    {
        const HttpResponse first = login(QStringLiteral("reception"), bank->password, QStringLiteral("counter-pc-1"));
        QCOMPARE(first.status, 200);
        const QString token = first.json[QStringLiteral("token")].toString();
        QCOMPARE(token.size(), 43); // 32 random bytes, base64url
        QCOMPARE(first.json[QStringLiteral("token_type")].toString(), QStringLiteral("Bearer"));
        // Sessions last the configured 12 hours from the server's (pinned) now.
        QVERIFY(first.json[QStringLiteral("expires_at")].toString().startsWith(QStringLiteral("2026-11-24T14:")));
        const QJsonObject user = first.json[QStringLiteral("user")].toObject();
        QCOMPARE(user[QStringLiteral("login")].toString(), QStringLiteral("reception"));
        QCOMPARE(user[QStringLiteral("roles")].toArray(), QJsonArray {QStringLiteral("reception")});
        QCOMPARE(user[QStringLiteral("branch")][QStringLiteral("code")].toString(), QStringLiteral("SH01"));
        // Device codes in the order devices first log in; "A" is the server's own.
        QCOMPARE(first.json[QStringLiteral("device_code")].toString(), QStringLiteral("B"));
        QCOMPARE(login(QStringLiteral("handler"), bank->password, QStringLiteral("counter-pc-1"))
                     .json[QStringLiteral("device_code")]
                     .toString(),
            QStringLiteral("B"));
        QCOMPARE(login(QStringLiteral("reception"), bank->password, QStringLiteral("counter-pc-2"))
                     .json[QStringLiteral("device_code")]
                     .toString(),
            QStringLiteral("C"));
        QVERIFY(login(QStringLiteral("reception"), bank->password).json[QStringLiteral("device_code")].isNull());
        // /me says who the token belongs to and from which device.
        HttpJson client(bank->server.baseUrl());
        client.setToken(token);
        const HttpResponse me = client.get(QStringLiteral("/api/v1/me"));
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json[QStringLiteral("device_code")].toString(), QStringLiteral("B"));
        QCOMPARE(me.json[QStringLiteral("permissions")][QStringLiteral("create_cases")].toBool(), true);
        QCOMPARE(me.json[QStringLiteral("permissions")][QStringLiteral("read_audit_trail")].toBool(), false);
        // SH01's scope includes its sub-branch SH07.
        QVERIFY(me.json[QStringLiteral("scope")].toArray().contains(bank->branchIds.value(QStringLiteral("SH07"))));
    }

    void wrongPasswordAndUnknownLoginLookAlike()
    {
        const HttpResponse wrong = login(QStringLiteral("auditor"), QStringLiteral("not-the-password"));
        const HttpResponse unknown = login(QStringLiteral("nobody"), QStringLiteral("not-the-password"));
        QCOMPARE(wrong.status, 401);
        QCOMPARE(unknown.status, 401);
        QCOMPARE(wrong.errorCode(), QStringLiteral("invalid_credentials"));
        QCOMPARE(unknown.errorCode(), QStringLiteral("invalid_credentials"));
        QCOMPARE(wrong.json[QStringLiteral("error")][QStringLiteral("message")],
            unknown.json[QStringLiteral("error")][QStringLiteral("message")]);
        // The failure was counted but the account still works.
        QCOMPARE(login(QStringLiteral("auditor"), bank->password).status, 200);
    }

    void lockOutAfterFiveFailuresSaysWhenToRetry()
    {
        for (int i = 1; i <= 4; ++i)
            QCOMPARE(login(QStringLiteral("manager"), QStringLiteral("wrong-%1").arg(i)).status, 401);
        const HttpResponse locked = login(QStringLiteral("manager"), QStringLiteral("wrong-5"));
        QCOMPARE(locked.status, 429);
        QCOMPARE(locked.errorCode(), QStringLiteral("account_locked"));
        const QJsonObject details = locked.json[QStringLiteral("error")][QStringLiteral("details")].toObject();
        QVERIFY(details[QStringLiteral("retry_after_seconds")].toInteger() > 0);
        QVERIFY(details[QStringLiteral("retry_after_seconds")].toInteger() <= lockoutSeconds);
        QVERIFY(!details[QStringLiteral("locked_until")].toString().isEmpty());
        QVERIFY(!locked.header("retry-after").isEmpty());
        // Messages come in the conf's language, Chinese unless server/language says otherwise.
        QVERIFY(locked.json[QStringLiteral("error")][QStringLiteral("message")].toString().contains(
            QStringLiteral("账户已锁定")));
        // While locked even the right password is refused.
        QCOMPARE(login(QStringLiteral("manager"), bank->password).status, 429);
        QThread::msleep(lockoutSeconds * 1000 + 300);
        QCOMPARE(login(QStringLiteral("manager"), bank->password).status, 200);
        // After the lock ran out the count starts again from zero.
        QCOMPARE(login(QStringLiteral("manager"), QStringLiteral("wrong-again")).status, 401);
        QCOMPARE(login(QStringLiteral("manager"), bank->password).status, 200);
    }

    void resettingThePasswordUnlocksAndEndsSessions()
    {
        auto product = bank->as(QStringLiteral("product"));
        for (int i = 0; i < 5; ++i)
            (void)login(QStringLiteral("product"), QStringLiteral("wrong"));
        QCOMPARE(login(QStringLiteral("product"), bank->password).status, 429);
        const QString newPassword = QStringLiteral("Brand-new-2026");
        auto reset = bank->server.run({QStringLiteral("user"), QStringLiteral("reset-password"),
            QStringLiteral("--data"), data(), QStringLiteral("--login"), QStringLiteral("product"),
            QStringLiteral("--password-file"), bank->server.passwordFile(newPassword)});
        QVERIFY2(reset.ok(), qPrintable(reset.ok() ? QString() : reset.error().message));
        QCOMPARE(product->get(QStringLiteral("/api/v1/me")).status, 401);
        QCOMPARE(login(QStringLiteral("product"), bank->password).status, 401);
        QCOMPARE(login(QStringLiteral("product"), newPassword).status, 200);
    }

    void requestsNeedAValidTokenAndLogoutEndsIt()
    {
        HttpJson anonymous(bank->server.baseUrl());
        HttpResponse r = anonymous.get(QStringLiteral("/api/v1/cases"));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), QStringLiteral("unauthenticated"));
        QVERIFY(r.header("www-authenticate").startsWith("Bearer"));
        anonymous.setToken(QStringLiteral("forged-token-forged-token-forged-token-abcd"));
        QCOMPARE(anonymous.get(QStringLiteral("/api/v1/taxonomy")).status, 401);
        // Health needs no login.
        HttpJson health(bank->server.baseUrl());
        QCOMPARE(health.get(QStringLiteral("/api/v1/health")).json[QStringLiteral("status")].toString(),
            QStringLiteral("ok"));

        auto client = bank->as(QStringLiteral("supervisor"));
        QCOMPARE(client->get(QStringLiteral("/api/v1/me")).status, 200);
        QCOMPARE(client->post(QStringLiteral("/api/v1/auth/logout"), {}).status, 200);
        r = client->get(QStringLiteral("/api/v1/me"));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), QStringLiteral("unauthenticated"));
    }

    void tokensAndPasswordsAreStoredOnlyAsHashes()
    {
        const HttpResponse r = login(QStringLiteral("sz.reception"), bank->password);
        const QString token = r.json[QStringLiteral("token")].toString();
        QVERIFY(!token.isEmpty());
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
            db.setDatabaseName(QDir(data()).filePath(QStringLiteral("casedesk.db")));
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT token_hash FROM sessions")));
            int sessions = 0;
            while (q.next()) {
                ++sessions;
                QVERIFY(q.value(0).toString() != token);
                QCOMPARE(q.value(0).toString().size(), 64);
            }
            QVERIFY(sessions > 0);
            QVERIFY(q.exec(QStringLiteral("SELECT password_hash FROM credentials")));
            while (q.next()) {
                QVERIFY(q.value(0).toString().startsWith(QStringLiteral("$argon2id$")));
                QVERIFY(!q.value(0).toString().contains(bank->password));
            }
            // Complainants' phone numbers are encrypted at rest (DESIGN §7).
            auto reception = bank->as(QStringLiteral("reception"));
            QVERIFY(!ServerTestBank::createCase(*reception, ServerTestBank::walkIn(QStringLiteral("13812349876")))
                         .isEmpty());
            QVERIFY(q.exec(QStringLiteral("SELECT complainant_phone, phone_hash FROM cases")));
            QVERIFY(q.next());
            QVERIFY(q.value(0).toString().startsWith(QStringLiteral("v1:")));
            QVERIFY(!q.value(0).toString().contains(QStringLiteral("13812349876")));
            QCOMPARE(q.value(1).toString().size(), 64);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("peek"));
        QFile key(QDir(data()).filePath(QStringLiteral("field.key")));
        QCOMPARE(key.permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
            QFile::Permissions());
    }

    void disabledAccountsLoseTheirSessions()
    {
        auto clerk = bank->as(QStringLiteral("sh07.reception"));
        QCOMPARE(clerk->get(QStringLiteral("/api/v1/me")).status, 200);
        auto run = [this](const QString &action) {
            return bank->server.run({QStringLiteral("user"), action, QStringLiteral("--data"), data(),
                QStringLiteral("--login"), QStringLiteral("sh07.reception")});
        };
        QVERIFY(run(QStringLiteral("disable")).ok());
        QCOMPARE(clerk->get(QStringLiteral("/api/v1/me")).status, 401);
        const HttpResponse refused = login(QStringLiteral("sh07.reception"), bank->password);
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.errorCode(), QStringLiteral("account_disabled"));
        QVERIFY(run(QStringLiteral("enable")).ok());
        QCOMPARE(login(QStringLiteral("sh07.reception"), bank->password).status, 200);
    }

    void commandLineRefusesBadInputWithAMessage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString dir = QStringLiteral("{DATA}");
        QTest::newRow("password on the command line") << QStringList {QStringLiteral("user"), QStringLiteral("add"),
            QStringLiteral("--data"), dir, QStringLiteral("--login"), QStringLiteral("x1"),
            QStringLiteral("--password"), QStringLiteral("secret")}
                                                      << QStringLiteral("Unknown option");
        QTest::newRow("no password file") << QStringList {QStringLiteral("user"), QStringLiteral("add"),
            QStringLiteral("--data"), dir, QStringLiteral("--login"), QStringLiteral("x1"), QStringLiteral("--name"),
            QStringLiteral("X"), QStringLiteral("--roles"), QStringLiteral("reception"), QStringLiteral("--branch"),
            QStringLiteral("SH01")} << QStringLiteral("--password-file");
        QTest::newRow("unknown role") << QStringList {QStringLiteral("user"), QStringLiteral("add"),
            QStringLiteral("--data"), dir, QStringLiteral("--login"), QStringLiteral("x1"), QStringLiteral("--name"),
            QStringLiteral("X"), QStringLiteral("--roles"), QStringLiteral("teller"), QStringLiteral("--branch"),
            QStringLiteral("SH01"), QStringLiteral("--password-file"), QStringLiteral("{PASSWORD}")}
                                      << QStringLiteral("not a role");
        QTest::newRow("taken login") << QStringList {QStringLiteral("user"), QStringLiteral("add"),
            QStringLiteral("--data"), dir, QStringLiteral("--login"), QStringLiteral("reception"),
            QStringLiteral("--name"), QStringLiteral("X"), QStringLiteral("--roles"), QStringLiteral("reception"),
            QStringLiteral("--branch"), QStringLiteral("SH01"), QStringLiteral("--password-file"),
            QStringLiteral("{PASSWORD}")}
                                     << QStringLiteral("taken");
        QTest::newRow("bad branch code") << QStringList {QStringLiteral("branch"), QStringLiteral("add"),
            QStringLiteral("--data"), dir, QStringLiteral("--code"), QStringLiteral("sh-1"), QStringLiteral("--name"),
            QStringLiteral("X"), QStringLiteral("--parent"), QStringLiteral("HO")}
                                         << QStringLiteral("capital letters");
        QTest::newRow("unknown parent") << QStringList {QStringLiteral("branch"), QStringLiteral("add"),
            QStringLiteral("--data"), dir, QStringLiteral("--code"), QStringLiteral("NJ09"), QStringLiteral("--name"),
            QStringLiteral("X"), QStringLiteral("--parent"), QStringLiteral("XX")}
                                        << QStringLiteral("XX");
        QTest::newRow("bad time zone") << QStringList {QStringLiteral("branch"), QStringLiteral("add"),
            QStringLiteral("--data"), dir, QStringLiteral("--code"), QStringLiteral("NJ09"), QStringLiteral("--name"),
            QStringLiteral("X"), QStringLiteral("--parent"), QStringLiteral("HO"), QStringLiteral("--timezone"),
            QStringLiteral("Mars/Olympus")}
                                       << QStringLiteral("time zone");
        QTest::newRow("init over existing data") << QStringList {QStringLiteral("init"), QStringLiteral("--data"), dir,
            QStringLiteral("--admin-login"), QStringLiteral("root"), QStringLiteral("--admin-password-file"),
            QStringLiteral("{PASSWORD}")} << QStringLiteral("not empty");
        QTest::newRow("unknown command") << QStringList {QStringLiteral("frobnicate")}
                                         << QStringLiteral("not a command");
        QTest::newRow("missing data directory") << QStringList {QStringLiteral("user"), QStringLiteral("list"),
            QStringLiteral("--data"), QStringLiteral("/nonexistent/x")}
                                                << QStringLiteral("casedesk.conf");
        QTest::newRow("second server on one directory") << QStringList {QStringLiteral("serve"),
            QStringLiteral("--data"), dir, QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")}
                                                        << QStringLiteral("already serving");
    }

    void commandLineRefusesBadInputWithAMessage()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        for (QString &arg : args) {
            arg.replace(QStringLiteral("{DATA}"), data());
            arg.replace(QStringLiteral("{PASSWORD}"), bank->server.passwordFile(QStringLiteral("Another-pass-2026")));
        }
        const auto result = bank->server.run(args);
        QVERIFY(!result.ok());
        QVERIFY2(result.error().code.startsWith(QStringLiteral("exit_")), qPrintable(result.error().code));
        QVERIFY2(result.error().message.contains(message), qPrintable(result.error().message));
        // Nothing was added.
        const auto users
            = bank->server.run({QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--data"), data()});
        QVERIFY(users.ok());
        QVERIFY(!users->contains(QStringLiteral("x1")));
        QVERIFY(!users->contains(QStringLiteral("root")));
    }

    void commandLineListsWhatItAdded()
    {
        auto added = bank->server.run({QStringLiteral("branch"), QStringLiteral("add"), QStringLiteral("--data"),
            data(), QStringLiteral("--code"), QStringLiteral("NJ09"), QStringLiteral("--name"),
            QStringLiteral("南京鼓楼支行"), QStringLiteral("--parent"), QStringLiteral("HO"),
            QStringLiteral("--cutoff"), QStringLiteral("16:30")});
        QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.error().message));
        const auto branches
            = bank->server.run({QStringLiteral("branch"), QStringLiteral("list"), QStringLiteral("--data"), data()});
        QVERIFY(branches.ok());
        QVERIFY(branches->contains(QStringLiteral("NJ09\t南京鼓楼支行\tHO\tAsia/Shanghai\t16:30")));
        added = bank->server.run(
            {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--data"), data(), QStringLiteral("--login"),
                QStringLiteral("nj.clerk"), QStringLiteral("--name"), QStringLiteral("钱多多"),
                QStringLiteral("--roles"), QStringLiteral("reception,handler"), QStringLiteral("--branch"),
                QStringLiteral("NJ09"), QStringLiteral("--unit"), QStringLiteral("branch_office"),
                QStringLiteral("--password-file"), QStringLiteral("-")},
            QByteArray("Stdin-password-2026\n"));
        QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.error().message));
        const auto users
            = bank->server.run({QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--data"), data()});
        QVERIFY(users->contains(QStringLiteral("nj.clerk\t钱多多\treception,handler\tNJ09\tbranch_office\tactive")));
        QCOMPARE(login(QStringLiteral("nj.clerk"), QStringLiteral("Stdin-password-2026")).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestServerAuth)
#include "test_server_auth.moc"
