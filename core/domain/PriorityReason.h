#pragma once

#include "domain/LocalizedText.h"
#include "domain/Priority.h"

namespace casedesk {

// Why a priority rule fired, kept with the case so lists and reports can say
// "urgent because: funds safety" in either language (BRIEF §4).
struct PriorityReason
{
    QString ruleId;
    Priority priority = Priority::Normal;
    LocalizedText text;

    friend bool operator==(const PriorityReason &, const PriorityReason &) = default;
};

} // namespace casedesk
