#pragma once

#include "domain/CaseStatus.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace casedesk {

// An append-only trail entry (BRIEF §6, DESIGN §7): who did what to which case, when, and why.
// Transitions carry from/to states; views of unmasked personal data are events too.
struct AuditEvent
{
    QString id; // UUID
    QString caseId; // empty for events not tied to a case (login, user admin)
    QDateTime at;
    QString actorId;
    // "created", "transition", "updated", "assigned", "extended", "escalated", "transferred", "record_added",
    // "viewed_personal_data", "reopened" …
    QString action;
    std::optional<CaseStatus> fromStatus;
    std::optional<CaseStatus> toStatus;
    QString reason;
    QJsonObject details;
    qint64 revision = 0;

    friend bool operator==(const AuditEvent &, const AuditEvent &) = default;
};

} // namespace casedesk
