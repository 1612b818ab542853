#include "base/JsonReader.h"

#include <QRegularExpression>

#include <cmath>

namespace casedesk {

JsonReader::JsonReader(QJsonObject object, QString path)
    : JsonReader(std::move(object), std::move(path), std::make_shared<Shared>())
{ }

JsonReader::JsonReader(QJsonObject object, QString path, std::shared_ptr<Shared> shared)
    : m_object(std::move(object))
    , m_path(std::move(path))
    , m_shared(std::move(shared))
{ }

bool JsonReader::has(const QString &key) const
{
    return m_object.contains(key) && !m_object.value(key).isNull();
}

QString JsonReader::fieldPath(const QString &key) const
{
    if (m_path.isEmpty())
        return key;
    if (key.isEmpty())
        return m_path;
    return m_path + QLatin1Char('.') + key;
}

void JsonReader::fail(const QString &code, const QString &key, const QString &message, QJsonObject extra)
{
    if (m_shared->first)
        return;
    extra.insert(QStringLiteral("field"), fieldPath(key));
    m_shared->first = Error {code, message, extra};
}

void JsonReader::wrongType(const QString &key, const QString &expected)
{
    fail(QStringLiteral("invalid_type"), key, tr("Field “%1” must be %2.").arg(fieldPath(key), expected),
        {{QStringLiteral("expected"), expected}});
}

bool JsonReader::present(const QString &key, bool required)
{
    if (has(key))
        return true;
    if (required)
        fail(QStringLiteral("missing_field"), key, tr("Field “%1” is required.").arg(fieldPath(key)));
    return false;
}

QString JsonReader::string(const QString &key, bool required)
{
    if (!present(key, required))
        return {};
    const QJsonValue v = m_object.value(key);
    if (!v.isString()) {
        wrongType(key, tr("a string"));
        return {};
    }
    const QString text = v.toString();
    if (required && text.trimmed().isEmpty())
        fail(QStringLiteral("missing_field"), key, tr("Field “%1” must not be empty.").arg(fieldPath(key)));
    return text;
}

std::optional<QString> JsonReader::optionalString(const QString &key)
{
    if (!present(key, false))
        return std::nullopt;
    return string(key);
}

bool JsonReader::boolean(const QString &key, bool fallback)
{
    return optionalBoolean(key).value_or(fallback);
}

std::optional<bool> JsonReader::optionalBoolean(const QString &key)
{
    if (!present(key, false))
        return std::nullopt;
    const QJsonValue v = m_object.value(key);
    if (!v.isBool()) {
        wrongType(key, tr("true or false"));
        return std::nullopt;
    }
    return v.toBool();
}

qint64 JsonReader::integer(const QString &key, qint64 fallback, bool required)
{
    if (!present(key, required))
        return fallback;
    const QJsonValue v = m_object.value(key);
    const double d = v.toDouble();
    if (!v.isDouble() || std::trunc(d) != d || std::fabs(d) > 9007199254740992.0) {
        wrongType(key, tr("a whole number"));
        return fallback;
    }
    return qint64(d);
}

double JsonReader::number(const QString &key, double fallback, bool required)
{
    if (!present(key, required))
        return fallback;
    const QJsonValue v = m_object.value(key);
    if (!v.isDouble()) {
        wrongType(key, tr("a number"));
        return fallback;
    }
    return v.toDouble();
}

QDate JsonReader::date(const QString &key, bool required)
{
    const QString text = string(key, required);
    if (text.isEmpty())
        return {};
    // Qt's ISO parser also takes 2026/02/14; the API promises exactly YYYY-MM-DD.
    static const QRegularExpression pattern(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    const QDate d = QDate::fromString(text, Qt::ISODate);
    if (!d.isValid() || !pattern.match(text).hasMatch()) {
        wrongType(key, tr("a date written YYYY-MM-DD"));
        return {};
    }
    return d;
}

QDateTime JsonReader::dateTime(const QString &key, bool required)
{
    const QString text = string(key, required);
    if (text.isEmpty())
        return {};
    const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid() || t.timeSpec() == Qt::LocalTime) {
        wrongType(key, tr("a time in ISO 8601 with a UTC offset, e.g. 2026-11-24T10:20:00+08:00"));
        return {};
    }
    return t;
}

QStringList JsonReader::stringList(const QString &key, bool required)
{
    const QJsonArray items = array(key, required);
    QStringList result;
    for (const QJsonValue &item : items) {
        if (!item.isString()) {
            wrongType(key, tr("a list of strings"));
            return {};
        }
        result.append(item.toString());
    }
    return result;
}

QJsonArray JsonReader::array(const QString &key, bool required)
{
    if (!present(key, required))
        return {};
    const QJsonValue v = m_object.value(key);
    if (!v.isArray()) {
        wrongType(key, tr("a list"));
        return {};
    }
    return v.toArray();
}

QJsonObject JsonReader::object(const QString &key, bool required)
{
    if (!present(key, required))
        return {};
    const QJsonValue v = m_object.value(key);
    if (!v.isObject()) {
        wrongType(key, tr("an object"));
        return {};
    }
    return v.toObject();
}

QJsonValue JsonReader::value(const QString &key) const
{
    return m_object.value(key);
}

JsonReader JsonReader::child(const QString &key, bool required)
{
    return JsonReader(object(key, required), fieldPath(key), m_shared);
}

JsonReader JsonReader::element(const QJsonArray &array, int index, const QString &arrayKey)
{
    const QString path = fieldPath(arrayKey) + QStringLiteral("[%1]").arg(index);
    const QJsonValue v = array.at(index);
    if (!v.isObject()) {
        if (!m_shared->first) {
            m_shared->first
                = Error {QStringLiteral("invalid_type"), tr("Field “%1” must be %2.").arg(path, tr("an object")),
                    {{QStringLiteral("field"), path}, {QStringLiteral("expected"), tr("an object")}}};
        }
        return JsonReader(QJsonObject(), path, m_shared);
    }
    return JsonReader(v.toObject(), path, m_shared);
}

void JsonReader::rejectUnknown(const QStringList &known)
{
    for (auto it = m_object.begin(); it != m_object.end(); ++it) {
        if (!known.contains(it.key())) {
            fail(QStringLiteral("unknown_field"), it.key(),
                tr("Field “%1” is not known here.").arg(fieldPath(it.key())));
            return;
        }
    }
}

void JsonReader::invalid(const QString &key, const QString &message, const QJsonObject &extra)
{
    fail(QStringLiteral("invalid_value"), key, message, extra);
}

bool JsonReader::ok() const
{
    return !m_shared->first.has_value();
}

const Error &JsonReader::error() const
{
    static const Error none;
    return m_shared->first ? *m_shared->first : none;
}

} // namespace casedesk
