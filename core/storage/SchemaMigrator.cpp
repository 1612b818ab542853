#include "storage/SchemaMigrator.h"

#include "storage/Database.h"

#include <QDateTime>

namespace casedesk {

namespace {
Status ensureVersionTable(Database &database)
{
    auto created = database.exec(QStringLiteral(
        "CREATE TABLE IF NOT EXISTS schema_migrations (component TEXT NOT NULL, version INTEGER NOT NULL, "
        "description TEXT NOT NULL, applied_at TEXT NOT NULL, PRIMARY KEY (component, version))"));
    if (!created)
        return created.error();
    return {};
}
} // namespace

int SchemaMigrator::currentVersion(Database &database, const QString &component)
{
    if (!ensureVersionTable(database))
        return -1;
    auto version = database.scalar(
        QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations WHERE component = ?"), {component});
    return version ? version->toInt() : -1;
}

Status SchemaMigrator::migrate(
    Database &database, const QString &component, const QList<Migration> &migrations, int targetVersion)
{
    if (auto ok = ensureVersionTable(database); !ok)
        return ok;
    const int current = currentVersion(database, component);
    int expected = 1;
    for (const Migration &migration : migrations) {
        // Numbered and forward-only: a gap or reordering is a programming error worth refusing loudly.
        if (migration.version != expected++) {
            return Error {QStringLiteral("migration_order"),
                tr("Migrations of %1 are not numbered 1, 2, 3 …").arg(component), {}};
        }
    }
    if (current > migrations.size()) {
        return Error {QStringLiteral("schema_too_new"),
            tr("The database was written by a newer CaseDesk (%1 schema version %2; this program knows %3).")
                .arg(component)
                .arg(current)
                .arg(migrations.size()),
            {}};
    }
    for (const Migration &migration : migrations) {
        if (migration.version <= current)
            continue;
        if (targetVersion >= 0 && migration.version > targetVersion)
            break;
        auto transaction = database.transaction();
        QStringList statements = migration.statements;
        if (migration.extra)
            statements += migration.extra(database);
        for (const QString &statement : statements) {
            auto result = database.exec(database.dialect().translate(statement));
            if (!result) {
                Error error = result.error();
                error.message = tr("Migration %1 of %2 (%3) failed: %4")
                                    .arg(migration.version)
                                    .arg(component, migration.description, error.message);
                return error;
            }
        }
        auto recorded = database.exec(
            QStringLiteral(
                "INSERT INTO schema_migrations (component, version, description, applied_at) VALUES (?, ?, ?, ?)"),
            {component, migration.version, migration.description,
                QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)});
        if (!recorded)
            return recorded.error();
        if (auto committed = transaction.commit(); !committed)
            return committed;
    }
    return {};
}

} // namespace casedesk
