#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace casedesk {

// What a follow-up visit means for its case (BRIEF §6, §7): reached, solved and satisfied closes the
// visit (→ visited); dissatisfied or not solved re-opens the case; not reached is retried up to the
// configured attempts and then closed as unreachable.
class VisitOutcome
{
    Q_DECLARE_TR_FUNCTIONS(VisitOutcome)

public:
    enum class Effect { Visited, Reopen, Retry, Unreachable };

    // visit: validated data of the new visit; earlierUnreached: unreached attempts since resolution.
    static VisitOutcome judge(const QJsonObject &visit, int earlierUnreached, int maxAttempts);

    Effect effect() const { return m_effect; }
    QString reason() const { return m_reason; }
    int attempt() const { return m_attempt; }

private:
    Effect m_effect = Effect::Retry;
    QString m_reason;
    int m_attempt = 1;
};

} // namespace casedesk
