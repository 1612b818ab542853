#pragma once

#include "domain/CaseDeadlines.h"

#include <QStringList>

namespace casedesk {

// The deadlines of one case plus what the user must be told about how they were counted, e.g. that a
// year had no holiday calendar and was counted Monday to Friday (BRIEF §5).
struct DeadlineResult
{
    CaseDeadlines deadlines;
    QStringList warnings;
};

} // namespace casedesk
