#include "casework/CaseEvaluator.h"

#include "casework/CaseRules.h"
#include "rules/CaseFacts.h"

namespace casedesk {

CaseEvaluator::CaseEvaluator(const CaseRules &rules)
    : m_rules(rules)
{ }

CaseEvaluator::Outcome CaseEvaluator::evaluate(Case &c, const Branch &branch, const Repeat &repeat, bool route) const
{
    Outcome outcome;
    const CaseFacts facts = CaseFacts::fromCase(c, m_rules.taxonomy(), repeat.isRepeat, repeat.repeatOfEscalated);
    const PriorityDecision priority = m_rules.pack().priorityRules().evaluate(facts);
    c.priority = priority.priority;
    c.priorityReasons = priority.reasons;
    if (c.channelAxis.isEmpty())
        c.channelAxis = m_rules.taxonomy().channelAxisOf(c.channel);
    if (route) {
        outcome.routing = m_rules.pack().routingRules().route(facts, m_rules.taxonomy());
        if (!outcome.routing.unit.isEmpty())
            c.handlingUnit = outcome.routing.unit;
    }
    outcome.warnings = refreshDeadlines(c, branch);
    return outcome;
}

QStringList CaseEvaluator::refreshDeadlines(Case &c, const Branch &branch) const
{
    const DeadlineResult result = m_rules.deadlines().compute(c, branch, m_rules.complexityOf(c.category));
    c.deadlines = result.deadlines;
    return result.warnings;
}

} // namespace casedesk
