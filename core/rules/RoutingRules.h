#pragma once

#include "base/Result.h"
#include "domain/LocalizedText.h"
#include "domain/Role.h"
#include "rules/Condition.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>

namespace casedesk {

class Taxonomy;

// One entry of routing-rules.json: when the condition holds, the case goes to this unit.
struct RoutingRule
{
    QString id;
    Condition when;
    QString unit;
    QList<Role> notify;
    LocalizedText reason;
};

// Where a case goes: the handling unit, the rule that decided it (empty when the category's default
// unit applied), why, and which roles must be told at once.
struct RoutingDecision
{
    QString unit;
    QString ruleId;
    LocalizedText reason;
    QList<Role> notify;
};

// The routing rules of BRIEF §4 (resources/rules/routing-rules.json): the first rule that matches
// decides, else the category's default unit. Routing never blocks intake ("accept first, route later").
class RoutingRules
{
    Q_DECLARE_TR_FUNCTIONS(RoutingRules)

public:
    static Result<RoutingRules> fromJson(const QJsonObject &json, const QString &fileName);

    RoutingDecision route(const CaseFacts &facts, const Taxonomy &taxonomy) const;
    const QList<RoutingRule> &rules() const { return m_rules; }
    LocalizedText defaultReason() const { return m_defaultReason; }

private:
    QList<RoutingRule> m_rules;
    LocalizedText m_defaultReason;
};

} // namespace casedesk
