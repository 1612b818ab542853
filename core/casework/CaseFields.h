#pragma once

#include "base/Result.h"
#include "domain/Case.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QMap>
#include <QStringList>

namespace casedesk {

class CaseRules;

// The case fields people type, as JSON paths ("summary", "complainant.phone", "forwarding.due_date"):
// reading them from API bodies and sync ops strictly (unknown fields, wrong types, unknown codes and
// malformed phone or ID numbers are refused with the field named), writing them onto a case, and
// flattening a case for per-field comparison (DESIGN §6: a conflict is per field).
class CaseFields
{
    Q_DECLARE_TR_FUNCTIONS(CaseFields)

public:
    // Paths a PATCH or a sync update may change.
    static const QStringList &editable();
    // Paths only a new case may carry (the counter sets them once).
    static const QStringList &creationOnly();

    // Flattens a nested JSON body ({"complainant": {"phone": …}}) to paths; unknown paths refused.
    static Result<QMap<QString, QJsonValue>> flattenInput(const QJsonObject &body, bool creating);
    // Validates one value and writes it onto the case. `today` bounds birth dates in ID numbers.
    static Status set(Case &c, const QString &path, const QJsonValue &value, const CaseRules &rules, QDate today);
    // The case's current value of a path, in the same JSON form the input uses.
    static QJsonValue get(const Case &c, const QString &path);
};

} // namespace casedesk
