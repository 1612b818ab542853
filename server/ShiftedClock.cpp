#include "ShiftedClock.h"

namespace casedesk {

ShiftedClock::ShiftedClock(const QDateTime &start)
    : m_offsetMs(QDateTime::currentDateTimeUtc().msecsTo(start))
{ }

QDateTime ShiftedClock::now() const
{
    return QDateTime::currentDateTime().addMSecs(m_offsetMs);
}

} // namespace casedesk
