#pragma once

#include "base/Result.h"
#include "domain/LocalizedText.h"
#include "domain/Priority.h"
#include "domain/PriorityReason.h"
#include "rules/Condition.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>

namespace casedesk {

// One entry of priority-rules.json: when the condition holds, the case gets at least this priority.
struct PriorityRule
{
    QString id;
    Priority priority = Priority::Normal;
    Condition when;
    LocalizedText reason;
};

// The outcome of the priority rules for one case: the strongest priority of the rules that fired and
// why, most urgent first ("urgent because: funds safety").
struct PriorityDecision
{
    Priority priority = Priority::Normal;
    QList<PriorityReason> reasons;
};

// The priority rules of BRIEF §4 (resources/rules/priority-rules.json), evaluated at intake and whenever
// a fact changes. Every rule that fires is listed; the highest priority wins; normal when none fires.
class PriorityRules
{
    Q_DECLARE_TR_FUNCTIONS(PriorityRules)

public:
    static Result<PriorityRules> fromJson(const QJsonObject &json, const QString &fileName);

    PriorityDecision evaluate(const CaseFacts &facts) const;
    const QList<PriorityRule> &rules() const { return m_rules; }

private:
    QList<PriorityRule> m_rules;
};

} // namespace casedesk
