#pragma once

#include <QDate>
#include <QString>

namespace casedesk {

// For cases forwarded by a superior office or a regulator: who sent it, their reference and their
// own reply deadline, which takes part in the deadlines (the earliest governs, BRIEF §5).
struct Forwarding
{
    QString body;
    QString reference;
    QDate dueDate;

    bool isEmpty() const { return body.isEmpty() && reference.isEmpty() && !dueDate.isValid(); }
    friend bool operator==(const Forwarding &, const Forwarding &) = default;
};

} // namespace casedesk
