#include "ui/RecordValueText.h"

#include "domain/Money.h"
#include "ui/CaseLabels.h"

#include <QDate>
#include <QDateTime>

namespace casedesk {

QString RecordValueText::format(const RecordField &field, const QJsonValue &value, const CaseLabels &labels)
{
    if (value.isNull() || value.isUndefined())
        return {};
    switch (field.type) {
    case RecordFieldType::Bool:
        return CaseLabels::yesNo(value.toBool());
    case RecordFieldType::Int:
        return QString::number(value.toInteger());
    case RecordFieldType::Date:
        return labels.date(QDate::fromString(value.toString(), Qt::ISODate));
    case RecordFieldType::DateTime:
        return labels.dateTime(QDateTime::fromString(value.toString(), Qt::ISODateWithMs));
    case RecordFieldType::Money:
        if (auto money = Money::fromJson(value))
            return tr("¥%1").arg(money->toString());
        return value.toVariant().toString();
    case RecordFieldType::Code:
        return CaseLabels::recordValue(value.toString());
    case RecordFieldType::Cause:
        return labels.axis(QStringLiteral("cause"), value.toString());
    case RecordFieldType::String:
    case RecordFieldType::Text:
        break;
    }
    return value.toString();
}

} // namespace casedesk
