#pragma once

#include "domain/CaseStatus.h"
#include "domain/Codes.h"
#include "domain/LocalizedText.h"
#include "domain/Role.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace casedesk {

// What a step of the life cycle does besides setting the status (BRIEF §6).
enum class TransitionKind {
    Advance, // along the main line; stamps the time the target state was reached
    Withdrawal, // the complainant withdraws; a withdrawal that was not voluntary is a conduct issue instead
    Reopen, // back to work from a finished state; counts the re-opening and clears the closure times
};

template<>
struct CodeTable<TransitionKind>
{
    static constexpr CodeEntry<TransitionKind> entries[] = {
        {TransitionKind::Advance, "advance"},
        {TransitionKind::Withdrawal, "withdrawal"},
        {TransitionKind::Reopen, "reopen"},
    };
};

// A role that may take a transition, with the guards that apply to that role only
// (a handler must be the assignee or in the handling unit; a supervisor need not be).
struct TransitionGrant
{
    Role role = Role::Supervisor;
    QStringList guards;
};

// One edge of the case life cycle as declared in resources/rules/workflow.json.
struct Transition
{
    QString id;
    TransitionKind kind = TransitionKind::Advance;
    QList<CaseStatus> from;
    CaseStatus to = CaseStatus::Received;
    std::optional<CaseStatus> ifNotVoluntary; // withdrawals only: where a pressured withdrawal leads
    LocalizedText label; // the action's name on the client's buttons
    QList<TransitionGrant> allow;
    QStringList guards; // checked for every role

    QList<Role> roles() const
    {
        QList<Role> result;
        for (const TransitionGrant &grant : allow)
            result.append(grant.role);
        return result;
    }
};

} // namespace casedesk
