#pragma once

#include <QString>
#include <QStringList>

#include <memory>

namespace casedesk {

// The few places where SQLite and PostgreSQL SQL differ, so stores write one SQL text and callers
// never see which database they run on. Migrations use the tokens ${BIGINT} ${BLOB} ${NOW}.
class SqlDialect
{
public:
    virtual ~SqlDialect() = default;

    static std::unique_ptr<SqlDialect> sqlite();
    static std::unique_ptr<SqlDialect> postgres();

    virtual QString name() const = 0; // "sqlite" or "postgresql"
    virtual QString qtDriver() const = 0;
    // Statements run on every new connection (pragmas, session settings).
    virtual QStringList connectionSetup(bool durable) const = 0;
    // Replaces the portable tokens of a migration statement.
    virtual QString translate(QString sql) const = 0;
    // Statements that make a table refuse UPDATE and DELETE (append-only audit trail).
    virtual QStringList appendOnly(const QString &table) const = 0;
    // The full-text index over case text: creation, and the condition matching one term (bound as ?).
    virtual QStringList createSearchIndex() const = 0;
    virtual QString searchTermCondition() const = 0;
    // Text of a JSON member of a column, e.g. data->>'reached'.
    virtual QString jsonText(const QString &column, const QString &member) const = 0;
    // A condition true when a JSON member of a column is the boolean true (data->>'reached').
    virtual QString jsonIsTrue(const QString &column, const QString &member) const = 0;
    // The YYYY-MM-DD date of a UTC timestamp column shifted by a whole number of seconds: the local
    // date at a fixed UTC offset (reports compute offsets per time zone in C++, SQL only shifts).
    virtual QString shiftedDate(const QString &column, int offsetSeconds) const = 0;
    // "INSERT … ON CONFLICT (key) DO UPDATE SET" works on both; kept here should one differ.
    virtual QString upsertSuffix(const QString &key, const QStringList &columns) const;
};

} // namespace casedesk
