#include "OrganisationAdmin.h"

#include "Authenticator.h"
#include "domain/AuditEvent.h"
#include "rules/Taxonomy.h"
#include "storage/CaseStore.h"
#include "storage/Database.h"

#include <QRegularExpression>
#include <QTimeZone>
#include <QUuid>

namespace casedesk {

namespace {
Error invalid(const QString &field, const QString &message)
{
    return {QStringLiteral("invalid_value"), message, {{QStringLiteral("field"), field}}};
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}
} // namespace

OrganisationAdmin::OrganisationAdmin(
    CaseStore &cases, Authenticator &authenticator, const Taxonomy &taxonomy, const Clock &clock, QString actorId)
    : m_cases(cases)
    , m_authenticator(authenticator)
    , m_taxonomy(taxonomy)
    , m_clock(clock)
    , m_actorId(std::move(actorId))
{ }

Status OrganisationAdmin::audit(const QString &action, const QJsonObject &details)
{
    AuditEvent e;
    e.id = newId();
    e.at = m_clock.now();
    e.actorId = m_actorId;
    e.action = action;
    e.details = details;
    if (m_actorId.isEmpty())
        e.details.insert(QStringLiteral("via"), QStringLiteral("command_line"));
    return m_cases.appendAudit(e);
}

Result<Branch> OrganisationAdmin::addBranch(const NewBranch &input)
{
    // The code starts every case number of the branch (DESIGN §6), so it has that format.
    static const QRegularExpression codePattern(QStringLiteral("^[A-Z0-9]{2,12}$"));
    Branch b;
    b.id = newId();
    b.code = input.code.trimmed();
    b.name = input.name.trimmed();
    if (!codePattern.match(b.code).hasMatch())
        return invalid(QStringLiteral("code"), tr("A branch code has 2 to 12 capital letters or digits, e.g. SH01."));
    if (b.name.isEmpty())
        return invalid(QStringLiteral("name"), tr("The branch needs a name."));
    if (!input.timeZone.isEmpty()) {
        if (!QTimeZone(input.timeZone.toLatin1()).isValid())
            return invalid(
                QStringLiteral("timezone"), tr("“%1” is not a time zone (e.g. Asia/Shanghai).").arg(input.timeZone));
        b.timeZone = input.timeZone;
    }
    if (!input.cutoff.isEmpty()) {
        b.cutoff = QTime::fromString(input.cutoff, QStringLiteral("HH:mm"));
        if (!b.cutoff.isValid())
            return invalid(QStringLiteral("cutoff"), tr("The cut-off is a time written HH:mm, e.g. 17:00."));
    }
    auto transaction = m_cases.database().transaction();
    auto existing = m_cases.findBranchByCode(b.code);
    if (!existing)
        return existing.error();
    if (existing->has_value())
        return Error {QStringLiteral("already_exists"), tr("A branch with code %1 already exists.").arg(b.code),
            {{QStringLiteral("field"), QStringLiteral("code")}}};
    if (input.parentCode.isEmpty()) {
        auto all = m_cases.branches();
        if (!all)
            return all.error();
        if (!all->isEmpty())
            return invalid(QStringLiteral("parent"), tr("There is a head office already; name the parent branch."));
    } else {
        auto parent = m_cases.findBranchByCode(input.parentCode);
        if (!parent)
            return parent.error();
        if (!parent->has_value())
            return invalid(QStringLiteral("parent"), tr("There is no branch with code %1.").arg(input.parentCode));
        b.parentId = (*parent)->id;
    }
    auto revision = m_cases.nextRevision();
    if (!revision)
        return revision.error();
    b.revision = *revision;
    if (auto ok = m_cases.saveBranch(b); !ok)
        return ok.error();
    if (auto ok = audit(
            QStringLiteral("branch_added"), {{QStringLiteral("branch_id"), b.id}, {QStringLiteral("code"), b.code}});
        !ok)
        return ok.error();
    if (auto ok = transaction.commit(); !ok)
        return ok.error();
    return b;
}

Result<User> OrganisationAdmin::addUser(const NewUser &input)
{
    static const QRegularExpression loginPattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$"));
    User u;
    u.id = newId();
    u.login = input.login.trimmed();
    u.name = input.name.trimmed();
    u.unit = input.unit.trimmed();
    u.phone = input.phone.trimmed();
    if (!loginPattern.match(u.login).hasMatch())
        return invalid(
            QStringLiteral("login"), tr("A login has 2 to 64 letters, digits, dots, dashes or underscores."));
    if (u.name.isEmpty())
        return invalid(QStringLiteral("name"), tr("The user needs a name."));
    for (const QString &code : input.roles) {
        const auto role = fromCode<Role>(code.trimmed());
        if (!role)
            return invalid(QStringLiteral("roles"),
                tr("“%1” is not a role; roles are %2.").arg(code, allCodes<Role>().join(QStringLiteral(", "))));
        if (!u.roles.contains(*role))
            u.roles.append(*role);
    }
    if (u.roles.isEmpty())
        return invalid(QStringLiteral("roles"), tr("Give the user at least one role."));
    if (!u.unit.isEmpty() && !m_taxonomy.unit(u.unit))
        return invalid(QStringLiteral("unit"), tr("“%1” is not a handling unit of this profile.").arg(u.unit));

    auto transaction = m_cases.database().transaction();
    auto branch = m_cases.findBranchByCode(input.branchCode.trimmed());
    if (!branch)
        return branch.error();
    if (!branch->has_value())
        return invalid(QStringLiteral("branch"), tr("There is no branch with code %1.").arg(input.branchCode));
    u.branchId = (*branch)->id;
    auto existing = m_cases.findUserByLogin(u.login);
    if (!existing)
        return existing.error();
    if (existing->has_value())
        return Error {QStringLiteral("already_exists"), tr("The login %1 is taken.").arg(u.login),
            {{QStringLiteral("field"), QStringLiteral("login")}}};
    auto revision = m_cases.nextRevision();
    if (!revision)
        return revision.error();
    u.revision = *revision;
    if (auto ok = m_cases.saveUser(u); !ok)
        return ok.error();
    if (auto ok = m_authenticator.setPassword(u, input.password); !ok)
        return ok.error();
    QStringList roles;
    for (Role role : u.roles)
        roles.append(toCode(role));
    if (auto ok = audit(QStringLiteral("user_added"),
            {{QStringLiteral("user_id"), u.id}, {QStringLiteral("login"), u.login},
                {QStringLiteral("roles"), roles.join(QLatin1Char(','))}});
        !ok)
        return ok.error();
    if (auto ok = transaction.commit(); !ok)
        return ok.error();
    return u;
}

Result<User> OrganisationAdmin::userByLogin(const QString &login)
{
    auto found = m_cases.findUserByLogin(login.trimmed());
    if (!found)
        return found.error();
    if (!found->has_value())
        return Error {QStringLiteral("not_found"), tr("There is no user with login %1.").arg(login), {}};
    return **found;
}

Status OrganisationAdmin::setDisabled(const QString &login, bool disabled)
{
    auto transaction = m_cases.database().transaction();
    auto user = userByLogin(login);
    if (!user)
        return user.error();
    if (user->disabled == disabled)
        return {};
    User u = *user;
    u.disabled = disabled;
    auto revision = m_cases.nextRevision();
    if (!revision)
        return revision.error();
    u.revision = *revision;
    if (auto ok = m_cases.saveUser(u); !ok)
        return ok;
    // Sessions of a disabled account end now, not when their tokens expire.
    if (disabled) {
        if (auto ok = m_authenticator.logoutEverywhere(u); !ok)
            return ok;
    }
    if (auto ok = audit(disabled ? QStringLiteral("user_disabled") : QStringLiteral("user_enabled"),
            {{QStringLiteral("user_id"), u.id}, {QStringLiteral("login"), u.login}});
        !ok)
        return ok;
    return transaction.commit();
}

Status OrganisationAdmin::resetPassword(const QString &login, const QString &password)
{
    auto transaction = m_cases.database().transaction();
    auto user = userByLogin(login);
    if (!user)
        return user.error();
    if (auto ok = m_authenticator.setPassword(*user, password); !ok)
        return ok;
    if (auto ok = audit(QStringLiteral("password_reset"),
            {{QStringLiteral("user_id"), user->id}, {QStringLiteral("login"), user->login}});
        !ok)
        return ok;
    return transaction.commit();
}

} // namespace casedesk
