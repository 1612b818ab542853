#pragma once

#include "base/Result.h"
#include "storage/Migration.h"
#include "sync/SyncOp.h"
#include "sync/SyncOpResult.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>

#include <optional>

namespace casedesk {

class Database;

// An op waiting in the client's outbox, or one the server refused that its author must see.
struct OutboxEntry
{
    qint64 sequence = 0; // push order
    SyncOp op;
    QString caseId;
    QString summary; // what the author did, in words, for the "needs attention" list
    QDateTime createdAt;
    int attempts = 0;
    QString state; // "pending", "conflict", "rejected"
    SyncOpResult result; // the server's answer once refused
};

// The client's outbox and sync bookkeeping (DESIGN §6): ops written in the same transaction as the
// local change, pushed in order, removed once applied; refused ones kept for their author until
// dismissed. Also holds the pull cursor and the device code, so a restart resumes where it was.
class OutboxStore
{
    Q_DECLARE_TR_FUNCTIONS(OutboxStore)

public:
    explicit OutboxStore(Database &database);

    static QString component() { return QStringLiteral("outbox"); }
    static QList<Migration> migrations();
    Status migrate();

    Status enqueue(const SyncOp &op, const QString &caseId, const QString &summary, const QDateTime &at);
    Result<QList<OutboxEntry>> pending(int limit);
    Result<qint64> pendingCount();
    Result<QStringList> pendingCaseIds();
    Status markApplied(const QString &opId);
    Status markRefused(const QString &opId, const SyncOpResult &result);
    Status markAttempt(const QString &opId, const QString &error);
    Result<QList<OutboxEntry>> refused();
    Status dismiss(const QString &opId);

    Result<qint64> cursor();
    Status setCursor(qint64 revision);
    Result<QString> value(const QString &key);
    Status setValue(const QString &key, const QString &value);

private:
    Result<QList<OutboxEntry>> select(const QString &where, const QVariantList &bindings, const QString &tail);

    Database &m_database;
};

} // namespace casedesk
