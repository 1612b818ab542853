#pragma once

#include <QJsonObject>
#include <QString>

namespace casedesk {

// A failure the user can act on: a stable machine code (for JSON, tests and logs) and a
// translated, human-readable message. Details carry the facts (field, entry, allowed values).
struct Error
{
    QString code;
    QString message;
    QJsonObject details;

    QJsonObject toJson() const;
};

} // namespace casedesk
