#pragma once

#include "base/Clock.h"
#include "base/Result.h"
#include "domain/Branch.h"
#include "domain/User.h"

#include <QCoreApplication>
#include <QStringList>

namespace casedesk {

class Authenticator;
class CaseStore;
class Taxonomy;

// The administrator's work on the organisation (BRIEF §1 admin role): branches and staff accounts,
// validated the same way whether they come from the command line or the API. Each change is an
// audit event.
class OrganisationAdmin
{
    Q_DECLARE_TR_FUNCTIONS(OrganisationAdmin)

public:
    struct NewBranch
    {
        QString code;
        QString name;
        QString parentCode; // empty for head office
        QString timeZone;
        QString cutoff; // HH:mm, empty for the rule default
    };
    struct NewUser
    {
        QString login;
        QString name;
        QStringList roles;
        QString branchCode;
        QString unit;
        QString phone;
        QString password;
    };

    // actorId: the admin doing it, empty for the command line (recorded as such).
    OrganisationAdmin(CaseStore &cases, Authenticator &authenticator, const Taxonomy &taxonomy, const Clock &clock,
        QString actorId = {});

    Result<Branch> addBranch(const NewBranch &branch);
    Result<User> addUser(const NewUser &user);
    Status setDisabled(const QString &login, bool disabled);
    Status resetPassword(const QString &login, const QString &password);

private:
    Result<User> userByLogin(const QString &login);
    Status audit(const QString &action, const QJsonObject &details);

    CaseStore &m_cases;
    Authenticator &m_authenticator;
    const Taxonomy &m_taxonomy;
    const Clock &m_clock;
    QString m_actorId;
};

} // namespace casedesk
