#include "casework/AccessPolicy.h"

namespace casedesk {

namespace {
// Record kinds that are part of working the case (BRIEF §1: the handler records contacts,
// findings, solution, compensation, mediation); visits belong to the complaint manager's follow-up.
const QStringList caseworkRecords
    = {QStringLiteral("contact"), QStringLiteral("investigation"), QStringLiteral("reply"), QStringLiteral("mediation"),
        QStringLiteral("compensation"), QStringLiteral("supervision_reply")};
const QStringList dispatchFields = {QStringLiteral("assignee_id"), QStringLiteral("handling_unit")};
} // namespace

AccessPolicy::AccessPolicy(User user, QStringList scopeBranchIds)
    : m_user(std::move(user))
    , m_scope(std::move(scopeBranchIds))
{ }

bool AccessPolicy::handles(const Case &c) const
{
    // Units exist in every branch (each has its own office), so a unit match counts within scope only.
    return has(Role::Handler)
        && ((!c.assigneeId.isEmpty() && c.assigneeId == m_user.id)
            || (!m_user.unit.isEmpty() && m_user.unit == c.handlingUnit && inScope(c.branchId)));
}

bool AccessPolicy::canReadCases() const
{
    return !m_user.disabled
        && (has(Role::Reception) || has(Role::Handler) || has(Role::Supervisor) || has(Role::Manager)
            || has(Role::Auditor));
}

bool AccessPolicy::canRead(const Case &c) const
{
    if (!canReadCases())
        return false;
    // Assigned work is visible wherever the case was received (head-office units handle every branch).
    return inScope(c.branchId) || handles(c);
}

bool AccessPolicy::canCreateIn(const QString &branchId) const
{
    // First-responsible principle (BRIEF §1): whoever receives a complaint registers it.
    return !m_user.disabled && (has(Role::Reception) || has(Role::Handler) || has(Role::Supervisor))
        && inScope(branchId);
}

bool AccessPolicy::canEdit(const Case &c, const QString &field) const
{
    // Finished cases are history; re-open one to change it (BRIEF §6).
    if (!canRead(c) || !isOpen(c.status))
        return false;
    if (has(Role::Supervisor) && inScope(c.branchId))
        return true;
    if (dispatchFields.contains(field))
        return false;
    if (handles(c))
        return true;
    // The counter may correct what it typed until the case has been reviewed.
    return has(Role::Reception) && c.status == CaseStatus::Received && inScope(c.branchId);
}

bool AccessPolicy::canRevealPersonalData(const Case &c) const
{
    return canRead(c) && (handles(c) || (has(Role::Supervisor) && inScope(c.branchId)));
}

bool AccessPolicy::canAppend(const Case &c, const QString &recordKind) const
{
    if (!canRead(c))
        return false;
    const bool supervisor = has(Role::Supervisor) && inScope(c.branchId);
    if (recordKind == QLatin1String("note"))
        return has(Role::Reception) || has(Role::Handler) || has(Role::Supervisor) || has(Role::Manager);
    if (recordKind == QLatin1String("visit"))
        return supervisor;
    if (caseworkRecords.contains(recordKind))
        return supervisor || handles(c);
    return false;
}

bool AccessPolicy::canPerform(const Case &c, const QString &action) const
{
    if (!canRead(c))
        return false;
    const bool supervisor = has(Role::Supervisor) && inScope(c.branchId);
    if (action == QLatin1String("extend") || action == QLatin1String("escalate"))
        return supervisor || handles(c);
    if (action == QLatin1String("assign") || action == QLatin1String("transfer")
        || action == QLatin1String("mark_malicious"))
        return supervisor;
    // A statutory extension needs a senior approval (CBIRC Order 2020 No.3).
    if (action == QLatin1String("extend_statutory"))
        return has(Role::Manager) && inScope(c.branchId);
    return false;
}

bool AccessPolicy::canReadAuditTrail() const
{
    return has(Role::Auditor) || has(Role::Supervisor) || has(Role::Manager);
}

bool AccessPolicy::canReadReports() const
{
    return has(Role::Manager) || has(Role::Supervisor) || has(Role::Auditor);
}

bool AccessPolicy::canManageCorrectiveActions() const
{
    return has(Role::Supervisor) || has(Role::Manager);
}

bool AccessPolicy::canAdminister() const
{
    return has(Role::Admin) && !m_user.disabled;
}

Error AccessPolicy::forbidden(const QString &what)
{
    return {QStringLiteral("forbidden"), tr("You may not %1.").arg(what), {}};
}

Error AccessPolicy::notFound()
{
    return {QStringLiteral("not_found"), tr("No such case, or it is outside what you may see."), {}};
}

} // namespace casedesk
