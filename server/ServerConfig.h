#pragma once

#include "base/Result.h"
#include "security/PasswordHasher.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace casedesk {

// The settings of one server, kept in DATA/casedesk.conf (INI via QSettings, DESIGN §4). A key left out
// takes the default written here; a key with a bad value is refused at start with the key named.
class ServerConfig
{
    Q_DECLARE_TR_FUNCTIONS(ServerConfig)

public:
    static constexpr qint64 defaultBodyLimit = qint64(1024) * 1024; // DESIGN §5: 1 MiB

    QString databaseUrl = QStringLiteral("casedesk.db"); // relative to DATA, or postgresql://…
    QString profile = QStringLiteral("bank"); // rule profile (bank | securities)
    QString listen = QStringLiteral("127.0.0.1:8640");
    qint64 bodyLimit = defaultBodyLimit;
    bool metrics = true;
    QString metricsListen; // empty: /metrics on the API listener
    QString language = QStringLiteral("zh_CN"); // of messages and priority reasons by default
    QString tlsCertificate;
    QString tlsKey;
    int lockoutThreshold = 5; // DESIGN §7: lock-out after this many failed logins in a row
    int lockoutSeconds = 15 * 60;
    int sessionHours = 12;
    int loginFailuresPerMinute = 30; // per client address, across accounts
    // Group commit (DESIGN §5): the writes that arrive while a batch is open share one durable commit.
    // 0 commits at the next turn of the event loop, after the requests already waiting were read: under
    // load the batches fill while the previous commit syncs, and a lone writer waits for nobody.
    int commitWindowMs = 0;
    int commitMaxBatch = 128;
    // Hidden, for tests only: cheap Argon2id limits, and a server clock that starts at a pinned time.
    QString passwordStrength = QStringLiteral("interactive");
    QDateTime clockStart;

    static Result<ServerConfig> load(const QString &file);
    Status save(const QString &file) const;

    PasswordHasher::Strength strength() const;
};

} // namespace casedesk
