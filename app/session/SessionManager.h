#pragma once

#include "base/Clock.h"
#include "base/Result.h"
#include "security/PasswordHasher.h"
#include "session/LocalProfile.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>

namespace casedesk {

class CredentialStore;
class Preferences;
class ServerApi;
class SyncEngine;
class Workspace;

// One sign-in session of the desktop client (issue 4 §1): logs in at the server (which registers
// this store's device and hands out its device code), opens the user's Workspace under
// AppLocalDataLocation/<server>/<login>/ and its SyncEngine, and renews an expired session with the
// saved password (or asks for it). When head office cannot be reached, a user whose password was
// verified online on this computer before starts offline: the counter works with the link down.
class SessionManager : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString dataRoot; // empty: QStandardPaths::AppLocalDataLocation
        // Cost of the local password verifier; tests lower it, like the server's test strength.
        PasswordHasher::Strength verifierStrength = PasswordHasher::Strength::Interactive;
        std::chrono::milliseconds timeout {20000};
    };

    SessionManager(Preferences &preferences, CredentialStore &credentials, const Clock &clock, Options options,
        QObject *parent = nullptr);
    SessionManager(
        Preferences &preferences, CredentialStore &credentials, const Clock &clock, QObject *parent = nullptr);
    ~SessionManager() override;

    // Signs in; `done` gets success or the error to show (the server's words for a wrong password
    // or a lock-out). `remember` saves the password in the keychain when there is one.
    void signIn(const QUrl &server, const QString &login, const QString &password, bool remember,
        std::function<void(Status)> done);
    void signOut();

    bool isSignedIn() const;
    bool isBusy() const { return m_busy; }
    // Signed in without the server; the first sync renews the session once it is back.
    bool startedOffline() const { return m_startedOffline; }
    QUrl server() const { return m_server; }
    QString login() const { return m_login; }
    Workspace *workspace() const;
    SyncEngine *engine() const;
    Preferences &preferences() const { return m_preferences; }
    CredentialStore &credentials() const { return m_credentials; }
    const Clock &clock() const { return m_clock; }

    // The user's local folder for one server: <root>/<host[_port]>/<login>.
    QString directoryFor(const QUrl &server, const QString &login) const;

    // SyncEngine::signInRequired lands here: the saved password first, else passwordNeeded().
    void renewSession();
    // The user typed the password again after passwordNeeded().
    void renewWithPassword(const QString &password, bool remember, std::function<void(Status)> done);

signals:
    void signedIn();
    void signedOut();
    // No saved password renewed the session: ask the user (reason says why, in words).
    void passwordNeeded(const QString &reason);

private:
    struct Attempt;
    void loggedIn(const std::shared_ptr<Attempt> &attempt);
    void abandon(const std::shared_ptr<Attempt> &attempt, const Error &error);
    void startOffline(const std::shared_ptr<Attempt> &attempt, const Error &unreachable);
    Status openWorkspace(const std::shared_ptr<Attempt> &attempt);
    void finishSignIn(const std::shared_ptr<Attempt> &attempt);
    void renewWith(const QString &password, std::function<void(Status)> done);
    Status rememberVerifiedPassword(const QString &password);
    static bool isNetworkFailure(const Error &error);

    Preferences &m_preferences;
    CredentialStore &m_credentials;
    const Clock &m_clock;
    Options m_options;
    QString m_dataRoot;
    bool m_busy = false;
    bool m_renewing = false;
    bool m_startedOffline = false;
    QUrl m_server;
    QString m_login;
    QString m_directory;
    LocalProfile m_profile;
    std::shared_ptr<Attempt> m_attempt; // the sign-in under way
    // Kept only while a session started offline has not reached the server yet, so the counter is
    // not asked again the moment head office comes back (DESIGN §6: the user never waits).
    QString m_offlinePassword;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<SyncEngine> m_engine;
};

} // namespace casedesk
