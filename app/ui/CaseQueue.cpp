#include "ui/CaseQueue.h"

#include "casework/CaseRules.h"

#include <cmath>

namespace casedesk {

namespace {
const QList<CaseStatus> openStatuses
    = {CaseStatus::Received, CaseStatus::Registered, CaseStatus::Dispatched, CaseStatus::InProgress};
// Deadlines still count in these (the follow-up visit runs against visit-by after resolution).
const QList<CaseStatus> timedStatuses = {
    CaseStatus::Received, CaseStatus::Registered, CaseStatus::Dispatched, CaseStatus::InProgress, CaseStatus::Resolved};
} // namespace

QList<CaseQueue::Kind> CaseQueue::available(const AccessPolicy &access)
{
    const User &u = access.user();
    QList<Kind> kinds;
    if (!access.canReadCases())
        return kinds;
    const bool handler = u.hasRole(Role::Handler);
    const bool supervisor = u.hasRole(Role::Supervisor);
    const bool overseer = supervisor || u.hasRole(Role::Manager) || u.hasRole(Role::Auditor);
    if (handler)
        kinds.append(Kind::MyCases);
    if (handler && !u.unit.isEmpty())
        kinds.append(Kind::MyUnit);
    kinds.append(Kind::Branch);
    if (handler || overseer) {
        kinds.append(Kind::DueToday);
        kinds.append(Kind::DueSoon);
        kinds.append(Kind::Overdue);
    }
    if (supervisor)
        kinds.append(Kind::Unassigned);
    if (overseer)
        kinds.append(Kind::Repeats);
    // Follow-up visits are the complaint manager's (AccessPolicy::canAppend "visit").
    if (supervisor)
        kinds.append(Kind::VisitsDue);
    return kinds;
}

QString CaseQueue::id(Kind kind)
{
    switch (kind) {
    case Kind::MyCases:
        return QStringLiteral("my_cases");
    case Kind::MyUnit:
        return QStringLiteral("my_unit");
    case Kind::Branch:
        return QStringLiteral("branch");
    case Kind::DueToday:
        return QStringLiteral("due_today");
    case Kind::DueSoon:
        return QStringLiteral("due_soon");
    case Kind::Overdue:
        return QStringLiteral("overdue");
    case Kind::Unassigned:
        return QStringLiteral("unassigned");
    case Kind::Repeats:
        return QStringLiteral("repeats");
    case Kind::VisitsDue:
        return QStringLiteral("visits_due");
    }
    return {};
}

QString CaseQueue::title(Kind kind)
{
    switch (kind) {
    case Kind::MyCases:
        return tr("My cases");
    case Kind::MyUnit:
        return tr("My unit");
    case Kind::Branch:
        return tr("Branch");
    case Kind::DueToday:
        return tr("Due today");
    case Kind::DueSoon:
        return tr("Due soon");
    case Kind::Overdue:
        return tr("Overdue");
    case Kind::Unassigned:
        return tr("Unassigned");
    case Kind::Repeats:
        return tr("Repeat complaints");
    case Kind::VisitsDue:
        return tr("Visits due");
    }
    return {};
}

QString CaseQueue::description(Kind kind)
{
    switch (kind) {
    case Kind::MyCases:
        return tr("Open cases assigned to you");
    case Kind::MyUnit:
        return tr("Open cases your unit handles");
    case Kind::Branch:
        return tr("Every case of your branch and the branches below it");
    case Kind::DueToday:
        return tr("Open cases whose next deadline is today");
    case Kind::DueSoon:
        return tr("Open cases that have used most of their time limit");
    case Kind::Overdue:
        return tr("Cases past their next deadline");
    case Kind::Unassigned:
        return tr("Open cases nobody has been assigned to yet");
    case Kind::Repeats:
        return tr("Complaints that repeat an earlier one");
    case Kind::VisitsDue:
        return tr("Resolved cases waiting for their follow-up visit");
    }
    return {};
}

QDate CaseQueue::dueSoonHorizon(const CaseRules &rules, QDate today)
{
    // The furthest date a case can be "due soon" on: the governing deadline is never later than the
    // resolve, contact, register or visit limit, so the longest of those bounds the working days left
    // when due_soon_share is reached; the statutory clock is bounded in calendar days the same way.
    const TimeLimits &limits = rules.limits();
    const double left = 1.0 - limits.dueSoonShare();
    const int longest = std::max({limits.registerWorkingDays(), limits.contactWorkingDays(),
        limits.resolveWorkingDays(Complexity::General), limits.resolveWorkingDays(Complexity::Complex),
        limits.extendedResolveWorkingDays(), limits.visitWorkingDays()});
    const QDate working = rules.calendar().addWorkingDays(today, int(std::floor(longest * left)));
    const QDate statutory
        = today.addDays(qint64(std::floor(limits.statutoryCalendarDays(limits.maxStatutoryExtensions()) * left)));
    return std::max(working, statutory);
}

CaseQuery CaseQueue::query(Kind kind, const AccessPolicy &access, const CaseRules &rules, QDate today)
{
    const User &u = access.user();
    CaseQuery q;
    q.limit = 200;
    q.branchIds = access.scope();
    q.today = today;
    // A handler without oversight works their own cases; overseers see their whole scope.
    const bool ownWorkOnly = u.hasRole(Role::Handler) && !u.hasRole(Role::Supervisor) && !u.hasRole(Role::Manager)
        && !u.hasRole(Role::Auditor) && !u.hasRole(Role::Reception);
    switch (kind) {
    case Kind::MyCases:
        q.branchIds.clear(); // assigned work is visible wherever it was received (AccessPolicy::canRead)
        q.assigneeId = u.id;
        q.statuses = openStatuses;
        q.order = CaseQuery::Order::AttentionSoonestFirst;
        break;
    case Kind::MyUnit:
        q.handlingUnit = u.unit;
        q.statuses = openStatuses;
        q.order = CaseQuery::Order::AttentionSoonestFirst;
        break;
    case Kind::Branch:
        q.order = CaseQuery::Order::ReceivedNewestFirst;
        break;
    case Kind::DueToday:
    case Kind::DueSoon:
    case Kind::Overdue:
        if (ownWorkOnly) {
            q.branchIds.clear();
            q.assigneeId = u.id;
        }
        q.statuses = timedStatuses;
        q.order = CaseQuery::Order::AttentionSoonestFirst;
        if (kind == Kind::Overdue) {
            q.overdue = true;
        } else {
            q.overdue = false;
            q.attentionOnOrBefore = kind == Kind::DueToday ? today : dueSoonHorizon(rules, today);
        }
        break;
    case Kind::Unassigned:
        q.unassignedOnly = true;
        q.statuses = openStatuses;
        q.order = CaseQuery::Order::AttentionSoonestFirst;
        break;
    case Kind::Repeats:
        q.repeatsOnly = true;
        q.order = CaseQuery::Order::ReceivedNewestFirst;
        break;
    case Kind::VisitsDue:
        q.statuses = {CaseStatus::Resolved};
        q.order = CaseQuery::Order::AttentionSoonestFirst;
        break;
    }
    return q;
}

bool CaseQueue::keeps(Kind kind, const DueState &due)
{
    if (kind == Kind::DueSoon)
        return due.dueSoon;
    return true;
}

} // namespace casedesk
