// The sign-in dialog and the status-bar sync indicator, driven like a user would, against a real
// casedesk-server: wrong password, lock-out, signing in, offline start, the keychain fallback note.
#include "fixtures/ClientFixture.h"
#include "session/LocalProfile.h"
#include "ui/LoginDialog.h"
#include "ui/SyncStatusIndicator.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QTest>
#include <QToolButton>

using namespace casedesk;
using namespace casedesk::testing;

namespace {
// Types into the dialog's fields and presses Enter, as the counter clerk does.
void typeAndSubmit(LoginDialog &dialog, const QUrl &server, const QString &login, const QString &password)
{
    auto *serverEdit = dialog.findChild<QLineEdit *>(QStringLiteral("serverEdit"));
    auto *loginEdit = dialog.findChild<QLineEdit *>(QStringLiteral("loginEdit"));
    auto *passwordEdit = dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
    serverEdit->clear();
    QTest::keyClicks(serverEdit, server.toString());
    loginEdit->clear();
    QTest::keyClicks(loginEdit, login);
    passwordEdit->clear();
    QTest::keyClicks(passwordEdit, password);
    QTest::keyClick(passwordEdit, Qt::Key_Return);
}

void saveScreenshot(QWidget &widget, const QString &name)
{
    const QString dir
        = qEnvironmentVariable("CASEDESK_BINARY_DIR", QDir::currentPath()) + QStringLiteral("/screenshots");
    QDir().mkpath(dir);
    widget.grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}
} // namespace

class TestLoginDialog : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> server;

