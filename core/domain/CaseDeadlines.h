#pragma once

#include <QDate>

namespace casedesk {

// The dates a case must meet (BRIEF §5, DESIGN §5). An invalid date means "does not apply yet"
// (contact-by before dispatch, visit-by before resolution). dueBy is the earliest of the resolve,
// statutory and forwarding-body deadlines: the one that governs the colour.
struct CaseDeadlines
{
    QDate registerBy;
    QDate contactBy;
    QDate resolveBy;
    QDate statutoryBy;
    QDate forwarderBy;
    QDate visitBy;
    QDate dueBy;

    friend bool operator==(const CaseDeadlines &, const CaseDeadlines &) = default;
};

} // namespace casedesk
