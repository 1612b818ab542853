#pragma once

#include "sync/SyncState.h"

#include <QJsonObject>
#include <QObject>

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
    SyncEngine(Workspace &workspace, std::unique_ptr<ServerApi> api, QObject *parent = nullptr);
    ~SyncEngine() override;

    SyncState state() const;
    ServerApi &api() const;

    // Asks the server for the unmasked complainant data of one case (audited there, DESIGN §7);
    // `done` receives the case JSON or an error message. Needs the server to be reachable.
    void revealPersonalData(const QString &caseId, std::function<void(QJsonObject, QString)> done);

public slots:
    void start(); // periodic sync from now on
    void stop();
    void syncNow(); // e.g. right after the user saved something

signals:
    void stateChanged(const casedesk::SyncState &state);
    void refusedChanged(); // the list of refused ops changed
    void synced(); // a round finished; the Workspace already emitted casesChanged if data changed

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace casedesk
