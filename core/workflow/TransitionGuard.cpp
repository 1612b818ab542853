#include "workflow/TransitionGuard.h"

namespace casedesk {

namespace {
bool sameText(const QString &a, const QString &b)
{
    const QString left = a.trimmed();
    return !left.isEmpty() && left.compare(b.trimmed(), Qt::CaseInsensitive) == 0;
}
} // namespace

TransitionGuard::TransitionGuard(QString name, bool needsInput, Check check)
    : m_name(std::move(name))
    , m_needsInput(needsInput)
    , m_check(check)
{ }

const QList<TransitionGuard> &TransitionGuard::all()
{
    static const QList<TransitionGuard> guards {
        TransitionGuard(QStringLiteral("reason_given"), true,
            [](const Case &, const User &, const Transition &transition,
                const TransitionRequest &request) -> std::optional<QString> {
                if (!request.reason.trimmed().isEmpty())
                    return std::nullopt;
                if (transition.kind == TransitionKind::Reopen)
                    return tr("A reason is required to re-open a case.");
                if (transition.kind == TransitionKind::Withdrawal)
                    return tr("A reason is required to withdraw a case.");
                if (transition.to == CaseStatus::Resolved)
                    return tr("Give the reply summary (what the customer was told) before resolving the "
                              "case.");
                return tr("A reason is required for this step.");
            }),
        // 004 art.19: a withdrawal is only final when the complainant chose it freely, so the
        // question must be answered either way; silence is not "yes".
        TransitionGuard(QStringLiteral("voluntary_answered"), true,
            [](const Case &, const User &, const Transition &,
                const TransitionRequest &request) -> std::optional<QString> {
                if (request.voluntary.has_value())
                    return std::nullopt;
                return tr("Say whether the withdrawal was voluntary.");
            }),
        // BRIEF §3: the cause (regulator axis C) is confirmed at closure.
        TransitionGuard(QStringLiteral("cause_set"), false,
            [](const Case &current, const User &, const Transition &,
                const TransitionRequest &) -> std::optional<QString> {
                if (!current.cause.trimmed().isEmpty())
                    return std::nullopt;
                return tr("Set the cause before resolving the case.");
            }),
        TransitionGuard(QStringLiteral("assignee_or_unit_set"), false,
            [](const Case &current, const User &, const Transition &,
                const TransitionRequest &) -> std::optional<QString> {
                if (!current.assigneeId.isEmpty() || !current.handlingUnit.isEmpty())
                    return std::nullopt;
                return tr("Choose a handler or a handling unit before dispatching the case.");
            }),
        // BRIEF §1: handlers work the cases assigned to them or to their unit.
        TransitionGuard(QStringLiteral("actor_assigned"), false,
            [](const Case &current, const User &actor, const Transition &,
                const TransitionRequest &) -> std::optional<QString> {
                if (!actor.id.isEmpty() && current.assigneeId == actor.id)
                    return std::nullopt;
                if (!actor.unit.isEmpty() && current.handlingUnit == actor.unit)
                    return std::nullopt;
                return tr("You are neither the assignee of this case nor a member of its handling unit.");
            }),
        // Recusal (BRIEF §1 非当事人, §9): the person complained about takes no step on the case.
        // Intake may have recorded them by user id, login or name; any of them matches, erring on
        // the side of recusal.
        TransitionGuard(QStringLiteral("not_subject_staff"), false,
            [](const Case &current, const User &actor, const Transition &,
                const TransitionRequest &) -> std::optional<QString> {
                const QString subject = current.subjectStaff.trimmed();
                if (subject.isEmpty())
                    return std::nullopt;
                if (subject == actor.id || sameText(actor.login, subject) || sameText(actor.name, subject))
                    return tr("You are the person complained about and may not handle this case.");
                return std::nullopt;
            }),
    };
    return guards;
}

const TransitionGuard *TransitionGuard::find(QStringView name)
{
    for (const TransitionGuard &guard : all()) {
        if (guard.m_name == name)
            return &guard;
    }
    return nullptr;
}

QStringList TransitionGuard::names()
{
    QStringList result;
    for (const TransitionGuard &guard : all())
        result.append(guard.m_name);
    return result;
}

std::optional<QString> TransitionGuard::check(
    const Case &current, const User &actor, const Transition &transition, const TransitionRequest &request) const
{
    return m_check(current, actor, transition, request);
}

} // namespace casedesk
