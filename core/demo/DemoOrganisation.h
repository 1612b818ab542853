#pragma once

#include "base/Clock.h"
#include "base/Result.h"
#include "casework/AccessPolicy.h"
#include "demo/DemoLogin.h"
#include "domain/Branch.h"
#include "domain/User.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

namespace casedesk {

class CaseStore;

// A realistic bank for demos, GUI tests and benchmarks: head office 总行 with six branches and two
// sub-branches, counter staff at every branch, a handler in every unit of the bank profile, complaint
// managers, a leader, an auditor and an administrator (BRIEF §1), all with Chinese names.
class DemoOrganisation
{
    Q_DECLARE_TR_FUNCTIONS(DemoOrganisation)

public:
    // Writes the branches and users into the store; those already there (same code or login) are
    // kept as they are, so seeding twice changes nothing.
    static Result<DemoOrganisation> create(CaseStore &store, const Clock &clock);

    const QList<Branch> &branches() const { return m_branches; }
    const QList<User> &users() const { return m_users; }
    std::optional<User> user(const QString &login) const;
    std::optional<Branch> branchByCode(const QString &code) const;
    std::optional<Branch> branch(const QString &id) const;
    QList<DemoLogin> logins() const;
    QDateTime createdAt() const { return m_createdAt; }

    const Branch &headOffice() const { return m_branches.first(); }
    // The branches that receive complaints (all but head office), in the order they were created.
    QList<Branch> receivingBranches() const;
    // The branch and every branch below it: a user's scope (BRIEF §1).
    QStringList subtree(const QString &branchId) const;
    AccessPolicy access(const User &user) const;
    // Users holding a role at a branch (any branch when branchId is empty).
    QList<User> withRole(Role role, const QString &branchId = {}) const;
    // The complaint manager responsible for a branch: its own supervisor, else the nearest above it.
    std::optional<User> supervisorFor(const QString &branchId) const;
    // Handlers of a unit who can work a case of the branch: those of the branch or a branch above it,
    // nearest first (a sub-branch's cases go to its parent's branch office).
    QList<User> handlersFor(const QString &unit, const QString &branchId) const;

private:
    QList<Branch> m_branches; // head office first
    QList<User> m_users;
    QDateTime m_createdAt;
};

} // namespace casedesk
