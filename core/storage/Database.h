#pragma once

#include "base/Result.h"
#include "storage/SqlDialect.h"
#include "storage/SqlRows.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>

#include <memory>

namespace casedesk {

// One open database connection (SQLite file or PostgreSQL URL), its dialect, its prepared
// statements and its transactions. Stores (CaseStore, the server's account store, the client's
// outbox) share a Database and own their tables through it.
class Database
{
    Q_DECLARE_TR_FUNCTIONS(Database)

public:
    struct Options
    {
        // Server: FULL sync so an acknowledged write survives a power cut (DESIGN §5).
        bool durable = true;
    };

    // location: "postgresql://user:pass@host:port/db", a file path, or ":memory:".
    static Result<std::unique_ptr<Database>> open(const QString &location, const Options &options);
    static Result<std::unique_ptr<Database>> open(const QString &location) { return open(location, Options {}); }
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    const SqlDialect &dialect() const { return *m_dialect; }
    QSqlDatabase connection() const;
    QString location() const { return m_location; }

    // Runs a statement with positional (?) bindings; the rows are positioned before the first one.
    // Statements with bindings stay prepared for the next call with the same SQL text.
    Result<SqlRows> exec(const QString &sql, const QVariantList &bindings = {});
    // Convenience for statements whose result is one value (COUNT, MAX …); invalid if no row.
    Result<QVariant> scalar(const QString &sql, const QVariantList &bindings = {});

    // Nested use is allowed: inner transactions are savepoints that roll back on their own; only
    // the outermost one makes the change durable.
    class Transaction
    {
    public:
        explicit Transaction(Database &database);
        ~Transaction();
        Transaction(const Transaction &) = delete;
        Transaction &operator=(const Transaction &) = delete;
        Status commit();

    private:
        Database &m_database;
        bool m_done = false;
    };
    Transaction transaction() { return Transaction(*this); }
    bool inTransaction() const { return m_transactionDepth > 0; }

private:
    Database(QString connectionName, QString location, std::unique_ptr<SqlDialect> dialect);
    Status begin();
    Status finish(bool commit);
    Error sqlError(const QString &what, const QSqlError &error) const;

    QString m_connectionName;
    QString m_location;
    std::unique_ptr<SqlDialect> m_dialect;
    int m_transactionDepth = 0;
    QHash<QString, std::shared_ptr<SqlRows::Statement>> m_statements;
};

} // namespace casedesk
