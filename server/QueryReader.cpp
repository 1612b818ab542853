#include "QueryReader.h"

#include <QRegularExpression>

namespace casedesk {

QueryReader::QueryReader(const QUrlQuery &query)
    : m_query(query)
{ }

bool QueryReader::has(const QString &key) const
{
    return m_query.hasQueryItem(key) && !string(key).isEmpty();
}

QString QueryReader::string(const QString &key) const
{
    return m_query.queryItemValue(key, QUrl::FullyDecoded).trimmed();
}

QStringList QueryReader::list(const QString &key) const
{
    QStringList items;
    for (const QString &item : string(key).split(QLatin1Char(','), Qt::SkipEmptyParts))
        items.append(item.trimmed());
    return items;
}

void QueryReader::invalid(const QString &key, const QString &message)
{
    if (!m_error)
        m_error = Error {QStringLiteral("invalid_value"), message, {{QStringLiteral("field"), key}}};
}

std::optional<bool> QueryReader::boolean(const QString &key)
{
    if (!has(key))
        return std::nullopt;
    const QString value = string(key).toLower();
    if (value == QLatin1String("true") || value == QLatin1String("1"))
        return true;
    if (value == QLatin1String("false") || value == QLatin1String("0"))
        return false;
    invalid(key, tr("Parameter “%1” must be true or false.").arg(key));
    return std::nullopt;
}

std::optional<qint64> QueryReader::integer(const QString &key, qint64 low, qint64 high)
{
    if (!has(key))
        return std::nullopt;
    bool ok = false;
    const qint64 value = string(key).toLongLong(&ok);
    if (!ok || value < low || value > high) {
        invalid(key, tr("Parameter “%1” must be a whole number from %2 to %3.").arg(key).arg(low).arg(high));
        return std::nullopt;
    }
    return value;
}

QDate QueryReader::date(const QString &key)
{
    if (!has(key))
        return {};
    static const QRegularExpression pattern(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    const QString text = string(key);
    const QDate d = QDate::fromString(text, Qt::ISODate);
    if (!d.isValid() || !pattern.match(text).hasMatch()) {
        invalid(key, tr("Parameter “%1” must be a date written YYYY-MM-DD.").arg(key));
        return {};
    }
    return d;
}

QString QueryReader::oneOf(const QString &key, const QStringList &allowed)
{
    if (!has(key))
        return {};
    const QString value = string(key);
    if (!allowed.contains(value)) {
        invalid(key, tr("Parameter “%1” must be one of: %2.").arg(key, allowed.join(QStringLiteral(", "))));
        return {};
    }
    return value;
}

void QueryReader::rejectUnknown(const QStringList &known)
{
    for (const auto &item : m_query.queryItems()) {
        if (!known.contains(item.first)) {
            if (!m_error) {
                m_error = Error {QStringLiteral("unknown_field"),
                    tr("Parameter “%1” is not known here; known are: %2.")
                        .arg(item.first, known.join(QStringLiteral(", "))),
                    {{QStringLiteral("field"), item.first}}};
            }
            return;
        }
    }
}

} // namespace casedesk
