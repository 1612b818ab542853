#pragma once

#include "base/Result.h"
#include "calendar/WorkingDayCalendar.h"
#include "deadlines/DeadlineCalculator.h"
#include "rules/RulePack.h"
#include "workflow/CaseWorkflow.h"

#include <memory>

namespace casedesk {

// Everything that decides how a case is handled, loaded once and shared by server and client:
// the rule pack of the active profile, the life cycle and the holiday calendars.
class CaseRules
{
public:
    // overrideDirectory holds an admin's copies (rules/*.json, calendars/*.json); may be empty.
    static Result<std::shared_ptr<const CaseRules>> load(const QString &overrideDirectory, const QString &profile);
    // The shipped rules, for tests and tools; aborts if they are broken (they are tested).
    static std::shared_ptr<const CaseRules> builtIn(const QString &profile = QStringLiteral("bank"));

    const RulePack &pack() const { return m_pack; }
    const Taxonomy &taxonomy() const { return m_pack.taxonomy(); }
    const TimeLimits &limits() const { return m_pack.timeLimits(); }
    const CaseWorkflow &workflow() const { return m_workflow; }
    const WorkingDayCalendar &calendar() const { return m_calendar; }
    const DeadlineCalculator &deadlines() const { return m_deadlines; }
    // Complexity of a category (general when the category is unknown to this profile).
    Complexity complexityOf(const QString &category) const;

private:
    CaseRules(RulePack pack, CaseWorkflow workflow, WorkingDayCalendar calendar);

    RulePack m_pack;
    CaseWorkflow m_workflow;
    WorkingDayCalendar m_calendar;
    DeadlineCalculator m_deadlines;
};

} // namespace casedesk
