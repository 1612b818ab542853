#include "casework/VisitOutcome.h"

namespace casedesk {

VisitOutcome VisitOutcome::judge(const QJsonObject &visit, int earlierUnreached, int maxAttempts)
{
    VisitOutcome outcome;
    outcome.m_attempt = earlierUnreached + 1;
    if (!visit.value(QStringLiteral("reached")).toBool()) {
        if (outcome.m_attempt >= maxAttempts) {
            outcome.m_effect = Effect::Unreachable;
            outcome.m_reason = tr("Follow-up visit closed: the customer could not be reached in %n attempt(s).",
                nullptr, outcome.m_attempt);
        } else {
            outcome.m_effect = Effect::Retry;
            outcome.m_reason = tr("Customer not reached (attempt %1 of %2).").arg(outcome.m_attempt).arg(maxAttempts);
        }
        return outcome;
    }
    const QString solved = visit.value(QStringLiteral("solved")).toString();
    const QString satisfaction = visit.value(QStringLiteral("satisfaction")).toString();
    if (solved == QLatin1String("yes") && satisfaction != QLatin1String("dissatisfied")) {
        outcome.m_effect = Effect::Visited;
        outcome.m_reason
            = tr("Follow-up visit: problem solved, customer %1.")
                  .arg(satisfaction == QLatin1String("satisfied") ? tr("satisfied") : tr("basically satisfied"));
    } else {
        outcome.m_effect = Effect::Reopen;
        outcome.m_reason = satisfaction == QLatin1String("dissatisfied")
            ? tr("Follow-up visit: the customer is dissatisfied; the case is re-opened.")
            : tr("Follow-up visit: the problem is not (fully) solved; the case is re-opened.");
    }
    return outcome;
}

} // namespace casedesk
