#pragma once

#include "domain/CaseStatus.h"

#include <QString>

#include <optional>

namespace casedesk {

// What a user asks of the life cycle: the state wanted and what they typed to justify it.
struct TransitionRequest
{
    CaseStatus to = CaseStatus::Received;
    QString reason; // the reply summary when resolving, the reason when withdrawing or re-opening
    std::optional<bool> voluntary; // withdrawals: was it the complainant's free choice? (004 art.19)
};

} // namespace casedesk
