#pragma once

#include "base/Result.h"
#include "domain/Case.h"
#include "domain/User.h"
#include "workflow/Transition.h"
#include "workflow/TransitionOutcome.h"
#include "workflow/TransitionRequest.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace casedesk {

// The case life cycle (BRIEF §6) as a state machine. Which transitions exist and which roles may
// take them is data (resources/rules/workflow.json); the guards it names are TransitionGuard.
// apply() only computes: it returns the updated case and its audit event and stores nothing.
class CaseWorkflow
{
    Q_DECLARE_TR_FUNCTIONS(CaseWorkflow)

public:
    // An empty workflow refuses every transition.
    CaseWorkflow() = default;

    // Reads workflow.json from overrideDirectory (an admin's copy, e.g. DATA/rules) when it holds
    // one, else the built-in :/casedesk/rules/workflow.json.
    static Result<CaseWorkflow> load(const QString &overrideDirectory);
    static Result<CaseWorkflow> fromJson(const QJsonObject &json, const QString &fileName);
    // The built-in table, read once; aborts when it is broken (test_workflow keeps it valid).
    static const CaseWorkflow &builtIn();
    static QString builtInPath();

    // Errors: illegal_transition (no such edge), forbidden_transition (none of the actor's roles
    // may take it), guard_failed (what is missing), each with details {from, to, …}.
    // event.id is a new UUID: audit events are written offline too (DESIGN §6).
    Result<TransitionOutcome> apply(
        const Case &current, const TransitionRequest &request, const User &actor, const QDateTime &now) const;
    // The states this actor may move the case to now, in life-cycle order. Guards on the case and the
    // actor are checked; guards on what the user has yet to type (reason, voluntary) are not.
    QList<CaseStatus> availableTransitions(const Case &current, const User &actor) const;

    const Transition *find(CaseStatus from, CaseStatus to) const;
    const QList<Transition> &transitions() const { return m_transitions; }

private:
    struct Verdict
    {
        std::optional<Error> error;
        Role role = Role::Supervisor; // the role the actor acts in when allowed
    };
    Verdict judge(
        const Transition &transition, const Case &current, const User &actor, const TransitionRequest *request) const;

    QList<Transition> m_transitions;
};

} // namespace casedesk
