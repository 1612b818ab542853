#pragma once

#include <QString>

namespace casedesk {

// One line of the demo's login list (what `casedesk-server demo` prints): who to log in as to see
// CaseDesk from a given seat. The password is the server's business, not the generator's.
struct DemoLogin
{
    QString login;
    QString name;
    QString roles; // summary, e.g. "handler (product_management)" or "reception"
    QString branchCode;

    friend bool operator==(const DemoLogin &, const DemoLogin &) = default;
};

} // namespace casedesk
