#pragma once

#include "domain/AuditEvent.h"
#include "domain/Case.h"
#include "domain/CaseRecord.h"
#include "rules/RoutingRules.h"

#include <QList>
#include <QStringList>

#include <optional>

namespace casedesk {

// What one CaseService operation wrote: the case as it now is, the audit events and the record it
// appended, plus what the user should be told (warnings, fields left unchanged by a conflict).
struct CaseChange
{
    Case current;
    QList<AuditEvent> events;
    std::optional<CaseRecord> record;
    QStringList warnings;
    QStringList conflicts; // fields another user changed since the base revision (not applied)
    QStringList changedFields;
    std::optional<Case> repeatOf; // the earlier case a new complaint repeats
    RoutingDecision routing;
    bool written = false; // false when the request changed nothing
};

} // namespace casedesk
