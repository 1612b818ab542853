#pragma once

#include "base/Clock.h"

namespace casedesk {

// The computer's clock for the desktop client: local time with its UTC offset spelled out, so every
// time the client writes into an op (received_at of an offline intake, DESIGN §6) carries the offset
// the server requires ("2026-11-24T10:20:00.000+08:00"), whatever the code formatting it does.
class WallClock final : public Clock
{
public:
    QDateTime now() const override;
};

} // namespace casedesk
