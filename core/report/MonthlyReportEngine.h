#pragma once

#include "base/Clock.h"
#include "base/Result.h"
#include "casework/AccessPolicy.h"
#include "casework/CaseRules.h"
#include "report/EarlyWarningRules.h"
#include "report/MonthlyReport.h"
#include "report/ReportMonth.h"

#include <QCoreApplication>

#include <memory>

namespace casedesk {

class CaseStore;

// Computes the monthly report of a branch subtree (BRIEF §8) from the case store. Counting is done by
// SQL aggregation in the database (GROUP BY over index ranges; it never loads every case). Month
// boundaries are computed here per time zone of the branches, so SQL only compares UTC text timestamps.
// Only the working-day arithmetic, which needs the holiday calendar, runs in C++ over the few columns
// of the cases resolved in the report month and its two comparison months (KpiDefinitions:
// avg_handling_days). Figures are defined in KpiDefinitions.
class MonthlyReportEngine
{
    Q_DECLARE_TR_FUNCTIONS(MonthlyReportEngine)

public:
    struct Options
    {
        int listLimit = 200; // repeat/escalated cases listed at most (totals are always complete)
        int topCauses = 5;
    };

    MonthlyReportEngine(CaseStore &store, std::shared_ptr<const CaseRules> rules, EarlyWarningRules warningRules,
        const Clock &clock, Options options);
    MonthlyReportEngine(
        CaseStore &store, std::shared_ptr<const CaseRules> rules, EarlyWarningRules warningRules, const Clock &clock)
        : MonthlyReportEngine(store, std::move(rules), std::move(warningRules), clock, Options {})
    { }

    // The report a reader may see: they need canReadReports() and the branch (empty → their own) must
    // be in their scope; the report then covers that branch's subtree. Errors: forbidden, not_found,
    // invalid_month (a month that has not begun), database_error.
    Result<MonthlyReport> compute(const ReportMonth &month, const QString &branchId, const AccessPolicy &access) const;
    // Without a reader (tools, benchmarks): the subtree of branchId, prepared by `preparedBy`.
    Result<MonthlyReport> computeForBranch(
        const ReportMonth &month, const QString &branchId, const QString &preparedBy) const;

private:
    CaseStore &m_store;
    std::shared_ptr<const CaseRules> m_rules;
    EarlyWarningRules m_warningRules;
    const Clock &m_clock;
    Options m_options;
};

} // namespace casedesk
