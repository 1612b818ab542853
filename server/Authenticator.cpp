#include "Authenticator.h"

#include "domain/AuditEvent.h"
#include "security/SessionToken.h"
#include "storage/CaseStore.h"
#include "storage/Database.h"

#include <QUuid>

namespace casedesk {

namespace {
Error invalidCredentials()
{
    // One answer for an unknown login and a wrong password, so logins cannot be probed.
    return {QStringLiteral("invalid_credentials"), Authenticator::tr("The login or the password is wrong."), {}};
}

Error unauthenticated()
{
    return {QStringLiteral("unauthenticated"),
        Authenticator::tr("Log in first: this request needs a valid “Authorization: Bearer” token."), {}};
}
} // namespace

Authenticator::Authenticator(CaseStore &cases, AccountStore &accounts, const Clock &clock, Policy policy)
    : m_cases(cases)
    , m_accounts(accounts)
    , m_clock(clock)
    , m_policy(policy)
    , m_hasher(policy.strength)
{ }

const QString &Authenticator::decoyHash()
{
    if (m_decoyHash.isEmpty()) {
        auto hash = m_hasher.hash(SessionToken::generate());
        m_decoyHash = hash ? hash.value() : QStringLiteral("-");
    }
    return m_decoyHash;
}

Error Authenticator::locked(const QDateTime &until) const
{
    const qint64 seconds = qMax<qint64>(1, m_clock.now().secsTo(until));
    const qint64 minutes = (seconds + 59) / 60;
    return {QStringLiteral("account_locked"),
        tr("Too many failed logins: the account is locked until %1 (in %n minute(s)). Try again then, or ask an "
           "administrator to reset the password.",
            nullptr, int(minutes))
            .arg(until.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))),
        {{QStringLiteral("locked_until"), until.toUTC().toString(Qt::ISODateWithMs)},
            {QStringLiteral("retry_after_seconds"), seconds}}};
}

Status Authenticator::audit(const User &user, const QString &action, const QJsonObject &details)
{
    AuditEvent e;
    e.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    e.at = m_clock.now();
    e.actorId = user.id;
    e.action = action;
    e.details = details;
    return m_cases.appendAudit(e);
}

