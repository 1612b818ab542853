#pragma once

#include "base/Error.h"
#include "domain/Case.h"
#include "domain/User.h"

#include <QCoreApplication>
#include <QStringList>

namespace casedesk {

// Who may do what to which case (BRIEF §1, DESIGN §7), for one user and their branch scope (their
// branch and every branch below it). The server enforces these answers on every request; the client
// asks the same questions only to hide what the server would refuse.
class AccessPolicy
{
    Q_DECLARE_TR_FUNCTIONS(AccessPolicy)

public:
    AccessPolicy(User user, QStringList scopeBranchIds);

    const User &user() const { return m_user; }
    const QStringList &scope() const { return m_scope; }
    bool inScope(const QString &branchId) const { return m_scope.contains(branchId); }

    bool canReadCases() const; // everyone but a pure admin
    bool canRead(const Case &c) const;
    bool canCreateIn(const QString &branchId) const;
    bool canEdit(const Case &c, const QString &field) const;
    bool canRevealPersonalData(const Case &c) const;
    bool canAppend(const Case &c, const QString &recordKind) const;
    bool canPerform(const Case &c, const QString &action) const;
    bool canReadAuditTrail() const;
    bool canReadReports() const;
    bool canManageCorrectiveActions() const;
    bool canAdminister() const;
    // The handler relation: assigned to the user, or to the unit the user works in.
    bool handles(const Case &c) const;

    static Error forbidden(const QString &what);
    static Error notFound();

private:
    bool has(Role role) const { return m_user.hasRole(role); }

    User m_user;
    QStringList m_scope;
};

} // namespace casedesk
