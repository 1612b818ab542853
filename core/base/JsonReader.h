#pragma once

#include "base/Error.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <memory>
#include <optional>

namespace casedesk {

// Reads a JSON object field by field with strict types and remembers the first problem as an
// Error naming the field's path ("complainant.phone", "rules[3].when"). Used for API bodies and
// rule files alike, so both refuse bad input with the same clear messages.
class JsonReader
{
    Q_DECLARE_TR_FUNCTIONS(JsonReader)

public:
    explicit JsonReader(QJsonObject object, QString path = {});

    bool has(const QString &key) const;
    QString string(const QString &key, bool required = false);
    std::optional<QString> optionalString(const QString &key);
    bool boolean(const QString &key, bool fallback = false);
    std::optional<bool> optionalBoolean(const QString &key);
    qint64 integer(const QString &key, qint64 fallback = 0, bool required = false);
    double number(const QString &key, double fallback = 0, bool required = false);
    QDate date(const QString &key, bool required = false);
    QDateTime dateTime(const QString &key, bool required = false);
    QStringList stringList(const QString &key, bool required = false);
    QJsonArray array(const QString &key, bool required = false);
    QJsonObject object(const QString &key, bool required = false);
    QJsonValue value(const QString &key) const;

    // A reader for a nested object; its errors are reported to this reader with the full path.
    JsonReader child(const QString &key, bool required = false);
    JsonReader element(const QJsonArray &array, int index, const QString &arrayKey);

    // Any key not listed is an "unknown_field" error (API bodies must not carry surprises).
    void rejectUnknown(const QStringList &known);
    // Reports a value that has the right type but is not acceptable (unknown code, bad range).
    void invalid(const QString &key, const QString &message, const QJsonObject &extra = {});

    bool ok() const;
    const Error &error() const;
    QString fieldPath(const QString &key) const;

private:
    struct Shared
    {
        std::optional<Error> first;
    };
    JsonReader(QJsonObject object, QString path, std::shared_ptr<Shared> shared);

    bool present(const QString &key, bool required);
    void fail(const QString &code, const QString &key, const QString &message, QJsonObject extra = {});
    void wrongType(const QString &key, const QString &expected);

    QJsonObject m_object;
    QString m_path;
    std::shared_ptr<Shared> m_shared;
};

} // namespace casedesk
