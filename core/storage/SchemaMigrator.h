#pragma once

#include "base/Result.h"
#include "storage/Migration.h"

#include <QCoreApplication>
#include <QList>

namespace casedesk {

class Database;

// Brings one store's tables (a "component": cases, accounts, outbox …) to its latest schema by
// applying its numbered migrations in order, each in its own transaction, recording the version.
class SchemaMigrator
{
    Q_DECLARE_TR_FUNCTIONS(SchemaMigrator)

public:
    static Status migrate(
        Database &database, const QString &component, const QList<Migration> &migrations, int targetVersion = -1);
    static int currentVersion(Database &database, const QString &component);
};

} // namespace casedesk