private slots:
    void initTestCase()
    {
        server = std::make_unique<TestServer>();
        const QString problem = server->setUp();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
    void init()
    {
        if (!server->process.isRunning())
            QVERIFY(server->restart().ok());
    }
    void cleanupTestCase() { server.reset(); }

    void wrongPasswordIsExplained()
    {
        TestClient client;
        LoginDialog dialog(*client.session);
        dialog.show();
        typeAndSubmit(dialog, server->url(), QStringLiteral("counter.a"), QStringLiteral("wrong-password-1"));
        QVERIFY(dialog.isSigningIn() || !dialog.errorText().isEmpty());
        QTRY_VERIFY(!dialog.errorText().isEmpty());
        // The server's own words, not a generic failure.
        ServerApi api(server->url());
        auto direct = await<ServerApi::LoginAnswer>(
            [&](auto done) { api.login(QStringLiteral("counter.c"), QStringLiteral("wrong-password-1"), done); });
        QVERIFY(!direct.ok());
        QCOMPARE(direct.error().code, QStringLiteral("invalid_credentials"));
        QCOMPARE(dialog.errorText(), direct.error().message);
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(!client.session->isSignedIn());
        // The password is selected for retyping.
        QVERIFY(dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->hasFocus());
        saveScreenshot(dialog, QStringLiteral("login-wrong-password"));
    }

    void lockOutIsExplained()
    {
        TestClient client;
        LoginDialog dialog(*client.session);
        dialog.show();
        QStringList messages;
        // Five failures lock the account (server default); the sixth attempt hears why.
        for (int i = 0; i < 6; ++i) {
            typeAndSubmit(
                dialog, server->url(), QStringLiteral("locked.d"), QStringLiteral("wrong-password-%1").arg(i));
            QTRY_VERIFY(!dialog.isSigningIn());
            messages.append(dialog.errorText());
        }
        QVERIFY(!messages.last().isEmpty());
        QVERIFY(messages.last() != messages.first());
        // Locked means locked: even the right password is refused, with the same explanation.
        typeAndSubmit(
            dialog, server->url(), QStringLiteral("locked.d"), TestServer::password(QStringLiteral("locked.d")));
        QTRY_VERIFY(!dialog.isSigningIn());
        QVERIFY(!client.session->isSignedIn());
        ServerApi api(server->url());
        auto direct = await<ServerApi::LoginAnswer>([&](auto done) {
            api.login(QStringLiteral("locked.d"), TestServer::password(QStringLiteral("locked.d")), done);
        });
        QCOMPARE(direct.error().code, QStringLiteral("account_locked"));
        QCOMPARE(dialog.errorText(), direct.error().message);
        saveScreenshot(dialog, QStringLiteral("login-locked"));
    }

    void signsInAndRegistersTheDevice()
    {
        TestClient client;
        client.preferences.setServerUrl(server->url());
        client.preferences.setLastLogin(QStringLiteral("counter.a"));
        LoginDialog dialog(*client.session);
        // Pre-filled from the preferences: the clerk only types the password.
        QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("serverEdit"))->text(), server->url().toString());
        QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("loginEdit"))->text(), QStringLiteral("counter.a"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTRY_VERIFY(dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->hasFocus());
        QSignalSpy signedIn(&dialog, &LoginDialog::signedIn);
        QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit")),
            TestServer::password(QStringLiteral("counter.a")));
        QTest::keyClick(dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit")), Qt::Key_Return);
        QTRY_COMPARE(signedIn.count(), 1);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(client.session->isSignedIn());
        QVERIFY(!client.session->startedOffline());
        QCOMPARE(client.workspace().user().login, QStringLiteral("counter.a"));
        // The local store lives under <data root>/<host_port>/<login>, with the device registration.
        const QString expected
            = client.dir.filePath(QStringLiteral("local/127.0.0.1_%1/counter.a").arg(server->url().port()));
        QCOMPARE(client.workspace().directory(), expected);
        auto profile = LocalProfile::load(expected);
        QVERIFY(profile.ok());
        QCOMPARE(profile->deviceCode, client.workspace().deviceCode());
        QVERIFY(!profile->deviceCode.isEmpty());
        QVERIFY(profile->knowsUser());
        QVERIFY(!profile->passwordVerifier.contains(TestServer::password(QStringLiteral("counter.a"))));
        // The directory came with the sign-in: the user's branch is known by id and code.
        auto branch = client.workspace().store().findBranch(client.workspace().user().branchId);
        QVERIFY(branch.ok() && branch->has_value());
        QCOMPARE((*branch)->code, QStringLiteral("SH01"));
    }

    void startsOfflineForAKnownUserOnly()
    {
        TestClient client;
        QVERIFY(client.signIn(server->url(), QStringLiteral("counter.a")).ok());
        client.reopen(); // the program is closed …
        server->process.stop(); // … and head office is unreachable when it starts again

        LoginDialog unknown(*client.session);
        unknown.show();
        typeAndSubmit(
            unknown, server->url(), QStringLiteral("counter.c"), TestServer::password(QStringLiteral("counter.c")));
        QTRY_VERIFY(!unknown.errorText().isEmpty());
        QVERIFY(unknown.errorText().contains(QStringLiteral("not signed in on this computer before")));
        QVERIFY(!client.session->isSignedIn());
        unknown.close();

        LoginDialog known(*client.session);
        known.show();
        typeAndSubmit(
            known, server->url(), QStringLiteral("counter.a"), TestServer::password(QStringLiteral("counter.a")));
        QTRY_VERIFY(client.session->isSignedIn());
        QCOMPARE(known.result(), int(QDialog::Accepted));
        QVERIFY(client.session->startedOffline());
        QCOMPARE(client.workspace().user().login, QStringLiteral("counter.a"));
    }

    void saysWhenPasswordsCannotBeSaved()
    {
        TestClient client;
        CredentialStore keychain(true); // the machine's real keychain, if it has one
        QTRY_VERIFY(keychain.availability() != CredentialStore::Availability::Unknown);
        SessionManager session(client.preferences, keychain, client.clock);
        LoginDialog dialog(session);
        dialog.show();
        auto *note = dialog.findChild<QLabel *>(QStringLiteral("keychainNote"));
        auto *remember = dialog.findChild<QCheckBox *>(QStringLiteral("rememberCheck"));
        if (keychain.availability() == CredentialStore::Availability::Available)
            QSKIP("this machine has a keychain service; the fallback is not reachable here");
        QVERIFY(note->isVisible());
        QVERIFY(note->text().contains(QStringLiteral("asked for it each time")));
        QVERIFY(!remember->isEnabled());
        QVERIFY(!remember->isChecked());
        saveScreenshot(dialog, QStringLiteral("login-no-keychain"));
    }

    void indicatorShowsTheSyncState()
    {
        TestClient client;
        QVERIFY(client.signIn(server->url(), QStringLiteral("counter.a")).ok());
        SyncStatusIndicator indicator(client.engine());
        indicator.show();
        auto *button = indicator.findChild<QToolButton *>(QStringLiteral("syncStatusButton"));
        QVERIFY(client.syncOnce());
        QCOMPARE(indicator.text(), QStringLiteral("Online · up to date"));
        QVERIFY(indicator.errorText().isEmpty());

        auto change = client.workspace().casework().createCase(
            {{QStringLiteral("channel"), QStringLiteral("walk_in")},
                {QStringLiteral("category"), QStringLiteral("service_attitude")},
                {QStringLiteral("complainant"),
                    QJsonObject {{QStringLiteral("name"), QStringLiteral("王芳")},
                        {QStringLiteral("phone"), QStringLiteral("13900001111")}}},
                {QStringLiteral("summary"), QStringLiteral("大堂经理态度生硬")}},
            client.access(), client.workspace().deviceCode());
        QVERIFY(change.ok());
        emit client.workspace().casesChanged();
        QCOMPARE(indicator.text(), QStringLiteral("Online · 1 change(s) to send"));

        server->process.stop();
        QTest::mouseClick(button, Qt::LeftButton); // click = sync now
        QTRY_VERIFY(indicator.text().startsWith(QStringLiteral("Offline")));
        QCOMPARE(indicator.text(), QStringLiteral("Offline · 1 change(s) to send"));
        QVERIFY(!indicator.errorText().isEmpty());
        saveScreenshot(indicator, QStringLiteral("sync-indicator-offline"));

        QVERIFY(server->restart().ok());
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_COMPARE(indicator.text(), QStringLiteral("Online · up to date"));
        QVERIFY(indicator.errorText().isEmpty());
        QVERIFY(indicator.refusedText().isEmpty());
    }

    void trustsTheHeadOfficeCertificateWhenTold()
    {
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty())
            QSKIP("openssl is not installed (scripts/install-deps.sh installs it): cannot make a test certificate");
        TestServer tls;
        const QString cert = tls.dir.filePath(QStringLiteral("cert.pem"));
        const QString key = tls.dir.filePath(QStringLiteral("key.pem"));
        QProcess make;
        make.start(openssl,
            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                QStringLiteral("-nodes"), QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert,
                QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1")});
        QVERIFY(make.waitForFinished(60000));
        QCOMPARE(make.exitCode(), 0);
        tls.process.setTlsTrust(QSslCertificate::fromPath(cert)); // for the fixture's readiness probe only
        const QString problem = tls.setUp({QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(tls.url().scheme(), QStringLiteral("https"));

        // A self-signed head office is refused until its certificate is trusted, and the message says where.
        TestClient client;
        const Status refused = client.signIn(tls.url(), QStringLiteral("counter.a"));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("tls_error"));
        QVERIFY(!client.session->isSignedIn());
        {
            LoginDialog dialog(*client.session);
            dialog.show();
            auto *trust = dialog.findChild<QPushButton *>(QStringLiteral("certificateButton"));
            QVERIFY(!trust->isVisible());
            typeAndSubmit(
                dialog, tls.url(), QStringLiteral("counter.a"), TestServer::password(QStringLiteral("counter.a")));
            QTRY_VERIFY(!dialog.errorText().isEmpty());
            QCOMPARE(dialog.errorText(), refused.error().message);
            QVERIFY(trust->isVisible()); // the way out is offered where the problem shows
            saveScreenshot(dialog, QStringLiteral("login-untrusted-certificate"));
        }
        client.preferences.setTrustedCertificateFile(cert);
        QVERIFY(client.signIn(tls.url(), QStringLiteral("counter.a")).ok());
        QVERIFY(client.syncOnce());
        QCOMPARE(client.engine().state().connectivity, SyncState::Connectivity::Online);
    }
};

QTEST_MAIN(TestLoginDialog)
#include "test_login_dialog.moc"
