#include "demo/DemoSummary.h"

namespace casedesk {

namespace {
double share(qint64 part, qint64 whole)
{
    return whole > 0 ? double(part) / double(whole) : 0.0;
}
} // namespace

double DemoSummary::onTimeRate() const
{
    return share(resolvedOnTime, resolved);
}

double DemoSummary::satisfactionRate() const
{
    return share(satisfied + basicallySatisfied, visitsReached);
}

double DemoSummary::repeatRate() const
{
    return share(repeats, cases);
}

QJsonObject DemoSummary::toJson() const
{
    QJsonObject statuses;
    for (auto it = byStatus.begin(); it != byStatus.end(); ++it)
        statuses.insert(toCode(it.key()), it.value());
    QJsonObject named;
    for (auto it = scenarios.begin(); it != scenarios.end(); ++it)
        named.insert(it.key(), it.value());
    return {{QStringLiteral("from"), from.toString(Qt::ISODate)}, {QStringLiteral("to"), to.toString(Qt::ISODate)},
        {QStringLiteral("cases"), cases}, {QStringLiteral("by_status"), statuses}, {QStringLiteral("open"), open},
        {QStringLiteral("overdue_open"), overdueOpen}, {QStringLiteral("resolved"), resolved},
        {QStringLiteral("resolved_on_time"), resolvedOnTime}, {QStringLiteral("extended"), extended},
        {QStringLiteral("escalated"), escalated}, {QStringLiteral("reopened"), reopened},
        {QStringLiteral("repeats"), repeats}, {QStringLiteral("conduct_issues"), conductIssues},
        {QStringLiteral("visits"), visits}, {QStringLiteral("visits_reached"), visitsReached},
        {QStringLiteral("satisfied"), satisfied}, {QStringLiteral("basically_satisfied"), basicallySatisfied},
        {QStringLiteral("dissatisfied"), dissatisfied}, {QStringLiteral("unreachable"), unreachable},
        {QStringLiteral("corrective_actions_open"), correctiveActionsOpen},
        {QStringLiteral("corrective_actions_done"), correctiveActionsDone},
        {QStringLiteral("on_time_rate"), onTimeRate()}, {QStringLiteral("satisfaction_rate"), satisfactionRate()},
        {QStringLiteral("repeat_rate"), repeatRate()}, {QStringLiteral("scenarios"), named}};
}

} // namespace casedesk
