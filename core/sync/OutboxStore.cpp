#include "sync/OutboxStore.h"

#include "storage/Database.h"
#include "storage/SchemaMigrator.h"
#include "storage/SqlValue.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace casedesk {

OutboxStore::OutboxStore(Database &database)
    : m_database(database)
{ }

QList<Migration> OutboxStore::migrations()
{
    return {Migration {1, QStringLiteral("outbox and sync state"),
        {QStringLiteral("CREATE TABLE outbox (sequence INTEGER PRIMARY KEY AUTOINCREMENT, op_id TEXT NOT NULL "
                        "UNIQUE, kind TEXT NOT NULL, entity_id TEXT NOT NULL, case_id TEXT, "
                        "base_revision INTEGER NOT NULL, payload TEXT NOT NULL, summary TEXT, "
                        "created_at TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, "
                        "state TEXT NOT NULL DEFAULT 'pending', last_error TEXT, result TEXT)"),
            QStringLiteral("CREATE INDEX outbox_state ON outbox (state, sequence)"),
            QStringLiteral("CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)")},
        nullptr}};
}

Status OutboxStore::migrate()
{
    return SchemaMigrator::migrate(m_database, component(), migrations());
}

Status OutboxStore::enqueue(const SyncOp &op, const QString &caseId, const QString &summary, const QDateTime &at)
{
    auto inserted = m_database.exec(
        QStringLiteral(
            "INSERT INTO outbox (op_id, kind, entity_id, case_id, base_revision, payload, summary, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        {op.opId, op.kind, op.entityId, SqlValue::text(caseId), op.baseRevision, SqlValue::json(op.payload),
            SqlValue::text(summary), SqlValue::time(at)});
    if (!inserted)
        return inserted.error();
    return {};
}

Result<QList<OutboxEntry>> OutboxStore::select(const QString &where, const QVariantList &bindings, const QString &tail)
{
    auto query
        = m_database.exec(QStringLiteral("SELECT sequence, op_id, kind, entity_id, case_id, base_revision, payload, "
                                         "summary, created_at, attempts, state, result FROM outbox WHERE %1 %2")
                              .arg(where, tail),
            bindings);
    if (!query)
        return query.error();
    QList<OutboxEntry> entries;
    while (query->next()) {
        OutboxEntry e;
        e.sequence = query->value(0).toLongLong();
        e.op.opId = query->value(1).toString();
        e.op.kind = query->value(2).toString();
        e.op.entityId = query->value(3).toString();
        e.caseId = query->value(4).toString();
        e.op.baseRevision = query->value(5).toLongLong();
        e.op.payload = SqlValue::jsonObject(query->value(6));
        e.summary = query->value(7).toString();
        e.createdAt = SqlValue::time(query->value(8));
        e.attempts = query->value(9).toInt();
        e.state = query->value(10).toString();
        if (!query->value(11).isNull())
            e.result = SyncOpResult::fromJson(SqlValue::jsonObject(query->value(11)));
        entries.append(e);
    }
    query->finish();
    return entries;
}

Result<QList<OutboxEntry>> OutboxStore::pending(int limit)
{
    return select(QStringLiteral("state = 'pending'"), {}, QStringLiteral("ORDER BY sequence LIMIT %1").arg(limit));
}

Result<qint64> OutboxStore::pendingCount()
{
    auto count = m_database.scalar(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'pending'"));
    if (!count)
        return count.error();
    return count->toLongLong();
}

Result<QStringList> OutboxStore::pendingCaseIds()
{
    auto query = m_database.exec(
        QStringLiteral("SELECT DISTINCT case_id FROM outbox WHERE state = 'pending' AND case_id IS NOT NULL"));
    if (!query)
        return query.error();
    QStringList ids;
    while (query->next())
        ids.append(query->value(0).toString());
    return ids;
}

Status OutboxStore::markApplied(const QString &opId)
{
    auto removed = m_database.exec(QStringLiteral("DELETE FROM outbox WHERE op_id = ?"), {opId});
    if (!removed)
        return removed.error();
    return {};
}

Status OutboxStore::markRefused(const QString &opId, const SyncOpResult &result)
{
    auto updated = m_database.exec(QStringLiteral("UPDATE outbox SET state = ?, result = ? WHERE op_id = ?"),
        {SyncOpResult::statusCode(result.status), SqlValue::json(result.toJson()), opId});
    if (!updated)
        return updated.error();
    return {};
}

Status OutboxStore::markAttempt(const QString &opId, const QString &error)
{
    auto updated = m_database.exec(
        QStringLiteral("UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE op_id = ?"), {error, opId});
    if (!updated)
        return updated.error();
    return {};
}

Result<QList<OutboxEntry>> OutboxStore::refused()
{
    return select(QStringLiteral("state <> 'pending'"), {}, QStringLiteral("ORDER BY sequence"));
}

Status OutboxStore::dismiss(const QString &opId)
{
    auto removed = m_database.exec(QStringLiteral("DELETE FROM outbox WHERE op_id = ? AND state <> 'pending'"), {opId});
    if (!removed)
        return removed.error();
    return {};
}

Result<QString> OutboxStore::value(const QString &key)
{
    auto value = m_database.scalar(QStringLiteral("SELECT value FROM sync_state WHERE key = ?"), {key});
    if (!value)
        return value.error();
    return value->toString();
}

Status OutboxStore::setValue(const QString &key, const QString &value)
{
    auto written = m_database.exec(
        QStringLiteral(
            "INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
        {key, value});
    if (!written)
        return written.error();
    return {};
}

Result<qint64> OutboxStore::cursor()
{
    auto text = value(QStringLiteral("pull_cursor"));
    if (!text)
        return text.error();
    return text->toLongLong();
}

Status OutboxStore::setCursor(qint64 revision)
{
    return setValue(QStringLiteral("pull_cursor"), QString::number(revision));
}

} // namespace casedesk
