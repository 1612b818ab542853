#pragma once

#include "base/Result.h"
#include "rules/IntakeFieldRules.h"
#include "rules/PriorityRules.h"
#include "rules/RecordSchema.h"
#include "rules/RoutingRules.h"
#include "rules/Taxonomy.h"
#include "rules/TimeLimits.h"

#include <QCoreApplication>
#include <QStringList>

namespace casedesk {

// Everything rule-like the core works with for one profile, loaded together and cross-checked: the
// taxonomy, time limits, priority and routing rules, record kinds and intake fields (DESIGN §1, STYLE 8).
// Each file comes from the override directory when an admin put a copy there, else from the copy
// compiled in under :/casedesk/rules/.
class RulePack
{
    Q_DECLARE_TR_FUNCTIONS(RulePack)

public:
    static Result<RulePack> load(const QString &overrideDirectory, const QString &profile);
    // The shipped files for a profile; aborts when they are broken (they are covered by tests).
    static RulePack builtIn(const QString &profile = QStringLiteral("bank"));
    // Profiles found as profile-<code>.json in the override directory or among the shipped files.
    static QStringList availableProfiles(const QString &overrideDirectory = {});
    static QString builtInDirectory();

    QString profile() const { return m_taxonomy.profile(); }
    const Taxonomy &taxonomy() const { return m_taxonomy; }
    const TimeLimits &timeLimits() const { return m_timeLimits; }
    const PriorityRules &priorityRules() const { return m_priorityRules; }
    const RoutingRules &routingRules() const { return m_routingRules; }
    const RecordSchema &recordSchema() const { return m_recordSchema; }
    const IntakeFieldRules &intakeFields() const { return m_intakeFields; }

    // Findings that do not stop the pack from working, e.g. a rule naming a category this profile
    // does not define (rules are shared between profiles).
    const QStringList &warnings() const { return m_warnings; }
    // The paths of the files that were read from the override directory.
    const QStringList &overriddenFiles() const { return m_overriddenFiles; }

private:
    Status crossCheck(const QString &priorityPath, const QString &routingPath);

    Taxonomy m_taxonomy;
    TimeLimits m_timeLimits;
    PriorityRules m_priorityRules;
    RoutingRules m_routingRules;
    RecordSchema m_recordSchema;
    IntakeFieldRules m_intakeFields;
    QStringList m_warnings;
    QStringList m_overriddenFiles;
};

} // namespace casedesk
