#pragma once

#include <QString>

namespace casedesk {

// The person complaining. Anonymous complaints carry no name and no phone (BRIEF §2, §6).
// Phone and ID number are personal data: encrypted at rest on the server, masked unless the
// reader's role may see them (DESIGN §7).
struct Complainant
{
    QString name;
    QString phone;
    QString idNumber;
    QString customerReference; // account or customer number, optional
    bool anonymous = false;

    friend bool operator==(const Complainant &, const Complainant &) = default;
};

} // namespace casedesk
