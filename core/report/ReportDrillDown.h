#pragma once

#include "report/MonthlyReport.h"
#include "storage/CaseQuery.h"

#include <optional>

namespace casedesk {

// The cases behind a figure of a monthly report (issue 5 §6: drill-down), as a CaseQuery over the same
// store, written with the definitions of KpiDefinitions and the engine's SQL: received in the month,
// resolved in the month, open or overdue at its end, repeats; and the category or branch an early
// warning names. The month's bounds are taken in the scope branch's time zone (the engine takes each
// branch's own; they differ only for branches in other zones).
class ReportDrillDown
{
public:
    explicit ReportDrillDown(const MonthlyReport &report);

    // nullopt for a figure without a list of cases behind it (extensions are audit events).
    std::optional<CaseQuery> figure(const QString &code) const;
    std::optional<CaseQuery> warning(const EarlyWarning &warning) const;

private:
    CaseQuery received() const;
    CaseQuery resolved() const;
    CaseQuery openAtEnd() const;

    const MonthlyReport &m_report;
    QDateTime m_start;
    QDateTime m_end;
    QDateTime m_stockAt; // what is open is counted at the end of the month, or now in a running month
};

} // namespace casedesk