Result<LoginGrant> Authenticator::login(const QString &login, const QString &password, const QString &deviceId)
{
    auto transaction = m_cases.database().transaction();
    auto found = m_cases.findUserByLogin(login.trimmed());
    if (!found)
        return found.error();
    std::optional<Credentials> credentials;
    if (found->has_value()) {
        auto stored = m_accounts.credentials((*found)->id);
        if (!stored)
            return stored.error();
        credentials = *stored;
    }
    if (!credentials) {
        (void)m_hasher.verify(password, decoyHash()); // same time as a wrong password
        return invalidCredentials();
    }
    const User user = **found;
    const QDateTime now = m_clock.now();
    if (credentials->lockedUntil.isValid() && credentials->lockedUntil > now)
        return locked(credentials->lockedUntil);
    // A lock that has run out starts a fresh count.
    const int earlierFailures = credentials->lockedUntil.isValid() ? 0 : credentials->failedLogins;

    if (!m_hasher.verify(password, credentials->passwordHash)) {
        const int failures = earlierFailures + 1;
        if (failures >= m_policy.lockoutThreshold) {
            const QDateTime until = now.addSecs(m_policy.lockoutSeconds);
            if (auto ok = m_accounts.setLoginFailures(user.id, failures, until); !ok)
                return ok.error();
            if (auto ok = audit(user, QStringLiteral("account_locked"),
                    {{QStringLiteral("failed_logins"), failures},
                        {QStringLiteral("locked_until"), until.toUTC().toString(Qt::ISODateWithMs)}});
                !ok)
                return ok.error();
            if (auto ok = transaction.commit(); !ok)
                return ok.error();
            return locked(until);
        }
        if (auto ok = m_accounts.setLoginFailures(user.id, failures, {}); !ok)
            return ok.error();
        if (auto ok = audit(user, QStringLiteral("login_failed"), {{QStringLiteral("failed_logins"), failures}}); !ok)
            return ok.error();
        if (auto ok = transaction.commit(); !ok)
            return ok.error();
        return invalidCredentials();
    }
    if (user.disabled)
        return Error {QStringLiteral("account_disabled"), tr("This account is disabled."), {}};

    if (credentials->failedLogins != 0 || credentials->lockedUntil.isValid()) {
        if (auto ok = m_accounts.setLoginFailures(user.id, 0, {}); !ok)
            return ok.error();
    }
    if (m_hasher.needsRehash(credentials->passwordHash)) {
        // Keeps stored hashes at the configured strength as users log in.
        if (auto rehashed = m_hasher.hash(password)) {
            if (auto ok = m_accounts.setPassword(user.id, *rehashed, credentials->changedAt); !ok)
                return ok.error();
        }
    }
    LoginGrant grant;
    grant.user = user;
    if (!deviceId.isEmpty()) {
        auto device = m_accounts.registerDevice(deviceId, user.id, now);
        if (!device)
            return device.error();
        grant.device = device.value();
    }
    grant.token = SessionToken::generate();
    grant.expiresAt = now.addSecs(qint64(m_policy.sessionHours) * 3600);
    if (auto ok = m_accounts.removeExpiredSessions(now); !ok)
        return ok.error();
    if (auto ok = m_accounts.addSession({SessionToken::hash(grant.token), user.id, deviceId, now, grant.expiresAt});
        !ok)
        return ok.error();
    QJsonObject details;
    if (grant.device) {
        details.insert(QStringLiteral("device_id"), grant.device->id);
        details.insert(QStringLiteral("device_code"), grant.device->code);
    }
    if (auto ok = audit(user, QStringLiteral("login"), details); !ok)
        return ok.error();
    if (auto ok = transaction.commit(); !ok)
        return ok.error();
    return grant;
}

Result<Session> Authenticator::authenticate(const QString &token)
{
    if (token.isEmpty())
        return unauthenticated();
    auto record = m_accounts.findSession(SessionToken::hash(token));
    if (!record)
        return record.error();
    if (!record->has_value())
        return unauthenticated();
    if ((*record)->expiresAt <= m_clock.now()) {
        return Error {QStringLiteral("session_expired"), tr("Your session has expired; log in again."),
            {{QStringLiteral("expired_at"), (*record)->expiresAt.toUTC().toString(Qt::ISODateWithMs)}}};
    }
    auto user = m_cases.findUser((*record)->userId);
    if (!user)
        return user.error();
    if (!user->has_value() || (*user)->disabled)
        return Error {QStringLiteral("account_disabled"), tr("This account is disabled."), {}};
    Session session {**record, **user, {}};
    if (!session.record.deviceId.isEmpty()) {
        auto device = m_accounts.findDevice(session.record.deviceId);
        if (!device)
            return device.error();
        if (device->has_value())
            session.deviceCode = (*device)->code;
    }
    return session;
}

Status Authenticator::logout(const QString &token)
{
    return m_accounts.removeSession(SessionToken::hash(token));
}

Status Authenticator::logoutEverywhere(const User &user)
{
    return m_accounts.removeSessionsOf(user.id);
}

Status Authenticator::setPassword(const User &user, const QString &password)
{
    if (auto ok = PasswordHasher::checkPolicy(password); !ok)
        return ok;
    auto hash = m_hasher.hash(password);
    if (!hash)
        return hash.error();
    auto transaction = m_cases.database().transaction();
    if (auto ok = m_accounts.setPassword(user.id, *hash, m_clock.now()); !ok)
        return ok;
    if (auto ok = m_accounts.removeSessionsOf(user.id); !ok)
        return ok;
    return transaction.commit();
}

} // namespace casedesk
