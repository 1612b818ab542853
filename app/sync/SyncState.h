#pragma once

#include <QDateTime>
#include <QString>

namespace casedesk {

// What the status bar shows about synchronisation (issue: online / offline / syncing /
// N pending / last error).
struct SyncState
{
    enum class Connectivity { Offline, Online, Syncing };

    Connectivity connectivity = Connectivity::Offline;
    qint64 pending = 0; // ops in the outbox
    qint64 refused = 0; // ops the server refused that their author has not dismissed
    QString lastError;
    QDateTime lastSuccess;
    QDateTime nextAttempt; // when offline: when the engine tries again
    bool needsSignIn = false; // the session expired and no saved password renewed it: ask the user

    friend bool operator==(const SyncState &, const SyncState &) = default;
};

} // namespace casedesk
