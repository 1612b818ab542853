#include "report/ReportDrillDown.h"

#include <QTimeZone>

namespace casedesk {

ReportDrillDown::ReportDrillDown(const MonthlyReport &report)
    : m_report(report)
{
    QTimeZone zone(report.scope.timeZone.toUtf8());
    if (!zone.isValid())
        zone = QTimeZone::utc();
    m_start = report.month.start(zone);
    m_end = report.month.addMonths(1).start(zone);
    m_stockAt = report.asOf.isValid() ? qMin(m_end, report.asOf) : m_end;
}

CaseQuery ReportDrillDown::received() const
{
    CaseQuery q;
    q.branchIds = m_report.branchIds;
    q.receivedSince = m_start;
    q.receivedBefore = m_end;
    return q;
}

CaseQuery ReportDrillDown::resolved() const
{
    CaseQuery q;
    q.branchIds = m_report.branchIds;
    q.resolvedSince = m_start;
    q.resolvedBefore = m_end;
    return q;
}

CaseQuery ReportDrillDown::openAtEnd() const
{
    CaseQuery q;
    q.branchIds = m_report.branchIds;
    q.openAt = m_stockAt;
    q.order = CaseQuery::Order::AttentionSoonestFirst;
    return q;
}

std::optional<CaseQuery> ReportDrillDown::figure(const QString &code) const
{
    if (code == QLatin1String("received"))
        return received();
    if (code == QLatin1String("repeat_rate") || code == QLatin1String("repeats")) {
        CaseQuery q = received();
        q.repeatsOnly = true;
        return q;
    }
    // The rates and the average over resolved cases show the cases they are computed from.
    if (code == QLatin1String("resolved") || code == QLatin1String("on_time_rate")
        || code == QLatin1String("avg_handling_days"))
        return resolved();
    if (code == QLatin1String("open_at_end"))
        return openAtEnd();
    if (code == QLatin1String("overdue_open")) {
        CaseQuery q = openAtEnd();
        QTimeZone zone(m_report.scope.timeZone.toUtf8());
        q.dueBefore = m_stockAt.toTimeZone(zone.isValid() ? zone : QTimeZone::utc()).date();
        return q;
    }
    return std::nullopt;
}

std::optional<CaseQuery> ReportDrillDown::warning(const EarlyWarning &warning) const
{
    CaseQuery q = received();
    if (warning.dimension == QLatin1String("category"))
        q.category = warning.code;
    else if (warning.dimension == QLatin1String("branch"))
        q.branchIds = {warning.code};
    else
        return std::nullopt;
    return q;
}

} // namespace casedesk
