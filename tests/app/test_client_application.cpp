// The client as main.cpp starts it (ClientApplication) against a real casedesk-server: the command
// line of scripts/run.sh signs in without a click, the main window shows the sync state, a session the
// server ended asks for the password again, and signing out comes back to the sign-in dialog.
#include "fixtures/ClientFixture.h"
#include "session/ClientApplication.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "ui/SyncStatusIndicator.h"

#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QTest>

using namespace casedesk;
using namespace casedesk::testing;

namespace {
LoginDialog *visibleSignInDialog()
{
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (auto *dialog = qobject_cast<LoginDialog *>(widget); dialog && dialog->isVisible())
            return dialog;
    }
    return nullptr;
}
} // namespace

class TestClientApplication : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> server;
    QTemporaryDir scratch;

    QStringList arguments(const QString &login)
    {
        const QString file = scratch.filePath(login + QStringLiteral(".pw"));
        QFile out(file);
        if (out.open(QIODevice::WriteOnly))
            out.write(TestServer::password(login).toUtf8() + '\n');
        return {QStringLiteral("casedesk"), QStringLiteral("--server"), server->url().toString(),
            QStringLiteral("--login"), login, QStringLiteral("--password-file"), file, QStringLiteral("--data-dir"),
            scratch.filePath(QStringLiteral("local")), QStringLiteral("--settings"),
            scratch.filePath(QStringLiteral("casedesk.ini")), QStringLiteral("--no-keychain"),
            QStringLiteral("--language"), QStringLiteral("en")};
    }

private slots:
    void initTestCase()
    {
        server = std::make_unique<TestServer>();
        const QString problem = server->setUp();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
    void cleanupTestCase() { server.reset(); }

    void badCommandLinesStopEarly()
    {
        ClientApplication unknownOption;
        QVERIFY(!unknownOption.start({QStringLiteral("casedesk"), QStringLiteral("--frobnicate")}));
        QCOMPARE(unknownOption.exitCode(), 2);
        ClientApplication missingFile;
        QVERIFY(!missingFile.start({QStringLiteral("casedesk"), QStringLiteral("--password-file"),
            scratch.filePath(QStringLiteral("no-such-file"))}));
        QCOMPARE(missingFile.exitCode(), 2);
        QVERIFY(missingFile.mainWindow() == nullptr);
    }

    void signsInFromTheCommandLineAndRenewsTheSession()
    {
        ClientApplication client;
        QVERIFY(client.start(arguments(QStringLiteral("counter.a"))));
        auto *window = qobject_cast<MainWindow *>(client.mainWindow());
        QVERIFY(window);
        QVERIFY(window->isVisible());
        SessionManager &session = *client.session();
        QVERIFY(session.isSignedIn());
        QCOMPARE(session.workspace()->user().login, QStringLiteral("counter.a"));
        QVERIFY(session.engine()->isRunning());
        auto *indicator = window->findChild<SyncStatusIndicator *>();
        QVERIFY(indicator);
        QTRY_COMPARE(indicator->text(), QStringLiteral("Online · up to date"));
        // Preferences remember the server and the login for the next start.
        Preferences preferences(scratch.filePath(QStringLiteral("casedesk.ini")));
        QCOMPARE(preferences.serverUrl(), server->url());
        QCOMPARE(preferences.lastLogin(), QStringLiteral("counter.a"));
        const QString dir
            = qEnvironmentVariable("CASEDESK_BINARY_DIR", QDir::currentPath()) + QStringLiteral("/screenshots");
        QDir().mkpath(dir);
        window->grab().save(dir + QStringLiteral("/client-main-window.png"));

        // Head office ends the session; nothing is saved in a keychain, so the user is asked.
        ServerApi sameSession(server->url());
        sameSession.setToken(session.engine()->api().token());
        QVERIFY(await<QJsonObject>([&](auto done) { sameSession.logout(done); }).ok());
        session.engine()->syncNow();
        LoginDialog *renew = nullptr;
        QTRY_VERIFY((renew = window->findChild<LoginDialog *>()) != nullptr && renew->isVisible());
        QTRY_VERIFY(indicator->text().startsWith(QStringLiteral("Sign-in needed")));
        auto *password = renew->findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
        QVERIFY(!renew->findChild<QLineEdit *>(QStringLiteral("loginEdit"))->isEnabled()
            || renew->findChild<QLineEdit *>(QStringLiteral("loginEdit"))->isReadOnly());
        renew->grab().save(dir + QStringLiteral("/client-renew-session.png"));
        QTest::keyClicks(password, TestServer::password(QStringLiteral("counter.a")));
        QTest::keyClick(password, Qt::Key_Return);
        QTRY_COMPARE(indicator->text(), QStringLiteral("Online · up to date"));
        QTRY_VERIFY(window->findChild<LoginDialog *>() == nullptr);
    }

    void signOutReturnsToTheSignInDialog()
    {
        ClientApplication client;
        QVERIFY(client.start(arguments(QStringLiteral("super.b"))));
        QPointer<QWidget> first = client.mainWindow();
        QVERIFY(first);
        QAction *signOut = qobject_cast<MainWindow *>(first.data())->action(QStringLiteral("signOut"));
        QVERIFY(signOut);
        signOut->trigger();
        QTRY_VERIFY(first.isNull());
        QVERIFY(!client.session()->isSignedIn());
        LoginDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = visibleSignInDialog()) != nullptr);
        auto *password = dialog->findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
        QTest::keyClicks(password, TestServer::password(QStringLiteral("super.b")));
        QTest::keyClick(password, Qt::Key_Return);
        QTRY_VERIFY(client.mainWindow() != nullptr && client.mainWindow()->isVisible());
        QCOMPARE(client.session()->workspace()->user().login, QStringLiteral("super.b"));
    }
};

QTEST_MAIN(TestClientApplication)
#include "test_client_application.moc"
