#pragma once

#include "base/Result.h"
#include "sync/SyncState.h"

#include <QJsonObject>
#include <QObject>

#include <chrono>
#include <functional>
#include <memory>

namespace casedesk {

class Workspace;
class ServerApi;

// Moves a Workspace's outbox to the server and the server's changes into the Workspace, in the
// background (DESIGN §6): push in order, then refresh the directory, then pull page by page;
// retries with back-off when the server cannot be reached; survives restarts because all its state
// is in the local store. The UI never waits for it.
class SyncEngine : public QObject
{
    Q_OBJECT

public:
    // How often and how hard the engine tries; the defaults suit a counter PC, tests shorten them.
    struct Timing
    {
        std::chrono::milliseconds interval {30000}; // between rounds while online
        std::chrono::milliseconds minBackoff {2000}; // first retry after a failure
        std::chrono::milliseconds maxBackoff {60000}; // retries never wait longer than this
        std::chrono::milliseconds settle {300}; // after a local change, before pushing it
        int pushBatch = 100; // ops per push request
        int pullPage = 200; // changes per pull request
    };

    SyncEngine(Workspace &workspace, std::unique_ptr<ServerApi> api, QObject *parent = nullptr);
    ~SyncEngine() override;

    SyncState state() const;
    ServerApi &api() const;
    Workspace &workspace() const;
    Timing timing() const;
    void setTiming(const Timing &timing);
    bool isRunning() const;

    // Asks the server for the unmasked complainant data of one case (audited there, DESIGN §7);
    // `done` receives the case JSON or an error message. Needs the server to be reachable.
    void revealPersonalData(const QString &caseId, std::function<void(QJsonObject, QString)> done);
    // Fetches branches and users and stores them in the Workspace (every round does this too; a first
    // sign-in needs it before the windows open).
    void refreshDirectory(std::function<void(Status)> done);

public slots:
    void start(); // periodic sync from now on
    void stop();
    void syncNow(); // e.g. right after the user saved something
    // Re-reads the pending and refused counts (after the refused-ops dialog resolved one).
    void refreshState();
    // The session was renewed (api() has a fresh token): carry on where the engine stopped.
    void resumeAfterSignIn();
    // Renewing failed: unreachable → try again after the back-off (signInRequired comes again);
    // anything else (wrong or no password) → wait until the user signs in (state().needsSignIn).
    void signInFailed(const casedesk::Error &error);

signals:
    void stateChanged(const casedesk::SyncState &state);
    void refusedChanged(); // the list of refused ops changed
    void synced(); // a round finished; the Workspace already emitted casesChanged if data changed
    // The server no longer accepts the session token: renew it (saved password or ask the user),
    // then call resumeAfterSignIn() or signInFailed(). Until then the engine pushes nothing.
    void signInRequired();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace casedesk
