#include "storage/SqlRows.h"

namespace casedesk {

SqlRows::SqlRows(std::shared_ptr<Statement> statement)
    : m_statement(std::move(statement))
{
    m_statement->busy = true;
}

SqlRows::SqlRows(SqlRows &&other) noexcept
    : m_statement(std::move(other.m_statement))
{ }

SqlRows &SqlRows::operator=(SqlRows &&other) noexcept
{
    if (this != &other) {
        release();
        m_statement = std::move(other.m_statement);
    }
    return *this;
}

SqlRows::~SqlRows()
{
    release();
}

void SqlRows::release()
{
    if (!m_statement)
        return;
    // Resetting the statement ends its read, so it holds no lock and can be executed again.
    m_statement->query.finish();
    m_statement->busy = false;
    m_statement.reset();
}

} // namespace casedesk
