#include "session/ClientApplication.h"

#include "base/Clock.h"
#include "session/CredentialStore.h"
#include "session/Preferences.h"
#include "session/SessionManager.h"
#include "session/WallClock.h"
#include "session/Workspace.h"
#include "sync/SyncEngine.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "ui/UiLanguage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QTimer>

#include <cstdio>

namespace casedesk {

namespace {
void complain(const QString &message)
{
    std::fprintf(stderr, "casedesk: %s\n", qUtf8Printable(message));
}
} // namespace

ClientApplication::ClientApplication(QObject *parent)
    : QObject(parent)
{
    // QSettings and QStandardPaths (where the per-user stores live) are named after these.
    QCoreApplication::setOrganizationName(QStringLiteral("CaseDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("casedesk"));
}

ClientApplication::~ClientApplication()
{
    // The window refers to the workspace, the workspace belongs to the session.
    m_window.reset();
    m_session.reset();
}

QWidget *ClientApplication::mainWindow() const
{
    return m_window.get();
}

bool ClientApplication::start(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("CaseDesk: complaint case management for bank branches and back offices."));
    parser.addHelpOption();
    const QCommandLineOption server(
        QStringLiteral("server"), tr("Server address, e.g. https://casedesk.example.cn:8640."), tr("url"));
    const QCommandLineOption login(QStringLiteral("login"), tr("Login to sign in with."), tr("login"));
    const QCommandLineOption passwordFile(QStringLiteral("password-file"),
        tr("Sign in at once with the password in this file (for scripts)."), tr("file"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
        tr("Keep the local stores in this folder instead of the user's data folder."), tr("folder"));
    const QCommandLineOption settings(
        QStringLiteral("settings"), tr("Read and write the preferences in this INI file."), tr("file"));
    const QCommandLineOption noKeychain(QStringLiteral("no-keychain"), tr("Do not use the system keychain."));
    const QCommandLineOption language(
        QStringLiteral("language"), tr("User interface language: zh_CN or en."), tr("code"));
    const QCommandLineOption certificate(QStringLiteral("trust-certificate"),
        tr("Also trust this PEM certificate (a head office with its own certificate)."), tr("file"));
    parser.addOptions({server, login, passwordFile, dataDir, settings, noKeychain, language, certificate});
    if (!parser.parse(arguments)) {
        complain(parser.errorText());
        m_exitCode = 2;
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fprintf(stdout, "%s", qUtf8Printable(parser.helpText()));
        m_exitCode = 0;
        return false;
    }

    m_preferences = parser.isSet(settings) ? std::make_unique<Preferences>(parser.value(settings))
                                           : std::make_unique<Preferences>();
    if (parser.isSet(certificate))
        m_preferences->setTrustedCertificateFile(parser.value(certificate)); // "trust it from now on"
    // --language is for this run only; the preference stays what the user chose.
    UiLanguage::apply(parser.isSet(language) ? parser.value(language) : m_preferences->effectiveLanguage());
    QGuiApplication::setApplicationDisplayName(tr("CaseDesk"));

    QString password;
    if (parser.isSet(passwordFile)) {
        QFile file(parser.value(passwordFile));
        if (!file.open(QIODevice::ReadOnly)) {
            complain(tr("Cannot read the password file %1: %2").arg(file.fileName(), file.errorString()));
            m_exitCode = 2;
            return false;
        }
        password = QString::fromUtf8(file.readLine()).remove(QLatin1Char('\n')).remove(QLatin1Char('\r'));
    }

    m_credentials = std::make_unique<CredentialStore>(!parser.isSet(noKeychain));
    m_clock = std::make_unique<WallClock>();
    SessionManager::Options options;
    options.dataRoot = parser.value(dataDir);
    m_session = std::make_unique<SessionManager>(*m_preferences, *m_credentials, *m_clock, options);
    connect(m_session.get(), &SessionManager::passwordNeeded, this, &ClientApplication::askForPassword);

    LoginDialog dialog(*m_session);
    if (parser.isSet(server))
        dialog.setServerUrl(QUrl::fromUserInput(parser.value(server)));
    if (parser.isSet(login))
        dialog.setLogin(parser.value(login));
    if (!password.isEmpty()) {
        dialog.setPassword(password);
        QTimer::singleShot(0, &dialog, &LoginDialog::submit); // signs in as soon as the dialog runs
    }
    // Not a slot: nothing else runs yet, so the dialog may run its own loop here.
    if (dialog.exec() != QDialog::Accepted || !m_session->isSignedIn()) {
        m_exitCode = 0;
        return false;
    }
    openMainWindow();
    return true;
}

void ClientApplication::openMainWindow()
{
    m_window = std::make_unique<MainWindow>(*m_session->workspace(), m_session->engine());
    m_window->setPreferences(m_preferences.get());
    connect(m_window.get(), &MainWindow::signOutRequested, this, &ClientApplication::signOut);
    m_window->show();
    m_session->engine()->start();
}

void ClientApplication::signOut()
{
    // The request comes from the window's own menu: it goes once control is back in the event loop.
    if (m_window) {
        m_window->hide();
        m_window.release()->deleteLater();
    }
    if (m_renewDialog)
        m_renewDialog->close();
    m_session->signOut();
    auto *dialog = new LoginDialog(*m_session);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &LoginDialog::signedIn, this, &ClientApplication::openMainWindow);
    connect(dialog, &QDialog::rejected, qApp, &QCoreApplication::quit);
    dialog->open();
}

void ClientApplication::askForPassword(const QString &reason)
{
    if (m_renewDialog) {
        m_renewDialog->setReason(reason);
        m_renewDialog->raise();
        return;
    }
    m_renewDialog = new LoginDialog(*m_session, LoginDialog::Mode::Renew, m_window.get());
    m_renewDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_renewDialog->setReason(reason);
    connect(m_renewDialog, &QObject::destroyed, this, [this]() { m_renewDialog = nullptr; });
    m_renewDialog->open(); // window-modal, never a nested loop inside this slot
}

} // namespace casedesk
