#include "storage/SqlDialect.h"

namespace casedesk {

namespace {

class SqliteDialect final : public SqlDialect
{
public:
    QString name() const override { return QStringLiteral("sqlite"); }
    QString qtDriver() const override { return QStringLiteral("QSQLITE"); }

    QStringList connectionSetup(bool durable) const override
    {
        // DESIGN §5: an acknowledged write survives a power cut: WAL with synchronous=FULL.
        return {QStringLiteral("PRAGMA journal_mode=WAL"),
            durable ? QStringLiteral("PRAGMA synchronous=FULL") : QStringLiteral("PRAGMA synchronous=NORMAL"),
            QStringLiteral("PRAGMA foreign_keys=ON"), QStringLiteral("PRAGMA busy_timeout=10000")};
    }

    QString translate(QString sql) const override
    {
        return sql.replace(QLatin1String("${BIGINT}"), QLatin1String("INTEGER"))
            .replace(QLatin1String("${BLOB}"), QLatin1String("BLOB"));
    }

    QStringList appendOnly(const QString &table) const override
    {
        const QString message = QStringLiteral("%1 is append-only").arg(table);
        return {QStringLiteral("CREATE TRIGGER %1_no_update BEFORE UPDATE ON %1 BEGIN SELECT RAISE(ABORT, '%2'); END")
                    .arg(table, message),
            QStringLiteral("CREATE TRIGGER %1_no_delete BEFORE DELETE ON %1 BEGIN SELECT RAISE(ABORT, '%2'); END")
                .arg(table, message)};
    }

    QStringList createSearchIndex() const override
    {
        // trigram indexes any 3 characters, so Chinese needs no word segmentation; LIKE on the
        // indexed column still matches shorter terms such as 理财 by scanning the index table.
        return {QStringLiteral(
            "CREATE VIRTUAL TABLE case_search USING fts5(case_id UNINDEXED, document, tokenize='trigram')")};
    }

    QString searchTermCondition() const override { return QStringLiteral("document LIKE ? ESCAPE '\\'"); }

    QString jsonText(const QString &column, const QString &member) const override
    {
        return QStringLiteral("json_extract(%1, '$.%2')").arg(column, member);
    }

    QString jsonIsTrue(const QString &column, const QString &member) const override
    {
        // json_extract gives 1 for JSON true (and 0 for false, NULL when absent).
        return QStringLiteral("json_extract(%1, '$.%2') = 1").arg(column, member);
    }

    QString shiftedDate(const QString &column, int offsetSeconds) const override
    {
        return QStringLiteral("date(%1, '%2%3 seconds')")
            .arg(column, offsetSeconds < 0 ? QStringLiteral("-") : QStringLiteral("+"))
            .arg(qAbs(offsetSeconds));
    }
};

class PostgresDialect final : public SqlDialect
{
public:
    QString name() const override { return QStringLiteral("postgresql"); }
    QString qtDriver() const override { return QStringLiteral("QPSQL"); }

    QStringList connectionSetup(bool durable) const override
    {
        return {
            durable ? QStringLiteral("SET synchronous_commit = on") : QStringLiteral("SET synchronous_commit = off"),
            QStringLiteral("SET client_encoding = 'UTF8'")};
    }

    QString translate(QString sql) const override
    {
        return sql.replace(QLatin1String("${BIGINT}"), QLatin1String("BIGINT"))
            .replace(QLatin1String("${BLOB}"), QLatin1String("BYTEA"));
    }

    QStringList appendOnly(const QString &table) const override
    {
        return {QStringLiteral("CREATE OR REPLACE FUNCTION casedesk_append_only() RETURNS trigger AS $$ BEGIN "
                               "RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$ LANGUAGE plpgsql"),
            QStringLiteral("CREATE TRIGGER %1_append_only BEFORE UPDATE OR DELETE ON %1 "
                           "FOR EACH ROW EXECUTE FUNCTION casedesk_append_only()")
                .arg(table)};
    }

    QStringList createSearchIndex() const override
    {
        return {QStringLiteral("CREATE EXTENSION IF NOT EXISTS pg_trgm"),
            QStringLiteral("CREATE TABLE case_search (case_id TEXT PRIMARY KEY, document TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX case_search_trgm ON case_search USING gin (document gin_trgm_ops)")};
    }

    QString searchTermCondition() const override { return QStringLiteral("document ILIKE ? ESCAPE '\\'"); }

    QString jsonText(const QString &column, const QString &member) const override
    {
        return QStringLiteral("(%1::json->>'%2')").arg(column, member);
    }

    QString jsonIsTrue(const QString &column, const QString &member) const override
    {
        return QStringLiteral("(%1::json->>'%2') = 'true'").arg(column, member);
    }

    QString shiftedDate(const QString &column, int offsetSeconds) const override
    {
        return QStringLiteral("to_char((%1::timestamptz AT TIME ZONE 'UTC') + interval '%2 seconds', 'YYYY-MM-DD')")
            .arg(column)
            .arg(offsetSeconds);
    }
};

} // namespace

QString SqlDialect::upsertSuffix(const QString &key, const QStringList &columns) const
{
    QStringList sets;
    for (const QString &column : columns)
        sets.append(QStringLiteral("%1 = excluded.%1").arg(column));
    return QStringLiteral(" ON CONFLICT (%1) DO UPDATE SET %2").arg(key, sets.join(QStringLiteral(", ")));
}

std::unique_ptr<SqlDialect> SqlDialect::sqlite()
{
    return std::make_unique<SqliteDialect>();
}

std::unique_ptr<SqlDialect> SqlDialect::postgres()
{
    return std::make_unique<PostgresDialect>();
}

} // namespace casedesk
