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
{ }

Database::~Database()
{
    m_statements.clear();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<Database>> Database::open(const QString &location, const Options &options)
{
    const bool postgres
        = location.startsWith(QLatin1String("postgresql://")) || location.startsWith(QLatin1String("postgres://"));
    auto dialect = postgres ? SqlDialect::postgres() : SqlDialect::sqlite();
    if (!QSqlDatabase::isDriverAvailable(dialect->qtDriver())) {
        return Error {QStringLiteral("database_driver_missing"),
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
        const Error error {QStringLiteral("database_unavailable"),
            tr("Cannot open the database %1: %2")
                .arg(postgres ? QUrl(location).adjusted(QUrl::RemovePassword).toString() : location,
                    db.lastError().text()),
            {}};
        db = QSqlDatabase(); // the connection must be unused when the Database removes it
        return error;
    }
    for (const QString &statement : database->m_dialect->connectionSetup(options.durable)) {
        auto result = database->exec(statement);
        if (!result) {
            db = QSqlDatabase(); // the connection must be unused when the Database removes it
            return result.error();
        }
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

Result<SqlRows> Database::exec(const QString &sql, const QVariantList &bindings)
{
    // PostgreSQL cannot PREPARE every statement (SET, BEGIN …): statements without values run directly.
    if (bindings.isEmpty()) {
        auto statement = std::make_shared<SqlRows::Statement>();
        statement->query = QSqlQuery(connection());
        statement->query.setForwardOnly(true);
        if (!statement->query.exec(sql))
            return sqlError(sql, statement->query.lastError());
        return SqlRows(std::move(statement));
    }
    // Parsing SQL was a third of the cost of a write; prepared statements are kept per SQL text.
    // One that is still in use (its rows being read) is not shared: a fresh one runs instead.
    std::shared_ptr<SqlRows::Statement> statement = m_statements.value(sql);
    if (!statement || statement->busy) {
        statement = std::make_shared<SqlRows::Statement>();
        statement->query = QSqlQuery(connection());
        statement->query.setForwardOnly(true);
        if (!statement->query.prepare(sql))
            return sqlError(sql, statement->query.lastError());
        if (!m_statements.contains(sql)) {
            constexpr qsizetype maxPrepared = 512;
            if (m_statements.size() >= maxPrepared)
                m_statements.removeIf([](const auto &entry) { return !entry.value()->busy; });
            m_statements.insert(sql, statement);
        }
    }
    for (int i = 0; i < bindings.size(); ++i)
        statement->query.bindValue(i, bindings.at(i));
    if (!statement->query.exec()) {
        Error error = sqlError(sql, statement->query.lastError());
        statement->query.finish();
        return error;
    }
    return SqlRows(std::move(statement));
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
    const QString sql
        = m_transactionDepth == 0 ? QStringLiteral("BEGIN") : QStringLiteral("SAVEPOINT sp%1").arg(m_transactionDepth);
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
        return Error {QStringLiteral("transaction_failed"), Database::tr("The transaction could not be started."), {}};
    m_done = true;
    return m_database.finish(true);
}

} // namespace casedesk
