#pragma once

#include "domain/Branch.h"
#include "domain/Case.h"
#include "rules/RoutingRules.h"

#include <QStringList>

namespace casedesk {

class CaseRules;

// What the rules derive from a case's facts, recomputed at intake and whenever a fact changes
// (BRIEF §4, §5): priority with its reasons, the regulator channel axis by default, the handling
// unit (when asked to route) and every deadline.
class CaseEvaluator
{
public:
    struct Repeat
    {
        bool isRepeat = false;
        bool repeatOfEscalated = false;
    };
    struct Outcome
    {
        RoutingDecision routing; // set when routing was asked for
        QStringList warnings; // e.g. a year without a holiday calendar
    };

    explicit CaseEvaluator(const CaseRules &rules);
    Outcome evaluate(Case &c, const Branch &branch, const Repeat &repeat, bool route) const;
    // Only the deadlines (after a transition, extension or first contact).
    QStringList refreshDeadlines(Case &c, const Branch &branch) const;

private:
    const CaseRules &m_rules;
};

} // namespace casedesk
