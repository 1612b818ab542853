#include "session/WallClock.h"

namespace casedesk {

QDateTime WallClock::now() const
{
    const QDateTime local = QDateTime::currentDateTime();
    return local.toOffsetFromUtc(local.offsetFromUtc());
}

} // namespace casedesk
