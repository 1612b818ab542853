#include "LoginThrottle.h"

namespace casedesk {

namespace {
constexpr qint64 windowSeconds = 60;
// Bounds the memory an attacker with many addresses can make the server spend.
constexpr qsizetype maximumAddresses = 100000;
} // namespace

LoginThrottle::LoginThrottle(const Clock &clock, int failuresPerMinute)
    : m_clock(clock)
    , m_limit(qMax(1, failuresPerMinute))
{ }

void LoginThrottle::forgetOld(QList<QDateTime> &times, const QDateTime &now) const
{
    while (!times.isEmpty() && times.first().secsTo(now) >= windowSeconds)
        times.removeFirst();
}

qint64 LoginThrottle::retryAfter(const QString &address)
{
    auto it = m_failures.find(address);
    if (it == m_failures.end())
        return 0;
    const QDateTime now = m_clock.now();
    forgetOld(*it, now);
    if (it->isEmpty()) {
        m_failures.erase(it);
        return 0;
    }
    if (it->size() < m_limit)
        return 0;
    return qMax<qint64>(1, windowSeconds - it->first().secsTo(now));
}

void LoginThrottle::recordFailure(const QString &address)
{
    if (m_failures.size() >= maximumAddresses && !m_failures.contains(address)) {
        const QDateTime now = m_clock.now();
        for (auto it = m_failures.begin(); it != m_failures.end();) {
            forgetOld(*it, now);
            it = it->isEmpty() ? m_failures.erase(it) : std::next(it);
        }
    }
    m_failures[address].append(m_clock.now());
}

} // namespace casedesk
