#include "storage/Database.h"

#include <QAtomicInt>
#include <QSqlError>
#include <QUrl>
#include <QUrlQuery>

namespace casedesk {

namespace {
QAtomicInt connectionCounter;
}

Database::Database(QString connectionName, QString location, std::unique_ptr<SqlDialect> dialect)
    : m_connectionName(std::move(connectionName))
    , m_location(std::move(location))
    , m_dialect(std::move(dialect))
{
}

Database::~Database()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<Database>> Database::open(const QString &location, const Options &options)
{
    const bool postgres = location.startsWith(QLatin1String("postgresql://"))
        || location.startsWith(QLatin1String("postgres://"));
    auto dialect = postgres ? SqlDialect::postgres() : SqlDialect::sqlite();
    if (!QSqlDatabase::isDriverAvailable(dialect->qtDriver())) {
        return Error{QStringLiteral("database_driver_missing"),
                     tr("The Qt SQL driver %1 is not installed.").arg(dialect->qtDriver()), {}};
    }
    const QString name = QStringLiteral("casedesk-%1").arg(connectionCounter.fetchAndAddRelaxed(1));
    QSqlDatabase db = QSqlDatabase::addDatabase(dialect->qtDriver(), name);
    if (postgres) {
        const QUrl url(location);
        db.setHostName(url.host().isEmpty() ? QStringLiteral("localhost") : url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
        const QString sslmode = QUrlQuery(url).queryItemValue(QStringLiteral("sslmode"));
        if (!sslmode.isEmpty())
            db.setConnectOptions(QStringLiteral("sslmode=%1").arg(sslmode));
    } else {
        db.setDatabaseName(location);
    }
    std::unique_ptr<Database> database(new Database(name, location, std::move(dialect)));
    if (!db.open()) {
        return Error{QStringLiteral("database_unavailable"),
                     tr("Cannot open the database %1: %2")
                         .arg(postgres ? QUrl(location).adjusted(QUrl::RemovePassword).toString() : location,
                              db.lastError().text()),
                     {}};
    }
    for (const QString &statement : database->m_dialect->connectionSetup(options.durable)) {
        auto result = database->exec(statement);
        if (!result)
            return result.error();
    }
    return database;
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

Error Database::sqlError(const QString &what, const QSqlError &error) const
{
    return {QStringLiteral("database_error"), tr("Database error: %1").arg(error.text()),
            {{QStringLiteral("statement"), what.left(200)}, {QStringLiteral("native_code"), error.nativeErrorCode()}}};
}

Result<QSqlQuery> Database::exec(const QString &sql, const QVariantList &bindings)
{
    QSqlQuery query(connection());
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return sqlError(sql, query.lastError());
    for (int i = 0; i < bindings.size(); ++i)
        query.bindValue(i, bindings.at(i));
    if (!query.exec())
        return sqlError(sql, query.lastError());
    return Result<QSqlQuery>(std::move(query));
}

Result<QVariant> Database::scalar(const QString &sql, const QVariantList &bindings)
{
    auto query = exec(sql, bindings);
    if (!query)
        return query.error();
    if (!query->next())
        return QVariant();
    QVariant value = query->value(0);
    query->finish();
    return value;
}

Status Database::begin()
{
    // Nested transactions are savepoints: a failed inner part rolls back alone, so the outer
    // one can still commit what it did (e.g. the sync op log records a rejected op).
    const QString sql = m_transactionDepth == 0 ? QStringLiteral("BEGIN")
                                                : QStringLiteral("SAVEPOINT sp%1").arg(m_transactionDepth);
    if (m_transactionDepth == 0 && m_dialect->name() == QLatin1String("sqlite")) {
        // IMMEDIATE takes the write lock up front, so two writers never deadlock upgrading a read lock.
        auto begun = exec(QStringLiteral("BEGIN IMMEDIATE"));
        if (!begun)
            return begun.error();
    } else {
        auto begun = exec(sql);
        if (!begun)
            return begun.error();
    }
    ++m_transactionDepth;
    return {};
}

Status Database::finish(bool commit)
{
    if (m_transactionDepth == 0)
        return {};
    const int depth = --m_transactionDepth;
    if (depth > 0) {
        const QString name = QStringLiteral("sp%1").arg(depth);
        if (!commit) {
            (void)exec(QStringLiteral("ROLLBACK TO SAVEPOINT ") + name);
        }
        auto released = exec(QStringLiteral("RELEASE SAVEPOINT ") + name);
        if (!released)
            return released.error();
        return {};
    }
    if (!commit) {
        (void)exec(QStringLiteral("ROLLBACK"));
        return {};
    }
    auto committed = exec(QStringLiteral("COMMIT"));
    if (!committed) {
        (void)exec(QStringLiteral("ROLLBACK"));
        return committed.error();
    }
    return {};
}

Database::Transaction::Transaction(Database &database)
    : m_database(database)
{
    if (!m_database.begin())
        m_done = true;
}

Database::Transaction::~Transaction()
{
    if (!m_done)
        (void)m_database.finish(false);
}

Status Database::Transaction::commit()
{
    if (m_done)
        return Error{QStringLiteral("transaction_failed"), Database::tr("The transaction could not be started."), {}};
    m_done = true;
    return m_database.finish(true);
}

} // namespace casedesk
