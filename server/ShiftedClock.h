#pragma once

#include "base/Clock.h"

namespace casedesk {

// The system clock moved to start at a chosen moment and running on from there. The server uses it
// only when a test pins its date (hidden setting testing/clock_start), so deadlines can be asserted
// exactly — e.g. inside the Spring Festival week — while sessions and lock-outs still see time pass.
class ShiftedClock final : public Clock
{
public:
    explicit ShiftedClock(const QDateTime &start);
    QDateTime now() const override;

private:
    qint64 m_offsetMs;
};

} // namespace casedesk
