#pragma once

#include <QObject>
#include <QStringList>

#include <memory>

class QWidget;

namespace casedesk {

class Clock;
class CredentialStore;
class LoginDialog;
class MainWindow;
class Preferences;
class SessionManager;

// The desktop client's wiring, which main.cpp calls (STYLE: thin programs over libraries): preferences
// and UI language, the command line for scripts and tests (--server, --login, --password-file), the
// sign-in dialog, then the user's Workspace with its SyncEngine and the main window. When the server
// ends the session and no saved password renews it, the sign-in dialog comes back for the password.
class ClientApplication : public QObject
{
    Q_OBJECT

public:
    explicit ClientApplication(QObject *parent = nullptr);
    ~ClientApplication() override;

    // Parses the command line, signs in and shows the main window. False when the command line was
    // wrong or the user quit at sign-in; exitCode() is then what the program returns.
    bool start(const QStringList &arguments);
    int exitCode() const { return m_exitCode; }

    SessionManager *session() const { return m_session.get(); }
    QWidget *mainWindow() const;

private:
    void openMainWindow();
    void signOut();
    void askForPassword(const QString &reason);

    int m_exitCode = 0;
    std::unique_ptr<Preferences> m_preferences;
    std::unique_ptr<CredentialStore> m_credentials;
    std::unique_ptr<Clock> m_clock;
    std::unique_ptr<SessionManager> m_session;
    std::unique_ptr<MainWindow> m_window;
    LoginDialog *m_renewDialog = nullptr;
};

} // namespace casedesk
