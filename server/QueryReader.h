#pragma once

#include "base/Error.h"

#include <QCoreApplication>
#include <QDate>
#include <QStringList>
#include <QUrlQuery>

#include <optional>

namespace casedesk {

// Reads URL query parameters strictly, like JsonReader reads bodies: typed getters that remember the
// first problem as an Error naming the parameter, and unknown parameters refused (a typo such as
// "stauts=" must not silently list everything).
class QueryReader
{
    Q_DECLARE_TR_FUNCTIONS(QueryReader)

public:
    explicit QueryReader(const QUrlQuery &query);

    bool has(const QString &key) const;
    QString string(const QString &key) const;
    QStringList list(const QString &key) const; // comma-separated, empty items dropped
    std::optional<bool> boolean(const QString &key);
    std::optional<qint64> integer(const QString &key, qint64 low, qint64 high);
    QDate date(const QString &key);
    // The value must be one of `allowed`.
    QString oneOf(const QString &key, const QStringList &allowed);
    void invalid(const QString &key, const QString &message);
    void rejectUnknown(const QStringList &known);

    bool ok() const { return !m_error.has_value(); }
    const Error &error() const { return *m_error; }

private:
    QUrlQuery m_query;
    std::optional<Error> m_error;
};

} // namespace casedesk
