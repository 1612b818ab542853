#pragma once

#include "base/Clock.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

namespace casedesk {

// Login throttling per client address (DESIGN §7), beside the per-account lock-out: an address whose
// failed logins within a minute reach the limit is refused (429) until the oldest of them is a minute
// old, so nobody can try a password across many accounts quickly. Kept in memory: a restart forgets it,
// the account lock-outs in the database do not.
class LoginThrottle
{
public:
    LoginThrottle(const Clock &clock, int failuresPerMinute);

    // Seconds until this address may try again; 0 when it may now.
    qint64 retryAfter(const QString &address);
    void recordFailure(const QString &address);

private:
    void forgetOld(QList<QDateTime> &times, const QDateTime &now) const;

    const Clock &m_clock;
    int m_limit;
    QHash<QString, QList<QDateTime>> m_failures;
};

} // namespace casedesk
