#include "AccountStore.h"

#include "casework/CaseNumber.h"
#include "storage/Database.h"
#include "storage/SchemaMigrator.h"
#include "storage/SqlValue.h"

#include <QSqlQuery>

namespace casedesk {

namespace {
// CaseNumber::deviceCode runs A … Z, AA … ZZ.
constexpr int deviceCodeCount = 26 + 26 * 26;

const QString deviceColumns = QStringLiteral("id, code, code_index, first_user_id, created_at, last_seen_at");

Device readDevice(const QSqlQuery &q)
{
    return {q.value(0).toString(), q.value(1).toString(), q.value(2).toInt(), q.value(3).toString(),
        SqlValue::time(q.value(4)), SqlValue::time(q.value(5))};
}
} // namespace

AccountStore::AccountStore(Database &database)
    : m_database(database)
{ }

QList<Migration> AccountStore::migrations()
{
    return {Migration {1, QStringLiteral("credentials, sessions, devices"),
        {QStringLiteral("CREATE TABLE credentials (user_id TEXT PRIMARY KEY REFERENCES users(id), "
                        "password_hash TEXT NOT NULL, failed_logins INTEGER NOT NULL DEFAULT 0, locked_until TEXT, "
                        "changed_at TEXT NOT NULL)"),
            QStringLiteral(
                "CREATE TABLE sessions (token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id), "
                "device_id TEXT, created_at TEXT NOT NULL, expires_at TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX sessions_user ON sessions (user_id)"),
            QStringLiteral("CREATE INDEX sessions_expiry ON sessions (expires_at)"),
            QStringLiteral("CREATE TABLE devices (id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, "
                           "code_index INTEGER NOT NULL UNIQUE, first_user_id TEXT, created_at TEXT NOT NULL, "
                           "last_seen_at TEXT NOT NULL)")},
        nullptr}};
}

Status AccountStore::migrate()
{
    return SchemaMigrator::migrate(m_database, component(), migrations());
}

Status AccountStore::setPassword(const QString &userId, const QString &passwordHash, const QDateTime &at)
{
    auto result = m_database.exec(
        QStringLiteral("INSERT INTO credentials (user_id, password_hash, failed_logins, locked_until, changed_at) "
                       "VALUES (?, ?, 0, NULL, ?)")
            + m_database.dialect().upsertSuffix(QStringLiteral("user_id"),
                {QStringLiteral("password_hash"), QStringLiteral("failed_logins"), QStringLiteral("locked_until"),
                    QStringLiteral("changed_at")}),
        {userId, passwordHash, SqlValue::time(at)});
    if (!result)
        return result.error();
    return {};
}

Result<std::optional<Credentials>> AccountStore::credentials(const QString &userId)
{
    auto query
        = m_database.exec(QStringLiteral("SELECT user_id, password_hash, failed_logins, locked_until, changed_at "
                                         "FROM credentials WHERE user_id = ?"),
            {userId});
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<Credentials>();
    Credentials c {query->value(0).toString(), query->value(1).toString(), query->value(2).toInt(),
        SqlValue::time(query->value(3)), SqlValue::time(query->value(4))};
    query->finish();
    return std::optional<Credentials>(c);
}

Status AccountStore::setLoginFailures(const QString &userId, int failedLogins, const QDateTime &lockedUntil)
{
    auto result = m_database.exec(
        QStringLiteral("UPDATE credentials SET failed_logins = ?, locked_until = ? WHERE user_id = ?"),
        {failedLogins, SqlValue::time(lockedUntil), userId});
    if (!result)
        return result.error();
    return {};
}

Status AccountStore::addSession(const SessionRecord &s)
{
    auto result = m_database.exec(QStringLiteral("INSERT INTO sessions (token_hash, user_id, device_id, created_at, "
                                                 "expires_at) VALUES (?, ?, ?, ?, ?)"),
        {s.tokenHash, s.userId, SqlValue::text(s.deviceId), SqlValue::time(s.createdAt), SqlValue::time(s.expiresAt)});
    if (!result)
        return result.error();
    return {};
}

Result<std::optional<SessionRecord>> AccountStore::findSession(const QString &tokenHash)
{
    auto query = m_database.exec(QStringLiteral("SELECT token_hash, user_id, device_id, created_at, expires_at "
                                                "FROM sessions WHERE token_hash = ?"),
        {tokenHash});
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<SessionRecord>();
    SessionRecord s {query->value(0).toString(), query->value(1).toString(), query->value(2).toString(),
        SqlValue::time(query->value(3)), SqlValue::time(query->value(4))};
    query->finish();
    return std::optional<SessionRecord>(s);
}

Status AccountStore::removeSession(const QString &tokenHash)
{
    auto result = m_database.exec(QStringLiteral("DELETE FROM sessions WHERE token_hash = ?"), {tokenHash});
    if (!result)
        return result.error();
    return {};
}

Status AccountStore::removeSessionsOf(const QString &userId)
{
    auto result = m_database.exec(QStringLiteral("DELETE FROM sessions WHERE user_id = ?"), {userId});
    if (!result)
        return result.error();
    return {};
}

Status AccountStore::removeExpiredSessions(const QDateTime &now)
{
    auto result = m_database.exec(QStringLiteral("DELETE FROM sessions WHERE expires_at < ?"), {SqlValue::time(now)});
    if (!result)
        return result.error();
    return {};
}

Result<std::optional<Device>> AccountStore::findDevice(const QString &deviceId)
{
    auto query = m_database.exec(QStringLiteral("SELECT %1 FROM devices WHERE id = ?").arg(deviceColumns), {deviceId});
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<Device>();
    Device d = readDevice(*query);
    query->finish();
    return std::optional<Device>(d);
}

Result<QList<Device>> AccountStore::devices()
{
    auto query = m_database.exec(QStringLiteral("SELECT %1 FROM devices ORDER BY code_index").arg(deviceColumns));
    if (!query)
        return query.error();
    QList<Device> list;
    while (query->next())
        list.append(readDevice(*query));
    return list;
}

Result<Device> AccountStore::registerDevice(const QString &deviceId, const QString &userId, const QDateTime &now)
{
    auto transaction = m_database.transaction();
    auto existing = findDevice(deviceId);
    if (!existing)
        return existing.error();
    if (existing->has_value()) {
        auto seen = m_database.exec(
            QStringLiteral("UPDATE devices SET last_seen_at = ? WHERE id = ?"), {SqlValue::time(now), deviceId});
        if (!seen)
            return seen.error();
        if (auto ok = transaction.commit(); !ok)
            return ok.error();
        Device d = **existing;
        d.lastSeenAt = now;
        return d;
    }
    auto last
        = m_database.scalar(QStringLiteral("SELECT COALESCE(MAX(code_index), %1) FROM devices").arg(serverDeviceIndex));
    if (!last)
        return last.error();
    const int index = last->toInt() + 1;
    if (index >= deviceCodeCount) {
        return Error {QStringLiteral("device_codes_exhausted"),
            tr("All %1 device codes are in use; retire unused devices first.").arg(deviceCodeCount - 1), {}};
    }
    Device d {deviceId, CaseNumber::deviceCode(index), index, userId, now, now};
    auto inserted
        = m_database.exec(QStringLiteral("INSERT INTO devices (%1) VALUES (?, ?, ?, ?, ?, ?)").arg(deviceColumns),
            {d.id, d.code, d.index, SqlValue::text(d.firstUserId), SqlValue::time(d.createdAt),
                SqlValue::time(d.lastSeenAt)});
    if (!inserted)
        return inserted.error();
    if (auto ok = transaction.commit(); !ok)
        return ok.error();
    return d;
}

} // namespace casedesk
