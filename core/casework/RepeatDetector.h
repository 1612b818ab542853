#pragma once

#include "base/Result.h"
#include "domain/Case.h"

#include <optional>

namespace casedesk {

class CaseStore;
class TimeLimits;

// Finds the earlier case a new complaint repeats (BRIEF §2, 004 art.18): the same complainant
// (same phone or ID number, compared by keyed hash) about the same category within the window of
// time-limits.json (default 90 days) before this one was received.
class RepeatDetector
{
public:
    RepeatDetector(CaseStore &store, const TimeLimits &limits);
    Result<std::optional<Case>> findEarlier(const Case &c) const;

private:
    CaseStore &m_store;
    const TimeLimits &m_limits;
};

} // namespace casedesk
