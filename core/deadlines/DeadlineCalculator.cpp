#include "deadlines/DeadlineCalculator.h"

#include <QSet>

#include <algorithm>

namespace casedesk {

namespace {

// An active deadline, the start its limit counts from and how that limit is measured.
struct ActiveDeadline
{
    QDate date;
    QString kind;
    QDate start;
    bool calendarDays = false;
};

} // namespace

DeadlineCalculator::DeadlineCalculator(const WorkingDayCalendar &calendar, const TimeLimits &limits)
    : m_calendar(calendar)
    , m_limits(limits)
{ }

QTimeZone DeadlineCalculator::timeZone(const Branch &branch) const
{
    const QTimeZone zone(branch.timeZone.toUtf8());
    if (zone.isValid())
        return zone;
    return QTimeZone(m_limits.defaultTimeZone().toUtf8());
}

QTime DeadlineCalculator::cutoff(const Branch &branch) const
{
    return branch.cutoff.isValid() ? branch.cutoff : m_limits.defaultCutoff();
}

QDate DeadlineCalculator::localDate(const QDateTime &at, const Branch &branch) const
{
    if (!at.isValid())
        return {};
    return at.toTimeZone(timeZone(branch)).date();
}

QDate DeadlineCalculator::effectiveReceiptDate(const QDateTime &receivedAt, const Branch &branch) const
{
    if (!receivedAt.isValid())
        return {};
    const QDateTime local = receivedAt.toTimeZone(timeZone(branch));
    const QDate date = local.date();
    // DESIGN §5: received on a working day at or after the cut-off counts from the next working day; on a
    // non-working day the date stays, since counting starts strictly after it anyway.
    if (m_calendar.isWorkingDay(date) && local.time() >= cutoff(branch))
        return m_calendar.nextWorkingDay(date);
    return date;
}

DeadlineResult DeadlineCalculator::compute(const Case &c, const Branch &branch, Complexity complexity) const
{
    DeadlineResult result;
    CaseDeadlines &d = result.deadlines;
    QSet<int> fallbackYears;
    const auto count = [&](QDate start, int workingDays) {
        if (!start.isValid())
            return QDate();
        const QDate end = m_calendar.addWorkingDays(start, workingDays);
        for (int year : m_calendar.yearsWithoutData(start, end))
            fallbackYears.insert(year);
        return end;
    };

    const QDate receipt = effectiveReceiptDate(c.receivedAt, branch);
    d.registerBy = count(receipt, m_limits.registerWorkingDays());
    if (c.dispatchedAt.isValid())
        d.contactBy = count(effectiveReceiptDate(c.dispatchedAt, branch), m_limits.contactWorkingDays());
    // BRIEF §5 (004 art.11): general 3, complex 7, extendable once with a recorded reason.
    d.resolveBy = count(
        receipt, c.resolveExtended ? m_limits.extendedResolveWorkingDays() : m_limits.resolveWorkingDays(complexity));
    // BRIEF §9 / DESIGN §5: calendar days from the receipt date itself (the cut-off is an internal rule),
    // moved to the next working day when the last day is not one.
    const QDate received = localDate(c.receivedAt, branch);
    if (received.isValid()) {
        QDate statutory = received.addDays(m_limits.statutoryCalendarDays(c.statutoryExtensions));
        if (!m_calendar.isWorkingDay(statutory))
            statutory = m_calendar.nextWorkingDay(statutory);
        for (int year : m_calendar.yearsWithoutData(received, statutory))
            fallbackYears.insert(year);
        d.statutoryBy = statutory;
    }
    d.forwarderBy = c.forwarding.dueDate;
    if (c.resolvedAt.isValid())
        d.visitBy = count(effectiveReceiptDate(c.resolvedAt, branch), m_limits.visitWorkingDays());
    // BRIEF §5: the earliest of our own limit, the regulator's and the forwarding body's governs.
    for (const QDate &date : {d.resolveBy, d.statutoryBy, d.forwarderBy}) {
        if (date.isValid() && (!d.dueBy.isValid() || date < d.dueBy))
            d.dueBy = date;
    }

    QList<int> years = fallbackYears.values();
    std::sort(years.begin(), years.end());
    for (int year : years)
        result.warnings.append(m_calendar.fallbackWarning(year));
    if (!QTimeZone(branch.timeZone.toUtf8()).isValid()) {
        result.warnings.append(tr("Branch %1 has an unknown time zone “%2”; using %3.")
                                   .arg(branch.code, branch.timeZone, m_limits.defaultTimeZone()));
    }
    return result;
}

DueState DeadlineCalculator::dueState(const Case &c, const Branch &branch, const QDateTime &now) const
{
    const CaseDeadlines &d = c.deadlines;
    const QDate receipt = effectiveReceiptDate(c.receivedAt, branch);
    QList<ActiveDeadline> active;
    const auto add = [&active](QDate date, const QString &kind, QDate start, bool calendarDays = false) {
        if (date.isValid())
            active.append({date, kind, start, calendarDays});
    };
    const auto addDue = [&] {
        add(d.resolveBy, QStringLiteral("resolve"), receipt);
        // A forwarding body's date is a handling deadline like ours, so it is measured in working days.
        add(d.forwarderBy, QStringLiteral("forwarder"), receipt);
        add(d.statutoryBy, QStringLiteral("statutory"), localDate(c.receivedAt, branch), true);
    };
    switch (c.status) {
    case CaseStatus::Received:
        add(d.registerBy, QStringLiteral("register"), receipt);
        addDue();
        break;
    case CaseStatus::Registered:
        addDue();
        break;
    case CaseStatus::Dispatched:
    case CaseStatus::InProgress:
        if (!c.firstContactAt.isValid())
            add(d.contactBy, QStringLiteral("contact"), effectiveReceiptDate(c.dispatchedAt, branch));
        addDue();
        break;
    case CaseStatus::Resolved:
        add(d.visitBy, QStringLiteral("visit"), effectiveReceiptDate(c.resolvedAt, branch));
        break;
    case CaseStatus::Visited:
    case CaseStatus::Archived:
    case CaseStatus::Withdrawn:
        break;
    }

    DueState state;
    if (active.isEmpty())
        return state;
    // The earliest active deadline governs; on a tie the first listed above (the working-day one) wins.
    const ActiveDeadline governing = *std::min_element(active.cbegin(), active.cend(),
        [](const ActiveDeadline &a, const ActiveDeadline &b) { return a.date < b.date; });
    const QDate today = localDate(now, branch);
    state.governingDate = governing.date;
    state.governingKind = governing.kind;
    // A deadline is met until the end of its day in the branch's time zone.
    state.overdue = today > governing.date;
    // The share used counts today as used: on the due day it is 1. Working-day limits are measured in
    // working days, the statutory one in calendar days, each in the unit its limit is written in.
    qint64 total = 0;
    qint64 used = 0;
    if (governing.calendarDays) {
        total = governing.start.daysTo(governing.date);
        used = qMax<qint64>(0, governing.start.daysTo(today));
    } else {
        total = m_calendar.workingDaysBetween(governing.start, governing.date);
        used = m_calendar.workingDaysBetween(governing.start, today);
    }
    state.shareUsed = total > 0 ? double(used) / double(total) : 1.0;
    state.dueSoon = !state.overdue && state.shareUsed >= m_limits.dueSoonShare();
    return state;
}

bool DeadlineCalculator::resolvedOnTime(const Case &c, const Branch &branch) const
{
    if (!c.resolvedAt.isValid() || !c.deadlines.dueBy.isValid())
        return false;
    return localDate(c.resolvedAt, branch) <= c.deadlines.dueBy;
}

int DeadlineCalculator::handlingWorkingDays(const Case &c, const Branch &branch) const
{
    if (!c.resolvedAt.isValid() || !c.receivedAt.isValid())
        return -1;
    return m_calendar.workingDaysBetween(effectiveReceiptDate(c.receivedAt, branch), localDate(c.resolvedAt, branch));
}

} // namespace casedesk
