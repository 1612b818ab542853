#pragma once

#include "base/Result.h"
#include "storage/Migration.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace casedesk {

class Database;

// A user's password hash and lock-out state (DESIGN §7).
struct Credentials
{
    QString userId;
    QString passwordHash; // Argon2id, libsodium string form
    int failedLogins = 0; // in a row, since the last success or lock
    QDateTime lockedUntil; // invalid when not locked
    QDateTime changedAt;
};

// A logged-in session: only the hash of its bearer token is stored.
struct SessionRecord
{
    QString tokenHash;
    QString userId;
    QString deviceId; // empty when the login named no device
    QDateTime createdAt;
    QDateTime expiresAt;
};

// A client installation that logged in at least once, with the code its offline case numbers carry
// (DESIGN §6: <branch>-<yyyymmdd>-<device code><sequence>).
struct Device
{
    QString id; // chosen by the client
    QString code;
    int index = 0; // CaseNumber::deviceCode(index) == code
    QString firstUserId;
    QDateTime createdAt;
    QDateTime lastSeenAt;
};

// The server's accounts: password hashes and lock-out counters, sessions and registered devices, in
// their own tables of the server database (component "accounts"). Users themselves live in CaseStore.
class AccountStore
{
    Q_DECLARE_TR_FUNCTIONS(AccountStore)

public:
    // Device code index 0 ("A") numbers the cases the server itself registers (POST /cases); devices
    // get 1, 2 … in the order they first log in.
    static constexpr int serverDeviceIndex = 0;

    explicit AccountStore(Database &database);

    static QString component() { return QStringLiteral("accounts"); }
    static QList<Migration> migrations();
    Status migrate();

    Status setPassword(const QString &userId, const QString &passwordHash, const QDateTime &at);
    Result<std::optional<Credentials>> credentials(const QString &userId);
    Status setLoginFailures(const QString &userId, int failedLogins, const QDateTime &lockedUntil);

    Status addSession(const SessionRecord &session);
    Result<std::optional<SessionRecord>> findSession(const QString &tokenHash);
    Status removeSession(const QString &tokenHash);
    Status removeSessionsOf(const QString &userId);
    Status removeExpiredSessions(const QDateTime &now);

    // The device with this client id, registered now with the next free code if it is new.
    Result<Device> registerDevice(const QString &deviceId, const QString &userId, const QDateTime &now);
    Result<std::optional<Device>> findDevice(const QString &deviceId);
    Result<QList<Device>> devices();

private:
    Database &m_database;
};

} // namespace casedesk
