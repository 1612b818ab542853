#pragma once

#include <QDate>
#include <QString>

namespace casedesk {

// Where an open case stands against its active deadlines at a given moment: the colour of a row in a
// queue. governingKind is one of "register", "contact", "resolve", "forwarder", "statutory", "visit",
// empty when no deadline is active (visited, archived, withdrawn).
struct DueState
{
    bool overdue = false;
    bool dueSoon = false;
    QDate governingDate;
    QString governingKind;
    double shareUsed = 0; // share of the governing limit used up to and including today; 1 on the due day

    friend bool operator==(const DueState &, const DueState &) = default;
};

} // namespace casedesk
