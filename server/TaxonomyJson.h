#pragma once

#include <QJsonObject>

namespace casedesk {

class CaseRules;

// GET /api/v1/taxonomy: what a client needs to build its forms from the server's active rules
// (admin overrides included): the profile's units, channels, categories and regulator axes, the record
// kinds with their fields, the intake field rules, the life-cycle transitions and the fixed codes.
class TaxonomyJson
{
public:
    static QJsonObject render(const CaseRules &rules);
};

} // namespace casedesk
