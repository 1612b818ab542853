#include "casework/CaseRules.h"

#include <QDir>

namespace casedesk {

CaseRules::CaseRules(RulePack pack, CaseWorkflow workflow, WorkingDayCalendar calendar)
    : m_pack(std::move(pack))
    , m_workflow(std::move(workflow))
    , m_calendar(std::move(calendar))
    , m_deadlines(m_calendar, m_pack.timeLimits())
{ }

Result<std::shared_ptr<const CaseRules>> CaseRules::load(const QString &overrideDirectory, const QString &profile)
{
    const QString rulesDirectory
        = overrideDirectory.isEmpty() ? QString() : overrideDirectory + QStringLiteral("/rules");
    auto pack = RulePack::load(rulesDirectory, profile);
    if (!pack)
        return pack.error();
    auto workflow = CaseWorkflow::load(rulesDirectory);
    if (!workflow)
        return workflow.error();
    // An admin who keeps calendars in the data directory keeps all of them there (one file a year).
    QString calendarDirectory = QStringLiteral(":/casedesk/calendars");
    const QString ownCalendars = overrideDirectory + QStringLiteral("/calendars");
    if (!overrideDirectory.isEmpty()
        && !QDir(ownCalendars).entryList({QStringLiteral("*.json")}, QDir::Files).isEmpty())
        calendarDirectory = ownCalendars;
    auto calendar = WorkingDayCalendar::load(calendarDirectory);
    if (!calendar)
        return calendar.error();
    return std::shared_ptr<const CaseRules>(
        new CaseRules(std::move(pack.value()), std::move(workflow.value()), std::move(calendar.value())));
}

std::shared_ptr<const CaseRules> CaseRules::builtIn(const QString &profile)
{
    auto rules = load(QString(), profile);
    if (!rules)
        qFatal("The built-in rules are broken: %s", qPrintable(rules.error().message));
    return rules.value();
}

Complexity CaseRules::complexityOf(const QString &category) const
{
    const Category *entry = taxonomy().category(category);
    return entry ? entry->complexity : Complexity::General;
}

} // namespace casedesk
