#include "base/Clock.h"

namespace casedesk {

QDateTime SystemClock::now() const
{
    return QDateTime::currentDateTime();
}

FixedClock::FixedClock(QDateTime now)
    : m_now(std::move(now))
{ }

QDateTime FixedClock::now() const
{
    return m_now;
}

void FixedClock::set(const QDateTime &now)
{
    m_now = now;
}

void FixedClock::advanceSeconds(qint64 seconds)
{
    m_now = m_now.addSecs(seconds);
}

} // namespace casedesk
