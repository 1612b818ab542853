#pragma once

#include "base/Result.h"
#include "storage/Migration.h"
#include "sync/SyncOp.h"
#include "sync/SyncOpResult.h"

#include <QDateTime>
#include <QList>

#include <optional>

namespace casedesk {

class Database;

// The first answer the server gave to a pushed op (DESIGN §6).
struct OpLogEntry
{
    QString opId;
    QString userId;
    QString kind;
    QString entityId;
    SyncOpResult result;
    QDateTime appliedAt;
};

// The server's memory of pushed sync ops (component "oplog"): each op's first result, written in the
// same transaction as the op's change, so a replayed op_id gets that result back and is never
// applied twice — also when the answer to the first push was lost in a crash.
class OpLog
{
public:
    explicit OpLog(Database &database);

    static QString component() { return QStringLiteral("oplog"); }
    static QList<Migration> migrations();
    Status migrate();

    Result<std::optional<OpLogEntry>> find(const QString &opId);
    Status record(const SyncOp &op, const QString &userId, const SyncOpResult &result, const QDateTime &at);

private:
    Database &m_database;
};

} // namespace casedesk
