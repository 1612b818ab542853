#pragma once

#include "domain/Role.h"

#include <QList>
#include <QString>

namespace casedesk {

// A member of staff as the rules see them: who they are, what roles they hold, where they sit.
// Password hashes and sessions belong to the server's account store, not here.
struct User
{
    QString id; // UUID
    QString login;
    QString name;
    QList<Role> roles;
    QString branchId;
    QString unit; // handling unit code for back-office staff, empty for counter staff
    QString phone;
    bool disabled = false;
    qint64 revision = 0;

    bool hasRole(Role role) const { return roles.contains(role); }
    friend bool operator==(const User &, const User &) = default;
};

} // namespace casedesk
