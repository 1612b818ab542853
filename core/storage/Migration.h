#pragma once

#include <QString>
#include <QStringList>

namespace casedesk {

class Database;

// One numbered, forward-only schema step of a store. Statements use SqlDialect tokens; a step
// with dialect-specific parts supplies them through `extra`, called with the open database.
struct Migration
{
    int version = 0;
    QString description;
    QStringList statements;
    QStringList (*extra)(const Database &database) = nullptr;
};

} // namespace casedesk
