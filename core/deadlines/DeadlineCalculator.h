#pragma once

#include "calendar/WorkingDayCalendar.h"
#include "deadlines/DeadlineResult.h"
#include "deadlines/DueState.h"
#include "domain/Branch.h"
#include "domain/Case.h"
#include "rules/TimeLimits.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>

namespace casedesk {

// Computes a case's deadlines on the two clocks of BRIEF §5/§9 (internal working-day limits and the
// statutory calendar-day limit) with the counting rule of DESIGN §5, and judges them against "now".
// Keeps its own copies of the calendar and limits (both are cheap to copy), so it cannot dangle.
class DeadlineCalculator
{
    Q_DECLARE_TR_FUNCTIONS(DeadlineCalculator)

public:
    DeadlineCalculator(const WorkingDayCalendar &calendar, const TimeLimits &limits);

    // The receipt date in the branch's time zone, or the next working day when received on a working day
    // at or after the branch's cut-off. Invalid when `receivedAt` is.
    QDate effectiveReceiptDate(const QDateTime &receivedAt, const Branch &branch) const;
    // The calendar date of a moment in the branch's time zone (no cut-off). Invalid when `at` is.
    QDate localDate(const QDateTime &at, const Branch &branch) const;

    DeadlineResult compute(const Case &c, const Branch &branch, Complexity complexity) const;
    // Judges the deadlines stored in c.deadlines (as computed by compute()) that are active in c.status.
    DueState dueState(const Case &c, const Branch &branch, const QDateTime &now) const;
    // Resolved on or before c.deadlines.dueBy (branch-local date); false when not resolved or no due date.
    bool resolvedOnTime(const Case &c, const Branch &branch) const;
    // Working days in (effective receipt date, resolution date]; -1 when the case is not resolved.
    int handlingWorkingDays(const Case &c, const Branch &branch) const;

    const WorkingDayCalendar &calendar() const { return m_calendar; }
    const TimeLimits &limits() const { return m_limits; }

private:
    QTimeZone timeZone(const Branch &branch) const;
    QTime cutoff(const Branch &branch) const;

    WorkingDayCalendar m_calendar;
    TimeLimits m_limits;
};

} // namespace casedesk
