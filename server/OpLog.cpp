#include "OpLog.h"

#include "storage/Database.h"
#include "storage/SchemaMigrator.h"
#include "storage/SqlValue.h"

#include <QSqlQuery>

namespace casedesk {

OpLog::OpLog(Database &database)
    : m_database(database)
{ }

QList<Migration> OpLog::migrations()
{
    return {Migration {1, QStringLiteral("first results of pushed sync ops"),
        {QStringLiteral("CREATE TABLE sync_op_log (op_id TEXT PRIMARY KEY, user_id TEXT NOT NULL, "
                        "kind TEXT NOT NULL, entity_id TEXT NOT NULL, status TEXT NOT NULL, "
                        "result TEXT NOT NULL, applied_at TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX sync_op_log_applied ON sync_op_log (applied_at)")},
        nullptr}};
}

Status OpLog::migrate()
{
    return SchemaMigrator::migrate(m_database, component(), migrations());
}

Result<std::optional<OpLogEntry>> OpLog::find(const QString &opId)
{
    auto query = m_database.exec(
        QStringLiteral("SELECT op_id, user_id, kind, entity_id, result, applied_at FROM sync_op_log WHERE op_id = ?"),
        {opId});
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<OpLogEntry>();
    OpLogEntry entry {query->value(0).toString(), query->value(1).toString(), query->value(2).toString(),
        query->value(3).toString(), SyncOpResult::fromJson(SqlValue::jsonObject(query->value(4))),
        SqlValue::time(query->value(5))};
    query->finish();
    return std::optional<OpLogEntry>(entry);
}

Status OpLog::record(const SyncOp &op, const QString &userId, const SyncOpResult &result, const QDateTime &at)
{
    auto inserted = m_database.exec(QStringLiteral("INSERT INTO sync_op_log (op_id, user_id, kind, entity_id, status, "
                                                   "result, applied_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {op.opId, userId, op.kind, op.entityId, SyncOpResult::statusCode(result.status),
            SqlValue::json(result.toJson()), SqlValue::time(at)});
    if (!inserted)
        return inserted.error();
    return {};
}

} // namespace casedesk
