#pragma once

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QVariant>

namespace casedesk {

// How values are written to and read from columns, identically on SQLite and PostgreSQL:
// instants as UTC ISO 8601 text with milliseconds (sortable), dates as YYYY-MM-DD, JSON as text.
class SqlValue
{
public:
    static QVariant time(const QDateTime &value);
    static QDateTime time(const QVariant &column);
    static QVariant date(const QDate &value);
    static QDate date(const QVariant &column);
    static QVariant text(const QString &value); // empty string → NULL
    static QVariant json(const QJsonObject &value);
    static QVariant json(const QJsonArray &value);
    static QJsonObject jsonObject(const QVariant &column);
    static QJsonArray jsonArray(const QVariant &column);
};

} // namespace casedesk
