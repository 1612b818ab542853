#pragma once

#include "base/Result.h"
#include "domain/Case.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QStringList>

namespace casedesk {

class CaseRules;

// Checks a new case as a whole before it is stored (BRIEF §2, DESIGN §5): the fields every case and
// its channel need (resources/rules/intake-fields.json), anonymity without name or phone, a receipt
// time that is not in the future. Field values themselves were checked by CaseFields. Missing
// recommended fields are returned as warnings; they never block intake ("accept first").
class IntakeValidator
{
    Q_DECLARE_TR_FUNCTIONS(IntakeValidator)

public:
    static Result<QStringList> check(
        const Case &c, const CaseRules &rules, const QDateTime &now, QStringView language = u"zh");
};

} // namespace casedesk
