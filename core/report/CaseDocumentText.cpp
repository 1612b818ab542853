#include "report/CaseDocumentText.h"

#include "domain/Money.h"
#include "report/ReportTerms.h"

#include <QJsonValue>

namespace casedesk {

CaseDocumentText::CaseDocumentText(QString language, QTimeZone zone, const Taxonomy &taxonomy)
    : m_language(std::move(language))
    , m_zone(zone.isValid() ? zone : QTimeZone::utc())
    , m_taxonomy(taxonomy)
{ }

QString CaseDocumentText::time(const QDateTime &at) const
{
    return at.isValid() ? at.toTimeZone(m_zone).toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
}

QString CaseDocumentText::date(const QDate &date) const
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

QString CaseDocumentText::value(const RecordField &field, const QJsonValue &value) const
{
    if (value.isUndefined() || value.isNull())
        return {};
    switch (field.type) {
    case RecordFieldType::Bool:
        return ReportTerms::yesNo(value.toBool()).text(m_language);
    case RecordFieldType::Int:
        return QString::number(value.toInteger());
    case RecordFieldType::Money: {
        const auto money = Money::fromJson(value);
        return money ? QStringLiteral("¥") + money->toString() : value.toVariant().toString();
    }
    case RecordFieldType::DateTime:
        return time(QDateTime::fromString(value.toString(), Qt::ISODateWithMs));
    case RecordFieldType::Code: {
        const QString code = value.toString();
        if (field.name.contains(QLatin1String("satisfaction")))
            return ReportTerms::satisfaction(code).text(m_language);
        if (field.name == QLatin1String("solved"))
            return ReportTerms::solved(code).text(m_language);
        if (field.name == QLatin1String("method"))
            return ReportTerms::method(code).text(m_language);
        return code;
    }
    case RecordFieldType::Cause:
        if (const AxisNode *node = m_taxonomy.axisNode(QStringLiteral("cause"), value.toString()))
            return node->name.text(m_language);
        break;
    case RecordFieldType::String:
    case RecordFieldType::Text:
    case RecordFieldType::Date:
        break;
    }
    return value.toVariant().toString();
}

} // namespace casedesk
