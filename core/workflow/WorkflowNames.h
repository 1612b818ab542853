#pragma once

#include "domain/CaseStatus.h"
#include "domain/Role.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace casedesk {

// Display names of the life cycle's states and of the roles, for messages and the client.
// English in the source; the Chinese names (BRIEF §6: 已受理 …) come from the translations.
class WorkflowNames
{
    Q_DECLARE_TR_FUNCTIONS(WorkflowNames)

public:
    static QString status(CaseStatus status);
    static QString role(Role role);
    // "Handler and Supervisor", joined the way the current locale joins a list.
    static QString roles(const QList<Role> &roles);
};

} // namespace casedesk
