#pragma once

#include "domain/Codes.h"

namespace casedesk {

// How fast a case must be worked; urgent outranks high outranks normal (BRIEF §4).
enum class Priority {
    Urgent,
    High,
    Normal,
};

template<>
struct CodeTable<Priority>
{
    static constexpr CodeEntry<Priority> entries[] = {
        {Priority::Urgent, "urgent"},
        {Priority::High, "high"},
        {Priority::Normal, "normal"},
    };
};

// Higher rank is more urgent, so the strongest of several fired rules wins.
inline int rank(Priority priority)
{
    switch (priority) {
    case Priority::Urgent:
        return 2;
    case Priority::High:
        return 1;
    case Priority::Normal:
        break;
    }
    return 0;
}

} // namespace casedesk
