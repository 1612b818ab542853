#pragma once

#include "rules/RecordSchema.h"

#include <QCoreApplication>
#include <QJsonValue>

namespace casedesk {

class CaseLabels;

// How a value of a record field reads on screen and on paper: codes by their names, booleans as
// yes/no, dates and times in the UI locale, money with two decimals.
class RecordValueText
{
    Q_DECLARE_TR_FUNCTIONS(RecordValueText)

public:
    static QString format(const RecordField &field, const QJsonValue &value, const CaseLabels &labels);
};

} // namespace casedesk
