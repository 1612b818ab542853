#include "storage/SqlValue.h"

#include <QJsonDocument>

namespace casedesk {

QVariant SqlValue::time(const QDateTime &value)
{
    if (!value.isValid())
        return QVariant(QMetaType::fromType<QString>());
    return value.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

QDateTime SqlValue::time(const QVariant &column)
{
    if (column.isNull())
        return {};
    return QDateTime::fromString(column.toString(), Qt::ISODateWithMs);
}

QVariant SqlValue::date(const QDate &value)
{
    if (!value.isValid())
        return QVariant(QMetaType::fromType<QString>());
    return value.toString(Qt::ISODate);
}

QDate SqlValue::date(const QVariant &column)
{
    if (column.isNull())
        return {};
    return QDate::fromString(column.toString(), Qt::ISODate);
}

QVariant SqlValue::text(const QString &value)
{
    if (value.isEmpty())
        return QVariant(QMetaType::fromType<QString>());
    return value;
}

QVariant SqlValue::json(const QJsonObject &value)
{
    return QString::fromUtf8(QJsonDocument(value).toJson(QJsonDocument::Compact));
}

QVariant SqlValue::json(const QJsonArray &value)
{
    return QString::fromUtf8(QJsonDocument(value).toJson(QJsonDocument::Compact));
}

QJsonObject SqlValue::jsonObject(const QVariant &column)
{
    return QJsonDocument::fromJson(column.toString().toUtf8()).object();
}

QJsonArray SqlValue::jsonArray(const QVariant &column)
{
    return QJsonDocument::fromJson(column.toString().toUtf8()).array();
}

} // namespace casedesk
