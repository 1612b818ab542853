#pragma once

#include "domain/Codes.h"

namespace casedesk {

// Where a case is in its life cycle (BRIEF §6).
enum class CaseStatus {
    Received,
    Registered,
    Dispatched,
    InProgress,
    Resolved,
    Visited,
    Archived,
    Withdrawn,
};

template<>
struct CodeTable<CaseStatus>
{
    static constexpr CodeEntry<CaseStatus> entries[] = {
        {CaseStatus::Received, "received"},
        {CaseStatus::Registered, "registered"},
        {CaseStatus::Dispatched, "dispatched"},
        {CaseStatus::InProgress, "in_progress"},
        {CaseStatus::Resolved, "resolved"},
        {CaseStatus::Visited, "visited"},
        {CaseStatus::Archived, "archived"},
        {CaseStatus::Withdrawn, "withdrawn"},
    };
};

// Open cases still need work and count against their deadlines.
inline bool isOpen(CaseStatus status)
{
    return status == CaseStatus::Received || status == CaseStatus::Registered || status == CaseStatus::Dispatched
        || status == CaseStatus::InProgress;
}

} // namespace casedesk
