#pragma once

#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

#include <memory>

namespace casedesk {

// The result of one executed statement. The statement may be one the Database keeps prepared for
// reuse; while this object lives nobody else uses it, and destroying it makes it reusable.
class SqlRows
{
public:
    struct Statement
    {
        QSqlQuery query;
        bool busy = false;
    };

    explicit SqlRows(std::shared_ptr<Statement> statement);
    SqlRows(SqlRows &&other) noexcept;
    SqlRows &operator=(SqlRows &&other) noexcept;
    SqlRows(const SqlRows &) = delete;
    SqlRows &operator=(const SqlRows &) = delete;
    ~SqlRows();

    bool next() { return m_statement->query.next(); }
    QVariant value(int index) const { return m_statement->query.value(index); }
    int numRowsAffected() const { return m_statement->query.numRowsAffected(); }
    QSqlRecord record() const { return m_statement->query.record(); }
    QVariant lastInsertId() const { return m_statement->query.lastInsertId(); }
    void finish() { m_statement->query.finish(); }
    const QSqlQuery &query() const { return m_statement->query; }
    // Row readers take a QSqlQuery; let them read this one.
    operator const QSqlQuery &() const { return m_statement->query; }

private:
    void release();

    std::shared_ptr<Statement> m_statement;
};

} // namespace casedesk
