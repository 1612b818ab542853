#pragma once

#include "AccountStore.h"
#include "base/Clock.h"
#include "base/Result.h"
#include "domain/User.h"
#include "security/PasswordHasher.h"

#include <QCoreApplication>

#include <optional>

namespace casedesk {

class CaseStore;

// An authenticated request's session: who it is and which device they log in from.
struct Session
{
    SessionRecord record;
    User user;
    QString deviceCode; // empty when the login named no device
};

// What a successful login hands back (DESIGN §5): the bearer token is shown once and stored hashed.
struct LoginGrant
{
    QString token;
    QDateTime expiresAt;
    User user;
    std::optional<Device> device;
};

// Logs staff in and out (DESIGN §7): Argon2id password check, opaque tokens stored as hashes with an
// expiry, lock-out after a run of failed logins with a message saying when to retry, device codes at
// a device's first login. Logins and lock-outs are written to the audit trail.
class Authenticator
{
    Q_DECLARE_TR_FUNCTIONS(Authenticator)

public:
    struct Policy
    {
        int lockoutThreshold = 5;
        int lockoutSeconds = 15 * 60;
        int sessionHours = 12;
        PasswordHasher::Strength strength = PasswordHasher::Strength::Interactive;
    };

    Authenticator(CaseStore &cases, AccountStore &accounts, const Clock &clock, Policy policy);

    // Errors: invalid_credentials, account_locked (details: locked_until, retry_after_seconds),
    // account_disabled, database_*.
    Result<LoginGrant> login(const QString &login, const QString &password, const QString &deviceId);
    // Errors: unauthenticated, session_expired, account_disabled, database_*.
    Result<Session> authenticate(const QString &token);
    Status logout(const QString &token);
    Status logoutEverywhere(const User &user);
    // Checks the password policy, stores the new hash, unlocks the account and ends its sessions.
    Status setPassword(const User &user, const QString &password);

    const Policy &policy() const { return m_policy; }

private:
    Status audit(const User &user, const QString &action, const QJsonObject &details);
    Error locked(const QDateTime &until) const;
    const QString &decoyHash();

    CaseStore &m_cases;
    AccountStore &m_accounts;
    const Clock &m_clock;
    Policy m_policy;
    PasswordHasher m_hasher;
    QString m_decoyHash;
};

} // namespace casedesk
